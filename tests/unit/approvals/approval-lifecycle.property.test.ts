import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApprovalService } from '../../../bot/approvals/approval-service.js';
import type { ApprovalStatus, ApprovalStore } from '../../../bot/approvals/approval-store.js';
import { createMemoryApprovalStore } from '../../../bot/approvals/memory-approval-store.js';
import { isAppError } from '../../../bot/errors.js';
import { createChange, resultOf } from './sample-change.js';

const ALLOWED: Record<ApprovalStatus, readonly ApprovalStatus[]> = {
  pending: ['approved', 'rejected', 'expired', 'cancelled', 'stale'],
  approved: ['executed', 'failed', 'stale'],
  rejected: [],
  expired: [],
  cancelled: [],
  stale: [],
  executed: [],
  failed: [],
};

const step = fc.oneof(
  fc.constant({ kind: 'approve' as const }),
  fc.constant({ kind: 'reject' as const }),
  fc.constant({ kind: 'cancel' as const }),
  fc.constant({ kind: 'stale' as const }),
  fc.constant({ kind: 'ok' as const }),
  fc.constant({ kind: 'fail' as const }),
  fc.constant({ kind: 'expireDue' as const }),
  fc.integer({ min: 1, max: 20 }).map((hours) => ({ kind: 'advance' as const, hours })),
);

describe('approval lifecycle (property)', () => {
  it('only ever moves along allowed transitions, and every refusal is an AppError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(step, { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
        async (batches) => {
          let clock = new Date('2025-01-01T00:00:00Z');
          const inner = createMemoryApprovalStore();
          const moves: [ApprovalStatus, ApprovalStatus][] = [];
          const store: ApprovalStore = {
            ...inner,
            async transition(id, expected, patch) {
              const result = await inner.transition(id, expected, patch);
              if (result.kind === 'applied') {
                moves.push([result.previous, result.request.status]);
              }
              return result;
            },
            async transitionMatching(expected, filter, patch) {
              const changed = await inner.transitionMatching(expected, filter, patch);
              for (const request of changed) {
                moves.push([expected, request.status]);
              }
              return changed;
            },
          };
          const service = createApprovalService({ store, now: () => clock, newId: () => 'only' });
          await service.submit({
            requester: { id: 'r', name: 'R' },
            conversationId: 'c',
            channelKey: 'c',
            connector: 'x',
            operation: 'create',
            target: { spaceKey: 'DS', title: 'T' },
            change: createChange(),
          });
          const approver = { id: 'a', name: 'A' };
          const roles = { isApprover: true, isAdmin: true };
          for (const batch of batches) {
            const runs = batch.map(async (s) => {
              switch (s.kind) {
                case 'approve':
                  return service.approve('only', approver, roles);
                case 'reject':
                  return service.reject('only', approver, roles);
                case 'cancel':
                  return service.cancel('only', approver, roles);
                case 'stale':
                  return service.markStale('only');
                case 'ok':
                  return service.recordResult('only', { ok: true, result: resultOf() });
                case 'fail':
                  return service.recordResult('only', { ok: false, error: 'e' });
                case 'expireDue':
                  return service.expireDue();
                case 'advance':
                  clock = new Date(clock.getTime() + s.hours * 3_600_000);
                  return undefined;
              }
            });
            for (const outcome of await Promise.allSettled(runs)) {
              if (outcome.status === 'rejected') {
                expect(isAppError(outcome.reason)).toBe(true);
              }
            }
          }
          let status: ApprovalStatus = 'pending';
          for (const [from, to] of moves) {
            expect(from).toBe(status);
            if (to !== from) {
              expect(ALLOWED[from]).toContain(to);
            }
            status = to;
          }
          expect(service.get('only')?.status).toBe(status);
        },
      ),
      { numRuns: 100 },
    );
  });
});
