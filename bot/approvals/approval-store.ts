import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { type JsonDocument, openJsonDocument } from '../stores/json-document.js';

/** File name of the approval store inside `DATA_DIR`. */
export const APPROVALS_FILE = 'approvals.json';

/**
 * Life of a request: `pending` → approved | rejected | expired | cancelled (| stale when the page
 * moved on before approval); `approved` → executed | failed | stale. Every other status is final.
 */
export const APPROVAL_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'expired',
  'cancelled',
  'stale',
  'executed',
  'failed',
] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** Shape of request ids (the generator decides how unguessable they are). */
export const APPROVAL_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const actorSchema = z
  .object({ id: z.string(), name: z.string(), aadObjectId: z.string().optional() })
  .strict();

const cardRefSchema = z
  .object({ conversationId: z.string().min(1), activityId: z.string().min(1), serviceUrl: z.string().min(1) })
  .strict();

/** One approval request as stored. `change` is the full proposed change (JSON). */
export const approvalRequestSchema = z
  .object({
    id: z.string().regex(APPROVAL_ID_PATTERN),
    requester: actorSchema,
    conversationId: z.string().min(1),
    channelKey: z.string().min(1),
    connector: z.string().min(1),
    operation: z.enum(['create', 'update']),
    target: z
      .object({ spaceKey: z.string().min(1), pageId: z.string().min(1).optional(), title: z.string() })
      .strict(),
    change: z.unknown(),
    baseVersion: z.number().int().positive().optional(),
    createdAt: z.string().datetime(),
    expiresAt: z.string().datetime(),
    status: z.enum(APPROVAL_STATUSES),
    decidedBy: actorSchema.optional(),
    decidedAt: z.string().datetime().optional(),
    result: z.unknown().optional(),
    error: z.string().optional(),
    card: cardRefSchema.optional(),
  })
  .strict();

export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

/** Where the approval card was posted (for updating it in place). */
export type ApprovalCardRef = z.infer<typeof cardRefSchema>;

/** Shape of `approvals.json`. Requests are a list (ids come from card payloads; no object-key tricks). */
export const approvalsFileSchema = z.object({ requests: z.array(approvalRequestSchema) }).strict();
export type ApprovalsFile = z.infer<typeof approvalsFileSchema>;

/**
 * Fields a transition may set. `change` is only replaced by a smaller record of itself when the
 * request ends (what execution needed is dropped; what the card shows stays).
 */
export type ApprovalPatch = Partial<
  Pick<ApprovalRequest, 'status' | 'decidedBy' | 'decidedAt' | 'result' | 'error' | 'card' | 'change'>
>;

/** Limits checked atomically with an insert (see `ApprovalStore.insertWithinLimits`). */
export interface InsertLimits {
  /** Requests in a final status that ended before this instant are dropped in the same write. */
  readonly pruneBefore?: Date;
  /** Most finished requests kept: beyond it the oldest go too, even within retention. */
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

/** Persistence of approval requests. All writes go through the document's single queue. */
export interface ApprovalStore {
  /** The stored request (a deep-frozen snapshot; never mutate it). */
  get(id: string): ApprovalRequest | undefined;
  /** Requests matching `filter` (all when omitted), oldest first. */
  list(filter?: (request: ApprovalRequest) => boolean): ApprovalRequest[];
  /** Adds a new request; throws `AppError('INPUT_INVALID')` if it breaks the schema or the id exists. */
  insert(request: ApprovalRequest): Promise<ApprovalRequest>;
  /**
   * Atomic compare-and-set: applies `patch` only if the request's status is (one of) `expected` at
   * the moment the queue runs it. A patch function sees the current request. Exactly one of any
   * number of concurrent transitions from the same status wins.
   */
  transition(
    id: string,
    expected: ApprovalStatus | readonly ApprovalStatus[],
    patch: ApprovalPatch | ((current: ApprovalRequest) => ApprovalPatch),
  ): Promise<TransitionResult>;
  /** Atomically patches every request with status `expected` that `filter` selects; returns them. */
  transitionMatching(
    expected: ApprovalStatus,
    filter: (request: ApprovalRequest) => boolean,
    patch: (current: ApprovalRequest) => ApprovalPatch,
  ): Promise<ApprovalRequest[]>;
  /** Records where the card is, whatever the status. Undefined when the request is gone. */
  setCard(id: string, card: ApprovalCardRef): Promise<ApprovalRequest | undefined>;
  /**
   * Drops requests in a final status whose decision (or creation) is older than `before`, and past
   * `maxFinished` finished ones the earliest filed. Writes nothing when there is nothing to drop.
   */
  pruneFinished(before: Date, maxFinished?: number): Promise<number>;
  /**
   * Adds a new request in one write that also prunes (`limits.pruneBefore`) and checks the caps on
   * unexpired pending requests of its requester and its channel. Throws `AppError('APPROVAL_LIMIT')`
   * (details: `scope` requester|channel, `limit`) when a cap is reached, and what `insert` throws.
   */
  insertWithinLimits(request: ApprovalRequest, limits: InsertLimits): Promise<ApprovalRequest>;
}

/** Empty contents of `approvals.json`. */
export function emptyApprovalsFile(): ApprovalsFile {
  return { requests: [] };
}

/** Opens `<dataDir>/approvals.json`; throws `AppError('STORE_CORRUPT')` if it is unreadable. */
export async function openApprovalStore(options: { dataDir: string }): Promise<ApprovalStore> {
  const document = await openJsonDocument(
    join(options.dataDir, APPROVALS_FILE),
    approvalsFileSchema,
    emptyApprovalsFile(),
    { fileMode: 0o600 },
  );
  return createApprovalStore(document);
}

/** Statuses a request never leaves. */
export const FINAL_APPROVAL_STATUSES: ReadonlySet<ApprovalStatus> = new Set([
  'rejected',
  'expired',
  'cancelled',
  'stale',
  'executed',
  'failed',
]);

const FINAL = FINAL_APPROVAL_STATUSES;

/** When a final request ended: its decision time, or its creation time if it has none. */
function endedAt(request: ApprovalRequest): number {
  return Date.parse(request.decidedAt ?? request.createdAt);
}

/**
 * The requests left after dropping finished ones that ended before `cutoff` and, past `maxFinished`
 * finished ones, the earliest filed (requests are kept in filing order). One linear pass.
 */
function withoutPruned(
  requests: readonly ApprovalRequest[],
  cutoff: number,
  maxFinished = Number.POSITIVE_INFINITY,
): ApprovalRequest[] {
  let finished = 0;
  for (const r of requests) if (FINAL.has(r.status) && endedAt(r) >= cutoff) finished += 1;
  let excess = Math.max(0, finished - maxFinished);
  return requests.filter((r) => {
    if (!FINAL.has(r.status)) return true;
    if (endedAt(r) < cutoff) return false;
    if (excess > 0) {
      excess -= 1;
      return false;
    }
    return true;
  });
}

function isSameRequester(a: ApprovalRequest['requester'], b: ApprovalRequest['requester']): boolean {
  return a.id === b.id || (a.aadObjectId !== undefined && a.aadObjectId === b.aadObjectId);
}

function limitError(scope: 'requester' | 'channel', limit: number): AppError {
  const userMessage =
    scope === 'requester'
      ? `You already have ${limit} requests waiting for approval. Wait until some are decided, or withdraw one (type \`approvals\`), then ask again.`
      : `This channel already has ${limit} requests waiting for approval. Ask an approver to decide some, then ask again.`;
  return new AppError('APPROVAL_LIMIT', { userMessage, details: { scope, limit } });
}

function applyPatch(target: ApprovalRequest, patch: ApprovalPatch): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) {
      (target as Record<string, unknown>)[key] = value;
    }
  }
}

/** The approval store over any document (file or memory). */
export function createApprovalStore(document: JsonDocument<ApprovalsFile>): ApprovalStore {
  return {
    get: (id) => document.read().requests.find((r) => r.id === id),
    list: (filter) => document.read().requests.filter((r) => (filter ? filter(r) : true)),
    async insert(request) {
      return document.update((draft) => {
        if (draft.requests.some((r) => r.id === request.id)) {
          throw new AppError('INPUT_INVALID', { message: 'duplicate approval request id' });
        }
        const copy = structuredClone(request);
        draft.requests.push(copy);
        return structuredClone(copy);
      });
    },
    async transition(id, expected, patch) {
      const allowed: readonly ApprovalStatus[] = typeof expected === 'string' ? [expected] : expected;
      return document.update((draft): TransitionResult => {
        const current = draft.requests.find((r) => r.id === id);
        if (!current) {
          return { kind: 'not-found' };
        }
        if (!allowed.includes(current.status)) {
          return { kind: 'conflict', request: structuredClone(current) };
        }
        const previous = current.status;
        applyPatch(current, typeof patch === 'function' ? patch(structuredClone(current)) : patch);
        return { kind: 'applied', request: structuredClone(current), previous };
      });
    },
    async transitionMatching(expected, filter, patch) {
      if (!document.read().requests.some((r) => r.status === expected && filter(r))) {
        return [];
      }
      return document.update((draft) => {
        const changed: ApprovalRequest[] = [];
        for (const current of draft.requests) {
          if (current.status === expected && filter(current)) {
            applyPatch(current, patch(structuredClone(current)));
            changed.push(structuredClone(current));
          }
        }
        return changed;
      });
    },
    async setCard(id, card) {
      return document.update((draft) => {
        const current = draft.requests.find((r) => r.id === id);
        if (current) {
          current.card = { ...card };
        }
        return current ? structuredClone(current) : undefined;
      });
    },
    async pruneFinished(before, maxFinished) {
      const cutoff = before.getTime();
      const current = document.read().requests;
      if (withoutPruned(current, cutoff, maxFinished).length === current.length) {
        return 0;
      }
      return document.update((draft) => {
        const kept = withoutPruned(draft.requests, cutoff, maxFinished);
        const removed = draft.requests.length - kept.length;
        draft.requests = kept;
        return removed;
      });
    },
    async insertWithinLimits(request, limits) {
      const cutoff = limits.pruneBefore?.getTime() ?? Number.NEGATIVE_INFINITY;
      const at = limits.now.getTime();
      return document.update((draft) => {
        draft.requests = withoutPruned(draft.requests, cutoff, limits.maxFinished);
        let byRequester = 0;
        let byChannel = 0;
        for (const r of draft.requests) {
          if (r.id === request.id) {
            throw new AppError('INPUT_INVALID', { message: 'duplicate approval request id' });
          }
          if (r.status !== 'pending' || Date.parse(r.expiresAt) <= at) continue;
          if (isSameRequester(r.requester, request.requester)) byRequester += 1;
          if (r.channelKey === request.channelKey) byChannel += 1;
        }
        if (byRequester >= limits.maxPendingPerRequester) {
          throw limitError('requester', limits.maxPendingPerRequester);
        }
        if (byChannel >= limits.maxPendingPerChannel) {
          throw limitError('channel', limits.maxPendingPerChannel);
        }
        const copy = structuredClone(request);
        draft.requests.push(copy);
        return structuredClone(copy);
      });
    },
  };
}
