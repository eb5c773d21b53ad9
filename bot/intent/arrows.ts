/**
 * Arrows typed in a request line ("→", "->", "=>"). Chat writers use them two ways: pointing at where to
 * look ("salary bands 2025 → HR", "search gdpr → LEGAL"), and joining two things of a topic ("jira →
 * confluence migration notes"). Read as words: "in KEY" for the first, a plain space for the second.
 * Only on a line with no colon or quote, where an arrow may belong to a new page's text.
 */
import { isDepartmentWord } from './space-names.js';
import type { Intent } from './types.js';

/** The arrows read here. Kept as data. */
const ARROW = String.raw`(?:→|⟶|➡️?|->|-->|=>|⇒)`;

/** An arrow, then one word (and "space" maybe) ending the line: where to look. */
const ARROW_TO_SPACE = new RegExp(
  String.raw`${ARROW}\s*(?:the\s+)?(~?[\p{L}][\p{L}\p{N}]{1,30})(?:\s+space)?[\s.!?]*$`,
  'iu',
);

/**
 * An arrow between two words of a longer topic ("jira → confluence migration notes"): they are joined. A
 * word alone after it ("Sam -> Ana") is no topic; it may say what becomes what.
 */
const ARROW_BETWEEN = new RegExp(
  String.raw`(?<=[\p{L}\p{N}])\s*${ARROW}\s*(?=[\p{L}\p{N}]+\s+[\p{L}\p{N}])`,
  'gu',
);

/** A space key typed in capitals ("HR", "OPS", "~jdoe" as a personal key). */
const KEY_IN_CAPITALS = /^(?:~\S+|[A-Z][A-Z0-9]{1,9})$/;

/** True when `word`, after an arrow, says where to look: a key in capitals or a department's word. */
function namesSpace(word: string): boolean {
  return KEY_IN_CAPITALS.test(word) || isDepartmentWord(word);
}

/**
 * `line` with its arrows read as words ("X → HR" → "X in HR", "jira → confluence notes" → "jira
 * confluence notes"), or as it is when it has no arrow, or a colon or quote (page text may follow).
 */
export function arrowsAsWords(line: string): string {
  if (!/[→⟶➡>⇒]/u.test(line) || /[:"“”]/.test(line)) return line;
  const toSpace = ARROW_TO_SPACE.exec(line);
  const word = toSpace?.[1] ?? '';
  const head =
    toSpace && toSpace.index > 0 && namesSpace(word)
      ? `${line.slice(0, toSpace.index).trimEnd()} in ${word}`
      : line;
  return head.replace(ARROW_BETWEEN, ' ');
}

/** Readings an arrow may have spoilt: nothing understood, or a read whose words kept the arrow. */
function spoiltByArrow(intent: Intent): boolean {
  if (intent.kind === 'unclear' || intent.kind === 'failure') return true;
  const words =
    intent.kind === 'operation' && intent.request.operation === 'search'
      ? intent.request.words
      : intent.kind === 'page-by-name' && intent.request.operation === 'get'
        ? intent.request.ref.words
        : '';
  return new RegExp(ARROW, 'u').test(words);
}

/** True for a read: a search, or a page opened. */
function isRead(intent: Intent): boolean {
  return (
    (intent.kind === 'operation' || intent.kind === 'page-by-name') &&
    (intent.request.operation === 'search' || intent.request.operation === 'get')
  );
}

/**
 * The reading of `line` with its arrows read as words (see {@link arrowsAsWords}), when the line as
 * typed read as nothing or kept an arrow in a read's words, and the new line reads as a read; else
 * `undefined`. An arrow in an edit or a new page ("three days -> two days in X") is left to those readers.
 */
export function readingWithArrows(
  line: string,
  intent: Intent,
  read: (line: string) => Intent,
): Intent | undefined {
  if (!spoiltByArrow(intent)) return undefined;
  const plain = arrowsAsWords(line);
  if (plain === line) return undefined;
  const reread = read(plain);
  return isRead(reread) ? reread : undefined;
}
