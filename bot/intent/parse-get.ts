import { ASKED_READ } from './asked-read.js';
import { EXAMPLE_COMMANDS } from './examples.js';
import { isOnlyWhenOrCourtesy } from './name-end-words.js';
import { withoutNameResidue } from './name-residue.js';
import { nameAfterOnePageAbout } from './one-page-about.js';
import {
  isTitleInCapitals,
  isTitleShaped,
  onlyAgreesOrPoints,
  readPageName,
  readPageToOpen,
} from './page-name.js';
import { findUrl, readPageRef } from './page-ref.js';
import { DESCRIBED_PAGE, isSpaceThenTopic, parseSearchWords } from './parse-search.js';
import { withoutPointerLabel } from './pointer-label.js';
import { readQuoted } from './read-quoted.js';
import { unclear } from './readings.js';
import { readSpaceClause } from './space-key.js';
import { TextCursor } from './text-cursor.js';
import { nameAfterThatDoc } from './that-doc-about.js';
import type { Intent } from './types.js';

/** What may follow a page's id, link or quoted title and space: where to show it ("in here", "in chat"), or " there" (Indian English). */
const TRAILING_NOISE = /^[\s.,;:!?)]*(?:(?:in\s+)?(?:here|chat|teams|the\s+chat)|there)?[\s.,;:!?]*$/i;
/**
 * Words that ask for pages about something rather than one page: "pages about X", "anything on X",
 * "the docs", "any runbook for kafka" (any one of several). A collection noun that goes on into other words ("the Information Security Policy",
 * "the Things To Know page") starts a title instead. "The page with X" (one page) names it by X.
 */
const ABOUT_WORDS =
  /^(?:any|some)\s+(?!(?:of|one|more)\b)\S|^(?:(?:all|any|some|the|our)\s+)?(?:(?:confluence|wiki)\s+)?(?:stuff|anything|everything|something|whatever)\b|^all\s+(?!of\b)(?:the\s+|our\s+)?\S+(?:\s+\S+){0,4}?\s+(?:policies|pages|docs|notes|guides|runbooks|playbooks|templates|checklists|procedures|documents|adrs|faqs)$|^(?:(?:all\s+(?:of\s+)?(?:the|our)|all|any|some|the|our)\s+)?(?:(?:confluence|wiki)\s+)?(?:pages|docs|documents|documentation|articles|things|info|infos|information|informations|materials|resources|results|entries)(?=[\s.!?]*$|\s+(?:about|on|for|regarding|re|concerning|mentioning|related\s+to|relating\s+to|covering|with|containing|that|which|in|from|of|to\s+do\s+with)\b)|^(?:(?:all|any|some|the|our)\s+)?(?:(?:confluence|wiki)\s+)?(?:pages?|docs?|documents?|articles?|notes?|guides|runbooks|policies|playbooks|checklists|templates|how-?tos)\s+(?:about|on|for|regarding|re|mentioning|related\s+to|covering|(?<=(?:pages|docs|documents|articles|notes)\s+)with|containing)\s/i;
/** "page ", "the doc called ": page words before a quoted title. */
const PAGE_NOUN_FIRST =
  /^(?:(?:the|this|that)\s+)?(?:(?:confluence|wiki)\s+)?(?:page|doc|document|article)\s+(?:(?:called|named|titled)\s+)?/i;
/** "… in HR", "… from the OPS space": a space after the words, looked past for a collection word. */
const TRAILING_SPACE_CLAUSE = /\s+(?:in|on|from)\s+(?:the\s+)?\S+(?:\s+space)?\s*$/i;
const COLLECTION_END = /\s(?:docs|pages|documents|documentation|articles|stuff|info|information)[\s.!?]*$/i;

/**
 * "get me the Sales Playbook link", "send the rota url", "post the rota link in here": the page's link is
 * asked for (perhaps with where to put it), so the page is opened.
 */
const LINK_AFTER_NAME =
  /\s+(?:(?:page|doc)\s+)?(?:link|url|web\s+address)(?:\s+(?:in\s+)?(?:here|there|(?:this|the)\s+(?:chat|channel|thread)))?[\s.!?]*$/i;

/** "the page for the Sales Playbook", "the wiki page for Laptop Setup": a page noun, then a title-shaped name. */
const PAGE_FOR_TITLE =
  /^(?:(?:the|a|our)\s+)?(?:(?:confluence|wiki)\s+)?(?:page|doc|document|article)\s+(?:for|about|on|of)\s+(?:(?:the|our)\s+)?/i;

/**
 * A name still starting with "a" or "an" typed in lower case once the page words are read ("a ticket",
 * "an incident"): one of many things, not a page by its title ("A New Hope" is written in capitals).
 */
const INDEFINITE_THING = /^an?\s/;

/** A read asked again later in the words, after a break (see {@link ASKED_READ}). */
const LATER_READ = new RegExp(String.raw`[,;.!?]\s+${ASKED_READ}`, 'i');

/**
 * "the Sales Playbook page and the Pricing page", "the laptop setup or the vpn guide": two pages asked
 * at once, each with its own article. One get opens one page, so the bot asks rather than join them
 * into one name ("Wi-Fi and Printers" has no article after its "and").
 */
const TWO_PAGES = /^(?:the|our|my)\s.*?\s(?:and|or|&|plus|\+|n)\s+(?:also\s+)?(?=(?:the|our|my)\s+\S)/i;
/** Most characters of a page's name offered back in a reading. */
const MAX_READING_NAME = 60;

/** Asks which of two pages named at once to open, offering each as a reading. */
function oneOfTwoPages(text: string, secondAt: number): Intent {
  const first = text.slice(0, secondAt).replace(/\s+(?:and|or|&|plus|\+|n)\s+(?:also\s+)?$/i, '');
  const second = text.slice(secondAt);
  return {
    kind: 'unclear',
    message: 'I can open one page at a time. Which one first?',
    readings: [first, second].map((name) => `open ${name.slice(0, MAX_READING_NAME).trim()}`),
  };
}

/** A get of the page named by `text` (title words), or a search when the words ask for pages about something. */
function getByName(typed: string): Intent {
  // "this for me please: Wi-Fi and Printers": the page given after a lead that only points.
  const text = withoutPointerLabel(typed);
  const pointed = POINTED_THEN_NAMED.exec(text);
  if (pointed) return getByName(text.slice(pointed[0].length));
  const two = TWO_PAGES.exec(text);
  if (two) return oneOfTwoPages(text, two[0].length);
  const later = LATER_READ.exec(text);
  if (later) return parseGetTarget(text.slice(later.index + later[0].length));
  // "that doc about kafka consumer lag": one page pointed at and named by its topic.
  const pointedName = nameAfterThatDoc(text) ?? nameAfterOnePageAbout(text);
  const pointedRef = pointedName === undefined ? undefined : readPageToOpen(pointedName);
  if (pointedRef) return { kind: 'page-by-name', request: { operation: 'get', ref: pointedRef } };
  const pageFor = PAGE_FOR_TITLE.exec(text);
  const title = pageFor ? `the ${text.slice(pageFor[0].length)}` : undefined;
  const titled = title && isTitleShaped(title) ? readPageToOpen(title) : undefined;
  if (titled) return { kind: 'page-by-name', request: { operation: 'get', ref: titled } };
  // "Notes on Testing", "Resources for Managers": a title in capitals, though its words start like "notes on X".
  const inCapitals = isTitleInCapitals(text) ? readPageToOpen(text) : undefined;
  if (inCapitals) return { kind: 'page-by-name', request: { operation: 'get', ref: inCapitals } };
  // "the gdpr stuff for the audit next week": what is said after the words is looked past too.
  const withoutSpace = withoutNameResidue(text).replace(TRAILING_SPACE_CLAUSE, '');
  // "check the ops wiki for printer setup": a space, then what to look for in it, is a search.
  if (
    ABOUT_WORDS.test(text) ||
    ABOUT_WORDS.test(withoutSpace) ||
    COLLECTION_END.test(` ${withoutSpace}`) ||
    DESCRIBED_PAGE.test(text) ||
    isSpaceThenTopic(text)
  )
    return parseSearchWords(text);
  const link = LINK_AFTER_NAME.exec(text);
  const named = link && link.index > 0 ? text.slice(0, link.index) : text;
  const ref = readPageToOpen(named) ?? readPageName(text);
  // "open a ticket for the outage", "open an incident": a thing to start, never a page's name.
  if (ref && INDEFINITE_THING.test(ref.words)) return unclear(text);
  // "yes that one, open it", "the one from HR": nothing named, nothing to search for (a space says where, not which).
  if (!ref && onlyAgreesOrPoints(text.replace(TRAILING_SPACE_CLAUSE, ''))) return unclear(text);
  return ref ? { kind: 'page-by-name', request: { operation: 'get', ref } } : parseSearchWords(text);
}

/** "it - the expense policy I mean", "that one, the vpn guide": a pronoun, then the page it stands for. */
const POINTED_THEN_NAMED =
  /^(?:it|that|this|that\s+one|this\s+one)\s*(?:[-–—,:]|\s(?=i\s+mean\b))\s*(?:i\s+mean\s+)?(?=(?:the|our)\s+\S)/i;

/** Curly and low double quotes, said straight when a read's quotes do not pair up. */
const CURLY_DOUBLE = /[“”„]/g;

/**
 * A read's name whose curly quote is closed by a straight one (`“VPN Setup Guide"`, as a phone's
 * autocorrect and a keyboard mix them) with its quotes said straight when they then pair up; else
 * `text` unchanged (a quote never closed stays a failure that says so).
 */
function mendedQuotes(text: string): string {
  const straight = text.replace(CURLY_DOUBLE, '"');
  return (straight.split('"').length - 1) % 2 === 0 ? straight : text;
}

/**
 * Builds a get from what follows a get verb ("page 123", "https://…", "\"VPN Setup\" in ENG"; a link
 * anywhere in the words wins). Other words name a page by its title ("the VPN Setup Guide", "My page
 * in ENG", a quoted title without its space): a `page-by-name` request, resolved by a title search.
 * Words that ask for pages about something ("the onboarding docs", "pages about SSO") become a
 * search. Nothing at all → failure.
 */
export function parseGetTarget(remainder: string): Intent {
  const text = remainder.trim();
  if (text.length === 0) {
    return {
      kind: 'failure',
      message: 'Which page? Give a page id, a page link, or a quoted title with its space.',
      suggestions: [
        'get 123456',
        'get "VPN Setup" in ENG',
        'get https://your-site.atlassian.net/wiki/spaces/ENG/pages/123456',
      ],
    };
  }
  const cursor = new TextCursor(text);
  const read = readPageRef(cursor);
  // A quoted title without its space ("\"VPN Setup\"", "page \"Team Rituals\""): found by a title search.
  const quoteAt = text.replace(PAGE_NOUN_FIRST, '').length;
  const quotedName =
    read?.kind === 'error' && readQuoted(text, text.length - quoteAt)?.kind === 'quoted'
      ? readPageName(text)
      : undefined;
  if (quotedName) return { kind: 'page-by-name', request: { operation: 'get', ref: quotedName } };
  if (read?.kind === 'error') {
    const mended = mendedQuotes(text);
    if (mended !== text) return parseGetTarget(mended);
    return {
      kind: 'failure',
      message: read.message,
      suggestions: ['get "VPN Setup" in ENG', ...EXAMPLE_COMMANDS.slice(0, 1)],
    };
  }
  if (read?.kind === 'ref') {
    if (read.ref.kind !== 'title') readSpaceClause(cursor);
    // "open 1048600 again pls": when or how soon after the id says nothing of which page.
    if (
      read.ref.kind === 'url' ||
      TRAILING_NOISE.test(cursor.rest()) ||
      isOnlyWhenOrCourtesy(cursor.rest())
    ) {
      return { kind: 'operation', request: { operation: 'get', ref: read.ref } };
    }
  }
  const url = findUrl(text);
  if (url !== undefined)
    return { kind: 'operation', request: { operation: 'get', ref: { kind: 'url', url } } };
  return getByName(text);
}
