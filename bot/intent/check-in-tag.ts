/**
 * A check-in tagged after a request ("trying to find the api rate limits doc, any luck?", "looking for
 * the travel policy, anyone?", "need the onboarding checklist, any chance?"): it asks whether the
 * request can be met, never more words of the topic. A search or an open that took the tag as words is
 * read again without it (a statement with the tag, "the vpn is down, anyone?", is left as it is).
 */

import { readingKind } from './reading-kind.js';
import type { Intent } from './types.js';

/** The tag after a break at the end of the line. Kept as data. */
const CHECK_IN_TAG =
  /[,;.!?]\s*(?:any\s+(?:luck|ideas?|pointers?|hits?|chance|leads?|clues?|help)|anyone|anybody|any(?:one|body)\s+know)[\s?!.]*$/i;

/** Readings that may have taken the tag as words of the topic or the page's name. */
const REPLACEABLE = new Set(['search', 'get']);

/** Longest line read so (characters). */
const MAX_LINE = 400;

/** The line's search or open read without its check-in tag (see {@link CHECK_IN_TAG}); else `undefined`. */
export function readWithoutCheckIn(
  line: string,
  typed: Intent,
  read: (line: string) => Intent,
): Intent | undefined {
  const text = line.trim();
  if (text.length > MAX_LINE || !REPLACEABLE.has(readingKind(typed))) return undefined;
  const tag = CHECK_IN_TAG.exec(text);
  if (!tag || tag.index === 0) return undefined;
  const rest = read(text.slice(0, tag.index));
  return readingKind(rest) === readingKind(typed) ? rest : undefined;
}
