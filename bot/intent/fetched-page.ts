/**
 * A page asked for with a search's verb: "can you dig out the Release Notes 2025.01 page?", "track down
 * the on-call rota page for me", "find the Team Rituals page". Digging out, fishing out or tracking down
 * "the X page" (or "X page" in capitals) fetches one page, so it is opened; "find", "locate" and "look
 * up" open it only when its name is written as a title in capitals ("find the pricing page", "look up the Expense Policy" stay a
 * search, as in the training set). A page noun must end the name either way ("dig out anything on
 * gateway errors" searches). Linear: anchored patterns over one sentence.
 */
import { withoutTailAfterName } from './name-residue.js';
import { isTitleInCapitals, withoutNextSentence } from './page-name.js';
import { SPACE_AFTER_NAME } from './space-phrase.js';

/** Verbs that fetch one thing out of many ("dig out", "fish out", "track down"). */
const FETCH_ONE = /^(?:dig\s+(?:out|up)|fish\s+out|track\s+down|hunt\s+down)(?:\s+(?:me|us))?\s+(?=\S)/i;
/** Verbs of a search that may fetch one page ("find", "locate", "look up"). */
const FIND = /^(?:find|locate|look\s+up)(?:\s+(?:me|us))?\s+(?=\S)/i;
/** "the" or "our" before the name: one page of that name is meant. */
const ARTICLE = /^(?:the|our)\s/i;
/** The page noun ending a page's name ("the Release Notes 2025.01 page", "the rota doc"). */
const PAGE_NOUN_AT_END = /\s(?:page|pg|doc)$/i;
/** Longest line read here: a request of one sentence, not a story. */
const MAX_LINE = 300;

/**
 * What names the page to open in `core` (a cleaned line starting with the verb), the sentence after it
 * left out ("dig out the X page? Support says …"), or `undefined` when no one page is fetched.
 */
export function fetchedPageName(core: string): string | undefined {
  if (core.length > MAX_LINE) return undefined;
  const fetchOne = FETCH_ONE.exec(core);
  const verb = fetchOne ?? FIND.exec(core);
  if (!verb) return undefined;
  const object = withoutNextSentence(core.slice(verb[0].length)).replace(/[\s?!.]+$/, '');
  const name = withoutTailAfterName(object).replace(SPACE_AFTER_NAME, '');
  if (!PAGE_NOUN_AT_END.test(name)) return undefined;
  // A line typed all in capitals or all in lower case says nothing by its capitals.
  const capitals = /(?:^|\s)[a-z]+(?=\s|$)/.test(core) && isTitleInCapitals(name);
  return (fetchOne && ARTICLE.test(object)) || capitals ? object : undefined;
}
