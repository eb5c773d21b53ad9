import { allWordsFrom, closedWordsOf, FUNCTION_WORDS } from './closed-words.js';
import { NAME_END_ADVERB, withoutNameEndAdverb } from './name-end-words.js';
import {
  withoutNameResidue,
  withoutTailAfterName,
  withSpaceAsideAtEnd,
  withSpaceOfNamed,
} from './name-residue.js';
import { MAX_TITLE_LENGTH } from './page-ref.js';
import { readQuoted } from './read-quoted.js';
import { trimEndWhere } from './scan-text.js';
import { acceptSpaceWord } from './space-key.js';
import { CAPITALS_NOT_A_SPACE, SPACE_AFTER_NAME } from './space-phrase.js';
import { TRAILING_ADVERB, TRAILING_EMPHASIS } from './trailing-adverbs.js';
import type { TitleSearchRef } from './types.js';

/**
 * "the page called X", "dis page: X" (phone spelling), "the page titled: X", "the page whose title is X",
 * "the page, name is X" (non-native): the page noun and its naming words before a name.
 */
const LEADING_PAGE_WORDS =
  /^(?:(?:the|teh|this|that|dis|dat|da|our|your|my|a|an)\s+)?(?:(?:confluence|wiki)\s+)?(?:page|doc|document|article)(?:\s*[:,]\s*|\s+)(?:(?:(?:called|named|titled|entitled)\s*:?|(?:(?:whose|its|the)\s+)?(?:title|name)\s+is\s*:?|of|for|about|with\s+(?:the\s+)?(?:name|title)(?:\s+of)?|with)\s+)?(?:(?:the|teh)\s+)?/i;
const LEADING_NAMING =
  /^(?:(?:one|the\s+one)\s+)?(?:called|named|titled)\s+|^(?:what'?s|whats|what\s+is|what'?s\s+written)\s+(?:in|on)\s+(?:the\s+|our\s+)?(?=\S)|^(?:link|url|web\s+address)\s+(?:to|for|of)\s+(?:the\s+|our\s+)?(?=\S)|^(?:an?\s+)?(?:summary|overview|tl;?dr|gist|copy|contents?|text|full\s+text|body|whole\s+text|(?:latest|current|newest|most\s+recent|up-to-date)\s+(?:version|copy|draft))\s+of\s+(?:the\s+)?/i;
const LEADING_ARTICLE = /^(?:the|teh|this|that|our|your)\s+/i;
/** "d", "da", "tha" for "the" as phone and Nigerian or Caribbean chat write it ("open da code of conduct"; lower case only). */
const PHONE_ARTICLE = /^(?:d|da|tha)\s+(?=\S)/;
/**
 * "the whole Expense Policy", "the official Remote Work Policy", "our lovely Paid Time Off page", "the good
 * old Incident Response Process": how much, which copy or what the asker thinks of it, not the name (lower
 * case only). Kept as data.
 */
const NAME_ADJECTIVE =
  /^(?:whole|full|entire|complete|official|actual|original|one\s+and\s+only|lovely|famous|infamous|good\s+old|trusty|trusted|beloved|dreaded|wonderful|awesome|amazing|handy|useful|legendary|precious|fabulous|usual|much-loved|wretched|dear)\s+(?:old\s+)?(?=\S+\s|\p{Lu})/u;
const TRAILING_PAGE_NOUN = /\s+(?:(?:confluence|wiki)\s+)?(?:page|pg|doc|document|article)$/i;
const TRAILING_SPACE =
  /\s+(?:in|on|from|within|inside)\s+(?:the\s+)?(?:(space)\s*:?\s*)?(~?[A-Za-z0-9]{1,254})(?:\s+(space))?$/i;
/**
 * "… page under HR", "… at OPS", "… @ ENG", "… under the people space": a space after "under", "at" or "@",
 * only as a key in capitals or with "space" after it ("the rota at work" names no space). Only on a page
 * to read: in a write, "under HR" may be the section the text goes in.
 */
const UNDER_SPACE =
  /(?<=\S)\s+(?:under|at|@)\s+(?:the\s+)?(?:(~?[A-Z][A-Z0-9]{1,9})(?:\s+space)?|([\p{L}\p{N}]{2,30})\s+space)$/u;
/** "Open API Style Guide, ENG", "the expense policy - HR", "… / HR": a space key in capitals after a break at the end of a page to read. */
const COMMA_SPACE = /(?:,|\s[-–—/])\s*(~?[A-Z][A-Z0-9]{1,9})(?:\s+space)?$/;
/**
 * "… in jdoe's space": someone's personal space (`~jdoe`), named by a user name typed in lower case. A
 * name in capitals ("in Priya's space") is a person's name, left for the space directory to resolve.
 */
const PERSONAL_SPACE = /\s+(?:in|from)\s+([a-z][a-z0-9._-]{0,30})['’]s\s+(?:personal\s+)?space$/i;
/** "… in my space", "… in my personal space": the asker's own space, whose key the words do not give. */
const OWN_SPACE = /\s+(?:in|from)\s+my\s+(?:own\s+)?(?:personal\s+)?(?:space|wiki)$/i;
/** "VPN Setup Guide (OPS)", "feature flags [ENG]": the space key in brackets after the name. */
const SPACE_IN_BRACKETS = /\s*[([]\s*(?:(space)\s*:?\s*)?(~?[A-Za-z][A-Za-z0-9]{0,31})\s*[)\]]?()$/i;
const NOT_A_NAME =
  /^(?:the|a|an|it|this|that|these|those|them|one|ones|all|both|either|each|everything|anything|something|nothing|stuff|things|more|results?|pages?|docs?|documents?|me|us|here|there)$/i;

/** Words that only agree or point ("yes that one", "ok this", "both of them"): no page's name. Kept as data. */
const POINTING_WORDS = new Set(
  'yes yeah yep yup ya ok okay k sure alright right cool great perfect fine that this one it the both all of them these those'.split(
    ' ',
  ),
);

/** True when every word of `words` only agrees or points ("yes that one"; see {@link POINTING_WORDS}). */
export function onlyAgreesOrPoints(words: string): boolean {
  return words
    .toLowerCase()
    .split(/[\s,.!]+/)
    .filter((word) => word.length > 0)
    .every((word) => POINTING_WORDS.has(word));
}

/** "the laptop setup page for the new hire": why the page is wanted, after the page noun. */
const PAGE_THEN_PURPOSE =
  /(\s(?:(?:confluence|wiki)\s+)?(?:page|doc|document|article))\s+(?:for|so|because|since|as)\s+(?:the|a|an|my|our|me|us|i|we|it)\b.{0,80}$/i;

/** "open the Performance Reviews page there", "… page asap": a word after the page noun (adverbs of time and pace: `NAME_THEN_ADVERB`). */
const PAGE_THEN_ADVERB =
  /(\s(?:(?:confluence|wiki)\s+)?(?:page|doc|document|article))\s+(?:there|here|asap|now|today|please|pls|for\s+me|for\s+us|too|as\s+well)$/i;
/** "the holiday calendar one": "one" standing for the page, after two words or more. */
const NAME_THEN_ONE = /^((?:the|our)\s+\S+\s+\S.*?)\s+one$/i;
/** "show me the On-call Rota again", "open the VPN guide real quick": an adverb at the end, with or without a page noun. */
const NAME_THEN_ADVERB = new RegExp(`(?:${TRAILING_ADVERB}|${NAME_END_ADVERB})$`, 'i');
/** "the Expense Policy only", "the Travel Policy page itself": emphasis after a name of two words or more ("Members Only" stays). */
const NAME_THEN_EMPHASIS = new RegExp(
  `^((?:(?:the|our)\\s+)?(?!(?:the|our)\\s)(?:\\S+\\s+\\S.*?|(?:[A-Z]{2,}-?|[a-z]{2,}-)\\d+))${TRAILING_EMPHASIS}$`,
  'i',
);

function isStop(char: string): boolean {
  return /[\s.,;:!?)]/u.test(char);
}

/** A space named at the end of a page name, and where that clause starts. */
interface TrailingSpace {
  readonly key: string;
  readonly index: number;
}

/** The space at the end of `text`: "in ENG", "in the HR space", "(OPS)", "in jdoe's space" (`~jdoe`). */
function trailingSpace(text: string): TrailingSpace | undefined {
  const personal = PERSONAL_SPACE.exec(text);
  if (personal && /^\p{Lu}/u.test(personal[1]!)) return undefined;
  const personalKey = personal ? acceptSpaceWord(`~${personal[1]}`, true) : undefined;
  if (personal && personalKey !== undefined) return { key: personalKey, index: personal.index };
  const space = TRAILING_SPACE.exec(text) ?? SPACE_IN_BRACKETS.exec(text);
  if (!space) return undefined;
  const key = acceptSpaceWord(space[2] ?? '', space[1] !== undefined || space[3] !== undefined);
  return key === undefined ? undefined : { key, index: space.index };
}

/**
 * Reads a page named by its title words ("the VPN Setup Guide", "the release process page", "My
 * page in ENG", "page called Reading List"): drops a leading article or "page called", a trailing
 * "page" (kept when it is all that names the page: "My page"), and takes a trailing `in SPACE`.
 * Returns `undefined` when nothing title-like is left or it is longer than a title can be. Linear:
 * a few anchored patterns over a string capped at twice the title length.
 */
export function readPageName(text: string): TitleSearchRef | undefined {
  // "in bin days pls - …": courtesy after the name is not part of it.
  let rest = trimEndWhere(withSpaceAsideAtEnd(withSpaceOfNamed(text.trim())), isStop).replace(
    /(?<=\S)\s+(?:pls|please|plz|for\s+me|for\s+us)$/i,
    '',
  );
  if (rest.length === 0 || rest.length > MAX_TITLE_LENGTH * 2) return undefined;
  const purpose = PAGE_THEN_PURPOSE.exec(rest);
  if (purpose && purpose.index > 0) rest = rest.slice(0, purpose.index + purpose[1]!.length);
  const emphasis = rest.length <= MAX_TITLE_LENGTH * 2 ? NAME_THEN_EMPHASIS.exec(rest) : null;
  if (emphasis) rest = emphasis[1]!;
  const adverb = PAGE_THEN_ADVERB.exec(rest);
  if (adverb && adverb.index > 0) rest = rest.slice(0, adverb.index + adverb[1]!.length);
  const one = rest.length <= MAX_TITLE_LENGTH ? NAME_THEN_ONE.exec(rest) : null;
  if (one) rest = one[1]!;
  const when = NAME_THEN_ADVERB.exec(rest);
  if (when && when.index > 0) rest = trimEndWhere(rest.slice(0, when.index), isStop);
  const quoted = readQuoted(rest, 0, MAX_TITLE_LENGTH * 2);
  const space = trailingSpace(rest);
  const spaceKey = space?.key;
  if (space) rest = rest.slice(0, space.index);
  // "the promotion packet draft in my space": the asker's own space, which the title search reaches anyway.
  else rest = rest.replace(OWN_SPACE, '');
  if (quoted?.kind === 'quoted' && (quoted.end === rest.length || spaceKey !== undefined)) {
    rest = quoted.value;
  } else {
    const article = LEADING_ARTICLE.exec(rest) ?? PHONE_ARTICLE.exec(rest);
    const pageWords = LEADING_PAGE_WORDS.exec(rest);
    if (pageWords) rest = rest.slice(pageWords[0].length);
    else if (article) rest = rest.slice(article[0].length);
    rest = rest.replace(NAME_ADJECTIVE, '').replace(LEADING_NAMING, '');
    const noun = TRAILING_PAGE_NOUN.exec(rest);
    // "onboarding pg": "pg" is never a title's own word, so it goes even after one word.
    if (noun && (article || pageWords || rest.slice(0, noun.index).includes(' ') || /pg$/i.test(noun[0])))
      rest = rest.slice(0, noun.index);
  }
  const inner = readQuoted(rest.trim(), 0, MAX_TITLE_LENGTH * 2);
  const words = (inner?.kind === 'quoted' && inner.end === rest.trim().length ? inner.value : rest).trim();
  if (words.length === 0 || words.length > MAX_TITLE_LENGTH) return undefined;
  if (!/[\p{L}\p{N}]/u.test(words) || NOT_A_NAME.test(words) || onlyAgreesOrPoints(words)) return undefined;
  return { kind: 'title-search', words, ...(spaceKey !== undefined ? { spaceKey } : {}) };
}

/**
 * Why or when a page is wanted, after its name ("… so I can check the limits", "… before my trip",
 * "… for me to read", "… to review", "… in confluence", "… that Ana wrote", "… we use"): lower-case
 * words that never go on a title. Kept as data; read from the first such word to the end.
 */
const CONTEXT_AFTER_NAME =
  /\s(?:so\s+(?:that\s+)?(?:[iI]|we|you|they|he|she|u)\s|(?:before|after|during|ahead\s+of)\s+(?:my|our|his|her|their|the\s+(?:meeting|call|trip|review|audit|interview)|tomorrow|today|tonight|next|this|[iI]|we)\b|for\s+(?:me|us|him|her|them)\s+to\s|for\s+(?:my|our|his|her|their)\s|for\s+(?:the|a)\s+new\s+(?:guy|girl|hire|joiner|starter|person|colleague|member)|to\s+(?:read|check|review|see|look\s+(?:at|over|through)|share|print|go\s+through|skim)\b|(?:because|since|as)\s+(?:[iI]|we|my|our)\b|in\s+case\s|(?:in|on|from)\s+(?:confluence|the\s+wiki|wiki|our\s+wiki)\s*$|(?:that|which)\s+(?:[A-Z][\p{L}'-]+|i|we|you|they|he|she)\s+(?:wrote|made|created|shared|sent|posted|mentioned|use|used|keep|kept|started|updated)\b|(?:[iI]|we|you|they)\s+(?:use|used|have|had|keep|made|wrote|always\s+use)\s*$)/u;
/** "the current expense policy", "the latest team rituals page": how fresh, not which page. */
const FRESHNESS =
  /^((?:the|our|teh)\s+)(?:latest|current|newest|most\s+recent|up-to-date|updated)\s+(?!(?:version|copy|draft)\b)(?=\S)/;
/** "HR's parental leave policy", "the ENG team's testing strategy": a space key in capitals owns the page. */
const SPACE_OWNS = /^(?:(?:the|our)\s+)?([A-Z][A-Z0-9]{1,9})(?:\s+(?:team|space|wiki))?['’]s\s+(?=\S)/;
/**
 * "the engineering space Testing Strategy page", "the legal space's trademark guidelines": the space named
 * before a name in capitals, or owning it (marker typed in lower case).
 */
const SPACE_BEFORE_NAME =
  /^(?:(?:the|our)\s+)?(?!(?:the|our|a|an|this|that|my|your|which|what|team|company|main|shared|personal)\s)((?:[\p{L}&]+\s+){0,2}?[\p{L}&]+\s+(?:space|wiki))(?:\s+(?=[A-Z])|['’]s\s+(?=\S))/u;
/** "the engineering team's testing strategy", "the legal team's guidelines": a team's page, in that team's space. */
const TEAM_OWNS =
  /^(?:(?:the|our)\s+)?(?!(?:the|our|a|an|this|that|my|your|which|what)\s)([\p{L}&]+(?:\s+[\p{L}&]+)?)\s+team['’]s\s+(?=\S)/u;
/**
 * "ENG/Team Rituals", "HR > Expense Policy": a space key in capitals, then the page, as a breadcrumb
 * reads. A slash only before a word in capitals and small letters ("CI/CD Guide", "TCP/IP" are names).
 */
const BREADCRUMB = /^(~?[A-Z][A-Z0-9]{1,9})(?:\s*[>»›→]\s*|\s+\/\s+|\/(?=\p{Lu}\p{Ll}))(?=\S)/u;
/** "the expense policy one", "the feature flags thing": "one" or "thing" for the page, after its name. */
const ONE_AFTER_NAME = /(?<=\S\s+\S+)\s+(?:one|One|ONE|thing|THING)$/;

/** A sentence's end after a word of the name, then the next sentence ("the expense policy. Also, …"). */
const NEXT_SENTENCE = /(?<=[\p{L}\p{N}]{2})[.!?]+\s+(?=\p{L})/u;

/**
 * `text` up to the end of its first sentence: "the team rituals page. Then search retro" names the page
 * and then asks something else. Not in quotes, where a title may hold a full stop.
 */
export function withoutNextSentence(text: string): string {
  const end = NEXT_SENTENCE.exec(text);
  return end && end.index > 0 && !/["“”]/.test(text.slice(0, end.index)) ? text.slice(0, end.index) : text;
}

/**
 * The page a reader wants opened, named by its title words (see {@link readPageName}), with the why
 * and when said after the name left out ("open the expense policy so I can check the limits"), "one"
 * for the page ("the expense policy one") and how fresh ("the current expense policy").
 */
export function readPageToOpen(text: string): TitleSearchRef | undefined {
  if (text.length > MAX_TITLE_LENGTH * 2) return readPageName(text);
  const trimmed = withoutTailAfterName(withoutNameResidue(withoutNextSentence(text)));
  const context = CONTEXT_AFTER_NAME.exec(trimmed);
  const named = withoutNameEndAdverb(context && context.index > 0 ? trimmed.slice(0, context.index) : trimmed)
    .replace(FRESHNESS, '$1')
    .replace(ONE_AFTER_NAME, '')
    .replace(UNDER_SPACE, (_all, key: string | undefined, name: string | undefined) =>
      key ? ` in ${key}` : ` in the ${name} space`,
    )
    .replace(COMMA_SPACE, (all, key: string) => (CAPITALS_NOT_A_SPACE.has(key) ? all : ` in ${key}`));
  const crumb = BREADCRUMB.exec(named);
  if (crumb) {
    const inSpace = readPageName(`${named.slice(crumb[0].length)} in ${crumb[1]}`);
    if (inSpace) return inSpace;
  }
  const spaceFirst = SPACE_BEFORE_NAME.exec(named);
  if (spaceFirst) {
    const moved = readPageName(`${named.slice(spaceFirst[0].length)} in the ${spaceFirst[1]}`);
    if (moved) return moved;
  }
  const team = TEAM_OWNS.exec(named);
  if (team) {
    const owned = readPageName(`${named.slice(team[0].length)} in the ${team[1]} space`);
    if (owned) return owned;
  }
  const owner = SPACE_OWNS.exec(named);
  const ownerKey = owner ? acceptSpaceWord(owner[1]!, false) : undefined;
  const owned = owner && ownerKey !== undefined ? readPageName(named.slice(owner[0].length)) : undefined;
  if (owned && owned.spaceKey === undefined) return { ...owned, spaceKey: ownerKey };
  return readPageName(named) ?? readPageName(text);
}

/**
 * True when `text` (what follows a read's verb, with or without "the") is a title written in capitals
 * of two words or more that are not all small words ("Notes on Testing", "the Getting Started page",
 * "What's New in 2025", "the More Info page"): a page's name, even when its words would otherwise ask
 * for help, more results, a question or pages about something. "What You Can Do" is all small words.
 */
export function isTitleInCapitals(text: string): boolean {
  const trimmed = text.trim();
  // Typed all in capitals ("PAGES ABOUT KAFKA"), the capitals say nothing.
  if (trimmed.length > 150 || !/\p{Ll}/u.test(trimmed)) return false;
  const withArticle = /^(?:the|our)\s/i.test(trimmed) ? trimmed : `the ${trimmed}`;
  // "the 2nd 1" (phone spelling of "the second one"): numbers alone are no title in capitals.
  if (!isTitleShaped(withArticle) || !/(?:^|\s)\p{Lu}/u.test(withArticle)) return false;
  const words = closedWordsOf(withArticle.replace(/^\S+\s+/, '').replace(/\s+(?:page|doc|document)$/i, ''));
  return !allWordsFrom(words, FUNCTION_WORDS);
}

/** Small words a title keeps in lower case ("Code of Conduct", "Wi-Fi and Printers"). */
const TITLE_SMALL_WORDS = new Set([
  'of',
  'and',
  'for',
  'the',
  'to',
  'in',
  'at',
  'a',
  'an',
  'on',
  'with',
  '&',
]);
/** Last words that name people or places, not pages ("the Finance Team", "the Dublin Office"). */
const NOT_A_PAGE_END = new Set([
  'team',
  'people',
  'folks',
  'office',
  'room',
  'building',
  'floor',
  'desk',
  'kitchen',
  'canteen',
]);
/** A document's id as its name's word: "ADR-012", "RFC-7", "INC1234". */
const ID_WORD = /^(?:[A-Z]{2,}-?|[a-z]{2,}-)\d+$/;
/** "the Sales Playbook", "our Code of Conduct page", "the ADR-012 about event sourcing": an article, the name, a page noun. */
const ARTICLE_NAME = /^(?:the|our)\s+(\S.{0,150}?)(?:\s+(?:page|doc|document))?[\s?!.]*$/i;

/** "the page Contract Templates", "the page of Wi-Fi and Printers", "the doc called X": the page noun before the name. */
const PAGE_NOUN_BEFORE_NAME =
  /^(?:the|our)\s+(?:page|doc|document)\s+(?:(?:of|called|named|titled)\s+)?(?:the\s+)?(?=\S)/i;

/**
 * True when `text` names one page with the page noun first and a title-shaped name after it ("the page
 * Contract Templates in the Legal space", "the page of Wi-Fi and Printers"), as non-native English puts
 * it; "the page of the code of conduct" or "the page vpn" name a topic. Linear: two anchored patterns.
 */
export function isTitleAfterPageNoun(text: string): boolean {
  const trimmed = text.trim();
  const lead = PAGE_NOUN_BEFORE_NAME.exec(trimmed);
  if (!lead || trimmed.length > 150) return false;
  const name = trimmed
    .slice(lead[0].length)
    .replace(SPACE_AFTER_NAME, '')
    .replace(/[\s?!.]+$/, '');
  return isTitleShaped(`the ${name}`);
}

/**
 * True when `text` names one page by a title-shaped phrase: "the" or "our", then words written as a
 * title (each in capitals or a number, small words such as "of" and "and" aside), at least two of them
 * or an id ("the Sales Playbook", "the Code of Conduct", "the ADR-012"); an id may be followed by
 * "about <topic>" ("the ADR-012 about event sourcing"). "the brand guidelines" and "the VPN" are topics.
 * Word by word over at most 150 characters: linear.
 */
export function isTitleShaped(text: string): boolean {
  const named = ARTICLE_NAME.exec(text.trim());
  if (!named) return false;
  let words = named[1]!.split(/\s+/);
  const about = words.indexOf('about');
  if (about > 0) {
    if (!ID_WORD.test(words[about - 1]!)) return false;
    words = words.slice(0, about);
  }
  if (words.length > 10 || !(/^[\p{Lu}\p{N}]/u.test(words[0]!) || ID_WORD.test(words[0]!))) return false;
  // "the Finance Team", "the Dublin Office": people and places are asked for, not pages.
  if (NOT_A_PAGE_END.has(words.at(-1)!.toLowerCase())) return false;
  let capitalised = 0;
  for (const word of words) {
    if (/^[\p{Lu}\p{N}]/u.test(word) || ID_WORD.test(word)) capitalised += 1;
    else if (!TITLE_SMALL_WORDS.has(word.toLowerCase())) return false;
  }
  return capitalised >= 2 || words.some((word) => ID_WORD.test(word));
}
