import type { z } from 'zod';
import { AppError } from '../errors.js';
import { createSilentLogger, type Logger } from '../logger.js';
import { createHttpErrors } from './http-errors.js';
import { fetchExchange, nodeExchange } from './http-exchange.js';
import { createRateGate, rateLimitHeaders } from './http-rate-limit.js';
import { parseResponseBody } from './http-response.js';
import { createSender, TimeoutSignal } from './http-send.js';
import type { HttpRequest, RawResponse } from './http-types.js';
import { type BackoffPolicy, computeBackoff, DEFAULT_BACKOFF, parseRetryAfter } from './retry.js';
import type { ConfluenceConnection } from './types.js';

/*
 * The Confluence HTTP transport: the retry loop over one attempt (http-send), the rate-limit gate
 * (http-rate-limit), answer parsing (http-response) and error mapping (http-errors).
 */

/** Injectable behaviour of the transport (all optional; defaults are production values). */
export interface HttpTransportOptions {
  /** Send over this fetch instead of node:http(s) (tests). */
  readonly fetch?: typeof fetch;
  /** Per attempt, covering redirects and reading the body. Default 15000. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  readonly maxRetries?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Returns a number in [0, 1); used for jitter. */
  readonly random?: () => number;
  readonly logger?: Logger;
  /** Wall clock in ms (Retry-After dates, the rate-limit gate). */
  readonly now?: () => number;
  /** Longest a call waits for a rate-limit gate before failing with CONFLUENCE_RATE_LIMITED. Default 30000. */
  readonly maxWaitMs?: number;
  readonly backoff?: BackoffPolicy;
}

/** Sends requests to one Confluence site as one account, with retries, gate and error mapping. */
export interface HttpTransport {
  /** The validated site URL (origin, or origin + gateway path). */
  readonly siteUrl: string;
  /**
   * Sends `request` and returns the JSON body parsed with `schema`.
   *
   * @throws AppError with a `CONFLUENCE_*` code; details carry `status`, `method` and `path` (no query).
   */
  request<T>(request: HttpRequest, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Promise<T>;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Creates the HTTP transport for one connection. Authorization is built from
 * `connection.apiToken.reveal()` only when a request is sent and is never sent to another origin
 * (redirects are followed manually, same origin only). Rules:
 * - timeout per attempt via AbortController;
 * - 429 is retried for any method, 5xx / timeouts / network errors only for GET;
 * - delays use full-jitter exponential backoff with `Retry-After` (seconds or date) as a floor;
 * - after a 429 or 503 the whole transport is gated: no request leaves before the Retry-After
 *   (or chosen backoff) has passed; a wait longer than `maxWaitMs` fails fast with
 *   CONFLUENCE_RATE_LIMITED instead;
 * - the Content-Type is checked before parsing JSON, and every body is validated with zod.
 */
export function createHttpTransport(
  connection: ConfluenceConnection,
  siteUrl: string,
  options: HttpTransportOptions = {},
): HttpTransport {
  const exchange = options.fetch ? fetchExchange(options.fetch) : nodeExchange();
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRetries = Math.max(0, options.maxRetries ?? 3);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const logger = options.logger ?? createSilentLogger();
  const now = options.now ?? Date.now;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const { fail, fromResponse } = createHttpErrors(connection);
  const sendOnce = createSender({ connection, siteUrl, exchange, timeoutMs, fail });
  const gate = createRateGate({ now, sleep, maxWaitMs });

  const request = async <T>(
    request: HttpRequest,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  ): Promise<T> => {
    const idempotent = request.method === 'GET';
    for (let attempt = 0; ; attempt++) {
      await gate.wait(request, fail);
      const started = now();
      const canRetry = attempt < maxRetries;
      let raw: RawResponse;
      try {
        raw = await sendOnce(request);
      } catch (error) {
        if (error instanceof AppError) throw error;
        const isTimeout = error instanceof TimeoutSignal;
        logger.warn(
          { method: request.method, path: request.path, attempt, timeout: isTimeout },
          'confluence request failed without a response',
        );
        if (idempotent && canRetry) {
          await sleep(computeBackoff(attempt, random, backoff));
          continue;
        }
        if (isTimeout) {
          throw fail('CONFLUENCE_TIMEOUT', request, { timeoutMs, mayHaveApplied: !idempotent });
        }
        const description = error instanceof Error ? `${error.name}: ${error.message}` : 'network error';
        throw fail(
          'CONFLUENCE_UNAVAILABLE',
          request,
          { reason: 'network error', mayHaveApplied: !idempotent },
          description,
        );
      }
      logger.debug(
        { method: request.method, path: request.path, status: raw.status, attempt, ms: now() - started },
        'confluence request',
      );
      if (raw.status >= 200 && raw.status < 300) return parseResponseBody(request, raw, schema, fail);
      const retryAfterMs = parseRetryAfter(raw.headers.get('retry-after'), now());
      if (raw.status === 429 || raw.status === 503) {
        logger.warn(
          {
            method: request.method,
            path: request.path,
            status: raw.status,
            headers: rateLimitHeaders(raw.headers),
          },
          'confluence is rate limiting or unavailable',
        );
        const delay = computeBackoff(attempt, random, backoff, retryAfterMs ?? 0);
        gate.closeFor(delay);
      }
      const retryable = raw.status === 429 || (raw.status >= 500 && idempotent);
      if (retryable && canRetry) {
        if (raw.status !== 429 && raw.status !== 503) await sleep(computeBackoff(attempt, random, backoff));
        continue;
      }
      const mapped = fromResponse(request, raw, retryAfterMs);
      if (raw.status >= 500 && !idempotent) {
        throw new AppError(mapped.code, {
          message: mapped.message,
          details: { ...mapped.details, mayHaveApplied: true },
        });
      }
      throw mapped;
    }
  };

  return { siteUrl, request };
}
