/* The request and raw response types the Confluence HTTP transport's parts share. */

import type { ResponseHeaders } from './http-exchange.js';

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

/** An answer as received: status, headers and the whole body as text. */
export interface RawResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly text: string;
}
