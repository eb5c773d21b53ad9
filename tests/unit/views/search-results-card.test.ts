import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../bot/errors.js';
import { buildSearchResultsData } from '../../../bot/views/build-view-data.js';
import { createCardRenderer, findCardsDir, renderCard } from '../../../bot/views/render-card.js';
import { buildSearchResultsCard } from '../../../bot/views/search-results-card.js';
import type { SearchResultsData } from '../../../bot/views/types.js';
import { CARD_FIXTURES, EVIL } from './card-fixtures.js';
import { collectStrings } from './card-lint.js';

/*
 * The search card is built directly (search-results-card.ts); cards/search-results.json stays the
 * source of truth. Every case here must give the same card, key for key and in the same order, as
 * the template expanded by adaptivecards-templating through the shielding renderer.
 */

const fromTemplate = createCardRenderer(findCardsDir(), { templatesOnly: true });

function expectSameAsTemplate(data: SearchResultsData): void {
  const built = renderCard('search-results', data);
  const expanded = fromTemplate.render('search-results', data);
  expect(built).toEqual(expanded);
  expect(JSON.stringify(built)).toBe(JSON.stringify(expanded));
}

/** Text a user, a page or Confluence might put on the card, odd cases weighted up. */
const oddText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '',
    ' ',
    EVIL.template,
    EVIL.markdown,
    EVIL.unicode,
    EVIL.dollar,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal templating expression is the test input
    '${title}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal templating expression is the test input
    '${$root.query}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal templating expression is the test input
    '\\${x}',
    '$',
    '${',
    '\uE000',
    '\uE0010',
    '\uE001',
    '**bold** _it_ [l](https://evil.example) <at>all</at>',
    '# Heading',
    'null',
    'true',
    '123',
    '1e5',
    '{"a":1}',
    '[1]',
    "'x'",
    '@{x}',
    '\ud800',
    '🚀🚀',
  ),
);

const run = fc.record({ text: oddText, highlight: fc.boolean() });
const hit = fc.record({
  pageId: fc.oneof(fc.nat().map(String), oddText),
  title: oddText,
  spaceKey: fc.oneof(fc.constantFrom('HR', 'ENG', 'OPS'), oddText),
  excerpt: fc.array(run, { maxLength: 6 }),
  lastModified: oddText,
  webUrl: fc.oneof(fc.webUrl(), oddText),
});
const searchData = fc.record(
  {
    query: oddText,
    spaceFilter: oddText,
    total: fc.oneof(fc.constantFrom(0, 1, 2, 10, 25, 5000), fc.nat()),
    hits: fc.oneof(fc.array(hit, { maxLength: 3 }), fc.array(hit, { minLength: 10, maxLength: 25 })),
    notice: oddText,
    nextToken: oddText,
  },
  { requiredKeys: ['query', 'spaceFilter', 'total', 'hits'] },
);

describe('search-results card builder', () => {
  it('gives the template expansion for generated data (odd text, 0–25 hits, with and without More or a notice)', () => {
    fc.assert(
      fc.property(searchData, (data) => {
        expectSameAsTemplate(data);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the template expansion for every fixture and for 0, 1, 10 and 25 real-looking hits', () => {
    for (const fixture of CARD_FIXTURES['search-results']) expectSameAsTemplate(fixture.data);
    for (const count of [0, 1, 10, 25]) {
      expectSameAsTemplate(
        buildSearchResultsData({
          query: 'release process',
          spaceKeys: count === 1 ? ['ENG'] : [],
          results: {
            totalSize: count,
            ...(count === 25 ? { nextCursor: 'next-cursor' } : {}),
            hits: Array.from({ length: count }, (_, i) => ({
              pageId: String(100 + i),
              title: `Release process ${i}`,
              spaceKey: 'ENG',
              excerpt: [
                { text: 'How we ', highlight: false },
                { text: 'release', highlight: true },
              ],
              lastModified: '2025-03-01T10:04:00.000Z',
              webUrl: `https://acme.atlassian.net/wiki/spaces/ENG/pages/${100 + i}`,
            })),
          },
        }),
      );
    }
  });

  it('shows user text literally: template expressions in titles, queries and excerpts are never evaluated', () => {
    const data = buildSearchResultsData({
      query: EVIL.template,
      spaceKeys: ['HR'],
      results: {
        totalSize: 1,
        hits: [
          {
            pageId: '7',
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal templating expression is the test input
            title: '${query}',
            spaceKey: 'HR',
            excerpt: [{ text: EVIL.dollar, highlight: true }],
            lastModified: '2025-01-01T00:00:00Z',
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal templating expression is the test input
            webUrl: 'https://acme.atlassian.net/wiki/${webUrl}',
          },
        ],
      },
    });
    const strings = collectStrings(renderCard('search-results', data));
    expect(strings).toContain(EVIL.template);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal templating expression is the test input
    expect(strings).toContain('${query}');
    expect(strings).toContain(EVIL.dollar);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal templating expression is the test input
    expect(strings).toContain('https://acme.atlassian.net/wiki/${webUrl}');
    expectSameAsTemplate(data);
  });

  it('fails with INTERNAL, like the template, when a shown field is missing or null', () => {
    const good = CARD_FIXTURES['search-results'][0]!.data;
    const firstHit = good.hits[0]!;
    const broken: unknown[] = [
      { ...good, query: undefined },
      { ...good, query: null },
      { ...good, nextToken: null },
      { ...good, notice: null },
      { ...good, hits: [{ ...firstHit, title: undefined }] },
      { ...good, hits: [{ ...firstHit, webUrl: null }] },
      { ...good, hits: [{ ...firstHit, excerpt: [{ text: null, highlight: true }] }] },
    ];
    for (const data of broken) {
      for (const render of [
        () => buildSearchResultsCard(data as SearchResultsData),
        () => fromTemplate.render('search-results', data as SearchResultsData),
      ]) {
        let caught: unknown;
        try {
          render();
        } catch (error) {
          caught = error;
        }
        expect(isAppError(caught, 'INTERNAL'), JSON.stringify(data)).toBe(true);
      }
    }
  });

  it('returns a fresh card on each call', () => {
    const data = CARD_FIXTURES['search-results'][0]!.data;
    const a = renderCard('search-results', data);
    const b = renderCard('search-results', data);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });
});
