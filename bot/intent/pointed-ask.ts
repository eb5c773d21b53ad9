/**
 * A short question that only points ("and that one?", "what about this?", "and the other page?", "this
 * one too?"): nothing is named, so there is nothing to answer or search, whatever the question mark says.
 * "and for contractors?" names someone and stays a question.
 */

/** Leads of such a question ("and", "what about", "how about", "or", "but"). */
const LEAD = /^(?:(?:and|or|but|also|so|ok|okay|hmm|then)[\s,]+)*(?:(?:what|how)\s+about\s+)?/i;
/** Words of a question that only points (kept as data). */
const POINTING_WORDS = new Set(
  'this that these those it one ones the other same page pages doc docs link thing too also then as well again here there'.split(
    ' ',
  ),
);
/** A word that points at something earlier. */
const POINTER = /^(?:this|that|these|those|other|same)$/;
/** Most words such a question has after its lead. */
const MAX_WORDS = 6;

/** True for a short question that only points at something earlier (see above). */
export function isPointedAsk(line: string): boolean {
  if (line.length > 80 || !/\?\s*$/.test(line)) return false;
  const words = line
    .replace(LEAD, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((word) => word.length > 0);
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  return words.every((word) => POINTING_WORDS.has(word)) && words.some((word) => POINTER.test(word));
}
