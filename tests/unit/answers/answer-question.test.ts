import { describe, expect, it } from 'vitest';
import { type Answer, answerQuestion, formatAnswer } from '../../../bot/answers/answer-question.js';
import { stemsOf } from '../../../bot/answers/expand-query.js';
import { UNKNOWN_PERSON } from '../../../bot/answers/resolve-mentions.js';
import type { Page, SearchResults } from '../../../bot/confluence/types.js';
import type { EffectiveSpaces } from '../../../bot/policy/decide.js';
import { createFakeConfluence, makePage } from '../operations/fake-confluence.js';

const leave = makePage({
  id: '10',
  title: 'Parental leave',
  spaceKey: 'HR',
  storage:
    '<h2>Eligibility</h2><ul><li>Employees with 3 months of service.</li><li>Contractors are not eligible; check your agency agreement.</li></ul><h2>Duration</h2><p>Employees get 16 weeks of parental leave at full pay.</p>',
});
const holidays = makePage({
  id: '11',
  title: 'Paid Time Off',
  spaceKey: 'HR',
  storage: '<p>Everyone gets 28 days of paid vacation a year.</p>',
});
const rota = makePage({
  id: '12',
  title: 'On-call Rota',
  spaceKey: 'OPS',
  storage:
    '<p>Primary on-call changes every Monday.</p><table><tbody><tr><th>Week</th><th>Primary</th><th>Secondary</th></tr><tr><td>W10</td><td><ac:link><ri:user ri:account-id="557058:ada"/></ac:link></td><td><ac:link><ri:user ri:account-id="557058:gone"/></ac:link></td></tr></tbody></table>',
});
const secret = makePage({
  id: '13',
  title: 'Exec leave (confidential)',
  spaceKey: 'EXEC',
  storage: '<p>Executives get 52 weeks of parental leave.</p>',
});

/** The fake Confluence, searching `anyOf` as Confluence would: pages holding any of the words. */
function fakeWith(pages: Page[], names: Record<string, string> = {}) {
  const client = createFakeConfluence(pages);
  const lookups: string[] = [];
  client.searchPages = async (input): Promise<SearchResults> => {
    client.calls.push({ method: 'searchPages', input });
    const hits = pages
      .filter((page) => input.spaceKeys.includes(page.spaceKey))
      .filter((page) => {
        const words = new Set(stemsOf(`${page.title} ${page.storage.replace(/<[^>]*>/g, ' ')}`));
        return (input.anyOf ?? []).some((term) => stemsOf(term).every((stem) => words.has(stem)));
      })
      .map((page) => ({
        pageId: page.id,
        title: page.title,
        spaceKey: page.spaceKey,
        excerpt: [],
        lastModified: '',
        webUrl: page.webUrl,
      }));
    return { hits, totalSize: hits.length };
  };
  client.getUserName = async (accountId) => {
    lookups.push(accountId);
    return names[accountId];
  };
  return { client, lookups };
}

const hr: EffectiveSpaces = { kind: 'list', keys: ['HR', 'OPS'] };
const allowHrOps = (spaceKey: string) => spaceKey === 'HR' || spaceKey === 'OPS';

describe('answerQuestion', () => {
  it('searches the question words and their synonyms in one any-of search of the allowed spaces', async () => {
    const { client } = fakeWith([leave, holidays]);
    const answer = await answerQuestion(client, {
      question: 'How much PTO do we get?',
      spaces: hr,
      isSpaceAllowed: allowHrOps,
    });
    const searches = client.calls.filter((c) => c.method === 'searchPages');
    expect(searches).toHaveLength(1);
    expect(searches[0]).toMatchObject({ input: { spaceKeys: ['HR', 'OPS'] } });
    const anyOf = searches[0]?.method === 'searchPages' ? searches[0].input.anyOf : [];
    expect(anyOf).toEqual(expect.arrayContaining(['pto', 'vacation', 'paid time off']));
    expect(answer.citations[0]?.passage.text).toBe('Everyone gets 28 days of paid vacation a year.');
    expect(answer.pages[0]).toEqual({ pageId: '11', title: 'Paid Time Off', webUrl: holidays.webUrl });
  });

  it('quotes a list item with the rest of its list, under its heading', async () => {
    const { client } = fakeWith([leave]);
    const answer = await answerQuestion(client, {
      question: 'are contractors eligible?',
      spaces: hr,
      isSpaceAllowed: allowHrOps,
    });
    expect(answer.citations[0]?.passage).toMatchObject({
      text: 'Employees with 3 months of service. · Contractors are not eligible; check your agency agreement.',
      heading: 'Eligibility',
    });
  });

  it('quotes a table row with its column headers and the people it mentions by name', async () => {
    const { client, lookups } = fakeWith([rota], { '557058:ada': 'Ada Lovelace' });
    const answer = await answerQuestion(client, {
      question: 'who is primary on call in W10?',
      spaces: hr,
      isSpaceAllowed: allowHrOps,
    });
    expect(answer.citations.map((c) => c.passage.text)).toContain(
      `Week: W10 · Primary: Ada Lovelace · Secondary: ${UNKNOWN_PERSON}`,
    );
    expect(JSON.stringify(answer)).not.toContain('@user');
    expect(new Set(lookups)).toEqual(new Set(['557058:ada', '557058:gone']));
  });

  it('a question without subject words makes no call', async () => {
    const { client } = fakeWith([leave]);
    const answer = await answerQuestion(client, {
      question: 'what is the?',
      spaces: hr,
      isSpaceAllowed: allowHrOps,
    });
    expect(answer).toEqual({ question: 'what is the?', keywords: [], citations: [], pages: [] });
    expect(client.calls).toEqual([]);
  });

  it('no allowed space: no search at all', async () => {
    const { client } = fakeWith([leave]);
    const answer = await answerQuestion(client, {
      question: 'parental leave',
      spaces: { kind: 'list', keys: [] },
      isSpaceAllowed: allowHrOps,
    });
    expect(answer.citations).toEqual([]);
    expect(client.calls).toEqual([]);
  });

  it('never uses a page whose space is not allowed, even if search returns it', async () => {
    const { client } = fakeWith([leave, secret]);
    const answer = await answerQuestion(client, {
      question: 'weeks of parental leave',
      spaces: { kind: 'list', keys: ['HR', 'EXEC'] },
      isSpaceAllowed: allowHrOps,
    });
    const shown = JSON.stringify(answer);
    expect(shown).not.toContain('Executives');
    expect(shown).not.toContain('confidential');
    expect(answer.pages.map((p) => p.title)).toEqual(['Parental leave']);
  });

  it('a page that fails to load is skipped, the others still answer', async () => {
    const { client } = fakeWith([leave, holidays]);
    client.failing.add('10');
    const answer = await answerQuestion(client, {
      question: 'paid leave days',
      spaces: hr,
      isSpaceAllowed: allowHrOps,
    });
    expect(answer.citations.map((c) => c.pageTitle)).toEqual(['Paid Time Off']);
  });

  it('reads at most maxPages pages and returns at most 3 citations', async () => {
    const pages = Array.from({ length: 6 }, (_, i) =>
      makePage({
        id: `${20 + i}`,
        title: `Leave ${i}`,
        spaceKey: 'HR',
        storage: `<p>leave policy ${i}</p><p>leave policy again</p>`,
      }),
    );
    const { client } = fakeWith(pages);
    const answer = await answerQuestion(client, {
      question: 'leave policy',
      spaces: hr,
      isSpaceAllowed: allowHrOps,
      maxPages: 2,
    });
    expect(client.calls.filter((c) => c.method === 'getPage')).toHaveLength(2);
    expect(answer.citations.length).toBeLessThanOrEqual(3);
  });

  it('weak matches (one subject of three) are not cited; the pages are offered instead', async () => {
    const { client } = fakeWith([holidays]);
    const answer = await answerQuestion(client, {
      question: 'vacation bonus payout',
      spaces: hr,
      isSpaceAllowed: allowHrOps,
    });
    expect(answer.citations).toEqual([]);
    expect(answer.pages.map((p) => p.title)).toEqual(['Paid Time Off']);
    expect(formatAnswer(answer)).toContain('These pages look related');
  });
});

describe('formatAnswer', () => {
  const base: Answer = { question: 'vpn?', keywords: ['vpn'], citations: [], pages: [] };

  it('says nothing was found', () => {
    expect(formatAnswer(base)).toBe('I couldn\'t find anything in Confluence about "vpn?".');
  });

  it('lists related pages when no passage matched', () => {
    const text = formatAnswer({
      ...base,
      pages: [{ pageId: '1', title: 'VPN [setup]', webUrl: 'https://x/1' }],
    });
    expect(text).toContain('These pages look related');
    expect(text).toContain('- [VPN [setup]](https://x/1)');
  });

  it('quotes passages on one line each with a link and heading', () => {
    const text = formatAnswer({
      ...base,
      citations: [
        {
          pageId: '2',
          pageTitle: 'VPN',
          webUrl: 'https://x/2',
          spaceKey: 'ENG',
          passage: { text: 'Install\nthe client', score: 1, heading: 'Setup' },
        },
      ],
    });
    expect(text).toBe(
      'Here is what Confluence says about "vpn?":\n\n> Install the client\n\n— [VPN](https://x/2) › Setup',
    );
  });
});
