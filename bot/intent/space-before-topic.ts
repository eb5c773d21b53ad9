/**
 * "what's in ENG about kafka?", "what do we have in the HR space on parental leave", "what have you got
 * in OPS for printers": asking what a space holds on a topic is a search for the topic in that space.
 * The space is put back after the topic ("kafka in ENG"), where the search reads a space. The asking
 * words are kept as data; the space is a key in capitals or a name said with "space" (so "what's in
 * store for …" is no space). Bounded: a short line only.
 */

import { SPACE_SAID } from './space-phrase.js';

/** How the asking starts: "what's", "what is there", "what do we have", "what have you got", "whatcha got". */
const WHAT_ASKED = String.raw`(?:what(?:'s|’s|s|\s+is)(?:\s+there)?|what\s+(?:do|does)\s+(?:we|you|u|confluence|the\s+wiki)\s+(?:have|got)|what\s+(?:have|'?ve)\s+(?:we|you)\s+got|what\s+(?:we|you)\s+(?:have|got)|wh?atcha\s+got|(?:show|tell)\s+me\s+what(?:'s|\s+is|\s+you\s+have|\s+we\s+have))`;

const SPACE_BEFORE_TOPIC = new RegExp(
  String.raw`^${WHAT_ASKED}\s+(?:(?:in|on|within|inside)\s+)(${SPACE_SAID})\s+(?:on|about|for|regarding|re:?|around)\s+(\S.{0,200})$`,
  'u',
);

/**
 * "does Sales have a page on discounts?", "does the HR space have anything about parental leave": asking
 * whether a space has pages on a topic. The space is a key, a capitalised name, or words said with "space".
 */
const SPACE_HAS_TOPIC =
  /^(?:does|do)\s+(?:the\s+)?(~?[A-Z][A-Z0-9]{1,9}|\p{Lu}[\p{L}&]{1,30}(?:\s+(?:&|and|\p{Lu}[\p{L}&]{0,30})){0,3}|[\p{L}&]{1,30}(?:\s+[\p{L}&]{1,30}){0,3}\s+space)(?:['’]s)?(?:\s+(?:space|wiki))?\s+(?:have|has|got)\s+(?:(?:a|an|any|some)\s+)?(?:pages?|docs?|documents?|documentation|anything|something|info|stuff)\s+(?:on|about|for|regarding|re:?|around)\s+(\S.{0,200})$/u;

/**
 * Words that name a team or a department ("does Sales have …", "does Marketing have …"). One capitalised
 * word that is none of them is taken for a person ("does John have a page on kafka?"): whether someone
 * wrote pages on a topic is a search for the topic, in no space. Kept as data, lower case.
 */
const TEAM_WORDS = new Set(
  (
    'sales legal engineering eng hr people ops operations it infra infrastructure platform devops sre dev ' +
    'development product design marketing finance accounting payroll procurement facilities security support ' +
    'compliance data analytics research qa recruiting recruitment talent admin management leadership exec ' +
    'executive communications comms partnerships success'
  ).split(' '),
);

/** After a name: it is said to be a space ("'s", "space", "wiki"). */
const SAID_SPACE = /^(?:['’]s\b|\s+(?:space|wiki)\b)/i;

/** Longest line read this way (characters). */
const MAX_LINE = 260;

/**
 * The search words with the space after them ("kafka in the ENG space"), for "what's in ENG about kafka"
 * or "does Sales have a page on discounts?"; else undefined. The space is said as a space, so a name is
 * read whole by the space directory.
 */
export function spaceBeforeTopic(core: string): string | undefined {
  if (core.length > MAX_LINE) return undefined;
  const text = core.trim().replace(/^(\w)/, (c) => c.toLowerCase());
  const match = SPACE_BEFORE_TOPIC.exec(text) ?? SPACE_HAS_TOPIC.exec(text);
  if (!match) return undefined;
  const topic = match[2]!.replace(/[\s?!.]+$/, '');
  const after = text.slice(text.indexOf(match[1]!) + match[1]!.length);
  // "does the John space have …", "does John's wiki have …": said to be a space, so the directory decides.
  if (isPersonName(match[1]!) && !SAID_SPACE.test(after)) return topic;
  const space = /\sspace$/i.test(match[1]!) ? match[1]! : `the ${match[1]!} space`;
  return `${topic} in ${space}`;
}

/** One word in capitals and small letters ("John", "Priya") that names no team: a person, not a space. */
function isPersonName(name: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(name) && !TEAM_WORDS.has(name.toLowerCase());
}
