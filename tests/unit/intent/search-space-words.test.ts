import { describe, expect, it } from 'vitest';
import { mentionsSpaceName, type NamedSpace, nameSpaces } from '../../../bot/intent/space-names.js';
import type { Intent } from '../../../bot/intent/types.js';

/** A directory like the simulator's. */
const SPACES: readonly NamedSpace[] = [
  { key: 'ENG', name: 'Engineering' },
  { key: 'HR', name: 'People & HR' },
  { key: 'OPS', name: 'IT & Operations' },
  { key: 'SALES', name: 'Sales' },
];

const search = (words: string, spaceKey?: string): Intent => ({
  kind: 'operation',
  request: { operation: 'search', words, ...(spaceKey ? { spaceKey } : {}) },
});
const named = (words: string): Intent => ({
  kind: 'page-by-name',
  request: { operation: 'get', ref: { kind: 'title-search', words } },
});

describe('a word of a space name typed in lower case after "in", at the end of search words', () => {
  it.each([
    ['release notes in engineering', 'release notes', 'ENG'],
    ['onboarding in people', 'onboarding', 'HR'],
    ['okta in operations', 'okta', 'OPS'],
  ])('search %j → %j in %s', (words, rest, key) => {
    expect(mentionsSpaceName(search(words), words)).toBe(true);
    expect(nameSpaces(search(words), SPACES)).toEqual(search(rest, key));
  });

  it.each([
    ['bugs in development', "a department's other word, not its name"],
    ['kafka in stream', 'no word of any name'],
    ['diversity in engineering and sales', 'not one word at the end'],
    ['kafka on engineering', 'only after "in"'],
  ])('leaves %j alone (%s)', (words) => {
    const intent = search(words);
    expect(nameSpaces(intent, SPACES)).toBe(intent);
  });

  it('keeps a page name as typed ("diversity in engineering" may be its title)', () => {
    const page = named('diversity in engineering');
    expect(nameSpaces(page, SPACES)).toBe(page);
  });
});

describe('a label before the words of a search ("Engineering: kafka")', () => {
  it('names the space when the directory has it, else stays a search word', () => {
    expect(nameSpaces(search('Engineering: kafka'), SPACES)).toEqual(search('kafka', 'ENG'));
    expect(nameSpaces(search('Sales: pricing'), SPACES)).toEqual(search('pricing', 'SALES'));
    expect(nameSpaces(search('People: probation'), SPACES)).toEqual(search('probation', 'HR'));
    const possessive = search("People's choice awards");
    expect(nameSpaces(possessive, SPACES)).toBe(possessive);
    const faq = search('FAQ: kafka');
    expect(nameSpaces(faq, SPACES)).toBe(faq);
  });
});

describe('a space named first after "in", then the topic', () => {
  it('reads one word of a name after "in" ("in operations on X"), not without it', () => {
    expect(nameSpaces(search('in operations on the rota'), SPACES)).toEqual(search('the rota', 'OPS'));
    expect(nameSpaces(search('in engineering about release notes'), SPACES)).toEqual(
      search('release notes', 'ENG'),
    );
    const bare = search('people for onboarding');
    expect(nameSpaces(bare, SPACES)).toBe(bare);
  });
});
