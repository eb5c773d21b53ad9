import { TRAILING_ADVERB } from './trailing-adverbs.js';

/**
 * Words people put after the name of a page they want opened that say when or how soon, never which
 * page ("open the Code of Conduct anyway", "… the Testing Strategy pronto", "we have to read the X
 * beforehand", "open the Laptop Setup page first thing"). Read on page names only (a search keeps its
 * words); kept as data, as a regex source for the end of a name (with its leading space).
 */
export const NAME_END_ADVERB = String.raw`\s+(?:instead|beforehand|afterwards?|anyways?|pronto|in\s+advance|ahead\s+of\s+time|at\s+once|real\s+fast|first\s+thing(?:\s+(?:tomorrow|today|in\s+the\s+morning))?|for\s+(?:now|later|reference))`;

/** A name's end in {@link NAME_END_ADVERB} typed in lower case, with any stop after it. */
const NAME_END = new RegExp(`${NAME_END_ADVERB}[\\s.,;!?]*$`);

/** "… not the travel one", ", not the old page": which copy is not meant, typed in lower case after the name. */
const NOT_THAT_ONE = /,?\s+(?:and\s+)?not\s+the\s+[a-z0-9' -]{1,40}?\s*(?:one|page|version|doc)[\s.!?]*$/;

/**
 * `name` without a word of {@link NAME_END_ADVERB} or a "not the X one" ({@link NOT_THAT_ONE}) at its end
 * (only when words are left before it).
 */
export function withoutNameEndAdverb(name: string): string {
  if (name.length > 400) return name;
  const end = NAME_END.exec(name) ?? NOT_THAT_ONE.exec(name);
  return end && end.index > 0 ? name.slice(0, end.index) : name;
}

/** Courtesy and who it is for, after a page's id or link ("… pls", "… for me", "… thanks"). */
const COURTESY_AFTER = String.raw`\s+(?:pls|please|plz|kindly|for\s+(?:me|us)|thanks|thx|ty|cheers|now|too)`;
/** One word of when, how soon or courtesy at the end of a short rest. */
const WHEN_OR_COURTESY_END = new RegExp(
  `(?:${TRAILING_ADVERB}|${NAME_END_ADVERB}|${COURTESY_AFTER})[\\s.,;!?]*$`,
  'i',
);
/** Longest rest read, and most words taken off it. */
const MAX_REST = 60;
const MAX_ROUNDS = 4;

/**
 * True when `rest` (what follows a page's id: "again pls", "for me now", "real quick") says only when, how
 * soon or to whom, so the id alone names the page. A few anchored matches from the end: linear.
 */
export function isOnlyWhenOrCourtesy(rest: string): boolean {
  let text = ` ${rest.trim()}`;
  if (text.length > MAX_REST) return false;
  for (let round = 0; round < MAX_ROUNDS && /[\p{L}\p{N}]/u.test(text); round += 1) {
    const end = WHEN_OR_COURTESY_END.exec(text);
    if (!end) return false;
    text = text.slice(0, end.index);
  }
  return !/[\p{L}\p{N}]/u.test(text);
}
