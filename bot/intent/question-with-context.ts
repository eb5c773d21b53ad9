import { isQuestion } from './classify-text.js';
import { isContext } from './lead-in.js';

/**
 * Questions for the knowledge base with a sentence around them that is no request: a lament that the
 * answer could not be found first ("I can't find it anywhere - what's the guest wifi password?", "looked
 * everywhere, which port does the vpn use?"), or a sentence about the asker after the question mark
 * ("… what's the daily meal allowance abroad? I'm in Lisbon next week"). The lament points at the answer
 * ("it"), so it names nothing to search for; the sentence after only says why.
 */

/**
 * Not finding the answer oneself, said first ("I can't find it anywhere", "couldn't find anything on the
 * wiki", "I've looked everywhere", "searched high and low"). Bounded alternatives; no nested repeats.
 */
const LAMENT =
  /^(?:(?:sorry|hi|hey|hello|ok|okay|so|ugh|argh|hmm)[\s,!.]+)*(?:i\s+)?(?:(?:can'?t|cannot|couldn'?t|could\s+not|can\s+not|didn'?t|did\s+not)\s+(?:seem\s+to\s+)?(?:find|see|locate|spot)\s+(?:it|this|that|anything|the\s+answer|an\s+answer|the\s+info|info)(?:\s+(?:anywhere|on\s+the\s+wiki|in\s+confluence|on\s+confluence|online|myself))?|(?:i'?ve\s+|i\s+have\s+|have\s+)?(?:looked|searched|checked|dug\s+around)\s+(?:everywhere|all\s+over|high\s+and\s+low|around|the\s+whole\s+wiki))(?:\s+(?:already|tbh|honestly|but\s+no\s+luck))?\s*(?:[-–—,.:;!]+|\s+but|\s+so)\s+/i;

/** A question asked of the knowledge base, not a request to the bot ("can you search …" is one). */
const ASKED_OF_WIKI =
  /^(?:what|what'?s|whats|which|who|who'?s|whose|where|where'?s|when|why|how|is|are|do|does|did|am|was|were|should|(?:can|could|may)\s+(?:i|we))\b/i;

/** Longest line read this way (chat is short; bounded work). */
const MAX_LINE = 400;

/** The question after a lament of not finding the answer (see {@link LAMENT}), or `undefined`. */
export function questionAfterLament(line: string): string | undefined {
  if (line.length > MAX_LINE) return undefined;
  const lament = LAMENT.exec(line.trim());
  if (!lament) return undefined;
  const rest = line.trim().slice(lament[0].length);
  return /\?\s*$/.test(rest) && ASKED_OF_WIKI.test(rest) && isQuestion(rest) ? rest : undefined;
}

/**
 * Where a question ends when a sentence about the asker follows it ("… abroad? I'm in Lisbon next week"):
 * the index after its question mark, or -1 when the line has no such pair.
 */
export function questionBeforeContextEnd(line: string): number {
  if (line.length > MAX_LINE) return -1;
  const mark = line.lastIndexOf('?');
  if (mark < 0) return -1;
  const after = line
    .slice(mark + 1)
    .trim()
    .replace(/[.!]+$/, '');
  return after.length > 0 && isContext(after) ? mark + 1 : -1;
}
