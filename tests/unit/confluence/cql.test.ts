import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSearchCql,
  MAX_SEARCH_TEXT_LENGTH,
  normaliseSearchText,
  quoteCqlString,
} from '../../../bot/confluence/cql.js';
import { isAppError } from '../../../bot/errors.js';
import { parseCql } from '../../support/confluence-simulator/cql.js';

type Token =
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: string }
  | { kind: 'string'; value: string };

/** An independent, strict CQL tokenizer: unknown escapes or unterminated strings throw. */
function tokenize(cql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < cql.length) {
    const ch = cql[i] as string;
    if (ch === ' ') {
      i++;
    } else if ('=~(),'.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch });
      i++;
    } else if (ch === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= cql.length) throw new Error('unterminated string');
        const c = cql[i] as string;
        if (c === '"') break;
        if (c === '\\') {
          const next = cql[i + 1];
          if (next !== '\\' && next !== '"') throw new Error(`bad escape \\${next}`);
          value += next;
          i += 2;
        } else {
          value += c;
          i++;
        }
      }
      i++;
      tokens.push({ kind: 'string', value });
    } else if (/[A-Za-z]/.test(ch)) {
      let value = '';
      while (i < cql.length && /[A-Za-z]/.test(cql[i] as string)) value += cql[i++];
      tokens.push({ kind: 'word', value });
    } else {
      throw new Error(`unexpected character ${JSON.stringify(ch)} at ${i}`);
    }
  }
  return tokens;
}

/** Parses the one shape the builder may produce; returns the space literals and the text literal. */
function parseFixedShape(cql: string): { spaces: string[]; text: string } {
  const tokens = tokenize(cql);
  const render = (t: Token): string => (t.kind === 'string' ? 'S' : t.value);
  const shape = tokens.map(render).join(' ');
  const match = /^type = page AND space IN \( S(?: , S)* \) AND text ~ S ORDER BY lastmodified DESC$/.exec(
    shape,
  );
  if (!match) throw new Error(`unexpected shape: ${shape}`);
  const strings = tokens.filter((t) => t.kind === 'string').map((t) => t.value);
  return { spaces: strings.slice(0, -1), text: strings[strings.length - 1] as string };
}

function expectInputInvalid(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    expect(isAppError(error, 'INPUT_INVALID')).toBe(true);
    return;
  }
  throw new Error('expected INPUT_INVALID');
}

describe('buildSearchCql', () => {
  it('builds the fixed query for plain words', () => {
    expect(buildSearchCql('parental leave', ['HR', 'ENG'])).toBe(
      'type = page AND space IN ("HR","ENG") AND text ~ "parental leave" ORDER BY lastmodified DESC',
    );
  });

  it('searches titles only for a page named by its title', () => {
    expect(buildSearchCql('vpn setup guide', ['OPS'], 'title')).toBe(
      'type = page AND space IN ("OPS") AND title ~ "vpn setup guide" ORDER BY lastmodified DESC',
    );
  });

  const adversarial: Array<[string, string]> = [
    ['say "hello" there', 'say "hello" there'],
    ['unbalanced "quote', 'unbalanced quote'],
    ['back\\slash', 'back slash'],
    ['trailing backslash\\', 'trailing backslash'],
    ['x" OR space = "SECRET', 'x" or space = "SECRET'],
    ['") OR (space = "SECRET") OR ("', '" or space = "SECRET" or "'],
    ['foo OR space = X', 'foo or space = X'],
    ['line1\nline2\r\nline3', 'line1 line2 line3'],
    ['nul\u0000byte\u0007bell', 'nul byte bell'],
    ['tab\tand   spaces  ', 'tab and spaces'],
    ['Ünïcödé 日本語 emoji 🎉', 'Ünïcödé 日本語 emoji 🎉'],
    ['lone \ud800 surrogate', 'lone surrogate'],
    ['title:secret AND +must -not', 'title secret and must not'],
    ['wild* card? fuzzy~2 boost^4', 'wild card fuzzy 2 boost 4'],
    ['(group) [range TO x] {y}', 'group range to x y'],
    ['a && b || !c', 'a b c'],
    ['path/to/file #hash', 'path to file hash'],
    ['ORDER BY created', 'ORDER BY created'],
    ['not and or to', 'not and or to'],
    ['ANDROID ORACLE NOTICE', 'ANDROID ORACLE NOTICE'],
    ['"" empty phrase', 'empty phrase'],
    ['"exact phrase" search', '"exact phrase" search'],
  ];

  it.each(adversarial)('keeps %j as one literal', (input, expected) => {
    const cql = buildSearchCql(input, ['HR']);
    const parsed = parseFixedShape(cql);
    expect(parsed.spaces).toEqual(['HR']);
    expect(parsed.text).toBe(expected);
  });

  it('quotes personal space keys and drops duplicates', () => {
    const parsed = parseFixedShape(buildSearchCql('x', ['~5b10ac8d82e05b22cc7d4ef5', 'HR', 'HR']));
    expect(parsed.spaces).toEqual(['~5b10ac8d82e05b22cc7d4ef5', 'HR']);
  });

  it('quotes reserved-word and digit-leading keys', () => {
    expect(parseFixedShape(buildSearchCql('x', ['AND', 'ORDER', '123'])).spaces).toEqual([
      'AND',
      'ORDER',
      '123',
    ]);
  });

  it.each([
    'HR"',
    'HR) OR (space = X',
    'H R',
    '',
    '~',
    '~~HR',
    'HR~',
    'HR-1',
    'HR_1',
    'ΗR',
    'НR',
    'HR\u200b',
    'HR\n',
    'x'.repeat(256),
  ])('rejects space key %j', (key) => {
    expectInputInvalid(() => buildSearchCql('x', [key]));
  });

  it('rejects no spaces, empty words and words that normalise to nothing', () => {
    expectInputInvalid(() => buildSearchCql('x', []));
    expectInputInvalid(() => buildSearchCql('', ['HR']));
    expectInputInvalid(() => buildSearchCql('  \n\t ', ['HR']));
    expectInputInvalid(() => buildSearchCql('*** ??? ~~~ \\\\', ['HR']));
  });

  it('rejects huge input instead of truncating it', () => {
    expectInputInvalid(() => buildSearchCql('word '.repeat(10_000), ['HR']));
    const atLimit = 'a'.repeat(MAX_SEARCH_TEXT_LENGTH);
    expect(parseFixedShape(buildSearchCql(atLimit, ['HR'])).text).toBe(atLimit);
  });

  it('property: no user string changes the structure of the query', () => {
    const keyArb = fc.stringMatching(/^~?[A-Za-z0-9]{1,12}$/);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 80 }),
          fc.string({ unit: 'binary', maxLength: 80 }),
          fc.string(),
        ),
        fc.array(keyArb, { minLength: 1, maxLength: 5 }),
        (words, keys) => {
          const normalised = normaliseSearchText(words);
          if (normalised.length === 0) {
            expectInputInvalid(() => buildSearchCql(words, keys));
            return;
          }
          const parsed = parseFixedShape(buildSearchCql(words, keys));
          expect(parsed.text).toBe(normalised);
          expect(parsed.spaces).toEqual([...new Set(keys)]);
          expect(parsed.text).not.toMatch(/[\p{Cc}+\-&|!(){}[\]^~*?:\\/]/u);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('property: the simulator CQL parser sees the same fixed tree', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (words) => {
        const normalised = normaliseSearchText(words);
        fc.pre(normalised.length > 0);
        const query = parseCql(buildSearchCql(words, ['HR', '~jdoe']));
        expect(query.orderBy).toEqual({ field: 'lastmodified', direction: 'desc' });
        expect(query.where).toEqual({
          kind: 'and',
          left: {
            kind: 'and',
            left: { kind: 'clause', field: 'type', operator: '=', values: ['page'] },
            right: { kind: 'clause', field: 'space', operator: 'in', values: ['HR', '~jdoe'] },
          },
          right: { kind: 'clause', field: 'text', operator: '~', values: [normalised] },
        });
      }),
      { numRuns: 500 },
    );
  });

  it('property: arbitrary space keys are either rejected or emitted verbatim as literals', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (key) => {
        let cql: string;
        try {
          cql = buildSearchCql('x', [key]);
        } catch (error) {
          expect(isAppError(error, 'INPUT_INVALID')).toBe(true);
          return;
        }
        expect(key).toMatch(/^~?[A-Za-z0-9]+$/);
        expect(parseFixedShape(cql).spaces).toEqual([key]);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: normalisation is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (words) => {
        const once = normaliseSearchText(words);
        expect(normaliseSearchText(once)).toBe(once);
      }),
    );
  });
});

describe('quoteCqlString', () => {
  it.each([
    ['plain', '"plain"'],
    ['a"b', '"a\\"b"'],
    ['a\\b', '"a\\\\b"'],
    ['end\\', '"end\\\\"'],
    ['\\"', '"\\\\\\""'],
  ])('quotes %j', (input, expected) => {
    expect(quoteCqlString(input)).toBe(expected);
  });

  it('property: any string round-trips through one literal', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const tokens = tokenize(quoteCqlString(value).replace(/ /g, '\u0000'));
        expect(tokens).toHaveLength(1);
        expect(tokens[0]).toEqual({ kind: 'string', value: value.replace(/ /g, '\u0000') });
      }),
    );
  });
});
