/**
 * The approval store's contract: the compare-and-set transitions, atomic capped inserts and pruning
 * every store (file or memory) offers, and the types they take and return.
 */
import type { ApprovalCardRef, ApprovalRequest, ApprovalStatus } from './approval-schema.js';

/**
 * Fields a transition may set. `change` is only replaced by a smaller record of itself when the
 * request ends (what execution needed is dropped; what the card shows stays).
 */
export type ApprovalPatch = Partial<
  Pick<ApprovalRequest, 'status' | 'decidedBy' | 'decidedAt' | 'result' | 'error' | 'card' | 'change'>
>;

/** Limits checked atomically with an insert (see `ApprovalStore.insertWithinLimits`). */
export interface InsertLimits {
  /** Requests in a final status that ended before this instant are dropped (see MAX_PRUNED_PER_INSERT). */
  readonly pruneBefore?: Date;
  /** Most finished requests kept: beyond it the earliest ended go too, even within retention. */
  readonly maxFinished?: number;
  /** Pending requests count only while unexpired at this instant. */
  readonly now: Date;
  /** Most unexpired pending requests one requester may have. */
  readonly maxPendingPerRequester: number;
  /** Most unexpired pending requests one approvals channel may hold. */
  readonly maxPendingPerChannel: number;
}

/** Outcome of a compare-and-set. `conflict` carries the current request (someone else won). */
export type TransitionResult =
  | { readonly kind: 'applied'; readonly request: ApprovalRequest; readonly previous: ApprovalStatus }
  | { readonly kind: 'conflict'; readonly request: ApprovalRequest }
  | { readonly kind: 'not-found' };

/**
 * Persistence of approval requests. Changes of one request run one after another (a queue per id);
 * inserts run one after another (one more queue, for the caps). No operation's work grows with the
 * number of stored requests, except `list` and the sweeps, which read memory.
 */
export interface ApprovalStore {
  /** The stored request (a deep-frozen snapshot; never mutate it). */
  get(id: string): ApprovalRequest | undefined;
  /** Requests matching `filter` (all when omitted), oldest filed first. */
  list(filter?: (request: ApprovalRequest) => boolean): ApprovalRequest[];
  /** Adds a new request; throws `AppError('INPUT_INVALID')` if it breaks the schema or the id exists. */
  insert(request: ApprovalRequest): Promise<ApprovalRequest>;
  /**
   * Atomic compare-and-set: applies `patch` only if the request's status is (one of) `expected` at
   * the moment the request's queue runs it. A patch function sees the current request. Exactly one
   * of any number of concurrent transitions from the same status wins.
   */
  transition(
    id: string,
    expected: ApprovalStatus | readonly ApprovalStatus[],
    patch: ApprovalPatch | ((current: ApprovalRequest) => ApprovalPatch),
  ): Promise<TransitionResult>;
  /**
   * Patches every request with status `expected` that `filter` selects, each by its own
   * compare-and-set (status and filter are checked again when its turn comes); returns the patched
   * ones, oldest filed first. If a write fails, the others still happen and the first error is thrown.
   */
  transitionMatching(
    expected: ApprovalStatus,
    filter: (request: ApprovalRequest) => boolean,
    patch: (current: ApprovalRequest) => ApprovalPatch,
  ): Promise<ApprovalRequest[]>;
  /** Records where the card is, whatever the status. Undefined when the request is gone. */
  setCard(id: string, card: ApprovalCardRef): Promise<ApprovalRequest | undefined>;
  /**
   * Drops requests in a final status that ended before `before`, and past `maxFinished` finished
   * ones the earliest ended. Writes nothing when there is nothing to drop.
   */
  pruneFinished(before: Date, maxFinished?: number): Promise<number>;
  /**
   * Adds a new request after checking the caps on unexpired pending requests of its requester and its
   * channel, with no other insert in between; first drops up to MAX_PRUNED_PER_INSERT finished requests
   * due under `limits.pruneBefore` / `limits.maxFinished` (the periodic sweep drops any rest). Throws
   * `AppError('APPROVAL_LIMIT')` (details: `scope` requester|channel, `limit`) when a cap is reached,
   * and what `insert` throws.
   */
  insertWithinLimits(request: ApprovalRequest, limits: InsertLimits): Promise<ApprovalRequest>;
}
