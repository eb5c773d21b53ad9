import { describe, expect, it } from 'vitest';
import { compactApprovalChange } from '../../../bot/approvals/approval-change.js';
import {
  APPROVAL_RETENTION_MS,
  MAX_PENDING_PER_CHANNEL,
  MAX_PENDING_PER_REQUESTER,
} from '../../../bot/approvals/approval-limits.js';
import { createApprovalService, type NewApprovalInput } from '../../../bot/approvals/approval-service.js';
import { createMemoryApprovalStore } from '../../../bot/approvals/memory-approval-store.js';
import type { Actor } from '../../../bot/domain/types.js';
import { AppError, ERROR_MESSAGES } from '../../../bot/errors.js';
import { resultOf, updateChange } from './sample-change.js';

const T0 = new Date('2025-03-10T09:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const rita: Actor = { id: '29:rita', name: 'Rita', aadObjectId: 'aad-rita' };
const alan: Actor = { id: '29:alan', name: 'Alan', aadObjectId: 'aad-alan' };
const APPROVER = { isApprover: true };

function input(requester: Actor = rita, channelKey = 'chan-1'): NewApprovalInput {
  return {
    requester,
    conversationId: `${channelKey};messageid=1`,
    channelKey,
    connector: 'acme',
    operation: 'update',
    target: { spaceKey: 'DS', pageId: '123', title: 'Runbook' },
    change: updateChange(),
    baseVersion: 7,
  };
}

/** A service on a memory store whose writes are counted, on a clock the test moves. */
function setup(options: { compact?: boolean } = {}) {
  let clock = T0;
  let seq = 0;
  const store = createMemoryApprovalStore();
  const service = createApprovalService({
    store,
    now: () => clock,
    newId: () => `req-${++seq}`,
    ...(options.compact ? { compactFinished: compactApprovalChange } : {}),
  });
  return {
    store,
    service,
    writes: () => store.writes(),
    at: (ms: number) => {
      clock = new Date(T0.getTime() + ms);
    },
  };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('retention of finished requests (frozen clock)', () => {
  it('keeps a decided request loadable for the retention, then prunes it on the next submit', async () => {
    const { service, at } = setup();
    const request = await service.submit(input());
    at(HOUR);
    await service.reject(request.id, alan, APPROVER);

    at(HOUR + APPROVAL_RETENTION_MS - 1);
    await service.submit(input(alan));
    expect(service.get(request.id)?.status).toBe('rejected');
    const late = await caught(service.approve(request.id, alan, APPROVER));
    expect(late.code).toBe('APPROVAL_ALREADY_DECIDED');
    expect(late.userMessage).toMatch(/was rejected by Alan/);

    at(HOUR + APPROVAL_RETENTION_MS + 1);
    await service.submit(input(alan));
    expect(service.get(request.id)).toBeUndefined();
    const pruned = await caught(service.approve(request.id, alan, APPROVER));
    expect(pruned.code).toBe('APPROVAL_NOT_FOUND');
    expect(pruned.userMessage).toMatch(/closed/);
    expect(ERROR_MESSAGES.APPROVAL_NOT_FOUND).toMatch(/no longer exists/);
  });

  it('prunes every final status, never a pending or approved request, and measures from the decision', async () => {
    const { service, store, at } = setup();
    const ids: Record<string, string> = {};
    for (const name of ['rejected', 'cancelled', 'stale', 'executed', 'failed', 'approved', 'pending']) {
      ids[name] = (await service.submit(input(rita, `chan-${name}`))).id;
    }
    ids.expired = (await service.submit({ ...input(rita, 'chan-expired'), ttlMs: 2 * HOUR })).id;
    at(HOUR);
    await service.reject(ids.rejected!, alan, APPROVER);
    await service.cancel(ids.cancelled!, rita, { isAdmin: false });
    await service.markStale(ids.stale!);
    for (const name of ['executed', 'failed', 'approved'] as const)
      await service.approve(ids[name]!, alan, APPROVER);
    await service.recordResult(ids.executed!, { ok: true, result: resultOf('1') });
    await service.recordResult(ids.failed!, { ok: false, error: 'boom' });
    at(3 * HOUR);
    expect((await service.expireDue()).map((r) => r.id)).toEqual([ids.expired]);

    at(HOUR + APPROVAL_RETENTION_MS);
    expect(await service.pruneFinished()).toBe(0);
    at(HOUR + APPROVAL_RETENTION_MS + 1);
    expect(await service.pruneFinished()).toBe(5);
    expect(store.list().map((r) => r.status)).toEqual(['approved', 'pending', 'expired']);
    at(3 * HOUR + APPROVAL_RETENTION_MS + 1);
    expect(await service.pruneFinished()).toBe(1);
    expect(store.list().map((r) => r.status)).toEqual(['approved', 'pending']);
  });

  it('a sweep with nothing to prune writes nothing', async () => {
    const { service, writes, at } = setup();
    await service.submit(input());
    const before = writes();
    at(APPROVAL_RETENTION_MS * 3);
    expect(await service.pruneFinished()).toBe(0);
    expect(writes()).toBe(before);
  });
});

describe('caps on pending requests', () => {
  it(`refuses the requester's request number ${MAX_PENDING_PER_REQUESTER + 1} with APPROVAL_LIMIT`, async () => {
    const { service } = setup();
    for (let i = 0; i < MAX_PENDING_PER_REQUESTER; i++) await service.submit(input(rita, `chan-${i % 3}`));
    const error = await caught(service.submit(input(rita, 'chan-9')));
    expect(error.code).toBe('APPROVAL_LIMIT');
    expect(error.details).toEqual({ scope: 'requester', limit: MAX_PENDING_PER_REQUESTER });
    expect(error.userMessage).toMatch(/You already have 20 requests waiting/);
    await service.submit(input(alan, 'chan-9'));
  });

  it('counts the same person by aadObjectId and frees a slot on cancel or expiry', async () => {
    const { service, at } = setup();
    const first = await service.submit({ ...input(rita), ttlMs: HOUR });
    for (let i = 1; i < MAX_PENDING_PER_REQUESTER; i++) await service.submit(input(rita));
    const sameAad: Actor = { id: '29:rita-other-device', name: 'Rita', aadObjectId: 'aad-rita' };
    expect((await caught(service.submit(input(sameAad)))).code).toBe('APPROVAL_LIMIT');
    at(HOUR);
    await service.submit(input(rita));
    expect((await caught(service.submit(input(rita)))).code).toBe('APPROVAL_LIMIT');
    const mine = service.listForUser(rita, false);
    await service.cancel(mine[0]!.id, rita, { isAdmin: false });
    await service.submit(input(rita));
    expect(service.get(first.id)?.status).toBe('pending');
  });

  it(`refuses a channel's request number ${MAX_PENDING_PER_CHANNEL + 1}`, async () => {
    const { service } = setup();
    for (let i = 0; i < MAX_PENDING_PER_CHANNEL; i++) {
      await service.submit(input({ id: `29:user-${i}`, name: `User ${i}` }, 'busy'));
    }
    const error = await caught(service.submit(input(rita, 'busy')));
    expect(error.code).toBe('APPROVAL_LIMIT');
    expect(error.details).toEqual({ scope: 'channel', limit: MAX_PENDING_PER_CHANNEL });
    await service.submit(input(rita, 'quiet'));
  });

  it('holds under concurrent submits: exactly the cap succeeds', async () => {
    const { service, store } = setup();
    const results = await Promise.allSettled(
      Array.from({ length: MAX_PENDING_PER_REQUESTER + 5 }, () => service.submit(input())),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(MAX_PENDING_PER_REQUESTER);
    expect(store.list()).toHaveLength(MAX_PENDING_PER_REQUESTER);
  });
});

describe('compacting finished requests', () => {
  it('drops the storage when a request ends, keeps it while it can still run', async () => {
    const { service } = setup({ compact: true });
    const rejected = await service.submit(input());
    const executed = await service.submit(input());
    await service.reject(rejected.id, alan, APPROVER);
    const approved = await service.approve(executed.id, alan, APPROVER);
    expect(approved.change).toEqual(input().change);
    expect(service.get(rejected.id)?.change).toEqual(updateChange({ storage: '', storageOmitted: true }));
    const done = await service.recordResult(executed.id, { ok: true, result: resultOf('1') });
    expect(done.change).toMatchObject({ plan: { storage: '', storageOmitted: true } });
  });

  it('leaves a change whose storage is already gone alone', () => {
    const compacted = compactApprovalChange(updateChange());
    expect(compactApprovalChange(compacted)).toBe(compacted);
  });
});

describe('cap on finished requests kept', () => {
  it('drops the earliest finished beyond the cap, within retention, on submit and on the sweep', async () => {
    let seq = 0;
    const store = createMemoryApprovalStore();
    const service = createApprovalService({
      store,
      now: () => T0,
      newId: () => `req-${++seq}`,
      maxFinishedKept: 3,
    });
    for (let i = 0; i < 5; i++) {
      const r = await service.submit(input(rita, `chan-${i}`));
      await service.reject(r.id, alan, APPROVER);
    }
    const open = await service.submit(input(alan));
    expect(store.list().map((r) => r.id)).toEqual(['req-3', 'req-4', 'req-5', open.id]);
    const more = await service.submit(input(alan, 'chan-x'));
    await service.cancel(more.id, alan, { isAdmin: false });
    expect(await service.pruneFinished()).toBe(1);
    expect(store.list().map((r) => r.id)).toEqual(['req-4', 'req-5', open.id, more.id]);
    expect(await service.pruneFinished()).toBe(0);
  });
});
