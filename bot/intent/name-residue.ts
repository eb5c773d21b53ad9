/**
 * What people say after the topic of a search or the name of a page they want to read, that is
 * neither: why or for whom they want it ("… for my trip next week", "… for a colleague"), when
 * ("… before friday", "… today"), a hedge ("… maybe", "… I think it's called", "… or something"),
 * chat ("… btw", "… tbh I have no idea where it lives") and a clause after a break about the asker or
 * the moment ("…, the client call is in 10 min", "…, Priya starts on Monday", "…, reviewing a PR").
 * One place trims it for both readers (search words and pages to open), with the word lists as data.
 * Only lower-case words count (titles are written in capitals: "Who Is Who", "Today I Learned"), and
 * only reads use it: the text of a write is never trimmed here.
 */

import { isReadAskedAgain } from './asked-again.js';
import { FUNCTION_WORDS } from './closed-words.js';
import { keyOneAside } from './key-one-aside.js';
import { isInsideQuotes } from './read-quoted.js';
import { isDepartmentWord } from './space-names.js';
import { WEEKDAY_EITHER_CASE, WEEKDAYS } from './weekdays.js';

/** Pronouns that make what follows a break a sentence about someone, not more of the name. */
const PRONOUNS = [
  'i',
  "i'm",
  'im',
  "i've",
  'ive',
  "i'll",
  "i'd",
  'me',
  'my',
  'we',
  "we're",
  "we've",
  "we'll",
  'our',
  'us',
  'you',
  "you're",
  'your',
  'u',
  'ur',
  'they',
  "they're",
  'them',
  'their',
  'he',
  "he's",
  'him',
  'his',
  'she',
  "she's",
  'her',
  'it',
  "it's",
  'its',
  "there's",
  "that's",
  'someone',
  'somebody',
  'everyone',
];
/** Verbs that make a clause ("… is in 10 min", "… asked", "… starts on Monday", "… locked out"). */
const CLAUSE_VERBS = [
  'is',
  'are',
  // "are" as chat types it ("…, alerts r firing again").
  'r',
  'was',
  'were',
  'am',
  'be',
  'been',
  "isn't",
  "aren't",
  "wasn't",
  'got',
  'gets',
  'has',
  'have',
  'had',
  "hasn't",
  "haven't",
  'does',
  'did',
  "don't",
  "doesn't",
  "didn't",
  "can't",
  'cannot',
  "couldn't",
  "won't",
  'will',
  'would',
  'should',
  'asked',
  'asks',
  'wants',
  'wanted',
  'needs',
  'needed',
  'said',
  'says',
  'told',
  'starts',
  'started',
  'keeps',
  'kept',
  'broke',
  'broken',
  'jammed',
  'stuck',
  'locked',
  'crashed',
  'failing',
  'failed',
  'joins',
  'joined',
  'mentioned',
  'suggested',
  'recommended',
  'arrived',
  'went',
  'came',
  'happened',
  'expires',
  'expired',
  'need',
  'want',
  'gotta',
  'because',
  'cause',
  'coz',
  'cuz',
];
/** Chat and time words: a clause of them says how or when, never what ("…, asap", "…, lol", "…, tomorrow"). */
const CHAT_AND_TIME = [
  'lol',
  'lmao',
  'haha',
  'hahaha',
  'hehe',
  'btw',
  'tbh',
  'fyi',
  'idk',
  'imo',
  'imho',
  'ngl',
  'smh',
  'ugh',
  'asap',
  'urgent',
  'urgently',
  'today',
  'tonight',
  'tomorrow',
  'tmrw',
  'yesterday',
  'eod',
  'eow',
  'min',
  'mins',
  'minutes',
  ...WEEKDAYS,
  'hour',
  'hours',
  'pm',
  'noon',
  'rn',
];
const CLAUSE_WORDS = new Set([...PRONOUNS, ...CLAUSE_VERBS, ...CHAT_AND_TIME]);
/** "4pm", "10:30am": a time of day. */
const CLOCK_TIME = /^\d{1,2}(?::\d{2})?(?:am|pm)$/;
/** What the asker is doing, opening a clause ("…, doing code review", "…, prepping the demo"). */
const DOING = new Set(
  'doing thinking hoping wondering considering working trying asking prepping preparing reviewing writing reading looking heading going getting planning helping waiting setting sitting travelling traveling flying leaving moving joining starting finishing running fixing debugging investigating chasing checking dealing visiting arriving returning attending hosting presenting interviewing commuting relocating explaining showing teaching introducing briefing mentoring coaching welcoming demoing answering replying drafting comparing sharing sending'.split(
    ' ',
  ),
);

/** "…, reviewing a PR", "…, trying to toggle something": a participle that opens a clause ("anything on X" is none). */
const PARTICIPLE_CLAUSE =
  /^(?!(?:any|some|every|no)thing\b)[a-z]{2,}ing\s+(?:a|an|the|to|for|my|our|some|something|it|this|that|with|on|in|out|up|through|around)\b/;

/** Breaks after which a clause may follow: a comma, a semicolon, a dash, a sentence end, a bracket. */
const BREAKS = [',', ';', ' - ', ' – ', ' — ', '. ', '? ', '! ', ' (', ' pls ', ' please ', ' plz '];

/** Longest clause (characters) read after a break, and longest text trimmed at all. */
const MAX_CLAUSE = 90;
const MAX_TEXT = 400;

/** When, alone at the end ("… today"); other days only after a preposition ("… before friday", not "Whit Monday"). */
const DAY_ALONE =
  '(?:today|tonight|tomorrow|tmrw|eod|eow|EOD|EOW|cob|COB|this\\s+(?:morning|afternoon|evening))';
const WEEKDAY = WEEKDAY_EITHER_CASE;
const DAY = `(?:(?:today|tomorrow|tmrw)\\s+(?:morning|afternoon|evening|night)|today|tonight|tomorrow|tmrw|eod|eow|EOD|EOW|cob|COB|(?:this|next)\\s+(?:week|month|quarter|morning|afternoon|evening|${WEEKDAY})|${WEEKDAY}(?:\\s+(?:morning|afternoon|evening))?|the\\s+weekend|end\\s+of\\s+(?:the\\s+)?(?:day|week|month))`;
/** Events people look things up for ("the retro", "a prospect call", "tomorrow's board meeting"). Kept as data. */
const EVENT_NOUN =
  '(?:meeting|call|trip|retro|standup|stand-up|demo|review|audit|interview|1:1|one-on-one|offsite|onsite|workshop|presentation|sync|deadline|conference|event|visit|wedding|holiday|vacation|party|summit|course|exam|appointment|launch|kickoff|kick-off|pitch|shift|session|training|catch-?up|qbr|all[-\\s]hands|town\\s+hall)';
/** When the event is: "at 3", "at 2pm", "in 10 min", "tomorrow". */
const EVENT_WHEN = `(?:\\s+(?:to|in)\\s+[A-Z][\\p{L}-]+)?(?:\\s+(?:${DAY}|at\\s+\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)?|in\\s+\\d{1,3}\\s*(?:min|mins|minutes|hours?|h)))?`;
/**
 * Before or for what: "before the retro tomorrow", "for the audit", "for a prospect call at 3", "ahead
 * of tomorrow's board meeting". Words between the article and the event only when the event is the
 * asker's ("a", "this", "tomorrow's") or said with its time ("the quarterly review" alone may be the topic).
 */
const EVENT = `(?:before|after|ahead\\s+of|for)\\s+(?:(?:the|my|our|this|next|a|an)\\s+${EVENT_NOUN}${EVENT_WHEN}|(?:a|an|this|next|(?:today|tomorrow|tmrw)'?s|the\\s+upcoming)\\s+(?:[a-z][a-z0-9-]*\\s+){1,2}?${EVENT_NOUN}${EVENT_WHEN}|the\\s+(?:[a-z][a-z0-9-]*\\s+){1,2}?${EVENT_NOUN}(?=\\s+(?:${DAY}|at\\s+\\d|in\\s+\\d))${EVENT_WHEN})`;
/** "the laptop setup page for Sam": for whom, after a page noun that follows the name. */
const PAGE_FOR_SOMEONE = /(?<=\S\s+(?:page|doc|document))\s+for\s+[A-Z][\p{Ll}'-]+$/u;
/** Courtesy left at the end once a clause after it is gone ("offsite agenda thx, planning …"), and Irish "there". */
const COURTESY =
  '(?:thx|thanks|thank\\s+you|thank\\s+u|tysm|ty|tq|tqvm|thnx|thanx|cheers|pls|pretty\\s+please|please|plz|there|xx|xxx)';
/** For whom: "for my trip", "for a colleague", "for the new guy", "for me today". */
const FOR_WHOM =
  'for\\s+(?:me|us|him|her|them|my|our|his|their|an?\\s+(?:friend|colleague|co-?worker|teammate|client|customer|prospect|candidate|visitor|guest|vendor|partner|auditor|leaver|mentee|intern)|(?:the|a|our|my)\\s+new\\s+(?:guy|girl|hire|joiner|starter|person|colleague|member|team\\s+member)|(?:(?:the|some|a\\s+few|all\\s+the)\\s+)?(?:[a-z][a-z-]*\\s+){0,2}?(?:folks|guys|peeps|gang|crew|lads))\\b';
/** Before whose event: "before my 2pm interview", "ahead of our offsite", "b4 my 1:1" (typed on a phone). */
const BEFORE_OWN = '(?:before|b4|after|during|ahead\\s+of)\\s+(?:my|our|his|her|their)\\b';
/** Why: "as I am travelling", "because we have an audit", "because of the audit" (an event only). */
const WHY =
  "(?:(?:because|since|as|cos|coz|cuz)\\s+(?:[iI]|[iI]'m|im|[iI]'ve|we|we're|we've|my|our|it's|they|they're)|(?:because|cos|coz|cuz)\\s+of\\s+(?:the|my|our|an?|this|next|an?\\s+upcoming)\\s+(?:[a-z][a-z0-9-]*\\s+){0,2}?" +
  EVENT_NOUN +
  "|(?:because|cos|coz|cuz)\\s+the\\s+(?:[a-z][a-z-]*\\s+){1,3}?(?:is|are|was|were|isn't|aren't|keeps|broke|went|has|had)|so\\s+(?:that\\s+)?(?:[iI]|we|you|u|he|she|they|my|our|the\\s+team)\\s+(?:can|could|may|might|will|would|have|don't|dont|do|know|get)|in\\s+order\\s+to)\\b";
/** What the asker is getting on with, after "to … my/our" ("to plan my holiday", "to sort out our visas"). Kept as data. */
const OWN_PLANS =
  '(?:plan|book|organi[sz]e|arrange|sort(?:\\s+out)?|fill\\s+in|fill\\s+out|finish|complete|submit|file|claim|pay|renew|prepare|prep|update|check|understand|figure\\s+out|work\\s+out)';
/**
 * What the asker will do with it: "to send to the new starter", "to share with the client", "to prepare
 * for my interview" (a verb of passing on or getting ready, then whom or what for); "steps to prepare a
 * release", "how to send money" keep their words, and a question word before it keeps it too.
 */
const PURPOSE =
  '(?<!(?:^|\\s)(?:how|what|where|when|why|who|which|whether|steps?|ways?|tips|guide|guidance|instructions|advice|need|needs|needed)\\s)to\\s+(?:(?:send|share|forward|show|give|pass|present|email|e-mail|mail|circulate|post)\\s+(?:(?:it|them|this|that|these|those)\\b|(?:(?:it|them|this|that|these|those)\\s+)?(?:to|with)\\s|(?:the|my|our|a|an)\\s+(?:[a-z][a-z-]*\\s+)?(?:client|customer|team|boss|manager|lead|candidate|folks|guys|board|execs?|auditors?|vendor|partner|newbie|new\\s+\\S+)\\b)|(?:prepare|prep|get\\s+ready|study|revise|cram)\\s+for\\s|(?:brief|onboard|answer|reply\\s+to|respond\\s+to|inform|remind|convince|help)\\s+(?:the|my|our|a|an|him|her|them|us|me|someone|everyone|some\\s+\\S+)\\b|' +
  OWN_PLANS +
  '\\s+(?:my|our)\\b)';
/** "Now" said at the end of a topic ("… these days", "… at the moment"): when it is asked, never what about. */
const NOWADAYS = '(?:these\\s+days|nowadays|at\\s+the\\s+moment|atm|at\\s+present|currently)';
/**
 * How recent, at the end ("… from last year", "… updated this week", "… in the past month"): the bot
 * searches words, not dates, so these narrow nothing and only add words no page has.
 */
const RECENCY =
  '(?:(?:updated|edited|changed|written|created|published|posted|added)\\s+)?(?:(?:from|in|during|over|since)\\s+)?(?:the\\s+)?(?:(?:last|past)\\s+(?:week|month|year|quarter|few\\s+(?:days|weeks|months))|recently|lately)|(?:from|updated|edited|changed|published|posted|added)\\s+(?:this\\s+(?:week|month|year)|yesterday|today)';

/** Hedges and courtesy at the end: "maybe", "I think it's called", "or something", "by any chance", "if possible". */
const HEDGE =
  "(?:maybe|perhaps|probably|[iI]\\s+(?:think|guess|believe)|iirc|or\\s+(?:something|smth|sth|whatever)(?:\\s+like\\s+that)?|(?:[iI]\\s+think\\s+|[iI]\\s+guess\\s+)?(?:it'?s|that'?s)\\s+(?:what\\s+it'?s\\s+)?called|by\\s+any\\s+chance|if\\s+(?:poss(?:ible)?|(?:you|u|ya)\\s+can|you\\s+don'?t\\s+mind)|when(?:ever)?\\s+(?:you|u)\\s+(?:get|have)\\s+a\\s+(?:chance|sec|second|min|minute|moment)|whenever(?:\\s+(?:you\\s+can|possible))?|if\\s+(?:that'?s|thats|it'?s|its)\\s+(?:ok|okay|alright|fine|cool|possible)|at\\s+your\\s+(?:earliest\\s+)?convenience|no\\s+(?:worries|problem|stress)\\s+if\\s+not|when\\s+(?:(?:you(?:'re|\\s+are)|u\\s+r)\\s+)?free|if\\s+(?:you|u)\\s+(?:have|get|find)\\s+(?:the\\s+|some\\s+)?(?:time|a\\s+(?:sec|second|minute|moment|chance))|(?:just\\s+)?(?:out\\s+of\\s+)?curious(?:ity)?|asking\\s+for\\s+a\\s+friend|in\\s+full)";
/** Chat words that start what is said aside: "btw", "tbh I have no idea where it lives". */
const ASIDE = '(?:btw|by\\s+the\\s+way|tbh|fyi|idk|imo|imho|ngl|lol|lmao|haha\\w*|hehe\\w*)';

/** "… and send me the link", "… and share it with me": how the page should reach the asker, after its name. */
const AND_SEND_LINK =
  '(?:and|&|n)\\s+(?:then\\s+)?(?:send|share|give|post|dm|drop|paste|forward|ping)(?:\\s+(?:me|us))?(?:\\s+(?:the|a|its|it|that))?(?:\\s+(?:link|url))?(?:\\s+(?:to|with)\\s+(?:me|us))?';

/** The residue at the end of a name or topic, with no break before it (lower case as typed; "I" either way). */
const TRAILING_RESIDUE = new RegExp(
  `\\s(?:${FOR_WHOM}.*|${WHY}.*|${PURPOSE}.*|${BEFORE_OWN}.*|in\\s+a\\s+(?:rush|hurry)|(?:before|b4|by|until|till|ahead\\s+of|for|on|of)\\s+${DAY}|${DAY_ALONE}|${NOWADAYS}|${RECENCY}|${EVENT}|asap|${HEDGE}|${ASIDE}(?:\\s.*)?|${COURTESY}|${AND_SEND_LINK})[\\s.!?]*$`,
  'u',
);
/** Where the asker is or how busy, said aside: ", on a call", "- in a meeting", ", between meetings", ", on my phone". */
const BUSY =
  '(?:on|in)\\s+(?:a|the|my)\\s+(?:call|meeting|rush|hurry|phone|train|bus|break|car|plane|flight)\\b|(?:in\\s+)?between\\s+(?:meetings|calls)|on\\s+(?:mobile|the\\s+go)|in\\s+meetings';
/** Which copy, said after a break: ", the one from last year", "(the new one)", "(latest version)" (lower case as typed). */
const WHICH_ONE =
  "the\\s+(?:[\\p{Ll}\\p{N}'-]+\\s+){0,3}?(?:ones?|version|copy)(?=\\s|$)|(?:[\\p{Ll}\\p{N}'-]+\\s+){1,2}(?:one|version|copy)\\s*$";
/** A clause after a break that says why, for whom, for what or which copy ("- for a conference in Berlin", ", the one HR sent"). */
const ASIDE_START = new RegExp(
  `^(?:${FOR_WHOM}|${WHY}|${PURPOSE}|${EVENT}|${WHICH_ONE}|${BUSY}|no\\s+(?:idea|clue)|not\\s+sure|dunno)`,
  'u',
);

/** True when `clause` (after a break) is about the asker or the moment: a clause word typed in lower case, or a participle. */
export function isAside(clause: string): boolean {
  const trimmed = clause.trim();
  if (trimmed.length === 0) return true;
  if (PARTICIPLE_CLAUSE.test(trimmed) || DOING.has(/^[a-z]+/.exec(trimmed)?.[0] ?? '')) return true;
  if (ASIDE_START.test(trimmed)) return true;
  for (const match of trimmed.matchAll(/[\p{L}\p{N}'’:]+/gu)) {
    const word = match[0].replaceAll('’', "'");
    if (CLOCK_TIME.test(word)) return true;
    const typedLower = word === word.toLowerCase() || /^I(?:'[a-z]+)?$/.test(word);
    if (typedLower && CLAUSE_WORDS.has(word.toLowerCase())) return true;
  }
  return false;
}

/** The last break of `text` and where its clause starts, or undefined. */
function lastBreak(text: string): { at: number; clauseStart: number } | undefined {
  let best: { at: number; clauseStart: number } | undefined;
  for (const mark of BREAKS) {
    const at = text.lastIndexOf(mark);
    if (at > 0 && (!best || at > best.at)) best = { at, clauseStart: at + mark.length };
  }
  return best;
}

/**
 * ", it's in the people space", "(should be on the eng wiki)", "- in OPS I think", ", might be in OPS": where the page or topic
 * is, said as an aside. It becomes a plain "in <space>" at the end, which the space readers take.
 */
const SPACE_ASIDE =
  /^(?:(?:[iI]\s+think|probably|prob|possibly|perhaps|maybe|pretty\s+sure)\s+)?(?:(?:it'?s|its|it\s+is|(?:it\s+)?(?:should|might|could|may|would)\s+be|it\s+lives|which\s+is|that'?s|it\s+sits|look|the\s+one)\s+)?(?:somewhere\s+)?(?:in|on|under|inside)\s+(?:((?:the\s+)?[\p{L}&]+(?:\s+[\p{L}&']+){0,3}?\s+(?:space|wiki)|~?[A-Z][A-Z0-9]{1,9})|(\p{L}{2,15}))(?:\s+[iI]\s+think)?[\s.!?]*$/u;

/** "(ENG space)", "…, the people space": a space named after a break with its marker, no preposition. */
const SPACE_IN_BRACKETS = /^((?:the\s+)?[\p{L}&]+(?:\s+[\p{L}&']+){0,3}?\s+(?:space|wiki))$/u;

/**
 * The space an aside clause names ("it's in the people space" → "the people space"; "should be in sales",
 * one word only as a department's: "probably in march" names none), or undefined.
 */
export function spaceAside(clause: string): string | undefined {
  const aside = clause.length > MAX_CLAUSE ? null : SPACE_ASIDE.exec(clause.trim());
  // ", the ENG one": which copy, said by its space's key.
  if (!aside) return keyOneAside(clause);
  return aside[1] ?? (isDepartmentWord(aside[2]!) ? aside[2] : undefined);
}

/**
 * A page name with its space said after a break ("the Release Notes page, eng space", "the FAQ (people
 * space)", "…, it's in the HR space") as "… in <space>", which the space readers take; anything else
 * unchanged. For writes too: only the space clause is read, nothing else is trimmed.
 */
export function withSpaceAsideAtEnd(text: string): string {
  if (text.length > MAX_TEXT) return text;
  const found = lastBreak(text);
  if (!found || text.length - found.clauseStart > MAX_CLAUSE || isInsideQuotes(text, found.at)) return text;
  const clause = text.slice(found.clauseStart).replace(/\)\s*[.!?]*$/, '');
  const head = text.slice(0, found.at).trimEnd();
  // "…, in the HR space": the preposition is the aside's, never a word of the space's name.
  const space = spaceAside(clause) ?? SPACE_IN_BRACKETS.exec(clause.trim())?.[1];
  return space && /[\p{L}\p{N}]/u.test(head) ? `${head} in ${space}` : text;
}

/** "… i think its in the hr space", "… it's on the eng wiki": where it is, said without a break. */
const HEDGED_SPACE =
  /\s(?:(?:[iI]\s+think|probably|pretty\s+sure|maybe)\s+)?(?:it'?s|its|it\s+is|should\s+be)\s+(?:somewhere\s+)?(?:in|on)\s+((?:the\s+)?[\p{L}&]+(?:\s+[\p{L}&']+){0,3}?\s+(?:space|wiki)|~?[A-Z][A-Z0-9]{1,9})[\s.!?]*$/u;

/**
 * "… before I create a new one", "… while we migrate": what the asker is about to do, said after the
 * topic. Not after a question word ("what to do before we travel" is the topic).
 */
const BEFORE_DOING =
  /\s(?:before|while|until|till)\s+(?:[iI]|we|you|u|they|he|she|my\s+team|the\s+team)\s+(?:[a-z]+\s+){0,1}[a-z]+(?:\s+\S+){0,8}[\s.!?]*$/u;
const QUESTION_WORD_FIRST = /^(?:how|what|where|when|why|which|who|whether)\b/i;

/** One step: the text without a trailing aside clause after a break, or without trailing residue. */
function trimOnce(text: string): string {
  const moved = withSpaceAsideAtEnd(text);
  if (moved !== text) return moved;
  const hedged = HEDGED_SPACE.exec(text.slice(-MAX_CLAUSE));
  if (hedged) {
    const head = text.slice(0, text.length - Math.min(text.length, MAX_CLAUSE) + hedged.index).trimEnd();
    if (/[\p{L}\p{N}]/u.test(head)) return `${head} in ${hedged[1]}`;
  }
  const found = lastBreak(text);
  if (found && text.length - found.clauseStart <= MAX_CLAUSE && !isInsideQuotes(text, found.at)) {
    const head = text.slice(0, found.at).trimEnd();
    const clause = text.slice(found.clauseStart).replace(/\)\s*[.!?]*$/, '');
    if (/[\p{L}\p{N}]/u.test(head) && (isAside(clause) || isReadAskedAgain(clause))) return head;
  }
  const doing = QUESTION_WORD_FIRST.test(text) ? null : BEFORE_DOING.exec(text.slice(-MAX_CLAUSE));
  if (doing) {
    const head = text.slice(0, text.length - Math.min(text.length, MAX_CLAUSE) + doing.index).trimEnd();
    if (/[\p{L}\p{N}]/u.test(head)) return head;
  }
  const someone = PAGE_FOR_SOMEONE.exec(text);
  if (someone) return text.slice(0, someone.index);
  const tail = text.slice(-MAX_CLAUSE - 10);
  const residue = TRAILING_RESIDUE.exec(tail);
  if (residue) {
    const head = text.slice(0, text.length - tail.length + residue.index).trimEnd();
    if (/[\p{L}\p{N}]/u.test(head)) return head;
  }
  return text;
}

/** A filler between commas anywhere ("the, uh, Team Rituals page", "me, if you can, the Release Notes"). */
const FILLER_BETWEEN_COMMAS =
  /,\s*(?:um+|uh+m*|erm*|ehm|hmm+|like|you\s+know|i\s+mean|if\s+(?:you\s+can|possible|you\s+could)|please|pls|plz|maybe|basically)\s*,\s*/gi;
/**
 * What people say before the topic or the name: a comma, a filler ("um", "uh"), a hedge or an adverb
 * ("again the", "once the"), "for me the", "us a look at the",
 * before an article or a preposition ("like the travel policy", "maybe the incident runbooks", "quickly
 * for sso setup", "real quick the expense limits"), "me, " or "me the" left by a verb.
 */
const LEADING_RESIDUE =
  /^(?:[,;:]\s*|(?:um+|uh+m*|erm*|ehm|hmm+)\b[,.]?\s*|(?:for|about|on)\s*,\s*|(?:like|just|maybe|perhaps|basically|actually|literally|honestly|quickly|real\s+quick|quick|kindly|again|once(?:\s+again|\s+more)?|also|now|one\s+more\s+time)(?:\s*,\s*|\s+(?=(?:the|a|an|some|any|anything|for|about|on|our|info|information|docs?|pages?)\b))|(?:me|us)(?:\s*,\s*|\s+(?=(?:the|our|quickly|quick|real\s+quick|just|maybe|again|once|also)\s))|(?:for|to)\s+(?:me|us)(?:\s*,\s*|\s+(?=(?:the|our|this|that)\s))|(?:(?:me|us)\s+)?an?\s+(?:quick\s+|closer\s+|brief\s+|little\s+)?(?:look|peek|squiz|gander|glance|butcher'?s)\s+(?:at|into|over|through)\s+(?=(?:the|our|this|that)\s))/i;
/** "the keyword \"rollback\"", "the term 'kafka lag'", "just the word failover": a search's words named as words ("term sheet" stays). */
const WORDS_NAMED =
  /^(?:just\s+)?the\s+(?:key\s*)?(?:words?|phrase|string)\s+(?=\S)|^(?:just\s+)?(?:the\s+)?(?:key\s*)?(?:words?|terms?|phrase|string)\s+(?=["“'‘])/;

/** "(access) to the X", "(get me) into the X": where a verb of going leaves a page's name (names only). */
const TO_THE_PAGE = /^(?:to|into|onto|in\s+to)\s+(?=(?:the|our)\s)/i;

/** `text` without leading residue (see {@link LEADING_RESIDUE}); `search` also drops "the term …", a name "to the". */
function withoutLeadingResidue(text: string, search: boolean): string {
  let rest = text;
  for (let round = 0; round < 6; round += 1) {
    const match = LEADING_RESIDUE.exec(rest) ?? (search ? WORDS_NAMED.exec(rest) : TO_THE_PAGE.exec(rest));
    if (!match || match[0].length === 0) break;
    rest = rest.slice(match[0].length);
  }
  return /[\p{L}\p{N}]/u.test(rest) ? rest : text;
}

/** A bracketed clause inside the text, with more after it ("expense codes (the finance ones) in SALES"). */
const BRACKETED = /\s\(([^()]{1,90})\)(?=[\s,.!?]|$)/gu;

/** `text` without bracketed asides (see {@link isAside}) before the end: "X (the 2026 one) in HR" → "X in HR". */
function withoutBracketedAsides(text: string): string {
  return text.replace(BRACKETED, (whole, clause: string, at: number) =>
    /[\p{L}\p{N}]/u.test(text.slice(0, at)) && !isInsideQuotes(text, at) && isAside(clause) ? '' : whole,
  );
}

/**
 * `text` (a search's words or the name of a page to read) without what is said after it that is
 * neither (see the module comment), and without fillers before it or between commas; `search` also drops
 * "the term" before a search's words. A few rounds, each a backward search for the last break and one
 * anchored match on a bounded tail: linear. Text longer than {@link MAX_TEXT} is left as typed.
 */
export function withoutNameResidue(text: string, search = false): string {
  if (text.length > MAX_TEXT) return text;
  let rest = withoutLeadingResidue(
    withoutBracketedAsides(text.replace(FILLER_BETWEEN_COMMAS, ' ')).trim(),
    search,
  );
  for (let round = 0; round < 4; round += 1) {
    const next = trimOnce(rest);
    if (next === rest) break;
    rest = next;
  }
  return rest;
}

/** "in the space of engineering", "in space of IT & Operations" (non-native): the space named after "space of", one word or two joined by "&". */
const SPACE_OF =
  /\b((?:in|on|from|within|inside)\s+)(?:the\s+)?space\s+of\s+(?:the\s+)?([\p{L}&]+(?:\s+&\s+\p{L}+)?)\b/iu;

/** `text` with "the space of X" said as "the X space", which the space readers take. */
export function withSpaceOfNamed(text: string): string {
  return text.length > MAX_TEXT ? text : text.replace(SPACE_OF, '$1the $2 space');
}

/**
 * Words that, typed in lower case right after a page's name, start what is said about it, never more
 * of the name: the asker and relatives ("… page I was sent", "… which is there in HR"), courtesy and
 * words for the listener ("… mate", "… na", "… if thats ok"), adverbs and particles ("… again", "…
 * urgently", "pull the X up"). Kept as data. They count after a word of the name in capitals or a
 * document noun ("the vpn guide pls").
 */
const TAIL_WORDS = new Set(
  (
    'i im ive ill id you u ya ye we he she they which who whom whose thats my pretty ' +
    'please pls plz pleeease thx thanks thank ty tysm tq tqvm thnx thanx tks tnx cheers mate pal buddy bro dude guys folks ' +
    'na yaar lah leh la lor sia eh ah abeg po sir madam maam boss lol haha hehe btw fyi tbh imo ok okay yeah yea yep innit ' +
    'asap rn now urgently immediately again too also already quickly quick real up over once can could would will here'
  ).split(' '),
);
/** Where a page is kept, before "in <space>" ("… page located in the ops space", "… kept on the HR wiki"). */
const WHERE_KEPT = new Set(
  'located kept stored sitting sits hosted living lives found saved filed'.split(' '),
);
/** A read's verb said again after the name, with what it is done to ("… faq open it please", "… page send me it"). */
const ASK_AGAIN = new Set('open show send share pull bring get'.split(' '));
const ASKED_OBJECT = new Set('it that this me us pls please plz up'.split(' '));
/** Starts that count only after a word in capitals or a page noun ("the Sales Playbook before the QBR", "the X doc when u get a min"). */
const TAIL_AFTER_NAME = new Set(
  'before after when whenever while if so because cause cuz coz since as until till by during that but need needs'.split(
    ' ',
  ),
);
/** After a document noun in lower case, a need said with no subject starts a tail ("the benefits faq need to check …"). */
const NEED_AFTER_DOCUMENT = new Set('need needs want wanna'.split(' '));
const NEEDED_OBJECT = new Set('to it this that'.split(' '));
/** "for" starts a tail only before these ("… for this weekend", "… for the onboarding session"; "Guide for Managers" stays). */
const FOR_TAIL = new Set(
  'me us him her them this next my our his their the a an tomorrow today tonight later now'.split(' '),
);
/** Nouns that say the words before them name a page ("page", "doc"), and document nouns that end names ("guide", "policy"). */
const PAGE_NOUNS = new Set('page pg doc document article'.split(' '));
const DOCUMENT_NOUNS = new Set(
  'guide policy handbook runbook playbook process procedure checklist template faq manual notes rota calendar schedule plan roadmap overview instructions'.split(
    ' ',
  ),
);
/** True when `word` (lower case) is a page noun or a noun that ends a document's name ("page", "checklist"). */
export function isDocumentWord(word: string): boolean {
  return PAGE_NOUNS.has(word) || DOCUMENT_NOUNS.has(word);
}
/** Words before a page noun that do not name the page ("the wiki page for …"). */
const NOT_NAME_WORDS = new Set('the a an our this that my your wiki confluence teh'.split(' '));
/** A space named at the end of a cut tail ("… which is there in HR", "… page I need from the people space"). */
const SPACE_IN_TAIL =
  /\s(?:in|on|from|under|inside)\s+((?:the\s+)?[\p{L}&]+(?:\s+[\p{L}&']+){0,3}?\s+(?:space|wiki)|~?[A-Z][A-Z0-9]{1,9})(?:\s+space)?[\s.!?]*$/u;

/**
 * `text` (the name of a page to read) cut where what is said about the page starts (see
 * {@link TAIL_WORDS}): "the Q1 Pipeline Review page I was sent" → "the Q1 Pipeline Review page". A
 * space named in the cut part is kept as "in <space>". Only lower-case words count (titles keep
 * "If", "When"); word by word over at most {@link MAX_TEXT} characters.
 */
export function withoutTailAfterName(text: string): string {
  if (text.length > MAX_TEXT) return text;
  const words = [...text.matchAll(/[^\s,;]+/g)];
  // A line typed all in capitals: case says nothing, so its words are read as if in lower case, and a
  // tail counts only after a page or document noun ("THE ENGINEERING HANDBOOK NOW").
  const shouted = !/\p{Ll}/u.test(text);
  let named = false;
  for (let i = 1; i < words.length; i += 1) {
    const before = words[i - 1]![0].replace(/[.!?:)'’-]+$/, '');
    const beforeLower = before.toLowerCase();
    const nameWord = !NOT_NAME_WORDS.has(beforeLower) && !FUNCTION_WORDS.has(beforeLower);
    if (nameWord && !PAGE_NOUNS.has(beforeLower)) named ||= /[\p{L}\p{N}]/u.test(before);
    if (!named) continue;
    const word = words[i]![0].replace(/[.!?,:]+$/, '');
    const capital = /^[\p{Lu}\p{N}]/u.test(before) && nameWord && !shouted;
    const pageNoun = PAGE_NOUNS.has(beforeLower);
    const docNoun = DOCUMENT_NOUNS.has(beforeLower) && (before === beforeLower || shouted);
    if (!capital && !pageNoun && !docNoun) continue;
    const plain = word.replaceAll(/['’]/g, '');
    const typedLower = word === word.toLowerCase() || /^I(?:['’][a-z]+)?$/.test(word) || shouted;
    if (!typedLower) continue;
    const lower = plain.toLowerCase();
    // "up to date" says how fresh, but "pull the X up for me" ends the name.
    const next = (words[i + 1]?.[0] ?? '').toLowerCase();
    // "up to date" says how fresh, but "pull the X up for me" ends the name; "… faq open it please" asks again.
    const strong =
      (TAIL_WORDS.has(lower) && !(lower === 'up' && next === 'to')) ||
      (ASK_AGAIN.has(lower) && ASKED_OBJECT.has(next)) ||
      (WHERE_KEPT.has(lower) && /^(?:in|on|under|inside|within|somewhere)$/.test(next)) ||
      (docNoun && NEED_AFTER_DOCUMENT.has(lower) && NEEDED_OBJECT.has(next));
    const weak =
      (capital || pageNoun) &&
      (TAIL_AFTER_NAME.has(lower) ||
        // After a page noun the name has ended ("the X page for marketing"); else "for" only before a pronoun or a time.
        (lower === 'for' && (pageNoun || FOR_TAIL.has((words[i + 1]?.[0] ?? '').toLowerCase()))));
    if (!strong && !weak) continue;
    const cutAt = words[i - 1]!.index! + words[i - 1]![0].length;
    const head = text.slice(0, cutAt).replace(/[\s,;:–—-]+$/, '');
    const space = SPACE_IN_TAIL.exec(text.slice(cutAt));
    return space ? `${head} in ${space[1]}` : head;
  }
  return text;
}
