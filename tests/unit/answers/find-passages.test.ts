import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPassages, keywordsOf, stem } from '../../../bot/answers/find-passages.js';

describe('stem', () => {
  it.each([
    ['weeks', 'week'],
    ['Policies', 'policy'],
    ['onboarding', 'onboard'],
    ['class', 'class'],
    ['is', 'is'],
    ['Café', 'cafe'],
    ['ring', 'ring'],
    ["company's", 'company'],
    ["students'", 'student'],
    ['Ñandú', 'nandu'],
    ['ポリシー', 'ポリシー'],
    ['ＶＰＮ', 'vpn'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('keywordsOf (adversarial table)', () => {
  it.each([
    ['how many weeks of parental leave do we get?', ['week', 'parental', 'leave']],
    ['What is our VPN setup?', ['vpn', 'setup']],
    ['', []],
    ['   ', []],
    ['???!!!', []],
    ['what is the', []],
    ['a b c d', []],
    ['VPN vpn Vpn VPNs', ['vpn']],
    ['<script>alert(1)</script>', ['script', 'alert']],
    ['space = "HR" OR title ~ "x"', ['space', 'hr', 'title']],
    ["who's on-call for the o'reilly db?", ['on-call', "o'reilly", 'db']],
    ['Überstunden Regelung', ['uberstunden', 'regelung']],
    ['休暇 ポリシー', ['休暇', 'ポリシー']],
    ['the confluence page about wiki docs', []],
    ['pto 2025', ['pto', '2025']],
    ["what's where's it's", []],
    ["Alice's OKRs", ['alice', 'okr']],
  ])('%j → %j', (question, expected) => {
    expect(keywordsOf(question)).toEqual(expected);
  });

  it('keeps at most 12 keywords, in order', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`);
    const keywords = keywordsOf(words.join(' '));
    expect(keywords).toHaveLength(12);
    expect(keywords[0]).toBe('worda0');
  });

  it('copes with huge and hostile input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        const keywords = keywordsOf(text);
        expect(keywords.length).toBeLessThanOrEqual(12);
        expect(new Set(keywords).size).toBe(keywords.length);
        for (const k of keywords) expect(k.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

const HANDBOOK = `# Leave

## Parental leave

Employees get 16 weeks of parental leave at full pay.

Partners get 4 weeks.

## Holidays

- 25 days of annual leave
- Public holidays are extra
| Country | Days |
|---|---|
| DE | 30 |

Unrelated paragraph about the canteen.`;

describe('findPassages', () => {
  it('ranks the passage with the most keywords first, under its heading', () => {
    const passages = findPassages(HANDBOOK, keywordsOf('how many weeks of parental leave?'));
    expect(passages[0]).toEqual({
      text: 'Employees get 16 weeks of parental leave at full pay.',
      score: 3.25,
      heading: 'Parental leave',
    });
    expect(passages.map((p) => p.text)).not.toContain('Unrelated paragraph about the canteen.');
  });

  it('splits list items and table rows into their own passages (each row under its header) and skips separator rows', () => {
    const passages = findPassages(HANDBOOK, ['day', 'de'], 10);
    const texts = passages.map((p) => p.text);
    expect(texts).toContain('- 25 days of annual leave');
    expect(texts).not.toContain('| Country | Days |');
    expect(texts).toContain('Country: DE · Days: 30');
    expect(texts.some((t) => /^\|?\s*-{3}/.test(t))).toBe(false);
    expect(passages.find((p) => p.text === '- 25 days of annual leave')?.heading).toBe('Holidays');
  });

  it('a possessive in the question matches the plain word in the page (and vice versa)', () => {
    expect(
      findPassages('The company leave policy.', keywordsOf("what's the company's leave policy?"))[0]?.score,
    ).toBe(3);
    expect(findPassages("The company's leave policy.", keywordsOf('company leave policy'))[0]?.score).toBe(3);
  });

  it('non-Latin keywords match the page and stay searchable as typed', () => {
    const keywords = keywordsOf('休暇 ポリシー');
    expect(findPassages('## 休暇\n\n休暇 の ポリシー は 20 日です', keywords)[0]?.score).toBe(2.25);
    expect(findPassages('## 休暇\n\n休暇 の ポリシー', keywords)[0]?.score).toBe(1.5);
  });

  it('numbers weigh a little extra; passages that are little more than the keyword weigh less', () => {
    const passages = findPassages('We have a week.\n\nWe have 2 week.', ['week'], 5);
    expect(passages.map((p) => p.score)).toEqual([1.25, 1]);
    const short = findPassages('- 2 week\n- a week', ['week'], 5);
    expect(short.map((p) => p.score)).toEqual([0.75, 0.5]);
  });

  it('counts words inside links half, and the heading and page title as context', () => {
    const linked = findPassages('Set up the VPN: see [VPN Setup Guide](https://x/wiki/y) for the details', [
      'vpn',
      'setup',
    ]);
    expect(linked[0]?.score).toBe(1.5);
    const inContext = findPassages(
      '## Setup\n\nThe company VPN uses WireGuard with two-factor login.',
      ['vpn', 'setup', 'guide'],
      3,
      {
        title: 'VPN Setup Guide',
      },
    );
    expect(inContext[0]?.score).toBeCloseTo(2.55);
    expect(findPassages('Nothing relevant here at all.', ['vpn'], 3, { title: 'VPN Guide' })).toEqual([]);
  });

  it('stems past tenses so "submitted" matches "submit"', () => {
    expect(stem('submitted')).toBe('submit');
    expect(stem('failed')).toBe('fail');
    expect(stem('needed')).toBe('need');
    expect(stem('speed')).toBe('speed');
  });

  it('counts each keyword once per passage (repetition does not win)', () => {
    const spam = `${'leave '.repeat(200)}`;
    const passages = findPassages(`${spam}\n\nparental leave policy`, ['parental', 'leave'], 2);
    expect(passages[0]?.text).toBe('parental leave policy');
    expect(passages[1]?.score).toBe(1);
  });

  it.each([
    ['no keywords', HANDBOOK, []],
    ['empty page', '', ['leave']],
    ['only headings', '# leave\n## leave', ['leave']],
    ['only separators', '|---|---|\n\n---', ['leave']],
    ['substring is not a word match', 'cleaves and leaven', ['leave']],
  ])('returns nothing for %s', (_name, markdown, keywords) => {
    expect(findPassages(markdown, keywords)).toEqual([]);
  });

  it('caps passage text at 600 characters and respects the limit', () => {
    const long = `leave ${'x'.repeat(5000)}`;
    const passages = findPassages(`${long}\n\n${long}\n\n${long}`, ['leave'], 2);
    expect(passages).toHaveLength(2);
    for (const p of passages) expect(p.text.length).toBe(600);
  });

  it('HTML in the page is treated as text, not markup', () => {
    const passages = findPassages('<img src=x onerror=alert(1)> leave policy', ['leave']);
    expect(passages[0]?.text).toBe('<img src=x onerror=alert(1)> leave policy');
  });

  it('handles a page of thousands of blocks (property: scores positive, sorted, bounded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 80 }), { maxLength: 200 }),
        fc.array(fc.constantFrom('leave', 'week', 'a1'), { maxLength: 3 }),
        (blocks, keywords) => {
          const passages = findPassages(blocks.join('\n\n'), keywords, 3);
          expect(passages.length).toBeLessThanOrEqual(3);
          for (let i = 0; i < passages.length; i++) {
            expect(passages[i]!.score).toBeGreaterThan(0);
            if (i > 0) expect(passages[i - 1]!.score).toBeGreaterThanOrEqual(passages[i]!.score);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
