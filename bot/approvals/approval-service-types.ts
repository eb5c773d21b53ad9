/**
 * The approval service's contract: what a new request carries, an execution outcome, the service's
 * dependencies and settings, and the state machine's methods.
 */
import type { Actor } from '../domain/types.js';
import type { ApprovalChange, ApprovalResult } from './approval-change.js';
import type { ApprovalCardRef, ApprovalRequest } from './approval-schema.js';
import type { ApprovalStore } from './approval-store-types.js';

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
  /**
   * Requests that were `approved` when the service was built and still are: a previous process
   * died while writing them. Nobody in this process writes them; the startup recovery checks
   * Confluence and settles each with `recordResult`.
   */
  interrupted(): ApprovalRequest[];
  /** Is `id` one of `interrupted()` (still waiting for the recovery's verdict)? Clicks on it are refused. */
  isInterrupted(id: string): boolean;
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
