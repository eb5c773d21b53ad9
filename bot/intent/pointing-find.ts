import { allWordsFrom, closedWordsOf, wordSet } from './closed-words.js';

/*
 * "change this to 45 EUR in the expense policy": the old text is only a word that points at something
 * said elsewhere (in the chat, on the page, in the user's head). Replacing the literal word "this" on the
 * page would be a wrong write, so such an old text is never replaced; the bot asks for the text instead.
 * The lists are data: pointing words, and the nouns that only say what kind of text is meant.
 */

/** Words that point at text without being it ("it", "this", "those", "the"). */
const POINTING_WORDS = wordSet('it its this that these those them the one ones same');

/** Nouns that say what kind of text is meant ("the date", "that line"), never which text. */
const TEXT_KIND_NOUNS = wordSet(
  'text word words phrase line lines sentence sentences bit part paragraph date dates number numbers figure ' +
    'figures value values time times amount price address link url name thing things stuff entry bullet',
);

/** Pronouns that start an old text which goes on to say where it was ("it from 25 to 28"). */
const POINTING_THEN_FROM = /^(?:it|this|that|these|those|them)\s+from\b/i;

/**
 * True when a replace's old text is made only of pointing words and kind-of-text nouns ("this", "it",
 * "the date", "that line"), or a pronoun then "from" ("it from 25"): text nobody can find on the page.
 * Needs at least one pointing word, so a plain "word" or "date" typed as the text still counts; with
 * `pointing` 'any' (a page's words: "update that line …" read "line" as the page) a kind noun alone is enough.
 */
export function isPointingFind(find: string, pointing: 'needed' | 'any' = 'needed'): boolean {
  const trimmed = find.trim();
  if (POINTING_THEN_FROM.test(trimmed)) return true;
  const words = closedWordsOf(trimmed);
  const points = pointing === 'any' || words.some((word) => POINTING_WORDS.has(word));
  return points && allWordsFrom(words, POINTING_WORDS, TEXT_KIND_NOUNS);
}
