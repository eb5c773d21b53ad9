import { isComplaintAboutTheBot } from './about-the-bot.js';
import { allWordsFrom, closedWordsOf, FUNCTION_WORDS, wordSet } from './closed-words.js';
import { echoAsCode } from './echo-text.js';
import { editDistance } from './edit-distance.js';
import { SPACE_AFTER_NAME } from './space-phrase.js';
import type { Intent } from './types.js';

/** Most words a message without a verb may have and still be taken as search keywords. */
export const MAX_KEYWORDS = 8;

/** Verbs a typo of which (two edits away) is offered as "did you mean". */
const READING_VERBS = ['search', 'create', 'update', 'append', 'rename', 'replace', 'approvals'] as const;
const FILLER = new Set(
  (
    'hmm hm hmmm um umm uh uhh er erm ok okay so well like yeah yes yep no nope lol lmao rofl haha hahaha ' +
    'huh idk k oh ah eh meh hey whatever nvm nevermind test testing asdf ugh wow xd blah bla lorem ipsum dunno nah hmmmm ' +
    'basically literally honestly anyway anyways sigh oof argh welp bruh bro dude smh omg kk ' +
    // a question word alone ("what?", "sorry what?", "why?"): nothing asked about
    'what wat wut wha why pardon sorry'
  ).split(' '),
);
/** A word that only joins others in a title: "&", "+", "/", "-". */
const JOINER = /^[&+/\-–—]$/;
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/**
 * Words without vowels that are not mash: acronyms people type in lower case ("gdpr", "html").
 * Kept as data; one typed in capitals ("GDPR", "HMRC") is an acronym whatever it is.
 */
const VOWELLESS_WORDS = new Set(
  'html http https smtp gdpr sftp pptx xlsx grpc sdlc hmrc dkim mtls ldaps'.split(' '),
);

/** A Latin word that is a keyboard run ("asdf", "qwerty") or has no vowel in four or more letters. */
function isGibberish(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/^[a-z]+$/.test(lower)) return false;
  const acronym = VOWELLESS_WORDS.has(lower) || /^[A-Z]+$/.test(word);
  if (lower.length >= 4 && !/[aeiouy]/.test(lower) && !acronym) return true;
  for (let i = 0; i + 4 <= lower.length; i += 1) {
    const run = lower.slice(i, i + 4);
    if (KEYBOARD_ROWS.some((row) => row.includes(run))) return true;
  }
  return false;
}

function wordsOf(core: string): string[] {
  return core.split(/\s+/).filter((word) => word.length > 0);
}

/**
 * True when `core` (a whole cleaned line, no verb recognised) reads as search keywords: one to
 * {@link MAX_KEYWORDS} words, each with a letter or digit, and not mostly keyboard mash or filler
 * ("asdf qwerty", "hmm so"). A space said at the end ("… from the People & HR space") says where to
 * look and does not count among the words.
 */
export function isKeywords(core: string): boolean {
  const words = wordsOf(core);
  if (words.length === 0 || wordsOf(core.replace(SPACE_AFTER_NAME, '')).length > MAX_KEYWORDS) return false;
  // A lone "&", "+" or "/" joins words of a title ("Benefits & Perks FAQ"); other words need a letter or digit.
  const joiners = words.filter((word) => JOINER.test(word)).length;
  if (joiners * 2 >= words.length) return false;
  if (!words.every((word) => JOINER.test(word) || /[\p{L}\p{N}]/u.test(word))) return false;
  return !isNonsense(words);
}

function isNonsense(words: readonly string[]): boolean {
  const typed = words.map((word) => word.replace(/[^\p{L}\p{N}]+/gu, ''));
  const bare = typed.map((word) => word.toLowerCase());
  const gibberish = typed.filter(isGibberish).length;
  const filler = bare.filter((word) => FILLER.has(word)).length;
  if (filler === bare.length) return true;
  return gibberish > 0 && (gibberish + filler) * 2 >= bare.length;
}

function snippet(text: string, maxWords: number): string {
  return wordsOf(text.replace(/[`\n]/g, ' ')).slice(0, maxWords).join(' ').slice(0, 80);
}

/**
 * True when `word` is `verb` with its letters jumbled and at most one missing ("srech" for
 * "search"): same first letter, every letter taken from the verb's, one letter shorter at most.
 */
function isJumbled(word: string, verb: string): boolean {
  if (word[0] !== verb[0] || word.length > verb.length || word.length < verb.length - 1) return false;
  const left = [...verb];
  for (const letter of word) {
    const at = left.indexOf(letter);
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return true;
}

/** The verb `word` is two edits from, or a jumble of (five letters or more), or `undefined`. */
function verbTwoEditsAway(word: string): (typeof READING_VERBS)[number] | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 5) return undefined;
  return READING_VERBS.find(
    (verb) => editDistance(lower, verb, 2) === 2 || (lower !== verb && isJumbled(lower, verb)),
  );
}

/** True when the first word of `core` is two typos from a verb ("srech vpn"): worth asking, not guessing. */
export function hasVerbTypo(core: string): boolean {
  const first = /^\p{L}+/u.exec(core)?.[0];
  return first !== undefined && verbTwoEditsAway(first) !== undefined;
}

/** True when every word of `core` is chat filler ("hmm?", "lol ok", "testing 123"): nothing to search or ask. */
export function isFillerOnly(core: string): boolean {
  const words = wordsOf(core).map((word) => word.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase());
  // "testing 123", "test 1 2 3": filler with numbers said along.
  return (
    words.some((word) => FILLER.has(word)) &&
    words.every((word) => FILLER.has(word) || /^\d{1,3}$/.test(word))
  );
}

/**
 * Words that point at something without naming it ("that thing", "it", "this stuff"), or at something
 * done or said before ("again", "back", "the usual", "what we discussed").
 */
const RECALLING = (
  'usual again back before earlier discussed mentioned talked said agreed meant sent shared showed asked ' +
  'above below per needful necessary wrong spoke spoken'
).split(' ');
const POINTING = new Set([
  ..."it this that these those them thing things stuff something one same thingy thingamajig whatsit that's thats it's".split(
    ' ',
  ),
  ...RECALLING,
]);
/** Words that may sit around a pointing word in a vague request ("sort that thing out for me"). */
const VAGUE = new Set([
  ...POINTING,
  ...(
    'out up over off away for me us the a an with of about on care all same again too also now asap please quickly ' +
    // "do the same as before for the other one": a repeat of something earlier, named by when.
    'like as other previous last time exactly just into at look ' +
    // "open that page", "that link you sent": what points may be a page without a name.
    'page pages doc docs document link links file article result results ' +
    // changes never described: "apply the changes we discussed", "make the edits"
    'changes edits corrections fixes tweaks'
  ).split(' '),
  ...RECALLING,
]);
/** Verbs that ask for words, not an action ("explain that"): a thread follow-up, so a question. */
const ASKING_VERBS = new Set(
  'tell explain describe clarify summarise summarize elaborate expand repeat say answer help remind show'.split(
    ' ',
  ),
);

/** Vague nouns that, after one word, make it a topic ("kafka stuff"), unless that word is a verb of doing. */
const TOPIC_NOUN_AFTER = new Set(['stuff', 'things']);
/** Verbs that take "stuff" or "things" as their object ("fix stuff", "sort things"). Kept as data. */
const DOING_VERBS = new Set(
  (
    'do fix sort handle deal check update change send share finish clean tidy move delete remove add get make ' +
    'organise organize arrange take bring put edit review approve merge push test try sort see look find open ' +
    'search create write read start stop buy order pack ship file track chase cover manage run build break ' +
    'mention note list need want'
  ).split(' '),
);

/**
 * True for a request whose object only points ("sort that thing out", "take care of it", "do this
 * for me"): a verb, then only vague words, one of them pointing. There is nothing to search for or
 * to answer, so it is not understood (with readings) rather than a search or a question.
 */
export function isVagueRequest(core: string): boolean {
  const words = wordsOf(core).map((word) => word.replace(/[^\p{L}\p{N}']+/gu, '').toLowerCase());
  const [verb, ...rest] = words;
  if (verb === undefined || !/^\p{L}+$/u.test(verb) || rest.length === 0) return false;
  if (ASKING_VERBS.has(verb) || VAGUE.has(verb)) return false;
  // "gdpr stuff", "onboarding things": a topic and a vague noun, searched for ("fix stuff" still points).
  if (rest.length === 1 && TOPIC_NOUN_AFTER.has(rest[0]!) && !DOING_VERBS.has(verb)) return false;
  return rest.every(namesNothing) && rest.some((word) => POINTING.has(word));
}

/** Words a phrase with no verb may add around what it points at ("the doc we talked about yesterday"). */
const POINTED_EXTRA = new Set(
  (
    'we you u i they my our yesterday today morning week ago from what to do did need needed want wanted wants mean message email not quite ' +
    // the day it was shown: "the one from monday"
    'monday tuesday wednesday thursday friday ' +
    // who it goes to, never what it is ("send it to the team", "share that with everyone")
    'team everyone everybody channel group manager boss'
  ).split(' '),
);
/** Words that describe a page without naming it ("the new one", "the updated version", "the wiki"). */
const NAMELESS = new Set(
  'new latest newest updated current right correct proper final wiki confluence version'.split(' '),
);
/** Verbs that read a page or search: with only nameless words after them ("open the page"), nothing is named. */
const READ_VERBS = new Set(
  'open show get find search look view display read pull bring send give check see fetch load'.split(' '),
);

/** True for a word that names nothing: vague, pointing, nameless or around a pointing word. */
function namesNothing(word: string): boolean {
  return VAGUE.has(word) || POINTED_EXTRA.has(word) || NAMELESS.has(word) || FILLER.has(word);
}

/**
 * True for a reading request or a phrase that names no page ("open the page", "show me the doc",
 * "the updated version", "the link"): after a reading verb, or after "the"/"that"/"this", only words
 * that name nothing. There is nothing to open or search for.
 */
export function isNamelessRead(core: string): boolean {
  const words = wordsOf(core).map((word) => word.replace(/[^\p{L}\p{N}']+/gu, '').toLowerCase());
  if (words.length < 2 || words.length > 5) return false;
  const [first, ...rest] = words;
  const lead = READ_VERBS.has(first!) || /^(?:the|that|this)$/.test(first!);
  return lead && rest.every(namesNothing);
}

/** Verbs that change a page: with only nameless words after them ("update the page", "edit the doc"), no page is named. */
const EDIT_VERBS = new Set('update edit change fix correct amend tidy modify rename'.split(' '));

/**
 * True for an edit that names no page ("update the page", "edit the doc pls", "fix that one"; with
 * `minWords` 1, "please update" with nothing after it at all): an edit
 * verb, then only words that name nothing. Asking which page as if the request were understood would
 * hide that nothing was; it is not understood, with readings. A create is left to ask for its title.
 */
export function isNamelessEdit(core: string, minWords = 2): boolean {
  const words = wordsOf(core).map((word) => word.replace(/[^\p{L}\p{N}']+/gu, '').toLowerCase());
  if (words.length < minWords || words.length > 5) return false;
  const [first, ...rest] = words;
  return EDIT_VERBS.has(first!) && rest.every(namesNothing);
}

/**
 * True for a phrase that only points, with no verb ("that page", "the usual", "same for the other
 * page", "the doc we talked about yesterday", "you know the one"): nothing is named, so it is not
 * understood (with readings) rather than a search or a page named "usual".
 */
export function isPointingOnly(core: string): boolean {
  const words = wordsOf(core).map((word) => word.replace(/[^\p{L}\p{N}']+/gu, '').toLowerCase());
  if (words.length === 0 || words.length > MAX_KEYWORDS) return false;
  const known = words.every((word) => VAGUE.has(word) || POINTED_EXTRA.has(word) || FILLER.has(word));
  return known && words.some((word) => POINTING.has(word));
}

/**
 * A message that was not understood, with the one or two likeliest readings as commands the user
 * could have typed: a verb two typos away corrected ("srech vpn" → `search vpn`), a long sentence
 * as a search for its first words or as a question, keyboard mash as `help`. Pure.
 */
export function unclear(core: string): Intent {
  const words = wordsOf(core);
  const first = words[0] ?? '';
  const rest = core.slice(first.length).trim();
  const readings: string[] = [];
  const verb = verbTwoEditsAway(first.replace(/[^\p{L}]+/gu, ''));
  if (verb) readings.push(rest.length > 0 ? `${verb} ${snippet(rest, 12)}` : verb);
  if (!isNonsense(words) && readings.length < 2) {
    const search = `search ${snippet(verb ? rest : core, 6)}`;
    if (search.trim() !== 'search' && !readings.includes(search)) readings.push(search);
  }
  if (readings.length === 0) readings.push('help');
  return {
    kind: 'unclear',
    message: `I am not sure what to do with ${echoAsCode(core)}.`,
    readings: readings.slice(0, 2),
  };
}

/** A complaint or an opinion about a page ("the rota is wrong", "I think it's outdated"): no text for it. */
const COMPLAINT =
  /\b(?:wrong|outdated|out\s+of\s+date|incorrect|inaccurate|broken|stale|missing|confusing|not\s+(?:right|correct|accurate|up\s+to\s+date)|needs?\s+(?:an?\s+)?(?:(?:small|quick|tiny|little)\s+)?(?:update|updating|fix|fixing|changes?|tweak))\b|^(?:i\s+think|i\s+feel|i\s+guess|i\s+noticed|it\s+seems|seems|looks\s+like)\b/i;

/** True for a complaint or an opinion about a page rather than text for it ("the rota is wrong"). */
export function isComplaint(text: string): boolean {
  return COMPLAINT.test(text);
}

/**
 * What messages that name nothing are made of, besides pointing and vague words: doing, going on,
 * and saying how a result was ("make it better", "ok go", "please proceed", "not what I wanted", "it's
 * still broken", "continue from where we left off", "you know what I mean"). Kept as data.
 */
const NAMING_NOTHING = new Set(
  (
    'do did done doing make made fix fixed sort sorted handle handled check checked look looked looking into try ' +
    'tried go going went gone proceed continue carry keep left leave get got take took want wanted need ' +
    'needed mean meant think thought know knew ask asked told say said see saw work working works worked ' +
    'broken break better worse good bad fine ok okay right wrong still anymore whatever when where time ' +
    'yesterday earlier before ago last ahead forward finish off on up wait hold sure yes yeah yep ' +
    'fixing happen happened happening again thing stuff everything nothing anything something idk dunno ' +
    // a wish with nothing named: "can you make it nicer", "I would like something different", "sort out the mess"
    'wish like love prefer rather improve improved nicer easier simpler clearer cleaner shorter longer ' +
    'prettier faster quicker different useful usable mess bit little more less tidy polish tweak ' +
    // what was said before, never said here: "per our conversation", "the stuff from the meeting"
    'remember recall conversation convo discussion chat call meeting day other talk talked ' +
    // half a sentence: "I'm trying to", "I was wondering if", "so the thing is"
    'trying wondering wonder going gonna wanna possible basically literally honestly like ' +
    // leaving it to the bot or holding on: "up to you", "hmm not sure", "never mind", "one sec"
    'decide choose surprise matter matters mind nevermind nvm forget fine sure sec moment hold ' +
    'brb later let think one whatever never sounds sound seems ' +
    // a write with nothing named: "put it there", "write that down somewhere", "make another one"
    'put write wrote written copy another nice somewhere anywhere progress news status message ' +
    // taking back what was done, with nothing named: "undo", "revert that", "redo it"
    'undo undone revert reverted redo ' +
    // "same deal as the other day", "that's not it either"
    'deal either neither ' +
    // "please action", "kindly action this" (Indian English): do it, with nothing named
    'action actioned ' +
    // finishing what was started, with nothing named: "have you finished?", "can you complete it", "put it where it belongs"
    'finish finished finishing complete completed started belong belongs ' +
    // a fault mistyped, or settled, with nothing named: "it still brokn", "not wroking again", "is that resolved?"
    'brokn borken brokne broke wroking workign wrking resolved solved'
  ).split(' '),
);
/**
 * The words among those that show the message acts on nothing named: a pronoun that points, going on,
 * doing again, saying how it went ("things to know" has none: it is a title).
 */
const ACTS_ON_NOTHING = new Set(
  // "not what I was looking for": looking for what was never named.
  (
    'it this that these those them thats its same usual again back before earlier looking ' +
    'yesterday ago discussed mentioned agreed meant mean wanted wrong broken better worse whatever ' +
    'proceed continue carry ahead go going left fix sort handle idk dunno working happened ' +
    'thing stuff something mess remember recall conversation convo discussion other another undo undone revert reverted redo action actioned ' +
    'brokn borken brokne wroking workign wrking'
  ).split(' '),
);
/** What the bot did or meant ("did you …", "have you …", "what do you mean", "you did"). */
const BOT_DOINGS =
  /\b(?:did|didn'?t|have|haven'?t|has|had)\s+(?:you|u|ya)\b|\b(?:you|u|ya)\s+(?:did|done|mean|meant)\b/i;
/** Nouns for something never named ("my thing", "the stuff"). */
const THING = new Set('thing stuff thingy thingamajig whatsit'.split(' '));
/**
 * Leaving the choice to the bot, or holding the conversation ("you decide", "doesn't matter", "never
 * mind", "one sec", "let me think"): nothing to act on, even when the words look like a question.
 */
const HOLDING = new Set(
  'decide choose surprise matter matters mind nevermind nvm forget fine sure sec moment hold wait brb later think whatever'.split(
    ' ',
  ),
);
/** "up to you", "your call", "I don't care": the choice left to the bot, in more than one word. */
const HOLDING_PHRASE =
  /\bup\s+to\s+(?:you|u)\b|\b(?:you|u)\s+know\s+what\s+(?:to\s+do|i\s+(?:mean|want|need))\b|\byour\s+call\b|\b(?:don'?t|do\s+not|couldn'?t)\s+care\b/i;
/**
 * Words that leave a sentence unfinished at its end ("I was wondering if", "what about the", "hey so
 * about the"): an article, a possessive, a conjunction. A question may end on a preposition ("what is it
 * for?"), so the ones in {@link DANGLING_UNASKED} end a sentence only when no question word is there.
 */
const DANGLING = new Set('the a an my your our their his her if whether and or but'.split(' '));
const DANGLING_UNASKED = new Set('to of about with for from in on at by is was are'.split(' '));
/** Words that ask ("what", "how"): with them, a message of small words is a question ("what about it?"). */
const ASKING_WORDS = new Set('what which who whom whose how when where why whats wat wtf'.split(' '));

/**
 * True when `words` (of a message naming nothing) stop half way ("I'm trying to", "can you", "so about
 * the") or only hold the conversation ("never mind", "you decide", "up to you").
 */
function saysNothingYet(words: readonly string[], text: string): boolean {
  const last = words[words.length - 1] ?? '';
  const asks = words.some((word) => ASKING_WORDS.has(word));
  if (DANGLING.has(last) || (!asks && DANGLING_UNASKED.has(last))) return true;
  // "can you", "could you please", "is it?": only small words, none that asks what.
  if (!asks && words.every((word) => FUNCTION_WORDS.has(word))) return true;
  return words.some((word) => HOLDING.has(word)) || HOLDING_PHRASE.test(text);
}
/**
 * True for a request of the bot ({@link ASKED_TO_ACT}: "can you …", "please …") whose words, all of them
 * closed (see `namesNothingAtAll`), hold no asking word and no object: "can you check", "pls check",
 * "could you look", "please proceed". There is nothing to search for ("check") or to answer.
 */
function isBareAskToAct(words: readonly string[], line: string): boolean {
  return (
    ASKED_TO_ACT.test(line.trim()) &&
    !words.some((word) => ASKING_WORDS.has(word)) &&
    words.filter((word) => !FUNCTION_WORDS.has(word)).length <= 2 &&
    !namesWhatIsAskedFor(words, line)
  );
}

/** "can I have …", "could we get …": the asker asks to be given what follows. */
const ASKED_TO_BE_GIVEN = /^(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:have|get)\s/i;

/**
 * True when "can I have …?", asked with its question mark, names what it asks for by a word that is not
 * vague or pointing ("can I have the day off?" names a day off; "can I get the other one?" names nothing).
 */
function namesWhatIsAskedFor(words: readonly string[], line: string): boolean {
  if (!ASKED_TO_BE_GIVEN.test(line.trim()) || !/\?\s*$/.test(line)) return false;
  return words.some(
    (word) => !FUNCTION_WORDS.has(word) && !/^(?:have|get)$/.test(word) && !namesNothing(word),
  );
}

/**
 * Asked as a question: a question word then anything but a subject ("how do I do that", "what happened";
 * "what I asked before" is not asked), or a verb first ("is that it", "do you know").
 */
const QUESTION_SYNTAX =
  /^(?:(?:what|how|who|where|when|why|which)\b(?!\s+(?:i|you|u|we|they|he|she)\b)|(?:is|are|was|were|does|did|has|have|had|am|should|shall|will|would|could|can|may|might|must|isn'?t|aren'?t|doesn'?t|didn'?t)\b|do\s+(?:you|u|i|we|they)\b)/i;
/**
 * A request to do again what was done before, whoever or whatever it is for now ("do the same for Omar",
 * "do the usual for the new joiner", "do it for the sales page as well", "redo the change", "same update
 * for HR"; "same for HR" alone repeats a question).
 */
/** A place alone after "and", "also", "now" or nothing ("and in ENG", "in the HR space too"): nothing to look for named. */
const PLACE_ALONE =
  /^(?:(?:and|also|now|ok|okay)\s+)?(?:also\s+)?(?:in|on|within|inside)\s+(?:the\s+)?(?:~?[A-Z][A-Z0-9]{1,9}|[\p{L}&'’-]+\s+space)(?:\s+(?:too|as\s+well|also))?[\s?.!]*$/u;
const REPEAT_REQUEST =
  /^(?:(?:just|please|pls)\s+)?(?:(?:do|repeat|redo)\s+(?:(?:exactly|just)\s+)?(?:(?:the\s+)?(?:same|usual)(?:\s+thing)?(?=\s+(?:for|as|like|but|again|with|here|there|now|to|on|in|you|u|we|i|that)\b|[\s?.!]*$)|what\s+(?:you|u)\s+did|that\s+again|it\s+again|(?:it|that|this)\s+(?=(?:for|with|on|in)\s)|(?:(?:it|that|this)\s+)?(?:(?:exactly|just)\s+)?(?:like|as)\s+(?:the\s+)?(?:last\s+time|before|usual|always|yesterday|(?:we|you|u)\s+did))|(?:(?:exactly|just)\s+)?like\s+(?:the\s+)?last\s+time[\s?.!]*$|(?:repeat|redo)\s+(?:that|it|this|(?:the|my|your|our)\s+(?:last\s+)?(?:update|edit|change|changes|fix|search|thing|request))\b|do\s+(?:the|that|this|my)\s+(?:update|edit|change|changes|fix|thing)\s+again\b|do\s+(?:that|this|my)\s+search\s+again\b|(?:the\s+)?same\s+(?:again|thing\s+again|(?:as|like)\s+(?:the\s+)?(?:before|last\s+time|usual|yesterday))\b|(?:the\s+)?same\s+(?:thing|update|updates|edit|edits|change|changes|fix|fixes|deal|request|text|note)\s+(?:for|in|on|with|to)\b|do\s+what\s+(?:you|u)\s+(?:normally|usually|always)\s+do\b)/i;
/**
 * A request of the bot ("can you …", "please …", "can I get …", "could I have …"): asked with a question
 * mark or not, it asks for an action.
 */
export const ASKED_TO_ACT =
  /^(?:(?:hi|hey|hello|ok|okay|so|sorry(?:\s+to\s+(?:bother|bug|trouble|disturb|interrupt)(?:\s+(?:you|u|ya))?)?(?:\s+again)?)[\s,!.]+)*(?:(?:can|could|would|will)\s+(?:you|u)|(?:can|could|may)\s+(?:i|we)\s+(?:get|have)|please|pls|plz|kindly)\b/i;

/** Time away from work ("the day off", "a morning off", "friday off"): leave, named in words that alone name nothing. */
const TIME_OFF =
  /\b(?:day|days|morning|afternoon|evening|week|weeks|time|half[\s-]day|monday|tuesday|wednesday|thursday|friday)\s+off\b/i;

/**
 * Words that point past the answer just given, at something else or earlier ("the other one", "what we
 * discussed", "remember what I asked?").
 */
const POINTS_PAST_ANSWER = wordSet(
  'other another usual discussed mentioned talked agreed said sent shared showed asked remember recall conversation ' +
    'convo discussion',
);
/**
 * When something was shown ("the one from yesterday", "that link again"): past the answer only with an item
 * pointed at or "from" ("is it the same as before?" asks about the answer's subject then and now).
 */
const WHEN_SHOWN = wordSet('earlier before yesterday ago last again');
const ITEM = wordSet('one ones thing things stuff link links page pages doc docs result results from');
/**
 * Asking how something goes or stands ("what's the status of it?", "any update on that?", "how did it go?", "what
 * happened with it?", "how's it looking?").
 */
const STATUS_WORDS = wordSet(
  'status progress news update updates going go went happen happened happening looking',
);
/**
 * Whether it is finished or works again ("did that get sorted?", "is it done yet?", "is it working now?");
 * after "how" it asks the way ("how is that done?").
 */
const STATUS_DONE = wordSet('sorted done finished fixed work works working resolved solved');
/** "where are we with this?", "where are we at on that", "what's the latest on it?": how something only pointed at stands. */
const STATUS_PHRASE =
  /\bwhere\s+(?:are|r)\s+(?:we|you|u)\s+(?:at\s+)?(?:with|on)\b|\blatest\s+(?:on|with)\b/i;
/** Words that point without naming ("it", "that one", "the stuff"). */
const POINTER = wordSet('it this that these those them thing things stuff one ones');
/** "what about …", "how about …", "and …" first: the question before, asked again for what follows. */
const ASKED_AGAIN_ABOUT = /^(?:(?:and|so|ok|okay)[\s,]+)?(?:(?:what|how)\s+about|and)\b/i;
/** How the asker does something ("how do I do it like last time?"): a how-to, asked of the knowledge base. */
const HOW_ASKER_DOES = /^(?:(?:and|so|ok|okay)[\s,]+)?how\s+(?:do|can|could|should|would|did)\s+(?:i|we)\b/i;

/**
 * True when a question of pointing words (see `namesNothingAtAll`) still asks nothing the knowledge base
 * could answer: it points past the answer just given ("what about the other one?", "remember what I
 * asked before?"), asks how something only pointed at stands ("what's the status of it?", "how did it
 * go?"), or asks the question before again for something only pointed at ("what about that?"). "what
 * does that mean?", "where is it?" ask about the answer just given, and stay questions.
 */
function asksOfNothing(words: readonly string[], core: string): boolean {
  if (HOW_ASKER_DOES.test(core)) return false;
  if (words.some((word) => POINTS_PAST_ANSWER.has(word))) return true;
  if (words.some((word) => WHEN_SHOWN.has(word)) && words.some((word) => ITEM.has(word))) return true;
  const pointing = words.some((word) => POINTER.has(word));
  const done = words[0] !== 'how' && words.some((word) => STATUS_DONE.has(word));
  const status = done || words.some((word) => STATUS_WORDS.has(word)) || STATUS_PHRASE.test(core);
  return pointing && (status || ASKED_AGAIN_ABOUT.test(core));
}

/**
 * True for a message with no word that names anything: every word pointing, vague, or one that
 * messages naming nothing are made of ({@link NAMING_NOTHING}), and at least one of those. There is
 * nothing to search for, open or answer, so it is not understood (with readings). A question asked
 * as one ("how do I do that?", "where is it?") stays a question: in a thread it asks about the answer.
 */
export function namesNothingAtAll(core: string, line: string): boolean {
  // "and in ENG", "also in the HR space": only a place, the request it goes with was in an earlier message.
  if (PLACE_ALONE.test(core)) return true;
  // "can I have the day off?": leave asked about, a question for the knowledge base.
  if (TIME_OFF.test(core)) return false;
  // "can you do the same thing you did for Omar yesterday?": the action is only pointed at.
  if (REPEAT_REQUEST.test(core)) return true;
  // "this is useless", "you are not helping": a complaint about the bot, asked or not.
  if (isComplaintAboutTheBot(core)) return true;
  const words = closedWordsOf(core);
  if (
    !allWordsFrom(words, FUNCTION_WORDS, NAMING_NOTHING, VAGUE, POINTED_EXTRA, NAMELESS, FILLER, STATUS_WORDS)
  )
    return false;
  if (saysNothingYet(words, core)) return true;
  // "can you check", "pls handle": a request of the bot whose verb has nothing after it to act on.
  if (isBareAskToAct(words, line)) return true;
  // "did you get my message?", "what do you mean?", "what happened to my thing?": asked of the bot's
  // doings or of a thing never named, not of the knowledge base.
  if (BOT_DOINGS.test(core) || words.some((word) => THING.has(word))) return true;
  const asked = /\?\s*$/.test(line) || QUESTION_SYNTAX.test(core);
  // "what about the other one?", "any update on that?": asked, and still nothing to ask about.
  if (asked && asksOfNothing(words, core)) return true;
  if (!words.some((word) => ACTS_ON_NOTHING.has(word))) return false;
  return !asked || ASKED_TO_ACT.test(line.trim());
}

/**
 * A new page asked for by pointing at one never described ("can you create the page we discussed?",
 * "create the same page for sales"): the object is the same, usual or other page, or a page "we
 * discussed / you mentioned". Asking for its title or space as if it were new would be wrong.
 */
const POINTED_NEW_PAGE =
  /^(?:(?:(?:can|could|would|will)\s+(?:you|u)|please|pls|plz|kindly|just)\s+)*(?:create|make|write|set\s+up|start|build|do|put\s+together)\s+(?:me\s+|us\s+)?(?:(?:the|that|this)\s+(?:same|usual|other)|same)\s+(?:new\s+)?(?:page|doc|document|one|article|thing)\b|^(?:(?:(?:can|could|would|will)\s+(?:you|u)|please|pls|plz|kindly|just)\s+)*(?:create|make|write|set\s+up|start|build|do|put\s+together)\s+(?:me\s+|us\s+)?(?:the|that|this)\s+(?:new\s+)?(?:page|doc|document|one|article)\s+(?:that\s+)?(?:we|you|u|i|they)\s+(?:discussed|mentioned|talked|agreed|said|asked|wanted|planned|spoke|need|needed)\b/i;

/** True for a create whose page is only pointed at (see {@link POINTED_NEW_PAGE}); reads the first 160 characters. */
export function isPointedNewPage(line: string): boolean {
  return POINTED_NEW_PAGE.test(line.trim().slice(0, 160));
}

/**
 * An edit of something only pointed at ("update it with the new numbers", "fix that so it says 5 days",
 * "add it to the rota", "put it in the usual place", "update that doc with the new info", "update it as
 * per the call"): the object is a pronoun or a page never named, never described. Read in the first 160
 * characters only.
 */
const POINTED_EDIT =
  /^(?:(?:(?:can|could|would|will)\s+(?:you|u)|please|pls|plz|kindly|just)\s+)*(?:update|edit|change|fix|correct|amend|modify|redo|rewrite|rename|retitle|add|put|append|post|paste|stick)\s+(?:it|that|this|them|(?:the|that|this)\s+(?:page|doc|document|one|article|file|wiki)|(?:the|that|this)\s+(?:issue|problem|typo|error|mistake|bug)s?(?:\s+(?:on|in|with)\s+(?:it|(?:the|that|this)\s+(?:page|doc|document|one)))?)(?=[\s,.!?:]*$|\s+(?:with|to|so|by|using|in|into|on|now|again|pls|please|for\s+me|as\s+per|per|according\s+to|based\s+on|like)\b)/i;

/**
 * True for a failed edit whose object is only pointed at (see {@link POINTED_EDIT}): asking for the page
 * or the text as if the request were understood would hide that nothing was named. Only a failure is
 * read again this way, so no write is ever turned into something else.
 */
export function isPointedEdit(line: string): boolean {
  const text = line.trim().slice(0, 160);
  return POINTED_EDIT.test(text) || CONTENT_EDIT.test(text);
}

/**
 * An edit of a piece of a page's content with no page named ("update the numbers", "change the date",
 * "can you update the figures on it?", "fix the wording"): what is changed is a kind of content, and
 * the page it is on is never said. The nouns are data.
 */
const CONTENT_NOUN =
  '(?:numbers?|figures?|dates?|times?|info|information|details?|data|stats|statistics|text|content|contents|wording|words|copy|links?|names?|contacts?|totals?|amounts?|prices?|rates?|table|list|section|bit|part)';
const CONTENT_EDIT = new RegExp(
  String.raw`^(?:(?:(?:can|could|would|will)\s+(?:you|u)|please|pls|plz|kindly|just)\s+)*(?:update|edit|change|fix|correct|amend|modify|adjust|refresh|tweak)\s+(?:the|those|these|that|this|our|my)\s+(?:new\s+|latest\s+|old\s+)?${CONTENT_NOUN}(?:\s+(?:on|in)\s+(?:it|there|(?:the|that|this)\s+(?:page|doc|document|one)))?(?:\s+(?:pls|please|asap|now|again|for\s+me))*[\s?!.]*$`,
  'i',
);
