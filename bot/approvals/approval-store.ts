/**
 * The approval store: requests in memory (`approval-index`) with one queue per request, changed only
 * after its file (`approval-files`) accepted the change; `openApprovalStore` opens it over a folder.
 */
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
import { limitError, MAX_PRUNED_PER_INSERT } from './approval-limits.js';
import {
  type ApprovalRequest,
  type ApprovalStatus,
  approvalRequestSchema,
  FINAL_APPROVAL_STATUSES,
} from './approval-schema.js';
import type { ApprovalPatch, ApprovalStore, TransitionResult } from './approval-store-types.js';
import { createKeyedQueue } from './keyed-queue.js';

export {
  APPROVALS_DIR,
  APPROVALS_FILE,
  type ApprovalPersistence,
  MIGRATED_SUFFIX,
} from './approval-files.js';
export { MAX_PRUNED_PER_INSERT } from './approval-limits.js';
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
export type { ApprovalPatch, ApprovalStore, InsertLimits, TransitionResult } from './approval-store-types.js';

/** Key of the insert queue; cannot collide with an id (APPROVAL_ID_PATTERN admits no NUL). */
const INSERT_QUEUE = '\u0000insert';

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
