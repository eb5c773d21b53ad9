import { describe, expect, it } from 'vitest';
import { createConfluenceClient } from '../../../bot/confluence/client.js';
import { AppError } from '../../../bot/errors.js';
import { Secret } from '../../../bot/secret.js';

const SITE = 'https://acme.atlassian.net';
const BASE = `${SITE}/wiki`;

interface Seen {
  readonly method: string;
  readonly url: URL;
  readonly body: unknown;
  readonly signal: AbortSignal | undefined;
}

type Handler = (seen: Seen) => Response | Promise<Response> | undefined;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function pageBody(id: string, version: number, storage: string, title = 'Minutes'): Record<string, unknown> {
  return {
    id,
    status: 'current',
    title,
    spaceId: '100',
    parentId: '1',
    version: { number: version, createdAt: '2026-01-01T00:00:00.000Z', message: '', authorId: 'a1' },
    body: { storage: { representation: 'storage', value: storage } },
    _links: { webui: `/spaces/HR/pages/${id}/${title}`, base: BASE },
  };
}

const commonRoutes: Handler = ({ method, url }) => {
  if (method !== 'GET') return undefined;
  if (url.pathname === '/wiki/api/v2/spaces') {
    return json(200, {
      results: [{ id: '100', key: 'HR', name: 'Human Resources' }],
      _links: { base: BASE },
    });
  }
  if (url.pathname === '/wiki/api/v2/spaces/100')
    return json(200, { id: '100', key: 'HR', name: 'Human Resources' });
  if (/^\/wiki\/api\/v2\/pages\/\d+\/ancestors$/.test(url.pathname)) return json(200, { results: [] });
  return undefined;
};

function setup(handler: Handler, timeoutMs = 15_000) {
  const seen: Seen[] = [];
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const entry: Seen = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init?.signal ?? undefined,
    };
    seen.push(entry);
    const reply = (await handler(entry)) ?? commonRoutes(entry);
    if (!reply) throw new Error(`unrouted ${entry.method} ${entry.url.pathname}`);
    return reply;
  };
  const client = createConfluenceClient(
    { siteUrl: SITE, email: 'bot@acme.test', apiToken: new Secret('tok') },
    {
      fetch: fetchImpl as typeof fetch,
      sleep: async () => undefined,
      random: () => 0,
      maxRetries: 2,
      timeoutMs,
    },
  );
  const writes = () => seen.filter((s) => s.method !== 'GET');
  return { client, seen, writes };
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

describe('createPage outcome handling', () => {
  it('returns the page when a 5xx hid a create that actually happened', async () => {
    let created = false;
    const { client, writes } = setup(({ method, url }) => {
      if (method === 'POST') {
        created = true;
        return json(502, {});
      }
      if (url.pathname === '/wiki/api/v2/pages' && url.searchParams.get('title') === 'Minutes') {
        return json(200, { results: created ? [pageBody('77', 1, '<p>hi</p>')] : [] });
      }
      if (url.pathname === '/wiki/api/v2/pages/77') return json(200, pageBody('77', 1, '<p>hi</p>'));
      return undefined;
    });
    const page = await client.createPage({ spaceKey: 'HR', title: 'Minutes', storage: '<p>hi</p>' });
    expect(page.id).toBe('77');
    expect(writes()).toHaveLength(1);
  });

  it('retries a create only after a 5xx and a lookup proving absence', async () => {
    let posts = 0;
    const { client, writes } = setup(({ method, url }) => {
      if (method === 'POST') {
        posts++;
        return posts === 1 ? json(503, {}) : json(200, pageBody('78', 1, '<p>x</p>'));
      }
      if (url.pathname === '/wiki/api/v2/pages' && url.searchParams.has('title'))
        return json(200, { results: [] });
      if (url.pathname === '/wiki/api/v2/pages/78') return json(200, pageBody('78', 1, '<p>x</p>'));
      return undefined;
    });
    const page = await client.createPage({ spaceKey: 'HR', title: 'Minutes', storage: '<p>x</p>' });
    expect(page.id).toBe('78');
    expect(writes()).toHaveLength(2);
  });

  it('reports an unknown outcome when a timeout leaves no trace (never replays)', async () => {
    const { client, writes } = setup(({ method, url, signal }) => {
      if (method === 'POST') {
        return new Promise<Response>((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
      }
      if (url.pathname === '/wiki/api/v2/pages' && url.searchParams.has('title'))
        return json(200, { results: [] });
      return undefined;
    }, 20);
    const error = await caught(client.createPage({ spaceKey: 'HR', title: 'Minutes', storage: '<p>x</p>' }));
    expect(error.code).toBe('CONFLUENCE_UNKNOWN_OUTCOME');
    expect(writes()).toHaveLength(1);
  });

  it('reports an unknown outcome when a same-titled page with other content appears', async () => {
    const { client, writes } = setup(({ method, url }) => {
      if (method === 'POST') return json(500, {});
      if (url.pathname === '/wiki/api/v2/pages' && url.searchParams.has('title')) {
        return json(200, { results: [pageBody('79', 1, '<p>someone else</p>')] });
      }
      return undefined;
    });
    const error = await caught(
      client.createPage({ spaceKey: 'HR', title: 'Minutes', storage: '<p>mine</p>' }),
    );
    expect(error.code).toBe('CONFLUENCE_UNKNOWN_OUTCOME');
    expect(writes()).toHaveLength(1);
  });
});

describe('updatePage', () => {
  it('sends baseVersion + 1 without reading the page first', async () => {
    const { client, seen } = setup(({ method, url }) => {
      if (method === 'PUT') return json(200, pageBody('5', 4, '<p>new</p>'));
      if (url.pathname === '/wiki/api/v2/pages/5') return json(200, pageBody('5', 4, '<p>new</p>'));
      return undefined;
    });
    const page = await client.updatePage({
      pageId: '5',
      title: 'Minutes',
      storage: '<p>new</p>',
      baseVersion: 3,
    });
    expect(page.version.number).toBe(4);
    expect(seen[0]?.method).toBe('PUT');
    expect(seen[0]?.body).toMatchObject({ id: '5', status: 'current', version: { number: 4 } });
  });

  it('reports the current version on 409 even without a hint', async () => {
    const { client, writes } = setup(({ method, url }) => {
      if (method === 'PUT')
        return json(409, { errors: [{ status: 409, code: 'CONFLICT', title: 'Conflict' }] });
      if (url.pathname === '/wiki/api/v2/pages/5') return json(200, pageBody('5', 9, '<p>theirs</p>'));
      return undefined;
    });
    const error = await caught(
      client.updatePage({ pageId: '5', title: 'Minutes', storage: '<p>x</p>', baseVersion: 3 }),
    );
    expect(error.code).toBe('CONFLUENCE_CONFLICT');
    expect(error.details.currentVersion).toBe(9);
    expect(writes()).toHaveLength(1);
  });

  it('after a 5xx: success when our write landed, retry when nothing changed', async () => {
    let version = 3;
    let puts = 0;
    const { client, writes } = setup(({ method, url }) => {
      if (method === 'PUT') {
        puts++;
        if (puts === 1) return json(503, {});
        version = 4;
        return json(200, pageBody('5', 4, '<p>x</p>'));
      }
      if (url.pathname === '/wiki/api/v2/pages/5') return json(200, pageBody('5', version, '<p>x</p>'));
      return undefined;
    });
    const page = await client.updatePage({
      pageId: '5',
      title: 'Minutes',
      storage: '<p>x</p>',
      baseVersion: 3,
    });
    expect(page.version.number).toBe(4);
    expect(writes()).toHaveLength(2);

    const landed = setup(({ method, url }) => {
      if (method === 'PUT') return json(504, {});
      if (url.pathname === '/wiki/api/v2/pages/5') return json(200, pageBody('5', 4, '<p>x</p>'));
      return undefined;
    });
    const page2 = await landed.client.updatePage({
      pageId: '5',
      title: 'Minutes',
      storage: '<p>x</p>',
      baseVersion: 3,
    });
    expect(page2.version.number).toBe(4);
    expect(landed.writes()).toHaveLength(1);

    const other = setup(({ method, url }) => {
      if (method === 'PUT') return json(500, {});
      if (url.pathname === '/wiki/api/v2/pages/5') return json(200, pageBody('5', 4, '<p>someone else</p>'));
      return undefined;
    });
    const error = await caught(
      other.client.updatePage({ pageId: '5', title: 'Minutes', storage: '<p>x</p>', baseVersion: 3 }),
    );
    expect(error.code).toBe('CONFLUENCE_UNKNOWN_OUTCOME');
    expect(other.writes()).toHaveLength(1);
  });
});
