import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../bot/intent/parse-message.js';
import { correctedWord, fixSpelling, isEnglishWord } from '../../../bot/intent/spelling.js';

describe('correctedWord', () => {
  it.each([
    ['serach', 'search'],
    ['abotu', 'about'],
    ['abuot', 'about'],
    ['sapce', 'space'],
    ['calld', 'called'],
    ['secton', 'section'],
    ['wiht', 'with'],
    ['tehre', 'there'],
    ['coudl', 'could'],
    ['wuold', 'would'],
    ['waht', 'what'],
    ['yoru', 'your'],
    ['sayng', 'saying'],
    ['aprovals', 'approvals'],
    ['teh', 'the'],
    ['cna', 'can'],
    ['yuo', 'you'],
    ['wich', 'which'],
    ['canyou', 'can you'],
    ['tothe', 'to the'],
    ['showme', 'show me'],
    ['pleeease', 'please'],
    ['neeed', 'need'],
    ['okkk', 'ok'],
    ['updt', 'update'],
    ['chng', 'change'],
    ['scnd', 'second'],
    ['pae', 'page'],
    ['oen', 'open'],
  ])('reads %s as %s', (typed, meant) => {
    expect(correctedWord(typed)).toBe(meant);
  });

  it.each([
    // English words, however close to a word of the vocabulary
    'form',
    'helm',
    'lien',
    'shop',
    'colour',
    'rota',
    'behaviour',
    'pleas',
    // chat forms and abbreviations
    'pls',
    'thx',
    'whats',
    'docx',
    'sso',
    'pto',
    'okr',
    // names and jargon that are no slip of the hand from a vocabulary word
    'owen',
    'thea',
    'wifi',
    'okta',
    'saml',
    'kube',
    // words run together that are no vocabulary word and a pronoun or article
    'checkin',
    'oncall',
    'writeup',
    // vowels left out of a word of three letters: too often an abbreviation
    'ttl',
    'txt',
    'sme',
    'int',
    'sys',
    // content words stay as typed: they are not in the vocabulary
    'polcy',
    'expnse',
    'onbaording',
  ])('leaves %s alone', (word) => {
    expect(correctedWord(word)).toBeUndefined();
  });

  it('finds every word of the list by bisection but the two it holds out of order', () => {
    const list = readFileSync(
      join(dirname(createRequire(import.meta.url).resolve('word-list')), 'words.txt'),
      'latin1',
    );
    const missed = list
      .trim()
      .split('\n')
      .filter((word) => !isEnglishWord(word));
    expect(missed).toEqual(['manlihood', 'sharrowed']);
  });

  it('reads the English word list from the word-list package', () => {
    for (const word of ['aa', 'rota', 'colour', 'organisation', 'per', 'zyzzyvas'])
      expect(isEnglishWord(word)).toBe(true);
    for (const word of ['serach', 'calld', 'teh', 'pls', 'zzzzq']) expect(isEnglishWord(word)).toBe(false);
  });
});

describe('fixSpelling', () => {
  it('corrects command words anywhere in the line', () => {
    expect(fixSpelling('cna you serach teh ENG sapce fro pages abotu kafka')).toBe(
      'can you search the ENG space for pages about kafka',
    );
    expect(fixSpelling('Wich page has the wifi password')).toBe('Which page has the wifi password');
    expect(fixSpelling('Hi! Cna you opne the rota')).toBe('Hi! Can you open the rota');
    expect(fixSpelling("Wat's in teh rota, and wher's it?")).toBe("What's in the rota, and where's it?");
    expect(fixSpelling('I’m lookign for teh rota: Sam’s off')).toBe("I'm looking for the rota: Sam’s off");
    expect(fixSpelling('r there docs? cn sum1 open the plan r page')).toBe(
      'are there docs? can someone open the plan r page',
    );
  });

  it('keeps quoted text, code, capitalised words and the text after a body marker as typed', () => {
    expect(fixSpelling('in the rota replace "teh wiht" wiht "abotu"')).toBe(
      'in the rota replace "teh wiht" with "abotu"',
    );
    expect(fixSpelling('add `teh` to teh rota')).toBe('add `teh` to the rota');
    expect(fixSpelling('open the page calld Wiht Teh')).toBe('open the page called Wiht Teh');
    expect(fixSpelling('add to teh rota: teh wiht abotu')).toBe('add to the rota: teh wiht abotu');
    expect(fixSpelling('add a line to teh rota sayng teh wiht abotu')).toBe(
      'add a line to the rota saying teh wiht abotu',
    );
  });

  it('leaves URLs, ids, mentions and space keys alone', () => {
    const line = 'opne https://teh.example/wiht 12345 @abotu ~teh ENG';
    expect(fixSpelling(line)).toBe('open https://teh.example/wiht 12345 @abotu ~teh ENG');
  });

  it('looks at a bounded number of words', () => {
    const line = `${'teh '.repeat(60)}teh`;
    const fixed = fixSpelling(line).split(' ');
    expect(fixed.filter((word) => word === 'the')).toHaveLength(40);
    expect(fixed.slice(40).every((word) => word === 'teh')).toBe(true);
  });
});

/** Words the property draws from: typos, English words, the vocabulary, chat forms, names, quotes. */
const WORDS = [
  'teh',
  'serach',
  'abotu',
  'wiht',
  'sapce',
  'calld',
  'Cna',
  'form',
  'shop',
  'rota',
  'colour',
  'the',
  'search',
  'page',
  'pls',
  'ENG',
  'Omar',
  'owen',
  'okta',
  'x1',
  'abotu,',
  'teh.',
  'https://a.example/teh',
  "don't",
  'polcy',
];
const line = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 50 }).map((w) => w.join(' '));
/** Page text of plain words (the parser trims a text's closing punctuation and courtesy on its own). */
const TEXT_WORDS = WORDS.filter((word) => /^[A-Za-z]+$/.test(word) && word !== 'pls');
const text = fc
  .array(fc.constantFrom(...TEXT_WORDS), { minLength: 1, maxLength: 30 })
  .map((w) => w.join(' '));

describe('fixSpelling properties', () => {
  it('changes only misspelt words, one for one: never an English word, a quoted span or text after a marker', () => {
    fc.assert(
      fc.property(
        line,
        line,
        line,
        fc.constantFrom('saying', 'with:', 'sayng'),
        (before, quoted, after, marker) => {
          const input = `${before} "${quoted}" ${before} ${marker} ${after}`;
          const inWords = input.split(' ');
          const outWords = fixSpelling(input).split(' ');
          expect(outWords).toHaveLength(inWords.length);
          const quoteStart = before.split(' ').length;
          const quoteEnd = quoteStart + quoted.split(' ').length;
          const markerAt = quoteEnd + before.split(' ').length;
          inWords.forEach((word, i) => {
            if (outWords[i] === word) return;
            expect(isEnglishWord(word.replace(/[,.]$/, '').toLowerCase())).toBe(false);
            expect(i < quoteStart || (i >= quoteEnd && i <= markerAt)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the text a person wants written as typed, after "saying" or a colon', () => {
    fc.assert(
      fc.property(text, (typed) => {
        const saying = parseMessage(`add a line to the on-call rota sayng ${typed}`);
        const colon = parseMessage(`add to teh on-call rota: ${typed}`);
        for (const intent of [saying, colon]) {
          expect(intent.kind).toBe('page-by-name');
          const request = intent.kind === 'page-by-name' ? intent.request : undefined;
          const edit = request?.operation === 'update' ? request.edit : undefined;
          expect(edit).toEqual({ kind: 'append', markdown: typed });
        }
      }),
      { numRuns: 200 },
    );
  });
});
