import { isGreeting } from './classify-text.js';
import { EMOJI } from './normalize-message.js';

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
 * "for the help with the rota"; "thanks for the feedback template" may be a topic), what happened ("I found it", "that was quick", "it worked", "you're fast"),
 * what the bot did with its subject left out ("saved my day", "helped a lot", "works now"), or more stress ("indeed").
 */
const CLOSING_GOES_ON =
  /^(?:for\s+(?:\p{L}{2,30}ing\b|(?:the|your|ur|all\s+(?:the|your))\s+(?:\p{L}{1,20}\s+)?(?:help|assistance|support|reply|response|answers?|time|effort|links?|info|pointers?|tips?|search|results?|pages?|docs?|documents?|suggestions?)\b)|(?:i|i'?ve|ive|i'?m|im|we|we'?ve|that|that'?s|thats|this|this\s+is|it|it'?s|its|you|you'?re|youre|u|ur|got\s+it|found\s+it|all\s+good|very\s+much\s+indeed|indeed|in\s+advance)(?:\s|$)|(?:(?:really|totally|just)\s+)?(?:saved|made)\s+(?:my|our)\s+(?:day|life|morning|afternoon|week)\b|(?:(?:really|totally|just)\s+)?saved\s+(?:me|us)\b|(?:(?:really|just)\s+)?helped\s+(?:a\s+lot|loads|heaps|a\s+ton|me|us)\b|(?:works|worked)\s+(?:now|great|perfectly|fine)\b)/iu;

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
  return !ASKS.test(rest.replace(FOUND, ' ').replace(SEARCH_NOUN, ' '));
}

/** "the search", "that quick search", "your searches": a search done, named as a thing (no request to search). */
const SEARCH_NOUN = /\b(?:the|that|this|your|ur|all\s+the)\s+(?:\p{L}{1,20}\s+)?search(?:es)?\b/giu;

/** What the bot showed, as people praise it: things only the bot shows, never a page's title ("Useful Links" is one). */
const SHOWN_ONLY =
  '(?:results?|search(?:es)?|answers?|repl(?:y|ies)|responses?|summary|hits|finds?|bot|assistant)';
/** What the bot showed that may also name a page ("useful links", "helpful info"): praise only when thanks are said too. */
const SHOWN_OR_TITLE = `(?:${SHOWN_ONLY}|links?|info|information|pages?|docs?|documents?|suggestions?)`;
/** One result by its place in the list ("the second one", "that first link"). */
const PLACED_RESULT = String.raw`(?:(?:the|that|this)\s+)?(?:first|second|third|fourth|fifth|last|top|\d{1,2}(?:st|nd|rd|th))\s+(?:one|result|link|page|doc|hit)`;
const DETERMINER = String.raw`(?:(?:the|that|this|these|those|your|ur|ya|all\s+(?:the|those|these|your))\s+)?(?:(?:search|quick|new|last)\s+)?`;
const STRESS = String.raw`(?:(?:really|so|very|super|just|absolutely|truly|pretty|quite|most)\s+)*`;
const PRAISE_WORD = String.raw`(?:great|perfect|helpful|useful|brilliant|awesome|amazing|excellent|fantastic|super|superb|lovely|handy|good|nice|fab|ace|spot\s+on|bang\s+on|on\s+point|relevant|accurate|right|correct)`;
const WANTED = String.raw`(?:(?:exactly|just)\s+)?what\s+(?:i|we)\s+(?:needed|wanted|was\s+(?:looking\s+for|after)|were\s+(?:looking\s+for|after))|(?:exactly\s+)?the\s+one(?:\s+i\s+(?:needed|wanted))?|exactly\s+it`;
const DID_WELL = String.raw`(?:worked|helped|did\s+(?:it|the\s+(?:trick|job)))(?:\s+(?:a\s+treat|perfectly|great|a\s+lot|nicely))?`;
const IS = "(?:is|was|are|were|'s|’s|s|looks?|looked|seems?|seemed)";
/** The words of a praise of what was shown, with `noun` the nouns it may name (see {@link isPraiseOfShown}). */
function praiseOfShown(noun: string): RegExp {
  const shown = `${DETERMINER}${noun}`;
  return new RegExp(
    `^(?:${[
      // "great results", "very helpful answer", "love the bot"
      `${STRESS}${PRAISE_WORD}\\s+${shown}`,
      `(?:i\\s+)?(?:really\\s+)?(?:love|loved)\\s+${shown}`,
      // "these results are great", "that search was exactly what I needed"
      `${shown}\\s+${IS}\\s+${STRESS}(?:${PRAISE_WORD}|${WANTED})`,
      // "the first link worked", "the second one was perfect" (past: "the 2nd one is what I need" picks it)
      `(?:${shown}|${PLACED_RESULT})\\s+${DID_WELL}`,
      `${PLACED_RESULT}\\s+(?:was|were)\\s+${STRESS}(?:${PRAISE_WORD}|${WANTED})`,
      // "the runbook was exactly what I needed", "that page is the one": any short name, only with the wanting words
      `(?:the|that|this)\\s+(?!(?:first|second|third|fourth|fifth|last|top|\\d))(?:[\\p{L}-]+\\s+){1,4}?${IS}\\s+(?:${WANTED})`,
    ].join('|')})$`,
    'iu',
  );
}
const PRAISED_ALONE = praiseOfShown(SHOWN_ONLY);
const PRAISED_WITH_THANKS = praiseOfShown(SHOWN_OR_TITLE);
/** Thanks said at the end of a part, without a break ("good results thank you", "these are great thanks"). */
const THANKS_AT_END =
  /\s+(?:thanks|thank\s+(?:you|u|ya)|thx|ty|tysm|cheers|ta)(?:\s+(?:so\s+much|a\s+lot|heaps|loads|very\s+much|mate|bot|again))*$/i;
/** Most parts a praise line is read in (a short line: the parts are tested one by one). */
const MAX_PRAISE_PARTS = 4;

/**
 * True for praise of what the bot showed, alone or with thanks ("great results, thanks", "that search was
 * helpful", "the first link worked, thanks!", "perfect, the runbook is what I needed", "love the bot"): the
 * conversation is closing, nothing is asked. Praise of what may be a page's title ("useful links") counts
 * only with thanks said; a place in the list praised in the present ("the 2nd one looks right") picks it.
 */
export function isPraiseOfShown(line: string): boolean {
  if (line.length > MAX_CLOSING_LENGTH || line.includes('?')) return false;
  const parts = line
    .replace(EMOJI, ' ')
    .split(/[,.!;:–—]+|\s-\s/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part.length > 0);
  if (parts.length === 0 || parts.length > MAX_PRAISE_PARTS) return false;
  const said = parts.map((part) => ({
    part: part.replace(THANKS_AT_END, ''),
    thanked: THANKS_AT_END.test(part),
  }));
  const greeted = said.some(({ part }) => isGreeting(part));
  const thanked = greeted || said.some((each) => each.thanked);
  // "Good day sir, thank you for the documents": thanks said after a greeting, as a part of its own.
  const praised = said.filter(({ part }) => !isGreeting(part) && !(greeted && isThanksClosing(part)));
  const pattern = thanked ? PRAISED_WITH_THANKS : PRAISED_ALONE;
  return praised.every(({ part }) => pattern.test(part));
}
