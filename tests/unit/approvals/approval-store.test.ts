import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApprovalService } from '../../../bot/approvals/approval-service.js';
import {
  APPROVALS_DIR,
  APPROVALS_FILE,
  type ApprovalPersistence,
  type ApprovalRequest,
  approvalFileSchema,
  createApprovalStore,
  MAX_PRUNED_PER_INSERT,
  MIGRATED_SUFFIX,
  openApprovalStore,
} from '../../../bot/approvals/approval-store.js';
import { createMemoryApprovalStore } from '../../../bot/approvals/memory-approval-store.js';
import type { Actor } from '../../../bot/domain/types.js';
import { isAppError } from '../../../bot/errors.js';
import { createChange, updateChange } from './sample-change.js';

const base: ApprovalRequest = {
  id: 'r1',
  requester: { id: '29:r', name: 'R' },
  conversationId: 'c',
  channelKey: 'c',
  connector: 'acme',
  operation: 'create',
  target: { spaceKey: 'DS', title: 'Minutes' },
  change: createChange('Minutes'),
  createdAt: '2025-01-01T00:00:00.000Z',
  expiresAt: '2025-01-02T00:00:00.000Z',
  status: 'pending',
};
const NOW = new Date('2025-01-01T06:00:00.000Z');
const APPROVER = { isApprover: true };

let dir: string;
let approvalsDir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'approval-store-'));
  approvalsDir = join(dir, APPROVALS_DIR);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function request(id: string, overrides: Partial<ApprovalRequest> = {}): ApprovalRequest {
  return { ...base, id, ...overrides };
}

async function writeRequestFile(name: string, content: string): Promise<void> {
  await mkdir(approvalsDir, { recursive: true });
  await writeFile(join(approvalsDir, name), content);
}

async function readRequestFile(id: string): Promise<ApprovalRequest> {
  return approvalFileSchema.parse(JSON.parse(await readFile(join(approvalsDir, `${id}.json`), 'utf8')))
    .request;
}

async function openError(): Promise<Error> {
  const error = await openApprovalStore({ dataDir: dir }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAppError(error, 'STORE_CORRUPT')).toBe(true);
  return error as Error;
}

describe('approval store', () => {
  it('compare-and-set applies only from the expected status', async () => {
    const store = createMemoryApprovalStore();
    await store.insert(base);
    const first = await store.transition('r1', 'pending', { status: 'rejected' });
    expect(first).toMatchObject({ kind: 'applied', previous: 'pending', request: { status: 'rejected' } });
    const second = await store.transition('r1', ['pending', 'approved'], { status: 'approved' });
    expect(second).toMatchObject({ kind: 'conflict', request: { status: 'rejected' } });
    expect(await store.transition('nope', 'pending', { status: 'approved' })).toEqual({ kind: 'not-found' });
  });

  it('refuses duplicate ids and invalid requests', async () => {
    const store = createMemoryApprovalStore();
    await store.insert(base);
    await expect(store.insert(base)).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(store.insert({ ...base, id: 'r 2' })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    expect(store.list()).toHaveLength(1);
  });

  it('returns copies that cannot change the stored state', async () => {
    const store = createMemoryApprovalStore();
    const inserted = await store.insert(base);
    inserted.status = 'approved';
    expect(store.get('r1')?.status).toBe('pending');
  });

  it('does not write when a batch transition matches nothing', async () => {
    const store = createMemoryApprovalStore();
    await store.insert(base);
    const writes = store.writes();
    expect(
      await store.transitionMatching(
        'approved',
        () => true,
        () => ({ status: 'failed' }),
      ),
    ).toEqual([]);
    expect(store.writes()).toBe(writes);
  });

  it('a failed write leaves the request as it was', async () => {
    const store = createMemoryApprovalStore();
    await store.insert(base);
    store.failNextWrite();
    await expect(store.transition('r1', 'pending', { status: 'approved' })).rejects.toThrow(/simulated/);
    expect(store.get('r1')?.status).toBe('pending');
    expect(await store.transition('r1', 'pending', { status: 'approved' })).toMatchObject({
      kind: 'applied',
    });
  });
});

describe('pruning', () => {
  const limits = { now: NOW, maxPendingPerRequester: 99, maxPendingPerChannel: 99 };
  const ended = (id: string, minute: number) =>
    request(id, { status: 'rejected', decidedAt: new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString() });

  it('a submit drops at most MAX_PRUNED_PER_INSERT due requests; the sweep drops the rest', async () => {
    const store = createMemoryApprovalStore(
      Array.from({ length: MAX_PRUNED_PER_INSERT + 10 }, (_, i) => ended(`f${i}`, i)),
    );
    await store.insertWithinLimits(request('new'), { ...limits, pruneBefore: NOW });
    expect(store.list()).toHaveLength(11);
    expect(store.get('f0')).toBeUndefined();
    expect(store.get(`f${MAX_PRUNED_PER_INSERT}`)).toBeDefined();
    expect(await store.pruneFinished(NOW)).toBe(10);
    expect(store.list().map((r) => r.id)).toEqual(['new']);
  });

  it('a file that cannot be removed does not refuse the submit; the sweep retries it', async () => {
    const store = createMemoryApprovalStore([ended('old', 0)]);
    store.failNextWrite();
    await store.insertWithinLimits(request('new'), { ...limits, pruneBefore: NOW });
    expect(store.list().map((r) => r.id)).toEqual(['old', 'new']);
    expect(await store.pruneFinished(NOW)).toBe(1);
    expect(store.list().map((r) => r.id)).toEqual(['new']);
  });

  it('beyond the cap the earliest ended go first, whatever the filing order', async () => {
    const store = createMemoryApprovalStore([ended('a', 30), ended('b', 10), request('p'), ended('c', 20)]);
    expect(await store.pruneFinished(new Date(0), 1)).toBe(2);
    expect(store.list().map((r) => r.id)).toEqual(['a', 'p']);
    await store.transition('p', 'pending', { status: 'cancelled', decidedAt: '2025-01-01T00:05:00.000Z' });
    expect(await store.pruneFinished(new Date(0), 1)).toBe(1);
    expect(store.list().map((r) => r.id)).toEqual(['a']);
  });
});

describe('one file per request', () => {
  it('a submit writes one file, a transition rewrites it, a prune removes it; modes 0600/0700', async () => {
    const store = await openApprovalStore({ dataDir: dir });
    await store.insert(base);
    await store.insert(request('r2'));
    expect((await readdir(approvalsDir)).sort()).toEqual(['r1.json', 'r2.json']);
    expect((await stat(approvalsDir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(approvalsDir, 'r1.json'))).mode & 0o777).toBe(0o600);
    await store.transition('r1', 'pending', { status: 'rejected', decidedAt: '2025-01-01T01:00:00.000Z' });
    expect((await readRequestFile('r1')).status).toBe('rejected');
    expect(await store.pruneFinished(new Date('2025-01-01T02:00:00.000Z'))).toBe(1);
    expect(await readdir(approvalsDir)).toEqual(['r2.json']);
  });

  it('loads records written by earlier versions: typed once, an origin without platform is Teams', async () => {
    await mkdir(approvalsDir, { recursive: true });
    const origin = {
      conversationId: 'personal-1',
      channelKey: 'personal-1',
      serviceUrl: 'https://smba.example',
    };
    const old = {
      ...base,
      status: 'executed',
      decidedAt: '2025-01-01T01:00:00.000Z',
      change: { plan: { ...createChange('Minutes').plan, storage: '', storageOmitted: true }, origin },
      result: { pageId: '9', webUrl: 'https://acme.atlassian.net/wiki/x', version: 1 },
    };
    const partial = { ...request('r2'), change: { ...updateChange(), origin: { conversationId: 'c' } } };
    await writeFile(join(approvalsDir, 'r1.json'), JSON.stringify({ request: old }));
    await writeFile(join(approvalsDir, 'r2.json'), JSON.stringify({ request: partial }));
    const store = await openApprovalStore({ dataDir: dir });
    const loaded = store.get('r1')!;
    expect(loaded.change.origin).toEqual({ platform: 'teams', ...origin });
    expect(loaded.change.plan).toMatchObject({ kind: 'create', title: 'Minutes', storageOmitted: true });
    expect(loaded.result).toEqual(old.result);
    expect(store.get('r2')?.change).toEqual(updateChange());
  });

  it('pending requests and decisions survive a restart, in filing order', async () => {
    let seq = 0;
    const first = createApprovalService({
      store: await openApprovalStore({ dataDir: dir }),
      now: () => NOW,
      newId: () => `req-${++seq}`,
    });
    const rita: Actor = { id: '29:rita', name: 'Rita' };
    const a = await first.submit({ ...input(), requester: rita });
    const b = await first.submit({ ...input(), requester: rita });
    await first.reject(a.id, { id: '29:alan', name: 'Alan' }, APPROVER);

    const store = await openApprovalStore({ dataDir: dir });
    const second = createApprovalService({ store, now: () => NOW, newId: () => `req-${++seq}` });
    expect(second.get(a.id)).toMatchObject({ status: 'rejected', decidedBy: { name: 'Alan' } });
    expect(second.get(b.id)).toMatchObject({ status: 'pending', change: input().change });
    expect(second.listForUser(rita, false).map((r) => r.id)).toEqual([b.id]);
    await second.approve(b.id, { id: '29:alan', name: 'Alan' }, APPROVER);
    expect((await readRequestFile(b.id)).status).toBe('approved');
  });

  it('concurrent transitions on one id: exactly one wins, and the file agrees', async () => {
    const store = await openApprovalStore({ dataDir: dir });
    await store.insert(base);
    const statuses = ['approved', 'rejected', 'cancelled', 'expired'] as const;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => store.transition('r1', 'pending', { status: statuses[i % 4] })),
    );
    const applied = results.filter((r) => r.kind === 'applied');
    expect(applied).toHaveLength(1);
    const winner = applied[0]!.kind === 'applied' ? applied[0]!.request.status : undefined;
    expect(results.filter((r) => r.kind === 'conflict')).toHaveLength(39);
    expect((await readRequestFile('r1')).status).toBe(winner);
    expect((await openApprovalStore({ dataDir: dir })).get('r1')?.status).toBe(winner);
  });

  it('concurrent submits against the caps on the file store: exactly the cap succeeds', async () => {
    let seq = 0;
    const service = createApprovalService({
      store: await openApprovalStore({ dataDir: dir }),
      now: () => NOW,
      newId: () => `req-${++seq}`,
      maxPendingPerRequester: 5,
      maxPendingPerChannel: 8,
    });
    const rita: Actor = { id: '29:rita', name: 'Rita', aadObjectId: 'aad-rita' };
    const ritaElsewhere: Actor = { id: '29:rita-2', name: 'Rita', aadObjectId: 'aad-rita' };
    const results = await Promise.allSettled([
      ...Array.from({ length: 6 }, () => service.submit({ ...input(), requester: rita })),
      ...Array.from({ length: 6 }, () => service.submit({ ...input(), requester: ritaElsewhere })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => isAppError(r.reason, 'APPROVAL_LIMIT'))).toBe(true);

    const crowd = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        service.submit({ ...input(), requester: { id: `u${i}`, name: 'U' } }),
      ),
    );
    expect(crowd.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await readdir(approvalsDir)).toHaveLength(8);
  });

  it('refuses a corrupt request file at startup, naming it, and leaves it untouched', async () => {
    await writeRequestFile('r1.json', JSON.stringify({ request: base }));
    await writeRequestFile('r2.json', '{"request": {"id": "r2", ');
    const error = await openError();
    expect(error.message).toContain(join(approvalsDir, 'r2.json'));
    expect(error.message).toMatch(/not valid JSON/);
    expect(await readFile(join(approvalsDir, 'r2.json'), 'utf8')).toBe('{"request": {"id": "r2", ');
  });

  it('refuses a file that is not a request, or holds another id, or is not named after an id', async () => {
    await writeRequestFile('r1.json', JSON.stringify({ request: { ...base, status: 'maybe' } }));
    expect((await openError()).message).toMatch(/r1\.json does not match the expected shape/);
    await writeRequestFile('r1.json', JSON.stringify({ request: request('r9') }));
    expect((await openError()).message).toMatch(/r1\.json holds request r9/);
    await rm(join(approvalsDir, 'r1.json'));
    await writeRequestFile('bad id.json', JSON.stringify({ request: base }));
    expect((await openError()).message).toContain('bad id.json');
    await rm(join(approvalsDir, 'bad id.json'));
    await symlink(join(dir, 'elsewhere.json'), join(approvalsDir, 'r3.json'));
    expect((await openError()).message).toMatch(/r3\.json is not a regular file/);
  });

  it('ignores and removes a half-written temp file left by a crash', async () => {
    await writeRequestFile('r1.json', JSON.stringify({ request: base }));
    await writeRequestFile('.r1.0a1b2c.tmp', '{"request": {"id": "r1", "status": "appr');
    const store = await openApprovalStore({ dataDir: dir });
    expect(store.get('r1')?.status).toBe('pending');
    expect(await readdir(approvalsDir)).toEqual(['r1.json']);
  });

  it('never lets an id name another path', async () => {
    const writes: string[] = [];
    const persistence: ApprovalPersistence = {
      write: async (r) => {
        writes.push(r.id);
      },
      remove: async () => undefined,
    };
    const store = createApprovalStore(persistence);
    for (const id of ['../escape', 'a/b', '.hidden', '', 'x'.repeat(65), 'r1.json']) {
      await expect(store.insert(request(id))).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    }
    expect(writes).toEqual([]);
    const files = await openApprovalStore({ dataDir: dir });
    await expect(files.insert(request('../escape'))).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    expect(await readdir(approvalsDir)).toEqual([]);
  });
});

describe('migration from approvals.json', () => {
  it('copies every request into its own file, then renames the old file', async () => {
    const old = [
      request('old1', { status: 'rejected', decidedAt: '2025-01-01T01:00:00.000Z' }),
      request('old2', { createdAt: '2025-01-01T00:30:00.000Z' }),
    ];
    await writeFile(join(dir, APPROVALS_FILE), JSON.stringify({ requests: old }, null, 2));
    const store = await openApprovalStore({ dataDir: dir });
    expect(store.list().map((r) => [r.id, r.status])).toEqual([
      ['old1', 'rejected'],
      ['old2', 'pending'],
    ]);
    expect((await readdir(approvalsDir)).sort()).toEqual(['old1.json', 'old2.json']);
    expect(await readRequestFile('old2')).toEqual(old[1]);
    expect((await readdir(dir)).sort()).toEqual([APPROVALS_DIR, `${APPROVALS_FILE}${MIGRATED_SUFFIX}`]);

    await store.transition('old2', 'pending', { status: 'approved' });
    const reopened = await openApprovalStore({ dataDir: dir });
    expect(reopened.get('old2')?.status).toBe('approved');
  });

  it('after an interrupted migration, files already written win and the rest are copied', async () => {
    await writeRequestFile(
      'old1.json',
      JSON.stringify({ request: request('old1', { status: 'cancelled' }) }),
    );
    await writeFile(
      join(dir, APPROVALS_FILE),
      JSON.stringify({ requests: [request('old1'), request('old2')] }),
    );
    const store = await openApprovalStore({ dataDir: dir });
    expect(store.get('old1')?.status).toBe('cancelled');
    expect(store.get('old2')?.status).toBe('pending');
  });

  it('refuses a corrupt approvals.json, naming it, and migrates nothing', async () => {
    await writeFile(join(dir, APPROVALS_FILE), JSON.stringify({ requests: [{ ...base, status: 'maybe' }] }));
    expect((await openError()).message).toContain(join(dir, APPROVALS_FILE));
    expect(await readdir(dir)).toEqual([APPROVALS_FILE]);
  });
});

function input() {
  return {
    requester: { id: '29:r', name: 'R' },
    conversationId: 'chan;messageid=1',
    channelKey: 'chan',
    connector: 'acme',
    operation: 'update' as const,
    target: { spaceKey: 'DS', pageId: '1', title: 'Runbook' },
    change: updateChange({ pageId: '1', title: 'Runbook', storage: '<p>x</p>', baseVersion: 2 }),
    baseVersion: 2,
  };
}
