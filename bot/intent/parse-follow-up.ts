import { allWordsFrom, closedWordsOf, FUNCTION_WORDS, wordSet } from './closed-words.js';
import { editDistance } from './edit-distance.js';
import { looseFollowUpTypo } from './follow-up-typos.js';
import { isMoreInOtherWords } from './more-results.js';
import type { FollowUpPosition, Intent } from './types.js';

const ORDINALS: Readonly<Record<string, FollowUpPosition>> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  sixth: 6,
  '6th': 6,
  seventh: 7,
  '7th': 7,
  eighth: 8,
  '8th': 8,
  ninth: 9,
  '9th': 9,
  tenth: 10,
  '10th': 10,
  top: 1,
  last: 'last',
  final: 'last',
  bottom: 'last',
  next: 'next',
  previous: 'previous',
  prev: 'previous',
};

const LEAD =
  /^(?:(?:and|ok|okay|now|then|so|also|yes|yeah|yep|yup|no|nope|nah|ah|oh|hmm|right|(?:what|how)\s+about|wait|hang\s+on|great|cool|nice|perfect|alright|thanks|thx|ta|cheers)[\s,!.]+)*/i;
/**
 * Saying the result shown was not it, before which one to try ("that one's not it - try the one before",
 * "that's not it, the one before", "wrong one, the next pls", "that one's outdated, the next one"): not which one.
 */
const REJECTED =
  /^(?:(?:that|this|it)(?:\s+one)?(?:'s|’s|s|\s+is|\s+was)\s+(?:not\s+(?:it|right|correct|the\s+(?:right\s+)?one|relevant|current|useful|helpful)|(?:the\s+)?wrong(?:\s+one)?|(?:too\s+|really\s+|very\s+|a\s+bit\s+)?(?:outdated|out\s+of\s+date|old|stale|irrelevant))(?:\s+either)?|not\s+(?:that|this)(?:\s+one)?|(?:wrong|not\s+the\s+right)\s+(?:one|page|result|link))[\s,.;:!–—-]+/i;
/** "… too", "… as well", "… again": adds nothing to which result is meant. */
const TAIL = /\s+(?:too|as\s+well|also|again|then|now|instead|for\s+me|in\s+a\s+new\s+(?:tab|window))$/i;
/**
 * Where the result was shown or what the user thinks of it, after the result named ("the last one you
 * listed", "the 2nd one from the list", "the first one looks right, open it"): not which one.
 */
const WHERE_SHOWN =
  /\s+(?:(?:that\s+)?(?:you|u)\s+(?:just\s+)?(?:listed|showed|sent|found|gave|posted|shared|mentioned|suggested)(?:\s+(?:me|us))?|(?:from|in|on|of)\s+(?:the|that|this|your)\s+(?:list|results|search(?:\s+results)?|answer|reply|response|message)|(?:of|from)\s+(?:those|them|these)|(?:looks|seems|sounds)\s+(?:right|good|better|best|correct|promising|useful|relevant|like\s+it)|from\s+(?:the\s+)?top|is\s+(?:the\s+one|it|right|correct|what\s+i\s+(?:need|want)(?:ed)?))(?:[\s,.;!-]+(?:(?:pls|please)\s+)?(?:open|show|get)\s+(?:it|that)(?:\s+(?:pls|please))?)?$/i;
const VERB =
  /^(?:(?:open|show|get|view|display|read|see|give|pull\s+up|bring\s+up|go\s+(?:back\s+)?to|back\s+to|return\s+to|take\s+me\s+(?:back\s+)?to|(?:(?:i'?ll|i\s+will|(?:i'?m\s+)?gonna|(?:i'?m\s+)?going\s+to)\s+)?(?:go|going)\s+(?:with|for)|(?:i'?ll\s+)?(?:take|pick|choose|select|have)|click(?:\s+on)?|try|want|need|jump\s+to|summari[sz]e|(?:tell\s+me\s+)?(?:more\s+)?(?:about|on)|(?:(?:more|some)\s+)?(?:info|information|details)\s+(?:on|about|of|for|from)|what(?:'s|s|\s+is)\s+in)\s+(?:me\s+)?(?:up\s+)?)?/i;
/** "the second one", "the 2nd result", "da 2nd 1" (phone spelling of "one"): an ordinal and what it counts. */
const ORDINAL_ONE =
  /^(?:(?:the|that|this|da|de|d)\s+)?(?:very\s+)?([a-z0-9]{3,8})(?:\s+(?:one|1|(?:search\s+)?(?:result|hit|match)|page|link|item|entry|option|choice|suggestion|answer))?$/i;
/** "the one at the top", "the result at the bottom of the list", "the one in second place": where it sat in the list. */
const PLACED =
  /^(?:the\s+)?(?:one|result|link|page|hit)\s+(?:(?:at|on)\s+(?:the\s+)?(top|bottom|end)(?:\s+of\s+the\s+list)?|in\s+([a-z0-9]{3,8})\s+place)$/i;
const NUMBERED =
  /^(?:the\s+)?(?:(?:result|hit|item|link|entry|match|option|opt|choice)\s*(?:number\s*|no\.?\s*|nr\.?\s*|n[°º]\s*|#\s*)?|number\s*|no\.?\s*|nr\.?\s*|n[°º]\s*|#\s*)(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+(?:result|hit|link|one|page|option|item))?$/i;
/**
 * A bare one- or two-digit number up to 50 ("2", "open 3"): a position in the results. Confluence page ids
 * are far longer, and an id is still read from "page 12"; a number past the longest list of results
 * (50, the most a search returns) is no position ("open 77" opens page 77).
 */
const SMALL_NUMBER = /^(\d|[0-4]\d|50)$/;
/** A position typed as digits and any ordinal ending ("2nd", "12th", and "2th" as some type it). */
const DIGIT_ORDINAL = /^(\d{1,2})(?:st|nd|rd|th)$/;

/** The position an ordinal word or digits with an ending say ("second", "2nd", "2th"), or `undefined`. */
function ordinalOf(word: string): FollowUpPosition | undefined {
  const known = ORDINALS[word];
  if (known !== undefined) return known;
  const digits = DIGIT_ORDINAL.exec(word);
  return digits && Number(digits[1]) >= 1 ? Number(digits[1]) : undefined;
}

/** Numbers people spell out ("result number two"). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const MORE =
  /^(?:(?:show|give|get|load|see|any|fetch)\s+(?:me\s+)?)?(?:some\s+|a\s+(?:few|couple(?:\s+of)?|handful(?:\s+of)?)\s+|\d{1,2}\s+)?more(?:\s+(?:results|hits|pages|matches|of\s+(?:them|those|these)|like\s+(?:that|this|these|those)))?$|^(?:anything|something)\s+else(?:\s+like\s+(?:that|this|those|these|it))?$|^(?:is|are)\s+there\s+(?:any\s+)?more(?:\s+(?:results|of\s+(?:them|those|these)))?$|^(?:is\s+there|(?:have\s+you\s+)?got|do\s+you\s+have|any)\s+(?:a\s+)?(?:page\s+(?:2|3|two|three)|(?:second|2nd|third|3rd|another)\s+page)(?:\s+(?:of\s+)?(?:results|them|those))?$|^(?:the\s+)?next\s+(?:page|batch|results|\d{1,2}|few)(?:\s+(?:of\s+)?results)?$|^(?:(?:got|have\s+you\s+got|do\s+you\s+have|are\s+there)\s+)?(?:any\s+|the\s+|some\s+|a\s+few\s+|a\s+couple(?:\s+of)?\s+)?(?:others|(?:other|different)\s+(?:results|ones|pages|hits|matches|options))$|^(?:the\s+)?(?:results|hits|matches|items)\s+\d{1,2}\s*(?:to|-|–|through|thru)\s*\d{1,2}$|^(?:keep\s+going|continue|go\s+on|(?:show\s+(?:me\s+)?)?the\s+rest(?:\s+of\s+(?:the\s+|them|the\s+results))?)$|^(?:(?:show|give|get|send|fetch|try)\s+(?:me\s+)?|(?:is\s+there|(?:have\s+)?(?:you\s+)?got)\s+)?another(?:\s+(?:one|result|link|hit|option|suggestion))?$/i;
/**
 * Where more results, or the one picked, are wanted from ("more from HR", "more results in the OPS
 * space", "show me more from that space", "open the 2nd one from HR"): the same list, never a search for
 * "more" or a page called "2nd one". A space's key in capitals or a space pointed at (case-sensitive, so
 * "more from hr" is left alone).
 */
const PLACE_AFTER =
  /\s+(?:from|in|within|inside)\s+(?:the\s+)?(?:~?[A-Z][A-Z0-9]{1,9}(?:\s+space)?|(?:that|this|the\s+same|same)\s+space)$/;
/** "go back", "back one": the result opened before the last one. */
const GO_BACK = /^(?:go\s+)?back(?:\s+(?:one|a\s+step))?$/i;
/** "the one after that" / "the one before" / "the one below it": relative to the last result opened. */
const RELATIVE =
  /^(?:the\s+)?(?:one|result|page|link)\s+(after|before|below|under|underneath|above)(?:\s+(?:that|this|it)(?:\s+one)?)?$/i;
/** Relative words that mean the result after the last one opened; the others mean the one before. */
const AFTER_WORDS = new Set(['after', 'below', 'under', 'underneath']);

/** Words of follow-ups a typo of which is read as the word ("secnd", "sceond one", "mroe"). */
const FOLLOW_UP_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'last',
  'next',
  'previous',
  'one',
  'more',
  'result',
  'open',
  'show',
] as const;
const MAX_FOLLOW_UP_WORDS = 6;
/** Words left alone: the follow-up words and their near neighbours that are words themselves. */
const KNOWN_WORDS = new Set<string>([
  ...FOLLOW_UP_WORDS,
  'results',
  'ones',
  'shows',
  'opens',
  'lest',
  'note',
  'nest',
]);

/**
 * A short line with typos of follow-up words corrected: one edit from a word of five letters or
 * more, the same letters in another order for shorter ones ("oen", "mroe"). The first letter is
 * kept. Lines longer than MAX_FOLLOW_UP_WORDS words are returned as they are.
 */
function fixFollowUpTypos(text: string): string {
  const words = text.split(' ');
  if (words.length > MAX_FOLLOW_UP_WORDS) return text;
  return words
    .map((word) => {
      const lower = word.toLowerCase();
      if (!/^[a-z]{3,9}$/.test(lower) || KNOWN_WORDS.has(lower)) return word;
      const fixed = FOLLOW_UP_WORDS.find(
        (known) =>
          known[0] === lower[0] &&
          (known.length >= 5
            ? editDistance(lower, known, 1) <= 1
            : known.length === lower.length && [...known].sort().join('') === [...lower].sort().join('')),
      );
      return fixed ?? looseFollowUpTypo(lower) ?? word;
    })
    .join(' ');
}

/**
 * "open the 2nd one (the VPN guide)", "open #2 - Laptop Setup", "the first one, the expense policy": a result
 * by its position, then its title said again after a bracket, a dash, a comma or a colon. The position
 * says which; the echo names nothing new. Bounded: the head is at most 40 characters, the echo 80.
 */
const NAME_ECHO =
  /^([\p{L}\p{N}#.' ]{1,40}?)(?:\s\(|\s[-–—]\s|,\s|:\s)\s*(\p{L}[^()"“”]{0,79}?)\)?[\s.!?]*$/u;
/** Words that make the part after the break a request of its own ("#2, then search kafka"), not a title said again. */
const ECHO_REQUEST =
  /\b(?:open|show|get|search|find|look|create|make|add|append|update|edit|change|replace|rename|write|put|delete|remove|and|but|then|not|instead|is|are|was|were|needs?|has|have|had|looks?|seems?)\b/i;
/** A head of one word ("first, the rota is wrong"): too little to say a result was picked. */
const ONE_WORD = /^[\p{L}]+$/u;

/**
 * A result counted from the end of the list ("second from the bottom", "2nd to last", "last but one", "the
 * one third from the end"): no position the results can be opened by, so it is not understood (never
 * the second from the top, never a search for those words).
 */
const COUNTED_FROM_END =
  /^(?:(?:open|show|get)\s+(?:me\s+)?)?(?:the\s+)?(?:one\s+)?(?:second|2nd|third|3rd|fourth|4th|fifth|5th)\s+(?:one\s+)?(?:from\s+(?:the\s+)?(?:bottom|end)|(?:to|from)\s+(?:the\s+)?last)(?:\s+(?:one|result))?[\s?!.]*$|^(?:the\s+)?last\s+but\s+one[\s?!.]*$/i;

/** True for a result counted from the end of the list (see {@link COUNTED_FROM_END}). */
export function isCountedFromEnd(core: string): boolean {
  return core.length <= 80 && COUNTED_FROM_END.test(core.trim());
}

/**
 * A follow-up on the previous results in this conversation ("open the second one", "and the next
 * one", "open #2", "more results"), or `undefined`; a position may be followed by the title said
 * again (see {@link NAME_ECHO}). Only short, whole-line forms count: anything else is a new request.
 * Pure; the handler looks the results up.
 */
export function parseFollowUp(core: string): Intent | undefined {
  const read = readFollowUp(core);
  if (read || core.length > 130) return read;
  const echo = NAME_ECHO.exec(core);
  if (!echo || ECHO_REQUEST.test(echo[2]!) || ONE_WORD.test(echo[1]!.trim())) return undefined;
  const head = readFollowUp(echo[1]!);
  const placed = head?.kind === 'follow-up' && head.action === 'open' && head.position !== 'next';
  return placed && head.position !== 'previous' ? head : undefined;
}

/** A follow-up said in one short whole-line form (see {@link parseFollowUp}). */
function readFollowUp(core: string): Intent | undefined {
  if (core.length > 80) return undefined;
  const text = fixFollowUpTypos(
    core
      .replace(LEAD, '')
      .replace(REJECTED, '')
      .replace(TAIL, '')
      .replace(WHERE_SHOWN, '')
      .replace(/^teh\s/i, 'the '),
  );
  const unplaced = text.replace(PLACE_AFTER, '');
  if (MORE.test(unplaced) || isMoreInOtherWords(unplaced)) return { kind: 'follow-up', action: 'more' };
  const afterVerb = text.replace(VERB, '');
  if (MORE.test(afterVerb.replace(PLACE_AFTER, ''))) return { kind: 'follow-up', action: 'more' };
  const placed = PLACED.exec(afterVerb);
  if (placed) {
    const where = (placed[1] ?? '').toLowerCase();
    const position = where === 'top' ? 1 : where ? 'last' : ORDINALS[placed[2]!.toLowerCase()];
    if (position !== undefined) return { kind: 'follow-up', action: 'open', position };
  }
  if (GO_BACK.test(text)) return { kind: 'follow-up', action: 'open', position: 'previous' };
  const relative = RELATIVE.exec(afterVerb.trim());
  if (relative)
    return {
      kind: 'follow-up',
      action: 'open',
      position: AFTER_WORDS.has(relative[1]!.toLowerCase()) ? 'next' : 'previous',
    };
  const numbered = NUMBERED.exec(afterVerb) ?? SMALL_NUMBER.exec(afterVerb);
  if (numbered) {
    const digits = numbered[1]!.toLowerCase();
    const position = NUMBER_WORDS[digits] ?? Number(digits);
    return position >= 1 ? { kind: 'follow-up', action: 'open', position } : undefined;
  }
  const picked = ORDINAL_ONE.test(afterVerb) ? afterVerb : afterVerb.replace(PLACE_AFTER, '');
  const ordinal = ORDINAL_ONE.exec(picked);
  const position = ordinal ? ordinalOf(ordinal[1]!.toLowerCase()) : undefined;
  if (position === undefined) return followUpByWords(fixFollowUpTypos(core.replace(LEAD, '')));
  const bare = !/\s/.test(picked.replace(/^the\s+/i, ''));
  // "last" alone may be a word of a title; "previous", "prev" alone only go back.
  if (bare && position === 'last' && afterVerb === text) return undefined;
  return { kind: 'follow-up', action: 'open', position };
}

/**
 * Follow-ups read by their vocabulary, when the patterns above did not match: a position in the
 * results, or words asking for more of them, and otherwise only words such follow-ups are made of
 * ("i think the second one is what i need", "second result, open it", "what else did you find?",
 * "show me the remaining results"). A word naming something else ("the second step", "what else do I
 * need for the VPN?") leaves the message to the other readers.
 */
const FOLLOW_UP_VOCABULARY = wordSet(
  // opening and reading
  'open opened show get view display read see give pull up bring go back take pick choose select have ' +
    'click try want need jump summarise summarize tell info information details load fetch list share send ' +
    'provide post num nbr all everything same following check peek ' +
    // what of a result is wanted: "the 2nd one's content", "the first result's text"
    'content contents text ' +
    'keep continue going coming came come turned carry them anything something stuff things find found did do like wanna gimme lemme let lets ill id im out ' +
    // "the" as typed fast or said in other Englishes ("open d second one", "de second one abeg")
    'd de da ' +
    // where in the list, and when it was shown: "anything further down the list?", "the 2nd result from earlier"
    'down lower below further beyond along earlier before ' +
    // what was listed
    'one ones result results hit hits match matches page pages link links item items entry entries option ' +
    'options choice choices suggestion suggestions answer answers article articles doc docs document documents ' +
    'post posts search searches list listed number no nr gave sent showed shared suggested mentioned ' +
    'batch set lot lots bunch few couple others other further additional remaining rest else more moar ' +
    // results like those shown: "similar ones", "anything similar?", "more along those lines"
    'similar alike lines ' +
    // what the list was about, only pointed at: "any more on that topic?", "more on this subject"
    'topic subject theme ' +
    // what the user thinks of it
    'looks look seems sounds good right correct best useful relevant promising think guess probably perhaps ' +
    'mean meant need needed exactly top bottom end place position spot ' +
    // none of them was it: "none of these look right", "none of those help, try again"
    'none either help helps helped helpful work works worked ' +
    // nothing shown fits: "nothing fits, more pls", "show me more, nothing matches"
    'nothing fits fit fitting matching ' +
    // what more is asked on: "more on that topic"
    'topic subject ' +
    // what kind of result: "open the 2nd guide", "the third policy", "show me the first FAQ"
    'guide guides policy policies handbook handbooks runbook runbooks playbook playbooks process processes ' +
    'procedure procedures checklist checklists template templates faq faqs manual manuals wiki wikis',
);
/** Qualities "more" may compare ("more useful", "more detailed"). Kept as data. */
const QUALITY =
  /^(?:useful|helpful|relevant|specific|detailed|clear|accurate|precise|readable|concise|complete|correct|exact|recent)$/;
/** Position words: the ordinals, and numbers spelt out. */
const POSITION_WORDS: ReadonlySet<string> = new Set([...Object.keys(ORDINALS), ...Object.keys(NUMBER_WORDS)]);
/** Words that ask for more results than were shown ("similar ones": more like them). */
const MORE_WORD = /^(?:more|moar|additional|further|lower|others|rest|remaining|else|similar|alike)$/;
/** "keep them coming", "carry on", "continue": the list goes on. */
const KEEP_GOING = /\bkeep\s+(?:(?:them|em|it)\s+)?(?:coming|going)\b|\bcarry\s+on\b|\bcontinue\b/i;
/** "none of those", "none of these look right": the results shown were not it, so more are wanted. */
const NONE_OF = /\bnone\s+of\s+(?:those|these|them|the\s+results)\b/i;
/** "is that all?", "is that everything you found?", "that's all you got?": whether the list goes on. */
const THAT_ALL =
  /^(?:is\s+)?that\s+(?:all|everything)\b|^that(?:'s|’s|s|\s+is)\s+(?:all|everything)\s+(?:you|u)\b/i;
/** Nouns of a list of results, plural: "the next ones", "next batch" ask for more. */
const PLURAL_RESULTS =
  /^(?:ones|results|hits|matches|pages|links|items|entries|options|choices|suggestions|answers|articles|docs|documents|batch|set|lot|lots|few)$/;
/** Words that ask something else about a result ("why is the second one there?"). */
const OTHER_QUESTION = /^(?:why|how|when|where|who)$/;
/**
 * "what" or "which" first asks which step or choice comes first ("what should I do first?", "which one
 * first?", "what's next?"), and an auxiliary first asks about a result ("is the first one correct?"),
 * unless it asks for more ("what else did you find?", "is there anything else?").
 */
const WHICH_QUESTION = /^(?:what|whats|which|wat|wht|wut|is|are|was|were|does|did)$/;
/** "what's the next one?", "what was the 2nd result": a result by its position, asked with "what's". */
const WHATS_THE_ONE =
  /^(?:what|wat)(?:'s|’s|s|\s+is|\s+was)\s+(?:the\s+)?(?:next|previous|last|first|second|third|fourth|fifth|\d{1,2}(?:st|nd|rd|th))\s+(?:one|result|link|hit)\b/i;
/** "is that all (you found)?", "is that it?": asks whether there is more. */
const IS_THAT_ALL = /^is that (?:all|it|everything)$/;
/** Words that ask for advice, not for a result: "should", "shall", "must", "ought". */
const ADVICE_WORD = /^(?:should|shall|must|ought|shud|shld)$/;
/** An auxiliary after "what" that makes a question of its own ("what should I …", "what do we …"). */
const ASKING_AUXILIARY =
  /^(?:should|do|does|did|can|could|would|will|must|shall|have|has|had|am|are|were|was)$/;
/** One position in the list, as a word ("second", "2nd", "last") or a number ("#2", "3"). */
function positionOf(words: readonly string[], i: number): FollowUpPosition | undefined {
  const word = words[i]!;
  const ordinal = word === 'following' ? 'next' : ordinalOf(word);
  if (ordinal !== undefined) return ordinal;
  const number = /^#?(\d{1,2})$/.exec(word);
  // "open 77": past the longest list of results, a bare number is a page's id.
  if (number)
    return SMALL_NUMBER.test(word) || word.startsWith('#') ? Number(number[1]) || undefined : undefined;
  // "number two", "result three": a number word after a word that counts.
  const before = words[i - 1] ?? '';
  return /^(?:number|num|nbr|no|nr|result|option|opt|item|link|hit|choice)$/.test(before)
    ? NUMBER_WORDS[word]
    : undefined;
}

function followUpByWords(text: string): Intent | undefined {
  const words = closedWordsOf(text);
  // "what should I do first?": the position word says when, in a question of its own ("what are the other
  // results?" asks after the list).
  const asked =
    /^(?:what|which)$/.test(words[0] ?? '') &&
    ASKING_AUXILIARY.test(words[1] ?? '') &&
    !(words[1] === 'are' && words.includes('other') && words.some((word) => PLURAL_RESULTS.test(word)));
  if (words.length === 0 || OTHER_QUESTION.test(words[0]!) || asked) return undefined;
  if (words.some((word) => ADVICE_WORD.test(word))) return undefined;
  // "what else can you do": what the bot can do, not more results.
  if (/\b(?:can|could)\s+(?:you|u)\s+(?:do|help)\b/i.test(text)) return undefined;
  // "is there a next page?", "what else did you find?", "is that all?": asking for more stays a follow-up.
  const asksMore =
    IS_THAT_ALL.test(words.slice(0, 3).join(' ')) ||
    words.some(
      (word) =>
        MORE_WORD.test(word) ||
        ((word === 'next' || word === 'other') &&
          (words.includes('page') || words.some((w) => PLURAL_RESULTS.test(w)))),
    );
  if (WHICH_QUESTION.test(words[0]!) && !asksMore && !WHATS_THE_ONE.test(text)) return undefined;
  const named = words.filter((word) => !/^#?\d{1,2}$/.test(word));
  if (!allWordsFrom(named, FUNCTION_WORDS, FOLLOW_UP_VOCABULARY, POSITION_WORDS)) return undefined;
  const positions = words.flatMap((_, i) => {
    const position = positionOf(words, i);
    return position === undefined ? [] : [{ position, at: i }];
  });
  const plural = words.some((word) => PLURAL_RESULTS.test(word));
  // "I'd like it to be more useful": "more" before a quality compares, unless results follow ("more relevant
  // ones"); a position named with it is the one opened ("the 2nd result seems more relevant, show me that").
  const compares = !plural && words.some((word, i) => word === 'more' && QUALITY.test(words[i + 1] ?? ''));
  if (compares && positions.length !== 1) return undefined;
  // "other" asks for more only of a list ("the other results"; "the other one" is one of them).
  const more =
    words.some(
      (word) => (MORE_WORD.test(word) && !(compares && word === 'more')) || (plural && word === 'other'),
    ) ||
    KEEP_GOING.test(text) ||
    THAT_ALL.test(text) ||
    NONE_OF.test(text);
  // "page 2 of the results", "results page 3", "second page of results", "the next ones": a further page of the list.
  const pageOfResults =
    plural &&
    words.some(
      (word, i) =>
        word === 'page' &&
        (/^\d{1,2}$/.test(words[i + 1] ?? '') || (i > 0 && positionOf(words, i - 1) !== undefined)),
    );
  // "load the next page" (not "open the next page": the next result).
  const nextMany =
    positions.length === 1 &&
    positions[0]!.position === 'next' &&
    (plural || (words.includes('page') && !/^(?:open|read)$/.test(words[0]!)));
  if (more || pageOfResults || nextMany)
    return positions.length <= 1 ? { kind: 'follow-up', action: 'more' } : undefined;
  // "show me the top results": the best of them, not one to open.
  if (positions.length !== 1 || (plural && words[positions[0]!.at] === 'top')) return undefined;
  // "page 12" names a page by its id: not a position.
  if (words[positions[0]!.at - 1] === 'page') return undefined;
  return { kind: 'follow-up', action: 'open', position: positions[0]!.position };
}
