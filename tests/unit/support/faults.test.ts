import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenBucket } from '../../support/confluence-simulator/faults.js';
import {
  type ConfluenceSimulator,
  DEFAULT_ACCOUNTS,
  startConfluenceSimulator,
} from '../../support/confluence-simulator/index.js';
import { basicAuth, call } from './sim-client.js';

const { bot } = DEFAULT_ACCOUNTS;

let sim: ConfluenceSimulator;

beforeAll(async () => {
  sim = await startConfluenceSimulator();
});

afterAll(async () => {
  expect(sim.schemaViolations).toEqual([]);
  await sim.close();
});

describe('status faults', () => {
  it('answers 503 with Retry-After once, then recovers', async () => {
    sim.injectFault({ kind: 'status', status: 503 });
    const failed = await call(sim, 'GET', '/wiki/api/v2/spaces', { account: bot });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('1');
    expect(failed.json).toMatchObject({ errors: [{ status: 503 }] });
    expect((await call(sim, 'GET', '/wiki/api/v2/spaces', { account: bot })).status).toBe(200);
  });

  it('applies `times`, `pathIncludes` and `method` filters', async () => {
    sim.injectFault({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 7,
      times: 2,
      pathIncludes: '/rest/api/search',
    });
    const search = `/wiki/rest/api/search?${new URLSearchParams({ cql: 'type = page' })}`;
    expect((await call(sim, 'GET', '/wiki/api/v2/spaces', { account: bot })).status).toBe(200);
    const first = await call(sim, 'GET', search, { account: bot });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.json).toMatchObject({ statusCode: 429 });
    expect((await call(sim, 'GET', search, { account: bot })).status).toBe(429);
    expect((await call(sim, 'GET', search, { account: bot })).status).toBe(200);

    sim.injectFault({ kind: 'status', status: 500, method: 'PUT' });
    expect((await call(sim, 'GET', '/wiki/api/v2/spaces', { account: bot })).status).toBe(200);
    const page = sim.findPageByTitle('HR', 'Code of Conduct');
    const put = await call(sim, 'PUT', `/wiki/api/v2/pages/${page?.id}`, { account: bot, body: {} });
    expect(put.status).toBe(500);
  });

  it('serves an HTML error page when asked', async () => {
    sim.injectFault({ kind: 'status', status: 502, html: true });
    const response = await call(sim, 'GET', '/wiki/rest/api/user/current', { account: bot });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.text).toMatch(/^<!DOCTYPE html>/);
    expect(response.json).toBeUndefined();
  });

  it('can fake a 401 for valid credentials, and clearFaults drops pending faults', async () => {
    sim.injectFault({ kind: 'status', status: 401 });
    expect((await call(sim, 'GET', '/wiki/rest/api/user/current', { account: bot })).status).toBe(401);
    sim.injectFault({ kind: 'status', status: 500, times: 5 });
    sim.clearFaults();
    expect((await call(sim, 'GET', '/wiki/rest/api/user/current', { account: bot })).status).toBe(200);
  });

  it('rejects a fault with a bad times value', () => {
    expect(() => sim.injectFault({ kind: 'status', status: 500, times: 0 })).toThrow();
  });
});

describe('delay and spurious conflict', () => {
  it('delays the answer long enough for a client timeout to fire', async () => {
    sim.injectFault({ kind: 'delay', ms: 30_000, pathIncludes: '/user/current' });
    const attempt = fetch(`${sim.url}/wiki/rest/api/user/current`, {
      headers: { authorization: basicAuth(bot) },
      signal: AbortSignal.timeout(50),
    });
    await expect(attempt).rejects.toThrow();
    expect((await call(sim, 'GET', '/wiki/rest/api/user/current', { account: bot })).status).toBe(200);
  });

  it('answers one 409 on a correct PUT, leaves the page untouched, then accepts the retry', async () => {
    const page = sim.findPageByTitle('HR', 'Performance Reviews');
    if (!page) throw new Error('seed page missing');
    const body = {
      id: page.id,
      status: 'current',
      title: page.title,
      body: { representation: 'storage', value: '<p>Reviews move to May and November.</p>' },
      version: { number: page.version + 1 },
    };
    sim.injectFault({ kind: 'spurious-conflict' });
    const first = await call(sim, 'PUT', `/wiki/api/v2/pages/${page.id}`, { account: bot, body });
    expect(first.status).toBe(409);
    expect(first.json).toMatchObject({ errors: [{ status: 409, code: 'CONFLICT' }] });
    expect(sim.getPage(page.id)?.version).toBe(page.version);
    const retry = await call(sim, 'PUT', `/wiki/api/v2/pages/${page.id}`, { account: bot, body });
    expect(retry.status).toBe(200);
    expect(sim.getPage(page.id)?.version).toBe(page.version + 1);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After and rate-limit headers once an endpoint bucket is empty', async () => {
    const limited = await startConfluenceSimulator({ rateLimit: { capacity: 2, refillPerSecond: 0.01 } });
    try {
      const path = '/wiki/api/v2/spaces';
      const first = await call(limited, 'GET', path, { account: bot });
      expect(first.status).toBe(200);
      expect(first.headers.get('x-ratelimit-limit')).toBe('2');
      expect((await call(limited, 'GET', path, { account: bot })).status).toBe(200);
      const third = await call(limited, 'GET', path, { account: bot });
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(third.headers.get('x-ratelimit-remaining')).toBe('0');
      expect((await call(limited, 'GET', '/wiki/rest/api/user/current', { account: bot })).status).toBe(200);
      const page = limited.findPageByTitle('HR', 'Code of Conduct');
      expect((await call(limited, 'GET', `/wiki/api/v2/pages/${page?.id}`, { account: bot })).status).toBe(
        200,
      );
      expect(
        (await call(limited, 'GET', `/wiki/api/v2/pages/${page?.parentId}`, { account: bot })).status,
      ).toBe(200);
      expect((await call(limited, 'GET', `/wiki/api/v2/pages/${page?.id}`, { account: bot })).status).toBe(
        429,
      );
    } finally {
      await limited.close();
    }
  });

  it('refills the bucket over time (injected clock)', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 1, () => now);
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBe(1);
    now = 500;
    expect(bucket.take()).toBe(1);
    now = 1000;
    expect(bucket.take()).toBe(0);
    now = 10_000;
    expect(bucket.remaining()).toBe(0);
    expect(bucket.take()).toBe(0);
    expect(bucket.remaining()).toBe(1);
  });
});
