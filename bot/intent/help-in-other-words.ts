import type { HelpTopic } from './types.js';

/**
 * Help asked in words the main help patterns do not read: how one of the bot's features works, said
 * with a word for its steps ("how does the approval process work?", "can you explain how the approval
 * step works?", "what's the workflow for getting my edit approved?"), or how to ask the bot questions
 * ("how can I ask you questions about our policies?"). A feature named with anything else ("how does the
 * expense approval process work?") is a question for the knowledge base and is left alone.
 */

/** Asking to be told, before "how …" ("can you explain", "pls describe to me", "tell me"). */
const EXPLAIN_LEAD =
  /^(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|plz\s+|quickly\s+|briefly\s+)?|(?:please|pls|plz|kindly)\s+)?(?:explain|describe|tell|clarify|remind)(?:\s+(?:to\s+)?(?:me|us))?\s+(?=how\b)/i;

/** The bot's features, as named in "how does the … work" (kept as data): the word, and its help topic. */
const FEATURES: readonly [RegExp, HelpTopic][] = [
  [/^(?:approvals?|approving|sign-?offs?|signing\s+off)$/i, 'approvals'],
  [/^(?:search(?:es|ing)?)$/i, 'search'],
  [/^(?:page\s+creation|creating(?:\s+(?:a\s+)?(?:new\s+)?pages?)?|creation)$/i, 'create'],
  [
    /^(?:edits?|editing(?:\s+(?:a\s+)?pages?)?|updates?|updating(?:\s+(?:a\s+)?pages?)?|page\s+edits?)$/i,
    'update',
  ],
];
const FEATURE_SOURCE = String.raw`(approvals?|approving|sign-?offs?|signing\s+off|search(?:es|ing)?|page\s+creation|creating(?:\s+(?:a\s+)?(?:new\s+)?pages?)?|creation|edits?|editing(?:\s+(?:a\s+)?pages?)?|updates?|updating(?:\s+(?:a\s+)?pages?)?|page\s+edits?)`;

/** Words for the steps of a feature ("the approval process", "the sign-off step"). Kept as data. */
const STEPS = String.raw`(?:process|step|steps|stage|workflow|flow|system|mechanism|part|bit|thing|feature|procedure|logic)`;

/** Where or for what the feature is used, after "work" ("… here", "… with you", "… for edits", "… in this bot"). */
const BOT_PLACE = String.raw`(?:\s+(?:here|exactly|again|(?:with|in|for|on|through|via)\s+(?:you|u|this\s+(?:bot|chat|channel)|the\s+bot|here|(?:my\s+|the\s+)?(?:edits?|changes?|updates?|pages?|requests?|writes?))))*`;

/**
 * "how does the approval process work", "how do approvals work here", "how the approval step works"
 * (after "explain"): a feature with or without a word for its steps, then "work"; nothing else named.
 */
const HOW_FEATURE_WORKS = new RegExp(
  String.raw`^how\s+(?:(?:does|do|will|would)\s+)?(?:the\s+|your\s+|ur\s+|this\s+)?${FEATURE_SOURCE}(?:\s+${STEPS})?\s+(?:works?|happens?|goes)${BOT_PLACE}[\s?!.]*$`,
  'i',
);

/**
 * "what's the workflow for getting my edit approved?", "what is the process to get a change signed off":
 * how the bot's own writes are approved.
 */
const WRITE_APPROVED = new RegExp(
  String.raw`^what(?:'s|’s|s|\s+is|\s+are)\s+the\s+${STEPS}\s+(?:for|to)\s+(?:get(?:ting)?\s+)?(?:my\s+|an?\s+|the\s+|our\s+)?(?:edits?|changes?|updates?|writes?|pages?|requests?)\s+(?:approved|signed\s+off|accepted|through)${BOT_PLACE}[\s?!.]*$`,
  'i',
);

/** "how can I ask you questions (about our policies)?": how questions are put to the bot, a few words of what about. */
const HOW_TO_ASK =
  /^how\s+(?:(?:can|do|should|could|would)\s+(?:i|we)|to)\s+ask\s+(?:you|u|ya|this\s+bot|the\s+bot)\s+(?:a\s+|some\s+|any\s+)?(?:questions?|things|stuff)(?:\s+(?:about|on|regarding)\s+[\p{L}'’&-]{1,24}(?:\s+[\p{L}'’&-]{1,24}){0,3})?[\s?!.]*$/iu;

/** "can you answer questions about HR policies?": whether the bot answers questions on a topic of a few words. */
const ANSWERS_ON =
  /^(?:can|could|do|will|would)\s+(?:you|u|ya|this\s+bot|the\s+bot)\s+(?:also\s+|even\s+)?answer\s+(?:any\s+|some\s+)?(?:questions?|things|stuff)\s+(?:about|on|regarding|around)\s+[\p{L}'’&-]{1,24}(?:\s+[\p{L}'’&-]{1,24}){0,3}[\s?!.]*$/iu;

/** The help topic of a feature's words, or `undefined`. */
function featureTopic(words: string): HelpTopic | undefined {
  const plain = words.trim().replace(/\s+/g, ' ');
  return FEATURES.find(([pattern]) => pattern.test(plain))?.[1];
}

/** Help for a line asking how a feature of the bot works, or how to ask it questions (see above); else `undefined`. */
export function helpInOtherWords(line: string): { topic?: HelpTopic } | undefined {
  if (line.length > 200) return undefined;
  const text = line.trim().replace(EXPLAIN_LEAD, '');
  if (HOW_TO_ASK.test(text) || ANSWERS_ON.test(text)) return { topic: 'questions' };
  if (WRITE_APPROVED.test(text)) return { topic: 'approvals' };
  const works = HOW_FEATURE_WORKS.exec(text);
  if (!works) return undefined;
  const topic = featureTopic(works[1]!);
  return topic ? { topic } : {};
}

/**
 * Words before a help topic in chat shorthand ("help w/ search", "help re: approvals", "help abt
 * editing", "help regarding creating pages"): they only join the topic to "help". Kept as data.
 */
export const HELP_TOPIC_LEAD =
  /^(?:(?:w\/|re:|wrt\b|abt\b|re\b|regarding\b|concerning\b|around\b|in\b)\s*)+/i;

/**
 * What someone said the bot can do, told first ("someone in my team said you can dig through the wiki",
 * "my manager told me you can help", "apparently you can search confluence"): hearsay about the bot, so the
 * help asked after it is about the bot too. Bounded gap.
 */
const TOLD_ABOUT_BOT =
  /\b(?:said|says|told\s+(?:me|us)|heard|mentioned|apparently|reckons?)\b[^?]{0,100}?\b(?:you|u|this\s+bot|the\s+bot)\s+(?:can|could|will|(?:are|is)\s+able\s+to)\b/i;
/** A break before the question asked (" - ", ", ", ". ", "! "). */
const BREAK = /(?:\s[-–—]|[,.;:!])\s+/g;

/**
 * Help asked after hearsay about the bot ("someone said you can dig through the wiki - what sort of
 * things can you do?"): the part after the last break read by `readHelp` (the caller's help reader),
 * or `undefined` when no hearsay comes first.
 */
export function helpAfterHearsay(
  line: string,
  readHelp: (asked: string) => { topic?: HelpTopic } | undefined,
): { topic?: HelpTopic } | undefined {
  if (line.length > 300 || !TOLD_ABOUT_BOT.test(line)) return undefined;
  let end = -1;
  for (const match of line.matchAll(BREAK)) end = match.index + match[0].length;
  if (end < 0 || !TOLD_ABOUT_BOT.test(line.slice(0, end))) return undefined;
  return readHelp(line.slice(end).trim());
}
