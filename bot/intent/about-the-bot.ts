import { allWordsFrom, closedWordsOf, FUNCTION_WORDS, wordSet } from './closed-words.js';
import type { HelpTopic } from './types.js';

/**
 * Messages about the bot's approval queue rather than about a page ("is my request still pending?",
 * "anything in my inbox to approve?", "did someone send me something to OK?"): every word is one
 * such messages are made of, and one of them is about approving or the queue. A word that names
 * something else ("leave", "travel", "expense", "Workday") keeps the message a question.
 */
const QUEUE_WORDS = wordSet(
  // approving and deciding
  'approve approves approved approving approval approvals approver approvers sign signed signoff signoffs ' +
    'off ok okay ack go ahead goahead decide decided decision decisions reject rejected rejection review ' +
    'reviews reviewed accept accepted deny denied ' +
    // "validation" for approval (non-native English: "pages waiting my validation")
    'validate validates validated validating validation validations ' +
    // the queue and what sits in it
    'supposed meant expected required due ' +
    'pending pendings waiting awaiting outstanding open queue queued inbox list request requests requested ' +
    'change changes edit edits update updates write writes page pages creation item items thing things stuff ' +
    'one ones anything something everything nothing all status state ' +
    // who and when
    'someone somebody anyone anybody people person colleague colleagues everyone team ' +
    'today now yet currently moment rn yesterday week morning lately recently still ' +
    // while the user was away ("… while I was off?", "since I was out"; not "holiday" or "leave": requests of their own)
    'while since away out ooo absent ' +
    // asking about it
    'show see check look view tell give need needs needed should gotta ought keep happened happen many ' +
    'much made make asked ask sent send submitted ping pinged pinging notified notification notifications ' +
    'email emails message messages mine action actions attention sitting sits sit lying there offs let know create created gone go went ' +
    'through done finished ' +
    // where requests pile up, in other words ("my approvals pile", "on my plate", "the approval backlog")
    'pile piles piling piled stack stacked heap backlog tray bucket plate desk landed arrived came ' +
    'new empty clear big up side end needing requiring require requires think guess believe maybe stuck',
);
/** Approval words as typed ("approval", "aprovals", "approvls"), "signoff", deciding, rejecting, validating. */
const APPROVING = /^(?:ap+rov\w*|signoffs?|decisions?|reject\w*|validat(?:e|es|ed|ing|ion|ions))$/;
/** Where requests wait: a word for the queue. */
const QUEUED = /^(?:pendings?|waiting|awaiting|outstanding|queue|queued|inbox)$/;
/**
 * Phrases that name approving in more than one word ("sign off", "to OK", "my go-ahead"; not "go ahead"
 * alone), or a review waiting ("anything for me to review?").
 */
const APPROVING_PHRASE =
  /\bsign\s*-?\s*offs?\b|\bto\s+review\b|\bto\s+sign\b|\b(?:to|my)\s+(?:ok|okay)\b|\b(?:my|the|a|your)\s+go\s*-?\s*ahead\b/i;
/** The user's own write requests ("my request", "the change I asked for", "the requests I made"). */
const OWN_REQUEST =
  /\bmy\s+(?:\w+\s+)?(?:requests?|changes?|edits?|updates?|writes?)\b|\b(?:requests?|changes?|edits?|updates?|pages?)\s+(?:that\s+)?i\s+(?:made|asked|sent|submitted|requested)\b|\bi(?:'ve|\s+have)?\s+(?:requested|submitted)\b|\brequests?\s+for\s+me\b/i;

/** Words before where requests wait ("in HR") and before who sent them ("from Jane", "by Omar"). */
const IN_SPACE_WORD = /^(?:in|within|inside)$/;
const ASKER_WORD = /^(?:from|by)$/;
/** A person who sent a request, named as the subject ("did Jane send me …", "has Omar asked me to approve …"). */
const ASKING_AUXILIARY = /^(?:did|has|have|had)$/;
const SENDING_VERB =
  /^(?:send|sent|ask|asked|submit|submitted|request|requested|ping|pinged|forward|forwarded)$/;
/** Where requests wait, said around the queue ("in confluence", "in the ENG space"). */
const QUEUE_PLACE = wordSet('confluence wiki space spaces');

/**
 * The words of `text`, without a space's key after "in" or before "space" ("pending approvals in HR?",
 * "in the ENG space"), a person's name after "from" or "by" ("pending requests from Jane?") or as who sent
 * something ("did Jane send me …"), or the words
 * of a place in Confluence: the queue is the same wherever the requests came from. "in Workday" names
 * something else and stays.
 */
function withoutPlaceOrAsker(text: string): string[] {
  const keys = new Set((text.match(/\b[A-Z][A-Z0-9]{1,9}\b/g) ?? []).map((word) => word.toLowerCase()));
  const names = new Set((text.match(/\b[A-Z][a-z]{1,19}\b/g) ?? []).map((word) => word.toLowerCase()));
  return closedWordsOf(text).filter((word, i, all) => {
    const before = all[i - 1] ?? '';
    const spaceKey = keys.has(word) && (IN_SPACE_WORD.test(before) || /^spaces?$/.test(all[i + 1] ?? ''));
    const sender = ASKING_AUXILIARY.test(before) && SENDING_VERB.test(all[i + 1] ?? '');
    return !QUEUE_PLACE.has(word) && !spaceKey && !((ASKER_WORD.test(before) || sender) && names.has(word));
  });
}

/** A read's verb first ("open …", "show me the page …"): the user's own page is opened, not asked after. */
const READ_FIRST = /^\W*(?:open|read|view|pull\s+up|bring\s+up)\b/i;

/** True for a message about the approval queue, said in any words (see {@link QUEUE_WORDS}). */
export function isAboutApprovalQueue(text: string): boolean {
  const words = withoutPlaceOrAsker(text);
  if (!allWordsFrom(words, FUNCTION_WORDS, QUEUE_WORDS)) return false;
  if (words.some((word) => APPROVING.test(word) || QUEUED.test(word)) || APPROVING_PHRASE.test(text))
    return true;
  // "open the page I made yesterday": a page opened, not a request in the queue ("open my requests" is the queue).
  const own = OWN_REQUEST.exec(text);
  return own !== null && !(READ_FIRST.test(text) && /^pages?\b/i.test(own[0]));
}

/**
 * Saying the bot or its answer is no good ("this is useless", "terrible answer", "you never find
 * anything", "you are not helping", "this makes no sense"): every word is one such complaints are made
 * of, and one of them finds fault. There is nothing to search for, open or answer. A word that names
 * something ("the VPN is useless") makes it a message about that thing instead.
 */
const FAULT_WORDS = wordSet(
  'useless rubbish terrible awful sucks suck sucked sucky crap crappy stupid dumb annoying pointless ' +
    'worthless garbage trash horrible lame disappointing disappointed frustrating frustrated unhelpful ' +
    'hopeless ridiculous pathetic nonsense never misunderstood misunderstand misunderstanding misread',
);
const COMPLAINT_WORDS = wordSet(
  'bot chatbot assistant answer answers result results reply replies response responses search searches ' +
    'job help helping helped helpful useful work works working worked find found finds finding understand ' +
    'understood get gets makes make sense hard difficult slow wrong bad again anything nothing everything ' +
    'so very totally completely pretty super such even ever at all really seriously honestly literally listen why me ' +
    'thing this whole',
);
/** Fault said with a negation ("not helpful", "doesn't help", "no use", "makes no sense"). */
const NOT_HELPING =
  /\b(?:not|never|no|isn'?t|aren'?t|wasn'?t|doesn'?t|didn'?t|don'?t|won'?t|wont|can'?t|cannot)\s+(?:(?:you|u|it|this|very|really|that|so|much|any|of\s+any|even|just)\s+)*(?:help|helping|helpful|use|useful|working|work|good|understand|listen)\b|\bmakes?\s+no\s+sense\b|\bnothing\s+(?:works|worked|helps|helped)\b/i;

/** The user not understanding what the bot is for or how it works ("I don't really understand what you're for"): lost, not finding fault. */
const USER_LOST =
  /\b(?:i|we)\s+(?:really\s+|just\s+|still\s+)?(?:don'?t|dont|do\s+not|can'?t|cannot)\s+(?:really\s+|quite\s+|fully\s+)?(?:understand|get)\s+(?:what\s+(?:you|u|this|it)(?:'re|re|\s+are|\s+is|'s)?\s+for|what\s+(?:you|u|this\s+bot)\s+(?:can\s+)?do|how\s+(?:to\s+use|(?:this|it|you|u)\s+works?))\b/i;

/** True for a complaint about the bot or its answer, with nothing else named (see {@link FAULT_WORDS}). */
export function isComplaintAboutTheBot(text: string): boolean {
  const words = closedWordsOf(text);
  if (!allWordsFrom(words, FUNCTION_WORDS, COMPLAINT_WORDS, FAULT_WORDS)) return false;
  return words.some((word) => FAULT_WORDS.has(word)) || (NOT_HELPING.test(text) && !USER_LOST.test(text));
}

/**
 * Messages about the bot itself, asked in any words ("I don't understand how to use this thing", "what
 * is this bot?", "list your commands pls", "I'm lost, what do I type?"): every word is one such
 * messages are made of, and one of them names the bot, how it is used, or being lost. "how do I use
 * the VPN?" names something else and stays a question.
 */
const BOT_WORDS = wordSet(
  // the bot and using it
  'bot bots chatbot assistant thing use using used usage work works working function functions ' +
    'command commands comand comands commad commads commnad commnads cmd cmds syntax format example examples tip tips trick tricks help helping helpful manual ' +
    'instructions capable capability capabilities able ability feature features functionality option options ' +
    // what people say about it
    'do ask say type write talk speak chat understand start started starting begin new lost confused ' +
    'confusing stuck clue idea sure explain show tell list give share things stuff kind kinds sorts exactly ' +
    'supposed meant purpose point good here everything all possible properly way ways know today exactly ' +
    'anyway idk dunno few couple one enter only just within inside need needs want something anything user joiner starter newbie display view see bring pull up send menu ' +
    'wtf wth yourself guide tutorial walkthrough intro introduction ' +
    // what goes on a page ("how to add text to a page?")
    'text line lines content contents paragraph sentence section heading title body bullet note notes comment table link links ' +
    'put insert existing current people usually normally typically usual question questions through via ' +
    'else best easiest quickest ' +
    // what the bot is and what it understands ("are you a real person?", "do you speak German?")
    'real human person robot ai machine speak language languages english normal plain ' +
    // the bot's commands, as a help topic, and what they are given or give back ("how do I give you a page
    // id?", "how do I ask for the next results?")
    'search searching searches find finding look lookup open opening get read create creating make making ' +
    'id ids url urls result results next more paste pasting part partial under above below top bottom ' +
    'answer answers answering ' +
    // approving what the bot writes ("how are edits approved?", "who approves changes made through the bot?")
    'approval approvals approved approves approver approvers made edits changes updates ' +
    'update updating edit editing change changing add adding append rename approve approving ' +
    // "add" typed with one d ("how do i ad text to a page with u")
    'ad ' +
    'page pages doc docs wiki confluence space spaces particular specific certain another different other given ' +
    // running the bot, as the admin topic ("how do I set up the connector?", "what admin commands are there?")
    'admin admins administrator administration connector connectors configure configuration config settings set setup ' +
    // how it is reached ("create a page thru you")
    'thru go created updated edited added ' +
    // asking to be told ("let me know the functions of this bot", "remind me of the commands", "I'm trying to
    // figure out how to ask you for a page")
    'let remind trying try figure out wondering wonder ' +
    // how requests are put, and what the bot may reach ("how should I phrase my requests?", "what are your
    // limitations?", "which spaces do you have access to?", "anything besides search?")
    'phrase phrasing word wording request requests correct proper rule rules limitation limitations limit limits ' +
    'restriction restrictions learn learning documentation dis ' +
    // a newcomer saying so before asking ("sorry im new here what is this"), or how long they have gone
    // without it ("been using confluence for years but never this bot, any tips?")
    'sorry joined joining never ever before years months weeks ' +
    // asking anyone to explain it ("could someone explain how this assistant works")
    'someone somebody anyone anybody trick secret knack ' +
    // how a request must be typed, and the bot not getting it ("do I need the exact title?", "should I use
    // keywords or full sentences?", "why do you keep saying you don't understand?", "what should I type instead?")
    'exact full special natural sentences words keyword keywords titles name names msg message messages query ' +
    'queries instead keep keeps saying says cheat sheet cheatsheet come went wrong ' +
    // choosing where and what ("how do I specify the space?", "can I search two spaces at once?"), what it takes
    // ("do you accept urls?", "do you support markdown?") and what follows a request ("what happens after I submit
    // an update?", "how long does approval take?")
    'document documents specify choose pick select filter narrow two multiple several both once mean accept accepts ' +
    'take takes handle handles support supports points markdown formatting formatted bold italic happens long ' +
    'submit submitting submitted after ' +
    // said frankly first ("tbh I have no idea how to use this thing")
    'tbh ngl honestly frankly ' +
    // asked for in summary ("a quick rundown of your features", "the commands available in this bot")
    'available rundown overview summary tour quick brief short ' +
    // pages made under others, where the bot is used, and the queue asked about ("how do I create a child page?",
    // "how do I use you in Slack?", "how can I see the requests waiting for my approval with this bot?")
    'child parent sub subpage subpages nested slack teams channel channels dm dms waiting pending ' +
    // a page's change had done through the bot, and its steps ("how do I get a page changed through you?",
    // "what are the steps to make a new page with the bot?")
    'changed renamed appended step steps process ' +
    // what it is good for ("what are you useful for?", "for what you are useful?")
    'useful',
);
/**
 * What the bot may reach, and what else it does ("which spaces do you have access to?", "anything besides
 * search?"): words of a message about the bot only, never of how something is done ("how do I get access
 * to confluence?" is a question for the knowledge base).
 */
const REACH_WORDS = wordSet('access besides apart except than');

/** Words that name the bot, or how it is used, on their own. */
const NAMES_THE_BOT =
  /^(?:bots?|chatbot|assistant|(?:com+(?:an|na|a)d|cmd)s?|syntax|format|formatting|markdown|phrase|phrasing|wording|examples?|features?|functionality|capabilit(?:y|ies)|manual|instructions|tips|lost|confused|confusing|stuck|started|help|usage|menu|yourself|tutorial|walkthrough)$/;
/**
 * "you" with a verb of what it can do ("what can you do", "can u help me", "what are you capable of", "what are you good at",
 * "for what you are useful?").
 */
const YOU_CAN =
  /\b(?:you|u|ya)\b.*\b(?:do|help|helping|work|works|understand|able|capable|support|supports|use|used|accept|accepts|take|takes|handle|handles)\b|\bwhat\s+happens\s+(?:when|after|if|once)\s+(?:i|we)\s+(?:create|update|edit|change|search|open|approve|reject|add|append|rename|(?:submit|request|ask\s+for)\s+(?:an?\s+|my\s+)?(?:update|edit|change|page))|\bhow\s+long\s+(?:does|do|will|would)\b|\b(?:you|u|ya|bot)\b.*\b(?:good|useful)\s+(?:at|for|with)\b|\bfor\s+what\s+(?:are\s+)?(?:you|u)(?:\s+are)?\s+(?:good|useful)\b|\b(?:use|using|talk|speak|chat|work|ask)\s+(?:to\s+|with\s+)?(?:you|u|this|it|(?:the|this|dis)\s+bot)\b|\b(?:can|do)\s+(?:you|u)\s+(?:also\s+)?(?:search|see|read|open|reach|cover|access|have\s+access|answer)\b|\bguide\s+(?:me\s+|us\s+)?(?:on\s+)?(?:how|what)\b|\b(?:give|send|pass|tell)\s+(?:you|u|(?:the|this)\s+bot)\b|\b(?:guide|tutorial|manual|docs|documentation|instructions|intro|cheat\s*sheet)\s+(?:for|on|about|to)\s+(?:using\s+)?(?:you|u|(?:this|the)\s+bot)\b|\b(?:do|does)\s+(?:you|u|this\s+bot|the\s+bot)\s+have\s+(?:a|an|any)\s+(?:user\s+)?(?:guide|manual|tutorial|docs|documentation)\b|\bhow\s+(?:to\s+use|does\s+(?:this|it)\s+work|(?:this|it)\s+works)\b|\byour\s+(?:\w+\s+)?(?:options|functions|abilities|limitations|limits|restrictions)\b|\b(?:what|things|stuff|commands?|words)\b.*\b(?:i|we)\b.*\b(?:type|say|write|ask|enter)\b|\bwhat\s+to\s+(?:type|say|write|ask|enter)\b|\b(?:with|through|thru|via)\s+(?:you|u|ya|this\s+bot|the\s+bot)\b|\bwhat\s+(?:you|u)(?:'re|re|\s+are|\s+r)\s+for\b|\b(?:from|in)\s+here\b|\bwhat\s+questions\b|\b(?:are|r)\s+(?:you|u)\s+(?:an?\s+)?(?:real|human|person|bot|robot|ai|machine)\b|\b(?:you|u)\s+(?:speak|understand)\b|\bwhat(?:'s|s|\s+is)\s+this(?:\s+(?:bot|thing))?[\s?!.]*$|^(?:can|could|do|does|will)\s+(?:you|u)\s+\w+\s+(?:in\s+)?(?:other|another|different|multiple|all|every|several)\s+spaces?\b/i;
/**
 * Pointing words: "can you do it?", "can you also do the other one?", "can you handle this one too?", "do the usual for the new joiner"
 * are about something earlier, not the bot.
 */
const POINTS_ELSEWHERE = /\b(?:it|that|those|them)\b|\bthe\s+(?:thing|usual|same|other)\b|\bthis\s+one\b/i;
/** Past doings of the bot ("what did you do?", "have you done it?"). */
const DID_YOU = /\b(?:did|have|has|had)\s+(?:you|u|ya)\b/i;
/** "do what you normally do", "you know what to do": asks it to act, not what it can do. */
const DO_AS_YOU = /\bdo\s+what\s+(?:you|u)\b|\b(?:you|u)\s+know\s+what\s+to\s+do\b/i;
/** "it" that points at nothing ("is it possible to …", "it's possible to …"). */
const DUMMY_IT = /\b(?:is\s+it|it'?s|it\s+is)\s+possible\b/gi;
/** A command's verb first: what follows is its object, whatever the words ("open the help" is help). */
const COMMAND_FIRST = /^\W*(?:search|find|look|create|make|update|edit|change|add|append|rename|approve)\b/i;
/** Words before a space's key ("in HR", "from OPS"). */
const IN_WORD = /^(?:in|from|within|inside)$/;
/**
 * How the user does something ("how do I …", "how can we …", "how to …", "how I make …" in non-native
 * English, "how I'd …", "how do you change …" with "you" for anyone), or whether it can be done at all
 * ("is there a way to …", "any way to …", "is it possible to …", "what are the steps to …").
 */
const HOW_I =
  /\bhow\s+(?:(?:do|can|could|should|would)\s+(?:i|we|you|u|one)|(?:i|we)\s+(?:can|could|should|do)|(?:i|we)['’]d|to)\b|\bhow\s+(?:i|we)\s+(?=[a-z]{3,}\b)|\b(?:a|any|some|best|easiest|quickest|right|the)\s+ways?\s+to\b|\bthe\s+(?:steps|process)\s+to\b|\b(?:is\s+it|it'?s|it\s+is)\s+possible\s+to\b|\b(?:trick|secret|knack)\s+to\b/i;
/**
 * "can I …" first: whether the user may use a command ("can I open pages by link?"), unless it asks for
 * more of the results shown ({@link MORE_OF_RESULTS}: "can I get the next results?" is a follow-up).
 */
const MAY_I = /^(?:can|could|may)\s+(?:i|we)\b/i;
const MORE_OF_RESULTS = /\b(?:next|more|previous|results)\b/i;
/** A bot named by a noun: then "it" is the bot ("this bot is confusing, how do I use it?"). */
const BOT_NOUN = /\b(?:bot|chatbot|assistant)\b|\bthis\s+thing\b/i;
/** A document about using something: about the bot only when asked of it ("a guide to using you"). */
const GUIDE_NOUN = /^(?:guides?|tutorials?|walkthroughs?|intro|introduction|sheets?|cheatsheets?)$/;
/** "what is this thing?", "is this thing on?": the bot, named as a thing. */
const THIS_THING = /\bthis\s+thing\b/i;

/** Nouns for a page: "new" before one says creating it. */
const PAGE_NOUN = /^(?:page|pages|doc|docs|document|documents|wiki|article|articles|one|ones)$/;

/**
 * A person as what is added, invited or removed ("how do I add someone to a space?", "how can we invite
 * people to the wiki"): Confluence's own permissions, a question for the knowledge base, not the bot's
 * commands.
 */
const PERSON_ADDED =
  /\b(?:add|adding|invite|inviting|remove|removing|give|giving)\s+(?:someone|somebody|anyone|anybody|people|(?:a\s+|new\s+|other\s+)?(?:users?|members?|colleagues?|person|teammates?|guests?))\b/i;

/** True when `text` asks how to add or remove a person (see {@link PERSON_ADDED}). */
export function isPersonAdded(text: string): boolean {
  return PERSON_ADDED.test(text);
}

/**
 * True when `text` has only words of messages about the bot (see {@link BOT_WORDS}), or none: "a page
 * with you" does, "my holiday request" does not ("how do I get my holiday request approved?" is a
 * question for the knowledge base, not help).
 */
export function isBotTalk(text: string): boolean {
  const words = closedWordsOf(text);
  return words.length === 0 || allWordsFrom(words, FUNCTION_WORDS, BOT_WORDS);
}

/** The help topic a message about the bot names, with its words ("search", "create"…). */
const TOPIC_OF_WORD: readonly [RegExp, HelpTopic][] = [
  [/^(?:search\w*|find\w*|look|lookup|results)$/, 'search'],
  [/^(?:create|creating|make|making)$/, 'create'],
  [/^(?:update\w*|edit\w*|chang\w+|ad|add\w*|append|rename)$/, 'update'],
  [/^(?:approv(?:e|es|ed|ing|als?|ers?))$/, 'approvals'],
  [/^(?:open|opening|read|reading|view|viewing|paste|pasting)$/, 'get'],
  [/^questions?$/, 'questions'],
  [
    /^(?:admin|admins|administrator|administration|connectors?|configure|configuration|config|settings)$/,
    'admin',
  ],
];

/**
 * Help for a message about the bot in words of its own (see {@link BOT_WORDS}), with the topic of a
 * command it names; `undefined` when a word names something else. The one word before "space" may be
 * the space's name ("in the HR space"), and a key in capitals after "in" a space ("only in HR").
 */
export function helpAboutTheBot(text: string): { topic?: HelpTopic } | undefined {
  // A quoted title or a command verb first ("create "Lost"", "search bot commands") is a command.
  if (/["“”]/.test(text) || COMMAND_FIRST.test(text) || isPersonAdded(text)) return undefined;
  const keys = new Set((text.match(/\b[A-Z][A-Z0-9]{1,9}\b/g) ?? []).map((key) => key.toLowerCase()));
  // The space's name before "space" ("in the HR space"), or its key after "in" ("only in HR").
  const words = closedWordsOf(text).filter(
    (word, i, all) =>
      !/^spaces?$/.test(all[i + 1] ?? '') && !(IN_WORD.test(all[i - 1] ?? '') && keys.has(word)),
  );
  if (!allWordsFrom(words, FUNCTION_WORDS, BOT_WORDS, REACH_WORDS)) return undefined;
  const topics = topicsNamed(words);
  // "why didn't you understand my question?", "do I need the exact title?": how to put a request, even said crossly.
  if (isPhrasingAsked(text)) return oneTopic(topics);
  if (isComplaintAboutTheBot(text)) return undefined;
  const named = words.some((word) => NAMES_THE_BOT.test(word)) || THIS_THING.test(text);
  const pointing = POINTS_ELSEWHERE.test(text.replace(DUMMY_IT, ' '));
  // "what did you do?" asks what it did, not what it can do.
  const asked =
    YOU_CAN.test(text) && (!pointing || BOT_NOUN.test(text)) && !DID_YOU.test(text) && !DO_AS_YOU.test(text);
  // "how can I search in the HR space?": how to use one of its commands, nothing else named.
  const howTo =
    topics.size > 0 && (HOW_I.test(text) || (MAY_I.test(text) && !MORE_OF_RESULTS.test(text))) && !pointing;
  if (!named && !asked && !howTo) return undefined;
  // "getting started guide" is a page's name; "is there a guide to using you?" asks about the bot.
  if (!asked && words.some((word) => GUIDE_NOUN.test(word))) return undefined;
  return oneTopic(topics);
}

/** The help topics the words of a message about the bot name ("a new page" names creating one). */
function topicsNamed(words: readonly string[]): Set<HelpTopic> {
  return new Set(
    words.flatMap((word, i) => {
      // "a new page" is creating one; "I'm new here" is the user.
      const created = word === 'new' && PAGE_NOUN.test(words[i + 1] ?? '');
      const topic = created ? 'create' : TOPIC_OF_WORD.find(([pattern]) => pattern.test(word))?.[1];
      return topic ? [topic] : [];
    }),
  );
}

/** Help on the one topic named, approving whatever else is named ("how are edits approved?"), or help in general. */
function oneTopic(topics: ReadonlySet<HelpTopic>): { topic?: HelpTopic } {
  if (topics.has('approvals')) return { topic: 'approvals' };
  return topics.size === 1 ? { topic: [...topics][0]! } : {};
}

/**
 * Why the bot did not get a request ("why didn't you understand my question?", "how come you couldn't find
 * it?", "why do you keep saying you don't understand?"): "why" or "how come", then a negated verb of
 * getting it. "why won't you understand me" finds fault instead (see {@link isComplaintAboutTheBot}).
 * Bounded gaps only.
 */
const WHY_NOT_GOT =
  /^(?:(?:but|so|ok|okay|hm+)[\s,]+)?(?:why|how\s+come)\s+(?:\S+\s+){0,6}?(?:(?:did|do|does|can|could|is|are)(?:n'?t|nt)|cannot|never|not)\s+(?:\S+\s+){0,3}?(?:understand|recogni[sz]e|get|catch|follow|read|find|work|answer)\w*\b/i;
/**
 * How to put a request so the bot gets it ("how do I write it so you get it", "how should I word an update so
 * you understand?"): a request said so that the bot understands, asked how.
 */
const SO_BOT_GETS =
  /\b(?:so|for|such\s+that)\s+(?:that\s+)?(?:you|u|ya|the\s+bot|it)\s+(?:can\s+|will\s+|would\s+|could\s+)?(?:understands?|gets?|recogni[sz]es?|reads?|picks?\s+up|finds?)\b/i;
/**
 * Whether a request must be typed some way ("do I need to type the exact title?", "can I just type
 * normally?", "should I use keywords or full sentences?", "does it have to be the exact page name?"): a
 * yes-no question on typing or using, with a word for how requests are put ({@link TYPED_HOW}).
 */
const HOW_TYPED =
  /^(?:do|does|must|should|can|could|may|is\s+it\s+(?:ok|okay|fine)\s+(?:to|if))\s+(?:i|we|it|you|u)\s+(?:\S+\s+){0,3}?(?:type|use|write|say|give|enter|spell|phrase|word|be|need)\b/i;
const TYPED_HOW =
  /\b(?:exact(?:ly)?|keywords?|sentences|normally|plain|natural|full|commands?|syntax|format|titles?|names?|ids?|urls?|capitals|spelling|english|language)\b/i;

/**
 * True for a message about how requests are put to the bot, or why one was not got (see {@link WHY_NOT_GOT},
 * {@link SO_BOT_GETS}, {@link HOW_TYPED}); the caller has checked that its words are about the bot.
 */
function isPhrasingAsked(text: string): boolean {
  if (WHY_NOT_GOT.test(text)) return true;
  if (SO_BOT_GETS.test(text) && HOW_I.test(text)) return true;
  return HOW_TYPED.test(text) && TYPED_HOW.test(text);
}

/** The bot said to be able to do one of its commands ("you can edit pages", "this bot can search"). */
const BOT_CAN =
  /\b(?:you|u|ya|(?:this|the)\s+bot)\s+(?:can|could|(?:are|is)\s+able\s+to)\s+(?:also\s+)?(search|find|open|read|create|make|update|edit|change|add|append|rename|approve)\b/i;
/** Asking how, after a break ("…, how does that work?", "… - how?", "…. how do I do that?"). */
const HOW_THAT_WORKS =
  /[,.;:!–—-]\s*(?:so\s+|but\s+)?how(?:\s+(?:does|do|would|can)\s+(?:that|it|this|i|we|one)(?:\s+(?:work|do\s+(?:that|it|this)|use\s+(?:that|it|this)))?)?[\s?!.]*$/i;

/**
 * Help on a command the message says the bot can do, then asks how ("My colleague told me you can edit
 * pages, how does that work?", "apparently u can search other spaces - how?"): "that" is the command.
 * `undefined` when no such pair is said.
 */
export function capabilityHowAsked(text: string): { topic?: HelpTopic } | undefined {
  const told = textBeforeAsked(text, HOW_THAT_WORKS);
  const can = told === undefined ? null : BOT_CAN.exec(told);
  if (!can) return undefined;
  const verb = can[1]!.toLowerCase();
  const topic = TOPIC_OF_WORD.find(([pattern]) => pattern.test(verb))?.[1];
  return topic ? { topic } : {};
}

/** The words of `text` before where `asked` matches (at its end), or `undefined` when nothing is asked. */
function textBeforeAsked(text: string, asked: RegExp): string | undefined {
  const how = asked.exec(text);
  return how ? text.slice(0, how.index) : undefined;
}

/**
 * A try with the bot told ("I tried searching", "I typed "find vpn"", "you didn't get it"): a request typed,
 * asked or searched, or the bot not getting it. "I tried the VPN and it didn't work" names no try with the bot.
 */
const TRY_TOLD =
  /\bi\s+(?:typed|entered|searched|asked\s+(?:you|u|the\s+bot)|tried\s+(?:["“]|(?:to\s+)?(?:search|find|open|update|edit|create|add|ask|type)\b|(?:searching|finding|opening|updating|editing|creating|adding|asking|typing)\b))|\b(?:you|u|the\s+bot)\s+(?:didn'?t|did\s+not|couldn'?t|could\s+not|don'?t|doesn'?t)\s+(?:get|understand|find|recogni[sz]e)\b/i;
/**
 * Asking how to do it right, at the end ("…, how do I do it properly?", "… what's the right way?", "… what am I
 * doing wrong?", "… what should I type instead?").
 */
const RIGHT_WAY_ASKED =
  /(?:[,.;:!?–—-]\s*|\s(?:so|but|and|then)\s+)(?:how\s+(?:do|should|can)\s+(?:i|we)\s+(?:do|write|type|say|phrase|word|put)\s+(?:it|that|this)(?:\s+(?:properly|right|correctly|then|instead))?|what(?:'s|s|\s+is)\s+the\s+(?:right|correct|proper|best)\s+way(?:\s+to\s+(?:do|write|type|say|put)\s+(?:it|that|this))?|what\s+(?:am|did|do)\s+i\s+(?:doing|do)\s+wrong|what\s+should\s+i\s+(?:type|write|say|do)(?:\s+instead)?)[\s?!.]*$/i;

/**
 * Help after a try with the bot that failed, asked how to do it right ("ok so I tried searching and it didn't
 * work, how do I do it properly?", "I typed the page name and nothing happened, what am I doing wrong?"), on the
 * command the try names. `undefined` when no such pair is said.
 */
export function failedTryAsked(text: string): { topic?: HelpTopic } | undefined {
  const told = textBeforeAsked(text, RIGHT_WAY_ASKED);
  if (told === undefined || !TRY_TOLD.test(told)) return undefined;
  return oneTopic(topicsNamed(closedWordsOf(told)));
}
