/**
 * Every bound on approval requests: how long a pending one lives, how long and how many finished
 * ones are kept, how many pending ones a requester or a channel may have, and the error a cap raises.
 */
import { AppError } from '../errors.js';

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

/**
 * Most finished requests one insert drops. Bounds a submit's work when a backlog is due at once
 * (after a long downtime, say); each submit adds at most one request, so inserts alone keep up, and
 * the periodic sweep (`pruneFinished`) drops the rest.
 */
export const MAX_PRUNED_PER_INSERT = 16;

/** AppError('APPROVAL_LIMIT') for a reached cap (details: `scope`, `limit`), saying what to do. */
export function limitError(scope: 'requester' | 'channel', limit: number): AppError {
  const userMessage =
    scope === 'requester'
      ? `You already have ${limit} requests waiting for approval. Wait until some are decided, or withdraw one (type \`approvals\`), then ask again.`
      : `This channel already has ${limit} requests waiting for approval. Ask an approver to decide some, then ask again.`;
  return new AppError('APPROVAL_LIMIT', { userMessage, details: { scope, limit } });
}
