/**
 * Typos of follow-up words that a plain one-edit test misses ("sho me mor reslts", "gimme moar of thees
 * results", "sow me more resluts"): a letter left out of a word of four letters or more, or two letters
 * next to each other swapped. Only used on short lines that must then read wholly as a follow-up, so a
 * word fixed wrongly leaves the line to the other readers.
 */

/** Words these typos are read as: the follow-up words, and words of a list of results. Kept as data. */
export const LOOSE_FOLLOW_UP_WORDS = [
  'more',
  'show',
  'open',
  'next',
  'last',
  'results',
  'these',
  'those',
  'nothing',
] as const;

/** Real words one letter short of a follow-up word, never read as it ("net" is no "next"). Kept as data. */
const REAL_SHORT_WORDS = new Set(['net', 'lat', 'las', 'ope', 'thse']);

/** True when `word` is `known` with one letter left out (not its first). */
function isOneLetterShort(word: string, known: string): boolean {
  if (known.length < 4 || word.length !== known.length - 1 || word[0] !== known[0]) return false;
  for (let i = 1; i < known.length; i += 1) {
    if (known.slice(0, i) + known.slice(i + 1) === word) return true;
  }
  return false;
}

/** True when `word` is `known` with two neighbouring letters swapped (not its first). */
function isSwapped(word: string, known: string): boolean {
  if (known.length < 4 || word.length !== known.length || word[0] !== known[0]) return false;
  for (let i = 1; i + 1 < known.length; i += 1) {
    if (word[i] !== known[i]) {
      return word[i] === known[i + 1] && word[i + 1] === known[i] && word.slice(i + 2) === known.slice(i + 2);
    }
  }
  return false;
}

/** The follow-up word `word` (lower case) is a loose typo of, or `undefined`. */
export function looseFollowUpTypo(word: string): string | undefined {
  if (REAL_SHORT_WORDS.has(word)) return undefined;
  return LOOSE_FOLLOW_UP_WORDS.find((known) => isOneLetterShort(word, known) || isSwapped(word, known));
}
