/** Backoff settings: the delay before retry n (0-based) is uniform in [0, min(capMs, baseMs * 2^n)]. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

/** Default backoff: 500 ms doubling up to 10 s, with full jitter. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 10_000 };

/**
 * Parses an HTTP `Retry-After` value (delay-seconds or an HTTP date) into milliseconds from
 * `nowMs`. Returns `undefined` when the header is absent or unparseable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    const seconds = Number.parseInt(trimmed, 10);
    return Number.isSafeInteger(seconds) ? seconds * 1000 : undefined;
  }
  if (!/[a-zA-Z]/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * Full-jitter exponential backoff: a delay in `[0, min(cap, base * 2^attempt)]` drawn with
 * `random()` (which must return a number in [0, 1)). `floorMs` (a `Retry-After`) is a lower bound.
 */
export function computeBackoff(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  floorMs = 0,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.max(Math.floor(ceiling * r), floorMs);
}
