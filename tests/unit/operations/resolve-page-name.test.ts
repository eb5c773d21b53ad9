import { describe, expect, it } from 'vitest';
import type { ConfluenceClient, SearchPagesInput } from '../../../bot/confluence/types.js';
import { resolvePageName } from '../../../bot/operations/resolve-page-name.js';
import type { EffectiveSpaces } from '../../../bot/policy/decide.js';

const SPACES: EffectiveSpaces = { kind: 'list', keys: ['ENG', 'OPS'] };
const TITLES = [
  'Testing Strategy',
  'Release Notes 2025.01',
  'Release Notes 2025.02',
  'Runbook: Kafka Consumer Lag',
];

/** Title searches as Confluence's `title ~` answers them: every word of the query in the title. */
function titleClient(): { client: ConfluenceClient; searched: string[] } {
  const searched: string[] = [];
  const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}.]+/gu) ?? [];
  const client = {
    async searchPages(input: SearchPagesInput) {
      searched.push(input.words);
      const wanted = words(input.words);
      const hits = TITLES.map((title, i) => ({ title, i }))
        .filter(({ title }) => wanted.every((word) => words(title).includes(word)))
        .map(({ title, i }) => ({
          pageId: String(100 + i),
          title,
          spaceKey: 'ENG',
          excerpt: [],
          lastModified: '2025-01-01T00:00:00.000Z',
          webUrl: `https://acme.atlassian.net/wiki/spaces/ENG/pages/${100 + i}`,
        }));
      return { hits, totalSize: hits.length };
    },
  } as unknown as ConfluenceClient;
  return { client, searched };
}

const resolve = (client: ConfluenceClient, words: string) =>
  resolvePageName(client, { kind: 'title-search', words }, SPACES);

describe('resolvePageName with a word the title lacks', () => {
  it('finds the page once a word is left off the end, then the start, and says which name it used', async () => {
    const { client, searched } = titleClient();
    expect(await resolve(client, 'Testing Strategy overview')).toMatchObject({
      kind: 'found',
      page: { pageId: '100' },
      shortened: 'Testing Strategy',
    });
    expect(searched).toEqual(['Testing Strategy overview', 'Testing Strategy']);
    expect(await resolve(client, 'our Zyzzyva Testing Strategy')).toMatchObject({
      kind: 'found',
      shortened: 'Testing Strategy',
    });
  });

  it('an exact or whole match is not marked shortened; several titles under a shorter name are a pick list', async () => {
    const { client } = titleClient();
    const exact = await resolve(client, 'testing strategy');
    expect(exact.kind).toBe('found');
    expect(exact).not.toHaveProperty('shortened');
    const several = await resolve(client, 'release notes draft');
    expect(several.kind).toBe('several');
    expect(several.kind === 'several' && several.candidates.map((c) => c.pageId)).toEqual(['101', '102']);
  });

  it('never shortens below two words, never drops a middle word, and tries at most three shorter names', async () => {
    const { client, searched } = titleClient();
    expect((await resolve(client, 'Testing overview')).kind).toBe('none');
    expect(searched.slice(0, 1)).toEqual(['Testing overview']);
    expect(searched.slice(1).every((words) => !words.includes(' '))).toBe(true);

    searched.length = 0;
    expect((await resolve(client, 'Testing zebra Strategy')).kind).toBe('none');
    expect(searched.slice(1, 3)).toEqual(['Testing zebra', 'zebra Strategy']);

    searched.length = 0;
    expect((await resolve(client, 'alpha beta gamma delta epsilon')).kind).toBe('none');
    const shorter = searched.filter((words) => words.includes(' ')).slice(1);
    expect(shorter).toEqual(['alpha beta gamma delta', 'beta gamma delta epsilon', 'alpha beta gamma']);
  });

  it('leaves a name of more than twelve words whole (no title has that many words too many)', async () => {
    const { client, searched } = titleClient();
    const long = `${'word '.repeat(12)}Testing Strategy`;
    expect((await resolve(client, long)).kind).toBe('none');
    expect(searched.filter((words) => words.includes(' '))).toEqual([long]);
  });
});
