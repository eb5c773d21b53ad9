import { keywordQueryWords } from './keywords-in-space.js';
import { isStatementAboutPage } from './page-statement.js';
import { HINDI_DO, HINDI_SEARCH } from './search-verbs-after.js';
import { ASK_TO_FIX_AT_END, oldLikeNew, SHOULD } from './stated-replace.js';
import { withoutWhenAtEnd } from './when-phrase.js';

/*
 * Requests in looser word orders than the command rules read: the thing first and the verb after
 * it ("the page Benefits & Perks FAQ, open it"), a few keywords with a question mark ("kafka
 * runbook?"), a definite "the …" with no verb ("the sales playbook"). Each is one bounded match.
 */

/** Longest object before a trailing verb that is moved to the front (characters). */
const MAX_OBJECT_FIRST = 300;

/**
 * "<page>, open it", "<words> - can you search for it", "<page>, you can show me it": the object
 * first, then a verb and a pronoun standing for it (non-native and chatty word order). Matched at
 * the end of the line only; the object is what comes before the comma or dash.
 */
const TRAILING_VERB =
  /(?:,|\s[-–—]|\s(?:<-+|←|⬅️?|👈))\s*(?:(?:(?:can|could|would)\s+(?:you|u)|(?:you|u)\s+can)\s+)?(?:please\s+|pls\s+)?(open|show|get|find|search(?:\s+for)?|look\s+for|display|pull\s+up|bring\s+up)\s+(?:(?:me|us)\s+)?(?:it|(?:this|that)(?:\s+one)?|them|one)(?:\s+(?:for\s+me|to\s+me|up))?$/i;

/** "<page> - open pls", "<page>, open": a verb of opening after the object, with no pronoun. */
const TRAILING_OPEN =
  /(?:,|\s[-–—]|\s(?:<-+|←|⬅️?|👈))\s*(?:(?:(?:can|could|would)\s+(?:you|u)|(?:you|u)\s+can)\s+)?(?:please\s+|pls\s+)?(open|show|display|pull\s+up|bring\s+up)(?:\s+(?:for\s+me|to\s+me|up))?$/i;

/**
 * "<words> - search", "<words>, search pls", "<words>, can you search?", "<words> search karo" (Hindi/Urdu "do a search"), "<words>
 * dhundo": a search verb after its topic. A bare "<words> search" is left alone ("full text search" is a topic).
 */
/** Longest line read as "<words> - search pls": the topic is short, like any typed search. */
const MAX_TRAILING_SEARCH_LINE = 200;
const TRAILING_SEARCH = new RegExp(
  String.raw`(?:(?:,|\s[-–—])\s*(?:(?:(?:can|could|would)\s+(?:you|u)|(?:you|u)\s+can)\s+)?(?:(?:please|pls|plz|kindly)\s+)?(?:search|look\s*up|find)(?:\s+(?:it\s+)?(?:please|pls|plz|for\s+me|thanks|thx))?|\s+(?:search|find|look\s*up)\s+(?:${HINDI_DO.join('|')})|\s+(?:${HINDI_SEARCH.join('|')})(?:\s+(?:${HINDI_DO.join('|')}))?)(?:\s+(?:na|pls|please|plz|ji))?$`,
  'i',
);

/** The verb after the object ("…, open it", "… - open", "… search karo") and where its clause starts, or `undefined`. */
export function trailingVerb(text: string): { verb: string; index: number } | undefined {
  const match = TRAILING_VERB.exec(text) ?? TRAILING_OPEN.exec(text);
  if (match && match.index > 0 && match.index <= MAX_OBJECT_FIRST)
    return { verb: match[1]!, index: match.index };
  const search = text.length <= MAX_TRAILING_SEARCH_LINE ? TRAILING_SEARCH.exec(text) : null;
  if (!search || search.index === 0) return undefined;
  return { verb: 'search for', index: search.index };
}

/** The line with a trailing "…, open it" moved to the front ("open <page>"), or `undefined`. */
function moveTrailingVerb(core: string): string | undefined {
  const trailing = trailingVerb(core);
  return trailing ? `${trailing.verb} ${core.slice(0, trailing.index).trim()}` : undefined;
}

/**
 * "what's the link to X", "where's the URL for X", "anyone have the link to X", "who's got the link for
 * X", "tell me the Confluence link of X": asking for a page's link, of the bot or of the channel, opens the page.
 */
const LINK_QUESTION =
  /^(?:what'?s|whats|what\s+is|where'?s|wheres|where\s+is|got|have\s+you\s+got|do\s+you\s+have|any|is\s+there|(?:does\s+|do\s+)?(?:any\s?one|anybody|someone|somebody|u|ya)\s+(?:have|has|got)|(?:has|have)\s+(?:any\s?one|anybody|someone|somebody)\s+got|who(?:'?s|\s+has|\s+have)(?:\s+got)?|(?:tell|give|send|share\s+with)\s+(?:me|us))\s+(?:the\s+|a\s+)?(?:(?:confluence|wiki|page|direct|web)\s+)?(?:link|url)\s+(?:to|for|of)\s+(?=\S)/i;

/** "url of the expense policy": the page's link without a verb. */
const LINK_OF = /^(?:the\s+)?(?:link|url)\s+(?:to|of|for)\s+(?=\S)/i;
/**
 * "vpn guide link": the page's name, then "link" (at most a title's length before it). "got the link?",
 * "anyone have a link": an article or a pronoun right before "link" leaves no name (the page was said before).
 */
const LINK_AFTER =
  /(?<!(?:^|\s)(?:the|a|an|that|this|your|ur|my|our|its|his|her|their|any|some))\s(?:link|url)$/i;

/** "this line:", "the following lines:" (a colon after them): the lines named, then given. */
const NAMED_LINES = String.raw`(?:(?:this|these|the\s+following)\s+(?:new\s+)?(?:line|note|sentence|bullet|paragraph|entry|item|point)s?(?:\s+(?:also|too|as\s+well))?|(?:an?|one|some)\s+(?:new\s+|short\s+)?(?:line|note|sentence|bullet|paragraph|entry|item|point|bit)s?\s+(?:about|on|re|regarding|for)\s+[^:\n]{1,60}?)\s*:`;
const NAMED_LINES_FIRST = new RegExp(`^${NAMED_LINES}\\s*`, 'i');

/** "a section "Linux"", "a new "FAQ" section": a section named in quotes, as what a page needs (lookahead source). */
const SECTION_NAMED = String.raw`an?\s+(?:new\s+)?(?:section\s+(?:(?:called|named|titled)\s+)?["“]|["“][^"”\n]{1,80}["”]\s+section\b)`;

/**
 * "the VPN Setup Guide needs a line saying …", "the rota should say that …", "(I'd like) the X to
 * say …": the page as the subject of what it needs. The page is at most a title's length; what
 * follows is the edit.
 */
const PAGE_NEEDS = new RegExp(
  String.raw`^((?:the|our)\s[^,]{1,120}?)(?:\s+(?:is|are)\s+(?:wrong|outdated|incorrect|out\s+of\s+date)\b[^,]{0,60},\s*(?:but\s+)?(?:it|this|that)?)?\s+(?:(needs|need|should\s+(?:have|get)|could\s+use|must\s+have)\s+(?:(?:one\s+more|another|an\s+extra|a\s+further)\s+(?=(?:line|note|sentence|bullet|paragraph|entry|item|point)\b)|(?=an?\s+(?:new\s+)?(?:line|note|sentence|bullet|paragraph|entry|item|point)\b|${NAMED_LINES}|${SECTION_NAMED}))|(?:should|must|needs\s+to|ought\s+to|has\s+to|to)\s+(?:also\s+)?(?:say|mention|include|note|read)(?:\s*:\s*|\s+)(?:that\s+)?)(?=\S)`,
  'i',
);
/**
 * "(it would be great if) the X said …", "(I would like) that the X says …", "(I want) that the X says also: …": the page as the subject
 * of a wish. Only after such a wish: on its own ("the handbook said 25 days", "the handbook says …")
 * it reports what a page says, not a change.
 */
const PAGE_SAID =
  /^(?:(?:i|we)\s+(?:really\s+)?wish\s+)?(?:that\s+)?((?:the|our)\s.{1,120}?)\s+(?:also\s+)?(?:said|says|mentioned|mentions|included|includes|had|has|have)(?:\s+also)?(?:\s*:\s*|\s+)(?:that\s+)?(?=\S)/i;

/**
 * "can the rota say that …", "make the VPN Setup Guide say …" ("… saying …", as non-native speakers put it),
 * "let our policy mention …": asking for
 * the page to say something ("can the guide say which ports …?" asks what it says: a question). The
 * page is named with "the"/"our", at most a title's length.
 */
const PAGE_TO_SAY =
  /^(?:can|could|make|let|have|get|(?:make\s+sure|ensure)(?:\s+that)?)\s+((?:the|our)\s.{1,120}?)\s+(?:to\s+)?(?:also\s+)?(?:says?|saying|mentions?|includes?|reads?)\s+(?:that\s+)?(?!(?:which|who|what|how|when|where|why|whether|if|anything|something)\b)(?=\S)/i;
/**
 * "Team Rituals should also mention that demos are on Thursday": a title in capitals with no "the",
 * ending in a document's noun (a person's name is no page), as the subject of the wish.
 */
const TITLE_SHOULD_SAY =
  /^([A-Z][^\s,:]{0,40}(?:\s[^\s,:]{1,40}){0,6}?)\s+(?:should|must|needs\s+to|ought\s+to|has\s+to)\s+(?:also\s+)?(?:say|mention|include|note|state)(?:\s*:\s*|\s+)(?:that\s+)?(?=\S)/;
/**
 * "Team Rituals needs a line: …": a bare page name as the subject of "needs a line". The name holds no
 * sentence end or spaced dash: "small ask — the X needs a line …" leads in before the page.
 */
const NAME_NEEDS_LINE = new RegExp(
  String.raw`^(\S(?:(?![.!?]\s|\s[-–—]\s|[—–])[^\n]){0,120}?)\s+(?:needs|could\s+use|should\s+(?:have|get))\s+(?:(?:one\s+more|another|an\s+extra|a\s+further)\s+(?=(?:line|note|sentence|bullet|paragraph|entry)\b)|(?=an?\s+(?:new\s+)?(?:line|note|sentence|bullet|paragraph|entry)\b|${NAMED_LINES}))`,
  'i',
);

/**
 * "fire drill page needs updating: meet at 10", "team rituals needs a tweak - standup moved": the page as the
 * subject, then the edit after the colon (or dash; a comma only after "updating" or "a fix").
 */
const NAME_NEEDS_UPDATE =
  /^(\S.{0,120}?)\s+(?:needs|need|wants)\s+(?:(?:updating|an\s+update|to\s+be\s+updated|a\s+fix|fixing)\s*(?=:|\s[-–—]\s|,\s*\S)|a\s+(?:(?:small|quick|tiny|little)\s+)?(?:fix|tweak|update)\s*(?=:|\s[-–—]\s))/i;
/**
 * "(gonna) need the X updated: …", "can the X be updated to say …?", "(can you) get Team Rituals updated
 * with: …": the page as the object or subject of an update; read as "update the X …".
 */
const PAGE_UPDATED =
  /^(?:(?:(?:can|could|would)\s+(?:we|i|you|u)\s+)?(?:get|have)\s+(\S[^:,\n]{0,120}?)\s+(?:updated|changed|edited|amended)(?=\s*[:\-–—]|\s+(?:with|to\s+(?:say|read|mention|include|state))\b)|(?:(?:i'?m\s+|we'?re\s+)?gonna\s+|i\s+|we\s+)?(?:need|want|would\s+like|'d\s+like)\s+((?:the|our)\s[^:,]{1,120}?)\s+(?:updated|changed|edited|amended)(?=\s*[:,\-–—]|\s+(?:with|to\s+(?:say|read|mention|include|state))\b)|(?:can|could|would)\s+((?:the|our)\s[^:,]{1,120}?)\s+(?:please\s+)?be\s+(?:updated|changed|edited|amended)(?=\s*:|\s+(?:with|to\s+(?:say|read|mention|include|state)|so\s+(?:that\s+)?it)\b))/i;

/**
 * "the reading list should be called Books": a rename with the page as the subject ("the API should be called
 * from python" says how, not a name).
 */
const PAGE_CALLED =
  /^((?:the|our)\s.{1,120}?)\s+(?:should|must|needs\s+to|has\s+to)\s+be\s+(?:called|named|titled|renamed(?:\s+to)?|retitled(?:\s+to)?)\s+(?!(?:from|by|in|on|with|at|for|via|when|if|after|before)\b)(?=\S)/i;

/** "could the fire drill page be renamed to Evacuation": asking for a rename, the page as the subject. */
/** "give the X a new title: Y", "the X needs a new name: Y": a rename with the new title after it. */
const NEW_TITLE_FOR =
  /^(?:give\s+(\S.{0,120}?)|((?:the|our)\s.{1,120}?)\s+(?:needs|should\s+get|could\s+use|gets?))\s+an?\s+(?:new|better|different)\s+(?:title|name)\s*(?::|,|-)?\s+(?=\S)|^(?:the\s+)?new\s+(?:title|name)\s+(?:of|for)\s+(\S.{0,120}?)\s*:\s*(?=\S)/i;
const PAGE_BE_RENAMED =
  /^(?:can|could|would)\s+((?:the|our)\s.{1,120}?)\s+be\s+(?:renamed|retitled)(?:\s+(?:to|as|into))?\s+(?=\S)/i;
/**
 * "could the holiday calendar page be called Holidays 2027 instead?": only a page by its noun, and a
 * name after it ("can the API be called from python?" asks about something else).
 */
const PAGE_BE_CALLED =
  /^(?:can|could|would)\s+((?:the|our)\s.{0,120}?\b(?:page|doc|document|article|rota|policy|guide|calendar|checklist|runbook|handbook|playbook|process|schedule|notes|plan|faq|list))\s+be\s+(?:called|named|titled)\s+(?!(?:from|by|in|on|with|at|for|via|when|if|after|before|to)\b)(?=\S)/i;
/**
 * "Team Rituals should be called Team Habits", "Can Team Rituals be renamed as Team Habits": the same renames
 * with a title in capitals and no "the" as the subject (a page only when it reads like one: {@link PAGE_LIKE}).
 */
const TITLE_CALLED =
  /^(?:(?:[Cc]an|[Cc]ould|[Ww]ould)\s+([A-Z][^\s,:]{0,40}(?:\s[^\s,:]{1,40}){0,6}?)\s+be\s+(?:renamed|retitled|called|named|titled)|([A-Z][^\s,:]{0,40}(?:\s[^\s,:]{1,40}){0,6}?)\s+(?:should|must|needs\s+to|has\s+to)\s+be\s+(?:called|named|titled|renamed|retitled))(?:\s+(?:to|as|into))?\s+(?!(?:from|by|in|on|with|at|for|via|when|if|after|before)\b)(?=\S)/;
/**
 * "would be nice if Team Rituals was called "X"", "better if the rota were named Y", "I wish the X was called Y":
 * a new title wished for the page (a title in capitals only when it reads like a page: {@link PAGE_LIKE}).
 */
export const WISHED_CALLED =
  /^(?:(?:i\s+think\s+)?(?:(?:it'?d|it\s+would|would|that'?d|it\s+will|it'?s|its|it\s+is)\s+be\s+|it'?s\s+|its\s+)?(?:(?:really|so|much|way)\s+)?(?:great|nice|good|better|cool|ideal|lovely|best|clearer|neater)\s+if|(?:i|we)\s+(?:really\s+)?wish(?:\s+that)?|if\s+only)\s+((?:the|our)\s.{1,120}?|[A-Z][^\s,:]{0,40}(?:\s[^\s,:]{1,40}){0,6}?)\s+(?:was|were|is|got|could\s+be|would\s+be)\s+(?:called|named|titled|renamed(?:\s+(?:to|as))?|retitled(?:\s+(?:to|as))?)\s+(?!(?:from|by|in|on|with|at|for|via|when|if|after|before)\b)(?=\S)/i;
/** "… - can you rename it?", ". Rename it?", ", rename please": the rename asked after the wished title, no part of it. */
const RENAME_ASKED_AT_END =
  /(?:\s*[,.;!?]+\s*|\s+[-–—]+\s*|\s+)(?:(?:so\s+)?(?:please|pls|plz|kindly)\s+|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?)?(?:(?:rename|retitle)(?:\s+(?:it|this|that|the\s+page))?|(?:change|update|fix)\s+(?:it|that|this))(?:\s+(?:please|pls|plz))?[\s?!.]*$/i;

/**
 * The rename a {@link WISHED_CALLED} match wishes for, as a command the rules read ("rename X to Y"), or
 * `undefined` when the subject is no page.
 */
export function wishedRename(match: RegExpExecArray, rest: string): string | undefined {
  const page = match[1]!;
  if (!/^(?:the|our)\s/i.test(page) && !PAGE_LIKE.test(page)) return undefined;
  const title = rest.replace(RENAME_ASKED_AT_END, '').replace(INSTEAD_AT_END, '').trim();
  return title.length > 0 ? `rename ${page} to ${title}` : undefined;
}
/** "… be called Holidays 2027 instead", "… from now on": when, not part of the new title. */
const INSTEAD_AT_END = /\s+(?:instead|from\s+now\s+on|going\s+forward|(?:from\s+)?today)$/i;

/**
 * "the VPN guide says vpn1 but it should be vpn2", "our rota lists Ana, should say Sam", "Travel Policy
 * says 40 EUR, it should be 45 EUR" (a title in capitals of two words or more without "the"), "In Expense Policy
 * is written 30 days, please change to 60 days" (non-native): a correction
 * with the page as the subject, the old text after "says" and the new after ", (but) (it) should be".
 * Each part is at most a title's or a short text's length; see {@link isLikeForLike}.
 */
const PAGE_SAYS_BUT = new RegExp(
  String.raw`^(?:[Ii]n\s+)?((?:the|our)\s.{1,120}?|[A-Z][^\s,:]{0,40}(?:\s[^\s,:]{1,40}){1,7}?)\s+(?:(?:still|currently|now|only)\s+)?(?:says|said|has|shows|lists|reads|mentions|points\s+to|links\s+to|(?:it\s+)?is\s+(?:still\s+)?written)\s+(.{1,120}?)(?:\s+(?:in\s+it|in\s+there|on\s+it))?(?:\s*[,;.]\s*(?:but\s+)?|\s+but\s+|\s+[-–—]\s*)(?:(?:it\s+|that\s+)?(?:${SHOULD}|must|needs\s+to)\s+(?:be|say|read)|(?:it'?s|it\s+is|that'?s)\s+actually|(?:(?:so\s+)?(?:please|pls|plz|kindly)\s+|(?:can|could|would|will)\s+(?:you|u|someone)\s+(?:please\s+|pls\s+)?)?(?:(?:change|update|correct|fix|switch|set)\s+(?:(?:that|it|this)\s+)?(?:to|into)|(?:swap|replace)\s+(?:that|it|this)\s+(?:for|with)|(make)\s+(?:that|it|this)))\s+(\S.{0,119})$`,
  'i',
);
/** A title without "the" ends in a document's noun ("Travel Policy", "On-call Rota"), unlike a person's name. Kept as data. */
const DOCUMENT_NAME_END =
  /\s(?:policy|guide|rota|process|procedure|runbook|playbook|handbook|checklist|notes|faq|page|doc|plan|wiki|template|schedule|calendar|setup|rituals|overview|manual|instructions|roadmap|strategy|standards|rules)$/i;
/**
 * A title in capitals whose words are joined by "and", "&" or "of" ("Pricing and Discounts", "Benefits &
 * Perks", "Code of Conduct"): a document's name, where two names alone may be a person's.
 */
const JOINED_TITLE = /^[A-Z][^\s,:]{0,40}\s(?:and|&|of)\s[A-Z][^\s,:]{0,40}(?:\s[^\s,:]{1,40}){0,5}$/;
/** A statement rather than a figure or a name ("remote work is fine"): not old text to replace. */
const STATEMENT_WORD =
  /\b(?:is|are|was|were|be|been|has|have|had|should|will|would|can|could|may|must|do|does|did)\b/i;

/**
 * Old and new text of a stated correction look alike: both hold a digit ("25 days" → "30 days"), or
 * both are a few words that state nothing ("vpn1" → "vpn2", "Ana" → "Sam").
 */
function isLikeForLike(old: string, replacement: string): boolean {
  if (/\d/.test(old) && /\d/.test(replacement)) return true;
  const short = (text: string) => text.split(/\s+/).length <= 3 && !STATEMENT_WORD.test(text);
  return short(old) && short(replacement);
}

/** Both texts are values of one kind: both quoted, both hold a digit, or both an address or host with dots. */
function isValueLikeValue(old: string, replacement: string): boolean {
  const both = (pattern: RegExp) => pattern.test(old) && pattern.test(replacement);
  return both(/^["“‘']/) || both(/\d/) || both(/^\S+\.\S+$/);
}

/**
 * "the team rituals page title should be Team Habits", "the title of Team Rituals to be Team Habits",
 * "make the title of the X page "Y"": a rename named by the title.
 */
const TITLE_SHOULD_BE =
  /^(?:(?:make|set)\s+)?(?:(?:the\s+)?(?:title|name)\s+(?:of|for)\s+(\S.{0,120}?)|((?:the|our)\s.{1,120}?)(?:['’]s)?\s+(?:title|name))\s+(?:(?:should|must|needs\s+to|has\s+to)\s+(?:be\s+changed\s+to|change\s+to|be|become)|to\s+be|be|to|as)\s+(?=\S)|^(?:make|set)\s+the\s+(?:title|name)\s+of\s+(\S.{0,120}?)\s+(?=["“])/i;

/**
 * "the Desks section of the office guide should say: …", "the "Parking" section of X needs to say: …":
 * a section edit stated as a need, the heading and the page each at most a title's length.
 */
const SECTION_SHOULD_SAY =
  /^(?:the\s+)?["“]?([^"“”\n]{1,80}?)["”]?\s+(?:section|part)\s+(?:of|in|on)\s+(\S.{0,120}?)\s+(?:should|must|needs\s+to|has\s+to)\s+(?:now\s+)?(?:(?:say|read)\s*:?|be\s*:)\s*(?=\S)/i;
/** "in the office guide, the parking part should say …": the page first, then its part and the wish. */
const PAGE_THEN_SECTION_SHOULD_SAY =
  /^(?:in|on)\s+(?:the\s+)?(\S[^,\n]{0,120}?),\s+(?:the\s+)?["“]?([^"“”\n,]{1,80}?)["”]?\s+(?:section|part|bit|heading)\s+(?:should|must|needs\s+to|has\s+to)\s+(?:now\s+)?(?:say|read)\s*:?\s*(?=\S)/i;

/** A page named by a page or document noun, or a title in capitals ("the rota", "the Team Rituals"). */
export const PAGE_LIKE =
  /\b(?:page|pg|doc|document|wiki|rota|policy|guide|calendar|checklist|runbook|handbook|process|procedure|schedule|notes|list|faq|plan|playbook|template|charter|roadmap|overview|manual|instructions)\b|\s[A-Z]/;

/** The page-as-subject edit rewritten page first ("in <page>, add …"), or `undefined`. */
function pageNeedsEdit(core: string, afterWish: boolean): string | undefined {
  const title = TITLE_SHOULD_BE.exec(core);
  if (title) return `rename ${title[1] ?? title[2] ?? title[3]} to ${core.slice(title[0].length)}`;
  const saysBut = PAGE_SAYS_BUT.exec(core);
  const replacement = saysBut ? saysBut[4]!.replace(ASK_TO_FIX_AT_END, '') : '';
  // "the rota has Sam on week 12 but it should be Priya": a time after the old text (none after the new) says where it stands.
  const oldText =
    saysBut && withoutWhenAtEnd(replacement) === replacement ? withoutWhenAtEnd(saysBut[2]!) : saysBut?.[2];
  const correction = saysBut && [saysBut[0], saysBut[1], oldText!, saysBut[3], replacement];
  // "… but it should be vpn2 for everyone?" asks; it changes nothing.
  // "… - please make it better" wishes, it names no new text: after "make it" only a value like the old one counts.
  const madeValue = correction?.[3] === undefined || isValueLikeValue(correction[2]!, correction[4]!);
  if (
    correction &&
    madeValue &&
    !/\?\s*$/.test(core) &&
    (/^(?:the|our)\s/i.test(correction[1]!) ||
      DOCUMENT_NAME_END.test(correction[1]!) ||
      // "Sam and Ana said …": people say, a document says.
      (JOINED_TITLE.test(correction[1]!) &&
        !/^\s+(?:\S+\s+)?said\s/.test(core.slice(correction[1]!.length)))) &&
    isLikeForLike(correction[2]!, correction[4]!)
  )
    return `in ${correction[1]}, replace ${oldLikeNew(correction[2]!, correction[4]!)} with ${correction[4]}`;
  const newTitle = NEW_TITLE_FOR.exec(core);
  if (newTitle)
    return `rename ${newTitle[1] ?? newTitle[2] ?? newTitle[3]} to ${core.slice(newTitle[0].length)}`;
  const section = SECTION_SHOULD_SAY.exec(core);
  if (section) return `update section "${section[1]}" of ${section[2]}: ${core.slice(section[0].length)}`;
  const pageFirst = PAGE_THEN_SECTION_SHOULD_SAY.exec(core);
  if (pageFirst)
    return `update section "${pageFirst[2]}" of ${pageFirst[1]}: ${core.slice(pageFirst[0].length)}`;
  const called = PAGE_CALLED.exec(core) ?? PAGE_BE_RENAMED.exec(core) ?? PAGE_BE_CALLED.exec(core);
  if (called) return `rename ${called[1]} to ${core.slice(called[0].length).replace(INSTEAD_AT_END, '')}`;
  const titled = TITLE_CALLED.exec(core);
  const titledPage = titled ? (titled[1] ?? titled[2])! : '';
  if (titled && PAGE_LIKE.test(titledPage))
    return `rename ${titledPage} to ${core.slice(titled[0].length).replace(INSTEAD_AT_END, '')}`;
  // "it would be great if the rota said …" (a page); "… if the canteen had more options" is a wish about a thing.
  const wished = afterWish ? PAGE_SAID.exec(core) : null;
  const said = wished && PAGE_LIKE.test(wished[1]!) ? wished : null;
  // "… if the X had this line too: …": the lines named, then given after the colon.
  const saidLines = said ? NAMED_LINES_FIRST.exec(core.slice(said[0].length)) : null;
  if (said && saidLines) return `in ${said[1]}, add: ${core.slice(said[0].length + saidLines[0].length)}`;
  // "I wish the handbook had more on X": a wish for more, no text to add.
  if (said && /^(?:more|less|something|anything|nothing)\b/i.test(core.slice(said[0].length)))
    return undefined;
  if (said) return `in ${said[1]}, add a line saying ${core.slice(said[0].length)}`;
  const updated = PAGE_UPDATED.exec(core);
  if (updated) return `update ${updated[1] ?? updated[2] ?? updated[3]}${core.slice(updated[0].length)}`;
  const titleSays = TITLE_SHOULD_SAY.exec(core);
  if (titleSays && DOCUMENT_NAME_END.test(titleSays[1]!))
    return `in ${titleSays[1]}, add a line saying ${core.slice(titleSays[0].length)}`;
  const toSay = PAGE_TO_SAY.exec(core);
  if (toSay) return `in ${toSay[1]}, add a line saying ${core.slice(toSay[0].length)}`;
  const needsUpdate = NAME_NEEDS_UPDATE.exec(core);
  if (needsUpdate) return `update ${needsUpdate[1]}${core.slice(needsUpdate[0].length)}`;
  const match = PAGE_NEEDS.exec(core);
  const bare = match ? null : NAME_NEEDS_LINE.exec(core);
  // "X needs this line: …": the lines named, then given after the colon.
  const given = (rest: string) => {
    const named = NAMED_LINES_FIRST.exec(rest);
    return named ? `: ${rest.slice(named[0].length)}` : ` ${rest}`;
  };
  if (bare) return `in ${bare[1]}, add${given(core.slice(bare[0].length))}`;
  if (!match) return undefined;
  const named = NAMED_LINES_FIRST.test(core.slice(match[0].length));
  if (named) return `in ${match[1]}, add${given(core.slice(match[0].length))}`;
  const rest = core.slice(match[0].length);
  // "the Expense Policy should say more about taxis": a wish for more, not text to add.
  if (/^(?:more|less|something|anything|nothing)\b/i.test(rest)) return undefined;
  return match[2] ? `in ${match[1]}, add ${rest}` : `in ${match[1]}, add a line saying ${rest}`;
}

/**
 * The line as a command the rules read, when it is a looser form of one (see TRAILING_VERB,
 * LINK_QUESTION, PAGE_NEEDS, and PAGE_SAID when `afterWish`: the line began "it would be great
 * if …"); `undefined` otherwise.
 */
export function rewriteLooseForm(core: string, afterWish = false): string | undefined {
  const link = LINK_QUESTION.exec(core) ?? LINK_OF.exec(core);
  if (link) return `open ${core.slice(link[0].length)}`;
  const linkAfter = LINK_AFTER.exec(core);
  // "the Team Rituals page has the wrong link": a statement about the page ends on "link", asks for none.
  if (linkAfter && linkAfter.index > 0 && !isStatementAboutPage(core))
    return `open ${core.slice(0, linkAfter.index)}`;
  return pageNeedsEdit(core, afterWish) ?? moveTrailingVerb(core);
}

/** Most words of a keywords-and-question-mark search ("kafka runbook?"). */
const MAX_QUERY_WORDS = 4;
/**
 * Most words when the last names a kind of document ("tf remote state locking docs?"): the noun says pages
 * are sought, so a longer topic before it is still keywords.
 */
const MAX_DOCUMENT_QUERY_WORDS = 7;
/** Nouns for documents, ending such a query. Kept as data. */
const DOCUMENT_QUERY_NOUN =
  /^(?:docs?|documents?|documentation|pages?|guides?|runbooks?|playbooks?|wiki|articles?|notes|how-?tos?|faqs?)$/i;
/**
 * Words that make a short line with a question mark a real question ("and for contractors?",
 * "is it open?"): function words, pronouns and question words.
 */
const QUESTION_WORDS = new Set(
  (
    'a an the and or but for to of in on at by with about from as if so than then what which who whom whose ' +
    'when where why how is are was were be been am do does did can could should would will shall may might ' +
    'must has have had i me my we us our you your he she it its they them their this that these those there ' +
    'not no yes any some all more less too also only just same else other ' +
    // Question words of other languages people ask in ("¿cómo …?", "Wie …?", "Où …?").
    'cómo como qué dónde donde cuándo cuál cuáles quién wie wo wann wer warum welche welcher welches où quand quel quelle quels pourquoi combien ' +
    // Their articles: "Comment demander un congé ?" is a sentence, not keywords ("comment" is English too).
    'un une des du les los las una ein eine einen der die das'
  ).split(' '),
);

/**
 * True for a few content words with a question mark ("kafka runbook?", "PTO?"): keywords
 * typed as a question, meaning a search. `core` is the line without courtesy and punctuation.
 */
export function isKeywordQuery(line: string, core: string): boolean {
  if (!/\?\s*$/.test(line)) return false;
  const typed = core.split(/\s+/).filter((word) => word.length > 0);
  // "_… docs_?": marks of Slack or Teams formatting around the last word are no part of it.
  const last = (typed[typed.length - 1] ?? '').replace(/[_*~`]+/g, '');
  const most = DOCUMENT_QUERY_NOUN.test(last) ? MAX_DOCUMENT_QUERY_WORDS : MAX_QUERY_WORDS;
  const words = keywordQueryWords(core)
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (words.length === 0 || words.length > most) return false;
  return words.every(
    (word) => /[\p{L}\p{N}]/u.test(word) && !QUESTION_WORDS.has(word.replace(/^[¿¡]+/, '').toLowerCase()),
  );
}

/** Words after "the" that point at a result, not a page's title ("the last", "the one about …"). */
const DEFINITE_NAME =
  /^(?:the|our)\s+(?!(?:last|first|next|previous|same|other|rest|one|ones|latest|newest|top)\b)\S/i;

/** "the sales playbook", "our expense policy": keywords after a definite article name one page. */
export function isDefiniteName(core: string): boolean {
  return DEFINITE_NAME.test(core);
}
