import type { PageRef } from '../confluence/types.js';
import {
  HERE_IS_TEXT,
  LABEL_ARTICLE,
  SHOULD_SAY,
  TEXT_LABEL,
  TEXT_LATER,
  TEXT_NAMED,
  TEXT_NOUN,
  WITH,
} from './body-markers.js';
import { bodyAfterPointer } from './body-pointer.js';
import { readCreateSlots } from './create-slots.js';
import { echoAsCode } from './echo-text.js';
import { checkTitle, MAX_TITLE_LENGTH, readPageRef } from './page-ref.js';
import { PARTICLE } from './particles.js';
import { plainNaming } from './plain-naming.js';
import { indexOutsideQuotes, readQuoted } from './read-quoted.js';
import { trimEndWhere } from './scan-text.js';
import {
  acceptSpaceWord,
  isSpaceNameWord,
  readNameBeforeText,
  readSpaceClause,
  readSpaceName,
  UNDER_NAME_START,
} from './space-key.js';
import { isDepartmentWord } from './space-names.js';
import { TextCursor } from './text-cursor.js';
import { quoteTitleWithColon } from './title-with-colon.js';
import type { Intent } from './types.js';

const PAGE_WORDS =
  /(?:(?:(?:for\s+)?(?:me|us)\s+)?(?:an?\s+|the\s+|one\s+)?(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:child\s+|sub-?)?(?:page|doc|document|article)\b\s*(?:(?:please|pls|needed|required|wanted|request)\b\s*)?[:?]?\s*)?(?:(?:called|named|titled|with\s+(?:the\s+)?(?:title|name)|entitled)\b\s*:?\s*)?/iy;
const UNDER =
  /\s*(?:under|below|beneath|inside|as\s+(?:a\s+)?(?:child|sub-?page)\s+(?:page\s+)?of|with\s+parent(?:\s+page)?|in\s+parent(?:\s+page)?|(?:with\s+)?parent\s*:?)\s+/iy;
/** A word naming what the lines of the text are ("with these points:", "and add the following bullets:"). */
const LIST_NOUN = '[A-Za-z][A-Za-z-]{1,30}';
/** Words after a named text that quote it ("with text saying …", "with a line that says …"). */
const SAYING_AFTER_LABEL = String.raw`(?:saying|(?:that|which)\s+(?:says|reads)|reading)`;
const BODY_INTRO = new RegExp(
  String.raw`\s*(?:[?.!,;]\s*|[-–—]\s+(?=(?:${TEXT_NAMED}|${SHOULD_SAY})\s*:))?(?:and\s+)?(?:(${WITH}\s+(?:(?:the\s+)?following\s+|${LABEL_ARTICLE})${TEXT_NAMED}(?:\s+of(?=\s+\S)|\s+${SAYING_AFTER_LABEL}(?=\s*:?\s*\S))?|${WITH}\s+${LABEL_ARTICLE}${TEXT_LABEL}(?:\s+(?:${SAYING_AFTER_LABEL}|that(?=\s+\S+\s+\S))(?=\s*:?\s*\S)|(?=\s*:|\s*["“‘«]))|(?<=[?.!,;]\s{0,3})${LABEL_ARTICLE}${TEXT_LABEL}(?=\s*:)|${WITH}\s+the\s+words(?=\s+\S)|${TEXT_NAMED}(?=\s*:|\s+\S)|(?:(?:it\s+)?(?:just\s+|only\s+)?(?:should|must|will|can|needs\s+to|has\s+to)\s+(?:just\s+|only\s+|also\s+)?(?:say|read|contain)|(?:(?:where|in\s+which)\s+it|that|which|it)\s+(?:just\s+|only\s+)?(?:says|reads)|saying|stating|explaining|noting|mentioning|containing\s+(?:the\s+)?${TEXT_NOUN}|to\s+say|(?:to\s+)?(?:mention|explain|state|note)(?=\s+that\s)|(?:something|sth)\s+like|along\s+the\s+lines\s+of|(?:have|make|let)\s+it\s+say|(?:just|only|simply)\s+(?:say|write|put))(?=\s*:?\s*\S))|${WITH}\s+(?:these|those|the\s+following)\s+${LIST_NOUN}(?=\s*:)|${WITH}\s+the\s+following|${WITH}\s+(?:this|these|the\s+following)(?:\s+${TEXT_NOUN})?(?:\s+(?:in\s+it|inside))?(?=\s*:)|${WITH}(?=\s*:|\s*$)|(?:inside|in\s+it)(?=\s*:)|(?:(?:inside|in\s+it)\s+)?(?:write|say|saying|put|add|include|paste|type)(?:\s+(?:(?:this|that|these|the\s+following)(?:\s+(?:${TEXT_NOUN}|lines?|words))?|(?:the\s+)?${TEXT_NOUN}))?(?:\s+(?:inside|in\s+it|there|(?:in|on|into)\s+(?:the|this)\s+(?:page|doc)|in|into))?(?=\s*:)|containing|having\s+(?:the\s+)?${TEXT_NOUN})?\s*(:|[-–—](?=\s)|\|(?=\s)|[-=]>|>>|→|=(?=\s))?`,
  'iy',
);
/** Introductions that quote the text as it is to be written ("saying", "with the text"), unlike "put X there". */
const QUOTING_INTRO = new RegExp(
  String.raw`\b(?:says?|saying|stating|explaining|noting|mentioning|mention|explain|state|note|reads?|contain|${TEXT_NOUN})\b|${WITH}`,
  'i',
);
/** "saying that we meet on Fridays": after a verb that brings the text, "that" before a clause is not part of it. */
const THAT_AFTER_VERB = /^that\s+(?=\S+\s+\S)/i;
/** Verbs after which a "that" clause is the text ("saying", "stating", "write", "to say"). */
const SAYING_VERB =
  /\b(?:say|saying|stating|explaining|noting|mentioning|write|mention|explain|state|note)$/i;
const UNDER_SPACE = /\s*under\s+(?:the\s+)?(~?[A-Za-z][A-Za-z0-9]{1,9})\s+space\b/iy;
/** "… in HR with cycle scheme info", "… in ENG w one per team" (phone style): "with" after the space starts the text. */
const WITH_TEXT = new RegExp(String.raw`\s*(?:${WITH}|w(?=\s))\s+(?=\S)`, 'iy');
const PLEASE_AFTER_SPACE = /[\s,]+(?:please|pls|plz)\b/iy;
/** Why the page is wanted, after its space: "for the audit next week", "because …", up to a colon or the end. */
const PURPOSE =
  /\s+(?:for|because|since|as)\s+(?:the|a|an|my|our|me|us|i|we|it|next|this|tomorrow'?s)\b[^:\n]{0,80}(?=\s*:|$)/iy;
const CLAUSE_START =
  /\s+(?=(?:in|on|inside|within|under|below|beneath|for\s+(?:the\s+|our\s+)?(?:space\b|\S{1,30}\s+(?:space|team|department|dept|folks)\b|[A-Za-z]{2,30}(?=\s*[,.;:!?]|\s+(?:with|w\/|saying|containing|please|pls)\b))|as\s+(?:a\s+)?(?:child|sub-?page)|with\s+parent|in\s+parent|parent\b|with\s+|w\/\s+|containing\b|to\s|into\s|[([]\s*(?:space\s*:?\s*)?~?[A-Z][A-Z0-9]{1,9}\s*[)\]]))|\s*(?=:|,\s*~?[A-Z][A-Z0-9]{1,9}\s*:)|\s+(?=\/\s+~?[A-Z][A-Z0-9]{1,9}\s*:)/gi;
/**
 * "… to ENG", "… into the OPS space": "to" ends an unquoted title only before a space key in capitals
 * or the word "space" ("Guide to Kafka" stays whole).
 */
const TO_SPACE =
  /\s+(?:to|into)\s+(?:the\s+)?(?:(?:[Ss]pace\s+)\S|~?[A-Z][A-Z0-9]{1,9}(?![\w~])|\S+\s+[Ss]pace\b)/y;

const TRAILING_PLEASE = /(?:^|[\s,])(?:please|pls|plz)$/i;

function isSpaceOrComma(char: string): boolean {
  return char === ',' || /\s/.test(char);
}

/**
 * "… called Mentoring Programme please, with: …": courtesy after an unquoted title is not part of
 * it. Backward scans and a match on the last few characters: linear.
 */
function withoutTrailingPlease(title: string): string {
  const end = trimEndWhere(title, isSpaceOrComma);
  const word = TRAILING_PLEASE.exec(end.slice(-7));
  if (!word || word[0].length === end.length) return title;
  return trimEndWhere(end.slice(0, end.length - word[0].length), isSpaceOrComma);
}

const EXAMPLES = [
  'create "Meeting notes 2024-06-03" in ENG: first line of the page',
  'create "Runbook" in OPS under 123456: # Steps',
];

/** A title put into a suggested command (shown as code): no backticks, no line breaks. */
function suggestable(title: string): string {
  return title.replace(/[`\s]+/g, (run) => (run.includes('`') ? "'" : ' '));
}

interface Clauses {
  spaceKey?: string;
  parent?: PageRef;
  inlineBody: string;
  /** The text came after a colon, a dash, "with" or "saying": it is kept as typed ("…: we are there"). */
  asTyped?: boolean;
  /** The command ended on words that bring the text ("with the following:", "content:"). */
  introduced?: boolean;
}

type ClauseRead = { kind: 'ok'; clauses: Clauses } | { kind: 'error'; message: string } | { kind: 'no' };

/** "a new page "Wellbeing Week" for HR, with …": "for", then a key in capitals (case-sensitive), then a break. */
const FOR_KEY = /\s*for\s+(?:the\s+)?(~?[A-Z][A-Z0-9]{1,9})(?:\s+space)?(?=[\s,.;:!?]|$)/y;

function keyAfterFor(cursor: TextCursor): string | undefined {
  return takeSpaceKey(cursor, FOR_KEY, false);
}

/** The space key `pattern` captures at the cursor (its first group that matched), taken only when it is accepted as one (else the cursor stays). */
function takeSpaceKey(cursor: TextCursor, pattern: RegExp, explicit: boolean): string | undefined {
  const start = cursor.pos;
  const match = cursor.take(pattern);
  const key = match ? acceptSpaceWord(match[1] ?? match[2] ?? '', explicit) : undefined;
  if (key === undefined) cursor.pos = start;
  return key;
}

/**
 * "… called Q4 OKRs for the Sales team with: …", "create X for Engineering: …": a department's usual
 * name (see `isDepartmentWord`) after "for", with "team" or the like after it or not, right before the
 * text (or the end): the space of the department. One sticky match.
 */
const FOR_DEPARTMENT =
  /\s*for\s+(?:(?:the|our)\s+)?(\p{L}{2,30})(?:\s+(?:team|department|dept|folks|people|guys|space|wiki))?(?=\s*[,.;:!?]|\s+(?:with|w\/|saying|containing|please|pls)\b|\s*$)/uy;

function keyForDepartment(cursor: TextCursor): string | undefined {
  const start = cursor.pos;
  const word = cursor.take(FOR_DEPARTMENT)?.[1];
  const key = word !== undefined && isDepartmentWord(word) ? acceptSpaceWord(word, true) : undefined;
  if (key === undefined) cursor.pos = start;
  return key;
}

/** "create "Book Club" (HR): …", "create X [OPS]: …": the space key in brackets after the title. */
const KEY_IN_BRACKETS = /\s*[([]\s*(?:space\s*:?\s*)?(~?[A-Z][A-Z0-9]{1,9})\s*[)\]]/y;

function keyInBrackets(cursor: TextCursor): string | undefined {
  return takeSpaceKey(cursor, KEY_IN_BRACKETS, true);
}

/**
 * "create Tech Radar, ENG: …", "create Tech Radar / ENG: …": a space key in capitals (case-sensitive)
 * set off after the title by a comma or a spaced slash, right before the colon of the text.
 */
const KEY_BEFORE_COLON = /\s*(?:,|\/(?=\s))\s*(~?[A-Z][A-Z0-9]{1,9})(?=\s*:)/y;

function keyBeforeColon(cursor: TextCursor): string | undefined {
  return takeSpaceKey(cursor, KEY_BEFORE_COLON, false);
}

/**
 * "create a page "Snow Days" in "HR": …", "… space HR content …": a space key in double quotes after
 * "in" (or "space"), or a key in capitals (case-sensitive) after a bare "space", right after the title.
 */
const KEY_QUOTED_OR_AFTER_SPACE =
  /\s*(?:(?:in|on|inside|within|to|into)\s+(?:the\s+)?(?:[Ss]pace\s*:?\s*)?["“](~?[A-Za-z][A-Za-z0-9]{1,9})["”](?:\s+[Ss]pace\b)?|(?:in\s+)?[Ss]pace\s*:?\s*(~?[A-Z][A-Z0-9]{1,9})(?![\w~]))/y;

function keyQuotedOrAfterSpace(cursor: TextCursor): string | undefined {
  return takeSpaceKey(cursor, KEY_QUOTED_OR_AFTER_SPACE, false);
}

function readClauses(text: string, from: number): ClauseRead {
  const cursor = new TextCursor(text);
  cursor.pos = from;
  let spaceKey: string | undefined;
  let parent: PageRef | undefined;
  for (let round = 0; round < 3; round += 1) {
    const key =
      spaceKey === undefined
        ? (readSpaceName(cursor) ??
          readSpaceClause(cursor, ['in', 'on', 'inside', 'within', 'to', 'into', 'for']) ??
          keyInBrackets(cursor) ??
          keyAfterFor(cursor) ??
          keyForDepartment(cursor) ??
          keyBeforeColon(cursor) ??
          keyQuotedOrAfterSpace(cursor) ??
          readNameBeforeText(cursor))
        : undefined;
    if (key !== undefined) {
      spaceKey = key;
      continue;
    }
    // "under HR space", "under the OPS space": a space, said so ("under <page>" names a parent).
    const underSpace = spaceKey === undefined ? cursor.take(UNDER_SPACE) : undefined;
    if (underSpace) {
      spaceKey = acceptSpaceWord(underSpace[1]!, true);
      continue;
    }
    // "under the Engineering space": a name said to be a space's.
    const underName = spaceKey === undefined ? readSpaceName(cursor, UNDER_NAME_START) : undefined;
    if (underName !== undefined) {
      spaceKey = underName;
      continue;
    }
    if (parent === undefined && cursor.take(UNDER)) {
      const read = readPageRef(cursor, spaceKey);
      if (read?.kind === 'error') return { kind: 'error', message: `Parent page: ${read.message}` };
      if (read === undefined) return { kind: 'no' };
      parent = read.ref;
      if (parent.kind === 'title' && spaceKey === undefined) spaceKey = parent.spaceKey;
      continue;
    }
    break;
  }
  // "… in OPS for the audit next week" (the text on the next lines), "… in HR please: …": why, or
  // courtesy, not part of the create.
  if (spaceKey !== undefined && !cursor.take(PURPOSE)) cursor.take(PLEASE_AFTER_SPACE);
  const intro = cursor.take(BODY_INTRO);
  // "… in HR with cycle scheme info coming soon": after the space, "with" starts the text.
  const withText =
    spaceKey !== undefined && !intro?.[1] && !intro?.[2] && cursor.take(WITH_TEXT) !== undefined;
  const hasColon = withText || intro?.[2] !== undefined || (intro?.[1] !== undefined && !cursor.atEnd());
  if (!hasColon && !cursor.atEnd()) return { kind: 'no' };
  const typedBody = hasColon ? cursor.rest().trim() : '';
  // "… saying that we tag every resource": the clause is the text (not after a colon: "…: that is all").
  const inlineBody =
    intro?.[2] === undefined && SAYING_VERB.test(intro?.[1]?.trim() ?? '')
      ? typedBody.replace(THAT_AFTER_VERB, '')
      : typedBody;
  const asTyped = withText || intro?.[2] !== undefined || QUOTING_INTRO.test(intro?.[1] ?? '');
  const introduced = (intro?.[0].trim().length ?? 0) > 0;
  return {
    kind: 'ok',
    clauses: {
      ...(spaceKey !== undefined ? { spaceKey } : {}),
      ...(parent ? { parent } : {}),
      inlineBody,
      ...(asTyped ? { asTyped } : {}),
      ...(introduced ? { introduced } : {}),
    },
  };
}

/**
 * "a page for the Lagos team called X", "a page for our new joiners named X" (or "with name X"): who or what the page is
 * for, said between the page noun and the naming word, is no part of the title. Not when it names a
 * space ("for the team in OPS called X" is read as written). A bounded lazy run.
 */
const PURPOSE_BEFORE_NAMING =
  /(?:for|about|regarding)\s+(?:(?!\s(?:in|on|into|inside|within)\s)[^:"“”\n]){1,60}?\s+(?:called|named|titled|entitled|with\s+(?:the\s+)?(?:name|title))\b\s*:?\s*/iy;

/** A capitalised word right after a closing quote, then a space clause later: the title goes on past its quote. */
const TITLE_GOES_ON = /^\s+\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*){0,3}\s+(?:in|on|into|to)\s/u;

function readTitleAndClauses(
  text: string,
): { title: string; quoted?: boolean; read: ClauseRead } | { error: string } {
  const cursor = new TextCursor(text);
  cursor.take(PAGE_WORDS);
  cursor.take(PURPOSE_BEFORE_NAMING);
  cursor.skipSpaces();
  const quoted = readQuoted(text, cursor.pos, MAX_TITLE_LENGTH * 2);
  if (quoted?.kind === 'too-long') return { error: checkTitle(text.slice(cursor.pos))! };
  if (quoted?.kind === 'unbalanced')
    return { error: `The title has an opening ${quoted.open} but no closing quote.` };
  if (quoted?.kind === 'quoted') {
    const noun = /\s+(?:page|doc|document)\b/iy;
    noun.lastIndex = quoted.end;
    const after = noun.test(text) ? noun.lastIndex : quoted.end;
    const read = readClauses(text, after);
    // "called "Fast Lane" Process in OPS": words after the closing quote go on with the title.
    if (read.kind !== 'no' || !TITLE_GOES_ON.test(text.slice(quoted.end, quoted.end + 40)))
      return { title: quoted.value.trim(), quoted: true, read };
  }
  const titleStart = cursor.pos;
  const lastClause = titleStart + MAX_TITLE_LENGTH * 2;
  CLAUSE_START.lastIndex = titleStart;
  for (
    let match = CLAUSE_START.exec(text);
    match && match.index <= lastClause;
    match = CLAUSE_START.exec(text)
  ) {
    if (match.index <= titleStart) {
      CLAUSE_START.lastIndex = Math.max(CLAUSE_START.lastIndex, match.index + 1);
      continue;
    }
    TO_SPACE.lastIndex = match.index;
    const toWord = /^\s+(?:to|into)\s/i.test(text.slice(match.index, match.index + 8));
    const read = toWord && !TO_SPACE.test(text) ? ({ kind: 'no' } as const) : readClauses(text, match.index);
    const title = withoutTrailingPlease(text.slice(titleStart, match.index)).trim();
    if (read.kind !== 'no') return { title, read };
    if (match[0].length === 0) CLAUSE_START.lastIndex += 1;
  }
  const title = withoutTrailingPlease(text.slice(titleStart)).trim();
  return { title, read: { kind: 'ok', clauses: { inlineBody: '' } } };
}

/** "a new page in HR called X": the space named between the page noun and the title. */
const SPACE_BEFORE_TITLE =
  /^((?:(?:for\s+)?(?:me|us)\s+)?(?:an?\s+|one\s+)?(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|doc|document|article))\s+(?:in|on|to|into|for|under(?=\s+(?:the\s+)?\S+\s+space\b))\s+(?:the\s+)?(?:space\s+)?(~?[A-Za-z0-9]{1,32})(?:\s+space)?[\s,]+(?=(?:called|named|titled|with\s+(?:the\s+)?(?:name|title)|(?:(?:the|its)\s+)?(?:name|title)\s+(?:is|will\s+be|should\s+be)|(?:the\s+|its\s+)?(?:name|title)\s*:?\s+(?!(?:is|of)\b)|["“‘'«„]|(?:for|about|on|regarding)\s+(?:the\s+|our\s+)?[A-Z0-9](?![^:\n]{0,120}?\b(?:called|named|titled)\b)))/i;
/** "a page for HR called X": "for" names the space only as a key in capitals ("a page for the offsite" is why). */
const FOR_SPACE = /\sfor\s+(?:the\s+)?(?:space\s+)?\S+(?:\s+space)?[\s,]+$/i;
/** Lower-case words between the page noun and the naming that are no space ("a page in it called …"). */
const NOT_A_SPACE_WORD = /^(?:it|this|that|there|here|which|what|general|english|case|order|full)$/;
/** "… for the Partner Program saying …": a verb that starts the text after a title with no colon. */
const SAYING_AFTER_TITLE =
  /[\s,;]+(?=(?:saying|stating|explaining|noting|mentioning|containing|that\s+says|which\s+says|where\s+it\s+says|(?:just|only|simply)\s+(?:say|write|put))\s+\S)/i;
/** "in HR a page called X", "in the OPS space, a new doc X": the space before the page words. */
const SPACE_BEFORE_PAGE =
  /^(?:in|on|inside|within)\s+(?:the\s+)?(?:space\s+)?(~?[A-Za-z0-9]{1,32})(?:\s+space)?\s*,?\s+((?:(?:for\s+)?(?:me|us)\s+)?(?:an?\s+|one\s+)?(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|doc|document|article))[\s,]+/i;
/** How the title is introduced after the space: "called", "with the title", "the name is". */
const NAMING =
  /^(?:called|named|titled|with\s+(?:the\s+)?(?:name|title)|(?:(?:the|its)\s+)?(?:name|title)\s+(?:is|will\s+be|should\s+be)|(?:the\s+|its\s+)?(?:name|title)(?!\s+(?:is|of)\b))\s*:?\s+/i;

/**
 * ", text" / "and write" / "with body" just before the colon: the body's introduction, not the end of
 * the title ("Sample Text:" is a title).
 */
const BODY_WORD_BEFORE_COLON = new RegExp(
  String.raw`(?:\s*[,;.?!]\s*(?:and\s+)?|\s+[-–—]\s+|\s+and\s+|\s+(?=${WITH}(?:\s|$)|saying\s*$|containing\s*$|having\s))(?:(?:${WITH}\s+(?:(?:the\s+)?following\s+|${LABEL_ARTICLE})|(?:this|these|the\s+following|following)\s+)?${TEXT_NAMED}|${WITH}\s+${LABEL_ARTICLE}${TEXT_LABEL}|${HERE_IS_TEXT}|${SHOULD_SAY}|${WITH}(?:\s+(?:(?:this|these|those|the\s+following|following)(?:\s+${LIST_NOUN})?|(?:the\s+)?below))?|containing|having\s+(?:the\s+)?${TEXT_NOUN}|inside|in\s+it|(?:(?:inside|in\s+it)\s+|(?:just|only|simply)\s+)?(?:write|say|saying|put|add|include|paste)(?:\s+(?:this|that|these|the\s+following)(?:\s+${LIST_NOUN})?)?(?:\s+(?:inside|in\s+it|there))?)\s*$`,
  'i',
);
/**
 * "… with title Book Club and content we meet monthly": the text named after the title, no colon (two
 * words at least, so "Tea and Text Guide" stays a title).
 */
const TEXT_AFTER_TITLE = new RegExp(
  String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+(?=${WITH}\s+(?:the\s+)?${TEXT_NOUN}\s))(?:${WITH}\s+)?${TEXT_NAMED}\s+(?=\S+\s+\S)`,
  'i',
);
/**
 * "a page in Engineering called Security Champions - one per team": with no text on the next lines,
 * a spaced dash after the title starts the text (with text below, the dash is the title's: "Runbook - Kafka").
 */
const DASH_AFTER_TITLE = /\s[-–—]\s+(?=\S)/;
/**
 * "a page in eng called tech radar with adopt otel", "… w/ adopt otel", "… w adopt otel": with no
 * colon and no text on the next lines, "with" after a title named after its space starts the text
 * (else the page would have none).
 */
const WITH_AFTER_TITLE = /\s+(?=(?:with|w\/|w)\s+\S)/i;
/** Longest introduction looked for before the colon (characters). */
const BODY_WORD_PROBE = 32;

/** Where an unquoted title that runs up to `colon` ends: before a body introduction, if any. */
function titleEnd(rest: string, colon: number): number {
  const from = Math.max(0, colon - BODY_WORD_PROBE);
  const intro = BODY_WORD_BEFORE_COLON.exec(rest.slice(from, colon));
  return intro ? from + intro.index : colon;
}

/** Most characters of a title's words after a colon inside it. */
const MAX_AFTER_TITLE_COLON = 80;

/**
 * Where an unquoted title that holds `colon` ends when the text is introduced again later ("a page in
 * OPS titled Runbook: DB Failover with: promote replica"): before that introduction. Else as
 * {@link titleEnd} reads it (the colon ends the title: "a page in HR called Retro: went well").
 */
function titleEndAfterColon(rest: string, colon: number): number {
  const first = titleEnd(rest, colon);
  const second = rest.indexOf(':', colon + 1);
  if (first < colon) return first;
  // "… titled FAQ: Pets at Work saying dogs on Fridays only": a verb that brings the text ends the title.
  const saying =
    second < 0 ? SAYING_AFTER_TITLE.exec(rest.slice(colon + 1, colon + 1 + MAX_AFTER_TITLE_COLON)) : null;
  if (saying && !/["“”\n]/.test(rest.slice(colon, colon + 1 + saying.index))) return colon + 1 + saying.index;
  if (second < 0 || second - colon > MAX_AFTER_TITLE_COLON) return first;
  const end = titleEnd(rest, second);
  return end < second && end > colon + 1 && !/["“”\n]/.test(rest.slice(colon, end)) ? end : first;
}

/** The page words before a space named in words ("a new page| in the People & HR space called X"). */
const PAGE_WORDS_BEFORE_SPACE =
  /^((?:(?:for\s+)?(?:me|us)\s+)?(?:an?\s+|one\s+)?(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|doc|document|article))(?=\s)/i;
const NAMING_AFTER_SPACE =
  /[\s,]+(?=called\b|named\b|titled\b|with\s+(?:the\s+)?(?:name|title)\s|(?:(?:the|its)\s+)?(?:name|title)\s+(?:is|will\s+be|should\s+be)\b)/y;

/** "a new page in the People & HR space called X": the page words, the space's key candidate, where the naming starts. */
function spaceNameBeforeTitle(text: string): { pageWords: string; key: string; end: number } | undefined {
  const page = PAGE_WORDS_BEFORE_SPACE.exec(text);
  if (!page) return undefined;
  const cursor = new TextCursor(text);
  cursor.pos = page[0].length;
  const key = readSpaceName(cursor);
  if (key === undefined || !cursor.take(NAMING_AFTER_SPACE)) return undefined;
  return { pageWords: page[1]!, key, end: cursor.pos };
}

/**
 * Moves a space named before the title after it ("a page in HR called X: body", "one page in OPS,
 * the name is X, and write: body" → "a page called X in HR: body"), so the one grammar reads both.
 * The title ends at its closing quote, else before the first colon (and a body introduction just
 * before it: ", text:") or at the end of the line.
 */
function spaceAfterTitle(text: string, bodyLines: string): string {
  const typed = SPACE_BEFORE_TITLE.exec(text);
  const match =
    typed && FOR_SPACE.test(typed[0]) && !/^~?[A-Z][A-Z0-9]{1,9}$/.test(typed[2] ?? '') ? null : typed;
  const first = match ? undefined : SPACE_BEFORE_PAGE.exec(text);
  // "in the engineering space called X": the word "space" says the lower-case word is a space.
  // "a new page in Engineering, the title is X": a capitalised name between the page noun and the naming.
  // "a new page in engineering called X": any word there, before the naming, is a space's.
  const saidSpace =
    /\sspace\b/i.test((match ?? first)?.[0] ?? '') ||
    /^[A-Z][a-z]{2,}$/.test(match?.[2] ?? '') ||
    (/^[a-z]{3,}$/.test(match?.[2] ?? '') && !NOT_A_SPACE_WORD.test(match?.[2] ?? ''));
  const inWords = match || first ? undefined : spaceNameBeforeTitle(text);
  const key = inWords?.key ?? acceptSpaceWord((match ? match[2] : first?.[1]) ?? '', saidSpace);
  const pageWords = inWords?.pageWords ?? (match ? match[1] : first?.[2]);
  if (key === undefined || pageWords === undefined) return text;
  const rest = text.slice(inWords?.end ?? (match ?? first)![0].length);
  const naming = NAMING.exec(rest)?.[0] ?? '';
  const quoted = readQuoted(rest, naming.length, MAX_TITLE_LENGTH * 2);
  const colon = rest.indexOf(':', naming.length);
  const named =
    colon < 0
      ? (TEXT_AFTER_TITLE.exec(rest.slice(naming.length)) ??
        SAYING_AFTER_TITLE.exec(rest.slice(naming.length)) ??
        (bodyLines.trim().length === 0
          ? (DASH_AFTER_TITLE.exec(rest.slice(naming.length)) ??
            WITH_AFTER_TITLE.exec(rest.slice(naming.length)))
          : null))
      : null;
  const end =
    quoted?.kind === 'quoted'
      ? quoted.end
      : colon >= 0
        ? titleEndAfterColon(rest, colon)
        : named
          ? naming.length + named.index
          : Math.max(naming.length, titleEnd(rest, rest.length));
  const title = rest.slice(naming.length, end).trimEnd();
  // A colon the title holds ("Runbook: DB Failover") is kept in it by quotes.
  const kept = /:/.test(title) && !/["“”]/.test(title) ? `"${title}"` : title;
  return `${pageWords} called ${kept} in ${key}${rest.slice(end)}`;
}

/**
 * "a page for the engineering team called X", "a page under Engineering named X", "a page for the
 * sales team with name X": a group or space named in one word between the page noun and the naming
 * (with "team", "department", "space" after it or not). Bounded runs.
 */
const GROUP_BEFORE_NAMING =
  /^((?:(?:for\s+)?(?:me|us)\s+)?(?:an?\s+|one\s+)?(?:new\s+)?(?:page|doc|document))\s+(?:for|under)\s+(?:the\s+|our\s+)?([A-Za-z][a-z]{3,30})(?:\s+(?:team|department|dept|folks|space|wiki))?[\s,]+(?=(?:called|named|titled|with\s+(?:the\s+)?(?:name|title))\s)/i;
/** A space said in the words after the naming ("called X in HR", "… in the Sales space"). */
const SPACE_SAID_LATER =
  /\s(?:in|on|into|to|inside|within)\s+(?:the\s+)?(?:~?[A-Z][A-Z0-9]{1,9}\b|[^\s:]+\s+(?:space|wiki)\b)/;

/**
 * "a page for the engineering team called X: …" read as "a page in the engineering space called X: …":
 * the group is the space, unless the words after the naming say a space themselves or the word is an
 * ordinary one ("a page for the offsite called X in HR" keeps "in HR").
 */
function groupBeforeNaming(text: string): string {
  const match = GROUP_BEFORE_NAMING.exec(text);
  if (!match || !isSpaceNameWord(match[2]!)) return text;
  const rest = text.slice(match[0].length);
  const head = rest.slice(0, Math.max(0, rest.indexOf(':')) || rest.length);
  if (SPACE_SAID_LATER.test(head)) return text;
  return `${match[1]} in the ${match[2]} space ${rest}`;
}

/** "a new HR page Welcome Pack: …": the space key before the page noun, the title after it. */
const KEY_BEFORE_PAGE =
  /^((?:(?:for\s+)?(?:me|us)\s+)?(?:an?\s+|one\s+)?(?:new\s+)?)(~?[A-Z][A-Z0-9]{1,9})\s+(page|doc|document|article)\s+(?!(?:in|on|to|into|about|for|with)\b)(?=\S)/;
/** Words that already name the title ("a HR page called X"). */
const NAMING_AHEAD = /^(?:called|named|titled)\b/i;

/** "a new HR page Welcome Pack" → "a new page in HR called Welcome Pack" (and "a HR page called X" → "a page in HR called X"). */
function keyAfterPageNoun(text: string): string {
  const match = KEY_BEFORE_PAGE.exec(text);
  if (!match) return text;
  const rest = text.slice(match[0].length);
  return `${match[1]}${match[3]} in ${match[2]} ${NAMING_AHEAD.test(rest) ? '' : 'called '}${rest}`;
}

/** A pattern that never matches (nothing to take off). */
const NOTHING = /(?!)/;
/**
 * "… on it", "… in it", "… there", "… for now" closing a new page's inline text ("put X on it", "just
 * put X for now"; not after a colon or "saying"): where the text goes, or when, is no part of it.
 */
const ON_IT_AT_END =
  /(?:\s+(?:(?:on|in|into|onto)\s+it|there))?(?:\s+(?:for\s+now|to\s+start(?:\s+with)?|for\s+a\s+start))?$/i;
/** "… just put "turn it off" for now": when the quoted text is meant for is no part of it. */
const FOR_NOW_AFTER_QUOTE =
  /(?<=["”’'])\s+(?:for\s+now|to\s+start(?:\s+with)?|for\s+a\s+start|initially)[.!]?$/i;
/** "… with agenda TBC as the content": the text named after it is given. */
const AS_THE_TEXT = /\s+as\s+(?:the|its)\s+(?:content|contents|text|body)$/i;

/** "and this text: …", "and the content:" opening the lines after the command: the command goes on, naming the text. */
const AND_TEXT_LABEL = new RegExp(
  String.raw`^[ \t]*and\s+(?:this\s+)?${TEXT_NAMED}[ \t]*:[ \t]*(?:\n|(?=\S))`,
  'i',
);
/** A command whose title is labelled ("with this title: X", "title: X"): a text label below it is the other label. */
const TITLE_LABELLED = /\btitle\s*:/i;
/** "Text:" alone opening the lines after the command. */
const TEXT_LABEL_OPENING = new RegExp(
  String.raw`^[ \t]*(?:this\s+)?${TEXT_NAMED}[ \t]*:[ \t]*(?:\n|(?=\S))`,
  'i',
);

/**
 * "make a page in OPS with this title: X\nand this text: …": the label that opens the lines after a
 * create is no part of the page's text when it goes on with "and", or answers a labelled title.
 */
function withoutLabelBelowTitle(command: string, bodyLines: string): string {
  const label =
    AND_TEXT_LABEL.exec(bodyLines) ??
    (TITLE_LABELLED.test(command) ? TEXT_LABEL_OPENING.exec(bodyLines) : null);
  return label ? bodyLines.slice(label[0].length) : bodyLines;
}

/** "Text: …" on the first line after the command: the label of the text, not part of it. */
const TEXT_LABEL_FIRST = new RegExp(String.raw`^[ \t]*${TEXT_NAMED}[ \t]*:[ \t]*(?=\S)`, 'i');

/**
 * A create from a message written as a letter ("Hello team,\nplease create "X" in OPS.\nText: …"),
 * without the "Text:" label its text starts with. Only there: text typed after a create command is
 * otherwise kept exactly.
 */
export function withoutTextLabel(intent: Intent): Intent {
  if (intent.kind !== 'operation' || intent.request.operation !== 'create') return intent;
  const markdown = intent.request.markdown.replace(TEXT_LABEL_FIRST, '');
  return markdown === intent.request.markdown
    ? intent
    : { ...intent, request: { ...intent.request, markdown } };
}

/** A new page's whole inline text in quotes (`with content "we meet monthly"`): the quotes are not part of it. */
function unquotedBody(inline: string, bodyLines: string): string {
  if (bodyLines.length > 0) return inline;
  const quoted = readQuoted(inline, 0);
  // "with the text: "we meet monthly". thanks": the sentence's full stop after the closing quote goes with them.
  const whole = quoted?.kind === 'quoted' && /^[.!]*$/.test(inline.slice(quoted.end).trim());
  return whole ? quoted.value : inline;
}

/** "create Book Club page in HR": the page noun after an unquoted title of two words or more is not part of it. */
const TITLE_PAGE_NOUN = /(?<=\S\s+\S+)\s+(?:page|doc)$/i;

/** "…? Call it X", ", name it X", ", the title is X", ". Title: X", "? Title Summer Party, …": the title given after the page is described. */
const CALL_IT =
  /(?:[,.;?!]\s*(?:and\s+)?|\s+and\s+)(?:(?:call|name|title)\s+it|(?:the|its)\s+(?:title|name)\s+(?:is|will\s+be|should\s+be)|(?:title|name)\s*:)\s*(?=\S)/i;
/** "? Title Summer Party 2027, …": "title" with no colon, then a title in capitals (case-sensitive). */
const TITLE_WORD_AFTER_BREAK = /(?:[,.;?!]\s*(?:and\s+)?)[Tt]itle\s+(?=[\p{Lu}\p{N}"“])/u;
/** The first space named in the description ("a new page in OPS for …"). */
const SPACE_IN_TEXT =
  /\s(?:in|on|into)\s+(?:the\s+)?(?:space\s+)?(~?[A-Za-z0-9]{1,32})(?:\s+space)?(?=[\s,.;?!]|$)/gi;
/** The description so far ends with the page noun ("I need new page"). */
const PAGE_NOUN_AT_END = /(?:^|\s)(?:page|doc|document|article)$/i;
/** Most space-like clauses looked at in the description. */
const MAX_SPACE_TRIES = 4;

/**
 * "a new page in OPS for the office plants? Call it Plant Care, and put: water on Mondays" as "page
 * called Plant Care in OPS, and put: …": the title after "call it", the space from the description
 * (when it names none, the create asks for one). `undefined` when there is no "call it" before the
 * text of the page.
 */
function calledAfter(text: string): string | undefined {
  const head = text.slice(0, MAX_TITLE_LENGTH * 2);
  const call = CALL_IT.exec(head) ?? TITLE_WORD_AFTER_BREAK.exec(head);
  const description = call ? text.slice(0, call.index) : '';
  // After a colon the words are the page's text ("…: restart it, call it done"), not its title.
  if (!call || description.includes(':')) return undefined;
  let key: string | undefined;
  let tries = 0;
  SPACE_IN_TEXT.lastIndex = 0;
  for (
    let m = SPACE_IN_TEXT.exec(description);
    m && !key && tries < MAX_SPACE_TRIES;
    m = SPACE_IN_TEXT.exec(description)
  ) {
    tries += 1;
    // "a new page in IT & Operations. Call it X": a space named in words first.
    const cursor = new TextCursor(description);
    cursor.pos = m.index;
    key = readSpaceName(cursor);
    if (key) break;
    // "new page in Engineering, the title is X": a capitalised name right after the page noun is a space's.
    const afterNoun =
      /^[A-Z][a-z]{2,}$/.test(m[1] ?? '') && PAGE_NOUN_AT_END.test(description.slice(0, m.index));
    key = acceptSpaceWord(m[1] ?? '', afterNoun || /\sspace\b/i.test(m[0]));
  }
  const rest = text.slice(call.index + call[0].length);
  const quoted = readQuoted(rest, 0, MAX_TITLE_LENGTH * 2);
  const colon = rest.indexOf(':');
  const comma = rest.search(/[,.;]\s|[,.;]$/);
  const end =
    quoted?.kind === 'quoted'
      ? quoted.end
      : colon >= 0
        ? titleEnd(rest, colon)
        : comma >= 0
          ? comma
          : rest.length;
  const space = key === undefined ? '' : ` in ${key}`;
  return `page called ${rest.slice(0, end).trimEnd()}${space}${rest.slice(end)}`;
}

/** Most characters at the end of a create looked at for a quoted text given in passing. */
const QUOTED_TEXT_PROBE = 600;
/**
 * "…? just put '- chatbot' in it for now", "… - just 'Day 1: strategy' to start", "… - could you add 'theme:
 * climate'?": the page's text in quotes at the end, after a sentence break, with only filler or an ask around
 * it. Bounded runs.
 */
const QUOTED_TEXT_LAST =
  /(?:[?.!,;]|\s[-–—]|\s(?=(?:with|w\/|containing)\s))\s*(?:and\s+)?(?:(?:can|could|would|will|cud|cn|you|u|please|pls|plz|kindly)\s+){0,3}(?:(?:it\s+)?(?:just|only)\s+)?(?:(?:put|write|add|say|have|stick|type|with|w\/|containing)\s+)?(?:(?:the\s+)?(?:text|line|words?)\s+)?["“‘']([^"“”‘’\n]{1,500})["”’']\s*(?:(?:(?:in|on|into|inside|to|onto)\s+it|there|inside)\s*)?(?:(?:for\s+now|to\s+start(?:\s+with)?|for\s+a\s+start|as\s+a\s+start(?:er)?|initially|as\s+(?:the\s+)?(?:content|text|body))\s*)?(?:(?:please|pls|thanks|thx|ty)\b)?[\s.!?]*$/i;

/**
 * "… in OPS "book a desk"", "… in the OPS space 'book a desk'": the quoted text right after the space
 * (a key in capitals, case-sensitive, or the word "space"), at the very end. Bounded runs.
 */
const QUOTED_TEXT_AFTER_SPACE =
  /(?=\s+["“‘'])(?<=\s(?:in|on|into|to)\s+(?:the\s+)?(?:~?[A-Z][A-Z0-9]{1,9}|\S{1,40}\s+space))\s+["“‘']([^"“”‘’\n]{1,500})["”’']\s*(?:(?:please|pls|thanks|thx|ty)\b)?[\s.!?]*$/;

/** The create's words with a quoted text given in passing at the end made its text ("…: <text>"). */
function quotedTextGiven(remainder: string, bodyLines: string): string {
  if (bodyLines.trim().length > 0) return remainder;
  const from = Math.max(0, remainder.length - QUOTED_TEXT_PROBE);
  const tail = remainder.slice(from);
  const match = QUOTED_TEXT_LAST.exec(tail) ?? QUOTED_TEXT_AFTER_SPACE.exec(tail);
  if (!match) return remainder;
  const head = remainder.slice(0, from + match.index);
  // A colon before it already gave the text; a quote before it may be the title's.
  if (head.includes(':') || !/\S\s+(?:in|on|into|to)\s+\S|\(\s*~?[A-Z]/.test(head)) return remainder;
  return `${head}: ${match[1]}`;
}

/** "title Desk Booking …", "name=Desk Booking": a slot's label read into the title (the slots are tried instead). */
const LABEL_IN_TITLE = /^(?:title|name)\s*[:=]|^(?:title|name)\s+\S/;

/**
 * Builds a create from what follows a create verb (`"Title" in SPACE [under <page>]`, optionally
 * `: inline text`) and the message's following lines, which are the Markdown body kept exactly
 * (blank lines and indentation included). A `under "Parent"` title takes the page's space when it
 * names none; a page whose only space clause follows a quoted parent takes the parent's space.
 * Fails, asking for what is missing, when there is no title, no space or no body: an empty page is
 * never created by accident.
 */
export function parseCreate(typedCommand: string, typedBody: string): Intent {
  const bodyLines = withoutLabelBelowTitle(typedCommand, typedBody);
  // "… in ENG -- reliability first": a typed double hyphen is the dash that sets off the text.
  const typedFirst = withoutParticles(typedCommand.replace(DOUBLE_HYPHEN, ' — '))
    .replace(ADVERB_AFTER_VERB, '')
    .replace(POINTED_PAGE, 'a ')
    .replace(KIND_BEFORE_NOUN, '$1')
    .replace(FOR_ME_AFTER_NOUN, '$1')
    .replace(SPACE_BREADCRUMB, spaceFromBreadcrumb)
    .replace(WHERE_IT_GOES_HEAD, (head) =>
      withoutAskedAgain(
        head.replace(WHERE_IT_GOES, ' ').replace(THAT_IS_NAMING, '').replace(OVER_BEFORE_SPACE, ' '),
      ),
    );
  // "Legal asked me to make a page. Please create X in LEGAL with: …": the next sentence is the create (one hop).
  const next = NEXT_SENTENCE_CREATE.exec(typedFirst) ?? laterQuotedCreate(typedFirst);
  const typed = next ? typedFirst.slice(next.index + next[0].length) : typedFirst;
  const read =
    titleOnNextLine(typed, bodyLines) ??
    namedOnNextLine(typed, bodyLines) ??
    spaceAfterText(typed, bodyLines) ??
    readCreate(plainNaming(typed), bodyLines);
  // "create a page DNS in OPS under Incident Runbooks: …": a parent named but not read is never dropped; a
  // title in capitals that ends the words before the text is the parent, anything else is asked for.
  if (read.kind === 'operation' && read.request.operation === 'create' && read.request.parent === undefined) {
    const parent = parentNamed(typed);
    if (parent === 'unread') return askForParent(read.request.spaceKey);
    if (parent !== undefined && parent !== read.request.title)
      return {
        ...read,
        request: {
          ...read.request,
          parent: { kind: 'title', title: parent, spaceKey: read.request.spaceKey },
        },
      };
    if (parent !== undefined) return askForParent(read.request.spaceKey);
  }
  // "… in ENG, content to follow": a text only promised is none; the create asks for it.
  if (
    read.kind !== 'operation' ||
    read.request.operation !== 'create' ||
    !PROMISED_TEXT.test(read.request.markdown)
  )
    return read;
  return askForText(read.request.title, read.request.spaceKey);
}

/**
 * "create lah one page …", "create page po named X": a discourse particle (see particles.ts) in lower
 * case right after the verb or the page noun sets the tone; it is no part of the title.
 */
const PARTICLE_AFTER_VERB = new RegExp(String.raw`^\s*(?:${PARTICLE}[\s,]+){1,2}(?=\S)`);
const PARTICLE_AFTER_NOUN = new RegExp(
  String.raw`^((?:(?:[Aa]n?|[Oo]ne|[Tt]he|[Nn]ew|me|us|for)\s+){0,4}(?:[Pp]age|[Pp]g|[Dd]oc|[Dd]ocument)\s+)(?:${PARTICLE}[\s,]+){1,2}(?=\S)`,
);

/** The create's words without a particle right after the verb or the page noun. */
function withoutParticles(typed: string): string {
  return typed.replace(PARTICLE_AFTER_VERB, '').replace(PARTICLE_AFTER_NOUN, '$1');
}

/**
 * "create the following page in ENG: X", "create below page in ENG\nX", "create this page in OPS\nX",
 * "create another page X", "one more page called X": the page pointed at, or one more, is a new one.
 */
const POINTED_PAGE =
  /^\s*(?:(?:the\s+)?(?:following|below)|this|another|one\s+more|yet\s+another)\s+(?=(?:new\s+)?(?:page|doc|document)\b)/i;

/** "a draft page X", "a new blank doc called X": what kind of page it is, before the page noun, is no part of the title. */
const KIND_BEFORE_NOUN =
  /^(\s*(?:(?:an?|one|the)\s+)?(?:new\s+)?)(?:draft|blank|empty|simple|basic|separate|dedicated|fresh)\s+(?=(?:new\s+)?(?:page|pg|doc|document)\b)/i;

/** "a page that's called X", "one which is named X": the relative clause before the naming word is no part of the title. */
const THAT_IS_NAMING =
  /(?<=\s)(?:that['’]?s|that\s+is|which\s+is|that\s+will\s+be|to\s+be)\s+(?=(?:called|named|titled|entitled)\s)/i;

/**
 * "a page for me in OPS: title X, …", "a new doc for us: X in HR": who the page is made for, said
 * right after the page noun, is courtesy, never the title; so is "going" ("get a page going for X"), and
 * so is the wiki itself ("a page on Confluence called X in OPS"; "in the Confluence space" names one).
 */
const FOR_ME_AFTER_NOUN =
  /^(\s*(?:(?:an?|one|the)\s+)?(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|pg|doc|document|article))\s+(?:for\s+(?:me|us)\b(?=[\s,:]|$)|going(?=\s+(?:for|about|on|in|called|named|titled)\s)|(?:on|in)\s+(?:the\s+)?(?:confluence|wiki)\b(?!\s+space))/i;

/**
 * "called X. Put it in OPS.", "called X. It goes in the HR space": a sentence that only says where the
 * page goes, read as the space clause of the title before it (the sentence end and its verb dropped).
 */
const WHERE_IT_GOES =
  /[.!;,]\s+(?:(?:please|pls|and)\s+)?(?:(?:put|place|save|store|file|add|create)\s+it|it\s+(?:goes|should\s+go|needs\s+to\s+go|can\s+go|will\s+go|belongs|lives|should\s+live|should\s+be))\s+(?=(?:in|on|into|under|to)\s)/i;

/**
 * "create asap a page X", "create quickly a page X", "create new one page X": how soon, or a doubled
 * article, between the verb and the page words is no part of the title.
 */
const ADVERB_AFTER_VERB =
  /^\s*(?:(?:asap|quickly|quick|urgently|now|today|real\s+quick|right\s+away)[\s,]+(?=(?:an?|one|the|new|this)\s|(?:page|doc)\b)|new\s+(?:one|an?)\s+(?=(?:page|doc)\b))/i;

/**
 * "a page for the Book Swap in HR - could you create it with 'bring one book'?", "…, please make it
 * with: …": a second ask for the page described before ("create it", "set it up"), just before the
 * words that bring its text, is no part of the title or the text. One anchored run of bounded words.
 */
const ASKED_AGAIN =
  /(?:[,;.!?]|(?<=\s)[-–—])\s*(?:(?:so|and|then)\s+)?(?:(?:can|could|would|will)\s+(?:you|u)\s+)?(?:(?:please|pls|plz|kindly)\s+)?(?:create|make|start|build|set(?=\s+it\s+up))\s+(?:it|that|one)(?:\s+up)?(?:\s+(?:please|pls|plz|for\s+(?:me|us)))?(?=\s+(?:with|w\/|saying|containing)\b|\s*(?:[?!.]\s*)?$)/i;
/** Words that bring a new page's text inline: after them, "…, make it" is the text's own. */
const TEXT_BROUGHT = /\s(?:with|w\/|saying|containing|says)\s/i;

/** The command's head without a second ask for the page (see {@link ASKED_AGAIN}), unless it ends the text. */
function withoutAskedAgain(head: string): string {
  const asked = ASKED_AGAIN.exec(head);
  if (!asked) return head;
  const before = head.slice(0, asked.index).trimEnd();
  const after = head.slice(asked.index + asked[0].length);
  if (after.trim().length === 0 && TEXT_BROUGHT.test(before)) return head;
  return before + after;
}

/**
 * "called X over in HR", "… over on the OPS space": "over" before a space clause (a key in capitals or a
 * word said to be a space) is where the page goes, no part of the title. Lower case only ("Hand Over").
 */
const OVER_BEFORE_SPACE =
  /\s+over\s+(?=(?:in|on)\s+(?:the\s+)?(?:~?[A-Z][A-Z0-9]{1,9}(?![\w~])|[^\s:]{2,30}\s+[Ss]pace\b))/;

/** The command words before the first colon (after it, the words may be the page's text). */
const WHERE_IT_GOES_HEAD = /^[^:]*/;

/**
 * "create in ENG > Tech Radar: …", "create ENG / Tech Radar: …": the space key in capitals
 * (case-sensitive), then the title, as a breadcrumb path (">", "›", "»" or a spaced slash).
 */
const SPACE_BREADCRUMB = /^\s*(?:in\s+)?(~?[A-Z][A-Z0-9]{1,9})(?:\s*[>›»]|\s+\/)\s+(?=[^\s>›»/])/;
/** A space clause later in the command's head: the first key was a title's word ("CI / CD Guide in ENG"). */
const LATER_SPACE = /\s(?:in|on|into|to)\s+(?:the\s+)?~?[A-Z][A-Z0-9]{1,9}\b/;

/** The breadcrumb's key made the create's space ("page in ENG called …"), unless a space is said later. */
function spaceFromBreadcrumb(crumb: string, key: string, offset: number, typed: string): string {
  const head = typed.slice(offset + crumb.length, offset + crumb.length + MAX_TITLE_LENGTH);
  const colon = head.indexOf(':');
  return LATER_SPACE.test(colon < 0 ? head : head.slice(0, colon)) ? crumb : `page in ${key} called `;
}

/** A spaced double hyphen ("X in ENG -- text"), as keyboards without a dash type one. */
const DOUBLE_HYPHEN = /\s--\s/;

/** "a page in HR", "a new doc in the Engineering space:": page words and a space clause only, no title. */
const PAGE_AND_SPACE_ONLY =
  /^(?:(?:for\s+)?(?:me|us)\s+)?(?:an?\s+|one\s+)?(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|doc|document|article)\s+(?:in|on|into|inside|within|under|for)\s+[^:"“\n]{1,40}?\s*:?$/i;
/** Words that name a title: a command holding one has its title already. */
const NAMES_A_TITLE = /\b(?:called|named|titled|entitled|title|name)\b/i;
/**
 * A line that reads as a title: starts with a capital or a digit, a few words, no colon and no
 * sentence end, no Markdown mark (a heading, a list) — "Pet Policy", not "dogs allowed on Fridays.".
 */
const TITLE_LIKE_LINE = /^[\p{Lu}\p{N}][^:#*\n]{0,58}[^.!?:,;\s]$|^[\p{Lu}\p{N}]$/u;
/** The mark of a top-level Markdown heading ("# Pet Policy"). */
const TOP_HEADING_MARK = /^#[ \t]+(?=\S)/;
/** Most words of a title read from its own line. */
const MAX_LINE_TITLE_WORDS = 8;

/**
 * "create a page in HR\nPet Policy\ndogs on Fridays": a command with the space but no title, then a
 * title-like first line and text after it — the first line is the title. Read as "a page in HR called
 * Pet Policy" with the lines after it as the text; kept only when that reads a create of exactly that
 * title (else the command asks, as before).
 */
function titleOnNextLine(typed: string, bodyLines: string): Intent | undefined {
  const command = typed.trim();
  if (!PAGE_AND_SPACE_ONLY.test(command) || NAMES_A_TITLE.test(command)) return undefined;
  // "create a page in SALES:\n\nRenewals Tracker\n…": blank lines before the title line are no part of it.
  const lines = bodyLines.replace(/^(?:[ \t]*\n)+/, '');
  const lineEnd = lines.indexOf('\n');
  if (lineEnd < 0) return undefined;
  // "create a page in HR:\n# Pet Policy\n…": a top heading on the first line is the title, without its mark.
  const line = lines.slice(0, lineEnd).trim().replace(TOP_HEADING_MARK, '');
  // A blank line between the title's line and the text sets them apart; it is no part of the text.
  const text = lines.slice(lineEnd + 1).replace(/^(?:[ \t]*\n)+/, '');
  if (!TITLE_LIKE_LINE.test(line) || line.split(/\s+/).length > MAX_LINE_TITLE_WORDS) return undefined;
  if (text.trim().length === 0) return undefined;
  const read = readCreate(`${command.replace(/\s*:$/, '')} called ${line}`, text);
  return read.kind === 'operation' && read.request.operation === 'create' && read.request.title === line
    ? read
    : undefined;
}

/** Longest command line read with its title on the next line (characters). */
const MAX_NAMED_COMMAND = 400;
/** A command that stops on its naming word ("… in HR called", "… with the title:"): the title is on the next line. */
const NAMING_AT_END =
  /\s(?:called|named|titled|entitled|(?:with\s+)?(?:the\s+)?(?:title|name)(?:\s+(?:is|as|will\s+be))?)\s*:?$/i;

/**
 * "create a page in HR called\nPet Policy\ndogs on Fridays": the naming word ends the command line,
 * the next line (a title-like line, blank lines before it aside) is the title and the lines after it
 * the text. Kept only when that reads a create of exactly that title.
 */
function namedOnNextLine(typed: string, bodyLines: string): Intent | undefined {
  const command = typed.trim();
  if (command.length > MAX_NAMED_COMMAND || !NAMING_AT_END.test(command.slice(-40))) return undefined;
  const lines = bodyLines.replace(/^(?:[ \t]*\n)+/, '');
  const lineEnd = lines.indexOf('\n');
  if (lineEnd < 0) return undefined;
  // "… titled\n"Desk Rules"\n…": quotes around the whole line are not part of the title.
  const typedLine = lines.slice(0, lineEnd).trim();
  const quoted = readQuoted(typedLine, 0, MAX_TITLE_LENGTH);
  const line = quoted?.kind === 'quoted' && quoted.end === typedLine.length ? quoted.value.trim() : typedLine;
  if (line.length === 0 || line.length > MAX_TITLE_LENGTH || /[:"“]/.test(line)) return undefined;
  // A blank line between the title's line and the text sets them apart; it is no part of the text.
  const read = readCreate(`${command} ${line}`, lines.slice(lineEnd + 1).replace(/^(?:[ \t]*\n)+/, ''));
  return read.kind === 'operation' && read.request.operation === 'create' && read.request.title === line
    ? read
    : undefined;
}

/**
 * "a page. Please create …", "one page for the client visit. Please create …", "a new doc about the partner.
 * Kindly make …": the page words, and what the page is for, end a sentence (why a page is wanted) and the
 * next sentence starts a create of its own. A few courtesy words, then the verb. Not when the sentence names
 * a space ("a page for the Kickoff in SALES. could you write 'agenda TBD'": the page is named, its text follows).
 * Bounded runs.
 */
const NEXT_SENTENCE_CREATE =
  /^\s*(?:an?\s+|one\s+|the\s+)?(?:new\s+)?(?:page|doc|document)(?:\s+(?:for|about|on|regarding)\s+(?:(?!\s(?:in|on|into)\s)[^.!?:"“\n]){1,60})?\s*[.!?]+\s+(?:(?:so|ok|okay|please|pls|plz|kindly|can|could|would|will|you|u)[\s,]+){0,4}(?:create|make|write|draft|start|set\s+up)\s+(?=\S)/i;

/**
 * "one page for the visit, so please create "Fabrikam Visit" in SALES", "… - can you make a page called "X"": after a
 * break, a few courtesy words, a create verb, then a quoted title (page words before it or not). Bounded runs.
 */
const LATER_QUOTED_CREATE =
  /(?:[.!?;,]|\s[-–—])\s+(?:(?:so|ok|okay|then|and|please|pls|plz|kindly|can|could|would|will|cud|cn|you|u)[\s,]+){0,4}(?:create|make|write|draft|start|set\s+up)\s+(?=(?:(?:an?|one|the)\s+)?(?:new\s+)?(?:(?:page|doc|document)\s+)?(?:(?:called|named|titled)\s+)?["“])/i;
/** Most characters of the command looked at for {@link LATER_QUOTED_CREATE}. */
const MAX_LATER_CREATE_HEAD = 200;

/**
 * A create asked again after words that only say why a page is wanted (see {@link LATER_QUOTED_CREATE}): the
 * quoted title after the later verb is the page's, not the words before it. Only when no quote and no colon
 * come before the later verb (they would hold a title or a text of their own); else `null`.
 */
function laterQuotedCreate(typed: string): RegExpExecArray | null {
  const later = LATER_QUOTED_CREATE.exec(typed.slice(0, MAX_LATER_CREATE_HEAD));
  return later && !/["“”:]/.test(typed.slice(0, later.index)) ? later : null;
}

/** Most characters at the end of a create looked at for a space named after the text. */
const SPACE_AFTER_TEXT_PROBE = 60;
/**
 * "…: list of suppliers, in OPS", "…: weekly handover (in Engineering)", "…. Space: OPS": a space clause set off by a
 * comma, a semicolon, a spaced dash or brackets at the very end, after the text. One bounded run, anchored at the end.
 */
const SPACE_CLAUSE_AT_END =
  /(?:[,;]\s*|\s[-–—]\s+|\s*\(\s*)((?:in|on|into|inside|under)\s+(?:the\s+)?[\p{L}&][\p{L}\p{N}& ]{0,40}?)\s*\)?[.!]?\s*$|[,;.]\s*[Ss]pace\b\s*:?\s*(~?[A-Z][A-Z0-9]{1,9})[.!]?\s*$/u;

/**
 * "create a page called X with: list of suppliers, in OPS": the space said last, after the text, is
 * moved to just after the title ("a page called X in OPS with: list of suppliers"), where the grammar
 * reads it. Only when the command names no space before its text, the text is inline (after a colon)
 * and the moved clause reads as the create's space; else `undefined` (the command is read as typed).
 */
function spaceAfterText(typed: string, bodyLines: string): Intent | undefined {
  if (bodyLines.trim().length > 0) return undefined;
  const command = plainNaming(typed.trim());
  const from = Math.max(0, command.length - SPACE_AFTER_TEXT_PROBE);
  const clause = SPACE_CLAUSE_AT_END.exec(command.slice(from));
  if (!clause) return undefined;
  const rest = command.slice(0, from + clause.index);
  const colon = rest.indexOf(':');
  if (colon < 0) return undefined;
  const asTyped = readCreate(rest, '');
  if (asTyped.kind !== 'failure' || !asTyped.message.startsWith('Which space')) return undefined;
  const quoteAt = rest.search(/["“‘«„]/);
  const quoted = quoteAt >= 0 ? readQuoted(rest, quoteAt) : undefined;
  const end = quoted?.kind === 'quoted' && quoted.end < colon ? quoted.end : titleEnd(rest, colon);
  const read = readCreate(`${rest.slice(0, end)} ${clause[1] ?? `in ${clause[2]}`}${rest.slice(end)}`, '');
  return read.kind === 'operation' && read.request.operation === 'create' ? read : undefined;
}

/** A new page's field opening a message ("Title: Desk Rules", "Space: OPS", "name - X"). */
const FORM_FIELD = /^[ \t]*(title|name|space)[ \t]*(?::|[-–—=](?=[ \t]))/i;
/** The other field of a form, on the same line after a break or on a line of its own. */
const SPACE_FIELD = /(?:^|[\n,;.|])[ \t]*space[ \t]*(?::|[-–—=](?=[ \t]))/i;
const TITLE_FIELD = /(?:^|[\n,;.|])[ \t]*(?:title|name)[ \t]*(?::|[-–—=](?=[ \t]))/i;
/** Characters of the lines after the first looked at for the form's other field. */
const FORM_PROBE = 300;

/** A field that names the page's text ("Content:", "Text -"). */
const TEXT_FIELD = new RegExp(String.raw`(?:^|[\n,;.|])[ \t]*${TEXT_NOUN}[ \t]*(?::|[-–—=](?=[ \t]))`, 'i');

/**
 * "Title: Desk Rules\nSpace: OPS\nContent: …", "Title: X, Space: HR, Text: …": a message that is only
 * a new page's fields, with no verb, read as asking for that page. A title field and a space field
 * must be there, the first opening the message ("Name:" counts as the title only with a text field
 * too: "Name: Ana\nSpace: ENG" may be about a person); else `undefined`. With no text, the create
 * asks for it.
 */
export function pageForm(line: string, bodyLines: string): Intent | undefined {
  const first = FORM_FIELD.exec(line)?.[1];
  if (first === undefined) return undefined;
  const form = `${line.slice(first.length)}\n${bodyLines.slice(0, FORM_PROBE)}`;
  const other = first.toLowerCase() === 'space' ? TITLE_FIELD : SPACE_FIELD;
  const titled = /^title$/i.test(first) || /(?:^|[\n,;.|])[ \t]*title[ \t]*(?::|[-–—=](?=[ \t]))/i.test(form);
  if (!other.test(form) || (!titled && !TEXT_FIELD.test(form))) return undefined;
  const read = parseCreate('a new page', bodyLines.length > 0 ? `${line}\n${bodyLines}` : line);
  const asksText = read.kind === 'failure' && /^What should `/.test(read.message);
  return read.kind === 'operation' || asksText ? read : undefined;
}

/** A request asked as a question: "could you …", "can we …", "is it possible to …" (at a sentence's start). */
const ASKED_REQUEST =
  /(?:^|[.!?,]\s+)(?:(?:can|could|would|will)\s+(?:you|u|we|someone|somebody)|(?:is|would)\s+it\s+(?:be\s+)?possible|may\s+i|(?:(?:do|would)\s+you\s+)?mind|any\s+chance|(?:i\s+was\s+|i'?m\s+)?wondering\s+if)\b/i;
/** A text that is a question of its own ("who is on call?"): its mark is kept. */
const QUESTION_TEXT =
  /^(?:who|what|when|where|why|how|which|is|are|do|does|did|can|could|should|will|would)\b/i;

/**
 * "Is it possible to create a page X in OPS with: guest wifi changes weekly?": the question mark
 * that ends a create asked as a question ends the asking, not the page's text (a text on one line,
 * the message's last words). A text that asks a question of its own keeps it.
 */
export function withoutAskingMark(intent: Intent, typed: string): Intent {
  if (intent.kind !== 'operation' || intent.request.operation !== 'create') return intent;
  const { markdown } = intent.request;
  const message = typed.trim();
  if (!/[^?]\?$/.test(markdown) || markdown.includes('\n') || !message.endsWith(markdown)) return intent;
  const asking = message.slice(0, message.length - markdown.length);
  if (!ASKED_REQUEST.test(asking) || QUESTION_TEXT.test(markdown)) return intent;
  return { ...intent, request: { ...intent.request, markdown: markdown.slice(0, -1).trimEnd() } };
}

/** A line that asks for a new page in words ("could you create a new page for me?", "I need a new doc pls"). */
const NEW_PAGE_ASKED =
  /\b(?:new|create|creat|make|set\s+up|start|need|want|like|request)\b[^\n]{0,60}\b(?:page|pg|doc|document)\b/i;

/**
 * "Could you create a new page for me?\nTitle: X\nSpace: OPS\nContent: …": a line asking for a new
 * page, then the page's fields on the lines after it (see {@link pageForm}); else `undefined`.
 */
export function formBelowAsk(line: string, bodyLines: string): Intent | undefined {
  if (!NEW_PAGE_ASKED.test(line.slice(0, MAX_TITLE_LENGTH))) return undefined;
  const lines = bodyLines.replace(/^(?:[ \t]*\n)+/, '');
  const newline = lines.indexOf('\n');
  return newline < 0 ? undefined : pageForm(lines.slice(0, newline), lines.slice(newline + 1));
}

/**
 * A parent page said in the words before the page's text: "under" then a title in capitals, a quote or an id
 * of four digits or more ("under Incident Runbooks", but not "under HR", "under the Engineering space" or
 * "under Engineering", which name the space), or "a subpage / child page of X". Only the first line up to
 * its first colon outside quotes is read.
 */
const PARENT_SAID =
  /(?:^|\s)(?:(?:sub-?page|child(?:\s+page)?)\s+(?:of|under|for)|(?:under|beneath|below))\s+(?:the\s+)?(?=["“]|\d{4,}|\p{Lu})/u;
/** Most characters of the first line looked at for a parent. */
const MAX_PARENT_HEAD = 300;

/**
 * A parent's title in capitals that ends the words before the page's text ("Incident Runbooks", "Benefits &
 * Perks", "Release Notes 2025"): a few words, each in capitals, a number or a small joining word.
 */
const PARENT_TITLE_AT_END =
  /^(\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:&|and|of|the|for|to|\p{Lu}[\p{L}\p{N}'’.-]*|\d[\d.-]*)){0,7})[\s,]*$/u;

/**
 * The parent page the create's words name after "under" or "subpage of" (see {@link PARENT_SAID}): its
 * title when it ends the words before the page's text, `'unread'` when one is named but its title cannot be
 * told from the words around it, `undefined` when none is named.
 */
function parentNamed(typed: string): string | undefined {
  const line = typed.split('\n', 1)[0]!.slice(0, MAX_PARENT_HEAD);
  // 'named "Runbook: DNS": …': a colon inside a quoted title is the title's own.
  const colon = indexOutsideQuotes(line, ':');
  const head = colon < 0 ? line : line.slice(0, colon);
  const match = PARENT_SAID.exec(head);
  if (!match) return undefined;
  // "under HR", "under Engineering", "under the People & HR space": where, not under which page.
  const named = head.slice(match.index + match[0].length);
  const word = /^[\p{L}\p{N}~&'’-]+/u.exec(named)?.[0] ?? '';
  if (/^~?[A-Z][A-Z0-9]{1,9}$/.test(word) || isDepartmentWord(word)) return undefined;
  if (/^[^"“,;]{0,60}?\s(?:space|wiki)\b/i.test(named)) return undefined;
  return colon >= 0 ? (PARENT_TITLE_AT_END.exec(named)?.[1] ?? 'unread') : 'unread';
}

/** Asked when a create names a parent page whose title could not be read. */
function askForParent(spaceKey: string): Intent {
  return {
    kind: 'failure',
    message:
      'Which page should the new page go under? Put the parent page in quotes (or give its id), so I create it in the right place.',
    suggestions: [
      `create "Page title" in ${spaceKey} under "Parent page title": first paragraph of the page`,
    ],
  };
}

/** Asked when a new page has a title and a space but no text. */
function askForText(title: string, spaceKey: string): Intent {
  return {
    kind: 'failure',
    message: `What should ${echoAsCode(title)} say? Write the page body in Markdown on the lines after the create command (Shift+Enter for a new line).`,
    suggestions: [`create "${suggestable(title)}" in ${spaceKey}: first paragraph of the page`],
  };
}

/** A page's text that only promises one ("to follow", "later pls"). */
const PROMISED_TEXT = new RegExp(
  String.raw`^\s*${TEXT_LATER}[\s.!,]*(?:(?:please|pls|plz|thanks|thx)\b[\s.!]*)?$`,
  'i',
);

function readCreate(remainder: string, bodyLines: string): Intent {
  // "add a page break in the Runbook in OPS: …", "a page number for the Travel Policy": a part of a page, no new one.
  if (PAGE_PART.test(remainder)) return { kind: 'failure', message: NO_TITLE, suggestions: EXAMPLES };
  const read = parseOrderedCreate(quotedTextGiven(remainder, bodyLines), bodyLines);
  const labelledTitle =
    read.kind === 'operation' &&
    read.request.operation === 'create' &&
    LABEL_IN_TITLE.test(read.request.title);
  if (
    (read.kind !== 'failure' && !labelledTitle) ||
    (read.kind === 'failure' && read.message.startsWith('The title'))
  )
    return read;
  // "create a page in OPS, title is X, content is …": the slots in another order.
  const slots = readCreateSlots(remainder.trim(), bodyLines);
  if (slots === undefined || checkTitle(slots.title) !== undefined) return read;
  // "create page Tips, Tricks and Hacks in ENG. use …": with the bare break read as a colon, the
  // ordered grammar knows where an unquoted title ends (a comma may be inside it).
  if (slots.headEnd !== undefined && bodyLines.trim().length === 0) {
    const ordered = parseOrderedCreate(`${remainder.trim().slice(0, slots.headEnd)}: ${slots.text}`, '');
    if (isCreateIn(ordered, slots.spaceKey)) return ordered;
  }
  return {
    kind: 'operation',
    request: { operation: 'create', title: slots.title, spaceKey: slots.spaceKey, markdown: slots.text },
  };
}

/** True when `intent` creates a page in the space `spaceKey`. */
function isCreateIn(intent: Intent, spaceKey: string): boolean {
  return (
    intent.kind === 'operation' &&
    intent.request.operation === 'create' &&
    intent.request.spaceKey === spaceKey
  );
}

/**
 * "new page pls: Office Keys, in OPS", "a new page, Sprint 40 Review in ENG", "a new HR page please,
 * title X", "new page - X - in HR", "X 📚 in ENG" (an emoji is read as a spaced full stop): courtesy
 * and punctuation around an unquoted title are not part of it (bounded runs).
 */
const PUNCTUATION_AROUND_TITLE =
  /^(?:(?:please|pls|plz)(?=[\s,;:]*[,;:]|\s+[-–—]\s))?[\s,;:–—-]{1,8}|(?:\s[-–—.]|[\s,;]){1,8}$/gi;
/** Asked when no title was read. */
const NO_TITLE = 'What should the new page be called? Put the title in quotes.';
/**
 * Nouns that make a part or a property of a page with "page" before them ("page break", "page
 * number", "page owner"): right after the page words, they name no new page. Kept as data.
 */
const PAGE_PART = new RegExp(
  String.raw`^\s*(?:an?\s+|one\s+|the\s+)?(?:new\s+)?(?:page|doc)\s+(?:${'break breaks number numbers count views layout owner owners admin admins watcher watchers link links history permission permissions tree width size footer header limit restriction restrictions comment comments'.split(' ').join('|')})\b`,
  'i',
);
/** "create Kafka Tips as a new page in ENG": what the title is made as is not part of it. */
const AS_A_PAGE =
  /\s+(?:up\s+)?as\s+(?:an?|one)(?:\s+new)?(?:\s+(?:wiki|confluence))?(?:\s+(?:page|doc|document))?$/i;
/** "create the Offsite 2026 page in HR": "the" before a title in capitals is not part of it. */
const THE_BEFORE_TITLE = /^(?:the|an?)\s+(?=[A-Z0-9])/;
/** A sentence end before the title's first word: the words after it are another sentence. */
const SENTENCE_END_FIRST = /^[.!?]+\s/;
/** "create *Offsite Plan* in HR", "**X**", "_X_": chat emphasis around the whole title is no part of it. */
const EMPHASIS_AROUND = /^(\*{1,2}|_)(?=[^\s*_])([^*_\n]+)(?<=[^\s*_])\1$/;
/** "this page", "it": words that point at a page, never its title. */
const POINTING_TITLE = /^(?:this|that|it|one|the)(?:\s+(?:page|doc|one))?$/i;

/**
 * "a page for the Release Notes 2025.04 in ENG", "a page about Parking Rules in OPS", "a page on
 * onboarding tips in HR": the word before the title, typed in lower case, is not part of it ("About
 * Us" keeps its word).
 */
const FOR_BEFORE_TITLE = /^(?:for|about|on|regarding)\s+(?:the\s+|our\s+)?(?=[\p{L}\p{N}])/u;

/** "… at HR", "… at the OPS space", "… at the people space": a space after "at", ending a title. */
const AT_SPACE_END =
  /\s+at\s+(?:the\s+)?(?:(~?[A-Z][A-Z0-9]{1,9})(?:\s+[Ss]pace)?|([\p{L}\p{N}]{2,30})\s+[Ss]pace)$/u;

/**
 * The title without its "at" space and the space's key, when `title` ends with one said so (see
 * {@link AT_SPACE_END}): a key in capitals counts only as a department's ("at HQ" is a place).
 */
function spaceAtTitleEnd(title: string): { title: string; spaceKey: string } | undefined {
  const match = AT_SPACE_END.exec(title.slice(-60));
  if (!match) return undefined;
  const word = match[1] ?? match[2] ?? '';
  const said = match[2] !== undefined || /\s[Ss]pace$/.test(match[0]);
  const spaceKey = said || isDepartmentWord(word) ? acceptSpaceWord(word, said) : undefined;
  const rest = title.slice(0, title.length - match[0].length).trim();
  return spaceKey === undefined || rest.length === 0 ? undefined : { title: rest, spaceKey };
}

/** The create read in the grammar's order: title, space, parent, then the text. */
function parseOrderedCreate(remainder: string, bodyLines: string): Intent {
  const text = quoteTitleWithColon(keyAfterPageNoun(groupBeforeNaming(remainder.trim())));
  const parsed = readTitleAndClauses(calledAfter(text) ?? spaceAfterTitle(text, bodyLines));
  if ('error' in parsed) return { kind: 'failure', message: parsed.error, suggestions: EXAMPLES };
  if (parsed.read.kind === 'error')
    return { kind: 'failure', message: parsed.read.message, suggestions: EXAMPLES };
  // Quotes around the whole title are not part of it; a quoted word inside it ("Fast Lane" Process) keeps them.
  const wrapped = readQuoted(parsed.title, 0);
  const bare =
    wrapped?.kind === 'quoted' && wrapped.end < parsed.title.trimEnd().length
      ? parsed.title.trim()
      : parsed.title.replace(/^["'“”‘’«»„]+|["'“”‘’«»„]+$/g, '').trim();
  let title =
    parsed.quoted || /^["'“”‘’«»„]/.test(parsed.title)
      ? bare
      : bare
          .replace(TITLE_PAGE_NOUN, '')
          .replace(FOR_BEFORE_TITLE, '')
          .replace(THE_BEFORE_TITLE, '')
          .replace(AS_A_PAGE, '')
          .replace(PUNCTUATION_AROUND_TITLE, '')
          .replace(EMPHASIS_AROUND, '$2');
  // "… to make a page. Please create X in LEGAL": a sentence ended after the page noun, so no title follows it.
  if (
    title.length === 0 ||
    POINTING_TITLE.test(title) ||
    (!parsed.quoted && SENTENCE_END_FIRST.test(title))
  ) {
    return { kind: 'failure', message: NO_TITLE, suggestions: EXAMPLES };
  }
  const titleProblem = checkTitle(title);
  if (titleProblem) return { kind: 'failure', message: titleProblem, suggestions: EXAMPLES };
  if (parsed.read.kind === 'no') {
    return {
      kind: 'failure',
      message:
        'I could not read that create command. Put the title in quotes, then `in SPACEKEY`, then optionally `under <page>`.',
      suggestions: EXAMPLES,
    };
  }
  const { parent } = parsed.read.clauses;
  // "make new page Car Pool at HR: …": with no other space, "at" a department's key or a space said so
  // ends an unquoted title ("Lunch at HQ" keeps its words).
  const atSpace =
    parsed.read.clauses.spaceKey === undefined && !parsed.quoted ? spaceAtTitleEnd(title) : undefined;
  const spaceKey = parsed.read.clauses.spaceKey ?? atSpace?.spaceKey;
  if (atSpace) title = atSpace.title;
  // "… and put 3rd floor kitchen on it", "… with agenda TBC as the content": where or what the text is, not part of it.
  const inlineBody = unquotedBody(
    parsed.read.clauses.inlineBody
      .replace(parsed.read.clauses.asTyped ? NOTHING : ON_IT_AT_END, '')
      .replace(AS_THE_TEXT, '')
      .replace(FOR_NOW_AFTER_QUOTE, ''),
    bodyLines,
  );
  if (spaceKey === undefined) {
    return {
      kind: 'failure',
      message: `Which space should ${echoAsCode(title)} go in? Add \`in SPACEKEY\` after the title.`,
      suggestions: [`create "${suggestable(title)}" in ENG`, ...EXAMPLES.slice(1)],
    };
  }
  const body = bodyAfterPointer(inlineBody, bodyLines, parsed.read.clauses.introduced === true);
  const markdown =
    body.inline.length > 0
      ? body.bodyLines.length > 0
        ? `${body.inline}\n${body.bodyLines}`
        : body.inline
      : body.bodyLines;
  if (markdown.trim().length === 0) return askForText(title, spaceKey);
  return {
    kind: 'operation',
    request: { operation: 'create', title, spaceKey, ...(parent ? { parent } : {}), markdown },
  };
}
