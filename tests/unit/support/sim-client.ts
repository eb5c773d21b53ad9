import type { ConfluenceSimulator, SimulatorAccount } from '../../support/confluence-simulator/index.js';

/** A parsed simulator answer. */
export interface SimResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Basic auth header value for an account. */
export function basicAuth(account: Pick<SimulatorAccount, 'email' | 'apiToken'>): string {
  return `Basic ${Buffer.from(`${account.email}:${account.apiToken}`).toString('base64')}`;
}

/** Calls the simulator over loopback HTTP as `account` (no auth when undefined). */
export async function call(
  sim: ConfluenceSimulator,
  method: string,
  path: string,
  options: { account?: Pick<SimulatorAccount, 'email' | 'apiToken'>; body?: unknown; rawBody?: string } = {},
): Promise<SimResponse> {
  const headers: Record<string, string> = {};
  if (options.account) headers.authorization = basicAuth(options.account);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** `/wiki/rest/api/search` query string for a CQL and extra params. */
export function searchPath(cql: string, extra: Record<string, string> = {}): string {
  return `/wiki/rest/api/search?${new URLSearchParams({ cql, ...extra }).toString()}`;
}
