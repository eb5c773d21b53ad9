/**
 * The approval state machine: files requests and moves them between statuses, each transition a
 * compare-and-set in the store; bounds come from `approval-limits`, errors from `approval-errors`.
 */
import { randomBytes } from 'node:crypto';
import { type Actor, actorKey } from '../domain/types.js';
import { AppError } from '../errors.js';
import { alreadyDecided, expiredError } from './approval-errors.js';
import {
  APPROVAL_RETENTION_MS,
  DEFAULT_APPROVAL_TTL_MS,
  MAX_FINISHED_KEPT,
  MAX_PENDING_PER_CHANNEL,
  MAX_PENDING_PER_REQUESTER,
} from './approval-limits.js';
import {
  APPROVAL_ID_PATTERN,
  type ApprovalRequest,
  type ApprovalStatus,
  FINAL_APPROVAL_STATUSES,
} from './approval-schema.js';
import type { ApprovalService, ApprovalServiceDeps } from './approval-service-types.js';
import type { ApprovalPatch, ApprovalStore } from './approval-store-types.js';

export type {
  ApprovalService,
  ApprovalServiceDeps,
  ExecutionOutcome,
  NewApprovalInput,
} from './approval-service-types.js';

/** 144 random bits as base64url (24 characters). */
export function generateApprovalId(): string {
  return randomBytes(18).toString('base64url');
}

function isSameActor(a: Actor, b: Actor): boolean {
  return actorKey(a) === actorKey(b) || a.id === b.id;
}

/** `value` as its JSON form (the store then checks it against the record's schema). */
function toJsonValue<T>(value: T): T {
  const text = JSON.stringify(value);
  if (text === undefined) {
    throw new AppError('INPUT_INVALID', { message: 'the proposed change is not JSON' });
  }
  return JSON.parse(text) as T;
}

/** Builds the approval service over a store. */
export function createApprovalService(deps: ApprovalServiceDeps): ApprovalService {
  const { store, now } = deps;
  const newId = deps.newId ?? generateApprovalId;
  const ttlMs = deps.ttlMs ?? DEFAULT_APPROVAL_TTL_MS;
  const allowSelf = deps.allowSelfApproval ?? false;
  const retentionMs = deps.retentionMs ?? APPROVAL_RETENTION_MS;
  const maxPendingPerRequester = deps.maxPendingPerRequester ?? MAX_PENDING_PER_REQUESTER;
  const maxPendingPerChannel = deps.maxPendingPerChannel ?? MAX_PENDING_PER_CHANNEL;
  const maxFinishedKept = deps.maxFinishedKept ?? MAX_FINISHED_KEPT;
  const compactFinished = deps.compactFinished;

  const retentionCutoff = (at: Date): Date => new Date(at.getTime() - retentionMs);
  // Requests already `approved` when the service starts were being written when the previous
  // process died: nobody in this process is writing them, so the recovery decides them.
  const approvedAtStart: ReadonlySet<string> = new Set(
    store.list((request) => request.status === 'approved').map((request) => request.id),
  );

  /** Adds the compacted change to every patch that ends the request. */
  const finishing =
    (patch: ApprovalPatch | ((current: ApprovalRequest) => ApprovalPatch)) =>
    (current: ApprovalRequest): ApprovalPatch => {
      const next = typeof patch === 'function' ? patch(current) : patch;
      return compactFinished && next.status !== undefined && FINAL_APPROVAL_STATUSES.has(next.status)
        ? { ...next, change: compactFinished(current.change) }
        : next;
    };

  const isDue = (request: ApprovalRequest, at: Date): boolean =>
    at.getTime() >= Date.parse(request.expiresAt);

  const load = (id: string): ApprovalRequest => {
    const request = APPROVAL_ID_PATTERN.test(id) ? store.get(id) : undefined;
    if (!request) {
      throw new AppError('APPROVAL_NOT_FOUND');
    }
    return request;
  };

  const decideRequest = async (
    id: string,
    actor: Actor,
    roles: { readonly isApprover: boolean },
    status: 'approved' | 'rejected',
  ): Promise<ApprovalRequest> => {
    const request = load(id);
    if (!roles.isApprover) {
      throw new AppError('APPROVAL_NOT_APPROVER');
    }
    if (!allowSelf && isSameActor(actor, request.requester)) {
      throw new AppError('APPROVAL_SELF');
    }
    const at = now();
    const outcome = await store.transition(
      id,
      'pending',
      finishing((current) =>
        isDue(current, at)
          ? { status: 'expired', decidedAt: at.toISOString() }
          : { status, decidedBy: { ...actor }, decidedAt: at.toISOString() },
      ),
    );
    if (outcome.kind === 'not-found') {
      throw new AppError('APPROVAL_NOT_FOUND');
    }
    if (outcome.request.status === 'expired') {
      throw expiredError(outcome.request);
    }
    if (outcome.kind === 'conflict') {
      throw alreadyDecided(outcome.request);
    }
    return outcome.request;
  };

  const requireApplied = async (
    id: string,
    expected: ApprovalStatus | readonly ApprovalStatus[],
    patch: Parameters<ApprovalStore['transition']>[2],
  ): Promise<ApprovalRequest> => {
    load(id);
    const outcome = await store.transition(id, expected, finishing(patch));
    if (outcome.kind === 'not-found') {
      throw new AppError('APPROVAL_NOT_FOUND');
    }
    if (outcome.kind === 'conflict') {
      throw alreadyDecided(outcome.request);
    }
    return outcome.request;
  };

  return {
    async submit(input) {
      const createdAt = now();
      const lifetime = input.ttlMs ?? ttlMs;
      if (!Number.isFinite(lifetime) || lifetime <= 0) {
        throw new AppError('INPUT_INVALID', { message: 'approval lifetime must be positive' });
      }
      const id = newId();
      if (!APPROVAL_ID_PATTERN.test(id)) {
        throw new AppError('INTERNAL', { message: 'approval id generator produced an invalid id' });
      }
      const request: ApprovalRequest = {
        id,
        requester: { ...input.requester },
        conversationId: input.conversationId,
        channelKey: input.channelKey,
        connector: input.connector,
        operation: input.operation,
        target: { ...input.target },
        change: toJsonValue(input.change),
        ...(input.baseVersion !== undefined ? { baseVersion: input.baseVersion } : {}),
        createdAt: createdAt.toISOString(),
        expiresAt: new Date(createdAt.getTime() + lifetime).toISOString(),
        status: 'pending',
        ...(input.card !== undefined ? { card: { ...input.card } } : {}),
      };
      return store.insertWithinLimits(request, {
        now: createdAt,
        pruneBefore: retentionCutoff(createdAt),
        maxFinished: maxFinishedKept,
        maxPendingPerRequester,
        maxPendingPerChannel,
      });
    },
    get: (id) => (APPROVAL_ID_PATTERN.test(id) ? store.get(id) : undefined),
    approve: (id, actor, roles) => decideRequest(id, actor, roles, 'approved'),
    reject: (id, actor, roles) => decideRequest(id, actor, roles, 'rejected'),
    async cancel(id, actor, roles) {
      const request = load(id);
      if (!roles.isAdmin && !isSameActor(actor, request.requester)) {
        throw new AppError('APPROVAL_NOT_APPROVER', {
          userMessage: 'Only the person who asked (or an admin) can cancel this request.',
        });
      }
      return requireApplied(id, 'pending', {
        status: 'cancelled',
        decidedBy: { ...actor },
        decidedAt: now().toISOString(),
      });
    },
    async expire(id) {
      load(id);
      const at = now();
      const outcome = await store.transition(
        id,
        'pending',
        finishing((current) =>
          isDue(current, at) ? { status: 'expired', decidedAt: at.toISOString() } : {},
        ),
      );
      if (outcome.kind === 'not-found') {
        throw new AppError('APPROVAL_NOT_FOUND');
      }
      return outcome.request;
    },
    async expireDue(at = now()) {
      return store.transitionMatching(
        'pending',
        (request) => isDue(request, at),
        finishing({ status: 'expired', decidedAt: at.toISOString() }),
      );
    },
    markStale: (id, error) =>
      requireApplied(id, ['pending', 'approved'], (current) => ({
        status: 'stale',
        ...(error !== undefined ? { error } : {}),
        decidedAt: current.decidedAt ?? now().toISOString(),
      })),
    async recordResult(id, outcome) {
      const patch: ApprovalPatch = outcome.ok
        ? {
            status: 'executed',
            ...(outcome.result !== undefined ? { result: toJsonValue(outcome.result) } : {}),
          }
        : { status: 'failed', error: outcome.error };
      return requireApplied(id, 'approved', patch);
    },
    interrupted: () =>
      store.list((request) => request.status === 'approved' && approvedAtStart.has(request.id)),
    isInterrupted: (id) => approvedAtStart.has(id) && store.get(id)?.status === 'approved',
    async setCard(id, card) {
      const updated = await store.setCard(id, card);
      if (!updated) {
        throw new AppError('APPROVAL_NOT_FOUND');
      }
      return updated;
    },
    listForUser(actor, isApprover) {
      const at = now();
      const canDecide = typeof isApprover === 'function' ? isApprover : () => isApprover;
      return store.list(
        (request) =>
          request.status === 'pending' &&
          !isDue(request, at) &&
          (isSameActor(actor, request.requester) || canDecide(request)),
      );
    },
    pruneFinished: (at = now()) => store.pruneFinished(retentionCutoff(at), maxFinishedKept),
  };
}
