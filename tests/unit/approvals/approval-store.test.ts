import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APPROVALS_FILE,
  type ApprovalRequest,
  approvalsFileSchema,
  createApprovalStore,
  emptyApprovalsFile,
  openApprovalStore,
} from '../../../bot/approvals/approval-store.js';
import { createMemoryDocument } from '../../../bot/stores/json-document.js';

const base: ApprovalRequest = {
  id: 'r1',
  requester: { id: '29:r', name: 'R' },
  conversationId: 'c',
  channelKey: 'c',
  connector: 'acme',
  operation: 'create',
  target: { spaceKey: 'DS', title: 'Minutes' },
  change: { markdown: '# hi' },
  createdAt: '2025-01-01T00:00:00.000Z',
  expiresAt: '2025-01-02T00:00:00.000Z',
  status: 'pending',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'approval-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function memory() {
  const document = createMemoryDocument(approvalsFileSchema, emptyApprovalsFile());
  return { document, store: createApprovalStore(document) };
}

describe('approval store', () => {
  it('compare-and-set applies only from the expected status', async () => {
    const { store } = memory();
    await store.insert(base);
    const first = await store.transition('r1', 'pending', { status: 'rejected' });
    expect(first).toMatchObject({ kind: 'applied', previous: 'pending', request: { status: 'rejected' } });
    const second = await store.transition('r1', ['pending', 'approved'], { status: 'approved' });
    expect(second).toMatchObject({ kind: 'conflict', request: { status: 'rejected' } });
    expect(await store.transition('nope', 'pending', { status: 'approved' })).toEqual({ kind: 'not-found' });
  });

  it('refuses duplicate ids and invalid requests', async () => {
    const { store } = memory();
    await store.insert(base);
    await expect(store.insert(base)).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(store.insert({ ...base, id: 'r 2' })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    expect(store.list()).toHaveLength(1);
  });

  it('returns copies that cannot change the stored state', async () => {
    const { store } = memory();
    const inserted = await store.insert(base);
    inserted.status = 'approved';
    expect(store.get('r1')?.status).toBe('pending');
  });

  it('does not write when a batch transition matches nothing', async () => {
    const { store, document } = memory();
    await store.insert(base);
    const writes = document.writes();
    expect(
      await store.transitionMatching(
        'approved',
        () => true,
        () => ({ status: 'failed' }),
      ),
    ).toEqual([]);
    expect(document.writes()).toBe(writes);
  });

  it('refuses a corrupt approvals file', async () => {
    await writeFile(join(dir, APPROVALS_FILE), JSON.stringify({ requests: [{ ...base, status: 'maybe' }] }));
    await expect(openApprovalStore({ dataDir: dir })).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
  });
});
