/**
 * How long to wait before the one retry a model call gets after a 429 or 5xx: what the server asks
 * for (`retry-after-ms`, which Azure sends, or `Retry-After` in seconds or as a date), else a short
 * default. A wait longer than the cap is not honoured by waiting less: the call gives up instead.
 */

/** Wait when the server names none. */
export const DEFAULT_RETRY_WAIT_MS = 500;

function secondsOrDate(value: string, now: number): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait in ms, or `undefined` when the server asks for longer than `maxWaitMs`. */
export function retryWaitMs(
  headers: Headers | undefined,
  maxWaitMs: number,
  now = Date.now(),
): number | undefined {
  const ms = headers?.get('retry-after-ms')?.trim();
  const seconds = headers?.get('retry-after')?.trim();
  let wait: number | undefined;
  if (ms && /^\d+$/.test(ms)) wait = Number(ms);
  else if (seconds) wait = secondsOrDate(seconds, now);
  wait ??= DEFAULT_RETRY_WAIT_MS;
  return wait <= maxWaitMs ? wait : undefined;
}
