/**
 * A story, then a word that turns to the request ("my laptop died yesterday, anyway is there something
 * about local dev setup?", "… long story short - can you search X"): the story says why, the words
 * after the turn say what. Read only when the words after the turn read as a search or an open on
 * their own and the whole line read as nothing, a question or a failure.
 */
import type { Intent } from './types.js';

/** The turn: after a break (comma, stop, spaced dash), "anyway", "long story short", … Kept as data. */
const PIVOT =
  /(?:[,.;!]\s*|\s[-–—]\s*)(?:(?:but|so|ok|okay)\s+)?(?:anyway|anyways|anyhow|long\s+story\s+short|all\s+that\s+to\s+say|that\s+said)\b[\s,:!.–—-]*(?=\S)/i;

/** Readings the whole line may have got wrong. */
const REPLACEABLE = new Set(['question', 'unclear', 'failure']);

/** Longest line read so (characters). */
const MAX_LINE = 400;

/** True for a search or a page opened by its name. */
function isRead(intent: Intent): boolean {
  if (intent.kind === 'operation') return intent.request.operation === 'search';
  return intent.kind === 'page-by-name' && intent.request.operation === 'get';
}

/** The read asked after the turn (see {@link PIVOT}), read by `read`; else `undefined`. */
export function askAfterPivot(
  line: string,
  typed: Intent,
  read: (line: string) => Intent,
): Intent | undefined {
  const text = line.trim();
  if (!REPLACEABLE.has(typed.kind) || text.length > MAX_LINE) return undefined;
  const pivot = PIVOT.exec(text);
  if (!pivot) return undefined;
  const rest = read(text.slice(pivot.index + pivot[0].length));
  return isRead(rest) ? rest : undefined;
}
