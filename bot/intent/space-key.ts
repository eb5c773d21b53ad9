import { normalizeSpaceKey } from '../policy/space-keys.js';
import { COMMON_NAME_WORDS, isDepartmentWord } from './space-names.js';
import type { TextCursor } from './text-cursor.js';
import { WEEKDAYS } from './weekdays.js';

/** The months and their short forms, as people type them after "from" / "in" ("notes from march"). */
const MONTHS: readonly string[] = (
  'january february march april may june july august september october november december ' +
  'jan feb mar apr jun jul aug sep sept oct nov dec'
).split(' ');

/**
 * Lower-case words that follow "in"/"on" in ordinary sentences and are never taken as a space key
 * unless the user says "space" ("search onboarding in it" searches everywhere; "in IT" or "in
 * space it" picks the IT space).
 */
const NOT_A_KEY = new Set([
  ...(
    'a an the my our your his her their its this that these those it here there me us them you all any some ' +
    'one two order case use time general detail full short total fact place line team teams chat wiki docs doc ' +
    'page pages space spaces mind part front back touch sync print draft review english french german spanish ' +
    'bulk future past future theory person public private advance brief common effect charge favor force ' +
    'confluence jira slack sharepoint email mail office house store stock town hand turn progress ' +
    // platforms and places people name after "on" / "in" ("vpn on linux", "docker on mac", "outlook on mobile")
    'linux mac macos osx ios ipad iphone ubuntu debian chrome safari mobile phone web laptop ' +
    // when, after "from" / "in" ("notes from march", "the offsite in may", "review in q1"), and where code runs ("errors on prod")
    'today week month year summer winter spring autumn fall q1 q2 q3 q4 h1 h2 ' +
    'prod staging dev qa uat test beta ' +
    // where a page is shown ("throw up the X on screen")
    'screen tv projector monitor display ' +
    // where a result sat in a list ("second from the bottom", "the one from the top")
    'top bottom list end results'
  ).split(' '),
  ...MONTHS,
  ...WEEKDAYS,
  ...WEEKDAYS.map((day) => day.slice(0, 3)),
]);

/**
 * Words that name a new page's parts or join them, never a space even after "space" ("… the HR space
 * titled Benefits" had read the space "TITLED").
 */
const NEVER_A_KEY = new Set(
  (
    'called named titled entitled title name text content contents body with and please pls plz ' +
    // "in my space", "in my personal space": whose space, never its key (a personal key starts with "~")
    'my your our his her their own personal private'
  ).split(' '),
);

/** The canonical form of a space key: the policy layer's own rule, so parsing and checking never disagree. */
export { normalizeSpaceKey } from '../policy/space-keys.js';

/**
 * Decides whether a word after "in"/"on" names a space. Upper-case words (`ENG`, `HR2`) and personal
 * keys always do; other words only when the user said "space" (`explicit`) or when they are short (2–6
 * characters), contain a letter and are not a common English word.
 */
export function acceptSpaceWord(word: string, explicit: boolean): string | undefined {
  const key = normalizeSpaceKey(word);
  if (key === undefined || NEVER_A_KEY.has(word.toLowerCase())) return undefined;
  if (explicit || word.startsWith('~')) return key;
  if (/[A-Z]/.test(word) && !/[a-z]/.test(word)) return key;
  if (!/[a-z]/i.test(word) || word.length < 2 || word.length > 6) return undefined;
  if (/[a-z]/.test(word) && /[A-Z]/.test(word.slice(1))) return undefined;
  return NOT_A_KEY.has(word.toLowerCase()) ? undefined : key;
}

const SPACE_CLAUSE =
  /\s*(?:in|on|from|at|inside|within|to|into|for(?=\s+(?:the\s+)?(?:space\b|~?[A-Za-z0-9]{1,30}\s+space\b)))\s+(?:the\s+)?(?:(space)\s*:?\s*)?(~?[A-Za-z0-9]{1,254})(?:\s+(space)\b)?(?![\w~])[.!]?/iy;

/**
 * Reads `in SPACE` / `in space eng` / `in the ENG space` at the cursor and returns the canonical key,
 * moving past it; leaves the cursor alone and returns `undefined` when there is no such clause.
 * `allowed` limits the prepositions (default: in, on, from, inside, within).
 */
export function readSpaceClause(
  cursor: TextCursor,
  allowed: readonly string[] = ['in', 'on', 'from', 'inside', 'within'],
): string | undefined {
  const start = cursor.pos;
  const match = cursor.take(SPACE_CLAUSE);
  if (!match) return undefined;
  const preposition = match[0].trim().split(/\s+/)[0]!.toLowerCase();
  const key = allowed.includes(preposition)
    ? acceptSpaceWord(match[2] ?? '', match[1] !== undefined || match[3] !== undefined)
    : undefined;
  if (key === undefined) cursor.pos = start;
  return key;
}

/**
 * "of LEGAL", "of the Legal space" (non-native, after a quoted title): whose page it is, only as a key typed
 * in capitals or a name said to be a space ("the Code of Conduct of the company" names none).
 */
const OF_SPACE_CLAUSE =
  /\s*of\s+(?:the\s+)?(?:(~?[A-Z][A-Z0-9]{1,9})(?:\s+space)?|([\p{L}\p{N}]{2,30})\s+space)(?![\p{L}\p{N}~])[.!]?/uy;

/** Reads `of KEY` / `of the X space` at the cursor (see {@link OF_SPACE_CLAUSE}) and returns the key, or `undefined` and the cursor unmoved. */
export function readOfSpaceClause(cursor: TextCursor): string | undefined {
  const start = cursor.pos;
  const match = cursor.take(OF_SPACE_CLAUSE);
  const key = match ? acceptSpaceWord(match[1] ?? match[2] ?? '', match[2] !== undefined) : undefined;
  if (key === undefined) cursor.pos = start;
  return key;
}

/** "HR's space", "OPS's wiki": a space key in capitals, possessive, then "space" or "wiki". */
const KEY_POSSESSIVE = /(^|\s)(~?[A-Z][A-Z0-9]{1,9})['’]s\s+(?:space|wiki)\b/g;

/**
 * The command words with a possessive space key read as "KEY space" ("a page in HR's space" → "a
 * page in HR space"), so every space clause reads it. Only before the first colon or quote: after
 * it the words may be page text. Space names in words ("the People space") are resolved later,
 * against the space directory (see space-names.ts).
 */
export function plainSpaceKeys(line: string): string {
  const cut = line.search(/[:"“‘«„]/);
  const head = cut < 0 ? line : line.slice(0, cut);
  return (
    head.replace(KEY_POSSESSIVE, '$1$2 space').replace(KEY_IN_MARKS, '$1$3') +
    (cut < 0 ? '' : line.slice(cut))
  );
}

/** A space key in Slack's marks or single quotes after "in", "to" or "from" ("in `HR`", "in *ENG*", "in 'HR'"): the key, without them. */
const KEY_IN_MARKS =
  /(\b(?:in|into|to|on|from|within|inside)\s+(?:the\s+)?)(`|\*{1,2}|_{1,2}|'|‘)(~?[A-Z][A-Z0-9]{1,9})(?:\2|’)(?![\p{L}\p{N}])/gu;

/** "under the": a new page's space named in words after "under" ("under the Engineering space"). */
export const UNDER_NAME_START = /\s*under\s+(?:(?:the|our)\s+)?/iy;
/** "in the", "into our": the start of a space named in words. */
const NAME_CLAUSE_START = /\s*(?:in|on|inside|within|to|into)\s+(?:(?:the|our)\s+)?/iy;
/** One word of a space's name ("People", "&", "R&D"), then the spaces before the next. */
const NAME_WORD = /([\p{L}\p{N}&][\p{L}\p{N}&'’-]{0,40})(?![\p{L}\p{N}&'’-])/uy;
const BETWEEN_WORDS = /\s+/y;
/** Most words a space's name may have here ("Research & Development Lab"). */
const MAX_NAME_WORDS = 5;
/**
 * "in IT & Operations", "into People and HR", "under IT/Ops" (after "under", one word a department's
 * usual name), "in it & operations": a name of two capitalised
 * words joined by "&", "and" or "/" (or any two words joined by "&") is a space's whole name even
 * without "space" ("Visitor Policy in IT & Operations with: …"; "in IT" alone is a key).
 */
const JOINED_NAME =
  /\s*(?:in|on|inside|within|to|into|under)\s+(?:the\s+)?(?:([A-Z][\p{L}]{0,30})(?:\s+(?:&|and)\s+|\s*\/\s*)([A-Z][\p{L}]{0,30})|(\p{L}{2,30})\s*&\s*(\p{L}{2,30}))(?![\p{L}\p{N}&])(?:\s+(?:space|wiki)\b)?/uy;
/**
 * "in IT Ops: …", "in People Ops with …": two capitalised words right before a new page's text (a
 * colon, "with", "saying") are a space's name, the first often its key.
 */
const PAIR_BEFORE_TEXT =
  /\s*(?:in|inside|within|into)\s+(?:the\s+)?([A-Z][\p{L}]{1,30})\s+([A-Z][\p{L}]{1,30})(?=\s*[,.;?!]?\s*(?::|(?:with|saying|containing)\b|w\/))/uy;

/** The key candidate of a space's name: its longest distinctive word, upper-cased ("OPERATIONS"). */
function distinctiveKey(words: readonly string[]): string | undefined {
  // "the sales team's space", "Jane Doe's space": the possessive ending is no part of the name's words.
  const candidate = words
    .map((w) => w.replace(/['’]s$/i, ''))
    .filter((w) => w !== '&' && !COMMON_NAME_WORDS.has(w.toLowerCase()))
    .reduce((longest, w) => (w.length > longest.length ? w : longest), '');
  return normalizeSpaceKey(candidate.replace(/['’-]/g, ''));
}

/**
 * "in the People & HR space", "into the Engineering wiki": a space named in words,
 * then "space" or "wiki". Returns a key candidate, the name's longest distinctive word upper-cased
 * ("PEOPLE", "OPERATIONS"), which the space directory maps to the space whose name it is (see
 * `nameSpaces`); a name outside the directory stays as read and fails closed. Moves past the clause, or leaves the cursor alone. Reads a bounded
 * number of words, one sticky match each.
 */
export function readSpaceName(
  cursor: TextCursor,
  clauseStart: RegExp = NAME_CLAUSE_START,
): string | undefined {
  const start = cursor.pos;
  const joined = cursor.take(JOINED_NAME) ?? cursor.take(PAIR_BEFORE_TEXT);
  if (joined) {
    const pair = [joined[1] ?? joined[3]!, joined[2] ?? joined[4]!];
    // "under Benefits & Perks" names a parent page: after "under", a department's usual name must be there.
    const parentLike = /^\s*under\s/i.test(joined[0]) && !pair.some(isDepartmentWord);
    const key = parentLike ? undefined : distinctiveKey(pair);
    if (key !== undefined) return key;
    cursor.pos = start;
  }
  const words: string[] = [];
  if (cursor.take(clauseStart)) {
    for (let i = 0; i <= MAX_NAME_WORDS; i += 1) {
      const word = cursor.take(NAME_WORD)?.[1];
      if (word === undefined) break;
      if (/^(?:space|wiki)$/i.test(word) && words.length >= 1) {
        const key = distinctiveKey(words);
        if (key !== undefined) return key;
        break;
      }
      words.push(word);
      if (!cursor.take(BETWEEN_WORDS)) break;
    }
  }
  cursor.pos = start;
  return undefined;
}

/** True when `word` may name a space in words: no ordinary word ("general", "monday") and a possible key. */
export function isSpaceNameWord(word: string): boolean {
  return !NOT_A_KEY.has(word.toLowerCase()) && acceptSpaceWord(word, true) !== undefined;
}

/**
 * "… called Team Charter in Engineering with: …", "… named X under Engineering with the following:": one
 * capitalised word (or a lower-case one of four letters or more) after "in" (after "under", a
 * department's usual name: see `isDepartmentWord`), with a new page's text brought right after it (a colon, "with",
 * "saying"), is a space named in words.
 */
const NAME_BEFORE_TEXT =
  /\s*(in|inside|within|into|under)\s+(?:the\s+)?([A-Z][a-z]{2,30}|[a-z]{4,30})(?=\s*[,.;?!]?\s*(?::|(?:with|saying|containing)\b|w\/|that\s+says\b))/y;

/**
 * Reads a space named by one capitalised word before a new page's text (see {@link NAME_BEFORE_TEXT})
 * and returns its key candidate ("ENGINEERING"), which the space directory maps to its key later (a
 * name of no space fails closed). Moves past the name, or leaves the cursor alone.
 */
export function readNameBeforeText(cursor: TextCursor): string | undefined {
  const start = cursor.pos;
  const match = cursor.take(NAME_BEFORE_TEXT);
  // "in engineering with: …" as typed in lower case, unless an ordinary word ("in detail with: …").
  const word = match?.[2] ?? '';
  // "under Onboarding with: …" names a parent page: after "under", only a department's usual name is a space.
  const ordinary =
    (/^[a-z]/.test(word) && NOT_A_KEY.has(word)) ||
    (/^under$/i.test(match?.[1] ?? '') && !isDepartmentWord(word));
  const key = match && !ordinary ? acceptSpaceWord(word, true) : undefined;
  if (key === undefined) cursor.pos = start;
  return key;
}

/**
 * "In Engineering, …", "under sales - …", "Under HR, …": one word after "in" or "under" opening a
 * line, then a comma, a colon, a spaced dash or the ask ("in ops can you …"). The word is a key or a
 * space named in words (read as its key candidate, which the directory maps later); an ordinary word
 * ("In general, …", "On Monday, …") is none.
 */
const NAME_FIRST =
  /(?:over\s+)?(?:in|on|inside|within|into|under)\s+(?:the\s+)?(~?\p{L}[\p{L}\p{N}]{1,30})(?:\s+(?:space|wiki))?(?=\s*(?:[,:;]|\s[-–—]|\s(?:please|pls|plz|kindly|can|could|would|create|make)\s))/iuy;

/**
 * Reads a space said first as one word (see {@link NAME_FIRST}) and returns its key or key candidate,
 * moving past it; leaves the cursor alone and returns `undefined` otherwise.
 */
export function readNameFirst(cursor: TextCursor): string | undefined {
  const start = cursor.pos;
  const word = cursor.take(NAME_FIRST)?.[1];
  const key =
    word === undefined || NOT_A_KEY.has(word.toLowerCase()) ? undefined : acceptSpaceWord(word, true);
  if (key === undefined) cursor.pos = start;
  return key;
}
