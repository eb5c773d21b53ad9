import { TEXT_NOUN } from './body-markers.js';
import { isQuestion, stripPoliteness } from './classify-text.js';
import { FUNCTION_WORDS, wordSet } from './closed-words.js';
import {
  PAGE_COMPLAINT,
  parseAddToSaying,
  parseAppendSaying,
  parseArrowThenPage,
  parseChangeIn,
  parseChangeInFigures,
  parseDescribedAppend,
  parsePageFirstEdit,
  parsePageThenColonText,
} from './edit-phrases.js';
import { WHOLE_BODY_EDIT } from './edit-text.js';
import { plainReadVerb } from './informal-reads.js';
import { keyAtEndAsSpace } from './key-at-end.js';
import { isDefiniteName, PAGE_LIKE, rewriteLooseForm, WISHED_CALLED, wishedRename } from './loose-forms.js';
import { isAside } from './name-residue.js';
import { isTitleAfterPageNoun, isTitleShaped } from './page-name.js';
import { parseCreate } from './parse-create.js';
import { parseGetTarget } from './parse-get.js';
import { isSpaceThenTopic, parseSearchWords } from './parse-search.js';
import { POSITION_OWNER, parseUpdate, TEXT_ASKED_FOR, type UpdateMode } from './parse-update.js';
import { isComplaint, isKeywords, unclear } from './readings.js';
import { isUnderIdiom, PART_NOUN } from './section-heading.js';
import {
  acceptSpaceWord,
  readNameFirst,
  readSpaceClause,
  readSpaceName,
  UNDER_NAME_START,
} from './space-key.js';
import { DEPARTMENT_WORD_SOURCE } from './space-names.js';
import { hasFigure, statedReplace, statedWordSwap } from './stated-replace.js';
import { TextCursor } from './text-cursor.js';
import { withoutTextFormat } from './text-format.js';
import type { Intent } from './types.js';

/**
 * One command form: an anchored pattern for how the line starts, and what to make of the rest. The
 * first pattern that matches decides; its handler may still say "not this" (`undefined`).
 */
type Rule = readonly [
  RegExp,
  (rest: string, bodyLines: string, match: RegExpExecArray) => Intent | undefined,
];

/** Verbs that add text to a page ("stick a note on …", "jot down … on …"). */
/**
 * After "put" (its first word): "the link to X here", "a link for X in this chat": a link asked for in the conversation,
 * no text for page X. Kept as a regex source (bounded; the place ends the line).
 */
const LINK_PUT_HERE = String.raw`(?:the\s+|a\s+)?(?:link|url)\s+(?:to|for|of)\s[^:\n]{1,120}?\s(?:(?:in\s+)?here|in\s+(?:the|this)\s+(?:chat|channel|thread|conversation))(?:\s+(?:please|pls|plz))?[\s?!.]*$`;
const APPEND_VERB = String.raw`(?:append|add|attach|tack|slot|put|write(?:\s+down)?|insert|post|stick|pop|chuck|bung|slap|drop|throw|jot(?:\s+down)?|note(?:\s+down)?|mention|include|incorporate|record|enter)`;
/** What is added, named before the text or the page ("a line", "the following note"). */
const ADDED_THING = String.raw`(?:(?:quick|short|small|little|wee|tiny|brief)\s+)?(?:line|note|sentence|bullet|bullet\s+point|paragraph|entry|text|comment|remark|item|point)`;
const QUOTE_AHEAD = `(?=["“‘'«„])`;
/** Words before the page noun that say what kind of page it is ("new", "draft", "new blank"), never a title. */
const PAGE_KIND_WORDS = /^(?:new\s+)?(?:new|draft|blank|empty|simple|basic)$/i;
const PAGE_NOUN =
  /^(?:(?:for\s+)?(?:me|us)\s+)?(?:an?\s+)?(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:child\s+|sub-?)?(?:page|doc|document|article)\b/i;
/** "(a new) OPS page …": a space key in capitals before the page noun (case-sensitive). */
const KEY_PAGE_NOUN =
  /^(?:(?:for\s+)?(?:me|us)\s+)?(?:an?\s+|one\s+)?(?:new\s+)?~?[A-Z][A-Z0-9]{1,9}\s+(?:page|doc|document|article)\b/;
const QUESTION_AFTER_SHOW = /^(?:me\s+|us\s+)?(?:how|what|where|who|why|when|which|if|whether)\b/i;

/**
 * "in ENG search X", "in the HR space, find X", "over in HR can you look for X", "in legal, find X" (a
 * word in lower case only before a comma): the space before a search (moved after it, where the search
 * decides whether it is a key); courtesy between the space and the verb is dropped with it.
 */
const SPACE_FIRST =
  /^(?:[Oo]ver\s+)?(?:[Ii]n|[Oo]n|[Ww]ithin|[Ii]nside|[Ff]rom)\s+(?:the\s+)?(?:space\s+)?(~?[A-Z][A-Z0-9]{1,9}|~\w{1,30}|[a-z]{2,10}(?=\s*,))(?:\s+space)?\s*,?\s+(?:(?:please|pls|plz|kindly|(?:can|could|would)\s+(?:you|u)(?:\s+please)?)\s+)?(?=(?:search|find|look\s+for|look\s+up)\b)/;
/** A word of a space's name: not a preposition, courtesy or a verb of reading ("Search please in Engineering space: …"). */
const NAME_WORD = String.raw`(?!(?:in|on|from|for|to|at|into|please|pls|plz|kindly|search|find|look|open|show|get)\b)[\p{L}&'’]+`;
/** "the people space", "the eng wiki", "People & HR space": a space named in words with its marker. */
const NAMED_SPACE = String.raw`(?:the\s+)?${NAME_WORD}(?:\s+${NAME_WORD}){0,3}?\s+(?:space|wiki)`;
/**
 * A space named in words before a read ("in the people space, find X", "over in the engineering space,
 * can you …", "on the eng wiki, search X", "HR space - search X", "People & HR space: parental leave").
 */
const SPACE_NAMED_FIRST = new RegExp(
  String.raw`^(?:(?:over\s+)?(?:in|on|within|inside|from|for)\s+(${NAMED_SPACE})\s*[,:;\-–—]?|(${NAMED_SPACE})\s*[:\-–—])\s+(?=(?:(?:please|pls|plz|kindly|(?:can|could|would)\s+(?:you|u))\s+){0,2}(?:search|find|look|locate|open|show|get|pull|bring|check|display|view|read|fetch|dig|give)\b|[^\s,:;.!?]+(?:\s+[^\s,:;.!?]+){0,3}[\s.!?]*$)`,
  'iu',
);
/** "… and open it", "… and then show it to me": the thing searched for is to be opened. */
const THEN_OPEN_IT =
  /\s+(?:and|&|n)\s+(?:then\s+)?(?:open|show|pull\s+up|bring\s+up)(?:\s+(?:me|us))?\s+(?:it|that|the\s+page)(?:\s+(?:for|to)\s+(?:me|us))?(?:\s+(?:please|pls|plz))?[\s.!?]*$/i;

/** Words that end in one page's noun ("expense policy page", "the team rituals doc"). */
const PAGE_NOUN_LAST = /^(?:(?:the|our)\s+)?[^\s,:;.!?]+(?:\s+[^\s,:;.!?]+){0,5}\s(?:page|doc)[\s.!?]*$/i;

/** Verbs of reading and searching that may follow a space named first. */
const READ_VERB_FIRST =
  /^(?:search|find|look|locate|open|show|get|pull\s+up|bring\s+up|check|display|view|read|fetch|dig\s+up|give\s+me)\b/i;

/** The read after a space named first, read with "in <space>" at its end; keywords alone are searched there. */
/** "anything on X", "any docs about X", "smth re X": whether pages exist on a topic, asked in few words. */
const PAGES_ASKED_WORDS = String.raw`(?:(?:[Aa]ny|[Ss]ome)\s+)?(?:[Aa]nything|[Ss]omething|smth|sth|[Dd]ocs?|[Pp]ages?|[Ss]tuff|[Ii]nfo|[Dd]ocumentation)\s+(?:on|about|for|re|regarding)\s+\S`;
const PAGES_ASKED = new RegExp(`^${PAGES_ASKED_WORDS}`);

/** Verbs of reading on a topic, not of opening one page ("read up on", "learn about", "research"); kept as data. */
const READ_UP_ON =
  /^(?:read\s+up\s+(?:on|about)|read\s+(?:a\s+bit\s+|some\s+|more\s+|a\s+little\s+)?about|learn\s+(?:a\s+bit\s+|a\s+little\s+|more\s+|some\s+)?about|(?:brush|bone|swot|gen)\s+up\s+on|research|do\s+(?:some\s+)?research\s+on)\s+(?=\S)/i;

/**
 * Thanks said ahead for a search of a topic ("thanks for searching kafka lag", "cheers in advance for
 * searching X"): the search is asked. Thanks for a search of a pronoun ("thanks for searching that") is
 * read earlier as a closing.
 */
const THANKS_FOR_SEARCHING =
  /^(?:thanks|thank\s+(?:you|u)|thx|ty|cheers)\s+(?:in\s+advance\s+)?for\s+searching(?:\s+for)?\s+(?=\S)/i;

/** A space key in capitals said first as a label ("ENG -", "in HR:"), then {@link PAGES_ASKED}. */
const KEY_THEN_PAGES_ASKED = new RegExp(
  String.raw`^(?:(?:[Oo]ver\s+)?(?:[Ii]n|[Oo]n|[Ww]ithin|[Ii]nside|[Ff]rom)\s+)?(?:the\s+)?(~?[A-Z][A-Z0-9]{1,9})(?:\s+[Ss]pace)?\s*[:,\-–—]\s*(?=${PAGES_ASKED_WORDS})`,
  'u',
);

/**
 * Acronyms of kinds of document, typed in capitals as a label ("FAQ: anything on kafka?"): what pages to
 * look for, never a space key there. Kept as data.
 */
const DOCUMENT_KIND_ACRONYMS: ReadonlySet<string> = new Set(
  'FAQ FAQS ADR ADRS RFC RFCS SOP SOPS PRD PRDS HOWTO HOWTOS README'.split(' '),
);

/**
 * One word as a label before {@link PAGES_ASKED} ("Engineering: anything on kafka?", "Kafka - any docs on
 * lag?"); a space's name or a word of the topic, which only the space directory can tell (see space-names.ts).
 */
const WORD_THEN_PAGES_ASKED = new RegExp(
  String.raw`^(\p{Lu}[\p{L}&'’-]{1,30}|(?:${DEPARTMENT_WORD_SOURCE})(?![\p{L}&'’-]))\s*(?::|\s[-–—])\s*(?=${PAGES_ASKED_WORDS})`,
  'u',
);

/** Words said as a label before a request that only introduce it ("Question: anything on X?", "Thanks - any docs on Y?"). Kept as data. */
const LABEL_ASIDES = wordSet(
  'question q quick also btw ps fyi note reminder request ask query update thanks thank thx ty cheers sorry ok okay so and hey hi hello hiya morning afternoon evening team all folks guys bot please pls urgent help',
);

/**
 * The search asked after a label, the label kept before its words as "label: words", so a label that names
 * a space ("Engineering: kafka") is read as one with the directory and any other stays a search word.
 */
function labelledSearch(label: string, rest: string): Intent {
  const found = parseSearchWords(rest);
  if (found.kind !== 'operation' || found.request.operation !== 'search' || found.request.spaceKey)
    return found;
  if (LABEL_ASIDES.has(label.toLowerCase())) return found;
  return { ...found, request: { ...found.request, words: `${label}: ${found.request.words}` } };
}

function readInNamedSpace(rest: string, body: string, space: string): Intent | undefined {
  const command = stripPoliteness(rest);
  if (READ_VERB_FIRST.test(command)) return applyRules(baseVerbForm(`${command} in ${space}`), body);
  // "HR space - expense policy page": one page named by its noun is opened there.
  if (body.trim() === '' && PAGE_NOUN_LAST.test(command)) return parseGetTarget(`${command} in ${space}`);
  // Keywords alone ("People & HR space: parental leave"): at most four words, none of a clause; or
  // whether pages exist on a topic ("ENG: anything on kafka?").
  const keywords =
    body.trim() === '' && (!isQuestion(command) || PAGES_ASKED.test(command)) && !isAside(command);
  // "from the Legal space, the Contract Templates please": one page named with "the", as without the space.
  if (keywords && !PAGES_ASKED.test(command) && isDefiniteName(command)) {
    const read = parseGetTarget(`${command} in ${space}`);
    if (read.kind === 'page-by-name') return read;
  }
  return keywords ? parseSearchWords(`${command} in ${space}`) : undefined;
}

/**
 * "Team Rituals: add a line saying …", "api style guide, append: …": a page name (one sentence), a
 * colon or dash and an edit, or a comma and an "append:"-style keyword.
 */
const PAGE_THEN_EDIT = new RegExp(
  String.raw`^(?=(?:[^:\n.!?]|[.](?!\s)){1,120}?(?:(?::|\s[-–—]|\s-+>|\s→|\s=>)\s*(?:s\/(?=[^/\n]{1,200}\/)|(?:please\s+)?update(?=\s+[^"“\n:]{1,60}?\s(?:to|into)\s)|(?:please\s+)?(?:add|append|put|write|insert|mention|note|replace|change|swap|correct|fix|modify|amend|rename)\b(?!\s+(?:it|that|this|them)\s+(?:down\s+)?(?:to|on|in|into|onto|there)\b)|["“][^"”\n]{1,200}["”]\s*(?:->|→|=>|(?:should|must)\s+(?:be|read|say)\b))|(?:,\s*|\s[-–—]\s*|(?<!\b(?:to|i|we|you|u|and|or|also|just|should|must|can|could|would|will|want|need|needs|an?|the|not|what|how|who|which|where|when|why|pls|please))\s)(?:(?:please|pls|plz|kindly)\s+|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|just\s+)?)?(?:(?:append|add|put|write|insert|note|update)(?:\s+(?:an?\s+|the\s+|this\s+|these\s+)?(?:new\s+)?(?:line|note|bullet|sentence|entry)s?)?(?:\s+(?:pls|please|plz))?\s*:|${WHOLE_BODY_EDIT})))`,
  'i',
);

/**
 * "vpn guide replace vpn1 with vpn2", "the expense policy change 30 days to 45 days" (as typed on a phone): a
 * page of a few words, then with no comma or colon a replace's verb. Bounded runs, anchored.
 */
const PAGE_THEN_BARE_REPLACE =
  /^(?=((?:[^\s:.!?,"“]+\s+){0,5}?[^\s:.!?,"“]+)\s+(?:(?:please|pls|plz)\s+)?(?:replace|change|swap|switch|correct)\s+\S)/i;

/**
 * The replace of a {@link PAGE_THEN_BARE_REPLACE} match: only when the words before the verb name a page (its
 * noun or a title in capitals) and what follows reads as a replace of quoted texts, of figures, or said with
 * "replace … with …"; else `undefined` ("policy change request for laptop" stays a search).
 */
function bareReplaceAfterPage(match: RegExpExecArray, body: string): Intent | undefined {
  if (!PAGE_LIKE.test(` ${match[1]}`) || NOT_A_PAGE_START.test(match[1]!)) return undefined;
  const read = parsePageFirstEdit(match.input, body);
  if (read?.kind !== 'page-by-name' || read.request.operation !== 'update') return undefined;
  const edit = read.request.edit;
  if (edit.kind !== 'replace') return undefined;
  const said = match.input.slice(match[1]!.length);
  const plain =
    /["“‘']/.test(said) ||
    (hasFigure(edit.find) && hasFigure(edit.replaceWith)) ||
    /^\s+(?:(?:please|pls|plz)\s+)?replace\s[^\n]*\swith\s/i.test(said);
  return plain ? read : undefined;
}

/** The edit of a {@link PAGE_THEN_EDIT} line (news before a write names no page), or `undefined`. */
function pageThenEdit(line: string, body: string): Intent | undefined {
  const context = contextThenWrite(line, body);
  return context === 'news' ? undefined : (context ?? parsePageFirstEdit(line, body));
}

/** A page (its noun or a title in capitals), a colon, comma or dash, then one short statement (no question). */
const PAGE_THEN_STATED =
  /^(?:(?:in|on|for)\s+)?([^:\n?,"“]{1,120}?)(?:\s*(?:,|(?<!\d):|:(?!\d))\s*|\s[-–—]+\s*)((?:[^:\n?]|(?<=\d):(?=\d)){1,200})$/i;

/**
 * A page named first, a comma, colon or dash, then a rename of it ("X, rename it to Y", "X - please
 * change the name to Y", "X rename to Y"); the page is at most a title's length and holds no quote or
 * question mark.
 */
const PAGE_THEN_RENAME =
  /^(?:(?:for|in|on)\s+)?([^,:\n"“?]{1,120}?)(?:\s*[,:]\s*|\s+[-–—]+\s*|\s+(?=(?:rename|retitle)\s+(?:(?:it|this|that)\s+)?(?:to|as|into)\s))(?:(?:please|pls|plz|kindly)\s+|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?)?(?:(?:rename|retitle)(?:\s+(?:it|this|that)(?:\s+(?:page|doc|one))?)?|(?:change|set|update|make|switch)\s+(?:(?:the|its|it'?s)\s+)?(?:the\s+)?(?:page\s+)?(?:title|name))\s+(?:to|as|into)\s*:?\s*(?=\S)/i;

/** "<page>('s) (page) title to": the page named before the word "title" and the new title. */
const PAGE_THEN_TITLE = /^(\S.{0,150}?)(?:['’]s)?\s+(?:page\s+)?(?:title|name)\s+(?:to|into|as)\s+/i;

/** "the X page", "the X page in HR": one page named by its title words. */
const ONE_PAGE_NAMED =
  /^(?:the|our)\s+\S.{0,150}?\s(?:page|doc)(?:\s+(?:in|on)\s+(?:the\s+)?~?[A-Za-z0-9]{1,32}(?:\s+space)?)?[\s.!?]*$/i;

/** "change it back", "update that again": an earlier edit undone or repeated, the page only pointed at. */
const UNDO_POINTED = /^(?:it|that|this|them)\s+(?:back|again)(?:\s+(?:please|pls|plz))?\s*$/i;

/** "my bank details", "my address": something of the person's own, with no page word in it. */
const OWN_RECORDS = /^my\s+(?![^:\n]{0,120}\b(?:page|pg|doc|document|article|wiki|notes)\b)/i;

/**
 * "(team, please) add your names: …", "add your ideas: …": people asked to add their own, with no link word
 * and no page word before the colon, so no page is named.
 */
const THEIR_OWN =
  /^(?:your|ur)\s+(?![^:\n]{0,120}\b(?:page|pg|doc|document|article|wiki|notes|to|in|on|into|onto)\b)/i;

/** "<page> that <statement>" before any colon: the statement is what the page should say. */
const STATED_AFTER_PAGE = /^[^:\n]{1,150}?\sthat\s+\S/i;

/** "Contacts section of ": an unquoted section heading, then the page. */
const NAMED_SECTION = new RegExp(String.raw`^([^"“\n]{1,80}?)\s+${PART_NOUN}\s+(?:of|in|on)\s+`, 'i');
/** Where the new section text starts after the page: "with:", "to (say):", a colon, a dash, or "with" alone. */
const SECTION_TEXT_START =
  /\s+(?:with|to(?:\s+(?:say|read))?)\s*:\s*|\s*:\s*|\s+[-–—]\s+|\s+with\s+(?=\S)|\s+to\s+(?:say|read)\s+(?=\S)/i;
/** "what's under Equipment in", "everything in the Day 1 part of": the words that point at a section's text. */
const SECTION_TEXT_POINTED = new RegExp(
  String.raw`^(?:what(?:'s|’s|s|\s+is)|whatever(?:'s|\s+is)?|everything|all(?:\s+the\s+text)?|the\s+(?:text|content|words))\s+(?:under|in|below)\s+(?:the\s+)?(?=[^"“\n]{1,80}?(?:\s+${PART_NOUN})?\s+(?:of|in|on)\s)`,
  'i',
);
/** "Equipment in the Remote Work Policy" after "what's under": a heading without a part noun. */
const BARE_SECTION = /^([^"“\n]{1,80}?)\s+(?:of|in|on)\s+/i;

/** "update the rota - Sam is off", "update on-call rota, Sam is off": the page, a dash or comma, a statement. */
const STATEMENT_AFTER_PAGE = /^([^,:?\n]{1,150}?)(?:\s*[,?]\s*|\s+[-–—]\s+)(?=\S)/;

/**
 * An update whose edit is a plain statement after the page and a dash or comma: the statement is
 * added. Only when the usual reading finds no edit, and the statement is not a question.
 */
function updateThenStatement(rest: string, body: string): Intent | undefined {
  const usual = parseUpdate('update', rest, body);
  if (usual.kind !== 'failure' || body.trim().length > 0) return usual;
  const split = STATEMENT_AFTER_PAGE.exec(rest);
  const text = split ? rest.slice(split[0].length).trim() : '';
  if (!split || !/\S\s+\S/.test(text) || isQuestion(text) || isComplaint(text)) return usual;
  // "updat lunch rota pls, fri is pizza": courtesy before the comma is not part of the page's name.
  const page = split[1]!.replace(/\s+(?:pls|please|plz|kindly)$/i, '');
  const named = parseUpdate('update', `${page}: ${text}`, body);
  return named.kind === 'failure' ? usual : named;
}

/** A section heading without quotes before "of/in/on <page>" ("Parking in the office guide"). */
const UNQUOTED_HEADING = /^([^"“\n:]{1,80}?)\s+(?:of|in|on|for|to|into|onto)\s+(?=\S)/i;
/** A quoted heading, then the word "section" ("add a "Rollback" section to …"). */
const QUOTED_THEN_SECTION = /^(["“][^"”\n]{1,80}["”])\s+(?:sub-?)?section\b/i;
/** "called", "named" before a new section's heading ("add a section called "X" to the guide"). */
const NAMING_WORD = /^(?:called|named|titled)\s+(?=["“])/i;
/** "to"/"into" after a quoted heading ("add a section "X" to the guide"). */
const QUOTED_HEADING_TO = /^(["“][^"”\n]{1,200}["”])\s+(?:to|into|onto)\s+/i;

/** The words after "section" with the heading quoted and "of" before the page, as the section form reads them. */
function quotedHeading(typed: string): string {
  const rest = typed.replace(NAMING_WORD, '');
  if (/^["“]/.test(rest)) return rest.replace(QUOTED_HEADING_TO, '$1 of ');
  const unquoted = UNQUOTED_HEADING.exec(rest);
  return unquoted ? `"${unquoted[1]}" of ${rest.slice(unquoted[0].length)}` : rest;
}

function updateRule(mode: UpdateMode): Rule[1] {
  return (rest, body) => parseUpdate(mode, rest, body);
}

function rule(source: string): RegExp {
  return new RegExp(source, 'i');
}

/** "give X a search": "give" then a topic, ending on a search noun (the topic is cut out of `rest`). */
const GIVE_A_SEARCH =
  /^give(?=\s+\S[^\n]{0,200}\s+an?\s+(?:quick\s+|fast\s+)?(?:search|look-?up|google)(?:\s+(?:please|pls|plz))?\s*[.!?]*$)\s+/i;
const A_SEARCH_AT_END =
  /\s+an?\s+(?:quick\s+|fast\s+)?(?:search|look-?up|google)(?:\s+(?:please|pls|plz))?\s*[.!?]*$/i;
/** First words that make a line a command or a question about a page, never the start of a new page's title. */
const NOT_A_TITLE_START = wordSet(
  'delete remove archive move copy merge check open show view read find search review approve reject restore fix update edit change rename share send lock unlock hide print please',
);
/**
 * "Delete Onboarding …", "Why is the Onboarding …": a first word that starts no verbless title (a lookahead
 * of the closed words, each as typed at a line's start: capitalised or all lower case).
 */
const NOT_A_TITLE_AHEAD = `(?!(?:${[...FUNCTION_WORDS, ...NOT_A_TITLE_START]
  .flatMap((word) => [word, word.charAt(0).toUpperCase() + word.slice(1)])
  .join('|')})(?![\\p{L}\\p{N}'’-]))`;
/** A space after "in" / "on": a key, or a capitalised name, maybe with "space" ("in the Legal space"). */
const VERBLESS_SPACE = String.raw`(?:in|on)\s+(?:the\s+)?(?:space\s+)?~?[A-Z][A-Za-z0-9]{1,20}(?:\s+space)?`;
/**
 * A title in capitals with no verb before it, then "page in <space>, text:" or "- new page in <space>":
 * the two verbless ways of asking for a new page. The title is a bounded lazy run (no colon or quote).
 */
const VERBLESS_NEW_PAGE = new RegExp(
  String.raw`^(?=[A-Z0-9])${NOT_A_TITLE_AHEAD}([^"“\n:]{1,80}?)(?:\s+(?:page|doc)\s+(?=${VERBLESS_SPACE}(?:\s*,?\s*(?:please|pls|plz))?\s*[,;.]?\s*${TEXT_NOUN}\s*:)|\s*[-–—,]\s*(?:an?\s+)?new\s+(?:page|doc)\s+(?=${VERBLESS_SPACE}\s*(?::|[-–—]\s)))`,
  'u',
);

/**
 * "page Coffee Rota in OPS pls, text: …", "page request: Coffee Rota in OPS, content: …": no verb, the
 * page noun (or "page request:") first, then a title, a space and the text named — a new page (not
 * a page id: "page 12345 in OPS, text: …").
 */
const PAGE_NOUN_THEN_TITLE = new RegExp(
  String.raw`^(?:[Nn]ew\s+)?[Pp]age(?:\s+request\s*:)?\s+(?=[A-Z0-9])(?!\d+\s+(?:in|on)\s)([^"“\n:]{1,80}?)\s+(?=${VERBLESS_SPACE}(?:\s*,?\s*(?:please|pls|plz))?\s*[,;.]?\s*${TEXT_NOUN}\s*:)`,
  'u',
);

/**
 * A change named as a noun before its page ("(a) small change for the rota:", "quick update to the X page -",
 * "tiny tweak on the guide:"), the text after a colon or a spaced dash. Bounded runs, anchored.
 */
const CHANGE_NOUN_FOR_PAGE =
  /^(?:an?\s+)?(?:(?:quick|small|little|short|tiny|minor)\s+)?(?:update|change|addition|tweak|correction)\s+(?:for|to|on|in)\s+(?=(?:the|our)\s[^:\n]{1,120}?(?::(?!\d)|\s[-–—])\s*\S)/i;
/** The page, then its text after the first colon (not a time's) or spaced dash. Bounded runs. */
const PAGE_THEN_TEXT = /^((?:the|our)\s[^:\n]{1,120}?)\s*(?::(?!\d)|\s[-–—]+)\s*(\S[^\n]*)$/i;

const RULES: readonly Rule[] = [
  [
    // "put / add / post / open a new page …": a new page, whatever the verb (before the append forms).
    /^(?:add|put|post|write|open|start|build|generate|prepare|produce|compose|craft|author|draft|publish|spin\s+up|set\s+up)\s+(?=(?:(?:for\s+)?(?:me|us)\s+)?(?:an?|one)\s+new\s+(?:confluence\s+|wiki\s+)?(?:child\s+|sub-?)?(?:page|doc|document|article)\b)/i,
    (rest, body) => parseCreate(rest, body),
  ],
  [
    rule(
      String.raw`^${APPEND_VERB}\s+(?:(?:an?|this|the|one)\s+)?(?:new\s+)?${ADDED_THING}?\s*(?:saying|that\s+says|which\s+says|reading|with\s+(?:the\s+)?text)\s*:?\s*`,
    ),
    (rest, body) => parseAppendSaying(rest, body),
  ],
  [
    rule(
      String.raw`^${APPEND_VERB}\s+(?:(?:(?:this|these|the\s+below|below)\s+(?:${ADDED_THING}s?|info|information|details)|this|these|it|(?:the\s+)?following(?:\s+${ADDED_THING}s?)?|text|some\s+text|something|smth|sth|stuff|a\s+bit|an?\s+(?:new\s+)?${ADDED_THING}|lines?|notes?|sentence|paragraph|an?\s+entry|content|that)\s+)?(?:on\s+)?(?:(?:to|onto|at)\s+the\s+(?:very\s+)?(?:end|bottom)\s+of(?=\s+${POSITION_OWNER})|to|onto|into|inside|in|on)\s+(?!(?:self|myself|yourself)\b)`,
    ),
    updateRule('append-to'),
  ],
  [
    rule(
      String.raw`^${APPEND_VERB}\s+(?:(?:(?:an?|the|this|one|following)\s+)?(?:new\s+)?${ADDED_THING}\s*:?\s*)?${QUOTE_AHEAD}`,
    ),
    updateRule('append-quoted'),
  ],
  [
    /^(?:append|add|insert|(?:put|write)(?=\s+(?:under|below|beneath)\s))\s+(?:(?:an?\s+)?(?:note|line|entry)\s+)?(?!(?:an?\s+)?(?:new\s+)?(?:page|doc|document)\b)(?=[^:\n"“‘'«„]{1,120}:(?!\/\/|\d)|(?:under|below|beneath)\s[^:\n]{1,120}:(?!\/\/|\d))/i,
    // "add the new hires to the onboarding page: Ana, Sam": the page after the link word, the text after the colon.
    // "add that they want SSO to Customer Meeting Notes: Contoso": a clause first is the text, the colon the title's.
    (rest, body) =>
      THEIR_OWN.test(rest)
        ? undefined
        : (parsePageThenColonText(rest, body) ??
          parseDescribedAppend(rest, body) ??
          (/^that\s/i.test(rest) ? parseAppendSaying(rest, body) : parseUpdate('append-to', rest, body))),
  ],
  [
    // "small change for the on-call rota: Grace covers Ahmed", "quick update to the X page - …": the change named as a
    // noun, its page, then the text after a colon or dash.
    CHANGE_NOUN_FOR_PAGE,
    (rest, body) => {
      // "… for the X page - standup moves to 10:15": the text after the first separator (not a time's colon).
      const parts = PAGE_THEN_TEXT.exec(rest);
      const read = parts ? applyRules(`add to ${parts[1]}: ${parts[2]}`, body) : undefined;
      return read?.kind === 'page-by-name' && read.request.operation === 'update' ? read : undefined;
    },
  ],
  [/^(?:rename|retitle)\s+/i, updateRule('rename')],
  [
    // "would be nice if Team Rituals was called "X" - can you rename it?": a new title wished for the page.
    WISHED_CALLED,
    (rest, body, match) => {
      const rename = wishedRename(match, rest);
      return rename ? applyRules(rename, body) : undefined;
    },
  ],
  [
    // "the reading list page - rename it to Books", "The page Team Rituals, please change the name to …": the page first.
    PAGE_THEN_RENAME,
    (rest, body, match) => {
      // "update Reading List: rename it to Books": the update's verb before the page is no part of its name.
      const page = match[1]!.trim().replace(/^(?:update|edit|upd)\s+(?=\S)/i, '');
      if (!PAGE_LIKE.test(page) || NOT_A_PAGE_START.test(page)) return undefined;
      return parseUpdate('rename', `${page} to ${rest}`, body);
    },
  ],
  [
    // "(is there a way to) get the office guide to say …": the page asked to say something (before "get" opens it).
    // "get Team Rituals updated with: …": the page to be updated, then its edit.
    /^(?=(?:get|have)\s+(?:the|our)\s[^:\n]{1,120}?\s+to\s+(?:also\s+)?(?:say|mention|include|read)\s|(?:get|have)\s+\S[^:,\n]{0,120}?\s+(?:updated|changed|edited|amended)(?:\s*[:\-–—]|\s+(?:with|to\s+(?:say|read|mention|include|state))\b))/i,
    (rest, body) => {
      const moved = rewriteLooseForm(rest);
      return moved ? applyRules(moved, body) : undefined;
    },
  ],
  [
    // "give the office guide a new title: Workplace Guide": a rename (before "give" opens a page).
    /^give\s+(\S.{0,120}?)\s+an?\s+(?:new|better|different)\s+(?:title|name)\s*[:,-]?\s+(?=\S)/i,
    (rest, body, match) => parseUpdate('rename', `${match[1]} to ${rest}`, body),
  ],
  // "1048620 append: reviewed Q4": a page id, then an edit keyword.
  [
    /^(?=(?:page\s+)?(?:id\s+)?#?\d{1,19}\s+(?:append|add|replace|section|body|title|rename)\b)/i,
    updateRule('update'),
  ],
  // "(we need) a line on the Feature Flags page saying …": what is added, the page, then the text.
  [
    rule(String.raw`^(?=an?\s+(?:new\s+)?${ADDED_THING}\s+(?:on|in|to|into|onto|for)\s)`),
    (rest, body) => parseAddToSaying(rest, body),
  ],
  [
    SPACE_FIRST,
    // "in general, search X": a word in lower case that can be no key is no space ("in legal, …" can).
    (rest, body, match) =>
      /^\p{Ll}/u.test(match[1]!) && acceptSpaceWord(match[1]!, false) === undefined
        ? applyRules(rest, body)
        : applyRules(`${rest} in ${match[1]}`, body),
  ],
  // "in the people space, find sick leave", "HR space - search onboarding": a space named in words, then a read.
  [SPACE_NAMED_FIRST, (rest, body, match) => readInNamedSpace(rest, body, match[1] ?? match[2]!)],
  // "ENG - anything on kafka?", "in HR: any docs about probation": a key as a label, then pages asked after.
  [
    KEY_THEN_PAGES_ASKED,
    (rest, _body, match) =>
      DOCUMENT_KIND_ACRONYMS.has(match[1]!)
        ? labelledSearch(match[1]!, rest)
        : parseSearchWords(`${rest} in ${match[1]}`),
  ],
  // "Engineering: anything on kafka?", "Kafka - any docs on lag?": a word as a label, then pages asked after.
  [WORD_THEN_PAGES_ASKED, (rest, _body, match) => labelledSearch(match[1]!, rest)],
  [
    // "in the engineering space, create Desk Rules with: …", "in OPS, make a page called X: …", "under engineering, create …".
    // The space's words hold no asking words ("on the Team Rituals page can you add that demos start at 4" is no create).
    /^(?=(?:over\s+)?(?:in|on|inside|within|into|under)\s+(?:(?!\s(?:can|could|would|will|please|pls)\s)[^,:"“\n]){1,60}?\s*,?\s+(?:please\s+|pls\s+|(?:can|could)\s+(?:you|u)\s+)?(?:create|make|start|set\s+up|draft)\s)/i,
    (rest, body) => spaceThenCreate(rest, body),
  ],
  [
    // "re the Gym FAQ, can you add …", "regarding our rota - please change …": the page named as the topic, then an edit.
    /^(?:re:?|regarding|concerning|as\s+for|as\s+regards|with\s+(?:regards?|respect)\s+to|about)\s+(?=(?:the|our)\s[^,:\n]{1,120}?(?:,|:|\s[-–—])\s*(?:(?:please|pls|plz|kindly|also)\s+|(?:can|could|would)\s+(?:you|u)\s+(?:please\s+|pls\s+)?)?(?:add|append|put|write|insert|mention|note|update|change|replace|swap|fix|correct|rename)\b)/i,
    (rest, body) => applyRules(`in ${rest}`, body),
  ],
  [
    // "under Equipment in the Remote Work Policy add a line saying …": a section and its page first, then
    // the edit; read only as a section ("under no circumstances add …" names no page).
    /^(?=under\s+\S)/i,
    (rest, body) => {
      const read = parsePageFirstEdit(rest, body);
      const section =
        read?.kind === 'page-by-name' &&
        read.request.operation === 'update' &&
        read.request.edit.kind === 'section';
      return section ? read : headingThenAppend(rest, body);
    },
  ],
  [
    /^(?:in|on|to|for|into|onto)\s+(?=\S)/i,
    (rest, body, match) =>
      spaceThenEdit(`${match[0]}${rest}`, body) ??
      purposeThenCommand(match[0], rest, body) ??
      parsePageFirstEdit(rest, body) ??
      statedAfterPage(`${match[0]}${rest}`, body) ??
      titleThenClause(match[0], rest, body),
  ],
  // "over in HR, pull up the expense policy": where, said with "over".
  [/^over\s+(?=(?:in|on)\s)/i, (rest, body) => spaceThenEdit(rest, body)],
  // "from ENG, open the testing strategy": the space the page comes from, then the read.
  [/^from\s+(?=\S)/i, (rest, body, match) => spaceThenEdit(`${match[0]}${rest}`, body)],
  // "pull the X page up", "could you put the X page up for me": the page put on screen.
  [/^(?:pull|bring|put)\s+(?=\S.{0,300}\s+up$)/i, (rest) => parseGetTarget(rest.replace(/\s+up$/i, ''))],
  [
    // "change the title of X to Y", "change title X to Y" (no "of": "title" alone, then the page and "to").
    /^(?:set|change|update|edit)\s+(?:the\s+)?(?:page\s+)?(?:(?:title|name)\s+(?:of|for|on)\s+|title\s+(?=\S[^\n]{0,150}?\s(?:to|into|as)\s))/i,
    updateRule('set-title'),
  ],
  [
    // "change the Team Rituals title to Team Habits": the page, then "title", then the new title.
    /^(?:set|change|update|edit|fix|correct|rename|retitle)\s+(?=\S.{0,150}?\s(?:page\s+)?(?:title|name)\s+(?:to|into|as)\s)/i,
    (rest, body) => {
      const named = PAGE_THEN_TITLE.exec(rest);
      return named ? parseUpdate('rename', `${named[1]} to ${rest.slice(named[0].length)}`, body) : undefined;
    },
  ],
  [
    // "replace everything on page 42 with: …", "overwrite all the text of X with: …".
    /^(?:set|replace|change|update|overwrite|rewrite)\s+(?:(?:the\s+(?:the\s+)?)?(?:whole\s+|entire\s+)?(?:body|content|contents|text)|everything|all(?:\s+(?:of\s+)?(?:the\s+)?(?:text|content|contents))?)\s+(?:of|for|on|in)\s+/i,
    updateRule('set-body'),
  ],
  [
    // "update the section Parking in X: …", "add a section "Parking" to X: …": the heading, then the page.
    /^(?:(?:update|edit|change|rewrite|replace)\s+|(?:add|create|write)\s+(?:an?\s+)?(?:new\s+)?(?=(?:sub-?)?section\s))(?:the\s+)?(?:sub-?)?section\s+(?=\S)/i,
    (rest, body) => parseUpdate('section', quotedHeading(rest), body),
  ],
  [
    // "section Equipment in the remote work policy: …", "section "Equipment" of X: …": the keyword form, page named after.
    /^(?:sub-?)?section\s+(?!\d+\s)(?=(?:["“][^"”\n]{1,80}["”]|[^"“\n:]{1,80}?)\s+(?:of|in|on|for)\s+[^\n:]{1,150}:)/i,
    (rest, body) => parseUpdate('section', quotedHeading(rest), body),
  ],
  [
    // "new section Escalation in the Incident Response Process: …": a new section with no verb, then the page.
    /^(?:an?\s+)?new\s+(?:sub-?)?section\s+(?:(?:called|named|titled)\s+)?(?=\S[^\n]{0,200}?\s(?:in|on|of|to|for)\s)/i,
    (rest, body) => parseUpdate('section', quotedHeading(rest), body),
  ],
  [
    // "add a "Rollback" section to the Feature Flags page saying: …": a new section named in quotes, then the page.
    /^(?:add|create|write|insert|start)\s+(?:an?\s+)?(?:new\s+)?(?=["“][^"”\n]{1,80}["”]\s+(?:sub-?)?section\s+(?:to|into|onto|in|on)\s)/i,
    (rest, body) => parseUpdate('section', quotedHeading(rest.replace(QUOTED_THEN_SECTION, '$1')), body),
  ],
  [
    // "replace the Contacts section of page 123 with: …": the heading named without quotes.
    new RegExp(
      String.raw`^(?:update|edit|change|rewrite|re-write|replace|modify|amend|revise|redo|set|fill\s+in)\s+(?:the\s+)?(?=[^"“\n]{1,80}?\s+${PART_NOUN}\s+(?:of|in|on)\s)`,
      'i',
    ),
    (rest, body) => {
      const named = NAMED_SECTION.exec(rest);
      if (!named) return undefined;
      const after = rest.slice(named[0].length).replace(SECTION_TEXT_START, ': ');
      return parseUpdate('section', `"${named[1]}" of ${after}`, body);
    },
  ],
  [
    // "replace what's under Equipment in the Remote Work Policy with: …": the section's text pointed at.
    // ("replace all instances of "a" with …" is a replace of text.)
    /^(?:update|change|rewrite|re-write|replace|redo|overwrite)\s+(?=(?:whats?|whatever|everything|all(?!\s+(?:the\s+)?(?:instances?|occurrences?|mentions?|cases?)\b)|the\s+(?:text|content|words))\b)/i,
    (rest, body) => {
      const pointed = SECTION_TEXT_POINTED.exec(rest);
      const after = pointed ? rest.slice(pointed[0].length) : '';
      const named = NAMED_SECTION.exec(after) ?? BARE_SECTION.exec(after);
      if (!pointed || !named) return undefined;
      const text = after.slice(named[0].length).replace(SECTION_TEXT_START, ': ');
      return parseUpdate('section', `"${named[1]}" of ${text}`, body);
    },
  ],
  [
    /^(?:change|replace|swap|correct|fix)\s+(?:in|on)\s+(?=[^"“‘'«„]{1,200}["“‘'«„])/i,
    (rest, body) => parseChangeIn(rest, body),
  ],
  [
    // "please change in Remote Work Policy the 2 office days to 3 office days": figures without quotes after the page.
    // A digit of the title ("Salary Bands 2025") may start the match: "change in" then reads as any change does.
    /^(?:change|correct|fix|update|modify|amend)\s+(?:in|on)\s+(?=[^"“\n:]{1,120}?\s(?:the\s+)?\d[^"“\n]{0,60}?\s(?:to|into)\s+\d)/i,
    (rest, body, match) =>
      parseChangeInFigures(rest, body) ??
      (/^change\s/i.test(match[0])
        ? parseUpdate('change', `${match[0].replace(/^change\s+/i, '')}${rest}`, body)
        : undefined),
  ],
  [
    // "replace in Remote Work Policy three days with two days": figures without quotes after the page.
    // Any other "replace in …" is read as before (the bot asks for quotes).
    /^replace\s+(?=(?:in|on)\s+[^"“\n:]{1,120}?\s(?:with|by)\s+\S)/i,
    (rest, body) =>
      parseChangeInFigures(rest.replace(/^(?:in|on)\s+/i, ''), body) ?? parseUpdate('replace', rest, body),
  ],
  [/^(?:replace|substitute\s+(?=\S.{0,200}?\s(?:with|by)\s))\s*(?=\S)/i, updateRule('replace')],
  // "s/Okta/Entra/ in the VPN Setup Guide": a replace in sed's notation, then the page.
  [/^(?=s\/[^/\n]{1,200}\/)/, updateRule('sed')],
  // "update "vpn.old.io" to "vpn.new.io" in X": quoted old and new text after "update" (a quoted page stays a page).
  [/^update\s+(?=["“][^"”\n]{1,200}["”]\s+(?:to|into|->|→)\s*["“])/i, updateRule('change')],
  [
    rule(
      String.raw`^(?:(?:correct|fix|turn|modify|amend)\s+(?:the\s+(?:text|spelling(?:\s+of)?|typo|word|words)\s+)?${QUOTE_AHEAD}|(?:change|swap(?:\s+out\b)?|switch(?:\s+out\b)?)\s+(?:the\s+text\s+)?(?=\S))`,
    ),
    (rest, body, match) => {
      if (OWN_RECORDS.test(rest)) return undefined;
      if (UNDO_POINTED.test(rest)) return unclear(`${match[0]}${rest}`);
      const changed = parseUpdate('change', rest, body);
      const quotedPage = changed.kind === 'failure' && /^change\b/i.test(match[0]);
      return quotedPage ? parseUpdate('update', rest, body) : changed;
    },
  ],
  [
    // "correct 25 days to 27 days in X": an unquoted correction, read like "change … to …".
    /^(?:correct|fix)\s+(?!(?:an?\s+|the\s+|some\s+)?(?:typos?|mistakes?|errors?)\b)(?=[^"“‘«„\n]{1,200}?\s(?:to|into)\s)/i,
    (rest, body) => {
      const changed = parseUpdate('change', rest, body);
      return changed.kind === 'failure' ? parseUpdate('update', rest, body) : changed;
    },
  ],
  [
    // "update in Paid Time Off that unused leave lapses": "in" before the page; "that …" is added.
    /^(?:update|upd|edit|modify|change|amend|correct|fix)\s+(?:in|on|inside|within|to)\s+(?=\S)/i,
    (rest, body) => {
      const said = STATED_AFTER_PAGE.test(rest) ? parseUpdate('append-to', rest, body) : undefined;
      return said && said.kind !== 'failure' ? said : parseUpdate('update', rest, body);
    },
  ],
  [
    /^(?:update\s+(?:needed|required)\s+(?:on|for|to|in)|update|upd|edit|modify|change|amend|revise|patch|(?:fix|correct)(?:\s+(?:an?\s+|the\s+|some\s+)?(?:typos?|mistakes?|errors?)\s+(?:in|on))?|(?:make|do)\s+(?:an?\s+|the\s+|some\s+)?(?:update|change|edit|correction|fix|amendment)s?\s+(?:on|to|in|of|for))\b[\s:]*/i,
    // "update my bank details", "change my pension contribution": the person's own records, not a page.
    (rest, body, match) =>
      OWN_RECORDS.test(rest)
        ? undefined
        : UNDO_POINTED.test(rest)
          ? unclear(`${match[0]}${rest}`)
          : (updateThenStatement(rest, body) ?? parseUpdate('update', rest, body)),
  ],
  [
    // "create / set up a Book Club page in HR: …", "set up Book Club page in HR: …": a making verb, then the
    // title before "page" (with no article, a title in capitals) and the space.
    /^(?:[Cc]reate|[Mm]ake|[Ss]et\s+up|[Ss]tart|[Dd]raft|[Pp]ut\s+together|[Pp]ublish)\s+(?=an?\s+(?:new\s+)?(?!(?:confluence\s+|wiki\s+|draft\s+|blank\s+|empty\s+|simple\s+|basic\s+)?(?:page|doc|document)\b)[^"“\n:]{1,120}?\s(?:page|doc)\s+(?:in|on)\s+(?:the\s+)?(?:space\s+)?~?[A-Z][A-Z0-9]{1,9}\b|[A-Z0-9][\w&'-]*(?:\s+[A-Z0-9][\w&'-]*){0,6}\s+(?:page|doc)\s+(?:in|on)\s+(?:the\s+)?(?:space\s+)?~?[A-Z][A-Z0-9]{1,9}(?:\s+space)?(?=\s*:|\s+[-–—]\s|,?\s+(?:with|saying|containing)\b))/,
    (rest, body) => applyRules(/^an?\s/i.test(rest) ? rest : `a ${rest}`, body),
  ],
  [
    /^(?:create|new)\b[\s:]*/i,
    (rest, body, match) =>
      match[0].trim().toLowerCase() === 'new' && !PAGE_NOUN.test(rest) && !KEY_PAGE_NOUN.test(rest)
        ? undefined
        : parseCreate(rest, body),
  ],
  [
    // "set up a new OPS page called X", "make a HR page X: …": the space key before the page noun.
    /^(?:[Mm]ake|[Ww]rite|[Dd]raft|[Ss]tart|[Ss]et\s+up|[Pp]ut\s+together|[Pp]ublish|[Aa]dd)\s+(?=(?:(?:for\s+)?(?:me|us)\s+)?(?:an?\s+|one\s+)?(?:new\s+)?~?[A-Z][A-Z0-9]{1,9}\s+(?:page|doc|document|article)\b)/,
    (rest, body) => parseCreate(rest, body),
  ],
  [
    // "(I think we need) a new page: Lunch Rota in OPS, with: …": the title after the colon.
    /^(?=an?\s+new\s+(?:confluence\s+|wiki\s+)?(?:page|doc|document)\s*:\s*\S)/i,
    (rest, body) => parseCreate(rest, body),
  ],
  [
    // "a new page in OPS for the office plants? Call it Plant Care, and put: …": named after "call it".
    /^(?=an?\s+(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|doc|document)\b[^\n]{0,200}?(?:(?:[,.;?!]\s*(?:and\s+)?|\s+and\s+)(?:call|name|title)\s+it\s|[?.!]\s+[Tt]itle\s*:?\s+[A-Z0-9"“]))/i,
    (rest, body) => parseCreate(rest, body),
  ],
  [
    // "a new page in the People & HR space called X": the space may be named in words.
    /^an?\s+(?:new\s+)?(?=(?:confluence\s+|wiki\s+)?(?:page|doc|document)\s+(?:(?:in|on)\s+(?:the\s+)?(?:(?:space\s+)?~?[A-Za-z0-9]{1,32}(?:\s+space)?|[^,:"“\n]{1,60}?\s(?:space|wiki)),?\s+)?(?:called|named|titled|with\s+(?:the\s+)?(?:name|title)|["“‘'«„]))/i,
    (rest, body) => parseCreate(rest, body),
  ],
  [
    // "make "Parking" in HR: …", "make 'Sprint 52 Retro' in ENG": a quoted title and a space after a making verb is a new page.
    /^(?:make|draft|start|set\s+up|put\s+together|publish)\s+(?=(?:["“][^"”\n]{1,255}["”]|['‘][^'’\n]{1,255}['’])\s+(?:(?:in|on)\s+(?:the\s+)?(?:space\s+)?~?[A-Za-z0-9]{1,32}\b|\(\s*~?[A-Z][A-Z0-9]{1,9}\s*\)))/i,
    (rest, body) => parseCreate(rest, body),
  ],
  [
    // "(I'd love) a new page for the Offsite Agenda in Sales - just "Day 1" to start": a title in capitals
    // after "for / about", a space, then the text after a colon or a dash.
    /^an?\s+(?:new\s+)?(?=(?:page|doc|document)\s+(?:for|about|on)\s+(?:the\s+|our\s+)?[A-Z0-9][^"“\n:?]{0,120}?\s(?:in|on)\s+(?:the\s+)?(?:space\s+)?(?:~?[A-Z][A-Za-z0-9]{1,20})(?:\s+space)?(?:\s*:|\s+[-–—]\s))/,
    (rest, body) => parseCreate(rest, body),
  ],
  [
    // "(I want) a page Book Club in HR, content: …": the title right after "page", a space key in capitals.
    /^an?\s+(?:new\s+)?(?=(?:page|doc|document)\s+(?!(?:about|on|for|regarding|re|with|of|that|which|to|in|from|called|named|titled)\b)[^"“\n:?]{1,120}?\s(?:in|on)\s+(?:the\s+)?(?:(?:space\s+)?~?[A-Z][A-Z0-9]{1,9}\b|[^,:"“\n?]{1,60}?\s(?:space|wiki)\b))/,
    (rest, body) => parseCreate(rest, body),
  ],
  [
    // "a Parking page in HR" (after a wish: "would be nice to have …"): the title before "page".
    /^an?\s+(?:new\s+)?(?=[^"“\n:]{1,120}?\s(?:page|doc)\s+(?:in|on)\s+(?:the\s+)?(?:space\s+)?~?[A-Z][A-Z0-9]{1,9}\b)/,
    (rest, body) => {
      const page = /\s(?:page|doc)\s+(?=(?:in|on)\s)/i.exec(rest);
      // "a new doc in SALES; title X; …", "a draft page in HR called X": "new", "draft" describe the page, no title.
      if (page && PAGE_KIND_WORDS.test(rest.slice(0, page.index).trim())) return parseCreate(rest, body);
      return page
        ? parseCreate(
            `page called ${rest.slice(0, page.index)} ${rest.slice(page.index + page[0].length)}`,
            body,
          )
        : undefined;
    },
  ],
  [
    // "Team Charter page in ENG, text: …", "Data Retention — new page in LEGAL: …": no verb, but a title, the page
    // noun, a space and the text named (or "new page") — a new page (a create of a title that exists fails closed).
    VERBLESS_NEW_PAGE,
    (rest, body, match) => parseCreate(`page called ${match[1]} ${rest}`, body),
  ],
  [PAGE_NOUN_THEN_TITLE, (rest, body, match) => parseCreate(`page called ${match[1]} ${rest}`, body)],
  [
    // "Can a new page be created in OPS called X?", "get a page going for X in OPS: …": a new page asked
    // for in the passive (with its title named), or set going.
    /^(?:(?:(?:can|could)\s+(?:an?|one)\s+(?:new\s+)?(?:page|doc)\s+be\s+(?:created|made|set\s+up|added|started)\s+(?=[^\n]{0,80}?\b(?:called|named|titled)\s)|(?:let'?s\s+)?get\s+(?:an?\s+|one\s+)?(?:new\s+)?(?:page|doc)\s+going\s+(?=(?:for|about|on|in|called|named)\s)))/i,
    (rest, body) => parseCreate(`a new page ${rest.includes(':') ? rest : rest.replace(/\?+$/, '')}`, body),
  ],
  [
    /^(?:make|add|write|draft|start|set\s+up|put\s+together|publish|build|generate|prepare|produce|compose|craft|author|have|get(?=\s+(?:(?:me|us)\s+)?an?\s+new\s))\s+(?=(?:(?:for\s+)?(?:me|us)\s+)?(?:an?\s+|one\s+)?(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:child\s+|sub-?)?(?:page|doc|document|article)\b)/i,
    (rest, body) => parseCreate(rest, body),
  ],
  [
    rule(
      // "add me to the channel": a person added to something, not text to a page. The page's "to"/"in"
      // comes before the first sentence ends: in "write it up. Please make a page … in HR with: …" the
      // "in" belongs to another request, and reading it as this one's page wrote to a page called "with".
      // "put the link to the Sales Playbook here": a link wanted in the chat ({@link LINK_PUT_HERE}), read below as opening the page.
      String.raw`^(?:append|add|put|write|insert|stick|pop|tack|attach|jot\s+down|note\s+down)\s+(?!(?:me|us|him|her|them|myself|ourselves)\s+(?:to|onto|into|on|in)\b)(?!(?<=^put\s+)${LINK_PUT_HERE})(?=\S(?:[^.!?\n]|[.!?](?!\s))*\s(?:to|onto|into|on|in)\s)`,
    ),
    (rest, body) => {
      const saying =
        parsePageThenColonText(rest, body) ?? parseAddToSaying(rest, body) ?? parseAppendSaying(rest, body);
      return saying.kind === 'failure' && !TEXT_ASKED_FOR.has(saying) ? undefined : saying;
    },
  ],
  [/^find\s+out\b/i, () => undefined],
  // "check ENG for kafka lag": a space key typed in capitals, then what to look for. Its own rule without the
  // "i" flag: case-insensitive, "check confluence for me or is it down?" read "confluence" as a key.
  [/^[Cc]heck\s+(?=~?[A-Z][A-Z0-9]{1,9}\s+(?:for|about)\s)/, (rest) => parseSearchWords(rest)],
  // "read up on X", "(want to) learn more about X", "brush up on X", "research X": reading on a topic is a search for it.
  [READ_UP_ON, (rest) => parseSearchWords(rest)],
  [THANKS_FOR_SEARCHING, (rest) => parseSearchWords(rest)],
  // "give terraform modules a search", "give X a quick lookup": the topic sits between "give" and the search noun.
  [GIVE_A_SEARCH, (rest) => parseSearchWords(rest.replace(A_SEARCH_AT_END, ''))],
  [
    /^(?:search(?:ing)?(?!\s+(?:is|are|was|were|has|had|will|should|must|works|worked|got|gets|became|becomes)\s)(?:\s+up(?=\s)|\s+around\s+for)?|(?:do|run|make|have|chuck|give|fire\s+off|try)\s+(?:(?:me|us)\s+)?(?:an?\s+|the\s+)?(?:quick\s+|new\s+|fresh\s+|different\s+)?search(?:\s+(?:for|on|of|about))?|(?:(?:have|take)\s+)?a\s+(?:quick\s+)?(?:look|hunt|dig|squiz|gander|dekko|shufti|butcher'?s|look-see)\s+(?:around\s+)?for|(?:check|look)\s+(?:(?:in|on|inside|within|through)\s+)?(?:confluence|(?:the\s+|our\s+)?(?:wiki|docs))\s+for(?!\s+(?:me|us|you|u|him|her|them|it)\b)|check\s+(?:about|for)|(?:scour|scan|comb|trawl(?:\s+through)?|sift\s+through)(?=\s+\S+(?:\s+\S+){0,3}?\s+for\s)|(?:dig|poke|look|hunt|nose|root|rummage|snoop|fish)\s+around\s+for|grab(?=\s+(?:(?:me|us)\s+)?(?:anything|something|stuff|whatever|everything|any|some)\b)|explore(?=\s)|rummage\s+for|(?:do|run)\s+an?\s+(?:quick\s+)?look\s*-?up\s+(?:on|for|of)|(?:quick|another|new|next|one\s+more|last|final)\s+search(?:\s+(?:please|pls|plz))?(?:\s+(?:for|on))?|find|look\s*up|look\s+for|looking\s+for|looking\s+up(?=\s)|looking|lookup|look(?=\s+the\s)|look(?=\s+(?:in|inside|within|through)\s)|seek|query|locate|hunt(?:ing)?\s+(?:for|down|out)|dig\s+(?:up|out)|track\s+down|fish\s+out|browse|grep|google|list(?=\s+(?:all\s+)?(?:the\s+)?(?:pages?|docs?|(?:\S+\s+){1,4}(?:pages|docs)\b))|list(?=\s+(?:everything|anything|all)\s+(?:on|about|re|regarding|mentioning|that\s+mentions)\s))\b[\s:]*/i,
    // "search is 2x faster" is a statement about search (text after "a line:"), no search asked.
    // "look the Salary Bands page", "look the Remote Work Policy" (no "for"): one page named, so it is opened.
    // "find team rituals and open it": what is found is to be opened.
    (rest, _body, match) => {
      const thenOpen = THEN_OPEN_IT.exec(rest);
      if (thenOpen && thenOpen.index > 0)
        return parseGetTarget(rest.slice(0, thenOpen.index).replace(/^for\s+(?=\S)/i, ''));
      if (/^look\s+$/i.test(match[0]))
        return ONE_PAGE_NAMED.test(rest) || isTitleShaped(rest) || isTitleAfterPageNoun(rest)
          ? parseGetTarget(rest)
          : parseSearchWords(rest);
      // "dig out the Release Notes 2025.01 page?" is read before the rules (fetched-page.ts).
      return parseSearchWords(keyAtEndAsSpace(rest));
    },
  ],
  [
    /^(?:(?:share|send|give|post|paste|drop|put)\s+(?:me\s+|us\s+)?(?:the\s+|a\s+)?(?:link|url)\s+(?:to|for|of)|(?:put|paste|post)(?=\s+(?:the|our)\s[^:"“\n]{1,120}?\s(?:(?:in\s+)?here|in\s+(?:the|this)\s+(?:chat|channel|thread|conversation))[\s?!.]*$)|link\s+(?:me\s+)?to|send\s+over|(?:send|share|link|provide|forward)(?=\s+(?:me|us|the|our)\s)|(?:send|share|provide|forward)(?=\s+(?:(?:any|some|all)\s+)?(?:pages|docs|documents|documentation|articles)\s+(?:about|on|regarding|concerning|related\s+to|for|of)\s)|(?:post|paste|drop)(?=(?:\s+[^\s:]+){1,6}?\s+(?:link|url)(?:\s+(?:in\s+)?(?:here|there|(?:this|the)\s+(?:chat|channel|thread)))?$)|(?:send|share|provide|forward|check)(?=(?:\s+[^\s:]+){1,6}?\s+(?:link|url|guide|policy|checklist|handbook|playbook|runbook|process|rota|faq|page|doc|docs|documents|documentation|pages|info|information|material|materials)$)|get\s+(?:me\s+)?to(?=\s+(?:the|our)\s)|access|peek\s+(?:at|into)|glance\s+(?:at|over)|skim(?:\s+(?:through|over))?|crack\s+open|fire\s+up|hook\s+(?:me|us)\s+up\s+with|consult|(?:dm|pm|message)\s+(?:me|us)|read\s+(?:through|over)(?=\s+(?:the|our)\s)|get(?!\s+(?:[a-z]{3,}ed|paid|done)(?:\s+(?:for|to|by|on|in|at|from|back|faster|sooner|quickly|when|if|after|before)\b|[\s?!.]*$))|show|open|view|display|read|fetch|load|pull\s+up|bring\s+up|put\s+up(?=\s+(?:the|our)\s)|bring\s+(?:me|us)\s+to(?=\s+(?:the|our)\s)|bring(?=\s+(?:me|us)\s)|grab(?=\s+(?:(?:me|us)\s+)?(?:the|our)\s)|pull(?=\s+(?:(?:me|us)\s+)?(?:the|our)\s(?!plug\b))|point\s+(?:me|us)\s+(?:to(?:wards)?|at)|give|see|go\s+to|take\s+me\s+to|navigate\s+to|jump\s+to|head\s+(?:over\s+)?to|visit|check\s+out|check(?=\s+(?:the|our)\s)|(?:(?:have|take)\s+)?a\s+(?:quick\s+|closer\s+|brief\s+)?(?:look|squiz|gander|dekko|shufti|butcher'?s)\s+(?:at|on(?=\s+(?:the|our)\s))|look\s+at|summari[sz]e|print)\b[\s:]*(?:(?:for\s+|to\s+)?(?:me|us)\s+)?(?:please\s+)?(?:up\s+)?(?:(?:the\s+|a\s+)?(?:link|url)\s+(?:to|of|for)\s+)?/i,
    // "check the HR space for X": a space, then what to look for in it (a search). "get" before a past
    // participle, then a preposition or nothing ("get reimbursed for a bike", "get paid for overtime"), is
    // becoming so, no page to open ("get paid time off page" still opens one).
    (rest) =>
      QUESTION_AFTER_SHOW.test(rest)
        ? undefined
        : isSpaceThenTopic(rest)
          ? parseSearchWords(rest)
          : parseGetTarget(rest),
  ],
  [
    // "on-call rota, pls add Sam covers Friday", "Onboarding page, could you mention that …": a page named first
    // (a page or document noun), courtesy, then "add" (or another adding verb) and the text ("team, please add
    // your names" names no page).
    /^(?=([^:\n.!?,]{1,120}?)(?:,\s*(?:(?:please|pls|plz|kindly)\s+|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?)?|\s(?:please|pls|plz|kindly)\s+)(?:add|append|insert|mention|note|include|write|put)(?:\s*:\s*|\s+)(?!(?:me|us|him|her|them|it|this|to|in|into|on|onto|your|my|our|their|his)\b|that(?:\s+(?:to|in|into|on|onto|there|please|pls|too)\b|\s*$))["“]?\S)/i,
    // "team rituals, add: …" (no page noun, no capitals): the colon after the verb still reads as the keyword form below.
    (_rest, body, match) =>
      PAGE_LIKE.test(match[1]!)
        ? parsePageFirstEdit(match.input, body)
        : PAGE_THEN_EDIT.test(match.input)
          ? pageThenEdit(match.input, body)
          : undefined,
  ],
  [
    // "Testing Strategy section "Load tests": …", "Remote Work Policy, Equipment section: …": a page, a
    // section named after it, a colon and the new text, no verb (the text may not be a question).
    /^(?=[^:\n"“?]{1,120}?(?:(?:,\s*|\s+[-–—]+>?\s*|\s+)(?:section\s+["“][^"”\n]{1,80}["”]|(?:the\s+)?[^:\n"“,?]{1,60}?\s+section|(?:the\s+)?["“][^"”\n,?]{1,60}["”]\s+section)|\s+(?:>|-+>|→|›|»)\s+(?!(?:add|append|put|write|insert|note|update|replace|change|rename)\b)[^:\n"“,?>→›»]{1,60}?|(?:,\s*|\s+[-–—]+\s*)(?:under\s+(?:the\s+)?[^:\n"“,?]{1,60}?|(?:the\s+)?[^:\n"“,?]{1,60}?\s+(?:part|bit|heading|subsection|chapter)))(?:\s*:|\s+[-–—])\s*\S)/i,
    (rest, body) => verblessSection(rest, body),
  ],
  // Last: a page name before a colon, then an edit ("Team Rituals: add …"); verbs above come first.
  [PAGE_THEN_EDIT, (_rest, body, match) => pageThenEdit(match.input, body)],
  // Before a stated replace after a page (its dash would take the arrow's): "three days -> two days in the Remote Work Policy", old and new text around an arrow, then the page.
  [
    /^(?=[^\n:]{1,82}?\s*(?:->|→|=>)\s*[^\n:]{1,82}?\s(?:in|on)\s+\S)/,
    (rest, body) => parseArrowThenPage(rest, body),
  ],
  // "Expense Policy: 45 EUR instead of 40 EUR", "in the rota, Ana not Sam": a page, then a replace stated with no verb.
  [PAGE_THEN_STATED, (_rest, body, match) => verblessReplace(match, body)],
  // "vpn guide replace vpn1 with vpn2": a page, then with no comma or colon a replace's verb and its texts.
  [PAGE_THEN_BARE_REPLACE, (_rest, body, match) => bareReplaceAfterPage(match, body)],
];

/** "under the Linux heading, …": a heading alone (no page) before a comma; "under review, …" is an idiom. */
const HEADING_ALONE_FIRST = new RegExp(
  String.raw`^under\s+(?:the\s+)?(?:${PART_NOUN}\s+)?["“]?([^"“”\n,:]{1,60}?)["”]?(?:\s+${PART_NOUN})?\s*,\s*(?=\S)`,
  'i',
);

/**
 * "under the Linux heading, add to the VPN Setup Guide: …": the heading first, then an append that names its
 * page; read as the section edit. `undefined` unless the rest reads as an append to a page.
 */
function headingThenAppend(line: string, body: string): Intent | undefined {
  const heading = HEADING_ALONE_FIRST.exec(line);
  if (!heading || isUnderIdiom(heading[1]!)) return undefined;
  const read = applyRules(baseVerbForm(stripPoliteness(line.slice(heading[0].length))), body);
  if (read?.kind !== 'page-by-name' || read.request.operation !== 'update') return undefined;
  const edit = read.request.edit;
  return edit.kind === 'append'
    ? {
        ...read,
        request: {
          ...read.request,
          edit: { kind: 'section', heading: heading[1]!.trim(), markdown: edit.markdown },
        },
      }
    : undefined;
}

/** `P section "H":`, then the text. */
const PAGE_SECTION_QUOTED =
  /^([^:\n"“?]{1,120}?)(?:,|\s+[-–—]+)?(?:\s+(?:an?\s+)?new)?\s+section\s+["“]([^"”\n]{1,80})["”](?:\s*:|\s+[-–—])\s*/i;
/** `P, H section:`, `P, "H" section:` or `P - H section:` (a comma or dash between the page and the heading). */
const PAGE_SECTION_UNQUOTED =
  /^([^:\n"“?]{1,120}?)(?:,\s*|\s+[-–—]+>?\s*)(?:the\s+)?(?:["“]([^"”\n,?]{1,60})["”]|([^:\n"“,?]{1,60}?))\s+section(?:\s*:|\s+[-–—])\s*/i;
/** `P, Day 1 part:`, `P - under Retro:`: another part noun, or "under", after a comma or dash. */
const PAGE_PART_OR_UNDER =
  /^([^:\n"“?]{1,120}?)(?:,\s*|\s+[-–—]+\s*)(?:under\s+(?:the\s+)?["“]?([^:\n"“”,?]{1,60}?)["”]?(?:\s+(?:section|part|heading))?|(?:the\s+)?([^:\n"“,?]{1,60}?)\s+(?:part|bit|heading|subsection|chapter))(?:\s+(?:pls|please|kindly))?(?:\s+(?:add|append|write|put|insert))?(?:\s*:|\s+[-–—])\s*/i;
/** `P > H:`, `P → H:` (a breadcrumb from the page to its heading), then the text. */
const PAGE_SECTION_CRUMB =
  /^([^:\n"“?>→›»]{1,120}?)\s+(?:>|-+>|→|›|»)\s+(?!(?:add|append|put|write|insert|note|update|replace|change|rename)\b)([^:\n"“,?>→›»]{1,60}?)\s*:\s*/i;
/** Words that start a question or a remark, not a page's name. */
const NOT_A_PAGE_START =
  /^(?:what|who|why|how|when|where|which|is|are|does|do|did|can|could|should|would|will|fyi|note|btw|so|and|but|also|i|we|you|my|our)\b/i;

/** A section edit named after the page with no verb, or `undefined` when it does not read that way. */
function verblessSection(line: string, body: string): Intent | undefined {
  const other = PAGE_PART_OR_UNDER.exec(line);
  // "Team Rituals page, under Retro: …" names a page (its noun or a title in capitals); "sorry, under pressure: …" does not.
  const otherPart =
    other && PAGE_LIKE.test(other[1]!) ? ([other[0], other[1], other[2] ?? other[3]] as const) : null;
  const unquoted = PAGE_SECTION_UNQUOTED.exec(line);
  const commaPart = unquoted ? ([unquoted[0], unquoted[1], unquoted[2] ?? unquoted[3]] as const) : null;
  const match = PAGE_SECTION_QUOTED.exec(line) ?? commaPart ?? PAGE_SECTION_CRUMB.exec(line) ?? otherPart;
  if (!match || NOT_A_PAGE_START.test(match[1]!.trim())) return undefined;
  // "Office Guide > Parking: add bikes go in bay 3": the verb says what to do, it is no text.
  const text = line
    .slice(match[0].length)
    .replace(/^(?:(?:please|pls)\s+)?(?:add|append|write|put|insert)\s*:?\s+(?=\S)/i, '');
  if (isQuestion(text) || isComplaint(text)) return undefined;
  return parseUpdate('section', `"${match[2]!.trim()}" of ${match[1]!.trim()}: ${text}`, body);
}

/**
 * "-ing" forms of command verbs, as they come after "would you mind" or "how about": the base
 * form the rules know. Kept as data: a verb missing here is read as it was typed.
 */
const GERUNDS: Readonly<Record<string, string>> = {
  adding: 'add',
  appending: 'append',
  putting: 'put',
  writing: 'write',
  inserting: 'insert',
  creating: 'create',
  making: 'make',
  opening: 'open',
  showing: 'show',
  updating: 'update',
  editing: 'edit',
  changing: 'change',
  renaming: 'rename',
  replacing: 'replace',
  finding: 'find',
  getting: 'get',
  pulling: 'pull',
  bringing: 'bring',
  drafting: 'draft',
  sticking: 'stick',
  popping: 'pop',
  posting: 'post',
  jotting: 'jot',
  noting: 'note',
  mentioning: 'mention',
  including: 'include',
  attaching: 'attach',
  tacking: 'tack',
  fixing: 'fix',
  correcting: 'correct',
  swapping: 'swap',
  setting: 'set',
  starting: 'start',
  publishing: 'publish',
  displaying: 'display',
  viewing: 'view',
  sharing: 'share',
  sending: 'send',
  fetching: 'fetch',
  grabbing: 'grab',
  loading: 'load',
  reading: 'read',
};

/**
 * Informal ways to say "make" a page ("whip up a page", "knock together a doc", "spin up a new page"),
 * before what is made: read as "make".
 */
const INFORMAL_MAKE =
  /^(?:(?:whip|knock|rustle|spin|throw|cook|bang)\s+(?:up|together|out)|put\s+up|set-?up)(?=\s+(?:(?:me|us)\s+)?(?:an?|one)\s)/i;

/**
 * Words that describe a new page without naming it ("a wee page", "a quick new doc", "a brand new
 * page"), after an article and before the page noun: dropped, so every create form reads the page
 * noun. Kept as data.
 */
const PAGE_ADJECTIVES =
  /\b(an?|one)\s+(?:(?:quick|short|small|little|wee|simple|blank|fresh|separate|dedicated|brand|basic|proper|empty|tiny|nice|shiny)\s+){1,3}(?=(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|pg|doc|document|article)\b)/i;

/** Past participles of adding text ("added", "put", "included"), as a pattern source. */
const ADDED = '(?:added|put|included|mentioned|written|noted|posted|listed)';
/** After the participle: the link word to the page. */
const TO_PAGE = String.raw`(?=\s+(?:to|on|in|into|onto|inside)\s+\S)`;
/** Whoever asks, not what is added ("can I be added to …", "get me added to …"). */
const NOT_TEXT = String.raw`(?!(?:i|me|myself|we|us|you|he|she|they|him|her|them|my|our|your|his|their|someone|somebody|everyone|anyone|who|what|which|where|when|why|how|whom|whose)\b)`;
/**
 * What is added, made the subject or the object of a passive ("can we get "X" added to <page>", "X
 * needs to be added to <page>", "can this be added to <page>: …", "X needs adding to <page>"): read
 * as "add X to <page>". Each a bounded match at the start of the line.
 */
const PASSIVE_ADD: readonly RegExp[] = [
  new RegExp(String.raw`^(?:get|have)\s+${NOT_TEXT}(\S.{0,300}?)\s+${ADDED}${TO_PAGE}`, 'i'),
  new RegExp(
    String.raw`^(?:can|could|would|will|may)\s+${NOT_TEXT}(\S.{0,300}?)\s+(?:also\s+)?be\s+${ADDED}${TO_PAGE}`,
    'i',
  ),
  new RegExp(
    String.raw`^${NOT_TEXT}(\S.{0,300}?)\s+(?:(?:needs?\s+to|should|must|has\s+to|have\s+to|ought\s+to|could|can|will)\s+(?:also\s+)?be\s+${ADDED}|needs?\s+(?:adding|including|putting))${TO_PAGE}`,
    'i',
  ),
  // "(I need) "X" added to <page>": quoted text, then the participle.
  new RegExp(String.raw`^(["“][^"”\n]{1,300}["”])\s+(?:also\s+)?${ADDED}${TO_PAGE}`, 'i'),
  // "(I'd like) a line added to <page> saying …", "a note put on X: …": what is added, named, then the participle.
  new RegExp(
    String.raw`^((?:an?|one|another)\s+(?:new\s+)?${ADDED_THING})\s+(?:also\s+)?${ADDED}${TO_PAGE}`,
    'i',
  ),
];
/**
 * A passive add is read only when it is about a page: its text is quoted or follows a colon, or the
 * place named looks like a page (a page or document noun, or a title in capitals). "can the finance
 * team be added to the approvers?" is not about a page.
 */
const PAGE_LIKE_TARGET =
  /\b(?:page|pg|doc|document|wiki|rota|policy|guide|calendar|checklist|runbook|handbook|process|procedure|schedule|notes|list|faq|plan|playbook|template)\b|\s[A-Z]/;

/**
 * "open the holiday calendar and add a line saying …", "go to X and append: …": a page reached with
 * one verb, then edited with another; read page first ("in X, add …"). The page is at most a title's
 * length.
 */
const REACH_THEN_EDIT =
  /^(?:go\s+to|open(?:\s+up)?|find|pull\s+up|bring\s+up|navigate\s+to|head\s+(?:over\s+)?to|look\s+up|locate|get)\s+(\S.{0,150}?)\s+and\s+(?:then\s+)?(?=(?:add|append|put|write|insert|replace|change|update|rename|fix|correct|swap)\b)/i;

/** Where a leading "for …" clause ends: its first comma, within a purpose's length. */
const PURPOSE_END = /^[^,:;.!?\n"“]{1,60},\s*(?=\S)/;

/**
 * "For the audit, rename the Access Review page to …": why, then a whole command that names its own
 * page, read as that command ("For the X page, add …" names no other page and stays page first).
 */
function purposeThenCommand(lead: string, rest: string, body: string): Intent | undefined {
  if (!/^for\s/i.test(lead)) return undefined;
  const purpose = PURPOSE_END.exec(rest);
  // "For the Onboarding page in HR, put this: …" names the page: page first, not a purpose.
  // Capitals are no sign of a page here ("For the Q3 audit, …"), but a page noun in capitals is ("For the API Style Guide, …").
  if (!purpose || PAGE_LIKE_TARGET.test(purpose[0].replace(/\s[A-Z]/g, (capital) => capital.toLowerCase())))
    return undefined;
  const command = stripPoliteness(rest.slice(purpose[0].length));
  const read = command.length > 0 ? applyRules(baseVerbForm(command), body) : undefined;
  // "For the Laptop Setup, in section "Windows" add: …": a part of a page is no page of its own; the lead named it.
  if (read?.kind === 'page-by-name' && PART_FIRST.test(read.request.ref.words)) return undefined;
  return read?.kind === 'operation' || read?.kind === 'page-by-name' ? read : undefined;
}

/** Page words that start with a part of a page ("section "Windows"", "the Linux part"): no page's name. */
const PART_FIRST = new RegExp(String.raw`^(?:the\s+)?${PART_NOUN}\b`, 'i');

/**
 * A title in capitals (small words between its words, a page noun after it), then with no comma a clause
 * that starts with an article or a quote ("in the Expense Policy the limit is now 60 EUR not 50 EUR"): where
 * the capitals stop, the edit starts. Bounded runs.
 */
const TITLE_BEFORE_CLAUSE =
  /^((?:the\s+)?[A-Z0-9][\w&'’-]*(?:\s+(?:(?:of|and|&|for|to|at)\s+)?[A-Z0-9][\w&'’-]*){0,6}(?:\s+(?:page|doc))?)\s+(?=(?:the|our|a|an)\s+[a-z"“]|["“])/;

/** "in <Title> the …" read as "in <Title>, the …" when that is an edit (see {@link TITLE_BEFORE_CLAUSE}). */
function titleThenClause(lead: string, rest: string, body: string): Intent | undefined {
  const title = /^(?:in|on|for)\s/i.test(lead) ? TITLE_BEFORE_CLAUSE.exec(rest) : null;
  if (!title) return undefined;
  const read = applyRules(`${lead}${title[1]}, ${rest.slice(title[0].length)}`, body);
  return read &&
    (read.kind === 'page-by-name' || read.kind === 'operation') &&
    read.request.operation === 'update'
    ? read
    : undefined;
}

function statedAfterPage(line: string, body: string): Intent | undefined {
  const match = PAGE_THEN_STATED.exec(line);
  return match ? verblessReplace(match, body) : undefined;
}

/**
 * A replace stated with no verb after the page ("Expense Policy: 45 EUR instead of 40 EUR", "in the
 * on-call rota, it should be Ana not Sam"): only when the page reads as one and both texts look like
 * values (see stated-replace.ts). `undefined` otherwise.
 */
function verblessReplace(match: RegExpExecArray, body: string): Intent | undefined {
  // "the expense policy is wrong, 30 days should be 45 days": what is wrong with the page is no part of its name.
  const page = match[1]!.trim().replace(PAGE_COMPLAINT, '');
  if (body.trim().length > 0 || NOT_A_PAGE_START.test(page)) return undefined;
  // "testing strategy - jest should be vitest": one word for another names its page in two to four plain words too.
  const stated = PAGE_LIKE.test(page)
    ? (statedReplace(match[2]!) ?? statedWordSwap(match[2]!))
    : isKeywords(page) && /^\S+(?:\s+\S+){1,3}$/.test(page)
      ? statedWordSwap(match[2]!)
      : undefined;
  if (!stated) return undefined;
  const read = parseUpdate('update', `${page}: append: x`, '');
  return read.kind === 'page-by-name' || read.kind === 'operation'
    ? read.kind === 'page-by-name' && read.request.operation === 'update'
      ? { kind: 'page-by-name', request: { ...read.request, edit: stated } }
      : read.kind === 'operation' && read.request.operation === 'update'
        ? { kind: 'operation', request: { ...read.request, edit: stated } }
        : undefined
    : undefined;
}

/**
 * "change the wording in the Code of Conduct from "staff" to "employees"", "switch the rota from Sam to
 * Ana": the page, then the old and new text after "from … to". Read as the replace it is.
 */
const FROM_TO_CHANGE =
  /^(?:change|switch|update|edit|correct|fix|amend)\s+(?:(?:the\s+)?(?:wording|text|word|words|phrase|spelling)\s+(?:in|on|of)\s+)?(\S[^\n]{0,120}?)\s+from\s+([^\n]{1,80}?)\s+(?:to|into)\s+([^\n]{1,80})$/i;

/**
 * "the standup time on Team Rituals": a thing in lower-case words (at most four), then "on"/"in" and the
 * page. Case-sensitive: "the Code of Conduct" is a title, not a thing of a page.
 */
const THING_ON_PAGE = /^the\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*\s+(?:on|in)\s+(\S.{0,120})$/;
/** Only a space ("HR", "the HR space"), never a page. */
const SPACE_ONLY = /^(?:the\s+)?~?[A-Z][A-Z0-9]{1,9}$|\s(?:space|wiki)$/;

/**
 * "rewrite / replace the whole (of the) X page: …", "redo the entire X with: …", "replace the whole content
 * of page 12 with: …", "… by: …" (what is replaced, named before "of", is no part of the page).
 */
const WHOLE_PAGE =
  /^(?:rewrite|redo|replace|overwrite)\s+(?:the\s+)?(?:whole|entire|full)\s+(?:(?:body|content|contents|text)\s+(?:of|on|in)\s+|of\s+)?(?!(?:section|part|bit|paragraph|thing|lot)\b)(\S[^:\n]{0,120}?)\s*(?::|\s+with\s*:?|\s+by\s*:|\s+to\s+say\s*:?)\s*(?=\S)/i;

/** "overwrite the Team Rituals page with: …": all of the page replaced; the colon says the new text follows. */
const OVERWRITE_PAGE =
  /^overwrite\s+(?!(?:the\s+)?(?:section|part|bit|paragraph|line|word|text|whole|entire|body|content|contents)\b|everything\b|all\b)(\S[^:\n]{0,120}?)\s+with\s*:\s*(?=\S)/i;

/** The line as "replace A with B in P" when it is a {@link FROM_TO_CHANGE} of a page, else as typed. */
function fromToReplace(core: string): string {
  // "rewrite the whole Team Rituals page: …", "overwrite X with: …": the page's body.
  const whole = WHOLE_PAGE.exec(core) ?? OVERWRITE_PAGE.exec(core);
  if (whole) return `set the body of ${whole[1]} to: ${core.slice(whole[0].length)}`;
  const change = FROM_TO_CHANGE.exec(core);
  if (!change || !PAGE_LIKE.test(change[1]!) || /^(?:my|our|your|it|this|that)\b/i.test(change[1]!))
    return core;
  // "change the standup time on Team Rituals from …": what changes is named before the page, in lower case.
  const thing = THING_ON_PAGE.exec(change[1]!);
  const page = thing && PAGE_LIKE.test(thing[1]!) && !SPACE_ONLY.test(thing[1]!) ? thing[1]! : change[1];
  return `replace ${change[2]} with ${change[3]} in ${page}`;
}

/** A first clause, then a break and a write's verb ("we decided in the retro - add to X that …"). */
const CLAUSE_THEN_WRITE =
  /^([^:\n"“]{3,120}?)(?:\s*[:,]\s*|\s[-–—]+\s*)(?=(?:(?:please|pls|plz|kindly|so|can|could|would|will)\s+(?:you\s+|u\s+)?){0,3}(?:add|append|put|write|insert|stick|pop|post|jot|note|change|replace|swap|update|rename)\b)/i;
/**
 * Verbs that tell what happened or who said so ("we decided", "HR just told me", "it was agreed", "almost forgot"):
 * a clause with one is news, never a page's name. Lower case only; past forms in "-ed" count too.
 */
const TELLING_VERBS = wordSetOf(
  'said says told tells heard hear decided agreed confirmed asked voted moved changed approved announced mentioned wants wanted needs was were is are has had got went came sent emailed pinged flagged requested discussed talked suggested reminded reckons thinks thought knows noticed found realised realized forgot',
);

/** A clause with a person as its subject ("they told me", "my manager said", "Sam asked"). */
const TOLD_BY =
  /^(?:i|we|they|he|she|you|u|someone|somebody|everyone|(?:my|our|the)\s+(?:manager|boss|lead|team|client|customer|hr|it|legal|finance|ceo|cto|director|colleague|teammate)|[A-Z][a-z]+\s+(?:said|told|asked|says|wants|wanted))\s/;

/** Words for a place on a page or a pointer, never a page of their own ("add to the bottom: …"). */
const PLACE_ONLY =
  /^(?:(?:the|its|this|that)\s+)?(?:end|bottom|top|start|beginning|middle|list|it|this|that|there|here|same|section|part)$/i;

function wordSetOf(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}

/** True when a lower-case word of `clause` tells what happened ("decided", "told", "was"). */
export function isTellingClause(clause: string): boolean {
  return clause.split(/\s+/).some((word) => TELLING_VERBS.has(word) || /^[a-z]{2,}ed$/.test(word));
}

/**
 * "we decided in the retro - add to Team Rituals that …", "HR just told me: put in the Onboarding page
 * …": news first, then a whole write that names its own page, read as that write. `undefined` unless
 * the first clause tells something and the rest reads as a write of a named page.
 */
function contextThenWrite(line: string, body: string): Intent | undefined | 'news' {
  const clause = CLAUSE_THEN_WRITE.exec(line);
  // "the archived projects page - add to the bottom: …": a page noun says the clause names the page.
  if (!clause || !isTellingClause(clause[1]!) || /\b(?:page|pg|doc|document|wiki)\b/i.test(clause[1]!))
    return undefined;
  // "they told me - add it yourself": news with a person as its subject names no page before the break.
  const news = TOLD_BY.test(clause[1]!) ? 'news' : undefined;
  const command = stripPoliteness(line.slice(clause[0].length));
  const read = command.length > 0 ? applyRules(baseVerbForm(command), body) : undefined;
  if (read?.kind === 'page-by-name')
    return read.request.operation === 'update' && !PLACE_ONLY.test(read.request.ref.words.trim())
      ? read
      : news;
  const write =
    read?.kind === 'operation' &&
    (read.request.operation === 'update' || read.request.operation === 'create');
  return write ? read : news;
}

/**
 * After a space named first: a break, then the command ("in the engineering space, add to X: …"), or
 * no break before asking words or a read's verb ("in OPS can you open the vpn guide").
 */
const AFTER_SPACE =
  /\s*,\s*(?=\S)|\s+(?=(?:(?:can|could|would)\s+(?:you|u)|please|pls|plz|kindly|open|show|pull\s+up|bring\s+up)\s)/y;

/**
 * "in the engineering space, add to the deploy checklist: …", "in ENG, rename X to Y": the space first,
 * then a whole edit or read of a page; the page is looked for in that space. `undefined` unless the
 * words after the space read as such a command.
 */
function spaceThenEdit(line: string, body: string): Intent | undefined {
  const cursor = new TextCursor(line);
  const key = readSpaceName(cursor) ?? readSpaceClause(cursor, ['in', 'on', 'inside', 'within', 'from']);
  // Only a space said to be one ("the engineering space", "ENG" in capitals): "in the rota, …" names a page.
  const said = /\b(?:space|wiki)\b|\s~?[A-Z][A-Z0-9]{1,9}\b/.test(line.slice(0, cursor.pos));
  if (key === undefined || !said || !cursor.take(AFTER_SPACE)) return undefined;
  const command = stripPoliteness(cursor.rest());
  // "in HR, the expense policy pls": a page named with "the" and no verb is opened there.
  const read =
    command.length > 0
      ? (applyRules(baseVerbForm(command), body) ??
        (isDefiniteName(command) ? parseGetTarget(command) : undefined))
      : undefined;
  if (read?.kind !== 'page-by-name') return undefined;
  const ref = read.request.ref;
  if (ref.spaceKey !== undefined) return read;
  // "in LEGAL, open "Trademark Guidelines"": read with the space after it, as typed that way (a quoted title in a space).
  const moved =
    read.request.operation === 'get' ? applyRules(baseVerbForm(`${command} in ${key}`), body) : undefined;
  if (moved?.kind === 'operation' && moved.request.operation === 'get') return moved;
  return { ...read, request: { ...read.request, ref: { ...ref, spaceKey: key } } } as Intent;
}

/** The space before a create verb, and the verb ("in the engineering space, create "). */
const SPACE_THEN_CREATE_VERB =
  /\s*,?\s+(?:please\s+|pls\s+|(?:can|could)\s+(?:you|u)\s+)?(?:create|make|start|set\s+up|draft)\s+/iy;
/** The page words and naming after the verb ("a new page called "), dropped before the title. */
const PAGE_NAMING =
  /^(?:(?:an?|one)\s+)?(?:new\s+)?(?:(?:page|doc|document)\s+)?(?:(?:called|named|titled)\s+)?/i;

/**
 * "in the engineering space, create Desk Rules with: …", "In Engineering, create …", "under HR, make
 * …": the space first (a key or a name), then the create; read as "page in <key> called <the rest>".
 * A space said as one bare word ("In Lisbon, …") gives way to a space the create names itself.
 * `undefined` when the space does not read.
 */
function spaceThenCreate(line: string, body: string): Intent | undefined {
  const cursor = new TextCursor(line.replace(/^over\s+/i, ''));
  const named = readSpaceName(cursor) ?? readSpaceName(cursor, UNDER_NAME_START);
  const key =
    named ?? readSpaceClause(cursor, ['in', 'on', 'inside', 'within', 'into']) ?? readNameFirst(cursor);
  if (key === undefined) return undefined;
  // Said as a space ("the engineering space") or as its key in capitals ("In HR, …"): the space for sure.
  const sure = named !== undefined || cursor.text.slice(0, cursor.pos).includes(key);
  if (!cursor.take(SPACE_THEN_CREATE_VERB)) return undefined;
  const rest = cursor.rest().replace(PAGE_NAMING, '');
  if (rest.length === 0) return undefined;
  const own = sure ? undefined : parseCreate(`page called ${rest}`, body);
  if (own?.kind === 'operation') return own;
  return parseCreate(`page in ${key} called ${rest}`, body);
}

/** "X needs to be added to <page>" as "add X to <page>", or the line as it was. */
function activeAdd(line: string): string {
  const reach = REACH_THEN_EDIT.exec(line);
  const core = reach ? `in ${reach[1]}, ${line.slice(reach[0].length)}` : line;
  for (const pattern of PASSIVE_ADD) {
    const match = pattern.exec(core);
    if (!match) continue;
    const rest = core.slice(match[0].length);
    const text = match[1]!.trim();
    const quoted = /^["“‘'«„]/.test(text) || /^(?:this|these|the\s+following)$/i.test(text);
    return quoted || PAGE_LIKE_TARGET.test(rest.split(':')[0]!) ? `add ${text}${rest}` : core;
  }
  return core;
}

/** "make one in OPS called X", "create one called X": "one" stands for a new page. */
const MAKE_ONE =
  /^(make|create|set\s+up|start|draft|add)\s+(?:(?:a\s+)?new\s+)?one\s+(?=(?:(?:in|on|into)\s+(?:the\s+)?\S+(?:\s+space)?\s+)?(?:called|named|titled)\s)/i;

/** The line with a leading "-ing" command verb in its base form ("adding a line …" → "add a line …"). */
export function baseVerbForm(typed: string): string {
  const core = activeAdd(
    plainReadVerb(typed)
      .replace(MAKE_ONE, '$1 a page ')
      .replace(INFORMAL_MAKE, 'make')
      .replace(PAGE_ADJECTIVES, (_all, article: string) =>
        article.toLowerCase() === 'an' ? 'a ' : `${article} `,
      ),
  );
  const first = /^[a-z]+/i.exec(core)?.[0];
  const base = first && !GERUND_AS_NOUN.test(core) ? GERUNDS[first.toLowerCase()] : undefined;
  return base ? `${base}${core.slice(first!.length)}` : core;
}

/**
 * An "-ing" word that names a thing with the noun after it ("Reading List rename to Books", "the writing
 * guide"): no verb to put in its base form. Kept as data.
 */
const GERUND_AS_NOUN =
  /^(?:reading\s+(?:list|lists|group|club|material|materials)|writing\s+(?:guide|guidelines|style|tips))\b/i;

/** The intent of the first command form `core` starts with, or `undefined` when none fits. */
export function applyRules(line: string, bodyLines: string): Intent | undefined {
  // "write in bold: hello to the Office Guide": how the text should look names no page.
  const core = fromToReplace(withoutTextFormat(line));
  for (const [pattern, handle] of RULES) {
    const match = pattern.exec(core);
    if (match) return handle(core.slice(match[0].length), bodyLines, match);
  }
  return undefined;
}
