import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConfluenceSimulator,
  DEFAULT_ACCOUNTS,
  SEARCH_MAX_LIMIT,
  startConfluenceSimulator,
} from '../../support/confluence-simulator/index.js';
import { call, searchPath } from './sim-client.js';

const { bot, limited } = DEFAULT_ACCOUNTS;

interface SearchBody {
  results: Array<{
    title: string;
    excerpt: string;
    url: string;
    content: {
      id: string;
      title: string;
      space?: { key: string };
      version?: { number: number };
      _links: { webui: string };
    };
    resultGlobalContainer: { displayUrl: string };
  }>;
  start: number;
  limit: number;
  size: number;
  totalSize: number;
  cqlQuery: string;
  _links: { base: string; next?: string; prev?: string };
}

let sim: ConfluenceSimulator;

beforeAll(async () => {
  sim = await startConfluenceSimulator();
});

afterAll(async () => {
  expect(sim.schemaViolations).toEqual([]);
  await sim.close();
});

async function search(cql: string, extra: Record<string, string> = {}, account = bot): Promise<SearchBody> {
  const response = await call(sim, 'GET', searchPath(cql, extra), { account });
  expect(response.status).toBe(200);
  return response.json as SearchBody;
}

function titles(body: SearchBody): string[] {
  return body.results.map((r) => r.content.title);
}

describe('text matching', () => {
  it('matches all words in any order, case-insensitively, in title and body', async () => {
    const body = await search('type = page AND text ~ "LEAVE parental"');
    expect(titles(body)[0]).toBe('Parental Leave Policy');
    expect(titles(body)).toContain('Policies');
    expect(titles(await search('type = page AND text ~ "parental leave quokka"'))).toEqual([]);
    const plural = await search('type = page AND text ~ "runbooks failover"');
    expect(titles(plural)).toContain('Incident Runbooks');
  });

  it('matches an escaped exact phrase and nothing when the phrase is out of order', async () => {
    expect(titles(await search(String.raw`text ~ "\"paid parental leave\""`))).toEqual([
      'Parental Leave Policy',
    ]);
    expect(titles(await search(String.raw`text ~ "\"leave parental paid\""`))).toEqual([]);
  });

  it('finds text inside code macros and macro bodies', async () => {
    expect(titles(await search('text ~ "patronictl"'))).toEqual(['Runbook: Database Failover']);
    expect(titles(await search('text ~ "UDP 51820"'))).toEqual(['VPN Setup Guide']);
  });

  it('restricts title ~ to titles and honours !~', async () => {
    expect(titles(await search('title ~ "vpn"'))).toEqual(['VPN Setup Guide']);
    const withVpn = titles(await search('text ~ "vpn"'));
    expect(withVpn.length).toBeGreaterThan(2);
    const notGuide = titles(await search('text ~ "vpn" AND title !~ "guide"'));
    expect(notGuide).not.toContain('VPN Setup Guide');
    expect(notGuide.length).toBe(withVpn.length - 1);
  });

  it('treats siteSearch like text', async () => {
    expect(titles(await search('siteSearch ~ "16 weeks"'))).toEqual(
      titles(await search('text ~ "16 weeks"')),
    );
  });
});

describe('space and permission filtering', () => {
  it('filters by space with =, IN and NOT IN', async () => {
    const all = titles(await search('text ~ "vpn"'));
    const ops = titles(await search('space = OPS AND text ~ "vpn"'));
    const notOps = titles(await search('space NOT IN ("OPS") AND text ~ "vpn"'));
    expect(ops.length).toBeGreaterThan(0);
    expect([...ops, ...notOps].sort()).toEqual([...all].sort());
    const both = await search('space IN ("OPS","HR") AND text ~ "vpn"');
    expect(
      both.results.every((r) => ['/spaces/OPS', '/spaces/HR'].includes(r.resultGlobalContainer.displayUrl)),
    ).toBe(true);
  });

  it('silently omits hidden pages and spaces the account cannot see', async () => {
    expect(titles(await search('text ~ "salary bands"'))).toEqual([]);
    expect(titles(await search('space = LEGAL AND type = page'))).toEqual([]);
    expect(titles(await search('text ~ "promotion packet"'))).toEqual([]);
    const personal = titles(await search('space = "~jdoe" AND type = page'));
    expect(personal).toContain('Reading List');
    const forLimited = await search('type = page', { limit: '100' }, limited);
    expect(forLimited.results.every((r) => r.content._links.webui.startsWith('/spaces/HR/'))).toBe(true);
    expect(titles(forLimited)).toContain('Salary Bands 2025');
  });
});

describe('ordering and paging', () => {
  it('orders by title ascending and last modified descending', async () => {
    const byTitle = titles(await search('space = ENG ORDER BY title ASC', { limit: '100' }));
    expect(byTitle).toEqual([...byTitle].sort((a, b) => a.localeCompare(b)));
    const recent = await search('space = ENG ORDER BY lastmodified DESC', {
      limit: '3',
      expand: 'content.version',
    });
    expect(recent.results[0]?.content.title).toBe('Release Notes 2025.03');
  });

  it('follows _links.next relative to _links.base until the last page', async () => {
    const cql = 'type = page AND space IN ("ENG","OPS")';
    const first = await search(cql, { limit: '4' });
    const seen = titles(first);
    expect(first.size).toBe(4);
    expect(first._links.base).toBe(`${sim.url}/wiki`);
    let next = first._links.next;
    let pages = 1;
    while (next) {
      expect(next.startsWith('/rest/api/search?')).toBe(true);
      const response = await call(
        sim,
        'GET',
        new URL(first._links.base + next).pathname + new URL(first._links.base + next).search,
        {
          account: bot,
        },
      );
      const body = response.json as SearchBody;
      expect(body.totalSize).toBe(first.totalSize);
      seen.push(...titles(body));
      next = body._links.next;
      pages++;
    }
    expect(seen).toHaveLength(first.totalSize);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(first.totalSize / 4));
  });

  it('supports start offsets, clamps the limit and rejects bad paging input', async () => {
    const all = titles(await search('space = OPS ORDER BY title', { limit: '50' }));
    const offset = await search('space = OPS ORDER BY title', { limit: '2', start: '3' });
    expect(titles(offset)).toEqual(all.slice(3, 5));
    expect(offset._links.prev).toBeDefined();
    const clamped = await search('type = page', { limit: '1000' });
    expect(clamped.limit).toBe(SEARCH_MAX_LIMIT);
    expect(
      (await call(sim, 'GET', searchPath('type = page', { limit: '-1' }), { account: bot })).status,
    ).toBe(400);
    expect(
      (await call(sim, 'GET', searchPath('type = page', { cursor: 'forged' }), { account: bot })).status,
    ).toBe(400);
  });
});

describe('excerpts, titles and expansion', () => {
  it('highlights matches in an HTML-escaped excerpt by default', async () => {
    const body = await search('text ~ "quote"');
    const hit = body.results.find((r) => r.content.title === 'Local Development Setup');
    expect(hit?.excerpt).toContain('@@@hl@@@quote@@@endhl@@@');
    expect(hit?.excerpt).toContain('a &amp;&amp; b &lt; c');
    const raw = await search('text ~ "quote"', { excerpt: 'highlight_unescaped' });
    expect(raw.results.find((r) => r.content.title === 'Local Development Setup')?.excerpt).toContain(
      'a && b < c',
    );
  });

  it('marks the title and omits markers for indexed and none', async () => {
    const body = await search('title ~ "vpn"');
    expect(body.results[0]?.title).toBe('@@@hl@@@VPN@@@endhl@@@ Setup Guide');
    expect(body.results[0]?.content.title).toBe('VPN Setup Guide');
    const indexed = await search('title ~ "vpn"', { excerpt: 'indexed' });
    expect(indexed.results[0]?.excerpt).not.toContain('@@@hl@@@');
    expect(indexed.results[0]?.title).toBe('VPN Setup Guide');
    const none = await search('title ~ "vpn"', { excerpt: 'none' });
    expect(none.results[0]?.excerpt).toBe('');
  });

  it('fills content.space and content.version only when expanded', async () => {
    const bare = await search('title ~ "vpn"');
    expect(bare.results[0]?.content.space).toBeUndefined();
    const page = sim.findPageByTitle('OPS', 'VPN Setup Guide');
    const expanded = await search('title ~ "vpn"', { expand: 'content.space,content.version' });
    expect(expanded.results[0]?.content.space?.key).toBe('OPS');
    expect(expanded.results[0]?.content.version?.number).toBe(page?.version);
    expect(expanded.results[0]?.url).toBe(`/spaces/OPS/pages/${page?.id}/VPN+Setup+Guide`);
  });
});

describe('errors and the content/search fallback', () => {
  it('answers 400 with a v1 body for bad CQL and a missing cql', async () => {
    const bad = await call(sim, 'GET', searchPath('text ~ BBQ Grill'), { account: bot });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ statusCode: 400, reason: 'Bad Request' });
    expect((bad.json as { message: string }).message).toContain('Could not parse cql');
    const missing = await call(sim, 'GET', '/wiki/rest/api/search', { account: bot });
    expect(missing.status).toBe(400);
  });

  it('serves /content/search without excerpts or totalSize', async () => {
    const response = await call(
      sim,
      'GET',
      `/wiki/rest/api/content/search?${new URLSearchParams({ cql: 'title ~ vpn' })}`,
      {
        account: bot,
      },
    );
    expect(response.status).toBe(200);
    const body = response.json as { results: Array<{ title: string }>; size: number; totalSize?: number };
    expect(body.results.map((r) => r.title)).toEqual(['VPN Setup Guide']);
    expect(body.totalSize).toBeUndefined();
  });

  it('indexes pages created and updated through the API', async () => {
    const space = sim.findPageByTitle('ENG', 'Feature Flags');
    const created = await call(sim, 'POST', '/wiki/api/v2/pages', {
      account: bot,
      body: {
        spaceId: space?.spaceId,
        title: 'Zanzibar Permissions Notes',
        body: { representation: 'storage', value: '<p>quokka</p>' },
      },
    });
    const id = (created.json as { id: string }).id;
    expect(titles(await search('text ~ "quokka"'))).toEqual(['Zanzibar Permissions Notes']);
    await call(sim, 'PUT', `/wiki/api/v2/pages/${id}`, {
      account: bot,
      body: {
        id,
        status: 'current',
        title: 'Zanzibar Permissions Notes',
        body: { representation: 'storage', value: '<p>wombat</p>' },
        version: { number: 2 },
      },
    });
    expect(titles(await search('text ~ "quokka"'))).toEqual([]);
    expect(titles(await search('text ~ "wombat"'))).toEqual(['Zanzibar Permissions Notes']);
  });
});
