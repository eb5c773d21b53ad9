import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createGunzip } from 'node:zlib';

/*
 * One HTTP exchange (request out, whole answer in) for the Confluence sender, over node:http(s)
 * by default or over an injected fetch (tests). The sender decides everything else (origin,
 * redirects, authorization, timeout); an exchange only moves bytes.
 *
 * Why not fetch by default: in Node 20 fetch (undici) costs about 1 ms of CPU per request more
 * than node:http, for the same bytes — measured as 18% of a search turn's main-thread CPU in the
 * side-by-side bench (issue 14).
 */

/** The answer headers the transport reads (a fetch `Headers` satisfies it). */
export interface ResponseHeaders {
  /** The value of header `name` (any case), or null; repeated headers joined with ", ". */
  get(name: string): string | null;
  forEach(callback: (value: string, name: string) => void): void;
}

/**
 * Ends exchanges in flight when the sender gives up (its timeout). Used instead of an
 * AbortController: node's http.request with an AbortSignal (EventTarget listeners added and removed
 * per request, the signal object made) cost ~2 % of a search turn (issue 14). One per attempt:
 * listeners are kept until then (destroying a request that is already over changes nothing).
 */
export class ExchangeAbort {
  #aborted = false;
  readonly #listeners: (() => void)[] = [];

  /** True once {@link abort} was called. */
  get aborted(): boolean {
    return this.#aborted;
  }

  /** Runs `listener` once on abort (at once when already aborted). */
  onAbort(listener: () => void): void {
    if (this.#aborted) listener();
    else this.#listeners.push(listener);
  }

  /** Aborts every exchange registered now or later; calling it again does nothing. */
  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    for (const listener of this.#listeners.splice(0)) listener();
  }
}

function abortError(): Error {
  const error = new Error('The exchange was aborted');
  error.name = 'AbortError';
  return error;
}

/** What one exchange sends. */
export interface ExchangeInit {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Aborting it ends the exchange (sending or reading) with an error. */
  readonly abort: ExchangeAbort;
}

/** The answer of one exchange: status and headers at once, the body on demand. */
export interface ExchangeResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  /** The whole body as UTF-8 text (gzip undone). */
  text(): Promise<string>;
  /** Drops the body (a redirect's). */
  discard(): Promise<void>;
}

/** Sends one request and resolves once the status and headers are in. */
export type HttpExchange = (url: URL, init: ExchangeInit) => Promise<ExchangeResponse>;

/** An exchange over `fetch` (redirects left to the caller). */
export function fetchExchange(doFetch: typeof fetch): HttpExchange {
  return async (url, init) => {
    const controller = new AbortController();
    init.abort.onAbort(() => controller.abort(abortError()));
    const response = await doFetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      redirect: 'manual',
      signal: controller.signal,
    });
    return {
      status: response.status,
      headers: response.headers,
      text: () => response.text(),
      discard: async () => {
        await response.body?.cancel();
      },
    };
  };
}

/** Node's headers (lower-case names; arrays for repeats) behind the `ResponseHeaders` face. */
function nodeHeaders(raw: IncomingMessage['headers']): ResponseHeaders {
  const joined = (value: string | string[] | undefined): string | null =>
    value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  return {
    get: (name) => joined(raw[name.toLowerCase()]),
    forEach(callback) {
      for (const [name, value] of Object.entries(raw)) {
        const text = joined(value);
        if (text !== null) callback(text, name);
      }
    },
  };
}

/** The body of `response` as text, gunzipped when the server compressed it. */
function readText(response: IncomingMessage): Promise<string> {
  const gzip = (response.headers['content-encoding'] ?? '').trim().toLowerCase() === 'gzip';
  const source = gzip ? response.pipe(createGunzip()) : response;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    source.on('data', (chunk: Buffer) => chunks.push(chunk));
    source.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    source.on('error', reject);
    if (gzip) response.on('error', reject);
    // A connection cut mid-body (or the timeout's abort) closes the response before its end.
    response.on('close', () => {
      if (!response.complete) reject(new Error('the answer was cut off'));
    });
  });
}

/**
 * Idle keep-alive connections are closed after this long (undici's default too): a server that
 * closes its side first would otherwise make the next request on that connection fail.
 */
const IDLE_SOCKET_MS = 4_000;

/**
 * An exchange over node:http / node:https with keep-alive connections (one pool per exchange).
 * Certificates are verified as usual; gzip is accepted and undone.
 */
export function nodeExchange(): HttpExchange {
  const agents = {
    http: new HttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
    https: new HttpsAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  };
  return (url, init) =>
    new Promise((resolve, reject) => {
      if (init.abort.aborted) {
        reject(abortError());
        return;
      }
      const secure = url.protocol === 'https:';
      const send = secure ? httpsRequest : httpRequest;
      const headers: Record<string, string | number> = { ...init.headers, 'Accept-Encoding': 'gzip' };
      if (init.body !== undefined) headers['Content-Length'] = Buffer.byteLength(init.body);
      const request = send(
        url,
        { method: init.method, headers, agent: secure ? agents.https : agents.http },
        (response) => {
          // Read at once, so a connection error mid-body always has a listener; the rejection is
          // marked handled here and still reaches whoever asks for the text.
          const body = readText(response);
          body.catch(() => undefined);
          resolve({
            status: response.statusCode ?? 0,
            headers: nodeHeaders(response.headers),
            text: () => body,
            discard: async () => {
              await body.catch(() => undefined);
            },
          });
        },
      );
      // As with an AbortSignal: aborting destroys the request, so sending or reading fails.
      init.abort.onAbort(() => request.destroy(abortError()));
      request.on('error', reject);
      request.end(init.body);
    });
}
