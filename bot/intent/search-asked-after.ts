/**
 * A search asked after its topic, in a sentence of its own ("where does the offsite packing list live?
 * search pls", "i need info abt 401k matching, search in hr space pls", "I need to know about the
 * relocation, you can search in HR?"). The topic is what the sentence before says, read as a search
 * ("where does X live" → X); the ask may say where to look. Read only when the ask ends the line.
 */
import { allWeHaveTopic } from './everything-we-have.js';
import { withSpaceOfNamed } from './name-residue.js';
import { readingKind, searchOf } from './reading-kind.js';
import type { Intent } from './types.js';

/**
 * The ask at the end of the line: a break (comma, stop, question mark, spaced dash), maybe "can you" /
 * "you can" and courtesy, a search verb, maybe "it", maybe where ("in hr space", "in HR"), courtesy.
 * Group 1 is the space phrase. Bounded repeats only.
 */
const ASK_AFTER =
  /(?:[,.;?!~]|\s[-–—])\s*(?:(?:ok|so|and)\s+)?(?:(?:can|could|cud|coud|would|wud|will)\s+(?:you|u)\s+|(?:you|u)\s+can\s+)?(?:(?:please|pls|plz|kindly)\s+(?:to\s+)?)?(?:search|srch|serch|look\s+(?:it\s+|that\s+|this\s+)?up|lookup|find|look\s+for)(?:\s+(?:for\s+)?(?:it|that|this|them))?(?:\s+(?:for\s+me|pls|plz|please))?(?:,?\s+(?:in|on|within)\s+(?:the\s+)?((?:[\p{L}~&][\p{L}\p{N}&'’]{0,30})(?:\s+[\p{L}&][\p{L}&'’]{0,30}){0,3}?))?(?:\s+(?:pls|plz|please|thx|thanks|ty|for\s+me))*[\s?!.]*$/iu;

/**
 * "where does X live", "where is X written down", "where X is kept", "where I find about X" (non-native):
 * where a topic is kept, asked before the search; the topic is X (group 1, 2 or 3).
 */
const WHERE_TOPIC =
  /^(?:any\s+idea\s+|do\s+you\s+know\s+)?where\s+(?:does|do|is|are|would|might|could)\s+(?:the\s+|our\s+)?(\S.{0,120}?)\s+(?:live|sit|be|is|are)?\s*(?:kept|stored|written\s+(?:up|down)|documented|lives?|sits?|live)[\s?!.]*$|^(?:any\s+idea\s+|do\s+you\s+know\s+)?where\s+(?:the\s+|our\s+)?(\S.{0,120}?)\s+(?:is|are)\s+(?:kept|stored|written\s+(?:up|down)|documented)[\s?!.]*$|^where\s+(?:(?:can|could|do|should)\s+)?i\s+(?:can\s+)?find\s+(?:(?:some\s+|any\s+)?(?:info|infos|information|informations|docs|something)\s+)?(?:(?:about|abt|on|for|regarding)\s+)?(\S.{0,120}?)[\s?!.]*$/i;

/**
 * "I need to know about X", "I want info abt X", "I am looking informations for X" (non-native): what is
 * wanted, said before the search is asked; the topic is X.
 */
const WANTED_TOPIC =
  /^(?:i\s+(?:need|want|would\s+like|'d\s+like|am\s+looking|'m\s+looking|look)|we\s+need)\s+(?:to\s+(?:know|learn|read|find)\s+(?:more\s+|something\s+)?|(?:for\s+)?(?:some\s+|any\s+)?(?:info|infos|information|informations|details|docs|documents)\s+)(?:about|abt|on|for|regarding|re)\s+(\S.{0,120})$/i;

/** A space said first ("In HR space, where I find …"): group 1 its name or key, said with "space". */
const SPACE_FIRST =
  /^(?:in|from|within|inside)\s+(?:the\s+)?([\p{L}~&][\p{L}\p{N}&'’]{0,30}(?:\s+[\p{L}&][\p{L}&'’]{0,30}){0,2}?)\s+space\s*[,:]\s*/iu;

/** Words before a topic that only say it is wanted ("know about", "learn more about"). Kept as data. */
const TOPIC_LEAD = /^(?:(?:to\s+)?(?:know|learn|read)\s+(?:(?:a\s+bit|more|something)\s+)?(?:about|on)\s+)/i;

/** What chat adds after the ask ("🙏", ":eyes:", "cc @sam"): the line ends before it. */
const LINE_END_RESIDUE = /(?:\s+(?:cc\s+)?@[\w.-]{1,40}|\s*:[a-z0-9_+'-]{1,40}:|[^\p{L}\p{N}])+$/u;

/** Longest line read so (characters): a topic sentence and an ask, as chat is typed. */
const MAX_LINE = 300;

/** Readings the line as typed may have got wrong: nothing, a question, or a search (its words or space). */
const REPLACEABLE = new Set(['unclear', 'failure', 'question', 'search']);

/** The words and space of a read: a search's, or a page's named by its words ("the holiday calendar for 2026"). */
function readOf(intent: Intent): { words: string; spaceKey?: string } | undefined {
  if (intent.kind !== 'page-by-name' || intent.request.operation !== 'get') return searchOf(intent);
  return { words: intent.request.ref.words, spaceKey: intent.request.ref.spaceKey };
}

/** Words without case and articles, to tell whether two searches are one. */
function bareWords(words: string): string {
  return words
    .toLowerCase()
    .replace(/\b(?:the|a|an|our|my)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The search of a line whose last sentence only asks to search (see {@link ASK_AFTER}), its topic read
 * from the sentence before with `read` (a search's words, or where a topic is kept); else `undefined`.
 * `typed` is the line's own reading: a write, an open or a follow-up is kept.
 */
export function searchAskedAfter(
  line: string,
  typed: Intent,
  read: (line: string) => Intent,
): Intent | undefined {
  // Emoji and marks after the ask ("search pls 🙏") end the line all the same.
  if (line.length > MAX_LINE || !REPLACEABLE.has(readingKind(typed))) return undefined;
  const text = withSpaceOfNamed(line.trim().replace(LINE_END_RESIDUE, ''));
  const ask = ASK_AFTER.exec(text);
  if (!ask || ask.index === 0) return undefined;
  const said = text.slice(0, ask.index).trim();
  const first = SPACE_FIRST.exec(said);
  const sentence = first ? said.slice(first[0].length) : said;
  const framed = WHERE_TOPIC.exec(sentence) ?? WANTED_TOPIC.exec(sentence.replace(/[\s?!.]+$/, ''));
  // "for the audit I need everything we have on X": the topic after "everything we have on", context or not.
  const whole = framed ? undefined : allWeHaveTopic(sentence);
  const found = framed || whole ? undefined : readOf(read(sentence));
  const topic = (framed ? (framed[1] ?? framed[2] ?? framed[3]) : (whole ?? found?.words))?.replace(
    TOPIC_LEAD,
    '',
  );
  if (!topic) return undefined;
  const space = ask[1] ?? (first ? `the ${first[1]} space` : found?.spaceKey);
  const asked = read(`search ${topic}${space ? ` in ${space}` : ''}`);
  const mine = searchOf(asked);
  const own = searchOf(typed);
  // The line as typed already read this search (its words maybe with an article): it is kept as typed.
  const same =
    own && mine && own.spaceKey === mine.spaceKey && bareWords(own.words) === bareWords(mine.words);
  return mine && !same ? asked : undefined;
}
