import type { z } from 'zod';
import type { HttpFail } from './http-errors.js';
import type { HttpRequest, RawResponse } from './http-types.js';

/* Reading a successful Confluence answer: the Content-Type checked, the JSON parsed and validated. */

/** True for `application/json` or any `+json` media type. */
export function isJsonContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

/**
 * The body of a 2xx answer parsed with `schema` (an empty body or 204 is `undefined`).
 *
 * @throws AppError CONFLUENCE_UNEXPECTED_RESPONSE (via `fail`) for a non-JSON type, invalid JSON or
 * a body the schema rejects (the first issues as cause).
 */
export function parseResponseBody<T>(
  request: HttpRequest,
  raw: RawResponse,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  fail: HttpFail,
): T {
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
    throw fail('CONFLUENCE_UNEXPECTED_RESPONSE', request, { status: raw.status, issues }, issues.join('; '));
  }
  return parsed.data;
}
