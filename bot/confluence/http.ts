import type { z } from 'zod';
import { AppError, type ErrorCode } from '../errors.js';
import { createSilentLogger, type Logger } from '../logger.js';
import { type BackoffPolicy, computeBackoff, DEFAULT_BACKOFF, parseRetryAfter } from './retry.js';
import { v1ErrorSchema, v2ErrorSchema } from './schemas.js';
import type { ConfluenceConnection } from './types.js';

/** HTTP methods the client uses. Only GET is treated as idempotent. */
export type HttpMethod = 'GET' | 'POST' | 'PUT';

/** Query values; arrays are sent comma-separated (`keys=A,B`), `undefined` is omitted. */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** One logical request; `path` starts with `/wiki/` and is relative to the site URL. */
export interface HttpRequest {
  readonly method: HttpMethod;
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
}

/** Injectable behaviour of the transport (all optional; defaults are production values). */
export interface HttpTransportOptions {
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

const MAX_REDIRECTS = 3;
const MAX_UPSTREAM_MESSAGE = 300;
const DUPLICATE_TITLE = /already exists/i;
const CURRENT_VERSION_HINT = /Current Version:\s*\[(\d+)\]/i;

interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

class TimeoutSignal extends Error {}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function buildQuery(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.append(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text.length > 0 ? `?${text}` : '';
}

function isJsonContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

function rateLimitHeaders(headers: Headers): Record<string, string> {
  const picked: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (/ratelimit|retry-after/i.test(name)) picked[name] = value;
  });
  return picked;
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
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRetries = Math.max(0, options.maxRetries ?? 3);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const logger = options.logger ?? createSilentLogger();
  const now = options.now ?? Date.now;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const origin = new URL(siteUrl).origin;
  let gateUntil = 0;

  const redact = (text: string): string => {
    const token = connection.apiToken.reveal();
    const basic = Buffer.from(`${connection.email}:${token}`).toString('base64');
    let out = text;
    for (const secret of [token, basic, encodeURIComponent(token)]) {
      if (secret.length > 0) out = out.split(secret).join('[redacted]');
    }
    return out;
  };

  const fail = (
    code: ErrorCode,
    request: HttpRequest,
    details: Record<string, unknown>,
    cause?: string,
  ): AppError =>
    new AppError(code, {
      message: `Confluence ${request.method} ${request.path}: ${code}${details.status ? ` (HTTP ${details.status})` : ''}`,
      details: { method: request.method, path: request.path, ...details },
      cause: cause === undefined ? undefined : new Error(redact(cause)),
    });

  const sendOnce = async (request: HttpRequest): Promise<RawResponse> => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      let url = new URL(`${siteUrl}${request.path}${buildQuery(request.query)}`);
      let method: HttpMethod = request.method;
      let body = request.body === undefined ? undefined : JSON.stringify(request.body);
      for (let hop = 0; ; hop++) {
        if (url.origin !== origin) {
          throw fail('CONFLUENCE_UNEXPECTED_RESPONSE', request, { reason: 'redirect to another origin' });
        }
        const headers: Record<string, string> = {
          Accept: 'application/json',
          Authorization: `Basic ${Buffer.from(`${connection.email}:${connection.apiToken.reveal()}`).toString('base64')}`,
        };
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        const response = await doFetch(url, {
          method,
          headers,
          body,
          redirect: 'manual',
          signal: controller.signal,
        });
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location !== null) {
          await response.body?.cancel();
          if (hop >= MAX_REDIRECTS) {
            throw fail('CONFLUENCE_UNEXPECTED_RESPONSE', request, { reason: 'too many redirects' });
          }
          const keepsMethod = response.status === 307 || response.status === 308;
          if (!keepsMethod && method !== 'GET') {
            throw fail('CONFLUENCE_UNEXPECTED_RESPONSE', request, { reason: 'write redirected' });
          }
          url = new URL(location, url);
          if (!keepsMethod) {
            method = 'GET';
            body = undefined;
          }
          continue;
        }
        const text = await response.text();
        return { status: response.status, headers: response.headers, text };
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (timedOut) throw new TimeoutSignal();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };

  const waitForGate = async (request: HttpRequest): Promise<void> => {
    const wait = gateUntil - now();
    if (wait <= 0) return;
    if (wait > maxWaitMs) {
      throw fail('CONFLUENCE_RATE_LIMITED', request, {
        retryAfterSeconds: Math.ceil(wait / 1000),
        reason: 'client is backing off',
      });
    }
    await sleep(wait);
  };

  const parseBody = <T>(
    request: HttpRequest,
    raw: RawResponse,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  ): T => {
    let value: unknown;
    if (raw.status === 204 || raw.text.length === 0) {
      value = undefined;
    } else {
      const contentType = raw.headers.get('content-type');
      if (!isJsonContentType(contentType)) {
        throw fail('CONFLUENCE_UNEXPECTED_RESPONSE', request, {
          status: raw.status,
          contentType: contentType ?? 'none',
        });
      }
      try {
        value = JSON.parse(raw.text);
      } catch {
        throw fail('CONFLUENCE_UNEXPECTED_RESPONSE', request, { status: raw.status, reason: 'invalid JSON' });
      }
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
      throw fail(
        'CONFLUENCE_UNEXPECTED_RESPONSE',
        request,
        { status: raw.status, issues },
        issues.join('; '),
      );
    }
    return parsed.data;
  };

  const mapError = (request: HttpRequest, raw: RawResponse, retryAfterMs: number | undefined): AppError => {
    let upstreamCode: string | undefined;
    let upstreamMessage: string | undefined;
    if (isJsonContentType(raw.headers.get('content-type'))) {
      try {
        const json: unknown = JSON.parse(raw.text);
        const v2 = v2ErrorSchema.safeParse(json);
        if (v2.success) {
          const first = v2.data.errors[0];
          upstreamCode = first?.code ?? undefined;
          upstreamMessage = first?.title ?? first?.detail ?? undefined;
        } else {
          const v1 = v1ErrorSchema.safeParse(json);
          if (v1.success) upstreamMessage = v1.data.message ?? v1.data.reason ?? undefined;
        }
      } catch {
        upstreamMessage = undefined;
      }
    }
    const safeMessage =
      upstreamMessage === undefined ? undefined : redact(upstreamMessage).slice(0, MAX_UPSTREAM_MESSAGE);
    const details: Record<string, unknown> = { status: raw.status };
    if (upstreamCode !== undefined) details.confluenceCode = upstreamCode;
    if (safeMessage !== undefined) details.confluenceMessage = safeMessage;
    const isDuplicate =
      safeMessage !== undefined && DUPLICATE_TITLE.test(safeMessage) && /title/i.test(safeMessage);
    switch (raw.status) {
      case 400:
        return fail(
          isDuplicate ? 'CONFLUENCE_DUPLICATE_TITLE' : 'CONFLUENCE_INVALID_REQUEST',
          request,
          details,
        );
      case 401:
        return fail('CONFLUENCE_UNAUTHORIZED', request, details);
      case 403:
        return fail('CONFLUENCE_FORBIDDEN', request, details);
      case 404:
        return fail('CONFLUENCE_NOT_FOUND', request, details);
      case 409: {
        if (isDuplicate) return fail('CONFLUENCE_DUPLICATE_TITLE', request, details);
        const hint = safeMessage === undefined ? null : CURRENT_VERSION_HINT.exec(safeMessage);
        if (hint?.[1] !== undefined) details.currentVersion = Number.parseInt(hint[1], 10);
        return fail('CONFLUENCE_CONFLICT', request, details);
      }
      case 413:
        return fail('CONFLUENCE_TOO_LARGE', request, details);
      case 429:
        details.retryAfterSeconds = Math.ceil((retryAfterMs ?? 0) / 1000);
        return fail('CONFLUENCE_RATE_LIMITED', request, details);
      default:
        if (raw.status >= 500) return fail('CONFLUENCE_UNAVAILABLE', request, details);
        if (raw.status >= 400) return fail('CONFLUENCE_INVALID_REQUEST', request, details);
        return fail('CONFLUENCE_UNEXPECTED_RESPONSE', request, details);
    }
  };

  const request = async <T>(
    request: HttpRequest,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  ): Promise<T> => {
    const idempotent = request.method === 'GET';
    for (let attempt = 0; ; attempt++) {
      await waitForGate(request);
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
      if (raw.status >= 200 && raw.status < 300) return parseBody(request, raw, schema);
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
        gateUntil = Math.max(gateUntil, now() + delay);
      }
      const retryable = raw.status === 429 || (raw.status >= 500 && idempotent);
      if (retryable && canRetry) {
        if (raw.status !== 429 && raw.status !== 503) await sleep(computeBackoff(attempt, random, backoff));
        continue;
      }
      const mapped = mapError(request, raw, retryAfterMs);
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
