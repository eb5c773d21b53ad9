import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApprovalChange } from '../../../bot/approvals/approval-change.js';
import { DEFAULT_APPROVAL_TTL_MS } from '../../../bot/approvals/approval-limits.js';
import {
  createApprovalService,
  generateApprovalId,
  type NewApprovalInput,
} from '../../../bot/approvals/approval-service.js';
import {
  APPROVALS_DIR,
  approvalFileSchema,
  openApprovalStore,
} from '../../../bot/approvals/approval-store.js';
import { createMemoryApprovalStore } from '../../../bot/approvals/memory-approval-store.js';
import type { Actor } from '../../../bot/domain/types.js';
import { AppError, isAppError } from '../../../bot/errors.js';
import { resultOf, updateChange } from './sample-change.js';

const requester: Actor = { id: '29:req', name: 'Rita Requester', aadObjectId: 'aad-rita' };
const approver: Actor = { id: '29:app', name: 'Alan Approver', aadObjectId: 'aad-alan' };
const APPROVER = { isApprover: true };

let clock: Date;
const now = () => clock;
let counter = 0;
const newId = () => `req-${++counter}`;

function request(overrides: Partial<NewApprovalInput> = {}): NewApprovalInput {
  return {
    requester,
    conversationId: '19:chan@thread.tacv2;messageid=1',
    channelKey: '19:chan@thread.tacv2',
    connector: 'acme',
    operation: 'update',
    target: { spaceKey: 'DS', pageId: '123', title: 'Runbook' },
    change: updateChange(),
    baseVersion: 7,
    ...overrides,
  };
}

function memoryService(options: { allowSelfApproval?: boolean; ttlMs?: number } = {}) {
  const store = createMemoryApprovalStore();
  return { store, service: createApprovalService({ store, now, newId, ...options }) };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let dir: string;
beforeEach(async () => {
  clock = new Date('2025-04-01T12:00:00Z');
  counter = 0;
  dir = await mkdtemp(join(tmpdir(), 'approvals-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('approval service', () => {
  it('submits a pending request that expires after 24 hours by default', async () => {
    const { service } = memoryService();
    const created = await service.submit(request());
    expect(created).toMatchObject({
      id: 'req-1',
      status: 'pending',
      createdAt: '2025-04-01T12:00:00.000Z',
      expiresAt: '2025-04-02T12:00:00.000Z',
      baseVersion: 7,
      change: updateChange(),
    });
    expect(DEFAULT_APPROVAL_TTL_MS).toBe(86_400_000);
    const custom = await service.submit(request({ ttlMs: 60_000 }));
    expect(custom.expiresAt).toBe('2025-04-01T12:01:00.000Z');
  });

  it('generates unguessable default ids', () => {
    const ids = new Set(Array.from({ length: 200 }, generateApprovalId));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    }
  });

  it('50 parallel approves: exactly one winner, 49 already decided', async () => {
    const { service } = memoryService();
    const { id } = await service.submit(request());
    const approvers = Array.from({ length: 50 }, (_, i) => ({ id: `29:a${i}`, name: `Approver ${i}` }));
    const results = await Promise.allSettled(approvers.map((a) => service.approve(id, a, APPROVER)));
    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    const winner = (winners[0] as PromiseFulfilledResult<{ decidedBy?: Actor }>).value.decidedBy;
    for (const loser of losers) {
      expect(isAppError(loser.reason, 'APPROVAL_ALREADY_DECIDED')).toBe(true);
      expect((loser.reason as AppError).userMessage).toBe(
        `That request was approved by ${winner?.name} at 2025-04-01T12:00:00.000Z.`,
      );
    }
    expect(service.get(id)?.status).toBe('approved');
  });

  it('50 parallel approves against the file store: one winner, and the file agrees', async () => {
    const store = await openApprovalStore({ dataDir: dir });
    const service = createApprovalService({ store, now, newId });
    const { id } = await service.submit(request());
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => service.approve(id, { id: `29:a${i}`, name: `A${i}` }, APPROVER)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const onDisk = approvalFileSchema.parse(
      JSON.parse(await readFile(join(dir, APPROVALS_DIR, `${id}.json`), 'utf8')),
    );
    expect(onDisk.request.status).toBe('approved');
  });

  it('approve racing reject: exactly one wins', async () => {
    for (let round = 0; round < 10; round++) {
      const { service } = memoryService();
      const { id } = await service.submit(request());
      const other: Actor = { id: '29:o', name: 'Olga' };
      const racers =
        round % 2 === 0
          ? [service.approve(id, approver, APPROVER), service.reject(id, other, APPROVER)]
          : [service.reject(id, other, APPROVER), service.approve(id, approver, APPROVER)];
      const results = await Promise.allSettled(racers);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const final = service.get(id)?.status;
      expect(['approved', 'rejected']).toContain(final);
      const loser = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(isAppError(loser?.reason, 'APPROVAL_ALREADY_DECIDED')).toBe(true);
    }
  });

  it('refuses self-approval, unless allowed', async () => {
    const { service } = memoryService();
    const { id } = await service.submit(request());
    const error = await caught(service.approve(id, requester, APPROVER));
    expect(error.code).toBe('APPROVAL_SELF');
    const sameAad = { id: '29:other-device', name: 'Rita', aadObjectId: 'aad-rita' };
    expect((await caught(service.approve(id, sameAad, APPROVER))).code).toBe('APPROVAL_SELF');
    expect((await caught(service.reject(id, requester, APPROVER))).code).toBe('APPROVAL_SELF');
    expect(service.get(id)?.status).toBe('pending');

    const permissive = memoryService({ allowSelfApproval: true }).service;
    const own = await permissive.submit(request());
    expect((await permissive.approve(own.id, requester, APPROVER)).status).toBe('approved');
  });

  it('refuses non-approvers and unknown or malformed ids', async () => {
    const { service } = memoryService();
    const { id } = await service.submit(request());
    expect((await caught(service.approve(id, approver, { isApprover: false }))).code).toBe(
      'APPROVAL_NOT_APPROVER',
    );
    expect((await caught(service.approve('req-999', approver, APPROVER))).code).toBe('APPROVAL_NOT_FOUND');
    expect((await caught(service.approve('__proto__', approver, APPROVER))).code).toBe('APPROVAL_NOT_FOUND');
    expect((await caught(service.approve('../../x', approver, APPROVER))).code).toBe('APPROVAL_NOT_FOUND');
    expect(service.get(id)?.status).toBe('pending');
  });

  it('refuses an expired request and marks it expired', async () => {
    const { service } = memoryService();
    const { id } = await service.submit(request());
    clock = new Date('2025-04-02T12:00:00Z');
    const error = await caught(service.approve(id, approver, APPROVER));
    expect(error.code).toBe('APPROVAL_EXPIRED');
    expect(error.details).toMatchObject({ requestId: id, expiresAt: '2025-04-02T12:00:00.000Z' });
    expect(service.get(id)).toMatchObject({ status: 'expired', decidedAt: '2025-04-02T12:00:00.000Z' });
    expect((await caught(service.reject(id, approver, APPROVER))).code).toBe('APPROVAL_EXPIRED');
  });

  it('says who decided and when for a later click', async () => {
    const { service } = memoryService();
    const { id } = await service.submit(request());
    await service.reject(id, approver, APPROVER);
    clock = new Date('2025-04-01T13:00:00Z');
    const error = await caught(service.approve(id, { id: '29:z', name: 'Zed' }, APPROVER));
    expect(error.code).toBe('APPROVAL_ALREADY_DECIDED');
    expect(error.userMessage).toBe('That request was rejected by Alan Approver at 2025-04-01T12:00:00.000Z.');
    expect(error.details).toMatchObject({ status: 'rejected', decidedBy: 'Alan Approver' });
  });

  it('records the execution result exactly once', async () => {
    const { service } = memoryService();
    const { id } = await service.submit(request());
    expect((await caught(service.recordResult(id, { ok: true, result: resultOf() }))).code).toBe(
      'APPROVAL_ALREADY_DECIDED',
    );
    await service.approve(id, approver, APPROVER);
    const done = await service.recordResult(id, { ok: true, result: resultOf('123', 8) });
    expect(done).toMatchObject({ status: 'executed', result: { pageId: '123', version: 8 } });
    expect((await caught(service.recordResult(id, { ok: false, error: 'x' }))).code).toBe(
      'APPROVAL_ALREADY_DECIDED',
    );
    expect((await caught(service.markStale(id))).code).toBe('APPROVAL_ALREADY_DECIDED');
  });

  it('marks an approved request stale or failed', async () => {
    const { service } = memoryService();
    const a = await service.submit(request());
    await service.approve(a.id, approver, APPROVER);
    const stale = await service.markStale(a.id, 'page is at version 9, preview was 7');
    expect(stale).toMatchObject({ status: 'stale', error: 'page is at version 9, preview was 7' });
    expect(stale.decidedBy?.name).toBe('Alan Approver');
    const b = await service.submit(request());
    await service.approve(b.id, approver, APPROVER);
    expect(await service.recordResult(b.id, { ok: false, error: 'CONFLUENCE_CONFLICT' })).toMatchObject({
      status: 'failed',
      error: 'CONFLUENCE_CONFLICT',
    });
  });

  it('lets the requester or an admin cancel a pending request', async () => {
    const { service } = memoryService();
    const a = await service.submit(request());
    expect((await caught(service.cancel(a.id, approver, { isAdmin: false }))).code).toBe(
      'APPROVAL_NOT_APPROVER',
    );
    expect((await service.cancel(a.id, requester, { isAdmin: false })).status).toBe('cancelled');
    expect((await caught(service.cancel(a.id, requester, { isAdmin: false }))).code).toBe(
      'APPROVAL_ALREADY_DECIDED',
    );
    const b = await service.submit(request());
    expect((await service.cancel(b.id, approver, { isAdmin: true })).status).toBe('cancelled');
  });

  it('expireDue expires only due pending requests, once', async () => {
    const { service } = memoryService();
    const short = await service.submit(request({ ttlMs: 60_000 }));
    const long = await service.submit(request());
    const decided = await service.submit(request({ ttlMs: 60_000 }));
    await service.approve(decided.id, approver, APPROVER);
    clock = new Date('2025-04-01T12:05:00Z');
    const expired = await service.expireDue();
    expect(expired.map((r) => r.id)).toEqual([short.id]);
    expect(await service.expireDue()).toEqual([]);
    expect(service.get(long.id)?.status).toBe('pending');
    expect(service.get(decided.id)?.status).toBe('approved');
    expect((await service.expire(long.id)).status).toBe('pending');
  });

  it('lists pending requests I made or can decide, hiding expired ones', async () => {
    const { service } = memoryService();
    const mine = await service.submit(request());
    const others = await service.submit(
      request({ requester: { id: '29:x', name: 'X' }, channelKey: 'other' }),
    );
    await service.submit(request({ ttlMs: 1000 }));
    clock = new Date('2025-04-01T12:00:01Z');
    expect(service.listForUser(requester, false).map((r) => r.id)).toEqual([mine.id]);
    expect(service.listForUser(approver, false)).toEqual([]);
    expect(service.listForUser(approver, true).map((r) => r.id)).toEqual([mine.id, others.id]);
    expect(service.listForUser(approver, (r) => r.channelKey === 'other').map((r) => r.id)).toEqual([
      others.id,
    ]);
  });

  it('pending requests survive reopening the store from disk', async () => {
    const first = createApprovalService({ store: await openApprovalStore({ dataDir: dir }), now, newId });
    const a = await first.submit(request());
    const b = await first.submit(request());
    await first.approve(b.id, approver, APPROVER);
    await first.setCard(a.id, { conversationId: 'c', activityId: 'act-1', serviceUrl: 'https://smba.test/' });

    const second = createApprovalService({ store: await openApprovalStore({ dataDir: dir }), now, newId });
    expect(second.get(a.id)).toMatchObject({
      status: 'pending',
      card: { activityId: 'act-1' },
      baseVersion: 7,
    });
    expect((await second.approve(a.id, approver, APPROVER)).status).toBe('approved');
    // Only b was approved when the service started: a previous process died writing it. a is being
    // written by this process, so the recovery leaves it alone.
    expect(second.interrupted().map((r) => r.id)).toEqual([b.id]);
    expect(second.isInterrupted(b.id)).toBe(true);
    expect(second.isInterrupted(a.id)).toBe(false);
    await second.recordResult(b.id, { ok: false, error: 'not written' });
    expect(second.get(b.id)?.status).toBe('failed');
    expect(second.interrupted()).toEqual([]);
    expect(second.isInterrupted(b.id)).toBe(false);
  });

  it('stores the change as JSON and refuses changes that are not a plan', async () => {
    const { service } = memoryService();
    const withUndefined = { ...updateChange(), origin: undefined };
    const created = await service.submit(request({ change: withUndefined }));
    expect(created.change).toEqual(updateChange());
    expect(Object.keys(created.change)).toEqual(['plan']);
    const notAPlan = { plan: { kind: 'append', markdown: '## New section' } } as unknown as ApprovalChange;
    expect((await caught(service.submit(request({ change: notAPlan })))).code).toBe('INPUT_INVALID');
    expect(
      (await caught(service.submit(request({ change: undefined as unknown as ApprovalChange })))).code,
    ).toBe('INPUT_INVALID');
  });

  it('prunes finished requests older than the cutoff', async () => {
    const { service, store } = memoryService();
    const old = await service.submit(request());
    await service.reject(old.id, approver, APPROVER);
    const pending = await service.submit(request());
    clock = new Date('2025-05-01T00:00:00Z');
    expect(await store.pruneFinished(new Date('2025-04-15T00:00:00Z'))).toBe(1);
    expect(store.list().map((r) => r.id)).toEqual([pending.id]);
  });
});
