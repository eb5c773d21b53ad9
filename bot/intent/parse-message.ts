import { z } from 'zod';
import { capabilityHowAsked, failedTryAsked, helpAboutTheBot } from './about-the-bot.js';
import { readingWithArrows } from './arrows.js';
import { writtenColon } from './body-markers.js';
import { readWithoutCheckIn } from './check-in-tag.js';
import {
  abilityAsked,
  isApprovalsRequest,
  isGreeting,
  isLeadInLine,
  isQuestion,
  isThanksEmoji,
  matchHelp,
  stripPoliteness,
  THANKS_SAID,
  withoutGreetingLead,
} from './classify-text.js';
import { wordSet } from './closed-words.js';
import { applyRules, baseVerbForm } from './command-rules.js';
import { isCreate, newPageAsked } from './create-frame.js';
import { readRephrasingCreate } from './create-rephrase.js';
import { looksLikeApiToken } from './detect-secret.js';
import { isEditSaidOnce } from './doubled-article-edit.js';
import { isEditByHearsay } from './edit-by-hearsay.js';
import { editDistance } from './edit-distance.js';
import { readRephrasingEdit } from './edit-rephrase.js';
import { allWeHaveFetched } from './everything-we-have.js';
import { EXAMPLE_COMMANDS } from './examples.js';
import { fetchedPageName } from './fetched-page.js';
import { hedgedSearch } from './hedged-search.js';
import { memoNotAsked, newsNotAsked, unshownHedgedWrite } from './hedged-write.js';
import { helpAfterHearsay, helpInOtherWords } from './help-in-other-words.js';
import { helpBeforeRemark } from './help-then-remark.js';
import { keepInlineBodyEnd, withoutCourtesyAtEnd } from './inline-body-end.js';
import {
  contextLeadEnd,
  isContext,
  lastSentenceCommand,
  pointedCommand,
  runOnRequestStart,
  statedCommand,
} from './lead-in.js';
import { withLinkedPage } from './linked-page.js';
import { isDefiniteName, isKeywordQuery, rewriteLooseForm, trailingVerb } from './loose-forms.js';
import { isAside, withoutNameResidue, withoutTailAfterName } from './name-residue.js';
import {
  cleanLine,
  dropChatResidue,
  EMOJI,
  type NormalizedMessage,
  normalizeMessage,
  showMentions,
  withoutDoubledThe,
} from './normalize-message.js';
import { opinionNotAsked } from './opinion.js';
import { withoutOpinionLead } from './opinion-before-edit.js';
import { isTitleAfterPageNoun, isTitleInCapitals, isTitleShaped, readPageToOpen } from './page-name.js';
import { editOfPageNamedBefore } from './page-named-before-it.js';
import { findUrl, readPageRef } from './page-ref.js';
import { isStatementAboutPage } from './page-statement.js';
import { parseAdminCommand } from './parse-admin-command.js';
import { formBelowAsk, pageForm, withoutAskingMark, withoutTextLabel } from './parse-create.js';
import { isCountedFromEnd, parseFollowUp } from './parse-follow-up.js';
import { parseGetTarget } from './parse-get.js';
import { parseSearchWords } from './parse-search.js';
import { parseUpdate, withoutEditOfNewPage } from './parse-update.js';
import { askAfterPivot } from './pivot-to-ask.js';
import { isPointedAsk, isPointedReply, isPointingQuestion } from './pointed-ask.js';
import { isPointedHelp, isPointedTask } from './pointed-task.js';
import { isPraiseOfWork } from './praise-of-work.js';
import { questionAfterLament, questionBeforeContextEnd } from './question-with-context.js';
import { withQuotedEmoji } from './quoted-emoji.js';
import { readQuoted } from './read-quoted.js';
import { readingKind } from './reading-kind.js';
import {
  ASKED_TO_ACT,
  hasVerbTypo,
  isFillerOnly,
  isKeywords,
  isNamelessEdit,
  isNamelessRead,
  isPointedEdit,
  isPointedNewPage,
  isPointingOnly,
  isVagueRequest,
  namesNothingAtAll,
  unclear,
} from './readings.js';
import { renameWished } from './rename-wish.js';
import { resultWithRemark } from './result-with-remark.js';
import { trimEndWhere } from './scan-text.js';
import { searchAskedAfter } from './search-asked-after.js';
import { soughtPageAskedWhere } from './sought-page.js';
import { pageInSpaceSaidApart } from './space-apart-from-page.js';
import { spaceBeforeTopic } from './space-before-topic.js';
import { DEPARTMENT_WORD_SOURCE, isDepartmentWord } from './space-names.js';
import { SPACE_AFTER_NAME } from './space-phrase.js';
import { searchInSpaceSaidFirst } from './space-said-first.js';
import { isEnglishWord } from './spelling.js';
import { TextCursor } from './text-cursor.js';
import { isPraiseOfShown, isThanksClosing, searchThankedFor } from './thanks-closing.js';
import { pointsAtDocAbout } from './that-doc-about.js';
import { topicBeforeNoun } from './topic-before-noun.js';
import { TRAILING_EMPHASIS } from './trailing-adverbs.js';
import type { Intent, MessageMention } from './types.js';
import { withoutCourtesyInUpdatedName } from './update-name-courtesy.js';
import { fixVerbTypo } from './verb-typos.js';
import { WEEKDAY_EITHER_CASE } from './weekdays.js';
import { pageWhereAfterBreak } from './where-after-break.js';
import { pageAskedWhereThenOpen } from './where-page-then-open.js';
import { withoutWholeEmphasis } from './whole-emphasis.js';
import { youCanAsked } from './you-can-asked.js';

export type {
  AdminCommand,
  HelpTopic,
  Intent,
  MessageMention,
  OperationRequest,
  UpdateEdit,
  UserRef,
} from './types.js';

/**
 * Longest message parsed (characters): Teams' own limit (about 28 KB). Anything longer did not come
 * from a Teams compose box; it gets a failure saying so rather than a page body nobody reviewed. With
 * the parser linear, a message this long costs a few milliseconds at most.
 */
export const MAX_MESSAGE_LENGTH = 28_000;

/**
 * Longest first line the command grammar reads (characters). Commands, questions and inline bodies
 * (`create "T" in ENG: text`) fit easily; a longer first line is refused with advice instead of being
 * run through every classifier, which keeps parsing cheap whatever the line holds. Page text on the
 * lines after the command is not limited by this (only by {@link MAX_MESSAGE_LENGTH}).
 */
export const MAX_COMMAND_LINE_LENGTH = 2_000;

const mentionsSchema = z.array(z.object({ id: z.string().min(1), name: z.string(), text: z.string() }));

/** "Any document is there for X?", "some page is available on Y" (Indian English word order): whether pages exist on X. */
const THERE_IS_AFTER =
  /^(?:any|some)\s+(?:documents?|docs?|pages?|info|information|details|documentation|articles?|material)\s+(?:is|are)\s+(?:there|available)\s+(?:for|on|about|regarding|related\s+to|of)\s+/i;
/**
 * Asking whether pages exist on a topic ("is there anything on X?", "do u have a page about X", "know of
 * any docs concerning X?", "would there be a page on X?", "does a doc exist on X?"): the asking words, then
 * a document word, then a preposition; the topic follows. Each part is a list kept as data.
 */
const SEARCHY_ASKING = [
  String.raw`(?:let\s+me\s+know|lmk|tell\s+me)\s+(?:if|whether)`,
  String.raw`(?:are|r)\s+there`,
  String.raw`is\s+(?:it\s+)?there`,
  // "Is having any page about X?" (Indian English): whether there is one.
  String.raw`is\s+(?:there\s+)?having`,
  String.raw`there\s+(?:is|are|might\s+be|should\s+be)`,
  "there'?s",
  String.raw`(?:would|will|could|might)\s+there\s+be`,
  'exists?',
  String.raw`(?:do|d'?|did)\s*(?:you|u|ya|we|y'?all)\s+(?:happen\s+to\s+)?(?:have|got|know(?:\s+of)?)`,
  // "would you have anything on X?", "might we have a page about X" ("would you" may be gone as courtesy): the same, asked softly.
  String.raw`(?:(?:would|will|might|could)\s+(?:you|u|ya|we)\s+(?:happen\s+to\s+)?)?have(?=\s+(?:any|anything|something|a|an|some)\s)`,
  String.raw`(?:you|u|ya|we)\s+(?:happen\s+to\s+)?(?:got|have|know(?:\s+of)?)`,
  String.raw`know(?:\s+of)?`,
  String.raw`have\s+you`,
  String.raw`(?:have|'?ve)\s+(?:we|you)\s+got`,
  'got',
  'any',
  'anything',
  String.raw`does\s+(?:anyone|anybody)\s+(?:have|know\s+of)`,
  String.raw`does\s+confluence\s+have`,
  String.raw`(?:check|see|find\s+out)\s+(?:if|whether)`,
  String.raw`(?:any\s+idea|(?:i'?m\s+|i\s+am\s+|just\s+)?wondering|i\s+(?:wonder|wondered|was\s+wondering))\s+(?:if|whether)`,
  'if',
  'whether',
  String.raw`we'?ve\s+got`,
  String.raw`who\s+has`,
  String.raw`(?:has\s+)?(?:anyone|anybody|someone|somebody)\s+(?:written|documented|put\s+together|got)`,
  String.raw`does\s+(?:the\s+)?(?:wiki|confluence|docs?)\s+(?:say|have|mention|contain)`,
  String.raw`(?:can|could)\s+(?:i|we)\s+find`,
  String.raw`is(?=\s+(?:anything|something)\b)`,
  // "does a page exist on X", "do any docs exist about X": only with "exist" after the document word.
  String.raw`(?:does|do)(?=\s+(?:a|an|any|some)\s+\S+\s+exists?\s)`,
  'maybe|perhaps|possibly',
  // "any chance there's a page on X?", "is there any chance we have docs about X": the same, asked hopefully.
  String.raw`(?:is\s+there\s+)?(?:any|some|a)\s+chance`,
];
const SEARCHY_NOUN =
  '(?:docs?|documents?|documentation|pages?|articles?|notes|runbooks?|guides?|templates?|checklists?|playbooks?|handbooks?|cheat\\s*sheets?|how-?tos?|walk-?throughs?|tutorials?|reading(?:\\s+material)?|guidance|guidelines|explainers?|primers?|faqs?|overviews?|info|information|content|stuff|writeups?|write-ups?|anything|something|smth|sth|smthg|smthng|smthn|sumthin|somethin|anythin|thing|more)';
const SEARCHY_AFTER_NOUN = String.raw`(?:written(?:\s+(?:up|down))?|documented|published|posted|put\s+together|available|out\s+there|at\s+all|exists?|(?:in|on)\s+(?:confluence|the\s+wiki|wiki))`;
const SEARCHY_PREPOSITION = String.raw`(?:on|about|for|of|regarding|re:?|concerning|around|touching\s+on|to\s+do\s+with|dealing\s+with|relating\s+to|pertaining\s+to|in\s+relation\s+to|wrt|covering|mentioning|related\s+to|describing|talking\s+about|explaining|outlining|detailing|discussing|listing|summari[sz]ing|(?:(?:that|which)\s+)?(?:goes|go|going|walks|walk|walking|takes?\s+(?:you|me)|taking\s+(?:you|me))\s+through|(?:that|which)\s+(?:mentions?|covers?|talks?\s+about|discuss(?:es)?|explains?|describes?|outlines?|details?|lists?|is\s+about))`;
const SEARCHY_QUESTION = new RegExp(
  String.raw`^(?:(?:${SEARCHY_ASKING.join('|')})\s+)*(?:any|some|a|an)?\s*(?:confluence\s+|wiki\s+)?${SEARCHY_NOUN}(?:\s+${SEARCHY_AFTER_NOUN})?\s+${SEARCHY_PREPOSITION}\s+`,
  'i',
);
/**
 * "have we got a guide to expenses?", "any intro to kubernetes?", "is there a beginner's guide to SQL": a
 * guide to a topic asked for ("to" after these nouns only: "anything to eat?" stays a question).
 */
const SEARCHY_GUIDE_TO = new RegExp(
  String.raw`^(?:(?:${SEARCHY_ASKING.join('|')})\s+)*(?:any|some|a|an|the)?\s*(?:(?:quick|short|good|beginner'?s|newbie'?s)\s+)?(?:guides?|intros?|introductions?|primers?|walk-?throughs?|tutorials?|cheat\s*sheets?|crash\s+course)\s+to\s+(?=\S)`,
  'i',
);
/**
 * "anything in HR about parental leave?", "any docs in the ENG space on kafka?", "anything in engineering
 * about X?" (a department's word): asking whether pages
 * exist, with the space named before the topic; the space and the topic are left for the search to read.
 */
const SEARCHY_IN_SPACE = new RegExp(
  String.raw`^(?:(?:${SEARCHY_ASKING.join('|')})\s+)*(?:any|some|a|an)?\s*(?:confluence\s+|wiki\s+)?${SEARCHY_NOUN}\s+(?=(?:in|on|within)\s+(?:the\s+)?(?:~?[A-Z][A-Z0-9]{1,9}|[A-Za-z]+\s+space|${DEPARTMENT_WORD_SOURCE})\s+(?:on|about|for|regarding)\s+\S)`,
  'i',
);
/**
 * "have we documented kafka lag anywhere?", "is the release process written down somewhere?": whether
 * a topic is written up is a search for it (the topic sits between the asking words and the verb).
 */
const DOCUMENTED_FIRST =
  /^(?:(?:have|has)\s+(?:we|you|anyone|anybody|someone|somebody)|anyone|anybody|someone|somebody|who(?:'s|\s+has)?)\s+(?:ever\s+)?(?:documented|written\s+(?:up|down|about)|put\s+together\s+(?:anything|something)\s+(?:on|about))\s+(?=\S)/i;
const DOCUMENTED_AFTER =
  /^(?:is|are)\s+(?!(?:there|it|this|that|they|you|we)\b)(\S.{0,120}?)\s+(?:documented|written\s+(?:up|down)|(?:covered|explained|described)(?=\s+(?:anywhere|somewhere|on\s|in\s))|on\s+(?:the\s+wiki|confluence))(?:\s+(?:anywhere|somewhere|yet|already))?(?:\s+(?:on|in)\s+(?:confluence|the\s+wiki))?$/i;
const WHERE_WRITTEN = /\s+(?:anywhere|somewhere|yet|already)$/i;

/** A line that starts with the create verb (after a typo in it is fixed). */
const CREATE_FIRST = /^create\s/i;

/** The topic of "have we documented X anywhere?" / "is X written down somewhere?", or `undefined`. */
function documentedTopic(core: string): string | undefined {
  const first = DOCUMENTED_FIRST.exec(core);
  if (first) return core.slice(first[0].length).replace(WHERE_WRITTEN, '');
  return core.length <= MAX_PAGE_NAME_LINE ? DOCUMENTED_AFTER.exec(core)?.[1] : undefined;
}

/** Who may be asked where the team keeps something, before "where" ("do you know where …", "any idea where …"). */
const WHERE_ASKED = String.raw`(?:(?:do\s+(?:you|u)\s+know|(?:you|u)\s+know|know|any\s+idea|tell\s+me|i\s+(?:wonder|don'?t\s+know))\s+)?`;
/**
 * "where do we keep the brand assets?", "where do we store pitch decks": where the team keeps a topic
 * is a search for it ("where do I put my receipts?" asks the asker's own way, and stays a question).
 */
const WHERE_WE_KEEP = new RegExp(
  String.raw`^${WHERE_ASKED}where\s+(?:(?:do|does|did|would|should|can|could|will)\s+)?(?:we|you|u|they|people|folks|everyone|everybody|staff|the\s+team|(?:the\s+)?teams)\s+(?:usually\s+|normally\s+|generally\s+)?(?:keep|store|put|save|file|document|write\s+(?:up|down)|track|record|publish|post|have)\s+(?=\S)`,
  'i',
);
/**
 * "where is the vpn setup documented?", "any idea where travel insurance is written down": where a topic is
 * written up is a search for it; the topic sits between "where" and the verb.
 */
const WHERE_DOCUMENTED = new RegExp(
  String.raw`^${WHERE_ASKED}where(?:\s+is|\s+are|'s|’s|s|\s+(?:would|might|could|will|should|can|do|does))?\s+(\S.{0,120}?)\s+(?:(?:is|are|be)\s+)?(?:documented|written\s+(?:up|down)|described|explained|covered|recorded|noted\s+down|mentioned|referenced|discussed)(?:\s+(?:now|nowadays|these\s+days|again|anymore))?$`,
  'i',
);
/**
 * "where do the runbooks live?", "where's the new hire checklist kept?", "any idea where the kafka docs
 * live": where a document is kept is a search for it, only when the topic names a kind of document
 * ("where are the spare keys kept?" asks where a thing is, and stays a question).
 */
const WHERE_KEPT = new RegExp(
  String.raw`^${WHERE_ASKED}where(?:\s+is|\s+are|'s|’s|s|\s+(?:do|does|would|might|could|will|should|can))?\s+(\S.{0,120}?)\s+(?:(?:is|are|be)\s+)?(?:lives?|living|sits?|sitting|kept|stored|hosted|located)(?:\s+(?:now|nowadays|these\s+days|again|anymore))?$`,
  'i',
);
/** Words of a topic that name a kind of document (for {@link WHERE_KEPT}). Kept as data. */
const DOCUMENT_KIND =
  /\b(?:docs?|documents?|documentation|pages?|wiki|runbooks?|playbooks?|handbooks?|guides?|guidelines|policy|policies|process(?:es)?|procedures?|checklists?|templates?|notes|faqs?|rota|specs?|adrs?|release\s+notes|write-?ups?|postmortems?|post-mortems?|how-?tos?|manuals?|info|stuff)\b/i;

/**
 * "… can?", "… can or not?", "… can anot?" at the end (Singapore and Malaysian English): the question mark
 * asks whether the bot can do it, so the words before it are asked for, not asked about.
 */
const CAN_TAG = /\s+can(?:\s+or\s+not|\s+anot)?\s*\?+[\s.!]*$/i;

/** Courtesy that makes bare words a request for something ("… pls", "please …", "… thx"). Kept as data. */
/**
 * "the API should be called from python", "the VPN must be used from home": a thing named with "the" or
 * "our", then a modal and a passive. It says how something is done, so it names no page; group 1 is the
 * participle ({@link EDIT_PARTICIPLES} say an edit of something only named).
 */
const MODAL_PASSIVE =
  /^(?:the|our)\s+\S[^\n]{0,120}?\s(?:should|must|can|could|will|would|shall|may|might|needs\s+to|has\s+to)\s+(?:not\s+|only\s+|also\s+|always\s+)?be\s+([a-z]+)\b/i;
/** Participles after {@link MODAL_PASSIVE} that ask for an edit and give no text ("the rota should be updated"). Kept as data. */
const EDIT_PARTICIPLES = wordSet(
  'updated changed edited fixed corrected amended reviewed revised rewritten refreshed renamed retitled deleted removed archived moved',
);
const COURTESY_WORD = /(?:^|\s)(?:pls|plz|please|pleas|plse|kindly|thx|thanks|ty)(?=[\s,.!]|$)/i;

/** Words that are one quoted phrase and nothing else ('"Code of Conduct"'), the phrase captured. */
const WHOLLY_QUOTED = /^["“]([^"“”\n]{1,255})["”]$/;

/** "Page: Team Rituals", "doc: Laptop Setup": a page noun as a label, then the name. */
const PAGE_LABEL = /^(?:page|doc|document)\s*:\s*(?=\S)/i;

/** "can I have …", "could we get …", "may I please have …", "any chance of …": the asker asks to be given something. */
const ASKED_TO_HAVE =
  /^(?:(?:can|could|may)\s+(?:i|we)\s+(?:please\s+|pls\s+)?(?:have|get|grab)|(?:is\s+there\s+)?(?:any|a|some)\s+chance\s+(?:of|for))\s+(?:the|our)\s/i;

/**
 * "let me have the Team Rituals page", "lemme have the expense policy": the asker asks to be given one
 * page; what follows "have" is opened when it names one (a page noun, a title in capitals or a
 * document's noun: "let me have the day off" is no page).
 */
const LET_ME_HAVE = /^(?:let\s+me|lemme)\s+have\s+(?=(?:the|our)\s)/i;

/** A topic that ends with a singular page noun: one page named ("the bike racks page"). */
const ONE_PAGE_NAMED = /\s(?:page|doc|document|article)$/i;

/** The topic of "where do the runbooks live?" when it names a kind of document, else `undefined`. */
function whereKeptDocument(core: string): string | undefined {
  const topic = WHERE_KEPT.exec(core)?.[1];
  // "where is the bike racks page located?": one page named, which the page readers open.
  return topic && DOCUMENT_KIND.test(topic) && !ONE_PAGE_NAMED.test(topic) ? topic : undefined;
}

/**
 * "expense claims - any docs?", "jury duty - what have we got?": the topic first, then
 * whether anything is written on it.
 */
const TOPIC_THEN_ASK =
  /^(?:re:?\s+|about\s+)?(\S.{0,80}?)\s*[-–—:;,.?!]+\s*(?:what\s+(?:have\s+(?:we|you)\s+got|do\s+(?:we|you)\s+have)|(?:(?:is\s+there|are\s+there|do\s+(?:we|you)\s+have|got)\s+)?(?:(?:any|anything|something)(?:\s+(?:docs?|pages?|documents?|documentation|info|written(?:\s+(?:up|down))?))?|(?:docs|pages|documents|documentation)(?=[\s?!.]*$)))(?:\s+(?:in|on)\s+(?:the\s+)?(?:wiki|confluence|docs)|\s+((?:in|on)\s+(?:the\s+)?~?[A-Z][A-Z0-9]{1,9}(?:\s+space)?))?(?:\s+at\s+all)?$/i;

/** Plural document nouns that end what is asked after in {@link WHERE_DOCS_BARE}. */
const PLURAL_DOCS =
  '(?:docs|documents|documentation|pages|guides|policies|runbooks|playbooks|templates|info|information)';
/**
 * "where sick leave documents?", "sick leave documents where?", "where I can get X documents?", "X documents
 * you have?", "expense guides - where?" (no verb, as typed in a hurry or in other Englishes): where pages of
 * a kind are is a search for them; the topic must end in a plural document noun ("where printer?" stays a
 * question).
 */
const WHERE_DOCS_BARE = new RegExp(
  String.raw`^where\s+(?:(?:i|we)\s+(?:can|could|should)\s+(?:get|find|see|read|access)\s+)?(?:(?:the|our|any)\s+)?(\S.{0,120}?\s${PLURAL_DOCS})[\s?!.]*$|^(\S.{0,120}?\s${PLURAL_DOCS})(?:[\s,:;-]+where(?:\s+(?:are\s+they|to\s+find(?:\s+them)?))?|\s+(?:do\s+)?(?:you|u|we)\s+(?:have|got))[\s?!.]*$`,
  'i',
);

/** A space after "in"/"on" as {@link TOPIC_THEN_ASK} may read it: a key in capitals, or said with "space". */
const SPACE_TYPED_AS_KEY = /\s~?[A-Z][A-Z0-9]{1,9}$|\s[Ss]pace$/;

/** The topic of "where do we keep X?" / "where is X documented?" / "X - any docs?", or `undefined`. */
function whereKeptTopic(core: string): string | undefined {
  const keep = WHERE_WE_KEEP.exec(core);
  if (keep) return core.slice(keep[0].length);
  if (core.length > MAX_PAGE_NAME_LINE) return undefined;
  const documented = WHERE_DOCUMENTED.exec(core)?.[1] ?? whereKeptDocument(core);
  if (documented) return documented;
  const bare = WHERE_DOCS_BARE.exec(core);
  if (bare) return bare[1] ?? bare[2];
  // "X - anything in HR?": the space goes back after the topic, where the search reads it.
  const asked = TOPIC_THEN_ASK.exec(core);
  // "ENG: anything on kafka": a word in lower case after "on" is the topic, never a space (a key is typed in capitals).
  if (asked?.[2] !== undefined && !SPACE_TYPED_AS_KEY.test(asked[2])) return undefined;
  return asked ? [asked[1], asked[2]].filter(Boolean).join(' ') : undefined;
}

/**
 * A space named first, then whether pages exist ("in the Engineering space is there something on X?", "in
 * HR, do we have anything about probation?", "over in engineering, any docs on X?"): a key in capitals, a
 * name said with "space" or "wiki", or one word and a comma. The space goes after the topic, where the search reads it.
 */
const SPACE_FIRST_THEN_ASKED =
  /^(?:[Oo]ver\s+)?(?:[Ii]n|[Oo]n|[Ww]ithin|[Ii]nside)\s+((?:[Tt]he\s+)?(?:[\p{L}&'’-]+\s+){1,3}?(?:[Ss]pace|[Ww]iki)|~?[A-Z][A-Z0-9]{1,9}(?=[\s,:])|\p{L}{2,20}(?=,))\s*[,:]?\s+(?=\S)/u;

/** The search of {@link SPACE_FIRST_THEN_ASKED}, or `undefined` when the rest asks nothing of the pages. */
function spaceThenAsked(core: string): Intent | undefined {
  const space = SPACE_FIRST_THEN_ASKED.exec(core);
  // "in general, is there anything on X?": one word in lower case names a space only as a department's word.
  const word = space && /^\p{L}+$/u.test(space[1]!) && !/^~?[A-Z][A-Z0-9]+$/.test(space[1]!);
  if (!space || (word && !isDepartmentWord(space[1]!))) return undefined;
  const rest = core.slice(space[0].length);
  const asked = SEARCHY_QUESTION.exec(rest) ?? WHAT_WE_HAVE.exec(rest);
  if (!asked) return undefined;
  const topic = rest.slice(asked[0].length).replace(/[\s?!.]+$/, '');
  return topic === '' ? undefined : parseSearchWords(`${topic} in ${space[1]}`);
}

/** "does the wiki cover X?", "does confluence mention X": whether the wiki holds a topic ("does the wiki say …" asks what it says). */
const WIKI_COVERS =
  /^(?:does|do|would|will)\s+(?:the\s+|our\s+)?(?:wiki|confluence|docs|documentation|knowledge\s*base)\s+(?:cover|mention|talk\s+about|document|explain|describe|include)\s+(?=\S)/i;

/** "show me what we have on X", "what have we got about X", "whatcha got on X": a search. */
const WHAT_WE_HAVE =
  /^(?:show\s+me\s+|tell\s+me\s+)?(?:what|wat|wot)\s+(?:(?:pages|docs|documents|documentation|articles)\s+)?(?:do\s+(?:we|you|u)\s+have|(?:does|do)\s+(?:confluence|the\s+wiki|the\s+docs)\s+(?:have|say)|(?:have|'?ve)\s+(?:we|you|u)\s+got|(?:we|you|u)\s+(?:have|got)|we'?ve\s+got|is\s+there|exists?)\s+(?:(?:in|on)\s+(?:the\s+)?(?:wiki|confluence|docs)\s+)?(?:on|about|for|regarding|re:?)\s+|^(?:whatcha|watcha|wotcha|whatchu|watchu|wotchu)\s+got\s+(?:on|about|for|regarding|re:?)\s+/i;
/** "what's in the wiki about X", "whats on confluence on X": what the wiki holds on a topic. */
const WHAT_IS_IN_WIKI =
  /^what(?:'s|s|\s+is)\s+(?:there\s+)?(?:in|on)\s+(?:the\s+)?(?:wiki|confluence|docs|knowledge\s*base)\s+(?:on|about|for|regarding|re:?)\s+|^what(?:'s|s|\s+is)\s+out\s+there\s+(?:on|about|for|regarding|re:?)\s+/i;
const WHERE_CAN_I_FIND =
  /^(?:where\s+(?:(?:can|do|would|could|should)\s+(?:i|we)|(?:i|we)(?:\s+(?:can|could|should))?|to)\s+find|where\s+(?:do|did|would|should)\s+(?:we|you|they|people)\s+(?:document|keep|store|write\s+(?:up|down))|where\s+(?:(?:can|do|would|could|should)\s+(?:i|we)|(?:i|we)\s+(?:can|could|should)|to)\s+(?:get|see)\s+(?:(?:any|some|the|more)\s+)?(?:(?:info|information|docs?|documentation|details|pages?|stuff)\s+)?(?:on|about|regarding)|where\s+(?:(?:can|do|would|could|should)\s+(?:i|we)|to)\s+(?:read(?:\s+up)?|learn(?:\s+more)?|look)\s+(?:about|on|for|up)|where(?:'s|s|\s+is|\s+are)\s+(?:(?:the|our|any|some)\s+)?(?:docs?|documents?|documentation|pages?|runbooks?|guides?|info|information|details|stuff)\s+(?:for|on|about|of|regarding)|(?:what|which)(?:'s|s|\s+is|\s+are)?\s+(?:the\s+)?(?:name\s+of\s+the\s+)?(?:page|doc|document|article)s?\s+(?:(?:(?:should|do|can)\s+i\s+read|are\s+there|is\s+there|do\s+we\s+have|exists?)\s+)?(?:for|about|on)(?=\s)|(?:what|which)\s+(?:pages|docs|documents)\s+(?:mention|talk\s+about|cover|contain|discuss|are\s+about|reference)|(?:what|which)\s+(?:is\s+the\s+)?(?:page|doc|document)\s+(?:mentions|talks\s+about|covers|contains|discusses|is\s+about|references|has|explains|describes|lists|for|about|on))\s+/i;
/** "where can I see the documents for X", "where I can read the info on Y": pages on a topic, so a search. */
const WHERE_CAN_I_SEE_DOCS =
  /^where\s+(?:(?:can|do|could|would|should)\s+(?:i|we)|(?:i|we)\s+(?:can|could))\s+(?:see|view|read|access|get|check)\s+(?:the\s+|any\s+|some\s+|our\s+)?(?:docs?|documents?|documentation|pages?|info|information|details|stuff|material)\s+(?:for|on|about|regarding|related\s+to)\s+/i;
const WHERE_CAN_I_SEE =
  /^where\s+(?:(?:can|do|could|would|should)\s+(?:i|we)|(?:i|we)\s+(?:can|could))\s+(?:see|view|read|access|locate|open|get)\s+/i;
/**
 * "the X page", "our X doc", "the X page in HR", "the X doc from sales", "the X page from the People & HR
 * space" (a space named in up to four words before "space"): one page named by its title words.
 */
const ONE_NAMED_PAGE =
  /^(?:(?:the|our|this|that)\s+)?\S.*\s(?:page|pg|doc|document|article)(?:\s+(?:in|on|from)\s+(?:the\s+)?(?:(?:space\s+)?~?[A-Za-z0-9]{1,32}(?:\s+space)?|[\p{L}&]{1,30}(?:\s+[\p{L}&]{1,30}){1,3}\s+space))?(?:\s+(?:located|kept|stored|hiding))?[\s?!.]*$/iu;
/** "where's the X page", "where is X page", "tell me where is the X page" (non-native): the page is opened (only when the words end in a page noun). */
const WHERE_IS_PAGE =
  /^(?:(?:tell\s+me|show\s+me|do\s+you\s+know|you\s+know|any\s+idea|(?:may|can|could)\s+i\s+(?:please\s+)?know)\s+)?where(?:'s|’s|s|\s+is|\s+are)\s+(?=\S)/i;
/**
 * "can you tell me where the VPN Setup Guide is?", "do you know where our expense policy lives?", "I keep
 * forgetting where the expense policy lives": the page asked after, named with "the" or "our", then "is"
 * at the end; it is opened.
 */
const WHERE_THE_PAGE_IS =
  /^(?:(?:tell|show|remind)\s+me|(?:do\s+)?(?:you|u)\s+know|any\s+idea|i\s+(?:wonder|don'?t\s+know|(?:always\s+|keep\s+)?forget(?:ting)?|forgot|can'?t\s+remember|can\s+never\s+remember|never\s+remember|don'?t\s+remember)|(?:may|can|could)\s+i\s+(?:please\s+)?know)\s+where\s+(?=(?:the|our)\s)/i;
/** A version, year or date after a document's noun ("release notes 2025.02", "the rota 2026"). */
const NUMBER_AT_END = /\s\d[\d.\-/]{0,20}[\s?!]*$/;
/** Words that start what is asked after but no page's name ("where is my …", "where is this …"). */
const NOT_A_NAME_START =
  /^(?:my|your|ur|his|her|their|its|a|an|this|that|these|those|some|any|every|each|which|what|it|he|she|they|everyone|everybody|someone|somebody)\b/i;
/** "where's X", "where is the X", "where is located the X" (non-native) with nothing after the name: the page asked after (see `wherePageIsAsked`). */
const WHERE_IS_NAME = /^where(?:'s|’s|s|\s+is|\s+are)(?:\s+(?:located|kept|stored))?\s+(?=\S)/i;
/**
 * Nouns that end the names of documents ("the expense policy", "our onboarding checklist"), and names of
 * documents every company has that end in no such noun ("the code of conduct", "the org chart"). Kept as data.
 */
const DOCUMENT_NOUN =
  /\s(?:guide|policy|handbook|runbook|playbook|process|procedure|checklist|template|faq|manual|notes|rota|calendar|schedule|plan|roadmap|overview|instructions|wiki|code\s+of\s+conduct|dress\s+code|org\s+chart|terms\s+of\s+reference)$/i;
/** The same nouns as words, for a noun typed one slip off ("runbok", "polcy", "ntoes"). */
const DOCUMENT_NOUN_WORDS =
  'guide policy handbook runbook playbook process procedure checklist template faq manual notes rota calendar schedule plan roadmap overview instructions page doc document'.split(
    ' ',
  );

/**
 * Words of the dictionary that, ending a page's name, are a document's noun typed one slip off ("the vpn
 * setup guid": "guid" is also a GUID). Kept as data.
 */
const NOUN_SLIPS_IN_DICTIONARY = new Set(['guid', 'gude', 'manul']);
/** True when `name` ends in a document's noun, or in a word one slip from one that is no English word ("the kafka runbok"). */
function endsInDocumentNoun(name: string): boolean {
  if (DOCUMENT_NOUN.test(name)) return true;
  const last = /\s([a-z]{4,14})[\s?!.]*$/.exec(name)?.[1];
  if (last === undefined) return false;
  // "the vpn setup guid" (after other words of the name), not "the guid" alone.
  const slip = NOUN_SLIPS_IN_DICTIONARY.has(last) && /^\S+\s+\S+\s+\S/.test(name.trim());
  if (isEnglishWord(last) && !slip) return false;
  return DOCUMENT_NOUN_WORDS.some((noun) => noun.length >= 4 && editDistance(last, noun, 1) <= 1);
}
/**
 * "the expense policy", "our vpn setup guide", "the expense policy in HR" (after "how do I open …"): one
 * document named by "the" and its noun, opened.
 */
function documentNamed(text: string): Intent | undefined {
  const name = text.replace(/[\s?!.]+$/, '');
  const one =
    name.length <= MAX_PAGE_NAME_LINE &&
    /^(?:the|our)\s/i.test(name) &&
    namesOneDocument(name.replace(SPACE_AFTER_NAME, ''));
  return one ? definiteName(name) : undefined;
}

/** True when `name` ends in one document's noun ("the expense policy"), not several ("the kafka runbooks"). */
function namesOneDocument(name: string): boolean {
  return !PLURAL_DOCUMENT_NOUN.test(name) && endsInDocumentNoun(name);
}
/** Document nouns in the plural at the end of what is asked after ("the kafka runbooks", "our onboarding guides"). */
const PLURAL_DOCUMENT_NOUN =
  /^(?:the|our|any)\s.*\s(?:guides|policies|handbooks|runbooks|playbooks|procedures|checklists|templates|faqs|manuals|docs|documents|pages)[\s?!.]*$/i;
const IS_AT_END = /\s+(?:is|lives|sits|is\s+kept|is\s+located|can\s+be\s+found)[\s?!.]*$/i;
/** "… page open it", "… page, can you open it": what to do with the page, after it. */
const OPEN_IT_AFTER =
  /(?:\s+|\s*,\s*)(?:located|kept|stored|hiding|(?:(?:and|pls|please)\s+)?(?:open|show|send|share|link)(?:\s+(?:it|that|me\s+it))?(?:\s+(?:to\s+me|pls|please))?)[\s?!.]*$/i;
const MAX_PAGE_NAME_LINE = 300;
/** Where an earlier page was shown ("the page from the standup"): not a title, not a space. */
const EARLIER_EVENT =
  '(?:standup|stand-up|meeting|call|sync|retro|thread|chat|email|demo|huddle|workshop|session|review|kickoff|kick-off|1:1|one-on-one|channel)';
/** When an earlier page was shown ("from yesterday", "from Tuesday", "from the standup", "from the onboarding call"). */
const FROM_EARLIER = String.raw`from\s+(?:yesterday|earlier|before|last\s+(?:time|week|night)|this\s+morning|the\s+other\s+day|(?:last\s+)?${WEEKDAY_EITHER_CASE}\b|(?:the|this|that|our|today'?s|yesterday'?s|last\s+week'?s|(?:this|last)\s+morning'?s|(?:last\s+)?${WEEKDAY_EITHER_CASE}'?s)\s+(?:[a-z]+\s+)?${EARLIER_EVENT}\b)`;
/** How someone showed an earlier page ("you sent", "Mark mentioned", "we looked at"). */
const SHOWN = String.raw`(?:sent|showed|shared|opened|found|gave|posted|had|mentioned|made|created|wrote|edited|linked|recommended|looked\s+at|pulled\s+up|brought\s+up|asked\s+(?:about|for)|talked\s+about|wanted|read|viewed|(?:was|were)\s+(?:just\s+)?(?:looking\s+at|reading|viewing|on|in|editing|working\s+on|talking\s+about))`;
/**
 * "the page from yesterday", "open the one you sent me", "can someone deal with the page Mark
 * mentioned": an earlier page named by when or by who (anyone: one word) showed it.
 */
const BACK_REFERENCE = new RegExp(
  String.raw`^(?:(?:can|could|would|will)\s+(?:someone|somebody|anyone|anybody)\s+(?:please\s+)?)?(?:(?:open|show|get|find|give|send|pull\s+up|bring\s+up|deal\s+with|handle|sort\s+out|take\s+care\s+of|look\s+at|check|fix|update|edit|change|correct)\s+(?:me\s+)?(?:again\s+)?)?(?:the|that|this)\s+(?:page|doc|document|one|link|article|thing|stuff)\s+(?:${FROM_EARLIER}|[a-z]+\s+${SHOWN}\b)`,
  'i',
);
/**
 * An earlier page pointed at inside a read ("the numbers on that page from yesterday", "the table on the
 * page you showed me", "the last page you found"): "that/this page" typed in lower case, or "the page"
 * followed by when or by who showed it. Bounded repeats only.
 */
const POINTED_PAGE = new RegExp(
  String.raw`\b(?:that|this|those|these)\s+(?:wiki\s+)?(?:page|doc|document|link|article)s?\b|\bthe\s+(?:last\s+|previous\s+|same\s+)?(?:page|doc|document|one|link|article)\s+(?:${FROM_EARLIER}|(?:you|u|we|i|[A-Z][a-z]{1,20})\s+(?:just\s+)?${SHOWN}\b)`,
);
/**
 * "could you check the numbers on that page from yesterday", "fix the typo on the page Mark shared": at
 * the end of a request, a page named only by when or by whom it was shown (read in the line's last
 * {@link EARLIER_PAGE_PROBE} characters). What is asked about it has no page to act on.
 */
const EARLIER_PAGE_AT_END = new RegExp(
  String.raw`(?:^|\s)(?:(?:on|in|of|from|at|to|with|about)\s+(?:the|that|this)\s+(?:page|doc|document|link|article|file|one)|[a-z]+\s+(?:the|that|this)\s+(?:page|doc|document|link|article|file))\s+(?:${FROM_EARLIER}|[a-z]+\s+${SHOWN}(?:\s+(?:me|us))?(?:\s+(?:earlier|yesterday|before|today|this\s+morning))?)[\s?!.]*$`,
  'i',
);
const EARLIER_PAGE_PROBE = 90;
/**
 * "it would be great if the X …", "I would like that the X says …", "I wish the X had …": a wish about a page, read by
 * `rewriteLooseForm`.
 */
const WISH_IF =
  /\b(?:(?:great|nice|good|awesome|cool|helpful|handy|lovely|ideal|better)\s+if|(?:like|want|wish)\s+that|wish)\s+(?:the|our)\s/i;
/** A page's name alone on the first line, then an edit keyword on the next ("VPN Setup Guide\nappend: …"). */
const EDIT_ON_NEXT_LINE = /^[ \t]*(?:(?:append|add|body|title)[ \t]*:|(?:section|replace)[ \t]+["“])/i;
const HELP_THEN_QUESTION =
  /^(?:help|halp|(?:please|pls|plz)\s+help|(?:i'?m|im|i\s+am)\s+(?:so\s+|totally\s+|a\s+bit\s+)?(?:lost|confused|stuck))(?:\s+(?:me|pls|please|here))?\s*[,:!.\-–—]+\s*(?=\S)/i;
const HELP_WITH_PAGE = /^help\s+(?:me\s+|us\s+)?(?:with|on)\s+(?=(?:the|our)\s)/i;
const HELP_THEN_COMMAND = /^help\s+(?=(?:\S+\s+){2}\S)/i;
/**
 * A page or space named as the source, then a question with no comma or question mark between ("per
 * the travel policy what is the limit", "in the HR space who handles payroll").
 */
const QUESTION_AFTER_SOURCE =
  /^(?:according\s+to|(?:as\s+)?per|based\s+on|in|on|from|under)\s+(?:the|our|this|that)\s+[^,?!.]{1,60}?\s+(?:how|what|what's|whats|who|who's|when|where|why|which|is|are|do|does|can|could|should|will)\s+(?=\S)/i;
/**
 * Asking whether something can be done at all ("is there a way to carry over unused PTO?", "any way to
 * claim mileage"): when no command reads what follows, a question for the knowledge base, never a search
 * for its words.
 */
const WAY_ASKED =
  /^(?:(?:hi|hey|hello|ok|okay|so|and|also)[\s,!.]+)*(?:is\s+there\s+)?(?:a|any|some)\s+way\s+to\s/i;
/** "can I …?", "could we …?": the user asks whether they may do something. */
const MAY_I = /^(?:(?:hi|hey|hello|ok|okay|so|and|also)[\s,!.]+)*(?:can|could|may)\s+(?:i|we)\s/i;

/** True when `line` asks whether something can be done ({@link WAY_ASKED}, or "can I …?" with its question mark). */
function isAskedWhetherPossible(line: string): boolean {
  const text = line.trim();
  return WAY_ASKED.test(text) || (MAY_I.test(text) && /\?\s*$/.test(text));
}
/**
 * A verb that writes, moves or removes pages first ("add my notes", "append the action items", "delete
 * the page", "move it to ENG", "revert my last change"): when no rule read an edit or a create from it,
 * nothing the bot can do was named, so it is not understood rather than a search for (or a page named
 * by) these words.
 */
const UNREAD_WRITE_FIRST =
  /^(?:add|append|prepend|put|insert|paste|write|copy|duplicate|clone|move|delete|remove|archive|revert|undo|restore|rename|make|create|merge|publish)\s/i;
/** Words after such a verb that only point ("add it yourself"): left to the readers of pointing words. */
const POINTING_ONLY_WORDS = new Set([
  'it',
  'that',
  'this',
  'them',
  'those',
  'these',
  'yourself',
  'myself',
  'urself',
]);

/**
 * True for a write no rule read ({@link UNREAD_WRITE_FIRST}) that was not asked of the bot ("could you
 * add me to the channel?" stays a question) and names more than a pronoun.
 */
function isUnreadWrite(line: string, core: string): boolean {
  const verb = UNREAD_WRITE_FIRST.exec(core);
  if (!verb || ASKED_TO_ACT.test(line.trim()) || /\?\s*$/.test(line)) return false;
  const rest = core.slice(verb[0].length).trim().toLowerCase().split(/\s+/);
  return !rest.every((word) => POINTING_ONLY_WORDS.has(word));
}
/** A page id alone: "1048600", "page 12", "id: 12", "page no. 12", "pg nr 12", "page number 12". */
const BARE_ID = /^(?:(?:page|pg)\s*)?(?:(?:id|no\.?|nr\.?|number)\s*)?[:#]?\s*\d{1,19}$/i;
const ADMIN_PREFIX = /^\/?\s*(confluence|conf)(?=$|\s)/i;
const SLASH_WORD = /^\/\s*([a-z]{6,14})(?=$|\s)/i;

function failure(message: string, suggestions: readonly string[] = EXAMPLE_COMMANDS): Intent {
  return { kind: 'failure', message, suggestions: [...suggestions] };
}

function bareReference(core: string): Intent | undefined {
  const cursor = new TextCursor(core);
  const read = BARE_ID.test(core) || /^\S+$/.test(core) ? readPageRef(cursor) : undefined;
  if (read?.kind === 'ref' && read.ref.kind !== 'title' && cursor.atEnd()) {
    return { kind: 'operation', request: { operation: 'get', ref: read.ref } };
  }
  return undefined;
}

function explicitPage(line: string): Intent | undefined {
  const url = findUrl(line);
  if (url !== undefined)
    return { kind: 'operation', request: { operation: 'get', ref: { kind: 'url', url } } };
  const id = /\bpage\s+(?:id\s+)?#?(\d{1,19})\b/i.exec(line);
  if (id) return { kind: 'operation', request: { operation: 'get', ref: { kind: 'id', id: id[1]! } } };
  return undefined;
}

/**
 * A page named without a verb, as "the … page" ("the release process page", after "I need" or
 * "where's"): a get by name. The article and the trailing page noun together say one page is
 * meant; bare words ("vpn setup") stay a search.
 */
function namedPage(core: string): Intent | undefined {
  const where = WHERE_IS_PAGE.exec(core);
  const text = (where ? core.slice(where[0].length) : core).replace(OPEN_IT_AFTER, '');
  // "who owns the Sales Playbook page?", "is the X page up to date?": a question about a page names none to open.
  if (!where && ASKS_ABOUT.test(text)) return undefined;
  // "our onboarding page needs a refresh": said about the page, not asked of it.
  if (!where && isStatementAboutPage(text)) return undefined;
  // "the X page, for the onboarding session later": what is said about the page after its name is no part of it.
  const named = withoutTailAfterName(text);
  const oneNamed = ONE_NAMED_PAGE.test(named) || isTitleShaped(named) || isTitleAfterPageNoun(named);
  if (text.length > MAX_PAGE_NAME_LINE || !oneNamed) return undefined;
  // "what is the deadline on the expense policy page?": a question about what the page says.
  if (ASKED_OF_PAGE.test(text)) return undefined;
  const ref = readPageToOpen(text);
  return ref ? { kind: 'page-by-name', request: { operation: 'get', ref } } : undefined;
}

/** A question word or an auxiliary first: the words ask about something ("who owns …", "is the X page …"). */
const ASKS_ABOUT =
  /^(?:what|what's|whats|who|who's|whom|whose|why|how|when|which|is|are|was|were|does|do|did|has|have|had|can\s+(?:anyone|someone|somebody|we)|could\s+(?:anyone|someone|somebody|we))\b/i;

/** A read's verb, then its object ("open", "show me", "pull up", "take me to"). */
const READ_VERB_THEN =
  /^(?:open|show|get|view|display|pull\s+up|bring\s+up|take\s+(?:me|us)\s+to|go\s+to|navigate\s+to|jump\s+to)(?:\s+up)?(?:\s+(?:me|us))?\s+(?=\S)/i;

/** A read whose object is a title in capitals (see `isTitleInCapitals`), as a get by name; else `undefined`. */
function titledRead(core: string): Intent | undefined {
  const verb = READ_VERB_THEN.exec(core);
  // A line typed all in capitals or in Title Case says nothing by its capitals ("OPEN THE SECOND ONE").
  if (!verb || core.length > MAX_PAGE_NAME_LINE || !/(?:^|\s)[a-z]+(?=\s|$)/.test(core)) return undefined;
  const object = core.slice(verb[0].length).replace(/[\s?!.]+$/, '');
  if (!isTitleInCapitals(withoutTailAfterName(object))) return undefined;
  const read = parseGetTarget(object);
  return read.kind === 'page-by-name' ? read : undefined;
}
/**
 * A question word, then the page named after a preposition ("what is the deadline on the X page",
 * "who signs off according to the X doc", "is parking mentioned in the X page"): asked about what the
 * page says, so not a page's name.
 */
const ASKED_OF_PAGE =
  /^(?:what|what's|whats|who|who's|whos|whom|when|which|why|how|is|are|does|do|did|was|were)\s.*\s(?:on|in|of|from|per|to|according\s+to|under)\s+(?:the|our|this|that)\s/i;

/** A verb that makes words a statement ("is", "was", "seems"), not a page's name. */
const STATEMENT_WORD =
  /\b(?:is|are|was|were|isn'?t|aren'?t|wasn'?t|has|have|had|does|did|doesn'?t|didn'?t|seems?|looks?|says?|said)\b|['’]s\s/i;

/**
 * "laptop setup, can u open it?": the object first, then a request with its verb that courtesy
 * stripping took for a question tag; the verb is put back before what is left (`core`), or `undefined`.
 */
function verbAfterObject(line: string, core: string): string | undefined {
  const text = trimEndWhere(line.trim(), (c) => /[\s?!.]/.test(c));
  const trailing = trailingVerb(text);
  // "the rota is wrong, can you open it?": a statement before the tag, not a page's name.
  if (!trailing || core.length === 0 || STATEMENT_WORD.test(core)) return undefined;
  return text.slice(0, trailing.index).trimEnd().endsWith(core) ? `${trailing.verb} ${core}` : undefined;
}

/** "tell me where the VPN Setup Guide is": the page named, opened by its title words; else `undefined`. */
function wherePageIsAsked(core: string): Intent | undefined {
  const bare = WHERE_IS_NAME.exec(core);
  if (bare) {
    // "where's Local Development Setup", "where is the expense policy": a written title or a document's noun.
    const name = core.slice(bare[0].length);
    // "where's the url for X" asks for a link: read below as opening X.
    if (/^(?:the\s+|a\s+)?(?:link|url|address)\b/i.test(name)) return undefined;
    // "where's that New Hire Checklist at": "that" for the page, "at" closing the question.
    const asked = name.replace(/^that\s+(?=\S)/i, 'the ').replace(/\s+at[\s?!.]*$/i, '');
    if (asked !== name && name.length <= MAX_PAGE_NAME_LINE) return wherePageIsAsked(`where is ${asked}`);
    const titled =
      /^(?:(?:the|our)\s+)?[A-Z][\w&'’-]*(?:\s+(?:[A-Z0-9][\w&'’.-]*|and|of|for|&))*\s+[A-Z0-9][\w&'’.-]*$/.test(
        name,
      );
    // "where are the kafka runbooks?": several documents asked after, so they are searched for.
    if (name.length <= MAX_PAGE_NAME_LINE && PLURAL_DOCUMENT_NOUN.test(name))
      return parseSearchWords(name.replace(/^(?:the|our|any)\s+/i, ''));
    // "where is release notes 2025.02", "where's onboarding checklist": the article left out, a number after the noun.
    const nounLast = name.replace(SPACE_AFTER_NAME, '').replace(NUMBER_AT_END, '');
    const named = /^(?:the|our)\s/i.test(name) || !NOT_A_NAME_START.test(name);
    if (name.length <= MAX_PAGE_NAME_LINE && (titled || (named && endsInDocumentNoun(nounLast))))
      return definiteName(name);
  }
  const lead = WHERE_THE_PAGE_IS.exec(core);
  const tail = lead ? IS_AT_END.exec(core.slice(-24)) : null;
  if (!lead || !tail) return undefined;
  const name = core.slice(lead[0].length, core.length - tail[0].length);
  // "the printer", "the keys" are things, not pages: a written title (capitals) or a document's noun.
  const pageLike = /\s[A-Z]/.test(name) || endsInDocumentNoun(name);
  return namedPage(name) ?? (pageLike && name.length <= MAX_PAGE_NAME_LINE ? definiteName(name) : undefined);
}

/** The last clause of a line, after a comma, colon, semicolon or spaced dash, starting with "the" or "our". */
const LAST_CLAUSE = /(?:[,:;]|\s[-–—])\s+((?:the|our)\s[^,:;]{1,80})$/i;
/**
 * A write's or a question's word, or a space said first ("in HR, …", "the Legal space: …"): then a
 * clause after it is no page asked for on its own (the rules read those lines whole).
 */
const NOT_ONLY_CONTEXT =
  /\b(?:add|append|update|edit|change|replace|put|write|create|make|rename|delete|remove|move|is|are|was|were|what|who|how|why|when|which|space|wiki)\b|^(?:over\s+)?(?:in|on|from|within|inside|under)\s/i;
/** A space key alone before the clause ("HR, the expense policy"). */
const KEY_ALONE = /^~?[A-Z][A-Z0-9]{1,9}$/;

/**
 * "not urgent but whenever you can, the trademark guidelines", "for the audit: the Password and MFA
 * Policy": context first, then one page named on its own in the last clause, opened; else `undefined`.
 */
function pageAfterContext(core: string): Intent | undefined {
  if (core.length > MAX_PAGE_NAME_LINE) return undefined;
  const last = LAST_CLAUSE.exec(core);
  const lead = last ? core.slice(0, last.index) : '';
  if (!last || NOT_ONLY_CONTEXT.test(lead) || KEY_ALONE.test(lead)) return undefined;
  return namedPage(last[1]!) ?? documentNamed(last[1]!);
}

/** The page in "let me have the X page" (see {@link LET_ME_HAVE}), opened; else `undefined`. */
function pageGivenAsked(line: string): Intent | undefined {
  const lead = LET_ME_HAVE.exec(line);
  if (!lead) return undefined;
  const named = stripPoliteness(line.slice(lead[0].length));
  return named.length > 0 ? (namedPage(named) ?? documentNamed(named)) : undefined;
}

/** "where does the Laptop Setup page live?", "any idea where our expense policy sits": the page asked after, then where it is kept. */
const WHERE_DOES_IT_LIVE =
  /^(?:(?:(?:tell|show)\s+me|(?:do\s+)?(?:you|u)\s+know|any\s+idea|i\s+(?:wonder|don'?t\s+know))\s+)?where\s+(?:does|do|did)\s+(?=(?:the|our)\s)/i;
const LIVES_AT_END = /\s+(?:live|sit|reside|hide|get\s+(?:kept|stored))[\s?!.]*$/i;
/**
 * "how do I get to the Testing Strategy page?", "could you tell me where to find the API Style Guide": how to
 * reach a page, asked of the bot; the page is opened when the words name one page (a page noun or a title
 * in capitals), else the question stays ("how do I get to the office?").
 */
const HOW_TO_REACH =
  /^(?:how\s+(?:(?:do|can|could|would|should)\s+(?:i|we)|to)\s+(?:get\s+to|find|open|access|reach|navigate\s+to|pull\s+up)|(?:(?:tell|show)\s+me|(?:do\s+)?(?:you|u)\s+know|any\s+idea)\s+where\s+(?:(?:(?:can|do|could|should)\s+(?:i|we)|(?:i|we)\s+(?:can|could)|to)\s+)(?:find|see|view|read|access|locate|open|get))\s+(?=\S)/i;

/**
 * "is the Expense Policy page available?", "is the Team Rituals page on confluence": whether a named page
 * can be had is asked by opening it (only a page noun or a title in capitals: "is the VPN available?" stays a question).
 */
const IS_AVAILABLE =
  /^(?:is|are)\s+((?:the|our)\s.{1,120}?)\s+(?:available|accessible|(?:up\s+)?(?:on|in)\s+(?:confluence|the\s+wiki))(?:\s+(?:here|anywhere|somewhere|online|to\s+(?:me|us|read|see|view)))?[\s?!.]*$/i;

/** "show me what the Team Rituals page looks like", "let me see what the X says": the page itself is asked for. */
const WHAT_PAGE_LOOKS_LIKE =
  /^(?:(?:show|tell)\s+(?:me|us)|let\s+me\s+see|lemme\s+see)\s+what\s+((?:the|our)\s.{1,120}?)\s+(?:looks\s+like|says|contains)(?:\s+(?:now|today|currently|at\s+the\s+moment))?[\s?!.]*$/i;

/** The page asked after in "where does the X live?" (a written title or a document's noun), else `undefined`. */
function wherePageLives(core: string): Intent | undefined {
  const lead = WHERE_DOES_IT_LIVE.exec(core);
  const tail = lead ? LIVES_AT_END.exec(core.slice(-24)) : null;
  if (!lead || !tail) return undefined;
  const name = core.slice(lead[0].length, core.length - tail[0].length);
  const pageLike = /\s[A-Z]/.test(name) || endsInDocumentNoun(name) || /\s(?:page|doc|document)$/i.test(name);
  return pageLike && name.length <= MAX_PAGE_NAME_LINE ? definiteName(name) : undefined;
}

/** "do you have the X page?", "have you got the X", "u got the X?": asking for a page by asking whether the bot has it. */
const HAVE_THE_PAGE =
  /^(?:(?:do|d|does)\s+(?:you|u|ya|we|anyone)\s+(?:have|hav|got)|(?:have|hav)\s+(?:you|u|ya|we)\s+got|(?:you|u|ya)\s+(?:have|hav|got)|got)\s+(?=\S)/i;
/** "… handy", "… with you", "… by any chance": where or how the asker hopes it is had, not the page's name. */
const HAD_WHERE =
  /\s+(?:handy|with\s+(?:you|u)|on\s+(?:you|u)|anywhere|somewhere|at\s+all|by\s+any\s+chance|(?:page\s+)?(?:link|url))[\s?!.]*$/i;

/**
 * "do you have the Expense Policy page?", "u got the vpn setup guide?": the page asked for, when the
 * words name one page (a page noun, a title in capitals or a document's noun after "the"); "do you have
 * the wifi password?" stays a question.
 */
function pageHadAsked(core: string): Intent | undefined {
  const lead = HAVE_THE_PAGE.exec(core);
  if (!lead) return undefined;
  const name = core
    .slice(lead[0].length)
    .replace(/[\s?!.]+$/, '')
    .replace(HAD_WHERE, '');
  // "you have any document on gratuity?": whether pages exist on a topic, read as a search below.
  if (name.length > MAX_PAGE_NAME_LINE || /^(?:any|some)\s/i.test(name)) return undefined;
  const named = namedPage(name);
  if (named) return named;
  const documentNamed = /^(?:the|our)\s/i.test(name) && DOCUMENT_NOUN.test(withoutTailAfterName(name));
  return documentNamed ? definiteName(name) : undefined;
}

/**
 * "is there a page called Team Rituals?", "do we have a doc named Laptop Setup": whether a page of that
 * name exists, asked by its name; it is opened (a title search finds it or says there is none).
 */
const PAGE_CALLED_ASKED =
  /^(?:is\s+there|(?:do|d)\s+(?:we|you|u)\s+have|(?:have|'?ve)\s+(?:we|you)\s+got|(?:we|you|u)\s+(?:have|got)|got|any)\s+(?:a|an|any|one)\s+(?:confluence\s+|wiki\s+)?(?:page|doc|document|article)\s+(?:called|named|titled|with\s+the\s+(?:title|name))\s+(?=\S)/i;

/** The page asked after in "is there a page called X?", else `undefined`. */
function pageCalledAsked(core: string): Intent | undefined {
  const lead = PAGE_CALLED_ASKED.exec(core);
  if (!lead || core.length > MAX_PAGE_NAME_LINE) return undefined;
  const ref = readPageToOpen(core.slice(lead[0].length).replace(/[\s?!.]+$/, ''));
  return ref ? { kind: 'page-by-name', request: { operation: 'get', ref } } : undefined;
}

/**
 * "help, how do I reset my password?", "Help! who is on call?", "I'm lost, where is the fire exit?": a
 * cry for help, then a question for the knowledge base ("help, what can you do?" still asks about the bot).
 */
function isQuestionAfterHelp(line: string): boolean {
  const lead = HELP_THEN_QUESTION.exec(line);
  if (!lead) return false;
  const rest = line.slice(lead[0].length);
  const asked = trimEndWhere(rest, (c) => /[\s?!.]/.test(c));
  return isQuestion(rest) && matchHelp(asked) === undefined && asked.split(/\s+/).length >= 3;
}

/** The line as a question for the knowledge base (or the page it links to), with its next lines. */
function asQuestion(line: string, bodyLines: string): Intent {
  const questionLine = cleanLine(`${line} ${bodyLines.slice(0, MAX_COMMAND_LINE_LENGTH)}`);
  return (
    explicitPage(line) ?? {
      kind: 'question',
      question: questionLine.replace(/^(?:hey|hi|hello)\b[\s,!]+/i, '').replace(/ \.(?= )/g, ''),
    }
  );
}

/**
 * "help create page "X" in ENG, write: …": a whole command after "help" (three words or more) is the
 * request; "help create" or "help create page" alone asks how.
 */
function commandAfterHelp(core: string, bodyLines: string, line = core): Intent | undefined {
  // "help me with the code of conduct page", "help, I need the team rituals page": a page named after the cry.
  const withPage = HELP_WITH_PAGE.exec(core);
  const named = withPage ? namedPage(core.slice(withPage[0].length)) : undefined;
  if (named) return named;
  const cry = HELP_THEN_QUESTION.exec(line.trim());
  const after = cry ? stripPoliteness(line.trim().slice(cry[0].length)) : '';
  const request =
    after.length > 0 ? (namedPage(after) ?? applyRules(baseVerbForm(after), bodyLines)) : undefined;
  if (request?.kind === 'operation' || request?.kind === 'page-by-name') return request;
  const lead = HELP_THEN_COMMAND.exec(core);
  if (!lead) return undefined;
  const ruled = applyRules(baseVerbForm(core.slice(lead[0].length)), bodyLines);
  return ruled?.kind === 'operation' || ruled?.kind === 'page-by-name' ? ruled : undefined;
}

/** Help or the approvals list, for a line whose misspelt first word was corrected ("hlep", "approvels"). */
function helpOrApprovals(fixed: string): Intent | undefined {
  const help = matchHelp(fixed);
  if (help) return { kind: 'help', ...help };
  return isApprovalsRequest(fixed) ? { kind: 'approvals' } : undefined;
}

/**
 * "the sales playbook" with no verb: one page named by its title words, read as after "open" (so "the
 * documents of onboarding" asks for pages about something: a search), or `undefined`.
 */
/**
 * "the sales playbook pls, got a pitch in 10", "need the vpn guide pls my laptop was reimaged": a reason
 * said after the words is no part of them, so it does not count against how many words they may have.
 * What is left must still read as words only: no clause of its own ("the policy says X is fine, but …")
 * and no dangling dash ("Bin Days - please create …").
 */
function isKeywordsBeforeReason(core: string): boolean {
  const words = withoutNameResidue(core);
  return words !== core && /[\p{L}\p{N}]$/u.test(words) && !isAside(words) && isKeywords(words);
}

function definiteName(core: string): Intent | undefined {
  if (core.length > MAX_PAGE_NAME_LINE || isStatementAboutPage(core)) return undefined;
  const read = parseGetTarget(core);
  return read.kind === 'page-by-name' || read.kind === 'operation' ? read : undefined;
}

/** How a message written like an email closes ("Thanks,", "Best regards"), on a line of its own. */
export const CLOSINGS = new Set(
  (
    'thanks|thank you|thanks a lot|many thanks|thanks in advance|cheers|best|best regards|kind regards|' +
    'regards|warm regards|warmly|br|sincerely|yours|ta|thx|ty|all the best|have a nice day|' +
    // Indian and other Englishes: "Thanks and regards", "Thanks & Regards", "Please do the needful."
    'thanks and regards|thanks & regards|thanks n regards|thanks and best regards|with regards|with best regards|' +
    'regards and thanks|thank you in advance|tia|please do the needful|kindly do the needful|do the needful|' +
    // what to do once it is done, said as the message ends ("Let me know when it's done.")
    "let me know when it's done|let me know when it is done|let me know when done|let me know once it's done|" +
    'let me know if you need anything|let me know if you need anything else|much appreciated|appreciate it|lmk'
  )
    .split('|')
    // Thanks in other words, to someone or with praise ("thanks heaps!", "cheers mate", "much obliged", "you legend").
    .concat(THANKS_SAID),
);
/** A name or a team on a line of its own after a closing ("Ana Lopez", "People Team"). */
const SIGNATURE_NAME = /^[\p{L}][\p{L}.'’ -]{0,40}$/u;
/** Characters at the end of a message looked at for a sign-off (a closing and a short name). */
const SIGN_OFF_PROBE = 80;

/**
 * A message without its email sign-off ("…\n\nThanks,\nMarta", "…\nBest regards"): after the request's
 * line, a closing from {@link CLOSINGS} on a line of its own, then at most a name of a few words. It
 * is how the message ends, not text for a page. Only after a request on one line (its text inline);
 * reads the last few lines only.
 */
function withoutSignOff(text: string): string {
  const newline = text.indexOf('\n');
  // Only after a one-line request: page text written on the lines after a command is kept whole.
  if (newline < 0 || text.length - newline > SIGN_OFF_PROBE) return text;
  const lines = text
    .slice(newline + 1)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const closing = closingOf(lines[0] ?? '');
  const nameOk = lines.length === 1 || (lines.length === 2 && SIGNATURE_NAME.test(lines[1]!));
  return CLOSINGS.has(closing) && nameOk ? text.slice(0, newline).trimEnd() : text;
}

/**
 * A message that opened with a greeting line, without the closing it ends with ("Hi,\n\nPlease update
 * X with the following:\n\nFriday is pizza\n\nThanks,\nAnna"): written as a letter to the bot, its
 * closing and name are not page text. Reads the last few lines only (at most {@link SIGN_OFF_PROBE}
 * characters).
 */
function withoutClosingLines(text: string): string {
  const tail = text.slice(-SIGN_OFF_PROBE);
  const lines = tail.split('\n');
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim().length === 0) end -= 1;
  // The closing, then at most two short lines: a name, and a team or role ("Best,\nAna Lopez\nPeople Team").
  let closingAt = end - 1;
  // "Thanks, Ana" on one line: the closing and the name together.
  const named = CLOSING_AND_NAME.exec(lines[closingAt]?.trim() ?? '');
  const together = named !== null && CLOSINGS.has(closingOf(named[1]!));
  while (!together && closingAt > end - 3 && closingAt >= 1 && isNameLine(lines[closingAt]!)) closingAt -= 1;
  if (closingAt < 1 || !(together || CLOSINGS.has(closingOf(lines[closingAt] ?? '')))) return text;
  const kept = text.slice(0, text.length - tail.length) + lines.slice(0, closingAt).join('\n');
  return kept.includes('\n') ? kept.trimEnd() : text;
}

/** "Thanks, Ana", "Cheers - Sam Lee": a closing and a short name on one line. */
const CLOSING_AND_NAME = /^([^,\n]{2,30}?)\s*(?:,|\s[-–—])\s*(\p{Lu}[\p{L}.'’ -]{0,30})$/u;

/** A short line of a sign-off after the closing: a name or a team, not itself a closing. */
function isNameLine(line: string): boolean {
  const trimmed = line.trim();
  return SIGNATURE_NAME.test(trimmed) && !CLOSINGS.has(closingOf(trimmed));
}

/** What a mail client adds at the end ("Sent from my iPhone", "Get Outlook for Android"), on a line of its own. */
const MAIL_FOOTER =
  /^(?:sent from my [\p{L}\p{N} ]{1,30}|sent from (?:outlook|mail|gmail|yahoo mail)(?: for [\p{L} ]{1,20})?|get outlook for [\p{L} ]{1,20})[.!]?$/iu;
/** Most lines after a "-- " signature delimiter that are taken as the signature. */
const MAX_SIGNATURE_LINES = 4;

/**
 * A message without what a mail client or a signature adds after it: a "Sent from my iPhone" line,
 * or a "-- " delimiter and the few lines after it. Reads the last few lines only; the first line
 * (the request) always stays.
 */
function withoutMailFooter(text: string): string {
  const tail = text.slice(-SIGN_OFF_PROBE * 2);
  const lines = tail.split('\n');
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim().length === 0) end -= 1;
  let cut = -1;
  if (MAIL_FOOTER.test((lines[end - 1] ?? '').trim())) cut = end - 1;
  else
    for (let i = end - 1; i >= Math.max(1, end - 1 - MAX_SIGNATURE_LINES); i -= 1)
      if (/^--\s*$/.test(lines[i]!)) cut = i;
  if (cut < 1) return text;
  const kept = (text.slice(0, text.length - tail.length) + lines.slice(0, cut).join('\n')).trimEnd();
  return kept.length > 0 ? kept : text;
}

/** A salutation that opens a letter ("Dear all,", "Hi team,") on a line of its own. */
const SALUTATION = /^(?:dear|hi|hello|hey|to)\b[^\n,]{0,40},[ \t]*(?:\n|$)/i;

/** True when the lines after the command open like a letter, so a closing at the end belongs to that text. */
function pageTextIsLetter(message: string): boolean {
  const newline = message.indexOf('\n');
  return newline >= 0 && SALUTATION.test(message.slice(newline + 1).trimStart());
}

/** A line as a closing is looked up: no trailing punctuation, lower case. */
function closingOf(line: string): string {
  return line.trim().replace(CLOSING_RESIDUE, '').toLowerCase();
}

/** What may follow a closing on its line: punctuation, emoji ("ty 🙏"), Slack's emoji names ("thanks :pray:"). */
const CLOSING_RESIDUE = /(?:[\s,.!]|\p{Extended_Pictographic}|\uFE0F|\u200D|:[a-z0-9_+-]{1,30}:)+$/u;

/**
 * A greeting on a line of its own ("Hi!" then the request on the next line): the request is read
 * from the first non-blank line after it, the rest being its body.
 */
function interpretAfterGreeting(bodyLines: string, lineLeads = 0): Intent {
  const lines = bodyLines.replace(/^(?:[ \t]*\n)+/, '');
  const signedOff = withoutClosingLines(withoutSignOff(lines));
  const intent = withoutTextLabel(interpretFirstLine(signedOff, lineLeads));
  return intent.kind === 'failure' && signedOff !== lines ? interpretFirstLine(lines, lineLeads) : intent;
}

function interpretFirstLine(lines: string, lineLeads = 0): Intent {
  const newline = lines.indexOf('\n');
  const head = cleanLine(newline < 0 ? lines : lines.slice(0, newline));
  if (head.length > MAX_COMMAND_LINE_LENGTH) return failure('The first line of that request is too long.');
  return interpretUserText(head, newline < 0 ? '' : lines.slice(newline + 1), 0, lineLeads);
}

/** A first line typed whole in Markdown emphasis or code (`` `search sso` ``, "*open X*", "_search X_") or quoted ("> …"). */
const WRAPPED_LINE = /^(`{1,3}|\*{1,2}|_{1,2}|~{1,2})([^`*_~\n]{1,2000})\1$/;
const QUOTED_LINE = /^>\s+(?=\S)/;

/** The command line without Markdown wrapped around all of it (a command copied from the help, a line in bold). */
function unwrapLine(line: string): string {
  const trimmed = line.trim().replace(QUOTED_LINE, '');
  const wrapped = WRAPPED_LINE.exec(trimmed);
  return wrapped ? wrapped[2]!.trim() : trimmed;
}

/** Longest line read again without its greeting or thanks (chat lines are short; each reading re-reads the line). */
const MAX_BARE_LINE = 400;
/** Emoji that open a line ("👋 where does …"): a wave, not words. */
const LEADING_EMOJI = new RegExp(`^(?:${EMOJI.source}|\\s)+`, 'u');

/** A laugh that ends a line ("… could you search? lol"): a tone, not words. */
const LAUGH_AT_END = /[\s,]+(?:lol|lmao|haha+|hehe+|xd)[\s!.]*$/iu;

/** A Markdown list bullet typed first ("- ", "* ", "+ "); Slack's "•" and numbers go with the chat residue. */
const LEADING_DASH_BULLET = /^[-*+]\s+/;

/** A short line without the bullet, emoji or greeting before it and the thanks or laugh after it. */
function bareLine(head: string): string {
  const opened = withoutGreetingLead(
    dropChatResidue(head.replace(LEADING_DASH_BULLET, '')).replace(LEADING_EMOJI, ''),
  );
  return withoutCourtesyAtEnd(opened.replace(LAUGH_AT_END, ''));
}

/**
 * A line read as typed, or, when it opens with a sentence of context ("Sorry, crazy day here 😅 …",
 * "So we had the retro today and this came up. …"), read without it when that reading is a command
 * and the whole line's is not a write: the context says why, not what. A question keeps its context.
 */
function interpretUserText(head: string, bodyLines: string, contexts = 0, lineLeads = 0): Intent {
  const typed = interpretLine(head, bodyLines, lineLeads);
  const reread = (line: string) => interpretLine(line, bodyLines, lineLeads);
  // "the printer is broken again, where's the Wi-Fi and Printers page": where one page is, after news.
  const rephrased = (said: string): Intent | undefined =>
    searchAskedAfter(said, typed, reread) ??
    searchInSpaceSaidFirst(said, typed, reread) ??
    pageInSpaceSaidApart(said, typed, reread) ??
    pageAskedWhereThenOpen(said, reread) ??
    allWeHaveFetched(said, typed, reread) ??
    hedgedSearch(said, typed, reread) ??
    askAfterPivot(said, typed, reread) ??
    readWithoutCheckIn(said, typed, reread) ??
    readingWithArrows(said, typed, reread) ??
    pageWhereAfterBreak(said, typed, reread);
  // A bullet, an emoji code, a greeting before or thanks after the line do not change which of these it is.
  const bare = head.length <= MAX_BARE_LINE ? bareLine(head) : head.trim();
  const intent = (bare !== head.trim() ? rephrased(bare) : undefined) ?? rephrased(head) ?? typed;
  const kind = readingKind(intent);
  // "… what's the meal allowance abroad? I'm in Lisbon next week": a question, then why it is asked.
  const questionEnd = kind === 'unclear' || kind === 'failure' ? questionBeforeContextEnd(head.trim()) : -1;
  if (questionEnd > 0 && interpretLine(head.trim().slice(0, questionEnd), '', lineLeads).kind === 'question')
    return asQuestion(head.trim(), bodyLines);
  const runOn =
    contexts < MAX_CONTEXT_SENTENCES
      ? runOnRequest(head.trim(), intent, bodyLines, contexts, lineLeads)
      : undefined;
  if (runOn) return runOn;
  // "Still new here and getting lost in the wiki.\nCould you search ENG for X?": being lost said on a line of its
  // own, the request on the next: the request is what is asked.
  if (intent.kind === 'help' && !intent.topic && lineLeads < MAX_LEAD_IN_LINES && !/\?\s*$/.test(head)) {
    const after = bodyLines.trim().length > 0 ? interpretAfterGreeting(bodyLines, lineLeads + 1) : undefined;
    if (after?.kind === 'operation' || after?.kind === 'page-by-name') return after;
  }
  if (contexts >= MAX_CONTEXT_SENTENCES || !(CONTEXT_REPLACEABLE.has(kind) || kind === 'question'))
    return intent;
  const line = head.trim();
  if (line.length > MAX_CONTEXT_LINE) return intent;
  // "Heads up, I'm covering for Sam this week.\nCan you open the X page": a line of context, the request after it.
  if (CONTEXT_REPLACEABLE.has(kind) && lineLeads < MAX_LEAD_IN_LINES && bodyLines.trim().length > 0) {
    const stated = line.replace(/[\s.!]+$/, '');
    if (isContext(stated)) {
      const after = interpretAfterGreeting(bodyLines, lineLeads + 1);
      if (after.kind === 'question') return asQuestion(line, bodyLines);
      if (!['unclear', 'failure', 'greeting'].includes(after.kind)) return after;
    }
  }
  const lead = contextLeadEnd(line);
  if (lead < 0) return intent;
  const rest = interpretUserText(line.slice(lead), bodyLines, contexts + 1, lineLeads);
  // "… the X page is the place to start. Can you open it?": "it" is what the context named, no words to read.
  if (POINTS_BACK.test(readWords(rest) ?? '')) return intent;
  if (rest.kind === 'question') return intent.kind === 'question' ? intent : asQuestion(line, bodyLines);
  // A question only as the rest reads alone as a read or approvals ("… came up. is there anything on X?").
  // Help only when the rest names the bot ("… just joined 🎉 what can you do?"; "… what can I do?" stays a question).
  // "… my manager said to use this bot - what can it do?": the bot named in the context is "it".
  const helpAsked =
    rest.kind === 'help' &&
    (/\b(?:you|u|ya|bot)\b/i.test(line.slice(lead)) ||
      /\b(?:bot|chatbot|assistant)\b/i.test(line.slice(0, lead)));
  if (kind === 'question')
    return READS.has(readingKind(rest)) || rest.kind === 'approvals' || helpAsked ? rest : intent;
  return rest.kind === 'unclear' || rest.kind === 'failure' || rest.kind === 'greeting' ? intent : rest;
}

/** Where thanks or praise before a follow-up ends: a comma, a dash or a stop ("great stuff, next one", "ta - the 2nd"). */
const THANKS_BREAK = /[,.!;:–—-]/;
const BREAK_RUN = /^[\s,.!;:–—-]+/;
/** Longest thanks read before a follow-up (characters). */
const MAX_THANKS_LEAD = 60;

/** A follow-up after thanks or praise of its own ("great stuff, next one", "ta, next one"), else `undefined`. */
function followUpAfterThanks(core: string): Intent | undefined {
  const end = core.slice(0, MAX_THANKS_LEAD + 1).search(THANKS_BREAK);
  if (end < 1 || !isGreeting(core.slice(0, end))) return undefined;
  const rest = core.slice(end).replace(BREAK_RUN, '');
  return rest.length > 0 ? parseFollowUp(rest) : undefined;
}

/** Words of a read that only point back ("it", "that one", "this page"). */
const POINTS_BACK = /^(?:(?:it|that|this|them|those|these|one|the|page|doc)(?:\s+|$))+$/i;

/** The search words or page words of a read, if it is one. */
function readWords(intent: Intent): string | undefined {
  if (intent.kind === 'operation' && intent.request.operation === 'search') return intent.request.words;
  if (intent.kind === 'page-by-name' && intent.request.operation === 'get') return intent.request.ref.words;
  return undefined;
}

/** The space of a read (a search's, or a page's named or titled), if it has one. */
function readSpace(intent: Intent): string | undefined {
  if (intent.kind === 'page-by-name' && intent.request.operation === 'get')
    return intent.request.ref.spaceKey;
  if (intent.kind !== 'operation') return undefined;
  const request = intent.request;
  if (request.operation === 'search') return request.spaceKey;
  return request.operation === 'get' && request.ref.kind === 'title' ? request.ref.spaceKey : undefined;
}

/** Readings small talk run on into a request may have spoilt: a read, nothing, a greeting or a question. */
const RUN_ON_REPLACEABLE = new Set(['unclear', 'failure', 'greeting', 'question', 'search', 'get']);
const RUN_ON_READINGS = new Set(['search', 'get', 'follow-up', 'approvals']);

/**
 * The request asked inside a line of small talk or context with no punctuation ("morning hope ur well
 * can u open the expense policy", "thanks for that now can you search X"), read from where it is asked
 * (`runOnRequestStart`): a read when the whole line read as a read, nothing, a greeting or a question;
 * the question when the whole line read as nothing; a write only when asked ("can you add …") and the
 * whole line read as a read or nothing. Otherwise undefined.
 */
function runOnRequest(
  line: string,
  intent: Intent,
  bodyLines: string,
  contexts: number,
  lineLeads: number,
): Intent | undefined {
  const kind = readingKind(intent);
  if (!RUN_ON_REPLACEABLE.has(kind) || line.length > MAX_CONTEXT_LINE) return undefined;
  const start = runOnRequestStart(line);
  if (start < 0) return undefined;
  const restLine = line.slice(start);
  const rest = interpretUserText(restLine, bodyLines, contexts + 1, lineLeads);
  const restKind = readingKind(rest);
  // "… can you open it": the pronoun points back at what the small talk named; nothing to read on its own.
  if (POINTS_BACK.test(readWords(rest) ?? '')) return undefined;
  // "in OPS can you open the vpn guide": the same read, but the whole line also said where.
  if (restKind === kind && readSpace(intent) !== undefined && readSpace(rest) === undefined) return undefined;
  if (RUN_ON_READINGS.has(restKind)) return rest;
  if (restKind === 'question')
    return ['unclear', 'failure', 'greeting'].includes(kind) ? asQuestion(line, bodyLines) : undefined;
  const asked = /^(?:can|could|would|will)\s/i.test(restLine);
  return asked &&
    (restKind === 'update' || restKind === 'create') &&
    kind !== 'greeting' &&
    kind !== 'question'
    ? rest
    : undefined;
}

/** Emphasis at the end of a line ("… only", "… itself"). */
const EMPHASIS_END = new RegExp(`${TRAILING_EMPHASIS}$`, 'i');

/** Longest line read again without its context sentence (chat is short; a long line is read once). */
const MAX_CONTEXT_LINE = 400;

/** Chat lines of their own before the request read past at most ("ok so\nquick one\n…"; bounded work). */
const MAX_LEAD_IN_LINES = 3;

/** Context sentences dropped one after the other at most (each drop reads the rest again: bounded work). */
const MAX_CONTEXT_SENTENCES = 2;

/** Readings a context sentence may have spoilt: a read, or nothing understood. */
const CONTEXT_REPLACEABLE = new Set(['unclear', 'failure', 'search', 'get']);
const READS = new Set(['search', 'get']);

/**
 * The line up to its last question mark when only thanks, a greeting or emoji follow it ("and for
 * contractors? tysm", "kafka runbook?!! 🙏"): it was asked as a question all the same.
 */
function withoutThanksAfterQuestion(line: string): string {
  const mark = line.lastIndexOf('?');
  if (mark < 0 || mark === line.length - 1) return line;
  const after = line.slice(mark + 1);
  return !/[\p{L}\p{N}]/u.test(after) || isGreeting(after) ? line.slice(0, mark + 1) : line;
}

/**
 * The bot greeted or called by name before the request ("hey bot, any approvals?", "bot: anything for me
 * to approve?"): it says whom the line is for, not that the line is about the bot.
 */
const BOT_ADDRESSED =
  /^\s*(?:(?:hey|hi|hello|hiya|yo|ok|okay|dear|(?:good\s+)?morning|(?:good\s+)?afternoon|(?:good\s+)?evening)\s+)?(?:the\s+)?(?:bot|assistant|confluence\s+(?:bot|assistant))\s*[,!.:;–—-]+\s*/i;

function interpretLine(head: string, bodyLines: string, lineLeads = 0): Intent {
  const line = writtenColon(dropChatResidue(unwrapLine(head.replace(/^\/+\s*/, ''))));
  // "👋", ":wave:", "🙏" alone: a wave or thanks said with an emoji.
  if (isThanksEmoji(head)) return { kind: 'greeting' };
  if (!/[\p{L}\p{N}]/u.test(line)) {
    // "?", "???": only asking, nothing asked about; the help says what can be asked.
    if (/^[?？¿]+$/.test(line.trim())) return { kind: 'help' };
    return failure('I did not catch that. Try one of these commands.');
  }
  if (isGreeting(line)) {
    if (bodyLines.trim().length === 0) return { kind: 'greeting' };
    return interpretAfterGreeting(bodyLines);
  }
  // "thanks for finding it", "thanks, I found it": thanks and a closing that asks for nothing.
  // "great results, thanks", "the first link worked!": what was shown praised, nothing asked.
  if (
    bodyLines.trim().length === 0 &&
    (isThanksClosing(line) || isPraiseOfShown(line) || isPraiseOfWork(line))
  )
    return { kind: 'greeting' };
  // "thanks for searching kafka lag": the search thanked for before it is done.
  const thankedSearch = searchThankedFor(line);
  if (thankedSearch !== undefined) return parseSearchWords(thankedSearch);
  // "ok so long story short\nopen the X": chat on a line of its own leads in to the request after it.
  if (lineLeads < MAX_LEAD_IN_LINES && bodyLines.trim().length > 0 && isLeadInLine(line))
    return interpretAfterGreeting(bodyLines, lineLeads + 1);
  // "quick question", "got a sec?" alone: the request is still to come, so nothing to search for yet.
  // ("last one", "another one" alone are follow-ups, read below.)
  if (bodyLines.trim().length === 0 && isLeadInLine(line) && !parseFollowUp(line.trim()))
    return unclear(line.trim());
  // "Title: Desk Rules\nSpace: OPS\n…": only a new page's fields, no verb (or after a line asking for a page).
  const form = pageForm(line, bodyLines) ?? formBelowAsk(line, bodyLines);
  if (form) return form;
  const core = keepInlineBodyEnd(line, stripPoliteness(line));
  // "and?", "please do the needful": only courtesy and asking words, nothing to act on.
  // "last one pls": courtesy stripping took "last one" for a lead-in ("one last thing"); a follow-up still reads it.
  if (core.length === 0)
    return isGreeting(line)
      ? { kind: 'greeting' }
      : (parseFollowUp(line.trim()) ??
          parseFollowUp(withoutCourtesyAtEnd(line.trim())) ??
          unclear(line.trim()));
  const placedResult = resultWithRemark(core);
  if (placedResult) return placedResult;
  // "show me the Getting Started page", "open the More Info page", "open What's New in 2025": a title in
  // capitals after a read's verb is a page, whatever its words would say alone.
  const titled = titledRead(core);
  if (titled) return titled;
  // "can you dig out the Release Notes 2025.01 page?": a search's verb fetching one page by name.
  const fetched = fetchedPageName(core);
  const fetchedRead = fetched === undefined ? undefined : parseGetTarget(fetched);
  if (fetchedRead?.kind === 'page-by-name') return fetchedRead;
  // "not sure how to use this, any help?": the courtesy taken off may be what says the bot is meant.
  const unaddressed = line.replace(BOT_ADDRESSED, '');
  const help =
    matchHelp(core) ??
    abilityAsked(unaddressed) ??
    helpAboutTheBot(unaddressed) ??
    capabilityHowAsked(unaddressed) ??
    failedTryAsked(unaddressed) ??
    helpInOtherWords(unaddressed) ??
    helpAfterHearsay(unaddressed, (asked) => matchHelp(asked) ?? helpAboutTheBot(asked)) ??
    helpBeforeRemark(unaddressed, (asked) => matchHelp(asked) ?? helpAboutTheBot(asked)) ??
    abilityAsked(youCanAsked(unaddressed) ?? '');
  if (help && isQuestionAfterHelp(line.trim())) return asQuestion(line, bodyLines);
  // "can you help me with my problem?": help with something only pointed at, not with the bot.
  if (help && isPointedHelp(line)) return unclear(core);
  // "can you help me show more results", "Can help me show me what I must approve": a follow-up or the
  // approvals list asked with help's words.
  if (help && !isQuestion(core) && !/\?\s*$/.test(line)) {
    const followUpAsked = parseFollowUp(core);
    if (followUpAsked) return followUpAsked;
    if (isApprovalsRequest(core)) return { kind: 'approvals' };
  }
  if (help) return commandAfterHelp(core, bodyLines, line) ?? { kind: 'help', ...help };
  // "Please tell me, there is approvals for me today?": what courtesy stripping took for a tag may be the ask.
  if (isApprovalsRequest(core) || isApprovalsRequest(line.trim())) return { kind: 'approvals' };
  // "I can't find it anywhere - what's the guest wifi password?": a lament, then a question (nothing to search).
  if (questionAfterLament(line) !== undefined) return asQuestion(line, bodyLines);
  // "second from the bottom": a result counted from the end, no position to open.
  if (isCountedFromEnd(core)) return unclear(core);
  // "open the second one only", "the first one itself": emphasis after a follow-up (Indian English).
  const followUp =
    parseFollowUp(core) ?? parseFollowUp(core.replace(EMPHASIS_END, '')) ?? followUpAfterThanks(core);
  if (followUp) return followUp;
  // "and that one?", "what about this?": a question that only points, nothing named to answer.
  if (isPointedAsk(line.trim()) || isPointedReply(line.trim()) || isPointingQuestion(line.trim()))
    return unclear(core);
  // "the page from yesterday", "open the one you sent me": an earlier result, not a title.
  // "check the numbers on that page from yesterday" too ("what was the page Ana mentioned?" stays a question).
  const earlierPage =
    EARLIER_PAGE_AT_END.test(line.slice(-EARLIER_PAGE_PROBE)) && !isQuestion(core) && !/\?\s*$/.test(line);
  if (BACK_REFERENCE.test(core) || earlierPage) return unclear(core);
  // "that page", "same for the other page", "change it back": only pointing, nothing named; "do it?" stays a question.
  const pointing =
    !/["“”_*`]/.test(core) &&
    (isPointingOnly(core) ||
      isVagueRequest(core) ||
      isNamelessRead(core) ||
      // "please update", "I want to edit": the verb alone, and no edit on the lines after it either.
      isNamelessEdit(core, bodyLines.trim().length === 0 ? 1 : 2));
  // "can you make a new one?": asked of the bot with its question mark, still a request naming nothing.
  const askedToAct = ASKED_TO_ACT.test(line.trim()) && !isQuestion(core);
  if (pointing && (!/\?\s*$/.test(line) || askedToAct) && (!isQuestion(core) || /^(?:do|same)\s/i.test(core)))
    return unclear(core);
  // "make it better", "ok go", "not what I wanted", "do what you did yesterday": no word names anything.
  // "can you do what Ravi asked for yesterday?": a task pointed at by who asked for it, never described.
  if (!/["“”_*`]/.test(core) && (namesNothingAtAll(core, line) || isPointedTask(line))) return unclear(core);
  // "I need a page for X in OPS that says …": a whole new page asked in words the rules read otherwise.
  // The line as typed keeps the wish ("Need page …"); thanks after the page's text are no part of it.
  const newPage = newPageAsked(withoutCourtesyAtEnd(line.trim()), core, bodyLines);
  if (newPage) {
    const ruledCreate = applyRules(baseVerbForm(core), bodyLines);
    return isCreate(ruledCreate) ? ruledCreate! : newPage;
  }
  // "I am searching the page Local Development Setup, where it is?": where the one page sought is.
  const sought = soughtPageAskedWhere(line.trim(), core);
  const wherePageIs =
    (sought === undefined ? undefined : (namedPage(sought) ?? documentNamed(sought))) ??
    pageAfterContext(core) ??
    wherePageIsAsked(core) ??
    pageHadAsked(core) ??
    wherePageLives(core) ??
    pageCalledAsked(core) ??
    pageGivenAsked(line.trim());
  if (wherePageIs) return wherePageIs;
  const reach = HOW_TO_REACH.exec(core);
  const available = reach ? undefined : (IS_AVAILABLE.exec(core) ?? WHAT_PAGE_LOOKS_LIKE.exec(core))?.[1];
  const reached = reach
    ? (namedPage(core.slice(reach[0].length)) ?? documentNamed(core.slice(reach[0].length)))
    : available !== undefined
      ? namedPage(available)
      : undefined;
  if (reached) return reached;
  // "how can I find docs about kafka?", "how do I find anything on X": pages on a topic, so a search.
  const reachedPages = reach ? SEARCHY_QUESTION.exec(core.slice(reach[0].length)) : null;
  if (reach && reachedPages) return parseSearchWords(core.slice(reach[0].length + reachedPages[0].length));
  const where = WHERE_CAN_I_FIND.exec(core);
  // "where do I find the Team Rituals page?", "where can I see the X page": one page named, so it is
  // opened ("where can I see my payslip?" stays a question).
  const whereVerb = where ?? WHERE_CAN_I_SEE.exec(core);
  // "where can I see the expense policy in HR?": a document to see or read is opened too ("where can I
  // find the expense policy" searches; "where can I get the X" may ask how to obtain it).
  const whereSee = !where && whereVerb && !/\sget\s+$/i.test(whereVerb[0]);
  const seen = whereVerb ? core.slice(whereVerb[0].length) : '';
  // "where can I see the kafka runbooks?": several documents, searched for.
  if (whereSee && seen.length <= MAX_PAGE_NAME_LINE && PLURAL_DOCUMENT_NOUN.test(seen))
    return parseSearchWords(seen.replace(/^(?:the|our|any)\s+/i, ''));
  const wherePage = whereVerb ? (namedPage(seen) ?? (whereSee ? documentNamed(seen) : undefined)) : undefined;
  if (wherePage) return wherePage;
  const spaceFirst = spaceThenAsked(core);
  if (spaceFirst) return spaceFirst;
  const searchy =
    SEARCHY_QUESTION.exec(core) ??
    SEARCHY_GUIDE_TO.exec(core) ??
    WIKI_COVERS.exec(core) ??
    SEARCHY_IN_SPACE.exec(core) ??
    where ??
    WHAT_WE_HAVE.exec(core) ??
    WHAT_IS_IN_WIKI.exec(core) ??
    WHERE_CAN_I_SEE_DOCS.exec(core) ??
    THERE_IS_AFTER.exec(core);
  if (searchy) return parseSearchWords(core.slice(searchy[0].length));
  const documented =
    documentedTopic(core) ?? whereKeptTopic(core) ?? topicBeforeNoun(core) ?? spaceBeforeTopic(core);
  if (documented) return parseSearchWords(documented);
  // "I need the X. Can you open it?": the pronoun is the page the lead-in wants.
  const ruled = pointedCommand(line, bodyLines) ?? applyRules(baseVerbForm(core), bodyLines);
  // "is there a way to get a standing desk?", "can I get a second monitor?": no page to open, so asked of
  // the knowledge base.
  if (ruled?.kind === 'unclear' && isAskedWhetherPossible(line)) return asQuestion(line, bodyLines);
  if (ruled) return ruled;
  const fixed = fixVerbTypo(core);
  // "craet page X in OPS: see attached": a mistyped create verb before what is made reads the whole
  // line as a new page, before the words after its colon are tried as a command of their own.
  const mistypedCreate =
    fixed !== undefined && CREATE_FIRST.test(fixed) && !CREATE_FIRST.test(core)
      ? applyRules(fixed, bodyLines)
      : undefined;
  if (mistypedCreate?.kind === 'operation') return mistypedCreate;
  // "Sam is off on Friday, please add that to the on-call rota": the statement is what is added.
  const afterContext = statedCommand(line, bodyLines) ?? lastSentenceCommand(core, bodyLines);
  if (afterContext) return afterContext;
  // "opn the 2nd one": a follow-up whose verb was mistyped, before the verb's own command.
  const typoRuled = fixed
    ? (parseFollowUp(fixed) ?? applyRules(fixed, bodyLines) ?? helpOrApprovals(fixed))
    : undefined;
  if (typoRuled) return typoRuled;
  const moved = rewriteLooseForm(core, WISH_IF.test(line)) ?? verbAfterObject(line, core);
  const movedRuled = moved ? applyRules(moved, bodyLines) : undefined;
  if (movedRuled) return movedRuled;
  // "is there a way to restore a deleted page?": whether it can be done, when no command read it.
  if (WAY_ASKED.test(line.trim())) return asQuestion(line, bodyLines);
  // "add my notes", "delete the page", "move it to ENG": a write no rule read, never words to search for.
  if (isUnreadWrite(line, core)) return unclear(core);
  const named = namedPage(core);
  if (named) return named;
  const bare = bareReference(core);
  if (bare) return bare;
  if (isFillerOnly(core)) return unclear(core);
  // "can u sort that thing out", "do the same for the other one": nothing named to search or ask
  // about; "do it?" stays a question.
  const vague = isVagueRequest(core) && !/\?\s*$/.test(line);
  if (vague && (!isQuestion(core) || /^do\s/i.test(core))) return unclear(core);
  // "according to the handbook how many sick days do we get": the page named as a source, then the question.
  if (QUESTION_AFTER_SOURCE.test(core)) return asQuestion(line, bodyLines);
  const keywords = (isKeywords(core) || isKeywordsBeforeReason(core)) && !hasVerbTypo(core);
  const askedLine = withoutThanksAfterQuestion(line).replace(CAN_TAG, '');
  if (keywords && isKeywordQuery(askedLine, core)) return parseSearchWords(core);
  // "the wifi password?" asks for a value; "the sales playbook" (no question mark) names a page.
  const asked = isQuestion(core) || /\?\s*$/.test(askedLine);
  // "can I have the expense policy?": a document asked for, not a question ("can I have the day off?" stays one).
  const askedForDocument = ASKED_TO_HAVE.test(line.trim()) && namesOneDocument(core);
  // '"Code of Conduct" pls': a title in quotes and capitals, asked for politely, names one page (bare
  // words with a courtesy word stay a search: "OKRs Q2 pls", as "VPN guide pls" in the training set).
  const titleAsked =
    !asked &&
    COURTESY_WORD.test(line) &&
    WHOLLY_QUOTED.test(core) &&
    isTitleInCapitals(core.replace(WHOLLY_QUOTED, '$1'));
  // "Page: Team Rituals": the page named after a label.
  const labelled = PAGE_LABEL.test(core) && !asked;
  // "the API should be called from python": how something is done, asked of the knowledge base.
  const passive = keywords && !asked ? MODAL_PASSIVE.exec(core) : null;
  if (passive)
    return EDIT_PARTICIPLES.has(passive[1]!.toLowerCase()) ? unclear(core) : asQuestion(line, bodyLines);
  const definite =
    keywords && (isDefiniteName(core) || titleAsked || labelled) && (!asked || askedForDocument)
      ? definiteName(core)
      : undefined;
  if (definite) return definite;
  if (isQuestion(askedLine) || isQuestion(core)) return asQuestion(line, bodyLines);
  const quote = readQuoted(core, 0);
  if (quote?.kind === 'unbalanced')
    return failure(`That has an opening ${quote.open} but no closing quote.`, EXAMPLE_COMMANDS);
  if (keywords && EDIT_ON_NEXT_LINE.test(bodyLines)) return parseUpdate('update', core, bodyLines);
  // "our onboarding page needs a refresh": news about a page, no words to search for.
  if (keywords && !isStatementAboutPage(core)) return parseSearchWords(core);
  return unclear(core);
}

function interpret(text: unknown, mentions: unknown): Intent {
  if (typeof text !== 'string') return failure('I can only read text messages.');
  if (text.length > MAX_MESSAGE_LENGTH) {
    return failure(
      `That message is too long (over ${MAX_MESSAGE_LENGTH.toLocaleString('en')} characters). Split a long page body: create the page, then add to it with \`update <page>\` and \`append:\`.`,
    );
  }
  const parsedMentions = mentionsSchema.safeParse(mentions ?? []);
  const knownMentions: MessageMention[] = parsedMentions.success ? parsedMentions.data : [];
  const normalized = normalizeMessage(text, knownMentions);
  if (looksLikeApiToken(normalized.text)) {
    return failure(
      'That message looks like it contains an API token or password, so I ignored it. Delete the message, and have the token revoked and replaced (`/confluence rotate` opens a private form). Never paste tokens in chat.',
      ['/confluence rotate', 'help'],
    );
  }
  // A closing after page lines ("…\nthx", "…\n\nThanks,\nAna") is how the message ends, not a line
  // for the page, unless the page text is itself a letter ("Dear all, …"): then the closing is its own.
  const signedOff = withoutSignOff(withoutMailFooter(normalized.text));
  const message = pageTextIsLetter(signedOff) ? signedOff : withoutClosingLines(signedOff);
  const read = interpretNormalized(message, normalized.mentions);
  // "open the\nVPN Setup Guide": a read wrapped onto a second line is read as one line.
  const intent = wrappedRead(message, read, normalized.mentions) ?? read;
  // "create "Notes" in ENG\nThanks": a request that needs the lines after it keeps them, sign-off or not.
  return intent.kind === 'failure' && message !== normalized.text
    ? interpretNormalized(normalized.text, normalized.mentions)
    : intent;
}

/** A word a request does not end on ("open the", "search for", "could you please"): the line goes on. */
const DANGLING_END =
  /(?:^|\s)(?:how|the|a|an|my|our|your|this|that|for|of|in|on|to|from|about|at|with|and|or|me|us|you|u|please|pls|plz|kindly|can|could|would|open|search|find|show|get|pull|bring|look|up|give|page|pages|called|named|titled|mentioning|regarding|concerning|covering|containing|anything|something)$/i;
/** A second line that starts a request or a question of its own ("open Y", "what about …"). */
const OWN_START =
  /^(?:search|find|open|show|get|pull|bring|look|give|create|make|add|append|update|edit|change|replace|rename|put|write|what|who|where|when|why|how|which|is|are|can|could|would|thanks|thx|also)\b/i;
/** Who or when, in a short line after a read: a story, not the rest of a name ("for my trip", "need it today"). */
const ASKER_OR_TIME = /\b(?:i|i'?m|my|we|us|our|it|today|tomorrow|tonight|now|asap)\b/i;
/** A second line that only says the space ("in OPS", "in HR please"): the read's place, never page text. */
const SPACE_ONLY_LINE = /^in\s+(?:the\s+)?~?[\p{L}\p{N}&]+(?:\s+space)?(?:\s+(?:please|pls|plz))?[\s.!?]*$/iu;
/** Readings a line break may have cut short: a read, or nothing understood. */
const WRAPPABLE = new Set(['unclear', 'failure', 'search', 'get', 'question', 'help']);
const WRAPPED_READINGS = new Set(['search', 'get', 'follow-up', 'approvals', 'help']);

/**
 * A read typed over two lines, as a phone or Shift+Enter wraps it ("open the\nVPN Setup Guide", "search
 * for expense\npolicy", "pull up the On-call\nRota pls"), read as one line when the first line stops on
 * a word no request ends on, or the second is a few words of the name (no story, no request of its
 * own). Only when the two lines read as a read or nothing, and the joined line reads as a read: a write,
 * a question or text for a page is never joined. Two short lines only (bounded work).
 */
function wrappedRead(
  message: string,
  intent: Intent,
  mentions: NormalizedMessage['mentions'],
): Intent | undefined {
  if (!WRAPPABLE.has(readingKind(intent))) return undefined;
  const text = message.trim();
  const newline = text.indexOf('\n');
  if (newline < 0 || text.length > MAX_CONTEXT_LINE || text.indexOf('\n', newline + 1) >= 0) return undefined;
  const first = text.slice(0, newline).trim();
  const second = text.slice(newline + 1).trim();
  // A quote or a "word:" may start text for a page (a Slack ":emoji:" does not).
  const marked = /["“”]|[\p{L}\p{N}]:(?:\s|$)/u.test(text.replace(/:[a-z0-9_+'-]{1,40}:/gi, ''));
  if (first.length === 0 || second.length === 0 || (marked && !SPACE_ONLY_LINE.test(second)))
    return undefined;
  if (isGreeting(first) || isLeadInLine(first) || isGreeting(second)) return undefined;
  const dangling = DANGLING_END.test(first);
  // The name goes on: lower case, a key or a number ("HR", "Q1", "2025.02"), or a title's next word after a capitalised one.
  const nameGoesOn =
    second.split(/\s+/).length <= 6 &&
    !OWN_START.test(second) &&
    !ASKER_OR_TIME.test(second) &&
    (/^(?:\p{Ll}|\p{N}|\p{Lu}[\p{Lu}\p{N}]+\b)/u.test(second) ||
      /(?:\p{Lu}[\p{L}\p{N}-]*|\p{N}[\p{N}.]*)$/u.test(first));
  if (!dangling && !nameGoesOn) return undefined;
  const joined = interpretNormalized(`${first} ${second}`, mentions);
  const kind = readingKind(joined);
  // A question only when the first line stopped short ("what is the\nwifi password?"); one read is not replaced by a question.
  if (kind === 'question') return dangling && !READS.has(readingKind(intent)) ? joined : undefined;
  // "help with\nsearch": help whose topic the break cut off.
  const topicJoined = joined.kind === 'help' && intent.kind === 'help' && !intent.topic && joined.topic;
  return (WRAPPED_READINGS.has(kind) && kind !== readingKind(intent)) || READS.has(kind) || topicJoined
    ? joined
    : undefined;
}

/**
 * A message read as typed, or, when that reading is nothing understood and the first line has an article
 * typed twice ("change the the title of …"), read again with it said once. Only then: a reading that
 * worked keeps the words as typed, and text for a page is never changed by this.
 */
function interpretNormalized(message: string, mentions: NormalizedMessage['mentions']): Intent {
  const intent = interpretMessage(message, mentions);
  const edit = readingKind(intent) === 'update' || intent.kind === 'question';
  if (intent.kind !== 'failure' && intent.kind !== 'unclear' && !edit) return intent;
  const once = withoutDoubledThe(message);
  if (once === message) return intent;
  const readOnce = interpretMessage(once, mentions);
  // "Add the the following to X: …", "replace all the the content of X by: …": an edit read again said once is kept as an edit only.
  return !edit || isEditSaidOnce(message, once, readOnce) ? readOnce : intent;
}

/** A normalised message (its first line the command, the rest its body) as an intent. */
function interpretMessage(message: string, mentions: NormalizedMessage['mentions']): Intent {
  const newline = message.indexOf('\n');
  const headRaw = newline < 0 ? message : message.slice(0, newline);
  const bodyRaw = newline < 0 ? '' : message.slice(newline + 1);
  if (headRaw.length > MAX_COMMAND_LINE_LENGTH) {
    return failure(
      `The first line of that message is too long for me to read as a command (over ${MAX_COMMAND_LINE_LENGTH.toLocaleString('en')} characters). Keep the command on the first line and put page text on the lines after it (Shift+Enter for a new line); ask questions in a sentence or two.`,
    );
  }
  const head = cleanLine(headRaw);
  if (head.length === 0 && bodyRaw.trim().length === 0) {
    return failure('Your message was empty. Try one of these commands.');
  }
  const admin = ADMIN_PREFIX.exec(head);
  const slashTypo = admin ? undefined : SLASH_WORD.exec(head);
  const adminArgs = admin
    ? head.slice(admin[0].length)
    : slashTypo && editDistance(slashTypo[1]!.toLowerCase(), 'confluence', 2) <= 2
      ? head.slice(slashTypo[0].length)
      : undefined;
  if (adminArgs !== undefined) {
    const adminBody = bodyRaw.length > MAX_COMMAND_LINE_LENGTH ? '…' : bodyRaw;
    const fullArgs = adminBody.trim().length > 0 ? `${adminArgs} ${cleanLine(adminBody)}` : adminArgs;
    const result = parseAdminCommand(fullArgs, mentions);
    const userCommand = !head.startsWith('/') && result.kind === 'admin-invalid';
    if (!userCommand) return result;
  }
  // "<link> ← open this one pls": a page's link in a line that asks nothing else opens that page.
  const intent = withLinkedPage(
    head,
    interpretUserText(showMentions(head, mentions), showMentions(bodyRaw, mentions)),
  );
  // "we should add more tests to the pipeline": a suggestion that shows no page writes nothing.
  // "I'll update the rota tomorrow", "thanks for updating that": news or chat about a write is no search.
  // "the expense process is such a pain", "I hate the new VPN": an opinion asks for no search or page.
  const hedged =
    memoNotAsked(intent, head) ??
    unshownHedgedWrite(intent, head, bodyRaw) ??
    newsNotAsked(intent, head) ??
    opinionNotAsked(intent, head);
  // "check the numbers on that page from yesterday": an earlier page pointed at, not one named.
  if (
    intent.kind === 'page-by-name' &&
    intent.request.operation === 'get' &&
    POINTED_PAGE.test(head.slice(0, 400)) &&
    !pointsAtDocAbout(head.slice(0, 400))
  )
    return unclear(head);
  // "can you create the page we discussed?": a page never described, not one to ask the title of.
  // "update it with the new numbers", "add it to the rota": an edit of something only pointed at.
  if (intent.kind === 'failure' && (isPointedNewPage(head) || isPointedEdit(head) || isEditByHearsay(head)))
    return unclear(head);
  // "The X page has a mystery title … could you rename it to "Y"": "it" is the page named before.
  // "Nicer if the X page were called Y": a rename wished for. "I think the X ought to …, can you add …": the opinion's lead.
  const pointedBack = ['unclear', 'failure', 'question'].includes(intent.kind)
    ? (editOfPageNamedBefore(head) ?? renameWished(head) ?? withoutOpinionLead(head))
    : undefined;
  const backRead = pointedBack ? interpretUserText(pointedBack, bodyRaw) : undefined;
  if (backRead && readingKind(backRead) === 'update') return backRead;
  if (hedged === 'greeting') return { kind: 'greeting' };
  if (hedged === 'question') return asQuestion(head, bodyRaw);
  return hedged === 'unclear' ? unclear(head) : intent;
}

/**
 * Turns one chat message into an {@link Intent}. Pure and offline; never throws (anything
 * unexpected becomes a `failure`).
 *
 * - Accepts Teams text after the chat edge decoded its entities (once; the parser decodes nothing,
 *   so a typed `&lt;b&gt;` stays literal): a leftover bot `<at>` mention or `@Bot` prefix, Teams'
 *   `<p>`/`<br>` HTML; `<at>Name</at>` tags are resolved against `mentions` (the people other than
 *   the bot), in order.
 * - Linear in the message: longer than {@link MAX_MESSAGE_LENGTH}, or a first line longer than
 *   {@link MAX_COMMAND_LINE_LENGTH}, is a failure saying so; a question reads at most that much of
 *   the following lines. User text quoted back in a message is inline code (see `echoAsCode`).
 * - `/confluence …` (or `confluence <sub-command>`) → `admin` / `admin-invalid`.
 * - User commands and their natural forms → `operation`; pages named by title words →
 *   `page-by-name`; "open the second one", "more" → `follow-up`; "approvals" → `approvals`; help
 *   phrases → `help` with a `HelpTopic`; greetings, thanks and acknowledgements → `greeting`;
 *   questions → `question`; a few bare keywords → a search; anything else → `unclear` with the
 *   likeliest readings as commands (or `failure` with a message and example commands).
 * - Space keys are canonical (`in eng` → `ENG`; personal `~keys` unchanged). Markdown bodies are kept
 *   exactly as given on the lines after the command (only `\r\n` → `\n` and non-breaking spaces →
 *   spaces).
 * - Messages that look like they contain an API token, longer than {@link MAX_MESSAGE_LENGTH}, or
 *   empty are failures whose message never repeats the input.
 */
export function parseMessage(typedText: string, mentions: readonly MessageMention[] = []): Intent {
  try {
    const text = withoutWholeEmphasis(typedText);
    const readTyped = (typed: string) =>
      withoutEditOfNewPage(readRephrasingCreate(typed, (line) => interpret(line, mentions)));
    const read = (typed: string) => readRephrasingEdit(typed, readTyped);
    return withQuotedEmoji(
      withoutAskingMark(withoutCourtesyInUpdatedName(read(text), text, read), text),
      text,
    );
  } catch {
    return failure('Sorry, I could not read that message. Try one of these commands.');
  }
}
