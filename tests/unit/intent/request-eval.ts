import { parseMessage } from '../../../bot/intent/parse-message.js';
import { mentionsSpaceName, nameSpaces } from '../../../bot/intent/space-names.js';
import type { Intent } from '../../../bot/intent/types.js';
import type { RequestCase } from '../../fixtures/intent/request-labels.js';
import { DEFAULT_SPACES } from '../../support/confluence-simulator/corpus/index.js';

/** The simulator's space directory (keys and names), which the bot would read from Confluence. */
const SPACE_DIRECTORY = DEFAULT_SPACES.map(({ key, name }) => ({ key, name }));

/** What the bot understands from `text`: the parse, then spaces named in words resolved, as at run time. */
export function understand(text: string): Intent {
  const parsed = parseMessage(text, []);
  return mentionsSpaceName(parsed, text) ? nameSpaces(parsed, SPACE_DIRECTORY) : parsed;
}

/** Words that do not change what a search or a page name means ("the", "page", "pls"). */
const FILLER = new Set(
  'the a an our my this that some any about on for page pages doc docs document wiki confluence please pls'.split(
    ' ',
  ),
);

/** A search's or a page name's words as a sorted bag of lower-case content words. */
export function contentWords(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((word) => !FILLER.has(word))
    .sort()
    .join(' ');
}

/** Partial match: every field of `expected` matches `actual`; `words` compare as bags of content words. */
export function matchesLabel(actual: unknown, expected: unknown, key?: string): boolean {
  if (key === 'words' && typeof expected === 'string' && typeof actual === 'string')
    return contentWords(actual) === contentWords(expected);
  if (expected === null || typeof expected !== 'object') return Object.is(actual, expected);
  if (actual === null || typeof actual !== 'object') return false;
  return Object.entries(expected).every(([k, value]) =>
    matchesLabel((actual as Record<string, unknown>)[k], value, k),
  );
}

/** How many cases of `set` parse as labelled, and a description of each miss. */
export function evaluate(set: readonly RequestCase[]): { hits: number; misses: string[] } {
  const misses = set.flatMap((item) => {
    const actual = understand(item.text);
    return matchesLabel(actual, item.expect)
      ? []
      : [
          `${JSON.stringify(item.text)}\n    expected ${JSON.stringify(item.expect)}\n    got      ${JSON.stringify(actual)}`,
        ];
  });
  return { hits: set.length - misses.length, misses };
}
