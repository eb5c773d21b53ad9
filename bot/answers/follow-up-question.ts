import { expandQuery } from './expand-query.js';

/** Longest question remembered or built from a follow-up. */
export const MAX_FOLLOW_UP_CHARS = 500;
/** A follow-up has at most this many subject words of its own. */
const MAX_FOLLOW_UP_SUBJECTS = 3;
/** How follow-ups start: "and for contractors?", "what about the UK?", "how about Germany", "same for …". */
const FOLLOW_UP_START =
  /^\s*(?:and|but|also|plus|what about|how about|and what about|and how about|same for|what if|for|in|with)\b/i;

/**
 * The question to answer for `text`, given the previous question asked in the same conversation
 * (or thread): a short follow-up ("and for contractors?", "what about the UK?") — one that starts
 * like one and has at most three subject words — is answered as the previous question plus the
 * new words (without the leading "and"/"what about"); anything else stands on its own. Pure.
 */
export function resolveFollowUp(
  text: string,
  previous: string | undefined,
): { question: string; followUp: boolean } {
  if (!previous || !FOLLOW_UP_START.test(text)) return { question: text, followUp: false };
  if (expandQuery(text).keywords.length > MAX_FOLLOW_UP_SUBJECTS) return { question: text, followUp: false };
  const rest = text.replace(
    /^\s*(?:(?:and|but|also|plus)\s+)?(?:what|how)\s+about\s+|^\s*(?:and|but|also|plus|same for)\s+/i,
    '',
  );
  const combined = `${previous.replace(/[?.!\s]+$/, '')} — ${rest.trim()}`;
  return { question: combined.slice(0, MAX_FOLLOW_UP_CHARS), followUp: true };
}
