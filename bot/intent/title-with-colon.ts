import { wordSet } from './closed-words.js';
import { acceptSpaceWord, readNameBeforeText, readSpaceName } from './space-key.js';
import { TextCursor } from './text-cursor.js';

/*
 * "a page called Runbook: Certificate Renewal in OPS with: …": an unquoted title may hold a colon
 * ("Runbook: …", "FAQ: Expenses", "Meeting Notes: Contoso"). The colon is the title's, not the start of
 * the page's text, when the words after it run into the page's space and the text only starts after
 * that space. The title is then put in quotes, so the create grammar reads it whole. Bounded work: one
 * colon, a few space clauses, each a sticky match.
 */

/**
 * Where the title starts: after a naming word, else right after the page noun or the verb ("create
 * How-to: Reset MFA in OPS") when the title starts in capitals or with a digit ("new page pls: X" has
 * none). Bounded lazy run.
 */
const TITLE_START =
  /^[^"“\n:]{0,80}?\b(?:called|titled|named|entitled)\s+|^(?:(?:an?|one|the)\s+)?(?:new\s+)?(?:page|pg|doc|document)\s+|^/i;
/** A title right after the page noun starts in capitals or with a digit, and is no courtesy ("Pls: X"). */
const CAPITAL_OR_DIGIT = /^[\p{Lu}\p{N}]/u;
const COURTESY_FIRST = /^(?:please|pls|plz)\b/i;
/** Most characters of a title on either side of its colon. */
const MAX_TITLE_PART = 120;
/** Most space clauses tried after the colon. */
const MAX_CLAUSE_TRIES = 4;
/** Words before the colon that say the page's text comes, or the page's space was already given. */
const NOT_A_TITLE_HEAD =
  /(?:^|\s)(?:in|on|into|inside|within)\s|["“”]|\b(?:with|w\/|saying|says|text|content|contents|body|put|write)\s*$/i;
/** Where a space clause may start after the colon. */
const CLAUSE_AT = /\s(?=(?:in|on|into|to)\s)/gi;
/**
 * A space by its key: typed in capitals ("in OPS"), said to be a space ("in the ops space"), or a
 * short lower-case key after "in" ("in ops"), as chat types it.
 */
const KEY_CLAUSE =
  /\s*(?:(?:in|on|into|to)\s+(?:the\s+)?(?:space\s+)?~?[A-Z][A-Z0-9]{1,9}(?:\s+space)?|(?:in|on|into|to)\s+(?:the\s+)?[A-Za-z][A-Za-z0-9]{1,9}\s+space|in\s+([a-z]{2,6}))(?![\w~&])/y;
/** What follows the space when the text starts after it: punctuation, the end, or a word that brings the text. */
const TEXT_AFTER_SPACE =
  /\s*(?:[?.!,;:]|$)|\s+(?:with|w\/|saying|that\s+says|which\s+says|containing|please|pls|plz|[-–—]\s)/iy;

/** The end of a space clause at `from` followed by the start of the text, or `undefined`. */
function spaceThenText(text: string, from: number): number | undefined {
  const cursor = new TextCursor(text);
  cursor.pos = from;
  const named = readSpaceName(cursor) ?? readNameBeforeText(cursor);
  if (named === undefined) {
    const clause = cursor.take(KEY_CLAUSE);
    // "in ops" as chat types it, but not "in time", "in it" (see `acceptSpaceWord`).
    if (!clause || (clause[1] !== undefined && acceptSpaceWord(clause[1], false) === undefined))
      return undefined;
  }
  return cursor.peek(TEXT_AFTER_SPACE) ? cursor.pos : undefined;
}

/**
 * The create's words with an unquoted title that holds a colon put in quotes ("page called Runbook:
 * Certificate Renewal in OPS?" → "page called "Runbook: Certificate Renewal" in OPS?"), or the words
 * unchanged. Only when no space was named before the colon, and a space clause follows the words after it.
 */
export function quoteTitleWithColon(text: string): string {
  const quoted = quoteTitleBeforeSpace(text);
  return quoted === text ? quoteKindThenSubject(text) : quoted;
}

/**
 * "… in OPS named Runbook: DNS with: check resolvers": after a naming word, a kind of page, its colon,
 * a few capitalised words, then "with:" or a second colon (see {@link TWO_COLONS}): the first colon is
 * the title's, which is put in quotes. One anchored match.
 */
function quoteKindThenSubject(text: string): string {
  const start = TITLE_START.exec(text);
  if (!start || !/(?:called|titled|named|entitled)\s+$/i.test(start[0])) return text;
  const titleStart = start[0].length;
  const title = colonTitle(TWO_COLONS.exec(text.slice(titleStart, titleStart + MAX_TITLE_PART * 2)));
  return title
    ? `${text.slice(0, titleStart)}"${title.page}": ${text.slice(titleStart + title.textStart)}`
    : text;
}

/** The title quoted when a space clause follows the words after its colon (see {@link quoteTitleWithColon}). */
function quoteTitleBeforeSpace(text: string): string {
  const start = TITLE_START.exec(text);
  if (!start) return text;
  const titleStart = start[0].length;
  const named = /(?:called|titled|named|entitled)\s+$/i.test(start[0]);
  const first = text.slice(titleStart, titleStart + 8);
  if (!named && (COURTESY_FIRST.test(first) || !CAPITAL_OR_DIGIT.test(first))) return text;
  const colon = text.indexOf(':', titleStart);
  if (colon <= titleStart || colon - titleStart > MAX_TITLE_PART) return text;
  if (NOT_A_TITLE_HEAD.test(text.slice(titleStart, colon))) return text;
  const tail = text.slice(0, colon + 1 + MAX_TITLE_PART);
  CLAUSE_AT.lastIndex = colon + 1;
  let tries = 0;
  for (let at = CLAUSE_AT.exec(tail); at && tries < MAX_CLAUSE_TRIES; at = CLAUSE_AT.exec(tail)) {
    tries += 1;
    const title = text.slice(titleStart, at.index).trim();
    // A second colon, a quote or a comma before the space: the words are no one title ("pls: Office Keys, in OPS").
    if (/["“”\n:]/.test(text.slice(colon + 1, at.index)) || /[,;]$/.test(title)) return text;
    if (spaceThenText(text, at.index) !== undefined)
      return `${text.slice(0, titleStart)}"${title}"${text.slice(at.index)}`;
  }
  return text;
}

/**
 * The last word before a title's own colon in titles that are a kind of page then its subject
 * ("Runbook: Kafka Consumer Lag", "Customer Meeting Notes: Contoso", "FAQ: Expenses"). Data: extend freely.
 */
const COLON_TITLE_HEADS = wordSet(
  // Page kinds only: "Sprint Review: Demo: …" or "Team Rituals: Retro: …" are a page, then a labelled line.
  'runbook runbooks notes minutes faq how-to howto adr rfc postmortem post-mortem spec proposal',
);
/**
 * A colon title's subject after its colon: one to six capitalised words, small lower-case words between
 * them ("Elevated 5xx at the Gateway"), then an optional page noun. Bounded runs with no colon inside them.
 */
const SUBJECT = String.raw`[A-Z0-9][\w&'-]*(?:\s+(?:(?:at|the|of|for|and|in|on|to|a|an|with)\s+){0,2}[A-Z0-9][\w&'-]*){0,5}(?:\s+(?:page|doc))?`;
/**
 * Page words, a colon, the title's subject (see {@link SUBJECT}), then a second colon (or "with:") before
 * the text. One pass.
 */
const TWO_COLONS = new RegExp(String.raw`^([^:\n]{1,80}):\s+(${SUBJECT})(?:\s+with)?\s*:\s*(?=\S)`);

/**
 * "append to Customer Meeting Notes: Contoso: next call in May": when the words before the first colon
 * end in a kind of page ({@link COLON_TITLE_HEADS}) and a second colon follows a few capitalised words,
 * the first colon is the title's and the text starts after the second. Returns the page's words and
 * where the text starts, or `undefined` (then the first colon starts the text, as before).
 */
export function titleBeforeSecondColon(text: string): { page: string; textStart: number } | undefined {
  return colonTitle(TWO_COLONS.exec(text));
}

/** A title with a colon matched by `match` (words before it, words after it), when the words before end in a kind of page. */
function colonTitle(match: RegExpExecArray | null): { page: string; textStart: number } | undefined {
  if (!match) return undefined;
  const head = match[1]!.trim().split(/\s+/).pop()?.toLowerCase() ?? '';
  if (!COLON_TITLE_HEADS.has(head)) return undefined;
  return { page: `${match[1]!}: ${match[2]!}`, textStart: match[0].length };
}

/**
 * The same title, then "that", "saying" or a spaced dash before the text ("add in Customer Meeting Notes:
 * Contoso that they want SSO", "… Notes: Contoso - renewal in May"): one to six capitalised words after the
 * colon, small words between them. Bounded runs with no colon inside them: one pass.
 */
const COLON_TITLE_THEN_THAT = new RegExp(
  String.raw`^([^:\n]{1,80}):\s+(${SUBJECT})(?:\s+(?:that|saying|stating)(?:\s*:)?|\s+[-–—])\s+(?=\S)`,
);

/**
 * "add in Customer Meeting Notes: Contoso that they want SSO": when the words before the colon end in a kind
 * of page ({@link COLON_TITLE_HEADS}) and "that", "saying" or a dash follows a few capitalised words, the colon
 * is the title's and the text starts after that word. Returns the page's words and where the text starts.
 */
export function titleBeforeThat(text: string): { page: string; textStart: number } | undefined {
  return colonTitle(COLON_TITLE_THEN_THAT.exec(text));
}

/** The subject right after a colon (see {@link SUBJECT}), then the end of the line or a break. Sticky. */
const SUBJECT_AFTER_COLON = new RegExp(String.raw`:\s+(${SUBJECT})(?=\s*(?:[,.!?;)\-–—]|$)|\s+[a-z])`, 'y');
/** Most characters before a colon looked at for the page kind that ends them. */
const MAX_HEAD_BEFORE_COLON = 80;

/**
 * Where a title that holds the colon at `colon` ends ("I need to read the Runbook: Kafka Consumer Lag, please
 * open it", "update Runbook: Elevated 5xx at the Gateway"): when the words before the colon end in a kind of
 * page ({@link COLON_TITLE_HEADS}) and a subject in capitals follows it, the index just past that subject;
 * else `undefined` (the colon ends the words before it, as before). One sticky match.
 */
export function colonTitleEnd(text: string, colon: number): number | undefined {
  const head = text.slice(Math.max(0, colon - MAX_HEAD_BEFORE_COLON), colon).trimEnd();
  const word = /[\w-]+$/.exec(head)?.[0].toLowerCase() ?? '';
  if (!COLON_TITLE_HEADS.has(word)) return undefined;
  SUBJECT_AFTER_COLON.lastIndex = colon;
  const subject = SUBJECT_AFTER_COLON.exec(text);
  return subject ? colon + subject[0].length : undefined;
}
