import { readingKind } from './reading-kind.js';
import type { Intent } from './types.js';

/**
 * "so the printer on 3rd floor is broken again, where's the Wi-Fi and Printers page", "new laptop
 * arrived. where is the Laptop Setup page?": news or a complaint, a break, then where one named page
 * is. The page asked after is named after "where's", so the words before the break are no part of its
 * name. Read on a bounded head: one match, and the rest read once.
 */

/** A break, then "where's|where is" and the page's article (lookahead); "where" starts at group 1. */
const WHERE_AFTER_BREAK =
  /[,;.!?…]\s+(?:(?:so|but|and|anyway|btw)\s+)?(where(?:'s|’s|s|\s+is|\s+are)\s+)(?=(?:the|our)\s)/i;
/** Longest head read. */
const MAX_HEAD = 300;
/** Readings of the whole line the page asked after replaces: a read, a question or nothing understood. */
const REPLACEABLE = new Set(['search', 'get', 'unclear', 'question', 'failure']);

/**
 * The page asked after "…, where's the X" (read by `readLine` from "where"), when the whole line read
 * as a read, a question or nothing and that part reads as one page by name; else `undefined`.
 */
export function pageWhereAfterBreak(
  line: string,
  intent: Intent,
  readLine: (rest: string) => Intent,
): Intent | undefined {
  if (!REPLACEABLE.has(readingKind(intent))) return undefined;
  const found = WHERE_AFTER_BREAK.exec(line.slice(0, MAX_HEAD));
  if (!found) return undefined;
  const where = found.index + found[0].length - found[1]!.length;
  const read = readLine(line.slice(where));
  return read.kind === 'page-by-name' && read.request.operation === 'get' ? read : undefined;
}
