import { FUNCTION_WORDS, wordSet } from './closed-words.js';
import type { UpdateEdit } from './types.js';
import { withoutWhenAtEnd } from './when-phrase.js';

/**
 * "should" as typed in chat ("shud", "shoud", "shld", "shuld"): in a stated correction it is read after
 * "says …", where the words are kept as typed, so its spellings are read here.
 */
export const SHOULD = '(?:should|shud|shoud|shuld|shld)';

/**
 * A replacement said in words where only text to add was expected: "45 EUR instead of 40 EUR",
 * "Thursday, not Friday", "Friday should be Thursday", "Sam → Ana". Read as a replace only when both
 * texts are short and look like values (a number, a name in capitals, a quoted text, a host or
 * address), so a sentence such as "use Slack instead of email" or "Sam should be on call" stays text
 * to add. Every pattern is anchored, its runs bounded.
 */
const NEW_THEN_OLD =
  /^(.{1,80}?)(?:\s+now)?(?:\s+(?:instead\s+of|rather\s+than|in\s+place\s+of)|,?\s+(?:and\s+)?not)\s+(.{1,80}?)(?:\s+(?:anymore|any\s+more|any\s+longer|now))?[\s.!]*$/i;
const OLD_THEN_NEW = new RegExp(
  String.raw`^(.{1,80}?)\s+(?:(?:${SHOULD}|must|needs\s+to|has\s+to|ought\s+to)\s+(?:now\s+)?(?:be|say|read|become)(?:\s+changed\s+to)?|(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+)?replaced\s+(?:by|with))\s+(.{1,80}?)(?:\s+(?:now|instead))?[\s.!]*$`,
  'i',
);
/** "Sam -> Ana", "make standup 9:30 -> 9:45": an arrow between the texts, a verb of the change before them dropped. */
const ARROW =
  /^(?:(?:make|set|move|change|swap|switch)\s+)?(.{1,80}?)\s*(?:->|→|=>|-->)\s*(.{1,80}?)[\s.!]*$/i;
const NOW_NOT = /^(?:it'?s|it\s+is)\s+(.{1,80}?)\s+now,?\s+not\s+(.{1,80}?)[\s.!]*$/i;
/**
 * "it says recieve, should be receive", "it still has 30 days but it should say 45 days", "it says Ana but it's
 * actually Ben": old text first.
 */
const SAYS_THEN_SHOULD = new RegExp(
  String.raw`^(?:it|that|this|the\s+page)\s+(?:still\s+|currently\s+)?(?:says|has|reads|shows|lists|mentions)\s+(.{1,80}?)(?:\s*[,;.]\s*(?:but\s+)?|\s+but\s+|\s+[-–—]\s*)(?:(?:(?:it|that)\s+)?(?:${SHOULD}|must|needs\s+to)\s+(?:be|say|read)|(?:it'?s|it\s+is|that'?s)\s+actually)\s+(.{1,80}?)[\s.!]*$`,
  'i',
);
/** "(put) 9:45 where it says 9:30": the new text, then where the old one stands. */
const NEW_WHERE_OLD =
  /^(?:(?:put|write|use|say|have)\s+)?(.{1,80}?)\s+(?:where|wherever)\s+it\s+(?:says|said|has|reads|shows)\s+(.{1,80}?)[\s.!]*$/i;
/** "the server is vpn2 not vpn1 now": a thing, then what it is now and what it was. */
const THING_IS_NOT =
  /^(?:the\s+|our\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:is|are)\s+(?:now\s+)?(.{1,80}?)(?:\s+now)?,?\s+(?:and\s+)?not\s+(.{1,80}?)(?:\s+(?:anymore|any\s+more|any\s+longer|now))?[\s.!]*$/i;
/** "25 days is now 27 days", "port 1194 is now 443": a figure, then the figure it is now (both hold a digit). */
const FIGURE_IS_NOW = /^(.{1,80}?)\s+(?:is|are)\s+now\s+(.{1,80}?)[\s.!]*$/i;
/** "it should be 45 EUR, not 40 EUR", "it's Tuesday not Monday": the wish before the new text, dropped. */
const POINTED_WISH =
  /^(?:(?:it|that|this)\s+(?:should|must|needs\s+to|has\s+to|ought\s+to)\s+(?:be|say|read)|(?:should|must)\s+(?:be|say|read)|it'?s|it\s+is|make\s+it|(?:change|set)\s+(?:it|that)\s+to)\s+(?=\S)/i;

/**
 * "…, pls fix", ". please update", "… - fix pls?": asking for the fix after the new text, no part of it (the
 * text is at most 120 characters). Without a courtesy word first, only after a comma, a stop or a dash.
 */
export const ASK_TO_FIX_AT_END =
  /(?:[\s,;.]+(?:pls|plz|please|kindly)\s+|\s*(?:[,;.]|\s[-–—])\s*)(?:fix|change|update|correct|amend)(?:\s+(?:it|that|this))?(?:\s+(?:pls|plz|please))?[\s.!?]*$/i;

/** Most words in either text. */
const MAX_WORDS = 5;
/** A number said in words at the start of a text ("three days", "two approvers"): a figure like "3 days". */
const NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)\s+\S/i;

/** True when `text` holds a figure: a digit, or a number said in words first ("three days"). */
export function hasFigure(text: string): boolean {
  return /\d/.test(text) || NUMBER_WORD.test(text.trim());
}
/** A text that looks like a value: starts with a digit, a capital, a quote or a currency sign, or is a host, address or path. */
const VALUE_LIKE = /^(?:["“‘'«„]|[\p{Lu}\p{N}$€£¥]|\S*[./@:]\S)/u;
/** Words that start a clause, not a value ("It", "We", "Please"). */
const CLAUSE_START = /^(?:it|we|you|they|he|she|i|this|that|there|please|pls|also|and|but|so|then)\b/i;

/** A verb that makes a text a clause ("Ana is on call"), not a value. */
const CLAUSE_VERB =
  /\s(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|do|does|did|gets?|goes)\b/i;

function valueLike(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return (
    words.length <= MAX_WORDS &&
    (VALUE_LIKE.test(text) || NUMBER_WORD.test(text.trim())) &&
    !CLAUSE_START.test(text) &&
    !CLAUSE_VERB.test(text)
  );
}

/** A few words that state nothing ("recieve", "line manager"). */
function fewWords(text: string): boolean {
  return (
    text.trim().split(/\s+/).length <= 3 &&
    !CLAUSE_START.test(text) &&
    !CLAUSE_VERB.test(` ${text}`) &&
    !/^(?:nothing|something|anything|everything|fine|ok|okay|wrong|right)$/i.test(text.trim())
  );
}

function unquote(text: string): string {
  const trimmed = text.trim();
  const quoted = /^["“‘'«„](.+)["”’'»“]$/.exec(trimmed);
  return quoted ? quoted[1]! : trimmed;
}

/**
 * The old text cut to the value the new one replaces, when the new text is a figure and the old one
 * has words before or after its figure ("standup at 9:30" → "9:30" for "9:45", "port 1194" → "1194" for "443",
 * "30 EUR for meals" → "30 EUR" for "35 EUR").
 * Otherwise the old text as given.
 */
export function oldLikeNew(old: string, replacement: string): string {
  const oldWords = old.trim().split(/\s+/);
  const newWords = replacement.trim().split(/\s+/);
  if (oldWords.length <= newWords.length || !/^\S*\d/.test(newWords[0]!)) return old;
  const tail = oldWords.slice(-newWords.length);
  if (/^\S*\d/.test(tail[0]!)) return tail.join(' ');
  // "30 EUR for meals" for "35 EUR": the figure first, then what it is for.
  const head = oldWords.slice(0, newWords.length);
  return /^\S*\d/.test(head[0]!) ? head.join(' ') : old;
}

/** The replace that `markdown` (text read as to be added) states, or `undefined` when it is just text. */
export function statedReplace(markdown: string): UpdateEdit | undefined {
  if (markdown.length > 200 || markdown.includes('\n')) return undefined;
  // "40 EUR should be 45 EUR, please correct": asking for the fix is no part of the new text.
  const trimmed = markdown.trim().replace(ASK_TO_FIX_AT_END, '');
  const wish = POINTED_WISH.exec(trimmed);
  const text = wish && !NOW_NOT.test(trimmed) ? trimmed.slice(wish[0].length) : trimmed;
  const thing = THING_IS_NOT.exec(text);
  // "the server is vpn2 not vpn1": both texts hold a digit or a capital (a figure, a name), not a manner.
  const thingValues = thing && [thing[1]!, thing[2]!].every((part) => /[\d\p{Lu}]/u.test(part));
  const newFirst =
    NEW_WHERE_OLD.exec(text) ?? (thingValues ? thing : null) ?? NEW_THEN_OLD.exec(text) ?? NOW_NOT.exec(text);
  const says = newFirst ? null : SAYS_THEN_SHOULD.exec(text);
  const isNow = FIGURE_IS_NOW.exec(text);
  const figures = isNow && hasFigure(isNow[1]!) && hasFigure(isNow[2]!) ? isNow : null;
  const oldFirst = newFirst ? undefined : (says ?? OLD_THEN_NEW.exec(text) ?? ARROW.exec(text) ?? figures);
  const [found, replaceWith] = newFirst
    ? [newFirst[2]!, newFirst[1]!]
    : oldFirst
      ? [oldFirst[1]!, oldFirst[2]!]
      : ['', ''];
  // "it says Ana on Friday but it should be Ben": a time after the old text (none after the new) says where it stands.
  const find = says && withoutWhenAtEnd(replaceWith) === replaceWith ? withoutWhenAtEnd(found) : found;
  // "it says recieve, should be receive": the form says what is old and new; lower-case words will do.
  const fits = says || thingValues ? (part: string) => valueLike(part) || fewWords(part) : valueLike;
  const to = unquote(replaceWith);
  const from = oldLikeNew(unquote(find), to);
  // "standup 9:30 -> 9:45": a few words naming the thing before the old figure, cut to the figure replaced.
  const thingThenFigure = from !== unquote(find) && fewWords(find) && valueLike(from);
  if (!(fits(find) || thingThenFigure) || !fits(replaceWith)) return undefined;
  return from.length > 0 && to.length > 0 && from !== to
    ? { kind: 'replace', find: from, replaceWith: to }
    : undefined;
}

/** "jest should be vitest", "friday should say thursday": one word, then the one word it should be instead. */
const WORD_SHOULD_BE_WORD = new RegExp(
  String.raw`^([\p{L}\p{N}][\p{L}\p{N}.+#-]{0,40})\s+(?:${SHOULD}|must|needs\s+to)\s+(?:be|say|read|become)\s+([\p{L}\p{N}][\p{L}\p{N}.+#-]{0,40}?)[\s.!]*$`,
  'iu',
);
/**
 * Words that say how something is, not what it is called ("off", "optional", "faster"): "Bob should be off"
 * states a fact to add, it names no word to put in another's place. Kept as data.
 */
const STATE_WORDS = wordSet(
  'off on out in up down away back free busy fine good bad better worse best worst done gone here there home ' +
    'available unavailable optional required mandatory allowed forbidden banned public private open closed shut ' +
    'enabled disabled active inactive live dead low high lower higher faster slower shorter longer bigger smaller ' +
    'earlier later sooner first last next same different ready late early empty full clear correct wrong true false ' +
    'yes none nobody everyone everybody someone anyone something anything nothing everything more less fewer enough',
);

/** A word that names a thing (a tool, a day, a name), not how something is: no function or state word, no -ed/-ing/-ly form. */
function isNamingWord(word: string): boolean {
  const lower = word.toLowerCase();
  return !FUNCTION_WORDS.has(lower) && !STATE_WORDS.has(lower) && !/(?:ed|ing|ly)$/.test(lower);
}

/**
 * The replace of "jest should be vitest" said right after a page ("testing strategy - jest should be vitest"):
 * one naming word in the place of another. `undefined` for anything else ("Bob should be off" is a fact to
 * add; longer texts are read by {@link statedReplace}).
 */
export function statedWordSwap(text: string): UpdateEdit | undefined {
  const match = WORD_SHOULD_BE_WORD.exec(text.trim());
  if (!match || !isNamingWord(match[1]!) || !isNamingWord(match[2]!)) return undefined;
  // "memory should be 4GB": a figure for a word says how much, it puts no word in another's place.
  if (/\d/.test(match[1]!) !== /\d/.test(match[2]!)) return undefined;
  return match[1]!.toLowerCase() === match[2]!.toLowerCase()
    ? undefined
    : { kind: 'replace', find: match[1]!, replaceWith: match[2]! };
}
