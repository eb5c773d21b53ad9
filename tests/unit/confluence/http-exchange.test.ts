import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../../bot/confluence/http.js';
import { ExchangeAbort, fetchExchange, nodeExchange } from '../../../bot/confluence/http-exchange.js';
import { Secret } from '../../../bot/secret.js';

/** What the server saw of one request. */
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

let server: Server | undefined;

async function serve(
  handler: (seen: Seen, res: ServerResponse) => void,
): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const one = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(one);
      handler(one, res);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('nodeExchange', () => {
  it('sends method, headers and body with its length, and reads status, headers and UTF-8 text', async () => {
    const { url, seen } = await serve((_seen, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-Custom': 'one' });
      // Split a multi-byte character across two writes.
      const bytes = Buffer.from('{"title":"Grüße ✓"}', 'utf8');
      res.write(bytes.subarray(0, 13));
      res.end(bytes.subarray(13));
    });
    const exchange = nodeExchange();
    const response = await exchange(new URL(`${url}/wiki/api/v2/pages?x=1`), {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: '{"title":"Ünïcode"}',
      abort: new ExchangeAbort(),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('X-CUSTOM')).toBe('one');
    expect(response.headers.get('missing')).toBeNull();
    const names: string[] = [];
    response.headers.forEach((_value, name) => {
      names.push(name);
    });
    expect(names).toContain('x-custom');
    expect(await response.text()).toBe('{"title":"Grüße ✓"}');
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/wiki/api/v2/pages?x=1',
      body: '{"title":"Ünïcode"}',
    });
    expect(seen[0]?.headers['content-length']).toBe(String(Buffer.byteLength('{"title":"Ünïcode"}')));
    expect(seen[0]?.headers['accept-encoding']).toBe('gzip');
  });

  it('undoes gzip', async () => {
    const { url } = await serve((_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.from('{"results":[]}')));
    });
    const response = await nodeExchange()(new URL(`${url}/x`), {
      method: 'GET',
      headers: {},
      abort: new ExchangeAbort(),
    });
    expect(await response.text()).toBe('{"results":[]}');
  });

  it('hands a redirect back with its Location, without following it', async () => {
    const { url, seen } = await serve((_seen, res) => {
      res.writeHead(302, { location: '/elsewhere' });
      res.end('moved');
    });
    const response = await nodeExchange()(new URL(`${url}/x`), {
      method: 'GET',
      headers: {},
      abort: new ExchangeAbort(),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/elsewhere');
    await response.discard();
    expect(seen).toHaveLength(1);
  });

  it('fails when aborted while the body is still coming', async () => {
    const { url } = await serve((_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const abort = new ExchangeAbort();
    const response = await nodeExchange()(new URL(`${url}/x`), {
      method: 'GET',
      headers: {},
      abort,
    });
    abort.abort();
    await expect(response.text()).rejects.toThrow();
  });

  it('fails when aborted before the answer, and never sends when already aborted', async () => {
    const { url, seen } = await serve(() => undefined);
    const abort = new ExchangeAbort();
    const pending = nodeExchange()(new URL(`${url}/x`), { method: 'GET', headers: {}, abort });
    setTimeout(() => abort.abort(), 20);
    await expect(pending).rejects.toThrow(/aborted/);
    const requestsBefore = seen.length;
    await expect(nodeExchange()(new URL(`${url}/y`), { method: 'GET', headers: {}, abort })).rejects.toThrow(
      /aborted/,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.length).toBe(requestsBefore);
  });

  it('an abort after the exchanges are over leaves the kept-alive connection alone', async () => {
    const { url } = await serve((_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    let connections = 0;
    server?.on('connection', () => {
      connections++;
    });
    const abort = new ExchangeAbort();
    const exchange = nodeExchange();
    for (let i = 0; i < 3; i++) {
      const response = await exchange(new URL(`${url}/x`), { method: 'GET', headers: {}, abort });
      expect(await response.text()).toBe('{"ok":true}');
    }
    await new Promise((resolve) => setImmediate(resolve));
    abort.abort();
    const after = await exchange(new URL(`${url}/x`), {
      method: 'GET',
      headers: {},
      abort: new ExchangeAbort(),
    });
    expect(await after.text()).toBe('{"ok":true}');
    expect(connections).toBe(1);
  });
});

describe('fetchExchange', () => {
  it('aborts the fetch when the exchange is aborted', async () => {
    const abort = new ExchangeAbort();
    let seenSignal: AbortSignal | undefined;
    const doFetch = ((_url: URL, init: RequestInit) => {
      seenSignal = init.signal ?? undefined;
      return new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    }) as unknown as typeof fetch;
    const pending = fetchExchange(doFetch)(new URL('http://127.0.0.1:9/x'), {
      method: 'GET',
      headers: {},
      abort,
    });
    abort.abort();
    await expect(pending).rejects.toThrow(/aborted/);
    expect(seenSignal?.aborted).toBe(true);
  });
});

describe('the transport over node:http (the default)', () => {
  const connection = {
    siteUrl: 'http://127.0.0.1',
    email: 'bot@example.com',
    apiToken: new Secret('token-123'),
  };

  it('answers CONFLUENCE_TIMEOUT when the server never answers', async () => {
    const { url } = await serve(() => undefined);
    const transport = createHttpTransport({ ...connection, siteUrl: url }, url, {
      timeoutMs: 100,
      maxRetries: 0,
    });
    await expect(
      transport.request({ method: 'GET', path: '/wiki/rest/api/space' }, { safeParse: () => ({}) } as never),
    ).rejects.toMatchObject({ code: 'CONFLUENCE_TIMEOUT' });
  });

  it('sends Basic authorization to the site and reuses the connection', async () => {
    const { url, seen } = await serve((_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    const sockets = new Set<unknown>();
    server?.on('connection', (socket) => sockets.add(socket));
    const transport = createHttpTransport({ ...connection, siteUrl: url }, url, { maxRetries: 0 });
    const { z } = await import('zod');
    const schema = z.object({ ok: z.boolean() });
    expect(await transport.request({ method: 'GET', path: '/wiki/a' }, schema)).toEqual({ ok: true });
    expect(await transport.request({ method: 'GET', path: '/wiki/b' }, schema)).toEqual({ ok: true });
    expect(seen[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('bot@example.com:token-123').toString('base64')}`,
    );
    expect(sockets.size).toBe(1);
  });
});
