import type { Logger } from '../logger.js';
import { rateLimitedError, type SlackApiError, toSlackApiError } from './slack-api-error.js';

/*
 * Slack's rate limits (429 + Retry-After), per Web API method: after a 429 no call to that method is
 * sent before Retry-After has passed; a short wait is waited out and the call tried once more, a
 * long one fails at once with SLACK_RATE_LIMITED instead of holding a user's request.
 */

/** What {@link createRateLimitedCall} needs: the raw call and the limits. */
export interface RateLimitOptions {
  readonly logger: Logger;
  /** Longest wait for Retry-After before a call fails instead (ms). */
  readonly maxWaitMs: number;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/**
 * Wraps `send` (one Web API call, any error) into a call that honours each method's Retry-After and
 * rejects with SlackApiError only.
 */
export function createRateLimitedCall<Args, Result>(
  send: (method: string, args: Args) => Promise<Result>,
  options: RateLimitOptions,
): (method: string, args: Args) => Promise<Result> {
  const { now, sleep, maxWaitMs } = options;
  const blockedUntil = new Map<string, number>();

  const waitIfBlocked = async (method: string) => {
    const wait = (blockedUntil.get(method) ?? 0) - now();
    if (wait <= 0) return;
    if (wait > maxWaitMs) throw rateLimitedError(method, Math.ceil(wait / 1000));
    await sleep(wait);
  };

  return async (method: string, args: Args): Promise<Result> => {
    for (let attempt = 0; ; attempt += 1) {
      await waitIfBlocked(method);
      try {
        return await send(method, args);
      } catch (error) {
        const mapped: SlackApiError = toSlackApiError(method, error);
        if (mapped.code !== 'SLACK_RATE_LIMITED') throw mapped;
        const waitMs = (mapped.retryAfterSeconds ?? 1) * 1000;
        blockedUntil.set(method, Math.max(blockedUntil.get(method) ?? 0, now() + waitMs));
        options.logger.warn({ method, retryAfterSeconds: mapped.retryAfterSeconds }, 'slack rate limited');
        if (attempt > 0 || waitMs > maxWaitMs) throw mapped;
      }
    }
  };
}
