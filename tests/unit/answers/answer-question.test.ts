import { describe, expect, it } from 'vitest';
import { type Answer, answerQuestion, formatAnswer } from '../../../bot/answers/answer-question.js';
import { createFakeConfluence, makePage } from '../operations/fake-confluence.js';

const leave = makePage({
  id: '10',
  title: 'Parental leave',
  spaceKey: 'HR',
  storage:
    '<h2>Parental leave</h2><p>Employees get 16 weeks of parental leave at full pay.</p><p>Ask HR for the form.</p>',
});
const holidays = makePage({
  id: '11',
  title: 'Holidays',
  spaceKey: 'HR',
  storage: '<p>Everyone gets 25 days of annual leave.</p>',
});
const secret = makePage({
  id: '12',
  title: 'Exec leave (confidential)',
  spaceKey: 'EXEC',
  storage: '<p>Executives get 52 weeks of parental leave.</p>',
});

const allowHr = (spaceKey: string) => spaceKey === 'HR';

describe('answerQuestion', () => {
  it('quotes the best passage with its page and heading', async () => {
    const client = createFakeConfluence([leave, holidays]);
    const answer = await answerQuestion(client, {
      question: 'How many weeks of parental leave do we get?',
      spaces: { kind: 'list', keys: ['HR'] },
      isSpaceAllowed: allowHr,
    });
    expect(answer.keywords).toEqual(['week', 'parental', 'leave']);
    expect(answer.citations[0]).toEqual({
      pageTitle: 'Parental leave',
      webUrl: leave.webUrl,
      spaceKey: 'HR',
      passage: {
        text: 'Employees get 16 weeks of parental leave at full pay.',
        score: 3.45,
        heading: 'Parental leave',
      },
    });
    expect(client.calls[0]).toMatchObject({
      method: 'searchPages',
      input: { words: 'week parental leave', spaceKeys: ['HR'], limit: 5 },
    });
  });

  it('a question without keywords makes no call', async () => {
    const client = createFakeConfluence([leave]);
    const answer = await answerQuestion(client, {
      question: 'what is the?',
      spaces: { kind: 'list', keys: ['HR'] },
      isSpaceAllowed: allowHr,
    });
    expect(answer).toEqual({ question: 'what is the?', keywords: [], citations: [], pages: [] });
    expect(client.calls).toEqual([]);
  });

  it('no allowed space: no search at all', async () => {
    const client = createFakeConfluence([leave]);
    const answer = await answerQuestion(client, {
      question: 'parental leave',
      spaces: { kind: 'list', keys: [] },
      isSpaceAllowed: allowHr,
    });
    expect(answer.citations).toEqual([]);
    expect(client.calls).toEqual([]);
  });

  it('falls back to narrower searches (subject, longest pair, longest word) when the full query finds nothing', async () => {
    const client = createFakeConfluence([leave]);
    const answer = await answerQuestion(client, {
      question: 'parental leave for contractors',
      spaces: { kind: 'list', keys: ['HR'] },
      isSpaceAllowed: allowHr,
    });
    const searches = client.calls.filter((c) => c.method === 'searchPages');
    expect(searches.map((c) => c.input.words)).toEqual(['parental leave contractor', 'parental leave']);
    expect(answer.pages.map((p) => p.title)).toEqual(['Parental leave']);
  });

  it('never uses a page whose space is not allowed, even if search returns it', async () => {
    const client = createFakeConfluence([leave, secret]);
    const answer = await answerQuestion(client, {
      question: 'weeks of parental leave',
      spaces: { kind: 'list', keys: ['HR', 'EXEC'] },
      isSpaceAllowed: allowHr,
    });
    const shown = JSON.stringify(answer);
    expect(shown).not.toContain('Executives');
    expect(shown).not.toContain('confidential');
    expect(answer.pages.map((p) => p.title)).toEqual(['Parental leave']);
  });

  it('a page that fails to load is skipped, the others still answer', async () => {
    const client = createFakeConfluence([leave, holidays]);
    client.failing.add('10');
    const answer = await answerQuestion(client, {
      question: 'annual leave days',
      spaces: { kind: 'list', keys: ['HR'] },
      isSpaceAllowed: allowHr,
    });
    expect(answer.citations.map((c) => c.pageTitle)).toEqual(['Holidays']);
  });

  it('reads at most maxPages pages and returns at most 3 citations, strongest first', async () => {
    const pages = Array.from({ length: 6 }, (_, i) =>
      makePage({
        id: `p${i}`,
        title: `Leave ${i}`,
        spaceKey: 'HR',
        storage: `<p>leave policy ${'x '.repeat(i)}</p><p>leave policy again</p>`,
      }),
    );
    const client = createFakeConfluence(pages);
    const answer = await answerQuestion(client, {
      question: 'leave policy',
      spaces: { kind: 'list', keys: ['HR'] },
      isSpaceAllowed: allowHr,
      maxPages: 2,
    });
    expect(client.calls.filter((c) => c.method === 'getPage')).toHaveLength(2);
    expect(answer.citations.length).toBeLessThanOrEqual(3);
    const scores = answer.citations.map((c) => c.passage.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('weak matches (one keyword of several) are not cited; the pages are offered instead', async () => {
    const client = createFakeConfluence([holidays]);
    client.searchPages = async () => ({
      hits: [
        {
          pageId: '11',
          title: 'Holidays',
          spaceKey: 'HR',
          excerpt: [],
          lastModified: '',
          webUrl: holidays.webUrl,
        },
      ],
      totalSize: 1,
    });
    const answer = await answerQuestion(client, {
      question: 'annual bonus payout',
      spaces: { kind: 'list', keys: ['HR'] },
      isSpaceAllowed: allowHr,
    });
    expect(answer.citations).toEqual([]);
    expect(answer.pages).toEqual([{ title: 'Holidays', webUrl: holidays.webUrl }]);
    expect(formatAnswer(answer)).toContain('These pages look related');
  });
});

describe('formatAnswer', () => {
  const base: Answer = { question: 'vpn?', keywords: ['vpn'], citations: [], pages: [] };

  it('says nothing was found', () => {
    expect(formatAnswer(base)).toBe('I couldn\'t find anything in Confluence about "vpn?".');
  });

  it('lists related pages when no passage matched', () => {
    const text = formatAnswer({ ...base, pages: [{ title: 'VPN [setup]', webUrl: 'https://x/1' }] });
    expect(text).toContain('These pages look related');
    expect(text).toContain('- [VPN [setup]](https://x/1)');
  });

  it('quotes passages on one line each with a link and heading', () => {
    const text = formatAnswer({
      ...base,
      citations: [
        {
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
