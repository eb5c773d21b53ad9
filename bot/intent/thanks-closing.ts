/**
 * Thanks said with a few words of its own after it ("thanks for finding it", "thanks, I found it",
 * "thank you very much indeed", "thanks that was quick", "thank you so much for the help with the
 * rota"): the conversation is closing, nothing is asked. The words after the thanks are read only for
 * what they must not hold (a verb of a request, an asking word, a question mark), so a request after
 * thanks ("thanks! now search kafka", "thanks for that, can you open the next one") is left to the
 * other readers. Kept as data: the thanks, the ways a closing goes on, the words that ask.
 */

/** Thanks as it opens a closing line, with what softens or stresses it ("ok thanks so much"). */
const THANKS_OPENING =
  /^(?:(?:ok(?:ay)?|great|perfect|cool|nice|brilliant|awesome|lovely|super|ah+|oh+|right)[\s,!.]+)?(?:thanks|thank\s+(?:you|u|ya)|thx|thnx|thanx|ty|tysm|cheers|ta|many\s+thanks|much\s+appreciated)\b(?:\s+(?:so\s+much|a\s+lot|a\s+ton|very\s+much|heaps|loads|again|mate|bot|indeed))*[\s,!.;:—–-]*/i;

/**
 * How a closing goes on after the thanks: why, said with a verb or a word for help ("for finding it",
 * "for the help with the rota"; "thanks for the feedback template" may be a topic), what happened ("I found it", "that was quick", "it worked", "you're fast"), or more stress ("indeed").
 */
const CLOSING_GOES_ON =
  /^(?:for\s+(?:\p{L}{2,30}ing\b|(?:the|your|ur|all\s+(?:the|your))\s+(?:\p{L}{1,20}\s+)?(?:help|assistance|support|reply|response|answer|time|effort|links?|info|pointers?|tips?|search|results?)\b)|(?:i|i'?ve|ive|i'?m|im|we|we'?ve|that|that'?s|thats|this|this\s+is|it|it'?s|its|you|you'?re|youre|u|ur|got\s+it|found\s+it|all\s+good|very\s+much\s+indeed|indeed|in\s+advance)(?:\s|$))/iu;

/** Words that ask for something, so the line is a request after the thanks, not a closing. */
const ASKS =
  /\b(?:search|searching|find|look|lookup|open|show|get|give|pull|bring|create|make|add|put|write|update|edit|append|change|replace|rename|fix|send|share|check|need|want|can|could|would|will|pls|please|plz|now|also|next|what|where|who|how|why|when|which|but)\b/i;

/**
 * A search thanked for before it is done, with its topic named ("thanks for searching kafka lag", "thx for
 * looking up the vpn guide"): a request said politely, not a closing ("thanks for searching", "thanks for
 * looking it up" are).
 */
const SEARCH_THANKED_FOR =
  /^for\s+(?:searching|looking\s+up)\s+(?!(?:for\s+)?(?:it|that|this|them|those|these|me|us|everything|all|so|again)\b)(?:for\s+)?(?=\p{L})/iu;

/** Longest closing read this way (characters): a longer line says something of its own. */
const MAX_CLOSING_LENGTH = 100;

/** Words a verb of finding may be in a closing ("thanks for finding it", "thanks, I found it"): not a request. */
const FOUND =
  /\b(?:finding|found|looking|looked|checking|checked|sharing|shared|getting|got|pulling|sending|sent|opening|opened|helping|fixing|fixed|updating|updated)\b/gi;

/** What a search thanked for before it is done looks for (see {@link SEARCH_THANKED_FOR}), else `undefined`. */
export function searchThankedFor(line: string): string | undefined {
  const text = line.trim();
  if (text.length > MAX_CLOSING_LENGTH) return undefined;
  const opening = THANKS_OPENING.exec(text);
  if (!opening || opening[0].length === 0) return undefined;
  const rest = text.slice(opening[0].length);
  const asked = SEARCH_THANKED_FOR.exec(rest);
  return asked ? rest.slice(asked[0].length) : undefined;
}

/** True when `line` is thanks followed by a closing of its own words that asks for nothing. */
export function isThanksClosing(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > MAX_CLOSING_LENGTH || text.includes('?')) return false;
  const opening = THANKS_OPENING.exec(text);
  if (!opening || opening[0].length === 0) return false;
  const rest = text.slice(opening[0].length).replace(/[\s.!]+$/, '');
  // "thank you very much indeed": only thanks and its stress.
  if (rest.length === 0) return true;
  if (!CLOSING_GOES_ON.test(rest) || SEARCH_THANKED_FOR.test(rest)) return false;
  return !ASKS.test(rest.replace(FOUND, ' '));
}
