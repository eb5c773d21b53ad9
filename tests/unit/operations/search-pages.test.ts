import { describe, expect, it } from 'vitest';
import { fewerWords, searchPages } from '../../../bot/operations/search-pages.js';
import { createFakeConfluence, makePage } from './fake-confluence.js';

const pages = [
  makePage({ id: '1', title: 'VPN setup', spaceKey: 'ENG', storage: '<p>Install the VPN client.</p>' }),
  makePage({ id: '2', title: 'VPN policy', spaceKey: 'HR', storage: '<p>VPN is required abroad.</p>' }),
  makePage({ id: '3', title: 'VPN secrets', spaceKey: 'SEC', storage: '<p>VPN keys.</p>' }),
];

describe('searchPages', () => {
  it('searches the listed spaces and reports them', async () => {
    const client = createFakeConfluence(pages);
    const outcome = await searchPages(client, {
      words: 'vpn',
      spaces: { kind: 'list', keys: ['ENG', 'HR'] },
    });
    expect(outcome.spaceKeys).toEqual(['ENG', 'HR']);
    expect(outcome.results.hits.map((h) => h.pageId)).toEqual(['1', '2']);
    expect(client.calls).toEqual([
      { method: 'searchPages', input: { words: 'vpn', spaceKeys: ['ENG', 'HR'] } },
    ]);
  });

  it('a named space narrows the search to it', async () => {
    const client = createFakeConfluence(pages);
    const outcome = await searchPages(client, {
      words: 'vpn',
      spaceKey: 'HR',
      spaces: { kind: 'list', keys: ['ENG', 'HR'] },
    });
    expect(outcome.spaceKeys).toEqual(['HR']);
    expect(outcome.results.hits.map((h) => h.pageId)).toEqual(['2']);
  });

  it('no usable space: no call at all (fail closed)', async () => {
    const client = createFakeConfluence(pages);
    const outcome = await searchPages(client, { words: 'vpn', spaces: { kind: 'list', keys: [] } });
    expect(outcome).toEqual({ results: { hits: [], totalSize: 0 }, spaceKeys: [] });
    expect(client.calls).toEqual([]);
  });

  it('"all" lists the visible spaces first and searches those', async () => {
    const client = createFakeConfluence(pages);
    client.spaces = [
      { id: 's1', key: 'ENG', name: 'Eng' },
      { id: 's3', key: 'SEC', name: 'Sec' },
    ];
    const outcome = await searchPages(client, { words: 'vpn', spaces: { kind: 'all' } });
    expect(client.calls.map((c) => c.method)).toEqual(['listSpaces', 'searchPages']);
    expect(outcome.results.hits.map((h) => h.pageId)).toEqual(['1', '3']);
    expect(outcome.spaceKeys).toEqual([]);
  });

  it('"all" with no visible space makes no search call', async () => {
    const client = createFakeConfluence(pages);
    const outcome = await searchPages(client, { words: 'vpn', spaces: { kind: 'all' } });
    expect(outcome.results.hits).toEqual([]);
    expect(client.calls.map((c) => c.method)).toEqual(['listSpaces']);
  });

  it('passes cursor and limit through, and the words literally', async () => {
    const client = createFakeConfluence(pages);
    const words = 'vpn" OR space = "SEC';
    await searchPages(client, { words, spaces: { kind: 'list', keys: ['ENG'] }, cursor: 'c-2', limit: 5 });
    expect(client.calls[0]).toEqual({
      method: 'searchPages',
      input: { words, spaceKeys: ['ENG'], cursor: 'c-2', limit: 5 },
    });
  });
});

describe('fewerWords', () => {
  it('drops a word off the end, then the start, then two off the end; never the middle', () => {
    expect(fewerWords('kafka consumer zebra')).toEqual(['kafka consumer', 'consumer zebra', 'kafka']);
    expect(fewerWords('parental leave for contractors')).toEqual([
      'parental leave for',
      'leave for contractors',
      'parental leave',
    ]);
    expect(fewerWords('kafka zebra')).toEqual(['kafka', 'zebra']);
  });

  it('nothing for one word, more than twelve, punctuation alone or a quoted phrase', () => {
    expect(fewerWords('kafka')).toEqual([]);
    expect(fewerWords('kafka -- ??')).toEqual([]);
    const words = (count: number) => Array.from({ length: count }, (_, i) => `w${i}`).join(' ');
    expect(fewerWords(words(13))).toEqual([]);
    expect(fewerWords(words(12))).toHaveLength(3);
    expect(fewerWords('same same')).toEqual(['same']);
    expect(fewerWords('"on-call rota" zebra')).toEqual([]);
  });
});
