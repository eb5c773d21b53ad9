/**
 * A page to open with its space said apart from its name: first, as a label ("ENG - open release notes
 * 2025.02", "HR: show paid time off", "In Engineering, could you bring up the Testing Strategy page?"),
 * or after it, as an aside ("I want to see page team rituals, it is in engineering", "open the rota, it
 * should be in IT & Operations"). The label or the aside says where the page is, so the page is opened
 * in that space. Only a page read with no space of its own is changed, and only when the space is a key
 * in capitals, a name said with "space" or "wiki", a department's word, or (after "in") a name of words in
 * capitals joined by "&" or "and"; "for the record - open X", "in general, open X" name no space.
 */
import { isDepartmentWord } from './space-names.js';
import { CAPITALS_NOT_A_SPACE } from './space-phrase.js';
import type { Intent } from './types.js';

/**
 * The label: "in"/"from"/"over in" maybe, the space in up to four words, "space"/"wiki" maybe, then a
 * comma, colon or spaced dash. Group 1 the preposition, group 2 the space's words, group 3 the marker.
 */
const SPACE_LABEL =
  /^(?:(in|from|within|inside|over\s+in)\s+)?(?:the\s+|our\s+)?((?:[\p{L}&][\p{L}&'’-]{0,30}\s+){0,3}?[\p{L}~&][\p{L}\p{N}&'’-]{0,30})(?:\s+(space|wiki))?\s*(?:[,:]|\s[-–—])\s+(?=\S)/iu;

/** "ENG api style guide open": a key in capitals, the name, then a verb that opens, with no break. */
const KEY_THEN_NAME_THEN_VERB =
  /^(~?[A-Z][A-Z0-9]{1,9})\s+(?=\S.{0,120}\s(?:open|show|pull\s+up|bring\s+up)(?:\s+(?:pls|please|plz))?[\s.!]*$)/u;

/** "eng api style guide open" typed all in lower case: only a department's short form (never a title's first word such as "sales"). */
const ABBREVIATION_THEN_NAME_THEN_VERB =
  /^(eng|hr|ops)\s+(?=\S.{0,120}\s(?:open|show|pull\s+up|bring\s+up)(?:\s+(?:pls|please|plz))?[\s.!]*$)/u;

/**
 * The aside after the name: a break, "it's"/"it is"/"should be"/"which is" maybe with a hedge, "in"/"on",
 * then the space (group 1 a key or name said with "space"/"wiki", group 2 one word, group 3 words in
 * capitals joined by "&" or "and"). Without a break only after "which is"/"that is" ("… page which is in Engineering").
 */
const SPACE_ASIDE =
  /(?:[,;]\s*|\s[-–—]\s+|\s(?=(?:which|that)\s+is\s))(?:(?:i\s+think|probably|maybe|pretty\s+sure)\s+)?(?:it'?s|its|it\s+is|(?:it\s+)?(?:should|might|could|may|would|must)\s+be|which\s+is|that\s+is|it\s+lives)\s+(?:probably\s+|somewhere\s+)?(?:in|on|under|inside)\s+(?:the\s+)?(?:((?:[\p{L}&]+\s+){0,3}?[\p{L}&]+\s+(?:space|wiki)|~?[A-Z][A-Z0-9]{1,9})|(\p{L}{2,15})|(\p{Lu}[\p{L}]{0,20}\s+(?:&|and)\s+\p{Lu}[\p{L}]{0,20}))(?:\s+(?:i\s+think|space))?[\s.!?]*$/iu;

/** Chat typed in capitals before a break ("FYI - open X", "PS: …", "HEY, …"): never a space. Kept as data. */
const CHAT_CAPITALS: ReadonlySet<string> = new Set([
  ...CAPITALS_NOT_A_SPACE,
  'PS',
  'NB',
  'HI',
  'HEY',
  'HELLO',
  'YO',
  'RE',
  'ATTN',
  'PSA',
  'TBH',
  'IMO',
  'FWIW',
  'TODO',
  'Q',
]);

/** A key as typed: capitals, maybe "~" for a person's space. */
const KEY = /^~?[A-Z][A-Z0-9]{1,9}$/;

/** Longest line read (characters): labels and asides come with short requests. */
const MAX_LINE = 400;

/** The page a reading opens by name, with no space of its own, or `undefined`. */
function spacelessPage(intent: Intent): string | undefined {
  if (intent.kind !== 'page-by-name' || intent.request.operation !== 'get') return undefined;
  const ref = intent.request.ref;
  return ref.spaceKey === undefined ? ref.words : undefined;
}

/**
 * The same page opened in `space` ("ENG", "the engineering space"), when the reader reads it so: with a
 * key, or with the space phrase kept after the name for the space directory to read ("… in the IT &
 * Operations space"); else `undefined`.
 */
function openedIn(words: string, space: string, read: (line: string) => Intent): Intent | undefined {
  const spaced = read(`open ${words} in ${space}`);
  if (spaced.kind !== 'page-by-name' || spaced.request.operation !== 'get') return undefined;
  const ref = spaced.request.ref;
  return ref.spaceKey !== undefined || ref.words.toLowerCase().endsWith(` in ${space.toLowerCase()}`)
    ? spaced
    : undefined;
}

/** How a space said in words is said to the reader: a key as typed, else "the <name> space". */
function spacePhrase(name: string, marker: string | undefined): string {
  return KEY.test(name) ? name : `the ${name} ${marker ?? 'space'}`;
}

/** The page of a line that says its space first (see {@link SPACE_LABEL}, {@link KEY_THEN_NAME_THEN_VERB}), or `undefined`. */
function pageAfterLabel(
  line: string,
  own: string | undefined,
  read: (line: string) => Intent,
): Intent | undefined {
  const label = SPACE_LABEL.exec(line);
  if (label) {
    const name = label[2]!;
    const department = !/\s/.test(name) && isDepartmentWord(name);
    // "HEY, CAN YOU OPEN …": in a line typed all in capitals, capitals say nothing of a key.
    const typedAsKey = KEY.test(name) && /\p{Ll}/u.test(line) && !CHAT_CAPITALS.has(name);
    const said = label[3] !== undefined || typedAsKey || department;
    // "People & HR space: the parental leave policy" read as "… in People & HR space": the space kept for the directory.
    const kept = own?.toLowerCase();
    const spaceKept =
      kept?.includes(`${name.toLowerCase()} space`) || kept?.endsWith(` ${name.toLowerCase()}`);
    if (!said || spaceKept) return undefined;
    const words = spacelessPage(read(line.slice(label[0].length)));
    return words === undefined ? undefined : openedIn(words, spacePhrase(name, label[3]), read);
  }
  const key = KEY_THEN_NAME_THEN_VERB.exec(line) ?? ABBREVIATION_THEN_NAME_THEN_VERB.exec(line);
  if (!key || CHAT_CAPITALS.has(key[1]!)) return undefined;
  const rest = line
    .slice(key[0].length)
    .replace(/\s+(?:open|show|pull\s+up|bring\s+up)(?:\s+(?:pls|please|plz))?[\s.!]*$/i, '');
  const words = spacelessPage(read(`open ${rest}`));
  return words === undefined ? undefined : openedIn(words, key[1]!.toUpperCase(), read);
}

/** The page of a line that says its space after the name (see {@link SPACE_ASIDE}), or `undefined`. */
function pageBeforeAside(line: string, read: (line: string) => Intent): Intent | undefined {
  const aside = SPACE_ASIDE.exec(line);
  if (!aside || aside.index === 0) return undefined;
  const word = aside[2];
  if (word !== undefined && !isDepartmentWord(word)) return undefined;
  // "it is in progress", "in the drawer": without "space" or "wiki", only a key typed in capitals names a space.
  const marked = aside[1];
  if (marked !== undefined && !/\s(?:space|wiki)$/i.test(marked) && !KEY.test(marked)) return undefined;
  const words = spacelessPage(read(line.slice(0, aside.index)));
  if (words === undefined) return undefined;
  const space = aside[1] ?? aside[3] ?? word!;
  const phrase = /\s(?:space|wiki)$/i.test(space) ? `the ${space}` : spacePhrase(space, undefined);
  return openedIn(words, phrase, read);
}

/**
 * The page of `line` opened in the space said apart from its name (see the module comment), or
 * `undefined`. `typed` is the line's own reading: only a page opened with no space, or nothing
 * understood, is replaced. A few anchored patterns on a bounded line, and at most three readings.
 */
export function pageInSpaceSaidApart(
  line: string,
  typed: Intent,
  read: (line: string) => Intent,
): Intent | undefined {
  const own = spacelessPage(typed);
  const replaceable =
    own !== undefined ||
    typed.kind === 'unclear' ||
    typed.kind === 'failure' ||
    (typed.kind === 'operation' && typed.request.operation === 'search');
  // "*ENG api style guide open*": Slack's bold or italics around the whole line say nothing.
  // "- ENG - open X": nor does a bullet before it.
  const text = line
    .trim()
    .replace(/^[-•·]\s+/, '')
    .replace(/^[*_]{1,2}(?=\S)|(?<=\S)[*_]{1,2}$/g, '');
  if (!replaceable || text.length > MAX_LINE) return undefined;
  return pageAfterLabel(text, own, read) ?? pageBeforeAside(text, read);
}
