import type { HttpFail } from './http-errors.js';
import type { ResponseHeaders } from './http-exchange.js';
import type { HttpRequest } from './http-types.js';

/*
 * Confluence's rate limits on the client side: after a 429 or 503 the whole transport waits until
 * the Retry-After (or chosen backoff) has passed before anything else leaves; a wait longer than
 * allowed fails at once with CONFLUENCE_RATE_LIMITED.
 */

/** The transport-wide gate. */
export interface RateGate {
  /**
   * Waits until the gate is open.
   *
   * @throws AppError CONFLUENCE_RATE_LIMITED (via `fail`) when the wait is over `maxWaitMs`.
   */
  wait(request: HttpRequest, fail: HttpFail): Promise<void>;
  /** Keeps the gate closed for at least `delayMs` from now. */
  closeFor(delayMs: number): void;
}

/** A gate over the clock `now`, waiting with `sleep` for at most `maxWaitMs`. */
export function createRateGate(options: {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly maxWaitMs: number;
}): RateGate {
  const { now, sleep, maxWaitMs } = options;
  let gateUntil = 0;
  return {
    async wait(request, fail) {
      const wait = gateUntil - now();
      if (wait <= 0) return;
      if (wait > maxWaitMs) {
        throw fail('CONFLUENCE_RATE_LIMITED', request, {
          retryAfterSeconds: Math.ceil(wait / 1000),
          reason: 'client is backing off',
        });
      }
      await sleep(wait);
    },
    closeFor(delayMs) {
      gateUntil = Math.max(gateUntil, now() + delayMs);
    },
  };
}

/** The rate-limit and Retry-After headers of an answer, for the log line of a 429 or 503. */
export function rateLimitHeaders(headers: ResponseHeaders): Record<string, string> {
  const picked: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (/ratelimit|retry-after/i.test(name)) picked[name] = value;
  });
  return picked;
}
