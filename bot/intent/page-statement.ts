/**
 * Telling the bot something about a page is not asking to read it: "the Team Rituals page has the
 * wrong link", "our onboarding page needs a refresh", "FYI the code of conduct page was updated
 * yesterday". Without a read's verb, such words name a page with its page noun and then say something
 * of it, so no page is opened and the words are no search either. Without the page noun ("the
 * handbook says 25 days") the page may be what the asker wants to see, and it is still opened.
 */

import { wordSet } from './closed-words.js';

/** Verbs whose subject is the page just named ("… page has …", "… doc is …", "… page says …"). Kept as data. */
const PAGE_VERBS = wordSet(
  'is are was were has had have needs says said seems looks lacks mentions lists links contains shows ' +
    'keeps got went broke isnt arent wasnt hasnt doesnt didnt should must still',
);
/** Nouns that say the words before them name a page ("… page has …", "… doc is …"). */
const PAGE_NOUNS = wordSet('page pg doc document article');
/** What may come before the page's article: a heads-up or a hedge ("FYI the …", "I think our …"). */
const LEAD =
  /^(?:(?:fyi|btw|heads\s+up|psa|just\s+so\s+you\s+know|i\s+think|i\s+guess|i\s+noticed|looks\s+like|seems\s+like)[\s,:-]+)?(?:the|our|this|that|your)\s+/i;
/** Most words of the name before the verb (a page's name is short). */
const MAX_NAME_WORDS = 8;

/**
 * True when `text` (words with no read's verb) names a page with "the" or "our" and a page noun, then a
 * verb whose subject is that page: a statement about it ("the page that has the holiday list" describes
 * a page: its verb follows no page noun). Word by word over a short prefix: linear.
 */
export function isStatementAboutPage(text: string): boolean {
  const lead = LEAD.exec(text.trim());
  if (!lead) return false;
  const words = text
    .trim()
    .slice(lead[0].length)
    .split(/\s+/, MAX_NAME_WORDS + 1);
  for (let i = 1; i < words.length; i += 1) {
    const word = words[i]!.replaceAll(/['’]/g, '');
    if (PAGE_VERBS.has(word) && PAGE_NOUNS.has(words[i - 1]!.toLowerCase())) return true;
  }
  return false;
}
