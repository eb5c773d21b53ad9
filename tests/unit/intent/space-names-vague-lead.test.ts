import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../bot/intent/parse-message.js';
import { nameSpaces } from '../../../bot/intent/space-names.js';

const SPACES = [
  { key: 'SALES', name: 'Sales' },
  { key: 'LEGAL', name: 'Legal' },
  { key: 'HR', name: 'People & HR' },
  { key: 'ENG', name: 'Engineering' },
];

const read = (text: string) => nameSpaces(parseMessage(text), SPACES);

describe('nameSpaces: a vague noun between a space named first and the topic', () => {
  it.each([
    ['could you search Sales for anything about renewals?', 'renewals', 'SALES'],
    ['search legal for docs on NDAs', 'NDAs', 'LEGAL'],
    ['search the sales space for anything about renewals', 'renewals', 'SALES'],
    ['search legal for trademark', 'trademark', 'LEGAL'],
  ])('%s', (text, words, spaceKey) => {
    expect(read(text)).toMatchObject({
      kind: 'operation',
      request: { operation: 'search', words, spaceKey },
    });
  });

  it('keeps the words when no space is named first', () => {
    expect(read('search anything about renewals')).toMatchObject({ request: { words: 'renewals' } });
  });

  it.each([
    ['search kafka on eng', 'kafka', 'ENG'],
    ['find onboarding on hr', 'onboarding', 'HR'],
  ])('a key typed in lower case after "on": %s', (text, words, spaceKey) => {
    expect(read(text)).toMatchObject({ request: { words, spaceKey } });
  });

  it('keeps "on <word>" that names no key of the directory', () => {
    expect(read('search policy on pets')).toMatchObject({ request: { words: 'policy on pets' } });
    expect(read('search policy on pets')).not.toMatchObject({ request: { spaceKey: expect.anything() } });
  });

  it('reads a space named first, then "space", then a topic in mixed case ("legal space NDAs")', () => {
    expect(read('search legal space NDAs')).toMatchObject({ request: { words: 'NDAs', spaceKey: 'LEGAL' } });
  });
});
