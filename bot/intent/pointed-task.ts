/*
 * "can you do what Ravi asked for yesterday?", "could you sort out what Priya mentioned in standup?",
 * "can you make the changes Sarah asked for?", "please make the update as we agreed", "please action the email from HR", "could you handle
 * Jane's request?": the bot is asked to carry out a task it is only pointed at, by who asked for it or
 * where it came from. Nothing is named to search, open or answer, so the message is not understood
 * (with readings) rather than a question for the knowledge base or a search for "Jane's request".
 * The verbs, the nouns and the words of when and where are data; every run is bounded.
 */

/** Verbs that ask for a task to be carried out, whatever it is ("do", "handle", "sort out", "action"). */
const DOING = [
  'do',
  'redo',
  'handle',
  'sort(?:\\s+out)?',
  'deal\\s+with',
  'take\\s+care\\s+of',
  'action',
  'finish',
  'complete',
  'process',
  'look\\s+(?:after|at|into)',
  'follow\\s+up\\s+(?:on|with)',
  'work\\s+on',
  'get\\s+(?:on\\s+with|to)',
  'make',
  'apply',
  'implement',
  'check',
  'fix',
];

/** What such a task is called when it is only pointed at ("the request", "the changes", "the email", "the issue"). */
const TASK_NOUN =
  '(?:issues?|problems?|bugs?|quer(?:y|ies)|concerns?|matters?|requests?|asks?|e-?mails?|mails?|messages?|dms?|tickets?|tasks?|things?|stuff|changes?|edits?|updates?|fix(?:es)?|items?|points?|feedback|comments?|tweaks?|corrections?|notes?|bits?|actions?|todos?|to-dos?)';

/** How the task came: someone asking, saying or sending it ("asked for", "mentioned", "sent over"). */
const REPORTED =
  '(?:asked(?:\\s+(?:me|us|you|u))?(?:\\s+(?:for|about))?|requested|mentioned|said|wanted|needed|started|began|told\\s+(?:me|us|you|u)(?:\\s+about)?|sent(?:\\s+over)?|discussed|suggested|agreed(?:\\s+on)?|wrote|posted|shared|flagged|raised|proposed|promised|planned|described|explained|emailed|messaged|pinged|talked\\s+about|spoke\\s+about|brought\\s+up)';

/** Who asked: one word ("Ravi", "HR", "we"), or a role after "my", "our", "the" ("the boss"). */
const WHO = "(?:(?:my|our|the|your)\\s+)?[\\p{L}][\\p{L}'’.-]{0,24}";

/** The task itself: what someone asked, the thing someone asked for, the email from someone, Jane's request. */
const POINTED_OBJECT = [
  `what\\s+${WHO}\\s+(?:just\\s+|already\\s+|originally\\s+)?${REPORTED}`,
  `(?:the|that|those|this|these)\\s+(?:(?:new|latest|last|other|same|few)\\s+)?${TASK_NOUN}\\s+(?:(?:that|which)\\s+)?${WHO}\\s+(?:just\\s+|already\\s+)?${REPORTED}`,
  // "the update as we agreed", "the changes like we discussed", "the fix as discussed": only a shared past says what it is.
  `(?:the|that|those|this|these)\\s+(?:(?:new|latest|last|other|same|few)\\s+)?${TASK_NOUN}\\s+(?:as|like)\\s+(?:${WHO}\\s+)?(?:just\\s+|already\\s+)?${REPORTED}`,
  `(?:the|that|this)\\s+(?:(?:new|latest|last)\\s+)?${TASK_NOUN}\\s+from\\s+${WHO}`,
  `${WHO}['’]s\\s+(?:(?:new|latest|last)\\s+)?${TASK_NOUN}`,
].join('|');

/** When or where the task came, said after it ("yesterday", "in standup", "on Monday", "for me"). */
const WHEN_OR_WHERE =
  "(?:me|us|for\\s+(?:me|us)|earlier|yesterday|today|before|again|already|too|as\\s+well|asap|now|please|pls|plz|thanks|thx|(?:last|this)\\s+(?:week|time|night|morning|afternoon|monday|tuesday|wednesday|thursday|friday)|the\\s+other\\s+day|on\\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:in|at|during|on|after|from|over)\\s+(?:the\\s+|our\\s+|today'?s\\s+|yesterday'?s\\s+|this\\s+morning'?s\\s+|last\\s+week'?s\\s+)?(?:stand-?up|meeting|call|chat|thread|e-?mail|mail|retro|sync|huddle|1:1|one-on-one|review|channel|slack|teams|dm))";

/**
 * A request of the bot (asked or not), a doing verb, the task only pointed at, then when or where; or
 * the task alone ("what Tom asked for", "Jane's request").
 */
const POINTED_TASK = new RegExp(
  `^(?:(?:(?:can|could|would|will)\\s+(?:you|u)|please|pls|plz|kindly|just|also|now|ok|okay|so|then)\\s+){0,6}(?:(?:${DOING.join('|')})\\s+(?:(?:me|us)\\s+)?)?(?:${POINTED_OBJECT})(?:\\s+${WHEN_OR_WHERE}){0,6}[\\s?!.]*$`,
  'iu',
);

/** Longest line read this way: a task pointed at is said in a sentence. */
const MAX_POINTED_TASK_LINE = 200;

/** True for a request to carry out a task only pointed at by who asked for it (see {@link POINTED_TASK}). */
export function isPointedTask(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_POINTED_TASK_LINE && POINTED_TASK.test(text);
}

/**
 * "can you help me with my problem?", "help me with this pls", "eh can help me with this or not",
 * "abeg help me do am": help asked with something only pointed at ("this", "it", Pidgin "am", "my
 * problem"). It is not help with the bot, and nothing is named to search or answer.
 */
const POINTED_HELP =
  /^(?:(?:(?:can|could|would|will)\s+(?:you|u)|can|pls|plz|please|kindly|abeg|eh|hey|so|ok|okay)\s+){0,4}help\s+(?:(?:me|us)\s+)?(?:(?:with|on|to\s+do|do|fix|sort(?:\s+out)?)\s+)?(?:this|that|it|am|dis|dat|something|(?:my|the|this|that|our)\s+(?:problem|issue|thing|stuff|request|one|situation))(?:\s+(?:or\s+not|pls|please|plz|asap|now|quickly|for\s+me|ah|lah|leh|o|abeg|na|sha))*[\s?!.]*$/i;

/** True for help asked with something only pointed at (see {@link POINTED_HELP}); short lines only. */
export function isPointedHelp(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_POINTED_TASK_LINE && POINTED_HELP.test(text);
}
