import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfluenceClient } from '../../bot/confluence/client.js';
import { Secret } from '../../bot/secret.js';
import { DEFAULT_ACCOUNTS, startConfluenceSimulator } from '../support/confluence-simulator/index.js';

/*
 * A search asks Confluence only for what a hit needs (issue 14: every byte of the answer is parsed on
 * every turn). The simulator honours `expand` as Confluence does, so a field the client stopped
 * asking for is absent here and a test relying on it would fail.
 */

let sim: Awaited<ReturnType<typeof startConfluenceSimulator>>;

beforeAll(async () => {
  sim = await startConfluenceSimulator();
});

afterAll(async () => {
  await sim.close();
});

function makeClient() {
  const account = DEFAULT_ACCOUNTS.bot;
  return createConfluenceClient(
    { siteUrl: sim.url, email: account.email, apiToken: new Secret(account.apiToken) },
    { timeoutMs: 5_000, maxRetries: 0 },
  );
}

describe('search expansion', () => {
  it('expands only content.space, and still returns every field a hit shows', async () => {
    const results = await makeClient().searchPages({ words: 'vpn', spaceKeys: ['OPS', 'ENG'] });
    const searches = sim.requests.filter((r) => r.path === '/wiki/rest/api/search');
    expect(searches).toHaveLength(1);
    expect(searches[0]?.query.expand).toBe('content.space');
    const page = sim.findPageByTitle('OPS', 'VPN Setup Guide');
    const hit = results.hits.find((h) => h.pageId === page?.id);
    expect(hit).toMatchObject({ title: 'VPN Setup Guide', spaceKey: 'OPS' });
    expect(hit?.webUrl).toBe(`${sim.url}/wiki/spaces/OPS/pages/${page?.id}/VPN+Setup+Guide`);
    expect(hit?.lastModified).toBe(page?.versionCreatedAt);
    expect(hit?.excerpt.length).toBeGreaterThan(0);
    expect(Object.keys(hit ?? {}).sort()).toEqual([
      'excerpt',
      'lastModified',
      'pageId',
      'spaceKey',
      'title',
      'webUrl',
    ]);
    expect(results.hits.every((h) => h.spaceKey === 'OPS' || h.spaceKey === 'ENG')).toBe(true);
  });
});
