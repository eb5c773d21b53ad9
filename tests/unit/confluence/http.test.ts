import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpTransport, type HttpTransportOptions } from '../../../bot/confluence/http.js';
import { AppError } from '../../../bot/errors.js';
import { createLogger } from '../../../bot/logger.js';
import { Secret } from '../../../bot/secret.js';

const TOKEN = 'ATATT3xFfGF0-super-secret-token-value';
const SITE = 'https://acme.atlassian.net';
const CONNECTION = { siteUrl: SITE, email: 'bot@acme.test', apiToken: new Secret(TOKEN) };
const anyJson = z.unknown();

interface Call {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

type Reply = Response | ((call: Call, signal: AbortSignal) => Promise<Response>);

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
  });
}

function fakeFetch(replies: Reply[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const call: Call = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    calls.push(call);
    const reply = replies.shift();
    if (!reply) throw new Error('no more replies');
    return typeof reply === 'function' ? reply(call, init?.signal as AbortSignal) : reply;
  };
  return { fetch: impl as typeof fetch, calls };
}

function hang(_call: Call, signal: AbortSignal): Promise<Response> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
}

function setup(replies: Reply[], options: HttpTransportOptions = {}) {
  const { fetch, calls } = fakeFetch(replies);
  const slept: number[] = [];
  let clock = 1_000_000;
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const transport = createHttpTransport(CONNECTION, SITE, {
    fetch,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    now: () => clock,
    random: () => 0.5,
    logger: createLogger({ level: 'debug', destination }),
    ...options,
  });
  return { transport, calls, slept, lines, advance: (ms: number) => (clock += ms) };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

function expectNoToken(error: AppError, lines: readonly string[]): void {
  const basic = Buffer.from(`bot@acme.test:${TOKEN}`).toString('base64');
  const haystack = [
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
    String(error.stack),
    inspect(error.cause, { depth: 10 }),
    ...lines,
  ].join('\n');
  expect(haystack).not.toContain(TOKEN);
  expect(haystack).not.toContain(basic);
}

describe('createHttpTransport', () => {
  it('sends Basic auth, JSON headers and query; parses the body with the schema', async () => {
    const { transport, calls } = setup([json(200, { id: '7' })]);
    const result = await transport.request(
      {
        method: 'POST',
        path: '/wiki/api/v2/pages',
        query: { keys: ['A', 'B'], limit: 5, skip: undefined },
        body: { a: 1 },
      },
      z.object({ id: z.string() }),
    );
    expect(result).toEqual({ id: '7' });
    const call = calls[0] as Call;
    expect(call.url).toBe(`${SITE}/wiki/api/v2/pages?keys=A%2CB&limit=5`);
    expect(call.headers.Authorization).toBe(
      `Basic ${Buffer.from(`bot@acme.test:${TOKEN}`).toString('base64')}`,
    );
    expect(call.headers['Content-Type']).toBe('application/json');
    expect(call.body).toBe('{"a":1}');
  });

  it.each([
    [
      400,
      { errors: [{ status: 400, code: 'BAD_REQUEST', title: 'Invalid body' }] },
      'CONFLUENCE_INVALID_REQUEST',
    ],
    [
      400,
      {
        errors: [
          {
            status: 400,
            code: 'BAD_REQUEST',
            title:
              'A page with this title already exists: A page already exists with the same TITLE in this space',
          },
        ],
      },
      'CONFLUENCE_DUPLICATE_TITLE',
    ],
    [401, { message: 'Unauthorized' }, 'CONFLUENCE_UNAUTHORIZED'],
    [
      403,
      { message: 'Current user not permitted to use Confluence', statusCode: 403 },
      'CONFLUENCE_FORBIDDEN',
    ],
    [
      404,
      { errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] },
      'CONFLUENCE_NOT_FOUND',
    ],
    [410, { statusCode: 410, message: 'GoneException' }, 'CONFLUENCE_INVALID_REQUEST'],
    [
      413,
      { errors: [{ status: 413, code: 'REQUEST_ENTITY_TOO_LARGE', title: 'too large' }] },
      'CONFLUENCE_TOO_LARGE',
    ],
  ])('maps HTTP %d to %s', async (status, body, code) => {
    const { transport } = setup([json(status, body)]);
    const error = await caught(
      transport.request({ method: 'POST', path: '/wiki/api/v2/pages', body: {} }, anyJson),
    );
    expect(error.code).toBe(code);
    expect(error.details.status).toBe(status);
  });

  it('parses the current version out of a 409 hint', async () => {
    const { transport } = setup([
      json(409, {
        errors: [
          {
            status: 409,
            code: 'CONFLICT',
            title:
              'Version must be incremented when updating a page. Current Version: [7]. Provided version: [5]',
          },
        ],
      }),
    ]);
    const error = await caught(
      transport.request({ method: 'PUT', path: '/wiki/api/v2/pages/1', body: {} }, anyJson),
    );
    expect(error.code).toBe('CONFLUENCE_CONFLICT');
    expect(error.details.currentVersion).toBe(7);
  });

  it('never leaks the token, even when the upstream echoes it', async () => {
    const { transport, lines } = setup(
      [
        json(401, {
          message: `bad token ${TOKEN} for ${Buffer.from(`bot@acme.test:${TOKEN}`).toString('base64')}`,
        }),
        async () => {
          throw new Error(`socket hang up ${TOKEN}`);
        },
      ],
      { maxRetries: 0 },
    );
    const first = await caught(
      transport.request({ method: 'GET', path: '/wiki/rest/api/user/current' }, anyJson),
    );
    expect(first.code).toBe('CONFLUENCE_UNAUTHORIZED');
    expect(String(first.details.confluenceMessage)).toContain('[redacted]');
    expectNoToken(first, lines);
    const second = await caught(
      transport.request({ method: 'GET', path: '/wiki/rest/api/user/current' }, anyJson),
    );
    expect(second.code).toBe('CONFLUENCE_UNAVAILABLE');
    expectNoToken(second, lines);
    expect(inspect(transport, { depth: 10, showHidden: true })).not.toContain(TOKEN);
    expect(JSON.stringify(CONNECTION)).not.toContain(TOKEN);
  });

  it('follows same-origin redirects and refuses cross-origin ones without sending credentials there', async () => {
    const redirect = (location: string, status = 302) =>
      new Response(null, { status, headers: { location } });
    const same = setup([redirect('/wiki/api/v2/pages/2'), json(200, { ok: true })]);
    await expect(
      same.transport.request({ method: 'GET', path: '/wiki/api/v2/pages/1' }, anyJson),
    ).resolves.toEqual({
      ok: true,
    });
    expect(same.calls.map((c) => c.url)).toEqual([
      `${SITE}/wiki/api/v2/pages/1`,
      `${SITE}/wiki/api/v2/pages/2`,
    ]);

    const cross = setup([redirect('https://evil.example/steal'), json(200, {})]);
    const error = await caught(
      cross.transport.request({ method: 'GET', path: '/wiki/api/v2/pages/1' }, anyJson),
    );
    expect(error.code).toBe('CONFLUENCE_UNEXPECTED_RESPONSE');
    expect(cross.calls).toHaveLength(1);

    const write = setup([redirect('/elsewhere', 302)]);
    expect(
      (
        await caught(
          write.transport.request({ method: 'POST', path: '/wiki/api/v2/pages', body: {} }, anyJson),
        )
      ).code,
    ).toBe('CONFLUENCE_UNEXPECTED_RESPONSE');
  });

  it('checks the Content-Type before parsing and validates the shape', async () => {
    const html = new Response('<html><body>Oops</body></html>', {
      status: 200,
      headers: { 'content-type': 'text/html' },
    });
    const { transport } = setup([
      html,
      new Response('{not json', { status: 200, headers: { 'content-type': 'application/json' } }),
      json(200, { id: 5 }),
      new Response('<html>500</html>', { status: 500, headers: { 'content-type': 'text/html' } }),
    ]);
    const schema = z.object({ id: z.string() });
    expect((await caught(transport.request({ method: 'GET', path: '/wiki/x' }, schema))).code).toBe(
      'CONFLUENCE_UNEXPECTED_RESPONSE',
    );
    expect((await caught(transport.request({ method: 'GET', path: '/wiki/x' }, schema))).code).toBe(
      'CONFLUENCE_UNEXPECTED_RESPONSE',
    );
    expect((await caught(transport.request({ method: 'GET', path: '/wiki/x' }, schema))).code).toBe(
      'CONFLUENCE_UNEXPECTED_RESPONSE',
    );
    const error = await caught(transport.request({ method: 'POST', path: '/wiki/x', body: {} }, schema));
    expect(error.code).toBe('CONFLUENCE_UNAVAILABLE');
    expect(error.details.mayHaveApplied).toBe(true);
  });

  it('honours Retry-After on 429 as a floor, then succeeds', async () => {
    const { transport, calls, slept } = setup([json(429, {}, { 'retry-after': '3' }), json(200, { ok: 1 })]);
    await expect(
      transport.request({ method: 'POST', path: '/wiki/api/v2/pages', body: {} }, anyJson),
    ).resolves.toEqual({
      ok: 1,
    });
    expect(calls).toHaveLength(2);
    expect(slept).toHaveLength(1);
    expect(slept[0]).toBeGreaterThanOrEqual(3000);
  });

  it('accepts an HTTP-date Retry-After', async () => {
    const { transport, slept } = setup(
      [json(503, {}, { 'retry-after': new Date(1_000_000 + 8000).toUTCString() }), json(200, {})],
      { now: () => 1_000_000 },
    );
    await transport.request({ method: 'GET', path: '/wiki/x' }, anyJson);
    expect(slept[0]).toBeGreaterThanOrEqual(7000);
  });

  it('gates the whole client after a 429: the next call waits before sending', async () => {
    const { transport, calls, slept } = setup([json(429, {}, { 'retry-after': '5' }), json(200, {})], {
      maxRetries: 0,
    });
    const error = await caught(transport.request({ method: 'GET', path: '/wiki/a' }, anyJson));
    expect(error.code).toBe('CONFLUENCE_RATE_LIMITED');
    expect(error.details.retryAfterSeconds).toBe(5);
    expect(slept).toEqual([]);
    await transport.request({ method: 'GET', path: '/wiki/b' }, anyJson);
    expect(slept).toHaveLength(1);
    expect(slept[0]).toBeGreaterThanOrEqual(5000);
    expect(calls).toHaveLength(2);
  });

  it('fails fast without sending when the gate is longer than maxWaitMs', async () => {
    const { transport, calls, slept } = setup([json(429, {}, { 'retry-after': '600' })], {
      maxWaitMs: 60_000,
    });
    const error = await caught(transport.request({ method: 'GET', path: '/wiki/a' }, anyJson));
    expect(error.code).toBe('CONFLUENCE_RATE_LIMITED');
    expect(error.details.retryAfterSeconds).toBeGreaterThanOrEqual(600);
    expect(calls).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it('retries 5xx for GET up to maxRetries with bounded backoff, never for POST', async () => {
    const get = setup([json(500, {}), json(502, {}), json(504, {}), json(500, {})], { maxRetries: 3 });
    const error = await caught(get.transport.request({ method: 'GET', path: '/wiki/a' }, anyJson));
    expect(error.code).toBe('CONFLUENCE_UNAVAILABLE');
    expect(get.calls).toHaveLength(4);
    expect(get.slept).toEqual([250, 500, 1000]);

    const post = setup([json(503, {}, { 'retry-after': '1' }), json(200, {})]);
    const postError = await caught(
      post.transport.request({ method: 'POST', path: '/wiki/a', body: {} }, anyJson),
    );
    expect(postError.code).toBe('CONFLUENCE_UNAVAILABLE');
    expect(postError.details.mayHaveApplied).toBe(true);
    expect(post.calls).toHaveLength(1);
  });

  it('times out per attempt: GET is retried, POST is not', async () => {
    const get = setup([hang, json(200, { ok: true })], { timeoutMs: 20 });
    await expect(get.transport.request({ method: 'GET', path: '/wiki/a' }, anyJson)).resolves.toEqual({
      ok: true,
    });
    expect(get.calls).toHaveLength(2);

    const post = setup([hang, json(200, {})], { timeoutMs: 20 });
    const error = await caught(
      post.transport.request({ method: 'POST', path: '/wiki/a', body: {} }, anyJson),
    );
    expect(error.code).toBe('CONFLUENCE_TIMEOUT');
    expect(error.details.mayHaveApplied).toBe(true);
    expect(post.calls).toHaveLength(1);
  });
});
