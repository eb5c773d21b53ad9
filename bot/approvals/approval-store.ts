import { join } from 'node:path';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { deepFreeze } from '../stores/json-document.js';
import {
  APPROVALS_DIR,
  type ApprovalPersistence,
  createFilePersistence,
  loadApprovalFiles,
  migrateApprovalsFile,
} from './approval-files.js';
import { createApprovalIndex } from './approval-index.js';
import {
  type ApprovalCardRef,
  type ApprovalRequest,
  type ApprovalStatus,
  approvalRequestSchema,
  FINAL_APPROVAL_STATUSES,
} from './approval-schema.js';
import { createKeyedQueue } from './keyed-queue.js';

export {
  APPROVALS_DIR,
  APPROVALS_FILE,
  type ApprovalPersistence,
  MIGRATED_SUFFIX,
} from './approval-files.js';
export {
  APPROVAL_ID_PATTERN,
  APPROVAL_STATUSES,
  type ApprovalCardRef,
  type ApprovalFile,
  type ApprovalRequest,
  type ApprovalStatus,
  type ApprovalsFile,
  approvalFileSchema,
  approvalRequestSchema,
  approvalsFileSchema,
  FINAL_APPROVAL_STATUSES,
} from './approval-schema.js';

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

/**
 * Most finished requests one insert drops. Bounds a submit's work when a backlog is due at once
 * (after a long downtime, say); each submit adds at most one request, so inserts alone keep up, and
 * the periodic sweep (`pruneFinished`) drops the rest.
 */
export const MAX_PRUNED_PER_INSERT = 16;

/** Key of the insert queue; cannot collide with an id (APPROVAL_ID_PATTERN admits no NUL). */
const INSERT_QUEUE = '\u0000insert';

function limitError(scope: 'requester' | 'channel', limit: number): AppError {
  const userMessage =
    scope === 'requester'
      ? `You already have ${limit} requests waiting for approval. Wait until some are decided, or withdraw one (type \`approvals\`), then ask again.`
      : `This channel already has ${limit} requests waiting for approval. Ask an approver to decide some, then ask again.`;
  return new AppError('APPROVAL_LIMIT', { userMessage, details: { scope, limit } });
}

function duplicateId(): AppError {
  return new AppError('INPUT_INVALID', { message: 'duplicate approval request id' });
}

function validated(candidate: unknown): ApprovalRequest {
  const parsed = approvalRequestSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
      .join('; ');
    throw new AppError('INPUT_INVALID', {
      message: `Refused to write an invalid approval request: ${issues}`,
    });
  }
  return parsed.data;
}

/** `current` with the defined fields of `patch`, as a private copy; undefined when nothing is set. */
function patched(current: ApprovalRequest, patch: ApprovalPatch): ApprovalRequest | undefined {
  const defined = Object.entries(patch).filter(([, value]) => value !== undefined);
  if (defined.length === 0) return undefined;
  const next = structuredClone({ ...current, ...Object.fromEntries(defined) }) as ApprovalRequest;
  if (next.id !== current.id) {
    throw new AppError('INPUT_INVALID', { message: 'a transition cannot change the request id' });
  }
  return next;
}

/**
 * The approval store over `persistence`, starting from `initial` (oldest filed first; validated by
 * the caller, and owned by the store from now on: they are frozen, not copied, so opening a large
 * folder costs no second copy). Memory is changed only after the persistence accepted the change,
 * so a failed write leaves the request as it was.
 */
export function createApprovalStore(
  persistence: ApprovalPersistence,
  initial: readonly ApprovalRequest[] = [],
): ApprovalStore {
  const index = createApprovalIndex();
  for (const request of initial) index.put(deepFreeze(request));
  const queue = createKeyedQueue();

  const save = async (candidate: ApprovalRequest): Promise<ApprovalRequest> => {
    const next = deepFreeze(validated(candidate));
    await persistence.write(next);
    index.put(next);
    return next;
  };

  const transitionIf = (
    id: string,
    allowed: (current: ApprovalRequest) => boolean,
    patch: ApprovalPatch | ((current: ApprovalRequest) => ApprovalPatch),
  ): Promise<TransitionResult> =>
    queue.run(id, async (): Promise<TransitionResult> => {
      const current = index.get(id);
      if (!current) return { kind: 'not-found' };
      if (!allowed(current)) return { kind: 'conflict', request: structuredClone(current) };
      const next = patched(current, typeof patch === 'function' ? patch(structuredClone(current)) : patch);
      const saved = next ? await save(next) : current;
      return { kind: 'applied', request: structuredClone(saved), previous: current.status };
    });

  /** Drops reserved candidates, each under its request's queue; returns how many went. */
  const dropCandidates = async (ids: readonly string[]): Promise<number> => {
    const outcomes = await Promise.allSettled(
      ids.map((id) =>
        queue.run(id, async () => {
          const current = index.get(id);
          if (!current || !FINAL_APPROVAL_STATUSES.has(current.status)) {
            index.release(id);
            return false;
          }
          try {
            await persistence.remove(id);
          } catch (error) {
            index.release(id);
            throw error;
          }
          index.delete(id);
          return true;
        }),
      ),
    );
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure) throw failure.reason;
    return outcomes.filter((o) => o.status === 'fulfilled' && o.value).length;
  };

  const insertUnlocked = async (request: ApprovalRequest): Promise<ApprovalRequest> => {
    if (index.get(request.id)) throw duplicateId();
    return structuredClone(await save(structuredClone(request)));
  };

  return {
    get: (id) => index.get(id),
    list: (filter) => [...index.values()].filter((r) => (filter ? filter(r) : true)),
    insert: (request) => queue.run(INSERT_QUEUE, () => insertUnlocked(request)),
    transition(id, expected, patch) {
      const allowed: readonly ApprovalStatus[] = typeof expected === 'string' ? [expected] : expected;
      return transitionIf(id, (current) => allowed.includes(current.status), patch);
    },
    async transitionMatching(expected, filter, patch) {
      const ids = index.idsWithStatus(expected).filter((id) => {
        const current = index.get(id);
        return current !== undefined && filter(current);
      });
      const outcomes = await Promise.allSettled(
        ids.map((id) => transitionIf(id, (current) => current.status === expected && filter(current), patch)),
      );
      const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (failure) throw failure.reason;
      return outcomes.flatMap((o) =>
        o.status === 'fulfilled' && o.value.kind === 'applied' ? [o.value.request] : [],
      );
    },
    setCard: (id, card) =>
      queue.run(id, async () => {
        const current = index.get(id);
        if (!current) return undefined;
        return structuredClone(await save({ ...structuredClone(current), card: { ...card } }));
      }),
    async pruneFinished(before, maxFinished = Number.POSITIVE_INFINITY) {
      const ids = index.reservePruneCandidates(before.getTime(), maxFinished, Number.POSITIVE_INFINITY);
      return ids.length === 0 ? 0 : dropCandidates(ids);
    },
    insertWithinLimits(request, limits) {
      return queue.run(INSERT_QUEUE, async () => {
        const cutoff = limits.pruneBefore?.getTime() ?? Number.NEGATIVE_INFINITY;
        const due = index.reservePruneCandidates(
          cutoff,
          limits.maxFinished ?? Number.POSITIVE_INFINITY,
          MAX_PRUNED_PER_INSERT,
        );
        // A file that cannot be removed must not refuse a new request: the candidates were released,
        // and the periodic sweep retries them and reports the error.
        if (due.length > 0) await dropCandidates(due).catch(() => undefined);
        if (index.get(request.id)) throw duplicateId();
        const counts = index.countPending(request, limits.now.getTime());
        if (counts.byRequester >= limits.maxPendingPerRequester) {
          throw limitError('requester', limits.maxPendingPerRequester);
        }
        if (counts.byChannel >= limits.maxPendingPerChannel) {
          throw limitError('channel', limits.maxPendingPerChannel);
        }
        return insertUnlocked(request);
      });
    },
  };
}

/** Test hooks of a memory store. */
export interface MemoryApprovalStore extends ApprovalStore {
  /** Successful writes and removals so far. */
  writes(): number;
  /** Makes the next write or removal fail with `error` (once). */
  failNextWrite(error?: Error): void;
}

/**
 * An in-memory store with the same contract as the file store (queues, validation, memory changed
 * only after a successful "write"). `initial` is validated: throws `AppError('STORE_CORRUPT')` if not.
 */
export function createMemoryApprovalStore(initial: readonly ApprovalRequest[] = []): MemoryApprovalStore {
  const requests = initial.map((request) => {
    const parsed = approvalRequestSchema.safeParse(request);
    if (!parsed.success) {
      throw new AppError('STORE_CORRUPT', {
        message: 'memory approval store: an initial request is invalid',
      });
    }
    return parsed.data;
  });
  let writes = 0;
  let pendingFailure: Error | undefined;
  const step = async () => {
    if (pendingFailure) {
      const failure = pendingFailure;
      pendingFailure = undefined;
      throw failure;
    }
    writes += 1;
  };
  const store = createApprovalStore({ write: step, remove: step }, requests);
  return {
    ...store,
    writes: () => writes,
    failNextWrite(error = new Error('simulated write failure')) {
      pendingFailure = error;
    },
  };
}

/** Options of `openApprovalStore`. */
export interface OpenApprovalStoreOptions {
  readonly dataDir: string;
  /** Told about the one-time migration and about temp files a crash left behind. */
  readonly logger?: Pick<Logger, 'info' | 'warn'>;
}

/**
 * Opens the store in `<dataDir>/approvals/` (one file per request), first migrating the former
 * single file `<dataDir>/approvals.json` if it is there. Throws `AppError('STORE_CORRUPT')` naming
 * the file when one is unreadable or malformed; nothing is replaced then.
 */
export async function openApprovalStore(options: OpenApprovalStoreOptions): Promise<ApprovalStore> {
  const dir = join(options.dataDir, APPROVALS_DIR);
  const migrated = await migrateApprovalsFile(options.dataDir, dir);
  if (migrated !== undefined) {
    options.logger?.info({ requests: migrated }, 'approvals.json migrated to one file per request');
  }
  const loaded = await loadApprovalFiles(dir);
  if (loaded.removedTempFiles > 0) {
    options.logger?.warn(
      { files: loaded.removedTempFiles },
      'removed approval temp files left by an interrupted write',
    );
  }
  return createApprovalStore(createFilePersistence(dir), loaded.requests);
}
