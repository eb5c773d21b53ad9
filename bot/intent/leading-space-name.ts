import type { NamedSpace } from './space-names.js';

/**
 * "the IT & Operations on-call rota", "the People & HR onboarding page": a page named after the whole
 * name of a space, when that name has several words. The name says where the page is, not what it is
 * called. One word of a name ("Engineering Handbook", "Sales Playbook") keeps its place in the title;
 * only a whole name of two words or more counts, "and" read as "&". Bounded by the directory's size.
 */

/** A name's words said alike: lower case, "and" as "&", single spaces. */
function sayAlike(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+and\s+/g, ' & ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cheap check before a directory look-up: the words open with "X & Y" or "X and Y" and go on. */
const MAY_OPEN_WITH_NAME = /^(?:(?:the|our)\s+)?\S+\s+(?:&|and)\s+\S+\s+\S/i;

/** True when `words` (a page's name) may open with a space's whole name (see {@link MAY_OPEN_WITH_NAME}). */
export function mayOpenWithSpaceName(words: string): boolean {
  return MAY_OPEN_WITH_NAME.test(words.slice(0, 200));
}

/** Longest name read. */
const MAX_WORDS_READ = 200;

/**
 * The key of the space whose whole name (two words or more) opens `words`, and the words after it, or
 * `undefined`. What follows must name something besides a page noun.
 */
export function takeLeadingWholeName(
  words: string,
  spaces: readonly NamedSpace[],
): { rest: string; key: string } | undefined {
  if (words.length > MAX_WORDS_READ) return undefined;
  const text = words.replace(/^(?:the|our)\s+/i, '');
  const said = sayAlike(text);
  for (const space of spaces) {
    const name = sayAlike(space.name);
    if (!name.includes(' ') || !said.startsWith(`${name} `)) continue;
    const nameWords = name.split(' ').length;
    const rest = text.split(/\s+/).slice(nameWords).join(' ').trim();
    if (rest !== '' && !/^(?:page|doc|document|article|pages|docs)$/i.test(rest))
      return { rest, key: space.key };
  }
  return undefined;
}

/** "OPS: Wi-Fi and Printers": a key in capitals and a colon, as a label before the page's name. */
const KEY_LABEL = /^(~?[A-Z][A-Z0-9]{1,9}):\s+(?=\S)/;

/** True when `words` open with a key label ({@link KEY_LABEL}), for the cheap check before a directory look-up. */
export function mayOpenWithKeyLabel(words: string): boolean {
  return KEY_LABEL.test(words);
}

/**
 * The key of the directory a key label names ("OPS: Wi-Fi and Printers") and the words after it, or
 * `undefined`; only a key of the directory counts ("FAQ: Benefits", "ADR: Choosing OpenSearch" keep their words).
 */
export function takeKeyLabel(
  words: string,
  spaces: readonly NamedSpace[],
): { rest: string; key: string } | undefined {
  const label = KEY_LABEL.exec(words);
  if (!label || !spaces.some((space) => space.key === label[1])) return undefined;
  const rest = words.slice(label[0].length).trim();
  return rest === '' ? undefined : { rest, key: label[1]! };
}
