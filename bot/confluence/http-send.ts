import { AppError } from '../errors.js';
import type { HttpFail } from './http-errors.js';
import { ExchangeAbort, type HttpExchange } from './http-exchange.js';
import type { HttpMethod, HttpRequest, QueryValue, RawResponse } from './http-types.js';
import type { ConfluenceConnection } from './types.js';

/*
 * One attempt of a Confluence request over an HTTP exchange (http-exchange.ts): the URL and query built, Basic authorization
 * made from the token only as the request leaves, redirects followed by hand and only within the
 * site's origin (a write is never turned into a GET), the whole attempt under one timeout.
 */

const MAX_REDIRECTS = 3;

/** Thrown by a sender when the attempt's timeout fired (no answer: the caller decides on a retry). */
export class TimeoutSignal extends Error {}

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

/** What {@link createSender} needs. */
export interface SenderOptions {
  readonly connection: ConfluenceConnection;
  /** The validated site URL; every hop must stay on its origin. */
  readonly siteUrl: string;
  readonly exchange: HttpExchange;
  /** Per attempt, covering redirects and reading the body. */
  readonly timeoutMs: number;
  readonly fail: HttpFail;
}

/**
 * A function sending one attempt of a request and returning the raw answer.
 *
 * @throws TimeoutSignal on timeout; AppError CONFLUENCE_UNEXPECTED_RESPONSE for a redirect off the
 * origin, too many redirects or a redirected write; the exchange's own error on a network failure.
 */
export function createSender(options: SenderOptions): (request: HttpRequest) => Promise<RawResponse> {
  const { connection, siteUrl, timeoutMs, fail } = options;
  const exchange = options.exchange;
  const origin = new URL(siteUrl).origin;
  return async (request: HttpRequest): Promise<RawResponse> => {
    const abort = new ExchangeAbort();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
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
        const response = await exchange(url, {
          method,
          headers,
          ...(body !== undefined ? { body } : {}),
          abort,
        });
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location !== null) {
          await response.discard();
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
}
