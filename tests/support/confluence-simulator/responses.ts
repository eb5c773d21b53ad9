/** What a route answers; the server serialises it, records it and (for 2xx JSON) validates it. */
export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Which spec describes the body (for response validation). */
  spec?: 'v1' | 'v2';
  /** When set, the answer is this HTML page (text/html) instead of JSON. */
  html?: string;
}

/** A v2 error answer: `{"errors":[{status, code, title, detail}]}`. */
export function v2Error(
  status: number,
  code: string,
  title: string,
  detail: string | null = null,
): RouteResult {
  return { status, body: { errors: [{ status, code, title, detail }] } };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  410: 'Gone',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Reason phrase for a status code. */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? 'Error';
}

/** A v1 error answer: `{statusCode, data:{…}, message, reason}`. */
export function v1Error(status: number, message: string): RouteResult {
  return {
    status,
    body: {
      statusCode: status,
      data: {
        authorized: status !== 401 && status !== 403,
        valid: true,
        allowedInReadOnlyMode: true,
        errors: [],
        successful: false,
      },
      message,
      reason: reasonPhrase(status),
    },
  };
}

/** The v2 404 body, identical for missing and permission-hidden content. */
export function v2NotFound(): RouteResult {
  return v2Error(404, 'NOT_FOUND', 'Not Found');
}

/** The 400 a v2 route answers for a non-numeric id. */
export function v2InvalidId(value: string, name = 'id', type = 'ContentId'): RouteResult {
  return v2Error(
    400,
    'INVALID_REQUEST_PARAMETER',
    `Provided value {${value}} for '${name}' is not the correct type. Expected type is ${type}`,
  );
}

/** The 410 v1 content CRUD answers now that it is removed. */
export function v1Gone(): RouteResult {
  return v1Error(
    410,
    'com.atlassian.confluence.api.service.exceptions.GoneException: This deprecated endpoint has been removed.',
  );
}

/** The 403 for an account without Confluence product access. */
export function noProductAccess(): RouteResult {
  return { status: 403, body: { message: 'Current user not permitted to use Confluence', statusCode: 403 } };
}

/** An HTML error page like an edge proxy or WAF serves. */
export function htmlErrorPage(status: number): RouteResult {
  const reason = reasonPhrase(status);
  return {
    status,
    html: `<!DOCTYPE html><html><head><title>${status} ${reason}</title></head><body><h1>${reason}</h1><p>Something went wrong on our end. Please try again.</p></body></html>`,
  };
}

/** Link to a page in the web UI: `/spaces/{KEY}/pages/{id}/{Title+with+plus}`. */
export function pageWebUi(spaceKey: string, id: string, title: string): string {
  return `/spaces/${encodeURIComponent(spaceKey)}/pages/${id}/${encodeURIComponent(title).replace(/%20/g, '+')}`;
}

/** Short link of a page (`/x/...`), derived from the id like Confluence's tiny links. */
export function pageTinyUi(id: string): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(Number(id) >>> 0);
  return `/x/${bytes.toString('base64url').replace(/A+$/, '')}`;
}

/** Encodes an opaque paging cursor. */
export function encodeCursor(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope })).toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor} for the same scope; undefined when invalid. */
export function decodeCursor(cursor: string, scope: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { o, s } = parsed as { o?: unknown; s?: unknown };
    return typeof o === 'number' && Number.isInteger(o) && o >= 0 && s === scope ? o : undefined;
  } catch {
    return undefined;
  }
}
