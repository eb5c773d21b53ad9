import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConfluenceClient } from '../../bot/confluence/client.js';
import type { ConfluenceClient } from '../../bot/confluence/types.js';
import { AppError } from '../../bot/errors.js';
import { createLogger } from '../../bot/logger.js';
import { Secret } from '../../bot/secret.js';
import { DEFAULT_ACCOUNTS, startConfluenceSimulator } from '../support/confluence-simulator/index.js';
import { validateRequestBody } from '../support/openapi/validate-openapi.js';

type Simulator = Awaited<ReturnType<typeof startConfluenceSimulator>>;
type Account = (typeof DEFAULT_ACCOUNTS)[keyof typeof DEFAULT_ACCOUNTS];

interface SentRequest {
  readonly method: string;
  readonly url: URL;
  readonly body: unknown;
}

let sim: Simulator;
const sent: SentRequest[] = [];
const logLines: string[] = [];

function makeClient(
  account: Account = DEFAULT_ACCOUNTS.bot,
  options: {
    timeoutMs?: number;
    maxRetries?: number;
    slept?: number[];
    token?: string;
    siteUrl?: string;
  } = {},
): ConfluenceClient {
  const recordingFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    sent.push({
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return fetch(input, init);
  };
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  return createConfluenceClient(
    {
      siteUrl: options.siteUrl ?? sim.url,
      email: account.email,
      apiToken: new Secret(options.token ?? account.apiToken),
    },
    {
      fetch: recordingFetch as typeof fetch,
      timeoutMs: options.timeoutMs ?? 5000,
      maxRetries: options.maxRetries ?? 3,
      random: () => 0,
      sleep: async (ms) => {
        options.slept?.push(ms);
      },
      logger: createLogger({ level: 'debug', destination }),
    },
  );
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

function uniqueTitle(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

beforeAll(async () => {
  sim = await startConfluenceSimulator();
});

afterEach(() => {
  sim.clearFaults();
  for (const request of sent) {
    if (request.body === undefined) continue;
    expect(validateRequestBody('v2', request.method, request.url.pathname, request.body)).toEqual([]);
  }
  sent.length = 0;
});

afterAll(async () => {
  expect(sim.schemaViolations).toEqual([]);
  const everything = logLines.join('\n');
  for (const account of Object.values(DEFAULT_ACCOUNTS)) expect(everything).not.toContain(account.apiToken);
  await sim.close();
});

describe('ConfluenceClient against the simulator: reads', () => {
  it('gets the current user and spaces', async () => {
    const client = makeClient();
    const user = await client.getCurrentUser();
    expect(user.accountId).toBe(DEFAULT_ACCOUNTS.bot.accountId);
    expect(user.displayName.length).toBeGreaterThan(0);

    const spaces = await client.getSpaces(['HR', 'ENG', 'NOPE']);
    expect(spaces.map((s) => s.key).sort()).toEqual(['ENG', 'HR']);
    expect(spaces.every((s) => /^\d+$/.test(s.id))).toBe(true);
    const all = await client.listSpaces();
    expect(all.map((s) => s.key)).toEqual(expect.arrayContaining(['HR', 'ENG', 'OPS']));
  });

  it('searches pages in the allowed spaces with highlighted excerpts and web links', async () => {
    const client = makeClient();
    const results = await client.searchPages({ words: 'parental leave', spaceKeys: ['HR'] });
    const hit = results.hits.find((h) => h.title === 'Parental Leave Policy');
    expect(hit).toBeDefined();
    expect(hit?.spaceKey).toBe('HR');
    expect(hit?.webUrl.startsWith(`${sim.url}/wiki/spaces/HR/pages/${hit?.pageId}`)).toBe(true);
    expect(hit?.excerpt.some((p) => p.highlight)).toBe(true);
    expect(hit?.excerpt.map((p) => p.text).join('')).not.toContain('@@@');
    expect(results.hits.every((h) => h.spaceKey === 'HR')).toBe(true);
    expect(results.totalSize).toBeGreaterThanOrEqual(results.hits.length);
    const cql = sent.find((r) => r.url.pathname === '/wiki/rest/api/search')?.url.searchParams.get('cql');
    expect(cql).toBe(
      'type = page AND space IN ("HR") AND text ~ "parental leave" ORDER BY lastmodified DESC',
    );
  });

  it('keeps hostile search text inside the text literal', async () => {
    const client = makeClient();
    const results = await client.searchPages({ words: 'policy" OR space = "ENG', spaceKeys: ['HR'] });
    expect(results.hits.every((h) => h.spaceKey === 'HR')).toBe(true);
  });

  it('never returns restricted pages from search', async () => {
    const client = makeClient();
    const results = await client.searchPages({ words: 'salary bands', spaceKeys: ['HR'] });
    expect(results.hits.map((h) => h.title)).not.toContain('Salary Bands 2025');
  });

  it('pages through results with the cursor', async () => {
    const client = makeClient();
    const first = await client.searchPages({ words: 'policy', spaceKeys: ['HR', 'OPS', 'ENG'], limit: 1 });
    expect(first.hits).toHaveLength(1);
    expect(first.nextCursor).toBeDefined();
    const second = await client.searchPages({
      words: 'policy',
      spaceKeys: ['HR', 'OPS', 'ENG'],
      limit: 1,
      cursor: first.nextCursor,
    });
    expect(second.hits).toHaveLength(1);
    expect(second.hits[0]?.pageId).not.toBe(first.hits[0]?.pageId);
  });

  it('gets a page by id, URL and title with ancestors, storage (never converted) and version', async () => {
    const client = makeClient();
    const simPage = sim.findPageByTitle('HR', 'Parental Leave Policy');
    expect(simPage).toBeDefined();
    const byId = await client.getPage({ kind: 'id', id: simPage?.id ?? '' });
    expect(byId.title).toBe('Parental Leave Policy');
    expect(byId.spaceKey).toBe('HR');
    expect(byId.version.number).toBe(simPage?.version);
    expect(byId.storage).toBe(simPage?.storage);
    expect(byId).not.toHaveProperty('markdown');
    expect(byId.webBase).toMatch(/^http/);
    expect(byId.ancestors.map((a) => a.title)).toContain('Policies');
    expect(byId.ancestors[byId.ancestors.length - 1]?.title).toBe('Policies');

    const byUrl = await client.getPage({ kind: 'url', url: byId.webUrl });
    expect(byUrl.id).toBe(byId.id);
    const byTitle = await client.getPage({ kind: 'title', title: 'Parental Leave Policy', spaceKey: 'HR' });
    expect(byTitle.id).toBe(byId.id);
  });

  it('reads what the options ask for, in two rounds at most: page + ancestor ids, then the rest together', async () => {
    const client = makeClient();
    const simPage = sim.findPageByTitle('HR', 'Parental Leave Policy');
    const id = simPage?.id ?? '';
    const callsOf = async (read: () => Promise<unknown>) => {
      const before = sim.requests.length;
      await read();
      return sim.requests
        .slice(before)
        .map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.query as Record<string, string>)}`);
    };
    const cold = await callsOf(() => client.getPage({ kind: 'id', id }, { authorName: true }));
    expect(cold.map((c) => c.split('?')[0])).toEqual([
      `GET /wiki/api/v2/pages/${id}`,
      `GET /wiki/api/v2/pages/${id}/ancestors`,
      `GET /wiki/api/v2/spaces/${simPage?.spaceId}`,
      'GET /wiki/api/v2/pages',
      'GET /wiki/rest/api/user',
    ]);
    const warm = await client.getPage({ kind: 'id', id }, { authorName: true });
    expect(warm.authorName).toBeTruthy();
    expect(warm.ancestors.at(-1)?.title).toBe('Policies');

    const bare = await callsOf(async () => {
      const page = await client.getPage({ kind: 'id', id }, { ancestors: false, body: false });
      expect(page.ancestors).toEqual([]);
      expect(page.storage).toBe('');
      expect(page.spaceKey).toBe('HR');
      expect(page.version.number).toBe(simPage?.version);
    });
    expect(bare).toEqual([`GET /wiki/api/v2/pages/${id}?`]);
    const withBody = await callsOf(() => client.getPage({ kind: 'id', id }, { ancestors: false }));
    expect(withBody).toEqual([`GET /wiki/api/v2/pages/${id}?body-format=storage`]);
  });

  it('looks a space key up once for reads sent together', async () => {
    const client = makeClient();
    const ids = ['Parental Leave Policy', 'Policies'].map((t) => sim.findPageByTitle('HR', t)?.id ?? '');
    const before = sim.requests.length;
    const pages = await Promise.all(
      ids.map((id) => client.getPage({ kind: 'id', id }, { ancestors: false })),
    );
    expect(pages.map((p) => p.spaceKey)).toEqual(['HR', 'HR']);
    expect(sim.requests.slice(before).filter((r) => r.path.startsWith('/wiki/api/v2/spaces'))).toHaveLength(
      1,
    );
  });

  it('refuses URLs to other sites and short links before any request', async () => {
    const client = makeClient();
    await client.listSpaces();
    sent.length = 0;
    expect(
      (await caught(client.getPage({ kind: 'url', url: 'https://evil.example/wiki/spaces/HR/pages/1' })))
        .code,
    ).toBe('INPUT_INVALID');
    expect((await caught(client.getPage({ kind: 'url', url: `${sim.url}/wiki/x/AbC` }))).code).toBe(
      'INPUT_INVALID',
    );
    expect(sent).toHaveLength(0);
  });

  it('answers a hidden page exactly like a missing one', async () => {
    const client = makeClient();
    const hidden = sim.findPageByTitle('HR', 'Salary Bands 2025');
    expect(hidden).toBeDefined();
    const hiddenError = await caught(client.getPage({ kind: 'id', id: hidden?.id ?? '' }));
    const missingError = await caught(client.getPage({ kind: 'id', id: '999999999' }));
    expect(hiddenError.code).toBe('CONFLUENCE_NOT_FOUND');
    expect(missingError.code).toBe('CONFLUENCE_NOT_FOUND');
    expect({ ...hiddenError.details, path: '' }).toEqual({ ...missingError.details, path: '' });
    expect(
      (await caught(client.getPage({ kind: 'title', title: 'No Such Page', spaceKey: 'HR' }))).code,
    ).toBe('CONFLUENCE_NOT_FOUND');
  });
});

describe('ConfluenceClient against the simulator: writes', () => {
  it('creates a page, then refuses a duplicate title', async () => {
    const client = makeClient();
    const title = uniqueTitle('Meeting minutes');
    const parent = sim.findPageByTitle('HR', 'Policies');
    const before = sim.requests.length;
    const page = await client.createPage({
      spaceKey: 'HR',
      title,
      storage: '<p>Agenda</p>',
      parentId: parent?.id,
    });
    expect(page.title).toBe(title);
    expect(page.version.number).toBe(1);
    expect(page.parentId).toBe(parent?.id);
    expect(page.spaceKey).toBe('HR');
    expect(page.storage).toBe('<p>Agenda</p>');
    // The POST's answer is the page: no re-read, and no breadcrumbs for a write's result.
    expect(sim.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /wiki/api/v2/spaces',
      'POST /wiki/api/v2/pages',
    ]);
    expect(page.ancestors).toEqual([]);
    const read = await client.getPage({ kind: 'id', id: page.id });
    expect(read.ancestors.map((a) => a.title)).toContain('Policies');
    expect(sim.findPageByTitle('HR', title)?.storage).toBe('<p>Agenda</p>');
    const duplicate = await caught(client.createPage({ spaceKey: 'HR', title, storage: '<p>Again</p>' }));
    expect(duplicate.code).toBe('CONFLUENCE_DUPLICATE_TITLE');
  });

  it('updates with baseVersion + 1 and reports a stale version as a conflict', async () => {
    const client = makeClient();
    const title = uniqueTitle('Release checklist');
    const created = await client.createPage({ spaceKey: 'ENG', title, storage: '<p>v1</p>' });
    const updated = await client.updatePage({
      pageId: created.id,
      title,
      storage: '<p>v2</p>',
      baseVersion: 1,
      message: 'bot edit',
    });
    expect(updated.version.number).toBe(2);
    expect(sim.getPage(created.id)?.storage).toBe('<p>v2</p>');

    sim.editPageAsHuman(created.id, '<p>human edit</p>');
    const conflict = await caught(
      client.updatePage({ pageId: created.id, title, storage: '<p>bot again</p>', baseVersion: 2 }),
    );
    expect(conflict.code).toBe('CONFLUENCE_CONFLICT');
    expect(conflict.details.currentVersion).toBe(3);
    expect(sim.getPage(created.id)?.storage).toBe('<p>human edit</p>');
    const puts = sent.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => (r.body as { version: { number: number } }).version.number)).toEqual([2, 3]);
  });

  it('maps an oversized body to CONFLUENCE_TOO_LARGE', async () => {
    const client = makeClient();
    const storage = `<p>${'x'.repeat(5 * 1024 * 1024 + 10)}</p>`;
    const error = await caught(client.createPage({ spaceKey: 'HR', title: uniqueTitle('Huge'), storage }));
    expect(error.code).toBe('CONFLUENCE_TOO_LARGE');
  });
});

describe('ConfluenceClient against the simulator: failures', () => {
  it('maps a wrong token to CONFLUENCE_UNAUTHORIZED without leaking it', async () => {
    const wrong = 'ATATT-wrong-token-0123456789';
    const client = makeClient(DEFAULT_ACCOUNTS.bot, { token: wrong });
    const error = await caught(client.getCurrentUser());
    expect(error.code).toBe('CONFLUENCE_UNAUTHORIZED');
    const haystack = [
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      inspect(client),
      ...logLines,
    ];
    expect(haystack.join('\n')).not.toContain(wrong);
  });

  it('works with a scoped token through the gateway URL, which the site URL refuses', async () => {
    const gateway = makeClient(DEFAULT_ACCOUNTS.scoped, {
      siteUrl: `${sim.url}/ex/confluence/${sim.cloudId}/wiki/`,
    });
    const results = await gateway.searchPages({ words: 'vpn', spaceKeys: ['OPS'] });
    const hit = results.hits[0];
    expect(hit).toBeDefined();
    const page = await gateway.getPage({ kind: 'url', url: hit?.webUrl ?? '' });
    expect(page.id).toBe(hit?.pageId);
    expect(sent.every((r) => r.url.pathname.startsWith(`/ex/confluence/${sim.cloudId}/wiki/`))).toBe(true);
    const direct = await caught(makeClient(DEFAULT_ACCOUNTS.scoped).getCurrentUser());
    expect(direct.code).toBe('CONFLUENCE_UNAUTHORIZED');
  });

  it('maps an account without product access to CONFLUENCE_FORBIDDEN', async () => {
    const error = await caught(
      makeClient(DEFAULT_ACCOUNTS.noAccess).searchPages({ words: 'x', spaceKeys: ['HR'] }),
    );
    expect(error.code).toBe('CONFLUENCE_FORBIDDEN');
  });

  it('waits at least Retry-After after a 429 and then succeeds', async () => {
    const slept: number[] = [];
    const client = makeClient(DEFAULT_ACCOUNTS.bot, { slept });
    sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 2 });
    const user = await client.getCurrentUser();
    expect(user.accountId).toBe(DEFAULT_ACCOUNTS.bot.accountId);
    expect(slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2000);
  });

  it('gives up with CONFLUENCE_RATE_LIMITED and retryAfterSeconds after retries', async () => {
    const client = makeClient(DEFAULT_ACCOUNTS.bot, { maxRetries: 1, slept: [] });
    sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 1, times: 2 });
    const error = await caught(client.listSpaces());
    expect(error.code).toBe('CONFLUENCE_RATE_LIMITED');
    expect(error.details.retryAfterSeconds).toBe(1);
  });

  it('retries a 503 for GET', async () => {
    const client = makeClient();
    sim.injectFault({ kind: 'status', status: 503, retryAfterSeconds: 1, method: 'GET' });
    await expect(client.listSpaces()).resolves.not.toHaveLength(0);
    expect(sent.filter((r) => r.url.pathname === '/wiki/api/v2/spaces')).toHaveLength(2);
  });

  it('does not replay a POST after a 503 without proving the page is absent', async () => {
    const client = makeClient();
    const title = uniqueTitle('Incident record');
    await client.getSpaces(['OPS']);
    sent.length = 0;
    sim.injectFault({ kind: 'status', status: 503, method: 'POST', retryAfterSeconds: 1 });
    const page = await client.createPage({ spaceKey: 'OPS', title, storage: '<p>Outage</p>' });
    expect(page.title).toBe(title);
    const sequence = sent.map(
      (r) => `${r.method} ${r.url.pathname}${r.url.searchParams.has('title') ? '?title' : ''}`,
    );
    expect(sequence.slice(0, 3)).toEqual([
      'POST /wiki/api/v2/pages',
      'GET /wiki/api/v2/pages?title',
      'POST /wiki/api/v2/pages',
    ]);
  });

  it('maps HTML error pages to CONFLUENCE_UNAVAILABLE after GET retries', async () => {
    const client = makeClient(DEFAULT_ACCOUNTS.bot, { maxRetries: 2 });
    sim.injectFault({ kind: 'status', status: 502, html: true, times: 3 });
    const error = await caught(client.listSpaces());
    expect(error.code).toBe('CONFLUENCE_UNAVAILABLE');
    expect(sent).toHaveLength(3);
  });

  it('retries a timed-out GET; a timed-out POST is never replayed', async () => {
    const client = makeClient(DEFAULT_ACCOUNTS.bot, { timeoutMs: 150 });
    sim.injectFault({ kind: 'delay', ms: 600, method: 'GET' });
    await expect(client.getCurrentUser()).resolves.toBeDefined();

    await client.getSpaces(['ENG']);
    sent.length = 0;
    sim.injectFault({ kind: 'delay', ms: 600, method: 'POST' });
    const error = await caught(
      client.createPage({ spaceKey: 'ENG', title: uniqueTitle('Slow'), storage: '<p>s</p>' }),
    );
    expect(['CONFLUENCE_UNKNOWN_OUTCOME']).toContain(error.code);
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
