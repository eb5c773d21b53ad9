/**
 * A space key typed in capitals as the last word after a search verb ("srch k8s upgrade checklist ENG",
 * "find referral bonus HR pls"): where to look, said without "in". Only a department's usual word
 * ("HR", "ENG", "OPS", "LEGAL") is read so; other capitals stay words of the topic ("search salary bands
 * UK", "search OpenSearch ADR"). Bare words without a verb keep the key as a word ("new hire checklist HR").
 */
import { isDepartmentWord } from './space-names.js';

/** The last word in capitals, courtesy after it kept apart ("… ENG pls"). */
const KEY_LAST =
  /^(\S.{0,400}?)\s+(~?[A-Z][A-Z0-9]{1,9})((?:\s+(?:pls|plz|please|thx|thanks|ty|asap))*)[\s.!?]*$/;

/** A word before the key that already links it to the topic ("under", "at", "for"). Kept as data. */
const LINKING_WORD_LAST = /\s(?:under|at|for|to|of|by|with|about|into|and|or|vs)$/i;

/**
 * `rest` (the words after a search verb) with a department's key at the end said as "in KEY" ("k8s
 * checklist ENG" → "k8s checklist in ENG"), or as it is: the words before must have a letter in lower
 * case (a shouted line says nothing by its capitals) and name no space already.
 */
export function keyAtEndAsSpace(rest: string): string {
  const match = KEY_LAST.exec(rest.trim());
  if (!match || !isDepartmentWord(match[2]!)) return rest;
  const before = match[1]!;
  const spaced = /\s(?:in|on|from|within|inside)\s/i.test(` ${before} `) || /\bspace\b/i.test(before);
  // "nda under LEGAL", "onboarding @ HR": the key is already said with its word; other readers take it.
  const joined = !/[\p{L}\p{N}]$/u.test(before) || LINKING_WORD_LAST.test(before);
  if (!/\p{Ll}/u.test(before) || spaced || joined) return rest;
  return `${before} in ${match[2]}${match[3]}`;
}
