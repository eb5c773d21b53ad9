import type { Intent } from './types.js';

/**
 * A suggestion or an opinion about what someone could do, rather than a request to the bot: "we
 * should add more tests to the pipeline", "it would be nice to add a dark mode to the portal", "can we
 * add a new hire to payroll?", "maybe someone could update the rota".
 */
const SUGGESTION =
  /^(?:(?:i\s+(?:think|guess|reckon|feel\s+like)|maybe|perhaps|honestly|tbh|imo)[\s,]+)*(?:(?:we|i|you|u|they|someone|somebody|one|people|everyone)\s+(?:should|shud|shld|must|could|might|ought\s+to|really\s+should)|we\s+(?:need|have)\s+to|(?:it'?d|it\s+would|would|that'?d|it'?s|its|it\s+is)\s+be\s+(?:really\s+|so\s+|very\s+)?(?:great|nice|good|awesome|cool|helpful|handy|lovely|ideal|useful|better|best|wise)|(?:can|could|shall|should)\s+we)\b/i;

/** A question asked after the wish ("…, is that allowed?", "… - how do I do that?", "…, who do I ask?"). */
const QUESTION_AFTER =
  /[,;.!]\s*(?:(?:so|and|but)\s+)?(?:is|are|can|could|do|does|should|shall|will|would|what|what'?s|who|how|where|when|which|any\s+idea)\b[^,;.!]*\?\s*$|\s[-–—]\s*(?:is|can|do|what|who|how|where)\b[^,;.!\-–—]*\?\s*$/i;

/**
 * A tag that asks for the very write just said ("…, can you add it?", "… - could you do that?", "…. Can
 * you?", "…, can you put that in team rituals?"), or a whole add asked after thanks or news ("thx for
 * earlier! could you also add to the vpn guide that …?"): a request, not a question about it. Kept apart
 * from {@link QUESTION_AFTER}.
 */
const ASKING_FOR_IT =
  /(?:[,;.!]|\s[-–—])\s*(?:(?:so|and)\s+)?(?:can|could|would|will)\s+(?:you|u|ya)(?:\s+(?:please|pls|plz|kindly|just|also))?\s+(?:add|append|put|write|include|insert|note|mention)\s+(?:to|on|in|into|onto)\s[^,;.!?\n]{1,200}\?\s*$|(?:[,;.!]|\s[-–—])\s*(?:(?:so|and)\s+)?(?:can|could|would|will)\s+(?:you|u|ya)(?:\s+(?:please|pls|plz|kindly|just))?(?:\s+(?:add|put|write|include|insert|do|make|update|change|fix|sort)(?:\s+(?:it|that|this|them))?(?:\s+(?:in|on|to|into|onto)(?:\s+[^,;.!?\n]{1,60})?|\s+(?:there|for\s+me|for\s+us|please|pls))?)?\s*\?\s*$/i;

/** "…, (it) should be B": a correction's wish, said after what the page has. */
const CORRECTION_SHOULD = /[,;.!]\s*(?:but\s+)?(?:it\s+)?should\s+(?:be|say|read)\s/i;

/** Chat words heading a line with a colon or dash ("fyi:", "btw -", "just a thought:"). */
const CHAT_LABEL =
  /^(?:fyi|btw|psa|ok\s+so|honestly|tbh|imo|idea|thought|just\s+a\s+thought|random\s+thought)\s*(?::|\s[-–—]|,)\s*/i;

/** A word that says the thing written to is a page ("the pipeline page", "the wiki"). */
const PAGE_WORD = /\b(?:page|pages|pg|doc|docs|document|documents|wiki|confluence|article)\b/i;

/** "can we …", "could we …": a request of the bot when it names a document, else a suggestion. */
const ASKED_WE = /^(?:can|could)\s+we\b/i;
/** Nouns of a kind of document ("the on-call rota", "the expense policy"): a page, not a thing like payroll. */
const DOCUMENT_NOUN =
  /\b(?:rota|policy|guide|runbook|checklist|handbook|playbook|faq|process|procedure|schedule|calendar|rituals)\b/i;

/** The page's words as typed say it is a title: a capitalised word, or a space key. */
function namesPage(intent: Extract<Intent, { kind: 'page-by-name' }>): boolean {
  const ref = intent.request.ref;
  if (ref.kind !== 'title-search') return true;
  // "rota, how do I do that": the pronoun "I" is no title's capital.
  const words = ref.words.replace(/\bI(?:'[a-z]+)?\b/g, 'i');
  return /\p{Lu}/u.test(words) || ref.spaceKey !== undefined || PAGE_WORD.test(words);
}

/**
 * An edit of a page named by its words only, read from a suggestion that shows no page ("we should add
 * more tests to the pipeline"): a page word, a title in capitals, quotes, text after a colon or on the
 * next lines would show one. Asked as a question it is a question, else unclear: no write is guessed.
 * `undefined` keeps the reading.
 */
export function unshownHedgedWrite(
  intent: Intent,
  head: string,
  bodyLines: string,
): 'question' | 'unclear' | undefined {
  if (intent.kind !== 'page-by-name' || intent.request.operation !== 'update') return undefined;
  // "fyi: we should add …": a chat label before the suggestion is no colon of a page's text.
  const line = head.trim().replace(CHAT_LABEL, '');
  // "the vpn guide says vpn1, should be vpn2 - fix pls?": the "should" of a correction read as a replace asks nothing.
  const correction = intent.request.edit.kind === 'replace' && CORRECTION_SHOULD.test(line);
  const notAsked =
    SUGGESTION.test(line) ||
    (QUESTION_AFTER.test(line) && !ASKING_FOR_IT.test(line) && !correction) ||
    WRITE_NEWS.test(line) ||
    WRITE_NOT_ASKED.test(line);
  if (!notAsked || bodyLines.trim().length > 0) return undefined;
  if (/["“”'‘’`:]/.test(line.replace(/\b\w+'\w+\b/g, '')) || PAGE_WORD.test(line) || namesPage(intent))
    return undefined;
  // "can we update the on-call rota to say …": asked of the bot, and the page named by a document's noun.
  if (ASKED_WE.test(line) && DOCUMENT_NOUN.test(intent.request.ref.words)) return undefined;
  return /\?\s*$/.test(line) ? 'question' : 'unclear';
}

/** Chat words or an opinion before a piece of news ("lol", "fyi", "ok so", "maybe", "I think", "thanks,"). */
const NEWS_LEAD = String.raw`^(?:(?:lol|ugh|fyi|ok|okay|so|btw|well|also|anyway|heads\s+up|not\s+now|wait|actually|maybe|perhaps|tbh|honestly|thanks|thank\s+you|thx|ty|i\s+(?:think|guess|wish|reckon|suppose|feel\s+like))[\s,:!.-]+){0,2}`;
const ADVERB = String.raw`(?:(?:just|already|also|finally|probably|then|really|still)\s+)?`;
/** The verbs of a write, as asked and as told ("add", "created", "wrote"). */
const WRITE_VERB = '(?:add|create|crete|update|change|fix|write|rename|put|move|edit|delete|remove)';
const WRITE_VERB_PAST =
  '(?:added|created|updated|changed|fixed|wrote|written|renamed|put|moved|edited|deleted|removed)';
/** Who is told about: the writer, people, a team ("I", "we", "someone", "my manager", "the IT team", "finance"). */
const TOLD_SUBJECT = String.raw`(?:i|im|i'?m|i'?ve|ive|we|we'?re|we'?ve|they|they'?re|they'?ve|you|u|someone|somebody|he|she|everyone|everybody|people|employees|staff|managers|contractors|new\s+(?:starters|hires|joiners)|(?:the|my|our)\s+[a-z]+(?:\s+team)?|(?:it|hr|finance|legal|security|management|ops)(?:\s+team)?)`;
/** What is going to be, had to be or was told to be done ("will", "'ll", "going to", "wants me to", "says to"). */
const TOLD_AUX = String.raw`(?:will|would|should|must|could|might|have\s+to|has\s+to|had\s+to|am\s+going\s+to|are\s+going\s+to|is\s+going\s+to|going\s+to|gonna|wants?\s+(?:me|us|you|everyone)\s+to|wanted\s+(?:me|us|you)\s+to|says?\s+to|said\s+to|told\s+(?:me|us|you|everyone)\s+to|(?:was|were|am|are|is|been|have\s+been|has\s+been|got)\s+(?:told|asked)\s+to|asked\s+(?:me|us|you|everyone)\s+to)`;
/**
 * News about a write someone did, will do or was told to do ("I'll update the rota tomorrow", "they
 * changed the lunch menu again", "my lead wants me to create a dashboard", "gonna write the minutes"):
 * nothing asked of the bot.
 */
const WRITE_NEWS = new RegExp(
  String.raw`${NEWS_LEAD}(?:${TOLD_SUBJECT}\s+${ADVERB}(?:${TOLD_AUX}\s+${ADVERB}${WRITE_VERB}|${WRITE_VERB_PAST})|(?:i|we|they|he|she|you)'?ll\s+${ADVERB}${WRITE_VERB}|(?:gonna|going\s+to)\s+${WRITE_VERB})\b`,
  'i',
);
/** The same news with a person's name as the subject ("Priya fixed the build", "Sam added me"). */
const NAMED_WRITE_NEWS = new RegExp(String.raw`^\p{Lu}\p{Ll}+\s+${ADVERB}${WRITE_VERB_PAST}\b`, 'u');
/** A write said not to be done ("don't update it", "please dont add anything"), or done as a topic ("adding more tests would help", "writing docs is boring"). */
const WRITE_NOT_ASKED = new RegExp(
  String.raw`${NEWS_LEAD}(?:(?:no|not\s+now|wait|actually|never\s*mind|nevermind)[\s,!.]+){0,2}(?:(?:please|pls)\s+)?(?:don'?t|dont|do\s+not|never)\s+${WRITE_VERB}\b|^(?:adding|creating|updating|changing|fixing|writing|renaming|putting|moving|editing)\b[^,.;!?]{0,80}\s(?:would|will|could|might|is|was|takes|took)\s`,
  'i',
);

/** Thanks for a write, or a write said not to be needed ("thanks for updating that", "no need to change anything"). */
const WRITE_CHAT =
  /^(?:(?:thanks|thank\s+you|thx|ty|cheers)\s+for\s+(?:the\s+)?(?:adding|creating|updating|changing|fixing|writing|renaming|putting|moving|editing|update|fix|change)|no\s+need\s+to\s+(?:add|create|update|change|fix|write|rename|put|edit))\b/i;

/**
 * The user saying they will read something themselves ("ok cool, I'll check the onboarding page then",
 * "thanks, I'll read the expense policy later"): an acknowledgement, nothing asked of the bot (a request
 * after it, "…, can you find X", keeps its reading).
 */
const OWN_READ = new RegExp(
  String.raw`^(?:(?:ok|okay|ok\s+cool|cool|great|nice|perfect|alright|right|got\s+it|thanks|thank\s+you|thx|ty|cheers|no\s+worries)[\s,:!.-]+){0,2}(?:i'?ll|i\s+will|ill|i'?m\s+going\s+to|im\s+going\s+to|i'?m\s+gonna|im\s+gonna)\s+${ADVERB}(?:check|read|skim|look\s+(?:at|through|into)|(?:have|take)\s+a\s+(?:quick\s+)?look(?:\s+at)?|go\s+through)\b(?![^?]*\b(?:can|could|would|pls|please|plz|search|find|open|show|get|send|but)\b)[^?]*$`,
  'i',
);

/**
 * A search read from news about a write or chat about one ("I'll update the rota tomorrow", "thanks for
 * updating that"): a greeting for thanks, a question when asked, else unclear. A search asked in words
 * ("find the page Sam updated") starts with its verb and is kept. `undefined` keeps the reading.
 */
export function newsNotAsked(intent: Intent, head: string): 'greeting' | 'question' | 'unclear' | undefined {
  if (intent.kind !== 'operation' || intent.request.operation !== 'search') return undefined;
  const line = head.trim();
  if (OWN_READ.test(line)) return 'greeting';
  if (WRITE_CHAT.test(line)) return /^(?:thanks|thank|thx|ty|cheers)\b/i.test(line) ? 'greeting' : 'unclear';
  if (!WRITE_NEWS.test(line) && !NAMED_WRITE_NEWS.test(line) && !WRITE_NOT_ASKED.test(line)) return undefined;
  return /\?\s*$/.test(line) ? 'question' : 'unclear';
}

/** The verbs a note to oneself or a quoted page starts with ("add", "append", "insert" too). */
const MEMO_VERB = `(?:${WRITE_VERB}|append|insert)`;
/** Whose notes a line is headed with ("my notes", "our todo list", "personal notes for today"). */
const OWN_LIST = String.raw`(?:(?:my|our)\s+(?:own\s+|personal\s+)?|personal\s+)(?:notes?|todos?|to-dos?|(?:todo\s+|to-do\s+)?lists?|reminders?|tasks?|memos?)(?:\s+for\s+(?:today|tomorrow|tonight|later|(?:this|next)\s+week|the\s+(?:meeting|call|day|week)))?`;
/**
 * A bare label that heads a list of things to do or to think about, said with a colon or a dash
 * ("notes: update the rota, add Sam", "action items - add Priya to the rota", "idea: add a parking
 * section"). Kept as data; a title before the colon has a word of its own ("Meeting Notes: add …").
 */
const MEMO_LABEL = String.raw`(?:notes?|todos|to-dos|tasks?|action\s+(?:items?|points?)|next\s+steps|reminders|ideas?|thoughts?|suggestions?|proposal)`;
/**
 * A label that heads news ("status update:", "quick update -", "recap:", "fyi:"): whatever the words
 * after it, they are told, and the label is no page's name.
 */
const NEWS_LABEL =
  /^((?:(?:status|quick|small|tiny|little|big|weekly|daily|monthly|team|project|general|latest|brief|short|minor|major|important|progress|friendly)\s+)?(?:update|updates|news|recap|summary|minutes|fyi|psa|heads\s+up|reminder|announcement))\s*(?::|\s[-–—])/i;

/** An edit of a page whose name is only a news label's words ("status update: the VPN is down" → "status"). */
function editOfNewsLabel(intent: Intent, line: string): boolean {
  if (intent.kind !== 'page-by-name' || intent.request.operation !== 'update') return false;
  const label = NEWS_LABEL.exec(line);
  const words = intent.request.ref.words.trim().toLowerCase();
  return label !== null && words.length > 0 && label[1]!.toLowerCase().includes(words);
}

/**
 * A note to oneself ("todo: write the summary", "note to self - update the rota", "reminder: change your
 * password", "my notes: update the slides, add Q3 numbers").
 */
const MEMO = new RegExp(
  String.raw`^(?:(?:(?:my\s+)?(?:todo|to-do|to\s+do|note\s+to\s+self|reminder|memo)|${OWN_LIST})\s*(?:[:,]|\s[-–—])?|${MEMO_LABEL}\s*(?::|\s[-–—]))\s*(?:(?:please|pls)\s+)?${MEMO_VERB}\b`,
  'i',
);

/**
 * What a page or a person says, quoted ("the guide says: add the printer from settings", "VPN Setup
 * Guide says - restart the client"): an instruction read there, not one given to the bot. A line that
 * starts with a write verb ("update the guide so it says: …") or wishes ("should say") is a request.
 */
const QUOTED_SAYS = new RegExp(
  String.raw`^(?:(?:hmm+|so|well|ok|okay|lol|fyi|btw|ugh|wait)[\s,]+)?(?!(?:please|pls|can|could|would|will|kindly)\b)(?!${MEMO_VERB}\b|make\b|set\b|get\b|have\b)[^:\n]{1,120}?\s(?:says|said|reads|states|tells\s+(?:me|us|you)|(?<!\b(?:should|to|must|would|could|will|shall|can|might|it)\s)say)(?:\s+(?:literally|clearly|just|only|basically|here))?\s*(?:[:,]|\s[-–—])\s*["“]?(?:(?:please|pls)\s+)?${MEMO_VERB}\b`,
  'i',
);

/**
 * A write or a search read from a note to oneself, or from what a page says, which asks nothing of the
 * bot: unclear (a question when asked). `undefined` keeps the reading.
 */
export function memoNotAsked(intent: Intent, head: string): 'question' | 'unclear' | undefined {
  const writeOrSearch =
    (intent.kind === 'page-by-name' && intent.request.operation === 'update') ||
    (intent.kind === 'operation' && intent.request.operation === 'search');
  const line = head.trim();
  if (!writeOrSearch || !(MEMO.test(line) || QUOTED_SAYS.test(line) || editOfNewsLabel(intent, line)))
    return undefined;
  return /\?\s*$/.test(line) ? 'question' : 'unclear';
}
