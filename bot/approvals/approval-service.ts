import { randomBytes } from 'node:crypto';
import { type Actor, actorKey } from '../domain/types.js';
import { AppError } from '../errors.js';
import type { ApprovalChange, ApprovalResult } from './approval-change.js';
import {
  APPROVAL_ID_PATTERN,
  type ApprovalCardRef,
  type ApprovalPatch,
  type ApprovalRequest,
  type ApprovalStatus,
  type ApprovalStore,
  FINAL_APPROVAL_STATUSES,
} from './approval-store.js';

/** Default lifetime of a pending request. */
export const DEFAULT_APPROVAL_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * How long a finished request (rejected, expired, cancelled, stale, executed, failed) stays loadable
 * after it ended: a week, so late clicks on its card and the card's refresh still show the final
 * state. Afterwards it is pruned (the audit log keeps its history) and a click gets
 * APPROVAL_NOT_FOUND ("this request is closed").
 */
export const APPROVAL_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Most finished requests kept within the retention. Each request is its own file, so this no longer
 * bounds a write's cost; it bounds the store's memory, its folder and its startup read when
 * thousands of requests finish within a week: the earliest ended go first (their late clicks then
 * get "this request is closed"). A finished request is about 1.5 KB.
 */
export const MAX_FINISHED_KEPT = 2_000;

/** Most unexpired pending requests one person may have (a runaway script cannot flood approvers). */
export const MAX_PENDING_PER_REQUESTER = 20;

/** Most unexpired pending requests one approvals channel may hold. */
export const MAX_PENDING_PER_CHANNEL = 100;

/** A new request for a write under `confirm`. */
export interface NewApprovalInput {
  readonly requester: Actor;
  readonly conversationId: string;
  readonly channelKey: string;
  readonly connector: string;
  readonly operation: 'create' | 'update';
  readonly target: { readonly spaceKey: string; readonly pageId?: string; readonly title: string };
  /** The proposed change (the plan as previewed); stored as its JSON form. */
  readonly change: ApprovalChange;
  /** For updates: the page version the preview was built on. */
  readonly baseVersion?: number;
  /** Overrides the service's TTL for this request. */
  readonly ttlMs?: number;
  readonly card?: ApprovalCardRef;
}

/** The outcome of executing an approved request. */
export type ExecutionOutcome =
  | { readonly ok: true; readonly result: ApprovalResult }
  | { readonly ok: false; readonly error: string };

/** Dependencies and settings of the approval service. */
export interface ApprovalServiceDeps {
  readonly store: ApprovalStore;
  readonly now: () => Date;
  /** Unguessable ids; defaults to 144 random bits, base64url. */
  readonly newId?: () => string;
  readonly ttlMs?: number;
  /** May a requester approve their own request? Default false. */
  readonly allowSelfApproval?: boolean;
  /** How long finished requests are kept (default APPROVAL_RETENTION_MS). */
  readonly retentionMs?: number;
  /** Default MAX_FINISHED_KEPT. */
  readonly maxFinishedKept?: number;
  /** Default MAX_PENDING_PER_REQUESTER. */
  readonly maxPendingPerRequester?: number;
  /** Default MAX_PENDING_PER_CHANNEL. */
  readonly maxPendingPerChannel?: number;
  /**
   * Shrinks a request's `change` when it reaches a final status: what only execution needed (the
   * storage to write) can go, what its card shows must stay. Default: kept as is.
   */
  readonly compactFinished?: (change: ApprovalChange) => ApprovalChange;
}

/**
 * The approval state machine. Every transition happens exactly once (compare-and-set inside the
 * request's queue in the store). All methods throw `AppError`: APPROVAL_NOT_FOUND, APPROVAL_NOT_APPROVER,
 * APPROVAL_SELF, APPROVAL_ALREADY_DECIDED (message says by whom and when), APPROVAL_EXPIRED.
 */
export interface ApprovalService {
  /**
   * Files a pending request (one new file). First prunes a few finished requests past retention or
   * beyond MAX_FINISHED_KEPT (the periodic `pruneFinished` takes any backlog). Throws
   * APPROVAL_LIMIT when the requester or the channel already has its maximum of pending requests.
   */
  submit(input: NewApprovalInput): Promise<ApprovalRequest>;
  get(id: string): ApprovalRequest | undefined;
  /** Pending → approved. The caller then executes and calls `recordResult` (or `markStale`). */
  approve(id: string, actor: Actor, roles: { readonly isApprover: boolean }): Promise<ApprovalRequest>;
  /** Pending → rejected (same checks as approve). */
  reject(id: string, actor: Actor, roles: { readonly isApprover: boolean }): Promise<ApprovalRequest>;
  /** Pending → cancelled, by the requester or an admin. */
  cancel(id: string, actor: Actor, roles: { readonly isAdmin: boolean }): Promise<ApprovalRequest>;
  /** Pending → expired when due; returns the request (unchanged if not due or not pending). */
  expire(id: string): Promise<ApprovalRequest>;
  /** Expires every pending request due at `at` (default now); returns the ones it expired. */
  expireDue(at?: Date): Promise<ApprovalRequest[]>;
  /** Pending/approved → stale: the page changed since the preview; nothing was written. */
  markStale(id: string, error?: string): Promise<ApprovalRequest>;
  /** Approved → executed | failed. Throws APPROVAL_ALREADY_DECIDED if not approved. */
  recordResult(id: string, outcome: ExecutionOutcome): Promise<ApprovalRequest>;
  /** Approved requests whose result was never recorded (a crash mid-execution) → failed. */
  failInterrupted(): Promise<ApprovalRequest[]>;
  setCard(id: string, card: ApprovalCardRef): Promise<ApprovalRequest>;
  /**
   * Pending, unexpired requests `actor` made or can decide, oldest first. `isApprover` is a flag
   * (approver everywhere) or a per-request predicate (e.g. approver of that request's channel).
   */
  listForUser(actor: Actor, isApprover: boolean | ((request: ApprovalRequest) => boolean)): ApprovalRequest[];
  /**
   * Drops finished requests that ended more than the retention before `at` (default now), and the
   * earliest ended beyond MAX_FINISHED_KEPT; returns how many.
   */
  pruneFinished(at?: Date): Promise<number>;
}

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

const STATUS_TEXT: Record<ApprovalStatus, string> = {
  pending: 'is still pending',
  approved: 'was approved',
  rejected: 'was rejected',
  expired: 'expired',
  cancelled: 'was cancelled',
  stale: 'was stopped because the page changed',
  executed: 'was approved and carried out',
  failed: 'was approved but failed',
};

function alreadyDecided(request: ApprovalRequest): AppError {
  const by = request.decidedBy ? ` by ${request.decidedBy.name}` : '';
  const when = request.decidedAt ? ` at ${request.decidedAt}` : '';
  return new AppError('APPROVAL_ALREADY_DECIDED', {
    userMessage: `That request ${STATUS_TEXT[request.status]}${by}${when}.`,
    details: {
      requestId: request.id,
      status: request.status,
      ...(request.decidedBy ? { decidedBy: request.decidedBy.name } : {}),
      ...(request.decidedAt ? { decidedAt: request.decidedAt } : {}),
    },
  });
}

function expiredError(request: ApprovalRequest): AppError {
  return new AppError('APPROVAL_EXPIRED', {
    details: { requestId: request.id, status: request.status, expiresAt: request.expiresAt },
  });
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
    async failInterrupted() {
      return store.transitionMatching(
        'approved',
        () => true,
        finishing({
          status: 'failed',
          error: 'The bot stopped while carrying out this request; check the page before trying again.',
        }),
      );
    },
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
