import { allWordsFrom, closedWordsOf, wordSet } from './closed-words.js';
import { withoutNameResidue, withSpaceOfNamed } from './name-residue.js';
import { readPageToOpen } from './page-name.js';
import { readQuoted } from './read-quoted.js';
import { trimEndWhere } from './scan-text.js';
import { acceptSpaceWord as acceptTypedSpaceWord } from './space-key.js';
import { isDepartmentWord } from './space-names.js';
import { TRAILING_ADVERB, TRAILING_EMPHASIS } from './trailing-adverbs.js';
import type { Intent } from './types.js';

/** Longest search text accepted; longer text is almost certainly a paste, not a query. */
export const MAX_SEARCH_WORDS_LENGTH = 500;

/**
 * A page described by what it holds, not named: "the one about X", "the doc where we keep X", "the
 * page which explains X", "the page where is explained X" (non-native). What follows is searched for.
 */
export const DESCRIBED_PAGE =
  /^(?:(?:the|that|this|a)\s+)?(?:(?:confluence|wiki)\s+)?(?:page|doc|document|one|article|thing)\s+(?:(?:about|regarding)\s+|(?:which|that|where)\s+(?:(?:we|you|they|i|people|it|is|are)\s+){0,2}(?:explains?|explained|covers?|covered|describes?|described|lists?|listed|keeps?|kept|keep|stores?|contains?|talks?\s+about|mentions?|says?|shows?|has|have|is\s+about)\s+(?:about\s+)?)(?=\S)/i;

/** "the page called X", "a doc titled X", "the page with the title X": one page named as such (not "pages called …"). */
const NAMED_AS_TITLE =
  /^(?:(?:me|for)\s+)?(?:(?:the|a|an|that)\s+)?(?:(?:confluence|wiki)\s+)?(?:page|doc|document|article)\s+(?:(?:that(?:'s|\s+is)\s+|which\s+is\s+)?(?:called|named|titled)|with\s+the\s+(?:name|title))\s+(?=\S)/i;

const LEADING_FILLERS: readonly RegExp[] = [
  DESCRIBED_PAGE,
  // "search to me X", "find for me X" (non-native): whom the search is for, before the topic.
  /^(?:(?:to|for)\s+me|to\s+us|me|please|pls|plz)\s+/i,
  // "all things hiring", "anything and everything on X", "all about X": a whole topic, said loosely.
  // ("everything we have on X" is read whole below.)
  /^(?:all\s+things|everything(?!\s+(?:(?:that|which)\s+)?(?:we|you|u|they)\b)|anything\s+and\s+everything(?:\s+(?:on|about))?|all\s+(?:about|regarding|concerning))\s+(?=\S)/i,
  // "the latest on X", "news about X": what is new on a topic is a search for it.
  /^(?:the\s+)?(?:latest|news|updates?)\s+(?:on|about|re|regarding)\s+(?=\S)/i,
  // "(assist with) a search for X", "some reading on X", "whatever mentions X": the topic after the asking noun or verb.
  /^(?:an?\s+)?(?:quick\s+)?(?:search|look|lookup|look-up|dig)\s+(?:for|on|about|into)\s+(?=\S)/i,
  /^(?:some\s+|any\s+)?reading(?:\s+material)?\s+(?:on|about|for)\s+(?=\S)/i,
  /^(?:whatever|anything|everything|anywhere|everywhere|wherever)\s+(?:that\s+)?(?:mentions|covers|talks\s+about|is\s+about|on|about|re|regarding)\s+(?=\S)/i,
  // "mentions of X", "references to X", "a list of X", "where we mention X": pages that name the topic.
  /^(?:(?:any|all|the)\s+)?(?:mentions?\s+of|references?\s+to|(?:an?\s+|the\s+)?(?:full\s+)?list\s+of(?:\s+all)?(?:\s+the)?|where\s+(?:we|they|people)\s+(?:mention|reference|talk\s+about|discuss))\s+(?=\S)/i,
  // "the latest leave policy", "the most recent release notes": the bot finds pages by words, not dates.
  /^(?:the\s+)?(?:latest|newest|most\s+recent|most\s+up[\s-]to[\s-]date|recently\s+(?:updated|edited|changed|added|published))\s+(?=\S)/i,
  // "all spaces for X", "all of confluence for X": everywhere, then the topic.
  /^(?:(?:in\s+|across\s+)?(?:all|every|any)\s+(?:spaces?|of\s+confluence|of\s+the\s+wiki)|everywhere|anywhere)\s*(?:(?:for|about|on)\s+|:\s*)(?=\S)/i,
  /^(?:(?:in|on|through|across)\s+)?(?:confluence|the\s+wiki|wiki|the\s+docs|our\s+docs|the\s+knowledge\s*base)\b\s*(?:for|about|on|:)?\s*/i,
  /^(?:(?:for|of)\s+)?(?:all\s+(?:of\s+)?(?:the\s+|our\s+)?|any\s+|some\s+|the\s+|our\s+|every\s+)?(?:confluence\s+|wiki\s+)?(?:pages?|docs?|documents?|documentation|articles?|notes?|content|results?|stuff|things|anything|everything|something|smth|sth|smthg|smthn|smthng|sumthin|somethin|anythin|info|infos|information|informations|details|materials?|resources?|entries)\s+(?:about|bout|on|for|regarding\s+to|regarding|re|w\/|related\s+(?:to|with)|relating\s+(?:to|with)|in\s+relation\s+to|pertaining\s+to|to\s+do\s+with|concerning|referring\s+to|referencing|explaining|discussing|like|mentioning|that\s+mentions?|which\s+mentions?|with|containing|covering|describing|that\s+talks?\s+about|talking\s+about|that\s+cover|that\s+covers|(?:that|which)\s+(?:explains?|describes?|discuss(?:es)?|covers?|(?:is|are)\s+about|deals?\s+with|refers?\s+to|goes\s+(?:over|through))|(?:to|on|about|of|for)\s+the\s+(?:topic|subject|theme)(?:\s+of)?|of)(?:\s*:\s*|\s+)/i,
  /^(?:(?:on|about|to|for)\s+)?the\s+(?:topic|subject|theme)\s+(?:of\s+)?/i,
  // "whatever we have on X", "everything you've got about X", "whatever there is on X", "whatever exists about X": what the wiki holds on a topic.
  /^(?:whatever|everything|anything|all|what)\s+(?:(?:that|which)\s+)?(?:(?:we|you|u|they|confluence|the\s+wiki)(?:\s+(?:have\s+got|have|has|got|know|can\s+find)|'ve(?:\s+got)?)|there(?:\s+is|'s|s)|exists?|is\s+(?:out\s+)?there|is\s+available)\s+(?:on|about|for|regarding|re)\s+/i,
  // "on call rota" is a subject, not "search on <call rota>"; "search after the X" (non-native "for"); "search around X";
  // "(everything) related to X", "regarding to X" (non-native): how the topic is introduced.
  /^(?:for|about|on(?!\s+call\b)|regarding(?:\s+to)?|re|around|after(?=\s+(?:the|an?|our|any|some)\s)|related\s+to|relating\s+to|to\s+do\s+with|concerning)(?:\s*:\s*|\s+)/i,
  // "all the runbooks", "all of our ADRs": every page on the topic is what a search gives ("all hands" keeps its words).
  /^all\s+(?:of\s+)?(?:the|our)\s+(?=\S)/i,
  // "pull together stuff on X", "gather info about X": collecting what the wiki holds is a search for it.
  /^(?:(?:pull|put)\s+together|gather(?:\s+up)?|collect|compile|round\s+up)\s+(?=(?:all\s+)?(?:the\s+|some\s+|any\s+)?(?:stuff|info|information|docs|pages|material|materials|everything|anything|something)\b)/i,
  /^[:\-–—]\s*/,
  // "topic: jury duty", "keywords: vpn setup", "needed: release calendar", "docs: kafka": a label before the words, as in a form.
  /^(?:topic|subject|keywords?|key\s+words|query|(?:search\s+)?terms?|needed|wanted|need|looking\s+for|docs|pages|info)\s*(?::|\s[-–—])\s*/i,
];
const LEADING_SPACE =
  /^(?:in|on|within|inside)\s+(?:the\s+)?(?:(space)\s*:?\s*)?(~?[A-Za-z0-9]{1,254})(?:\s+(space))?\s*(?:for|about|on|:)\s+/i;
/**
 * "search in ENG kafka lag", "search in the HR space onboarding": the space, then the words with no "for"
 * ("in the IT & Operations space …" is a name of several words, read with the space directory).
 */
const SPACE_THEN_WORDS =
  /^(?:[Ii][Nn]|[Oo][Nn]|[Ww][Ii][Tt][Hh][Ii][Nn]|[Ii][Nn][Ss][Ii][Dd][Ee])\s+(?:(?:the|THE)\s+)?()(~?[A-Z][A-Z0-9]{1,9}|(?!(?:the|a|an|our|this|that)\s)\S+(?=\s+(?:space|SPACE)\b))(?:\s+(space|SPACE))?\s*[,:]?\s+(?=\S)(?!(?:&|and|AND)\s)/;
/** "only" around a space clause ("onboarding only in HR", "kafka but only in ENG", "onboarding, HR space only"): not a search word. */
const ONLY_WITH_SPACE = /(?:\s+but)?\s+only(?=\s+(?:in|on|from|within|inside)\s)|\s+only\s*[.!?]*$/i;
/** "kafka, eng only", "onboarding - HR only": after a break, one word said with "only" is where to look. */
const KEY_ONLY_AFTER_BREAK = /(?:,|\s[-–—])\s*(~?[A-Za-z][A-Za-z0-9]{1,9})\s+only\s*[.!?]*$/;

/**
 * `text` without "only" around a space clause; "X, eng only" said as "X in eng" when the word may be a key:
 * typed in capitals ("X - HR only") or a department's word ("X, legal only"); "kafka, lag only" narrows the topic.
 */
function withoutOnly(text: string): string {
  const keyOnly = KEY_ONLY_AFTER_BREAK.exec(text);
  const word = keyOnly?.[1] ?? '';
  if (
    keyOnly &&
    (/^~?[A-Z][A-Z0-9]+$/.test(word) || isDepartmentWord(word)) &&
    acceptTypedSpaceWord(word, false)
  )
    return `${text.slice(0, keyOnly.index)} in ${keyOnly[1]}`;
  return text.replace(ONLY_WITH_SPACE, '');
}
/** "search ENG for X", "search HR: X": an upper-case space key right after the verb. */
const KEY_THEN_FOR = /^()(~?[A-Z][A-Z0-9]{1,9})()(?:\s+(?:for|about)\s+|\s*:\s+)/;
/** "search the sales space for X", "look in the ENG space for X": a space named with "space", then the topic. */
const SPACE_THEN_TOPIC =
  /^(?:(?:in|on|within|inside|through)\s+)?(?:the\s+)?()(~?[A-Za-z0-9]{1,254})\s+(space|wiki)\s+(?:for|about|regarding)\s+/i;

/** True when `text` names a space and then what to look for in it ("the HR space for parental leave"). */
export function isSpaceThenTopic(text: string): boolean {
  return SPACE_THEN_TOPIC.test(text);
}
const TRAILING_SPACE =
  /\s+(?:in|on|from|within|inside|under)\s+(?:the\s+)?(?:(space)\s*:?\s*)?(~?[A-Za-z0-9]{1,254})(?:\s+(space))?\s*[.!?]*$/i;
/** "kafka (ENG)", "kafka [ENG]", "kafka space ENG", "kafka ENG space", "onboarding @ HR": the space after the words without "in". */
const TRAILING_KEY_ONLY =
  /\s*[([]\s*(?:(space)\s*:?\s*)?(~?[A-Z][A-Z0-9]{1,9})\s*[)\]]\s*[.!?]*$|\s+(space)\s*:?\s*(~?[A-Za-z][A-Za-z0-9]{1,9})\s*[.!?]*$|\s+(~?[A-Z][A-Z0-9]{1,9})\s+(space)\s*[.!?]*$|\s@\s?(~?[A-Z][A-Z0-9]{1,9})\s*[.!?]*$/;
/** "kafka lag (eng)", "onboarding [people]": a department's word in brackets after the words, typed in lower case (see {@link isDepartmentWord}). */
const TRAILING_BRACKETED_WORD = /[([]\s*([A-Za-z]{2,15})\s*[)\]]\s*[.!?]*$/;
const TRAILING_WHERE = new RegExp(
  String.raw`\s+(?:in|on|across|from)\s+(?:confluence|the\s+wiki|wiki|all\s+spaces|every\s+space|any\s+space)\s*[.!?]*$|\s+(?:everywhere|anywhere|somewhere|(?:in|on)\s+here|here|instead|too|as\s+well)\s*[.!?]*$|${TRAILING_ADVERB}\s*[.!?]*$|${TRAILING_EMPHASIS}\s*[.!?]*$`,
  'i',
);

/**
 * When the results are wanted, at the end ("… before standup", "… ahead of my 1:1", "… before the
 * call with Fabrikam"): a meeting or a moment of the day, kept as data, never a search word.
 */
const EVENT_WORDS =
  'standup|stand-up|stand\\s+up|meeting|call|1:1|1-1|one-on-one|1on1|sync|retro|interview|lunch|eod|end\\s+of\\s+(?:the\\s+)?day|all\\s+hands|all-hands|town\\s+hall|presentation|pitch|workshop|offsite|deadline|weekend';
const BEFORE_EVENT = String.raw`\s+(?:before|ahead\s+of|prior\s+to|in\s+time\s+for)\s+(?:(?:my|our|the|a|an|this|today'?s|tomorrow'?s|next)\s+)?(?:[\p{L}\p{N}-]{1,30}\s+)?(?:${EVENT_WORDS})\b(?:\s+(?:with|at|on|in)\s+\S{1,40}(?:\s+\S{1,40})?)?(?=[\s.!?]*$)`;
/** Who a search may be done for, said after its words ("… my manager wants it"): kept as data. */
const WHO_ASKS =
  '(?:manager|boss|lead|team\\s+lead|tech\\s+lead|team|director|ceo|cto|cfo|hr|client|customer|colleague|mentor)';
/**
 * "(the okta stuff) we talked about", "(the kafka thing) you mentioned earlier", "(the release process) as
 * discussed", "… like we agreed": the topic pointed back to in the conversation, said after its words;
 * never a search word.
 */
const ALREADY_TALKED = String.raw`\s+(?:(?:that\s+|which\s+)?(?:we|you|u|i|they|someone|somebody)|(?:as|like)(?:\s+(?:we|you|u|i|they|someone|somebody))?)\s+(?:talked|spoke|discussed|mentioned|chatted|agreed(?:\s+on)?|were\s+talking|was\s+talking)(?:\s+about)?(?:\s+(?:earlier|yesterday|before|last\s+(?:week|time)|this\s+morning|in\s+(?:the\s+)?(?:standup|meeting)))?(?=[\s.!?]*$)`;

/**
 * Who said the page exists, after the words without a comma ("… my colleague told me there is one", "…
 * someone said we have one"): why it is looked for, never a search word. Kept as data.
 */
const HEARD_IT_EXISTS = String.raw`\s+(?:(?:my|our|a|the)\s+)?(?:${WHO_ASKS}|friend|coworker|co-worker|teammate|someone|somebody|people|everyone)\s+(?:told|tells|said|says|mentioned)\s+(?:(?:me|us)\s+)?(?:that\s+)?(?:there\s+(?:is|was|are|'?s)|we\s+(?:have|had|got)|it\s+exists|one\s+exists)\b`;
/**
 * The trouble that sends someone to search, said after the words without a comma ("search vpn i cant
 * connect", "… we cannot log in"); after "when", "if", "how" and the like it is the topic itself.
 */
const TROUBLE_AFTER = String.raw`\s(?<!\b(?:when|if|where|why|how|what|that|because|cause|cuz|coz|so|and|but|or|until|while|once)\s)(?:i|we)\s+(?:cant|can't|can’t|cannot|can\s+not|couldnt|couldn't|couldn’t|am\s+unable\s+to|are\s+unable\s+to)\s+\p{L}`;

/**
 * What to do with the results, after the words ("… and send me the links", "… and tell me what you
 * find", "… and let me know"), where the words should be ("… in the title"), and when they are needed
 * ("… need it for friday", "… i need it by tomorrow", "… before standup"), and who wants them ("… my
 * manager wants it"): not search words.
 */
const RESULTS_ASKED = new RegExp(
  String.raw`${ALREADY_TALKED}|${HEARD_IT_EXISTS}|${TROUBLE_AFTER}|\s+(?:and|&|then)\s+(?:(?:send|share|give|show|tell|post|paste|drop|forward|list|link)\s+(?:me|us|it|them|back|the\s+(?:links?|results?|pages?|urls?|hits?)|what|whatever|anything)\b|let\s+(?:me|us)\s+know\b|lmk\b|report\s+back\b)|\s+in\s+(?:the|its|their)\s+(?:title|name|heading)s?(?=[\s.!?]*$)|${BEFORE_EVENT}|\s+(?:(?:i|we)\s+)?(?:need|needed|want)\s+(?:it|this|that|them)(?:\s+(?:for|by|before|asap|today|tomorrow|now|urgently)\b|(?=[\s.!?]*$))|\s+(?:(?:my|our|the)\s+)?${WHO_ASKS}\s+(?:wants|needs|asked\s+(?:me\s+)?for|is\s+asking\s+(?:me\s+)?for)\s+(?:it|this|that|them)(?=[\s.!?]*$)`,
  'iu',
);
/**
 * A hedge after the words about whether the page exists or what it is called ("…, if that exists", "… if
 * there is such a page", "… if we have anything", "… whatever it's called", "… that kind of thing", "… i
 * think it's an ADR"): it doubts, never names. Kept as data; read from where it starts to the end.
 */
const HEDGE_AFTER =
  /(?<![\s,;(-])[\s,;(-]+(?:if\s+(?:that|it|one|this|such\s+a\s+(?:page|doc|thing))\s+(?:exists|is\s+a\s+thing)|if\s+(?:there\s+is|there'?s|there\s+are|we\s+have|we'?ve\s+got|you\s+have|you'?ve\s+got|(?:we|you)\s+got)\s+(?:one|any|anything|something|such|it|that|an?\s+(?:page|doc|article)|(?:a\s+)?(?:page|doc)s?)\b|if\s+(?:any|anything\s+exists)\b|if\s+(?:anything|something)\s+(?:comes|turns|shows)\s+up\b|if\s+(?:that|this)\s+makes\s+sense\b|(?:or\s+)?whatever\s+(?:it'?s|its|it\s+is|they'?re|the\s+page\s+is)\s+called|(?:i'?m\s+|im\s+)?not\s+sure\s+(?:what|how)\s+(?:it'?s|its|it\s+is|the\s+page\s+is)\s+(?:called|named|titled)|(?:or\s+)?(?:that|this)\s+kind\s+of\s+(?:thing|stuff)|i\s+think\s+(?:it'?s|its|it\s+is|there'?s|there\s+is|we\s+have)\b|i\s+(?:believe|reckon)\s+(?:it'?s|its|it\s+is|there'?s|there\s+is|we\s+have)\b)(?=.{0,80}$)/i;

/** "anything parking related", "stuff kafka-related": the topic between a vague word and "related". */
const TOPIC_RELATED =
  /^(?:anything|everything|something|stuff|things|pages|docs|all)\s+(\S.{0,200}?)(?:\s+|-)related$|^(\S.{0,200}?)(?:\s+|-)related\s+(?:pages|docs|documents|documentation|stuff|things|info|information|content|articles|material|materials)$/i;

/** "pages where contoso is mentioned", "docs in which X is covered": the topic between "where" and the verb. */
const PAGES_WHERE_MENTIONED =
  /^(?:(?:all|any|the)\s+)?(?:pages?|docs?|documents?|places?|articles?)\s+(?:where|in\s+which|that)\s+(\S.{0,200}?)\s+(?:is|are|gets?|was|were|has\s+been|have\s+been)\s+(?:mentioned|referenced|discussed|covered|explained|described)$/i;

/** "(pages with kafka) in them", "(docs with the word X) in it": where the words are, typed in lower case ("in IT" is a space). */
const IN_THEM = /(?<!\s)\s+in\s+(?:them|it)[\s.!?]*$/;

/** The words without what is asked about the results, a hedge after them, and "anything … related" around the topic. */
function withoutResultsAsked(text: string): string {
  const asked = RESULTS_ASKED.exec(text) ?? IN_THEM.exec(text);
  const unasked = asked && asked.index > 0 ? text.slice(0, asked.index) : text;
  const hedge = HEDGE_AFTER.exec(unasked);
  const words = hedge && hedge.index > 0 ? unasked.slice(0, hedge.index) : unasked;
  const trimmed = trimEndWhere(words, isTrailingStop);
  const related = TOPIC_RELATED.exec(trimmed) ?? PAGES_WHERE_MENTIONED.exec(trimmed);
  return related ? (related[1] ?? related[2]!) : words;
}

function isTrailingStop(char: string): boolean {
  return /[\s?!.,;:]/u.test(char);
}

function stripLeading(text: string): string {
  let result = text;
  for (let round = 0; round < 4; round += 1) {
    const before = result;
    for (const pattern of LEADING_FILLERS) result = result.replace(pattern, '');
    if (result === before) break;
  }
  return result;
}

/** "the salary sacrifice stuff", "our onboarding things": a topic with an article and a vague noun after it. */
const VAGUE_TOPIC = /^(?:the|our|that|any|some)\s+(?=\S+\s)/i;
const VAGUE_NOUN = /\s(?:stuff|things?|bits|info|details)$/i;

/**
 * "search visa thing", "kafka lag and stuff", "onboarding etc", "expense claims info": a vague tail after the topic, with or
 * without an article ("bank details" keeps its noun: only these words).
 */
const LOOSE_TAIL =
  /\s(?:(?:related\s+)?(?:stuff|things?|info|infos|information)|(?:and|or)\s+(?:stuff|such|so\s+on|something|whatever|the\s+like)|etc\.?|and\s+all\s+that)$/i;

/** The topic without the article and the vague noun around it ("the salary sacrifice stuff" → "salary sacrifice"). */
function withoutVagueNoun(words: string): string {
  const article = VAGUE_TOPIC.exec(words);
  const noun = article ? VAGUE_NOUN.exec(words.slice(-8)) : null;
  if (!article || !noun) {
    const loose = LOOSE_TAIL.exec(words.slice(-24));
    const cut = loose ? words.slice(0, words.length - loose[0].length).trim() : '';
    return cut.length > 0 ? cut : words;
  }
  const topic = words.slice(article[0].length, words.length - noun[0].length).trim();
  return topic.length > 0 ? topic : words;
}

/** What a search verb may have after it that names nothing ("search pls", "find for me", "search asap", "do the search again"). */
const COURTESY_AFTER_VERB = wordSet('pls plz please kindly me us for thanks thx ty now asap quickly again');

/** True when the words are only courtesy, so the topic was typed elsewhere ("vpn - search pls"). */
function isCourtesyOnly(words: string): boolean {
  return allWordsFrom(closedWordsOf(words), COURTESY_AFTER_VERB);
}

function unquoteWhole(text: string): string {
  const quoted = readQuoted(text, 0);
  if (quoted?.kind === 'quoted' && text.slice(quoted.end).trim() === '') return quoted.value.trim();
  return text;
}

function tooLong(): Intent {
  return {
    kind: 'failure',
    message: `That search is too long (over ${MAX_SEARCH_WORDS_LENGTH} characters). Use a few key words.`,
    suggestions: ['search vpn setup'],
  };
}

/**
 * "(anything about) dogs in the office? Asking for a very good boy": a question mark, then another
 * sentence. The topic ends at the question mark; what follows says why (a quote keeps its question marks;
 * "X? in HR", as the readers put a space named first back after the words, is still where).
 */
const QUESTION_THEN_SENTENCE =
  /^[^?"“”'‘’`]{1,500}?\?+\s+(?=[\p{L}\p{N}\p{Extended_Pictographic}])(?!(?:in|on|from|within|inside)\s)/iu;

/** The words up to a question mark that another sentence follows (see {@link QUESTION_THEN_SENTENCE}). */
function beforeNextSentence(remainder: string): string {
  const asked = QUESTION_THEN_SENTENCE.exec(remainder);
  return asked ? asked[0].trimEnd() : remainder;
}

/** Fewest words of a search typed all in capitals read as shouting, not as keys ("SEARCH KAFKA IN PROD"). */
const MIN_SHOUTED_WORDS = 3;

/**
 * How a word after "in" is read as a space for these words: as typed, or, when the words are all in
 * capitals ("ADRS ON OPENSEARCH", "RUNBOOKS IN STAGING"), as if typed in lower case, since capitals then
 * say nothing about a key ("IN HR" still names HR; "IN OPENSEARCH" is a topic).
 */
function spaceWordReader(text: string): (word: string, explicit: boolean) => string | undefined {
  const shouted = !/\p{Ll}/u.test(text) && (text.trim().match(/\s+/g)?.length ?? 0) >= MIN_SHOUTED_WORDS - 1;
  return (word, explicit) =>
    acceptTypedSpaceWord(shouted && !word.startsWith('~') ? word.toLowerCase() : word, explicit);
}

/**
 * Builds a search from what follows a search verb ("for pages about vpn in ENG", "'rollback steps'").
 * Strips filler ("pages about", "confluence for"), takes a trailing or leading `in SPACE`, unwraps a
 * whole-text quotation, and keeps the rest literally as `words`. Empty words → failure.
 */
export function parseSearchWords(remainder: string): Intent {
  if (remainder.length > MAX_SEARCH_WORDS_LENGTH * 4) return tooLong();
  // "find the page called Laptop Setup": one page named as such is that page, whatever the verb.
  const titled = NAMED_AS_TITLE.test(remainder.trimStart())
    ? readPageToOpen(remainder.trim().replace(/^(?:me|for)\s+/i, ''))
    : undefined;
  if (titled) return { kind: 'page-by-name', request: { operation: 'get', ref: titled } };
  let text = withoutResultsAsked(
    withoutOnly(
      withoutNameResidue(
        stripLeading(withoutNameResidue(withSpaceOfNamed(beforeNextSentence(remainder).trim()), true)),
        true,
      ),
    ),
  );
  let spaceKey: string | undefined;
  const acceptSpaceWord = spaceWordReader(remainder);
  const leading =
    LEADING_SPACE.exec(text) ??
    KEY_THEN_FOR.exec(text) ??
    SPACE_THEN_TOPIC.exec(text) ??
    SPACE_THEN_WORDS.exec(text);
  if (leading) {
    spaceKey = acceptSpaceWord(leading[2] ?? '', leading[1] !== undefined || leading[3] !== undefined);
    if (spaceKey) text = stripLeading(text.slice(leading[0].length));
  }
  text = text.replace(TRAILING_WHERE, '');
  const trailing = spaceKey ? undefined : TRAILING_SPACE.exec(text);
  // "policy on pets", "a talk on kafka": "on" and a word in lower case is what the pages are about; a
  // space after "on" is typed as a key ("on ENG") or said with "space" ("on the eng space").
  const topicOn =
    trailing != null &&
    trailing[1] === undefined &&
    trailing[3] === undefined &&
    /^\s+on\s/i.test(trailing[0]) &&
    !/\p{Lu}/u.test(trailing[2] ?? '');
  if (trailing && !topicOn) {
    spaceKey = acceptSpaceWord(trailing[2] ?? '', trailing[1] !== undefined || trailing[3] !== undefined);
    if (spaceKey) text = text.slice(0, trailing.index);
  }
  const keyOnly = spaceKey ? undefined : TRAILING_KEY_ONLY.exec(text);
  // "engineering space kafka": one word too long for a key, then "space", then a word not in capitals: a
  // space's name, then the topic (read with the space directory); "kafka space eng" keeps its key.
  const before = keyOnly
    ? text
        .slice(0, keyOnly.index)
        .trim()
        .replace(/^the\s+/i, '')
    : '';
  // "legal space NDAs": a word in mixed case after "space" is no key, so what comes before names the space.
  const nameThenTopic =
    keyOnly?.[4] !== undefined &&
    !/\s/.test(before) &&
    !/^~?[A-Z][A-Z0-9]+$/.test(keyOnly[4]) &&
    (acceptTypedSpaceWord(before, false) === undefined ||
      (/\p{Ll}/u.test(keyOnly[4]) && /\p{Lu}/u.test(keyOnly[4])));
  // "the OPS space kafka": a key in capitals before "space" is the space, the one word after it the topic.
  const keyThenTopic =
    keyOnly?.[4] !== undefined &&
    !/^~?[A-Z][A-Z0-9]+$/.test(keyOnly[4]) &&
    /^~?[A-Z][A-Z0-9]{1,9}$/.test(before)
      ? acceptSpaceWord(before, true)
      : undefined;
  if (keyOnly && keyThenTopic) {
    spaceKey = keyThenTopic;
    text = keyOnly[4]!;
  } else if (keyOnly && !nameThenTopic) {
    const named = keyOnly[1] !== undefined || keyOnly[3] !== undefined || keyOnly[6] !== undefined;
    spaceKey = acceptSpaceWord(keyOnly[2] ?? keyOnly[4] ?? keyOnly[5] ?? keyOnly[7] ?? '', named);
    if (spaceKey) text = text.slice(0, keyOnly.index);
  }
  const bracketed = spaceKey ? undefined : TRAILING_BRACKETED_WORD.exec(text);
  if (bracketed && isDepartmentWord(bracketed[1]!)) {
    spaceKey = acceptSpaceWord(bracketed[1]!, true);
    if (spaceKey) text = text.slice(0, bracketed.index);
  }
  const words = withoutVagueNoun(
    unquoteWhole(stripLeading(trimEndWhere(text, isTrailingStop).trim())).trim(),
  );
  // "search the HR space": an article left alone once the space is read is no topic.
  if (words.length === 0 || isCourtesyOnly(words) || /^(?:the|a|an)$/i.test(words)) {
    return {
      kind: 'failure',
      message: 'What should I search for? Put the words after `search`.',
      suggestions: ['search vpn setup', 'search onboarding checklist in HR'],
    };
  }
  if (words.length > MAX_SEARCH_WORDS_LENGTH) return tooLong();
  return { kind: 'operation', request: { operation: 'search', words, ...(spaceKey ? { spaceKey } : {}) } };
}
