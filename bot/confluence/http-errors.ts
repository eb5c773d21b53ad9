import { AppError, type ErrorCode } from '../errors.js';
import { isJsonContentType } from './http-response.js';
import type { HttpRequest, RawResponse } from './http-types.js';
import { v1ErrorSchema, v2ErrorSchema } from './schemas.js';
import type { ConfluenceConnection } from './types.js';

/*
 * Error mapping of the Confluence transport: the AppError for a request (secrets redacted from any
 * cause), and the `CONFLUENCE_*` code for an error status, with Confluence's own message (v1 or v2
 * error body) kept short and redacted.
 */

const MAX_UPSTREAM_MESSAGE = 300;
const DUPLICATE_TITLE = /already exists/i;
const CURRENT_VERSION_HINT = /Current Version:\s*\[(\d+)\]/i;

/** Builds the AppError of a failed request; details always carry `method` and `path` (no query). */
export type HttpFail = (
  code: ErrorCode,
  request: HttpRequest,
  details: Record<string, unknown>,
  cause?: string,
) => AppError;

/** The error builders of one connection. */
export interface HttpErrors {
  readonly fail: HttpFail;
  /** The AppError for a non-2xx answer (`retryAfterMs` from its Retry-After, for 429). */
  fromResponse(request: HttpRequest, raw: RawResponse, retryAfterMs: number | undefined): AppError;
}

/**
 * The error builders for `connection`: the API token, its Basic credentials and its URL-encoded
 * form are replaced by `[redacted]` in every message and cause they produce.
 */
export function createHttpErrors(connection: ConfluenceConnection): HttpErrors {
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

  const fromResponse = (
    request: HttpRequest,
    raw: RawResponse,
    retryAfterMs: number | undefined,
  ): AppError => {
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

  return { fail, fromResponse };
}
