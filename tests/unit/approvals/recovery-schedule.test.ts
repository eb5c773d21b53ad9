import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApprovalRequest } from '../../../bot/approvals/approval-schema.js';
import type { WriteCheck } from '../../../bot/approvals/judge-interrupted-write.js';
import { type RecoveryBounds, scheduleRecovery } from '../../../bot/approvals/recovery-schedule.js';
import type { Page } from '../../../bot/confluence/types.js';

/** The schedule only passes requests through: an id is all it needs. */
const requestsOf = (count: number) =>
  Array.from({ length: count }, (_, k) => ({ id: `r${k}` }) as ApprovalRequest);

const LANDED: WriteCheck = { kind: 'landed', page: { id: '1' } as Page };
const NOT_LANDED: WriteCheck = { kind: 'not-landed', reason: 'the page is still at version 7' };

/** Records every check and verdict; `answers` gives each request's successive check results. */
function recorder(answers: Record<string, (WriteCheck | Promise<WriteCheck>)[]>) {
  const checks: string[] = [];
  const settled: [string, WriteCheck][] = [];
  const errors: string[] = [];
  return {
    checks,
    settled,
    errors,
    steps: {
      check: async (request: ApprovalRequest) => {
        checks.push(request.id);
        const next = answers[request.id]?.shift();
        if (next === undefined) throw new Error(`no answer left for ${request.id}`);
        return next;
      },
      settle: async (request: ApprovalRequest, verdict: WriteCheck) => {
        if (request.id === 'boom') throw new Error('store full');
        settled.push([request.id, verdict]);
      },
      onError: (request: ApprovalRequest) => {
        errors.push(request.id);
      },
    },
  };
}

describe('scheduleRecovery', () => {
  const bounds = (overrides: Partial<RecoveryBounds> = {}): RecoveryBounds => ({
    maxChecked: 50,
    concurrency: 4,
    checkTimeoutMs: 5_000,
    graceEndsAt: Date.now(),
    ...overrides,
  });

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-02T12:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('settles a landed write at once, and a not-landed one after the grace with a single check', async () => {
    const run = recorder({ r0: [LANDED], r1: [NOT_LANDED] });
    const summary = await scheduleRecovery(requestsOf(2), run.steps, bounds()).done;
    expect(run.settled).toEqual([
      ['r0', LANDED],
      ['r1', NOT_LANDED],
    ]);
    expect(run.checks).toEqual(['r0', 'r1']);
    expect(summary).toEqual({ executed: 1, failed: 1, unverified: 0, left: 0 });
  });

  it('a write still in flight: not landed during the grace, checked again when it ends and found landed', async () => {
    const run = recorder({ r0: [NOT_LANDED, LANDED] });
    const recovery = scheduleRecovery(requestsOf(1), run.steps, bounds({ graceEndsAt: Date.now() + 3_000 }));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(run.settled).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await recovery.done).toMatchObject({ executed: 1, failed: 0 });
    expect(run.settled).toEqual([['r0', LANDED]]);
    expect(run.checks).toEqual(['r0', 'r0']);
  });

  it('checks at most maxChecked requests; the rest are settled as not verified without a call', async () => {
    const run = recorder({ r0: [LANDED] });
    const summary = await scheduleRecovery(requestsOf(3), run.steps, bounds({ maxChecked: 1 })).done;
    expect(run.checks).toEqual(['r0']);
    const more = { kind: 'unknown', reason: 'more than 1 requests to check' };
    expect([...run.settled].sort(([a], [b]) => a.localeCompare(b))).toEqual([
      ['r0', LANDED],
      ['r1', more],
      ['r2', more],
    ]);
    expect(summary).toEqual({ executed: 1, failed: 0, unverified: 2, left: 0 });
  });

  it('a check that does not answer in time is not verified', async () => {
    const never = new Promise<WriteCheck>(() => undefined);
    const run = recorder({ r0: [never] });
    const recovery = scheduleRecovery(requestsOf(1), run.steps, bounds({ checkTimeoutMs: 2_000 }));
    await vi.advanceTimersByTimeAsync(2_000);
    await recovery.done;
    expect(run.settled).toEqual([
      ['r0', { kind: 'unknown', reason: 'Confluence did not answer within 2 s' }],
    ]);
  });

  it('runs at most `concurrency` checks at once', async () => {
    let inFlight = 0;
    let most = 0;
    const slow = (): Promise<WriteCheck> => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      return new Promise((resolve) =>
        setTimeout(() => {
          inFlight -= 1;
          resolve(LANDED);
        }, 100),
      );
    };
    const answers = Object.fromEntries(requestsOf(10).map((r) => [r.id, [] as Promise<WriteCheck>[]]));
    const run = recorder(answers);
    const steps = { ...run.steps, check: slow };
    const recovery = scheduleRecovery(requestsOf(10), steps, bounds({ concurrency: 3 }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await recovery.done).toMatchObject({ executed: 10 });
    expect(most).toBe(3);
  });

  it('stop() during the grace leaves the request undecided for the next start', async () => {
    const run = recorder({ r0: [NOT_LANDED, LANDED] });
    const recovery = scheduleRecovery(requestsOf(1), run.steps, bounds({ graceEndsAt: Date.now() + 60_000 }));
    await vi.advanceTimersByTimeAsync(10);
    await recovery.stop();
    expect(await recovery.done).toEqual({ executed: 0, failed: 0, unverified: 0, left: 1 });
    expect(run.settled).toEqual([]);
  });

  it('a verdict that cannot be recorded is reported and left for the next start', async () => {
    const run = recorder({ boom: [LANDED] });
    const summary = await scheduleRecovery([{ id: 'boom' } as ApprovalRequest], run.steps, bounds()).done;
    expect(run.errors).toEqual(['boom']);
    expect(summary).toMatchObject({ executed: 0, left: 1 });
  });
});
