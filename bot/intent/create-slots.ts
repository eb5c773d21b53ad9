import { TEXT_NOUN, WITH } from './body-markers.js';
import { bodyAfterPointer } from './body-pointer.js';
import { MAX_TITLE_LENGTH } from './page-ref.js';
import { isInsideQuotes, readQuoted } from './read-quoted.js';
import { acceptSpaceWord, readSpaceName } from './space-key.js';
import { TextCursor } from './text-cursor.js';

/*
 * A new page's title, space and text read as three labelled slots, in any order ("create a page in
 * OPS, title is Desk Booking, content is …", "new page: Desk Booking, space: OPS, text: …", "a page
 * named X in space OPS containing …"). Only a fallback for a create the ordered grammar of
 * parse-create.ts could not read: it never decides that a message is a create, and it gives up
 * unless it finds all three. Each slot is found by one bounded scan of the command line.
 */

/** The slots of a new page, each as typed. */
export interface CreateSlots {
  readonly title: string;
  readonly spaceKey: string;
  readonly text: string;
  /** Where the command words end, when only a bare break (a dash, a comma, a sentence end) set off the text. */
  readonly headEnd?: number;
}

/** Most characters of the command words (before the page's text) looked at. */
const MAX_HEAD = 400;

/**
 * Where the page's text starts: a text noun as a field (", text: …", ". Content is …", " with the
 * body …"), a verb that quotes it ("containing …", "saying …", "it should say …", "and write: …").
 * Group 1 is the break before it (punctuation, "and" or "with"); without one a bare noun needs a colon.
 */
const TEXT_START = new RegExp(
  String.raw`(\s*[,;.?!]\s*(?:and\s+)?|\s+and\s+|\s+${WITH}\s+|\s+)(?:((?:(?:the|its)\s+)?(?:following\s+)?${TEXT_NOUN}(\s+(?:is|will\s+be|should\s+be|below))?)(\s*[:=]|\s+[-–—])?|(?:containing|saying|sayin|that\s+says|which\s+says|where\s+it\s+says|(?:it\s+)?(?:just\s+|only\s+)?(?:should|must|will|can|needs\s+to|has\s+to)\s+(?:just\s+|only\s+|also\s+)?(?:say|read|contain)|(?:write|put|add)(?:\s+(?:in\s+it|inside|there|this|the\s+following))?(?=\s*:)|(?:inside|in\s+it)(?=\s*:)|(?:inside(?:\s+it)?|in\s+it)\s+(?:write|put|say)(?=\s+\S)|(?:write|put|say)(?:\s+(?:inside|in\s+it))?(?:\s+(?:the\s+)?${TEXT_NOUN})?(?=\s+\S)|in\s+(?:the|this)\s+(?:body|text|content|page|doc)\s+(?:put|write|say)|${WITH}(?=\s*:))\s*:?)\s*`,
  'gi',
);
/** A space named by its key: "in OPS", "into the OPS space", "space: OPS", "in space ops", "(OPS)". */
const SPACE_BY_KEY =
  /(?:^|[\s,;.?!(])(?:(?:(?:in|on|into|to|inside|within)\s+(?:the\s+)?(?:(space)\s*:?\s*)?|(space)(?:\s+(?:is|will\s+be|should\s+be)\b)?\s*[:=]?\s*|\(\s*)(~?[A-Za-z][A-Za-z0-9]{1,9})(?:\s+(space|wiki)\b)?\s*\)?)(?=$|[\s,;.?!:])/gi;
/** "create X under HR with: …": a key in capitals after "under" (a parent page is named otherwise). */
const UNDER_KEY = /(?:^|\s)under\s+(?:the\s+)?(~?[A-Z][A-Z0-9]{1,9})(?:\s+space)?(?=$|[\s,;.?!:])/g;
/** "OPS space, title …": a key in capitals, then "space", with no preposition (case-sensitive). */
const KEY_THEN_SPACE = /(?:^|[\s,;.?!])(~?[A-Z][A-Z0-9]{1,9})\s+(?:space|wiki)\b/g;
/** "in the People & HR space": a space named in words (see `readSpaceName`). */
const SPACE_NAME_START = /\s(?=(?:in|on|inside|within|to|into)\s+(?:the|our)\s)/gi;
/** "a page for OPS titled X": "for", then a key in capitals (case-sensitive). */
const FOR_KEY = /(?:^|\s)for\s+(?:the\s+)?(~?[A-Z][A-Z0-9]{1,9})(?:\s+space)?(?=$|[\s,;.?!:])/g;
/** "a new OPS page": the key in capitals before the page noun. */
const KEY_BEFORE_NOUN = /(?:^|\s)(~?[A-Z][A-Z0-9]{1,9})\s+(?=(?:page|doc|document|article)\b)/g;
/** Words that name the title: "called", "named", "title:", "the title is", "with the name". */
const TITLE_MARKER =
  /(?:^|[\s,;.?!])(?:called|named|titled|entitled|(?:call|name|title)\s+it|(?:with\s+)?(?:the\s+|its\s+)?(?:title|name)(?:\s+(?:is|will\s+be|should\s+be))?)\s*[:=]?\s+(?=\S)/gi;
/** What ends a slot's value: a comma, a sentence end, a semicolon, " and " or " - ". */
const VALUE_END = /\s*[,;?!]|\.(?=\s|$)|\s+and\s+|\s+[-–—](?:\s+|$)|\s*:/;
/** The page words before an unlabelled title ("a new page", "one wiki doc", "for me a page"). */
const PAGE_WORDS =
  /(?:^|\s)(?:(?:for\s+)?(?:me|us)\s+)?(?:(?:an?|one|the)\s+)?(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|doc|document|article)\b\s*:?\s*/i;
/** "a page on Snow Days", "a page for the Book Swap": the word before a title in capitals is not part of it. */
const ABOUT_TITLE = /^(?:for|about|on|regarding)\s+(?:(?:the|our)\s+)?(?=[\p{Lu}\p{N}])/u;
/** Words that start a description rather than a title ("for the audit", "about desks"). */
const NOT_A_TITLE_START = /^(?:for|about|on|regarding|with|that|which|to|in|of|from|where|so|please|pls)\b/i;
/** A title in capitals, then the page noun, at the start of the command words ("a Snow Days page"; bounded runs). */
const TITLE_BEFORE_NOUN =
  /^\s*(?:(?:the|an?|one)\s+)?(?:new\s+)?([A-Z0-9][^,;:.!?"“\n]{0,100}?)\s+(?:page|doc|document|article)\s*(?:[,;]|$)/;
/** Words that start the page words, not a title ("A new page", "New page"). */
const NOT_TITLE_WORDS = /^(?:an?|one|new|the|my|our|me|us|for|some)\b/i;
/** Most words in a title read without a label. */
const MAX_BARE_TITLE_WORDS = 8;

/** `text` with the span [from, to) blanked by a comma, so later scans see a break there. */
function blank(text: string, from: number, to: number): string {
  return `${text.slice(0, from)} ,${' '.repeat(Math.max(0, to - from - 2))}${text.slice(to)}`;
}

/** The first space in `head`, and `head` without it. */
function findSpace(head: string): { key: string; head: string } | undefined {
  // "in the Engineering space: Tech Radar": a name said to be a space's first ("space: Tech" is no label here).
  SPACE_NAME_START.lastIndex = 0;
  for (let match = SPACE_NAME_START.exec(head); match; match = SPACE_NAME_START.exec(head)) {
    const cursor = new TextCursor(head);
    cursor.pos = match.index;
    const key = readSpaceName(cursor);
    if (key !== undefined) return { key, head: blank(head, match.index, cursor.pos) };
  }
  SPACE_BY_KEY.lastIndex = 0;
  for (let match = SPACE_BY_KEY.exec(head); match; match = SPACE_BY_KEY.exec(head)) {
    const explicit = match[1] !== undefined || match[2] !== undefined || match[4] !== undefined;
    // "in the Way We Work guide": a word in title case is a title's, not a key (unless "space" is said).
    const titleCase = /^[A-Z][a-z]/.test(match[3] ?? '');
    const key = titleCase && !explicit ? undefined : acceptSpaceWord(match[3] ?? '', explicit);
    if (key !== undefined) return { key, head: blank(head, match.index, match.index + match[0].length) };
  }
  UNDER_KEY.lastIndex = 0;
  const under = UNDER_KEY.exec(head);
  const underKey = under ? acceptSpaceWord(under[1]!, false) : undefined;
  if (under && underKey !== undefined)
    return { key: underKey, head: blank(head, under.index, under.index + under[0].length) };
  KEY_THEN_SPACE.lastIndex = 0;
  const keyed = KEY_THEN_SPACE.exec(head);
  const keyedKey = keyed ? acceptSpaceWord(keyed[1]!, true) : undefined;
  if (keyed && keyedKey !== undefined)
    return { key: keyedKey, head: blank(head, keyed.index, keyed.index + keyed[0].length) };
  KEY_BEFORE_NOUN.lastIndex = 0;
  const before = KEY_BEFORE_NOUN.exec(head);
  const key = before ? acceptSpaceWord(before[1]!, false) : undefined;
  if (before && key !== undefined) {
    const start = before.index + before[0].indexOf(before[1]!);
    return { key, head: `${head.slice(0, start)}${head.slice(start + before[1]!.length)}` };
  }
  // "page for OPS titled X": "for" before a key in capitals, when nothing else names the space.
  FOR_KEY.lastIndex = 0;
  const forKey = FOR_KEY.exec(head);
  const forKeyKey = forKey ? acceptSpaceWord(forKey[1]!, false) : undefined;
  if (forKey && forKeyKey !== undefined)
    return { key: forKeyKey, head: blank(head, forKey.index, forKey.index + forKey[0].length) };
  return undefined;
}

/** The value that starts at `from` in `text`, up to the next {@link VALUE_END}. */
function valueAt(text: string, from: number): string {
  const rest = text.slice(from);
  const quoted = readQuoted(rest, 0, MAX_TITLE_LENGTH * 2);
  if (quoted?.kind === 'quoted') return quoted.value.trim();
  const end = VALUE_END.exec(rest);
  return (end ? rest.slice(0, end.index) : rest).trim();
}

/** The title in `head`: quoted, after a naming word, or the words right after the page noun. */
function findTitle(head: string): string | undefined {
  const quoteAt = head.search(/["“‘«„]/);
  if (quoteAt >= 0) {
    const quoted = readQuoted(head, quoteAt, MAX_TITLE_LENGTH * 2);
    if (quoted?.kind === 'quoted' && quoted.value.trim().length > 0) return quoted.value.trim();
  }
  TITLE_MARKER.lastIndex = 0;
  const marker = TITLE_MARKER.exec(head);
  if (marker) return valueAt(head, marker.index + marker[0].length) || undefined;
  // "Desk Booking page, OPS space, content: …": a title in capitals right before the page noun.
  const before = TITLE_BEFORE_NOUN.exec(head);
  if (before && !NOT_TITLE_WORDS.test(before[1]!) && before[1]!.split(/\s+/).length <= MAX_BARE_TITLE_WORDS)
    return before[1];
  const page = PAGE_WORDS.exec(head);
  if (!page) return undefined;
  // "new page in OPS: Desk Booking": the space taken out left a break before the title.
  const from = page.index + page[0].length;
  const after = /^(?:[\s,:;]|[-–—](?=\s))*/.exec(head.slice(from))![0].length;
  const bare = valueAt(head, from + after).replace(ABOUT_TITLE, '');
  const words = bare.split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0 || words.length > MAX_BARE_TITLE_WORDS || NOT_A_TITLE_START.test(bare))
    return undefined;
  return bare;
}

/** Where the page's text starts in `line` (and where the command words end), or `undefined`. */
function findText(line: string): { headEnd: number; textStart: number } | undefined {
  TEXT_START.lastIndex = 0;
  for (let match = TEXT_START.exec(line); match; match = TEXT_START.exec(line)) {
    if (match.index > MAX_HEAD) return undefined;
    // "… and write desks are hot-desked": a verb with no colon starts the text only after "and" or punctuation.
    const bareVerb = /^(?:write|put|say)$/i.test(match[0].slice(match[1]!.length).trim());
    const verbal = match[2] === undefined && !bareVerb;
    const marked = match[3] !== undefined || match[4] !== undefined;
    const punctuated = /[,;.?!]/.test(match[1] ?? '');
    // "… and content we meet monthly" (two words at least: "Tea and Text Guide" stays a title).
    const joined =
      /\band\b|\bwith\b|w\//i.test(match[1] ?? '') && /^\S+\s+\S/.test(line.slice(TEXT_START.lastIndex));
    if (verbal || marked || punctuated || joined)
      return { headEnd: match.index, textStart: match.index + match[0].length };
  }
  return undefined;
}

/** "title: X" / "space: OPS" on a line of its own after the command: a slot given as a field. */
const FIELD_LINE = /^[ \t]*(?:title|name|space)[ \t]*(?::|[-–—=](?=[ \t]))[ \t]*\S[^\n]*$/i;
/** A field's label with a dash or "=" for its colon ("title - Bike Scheme"), as the slots read it: with a colon. */
const DASHED_LABEL = /^[ \t]*(title|name|space)[ \t]*[-–—=][ \t]*/i;
/** "content:" heading the first line after the field lines: the label of the page's text. */
const TEXT_FIELD = new RegExp(
  String.raw`^(?:[ \t]*\n)*[ \t]*${TEXT_NOUN}[ \t]*(?::|[-–—](?=[ \t]))[ \t]*\n?|^(?:[ \t]*\n)+`,
  'i',
);
/** "Space: People & HR", "space: engineering": a space field whose value is not one key in capitals. */
const SPACE_FIELD_IN_WORDS = /^space\s*:\s*(?!~?[A-Z][A-Z0-9]{1,9}$)([\p{L}&][\p{L}\p{N}&' ]{1,40})$/iu;

/** A space field naming its space in words, read as "in the <name> space" (a key field stays as typed). */
function spaceFieldInWords(field: string): string {
  const name = SPACE_FIELD_IN_WORDS.exec(field)?.[1]?.trim();
  return name === undefined || /\s(?:space|wiki)$/i.test(name) ? field : `in the ${name} space`;
}

/** Field lines read after the command. */
const MAX_FIELD_LINES = 3;

/**
 * "create a page\ntitle: Desk Rules\nspace: OPS\n<text>": the field lines right after the command
 * joined to it (", title: Desk Rules, space: OPS"), the lines after them the text.
 */
function withFieldLines(line: string, bodyLines: string): { line: string; bodyLines: string } {
  let head = line;
  let rest = bodyLines;
  for (let i = 0; i < MAX_FIELD_LINES; i += 1) {
    const newline = rest.indexOf('\n');
    const first = newline < 0 ? rest : rest.slice(0, newline);
    if (!FIELD_LINE.test(first)) break;
    head = `${head}, ${spaceFieldInWords(first.replace(DASHED_LABEL, '$1: ').trim())}`;
    rest = newline < 0 ? '' : rest.slice(newline + 1);
  }
  // "…\ntitle: Desk Rules\ncontent: we book on Mondays": after the fields, the text's own label is no part
  // of it, nor are blank lines between the fields and the text.
  if (head === line) return { line: head, bodyLines: rest };
  const label = TEXT_FIELD.exec(rest.slice(0, MAX_HEAD));
  return { line: head, bodyLines: label ? rest.slice(label[0].length) : rest };
}

/** A spaced dash ("X - text"): where the text may start once the title and the space are named. */
const SPACED_DASH = /\s[-–—]\s+(?=\S)|:(?!\/\/)\s*(?=\S)|[.;?!]\s+(?=\S)|,\s+(?=\S+\s+\S)/g;
/** Courtesy or another slot after a comma ("…, please", "…, thanks a lot", "…, call it X"): no text. */
const NO_TEXT_AFTER_COMMA =
  /^(?:please|pls|plz|thanks|thank\s+you|thx|ty|cheers|asap|if\s+(?:possible|you\s+can)|(?:call|name|title)\s+it|called|named|titled|title|name|space|in|on|into|under|with)\b/i;
/** Breaks tried (titles may hold one: "Runbook - Kafka"). */
const MAX_DASH_TRIES = 4;
/**
 * A sentence that says why the page is wanted, not what it says ("We need it for the audit.", "It's
 * for the new joiners", "because …"): after a sentence end it is no text. Anchored, bounded runs.
 */
const REASON_SENTENCE =
  /^(?:(?:we|i)(?:\s+(?:really|will|would|might|also))?\s+(?:need|needs|want|wants|like|use)\s+(?:it|this|one|that)\b|(?:it|this|that)(?:\s+is|['’]s|\s+will\s+be|\s+would\s+be)\s+(?:for|needed|to\s+help|so)\b|(?:because|since|so\s+that|so\s+we|for\s+the)\b)/i;

/**
 * "new page in OPS titled Lunch Rota - friday is pizza", "a page for the offsite in HR called X: …",
 * "a page X in HR. agenda TBC", "a page X in HR, agenda to follow": with no other marker, the text after the first dash, colon or sentence
 * end that has both the title and the space before it.
 */
function dashAfterSlots(line: string): { headEnd: number; textStart: number } | undefined {
  SPACED_DASH.lastIndex = 0;
  let tries = 0;
  for (let dash = SPACED_DASH.exec(line); dash && tries < MAX_DASH_TRIES; dash = SPACED_DASH.exec(line)) {
    tries += 1;
    if (dash.index > MAX_HEAD) return undefined;
    // 'named "Runbook: DNS": …': a break inside a quoted title is the title's own.
    if (isInsideQuotes(line, dash.index)) continue;
    // "title: X", "space: OPS": a field's own colon is no break before the text (a sentence end is: "… in HR space. text").
    if (
      !/^[.;?!]/.test(dash[0]) &&
      /(?:title|name|space|called|named)\s*$/i.test(line.slice(Math.max(0, dash.index - 8), dash.index))
    )
      continue;
    // "… in OPS? We need it for the audit.": why the page is wanted, after a sentence end, is no text.
    const after = line.slice(dash.index + dash[0].length);
    if (/^[.;?!,]/.test(dash[0]) && REASON_SENTENCE.test(after)) continue;
    if (dash[0].startsWith(',') && NO_TEXT_AFTER_COMMA.test(after)) continue;
    const space = findSpace(line.slice(0, dash.index));
    if (space && findTitle(space.head) !== undefined)
      return { headEnd: dash.index, textStart: dash.index + dash[0].length };
  }
  return undefined;
}

/**
 * "title Desk Booking space HR text we book on Mondays", "title=X space=OPS body=…": each slot after
 * its label word with no punctuation between slots. A label is a whole word, then optionally ":" or
 * "=" (a label word inside a quoted value is skipped over with its quotes).
 */
const SLOT_LABEL = new RegExp(
  String.raw`(?:^|[\s,;.|/>])(?:(title|name|titled|called|named)|(space)|(${TEXT_NOUN}))\b(?:\s*[:=])?`,
  'gi',
);
/** "title X in space OPS", "titled X for the ENG space": the preposition before the space is not the title's (in lower case: "Check In" keeps its word). */
const TRAILING_PREPOSITION = /\s+(?:in|on|into|to|for|inside|within|under|at)(?:\s+the)?$/;

/** A title without the quotes around all of it ("title "Cloud Costs" in ENG text …"). */
function unquoted(title: string | undefined): string | undefined {
  const quoted = title === undefined ? undefined : readQuoted(title, 0, MAX_TITLE_LENGTH * 2);
  return quoted?.kind === 'quoted' && quoted.end === title!.length ? quoted.value.trim() : title;
}

/** A space clause inside a labelled title ("called X in HR and add the text …"). */
const SPACE_IN_TITLE =
  /\s(?:in|on|into|to|inside|within)\s+(?:the\s+)?(~?[\p{L}\p{N}]{1,32})(?:\s+(?:space|wiki))?(?=[\s,]|$)/gu;
/** What may follow the space inside a labelled title, before the text label: a joiner to the text ("and add the"). */
const JOINER_BEFORE_TEXT =
  /^[\s,]*(?:and\s+)?(?:(?:add|write|put|include|insert|type|paste)\s+)?(?:(?:the|this|some)\s*)?$/i;

/**
 * The title of "called X in HR and add the text …": the words before the space clause, when only a
 * joiner follows that clause; the title as labelled when it holds no clause of the space; `undefined`
 * when other words follow the clause (the title's end is unsure).
 */
function titleBeforeSpace(title: string, key: string): string | undefined {
  if (title.length > MAX_TITLE_LENGTH * 2) return undefined;
  const clause = [...title.matchAll(SPACE_IN_TITLE)].find(
    (match) => acceptSpaceWord(match[1]!, /\s(?:space|wiki)$/i.test(match[0])) === key,
  );
  if (!clause) return title;
  const rest = title.slice(clause.index + clause[0].length);
  return JOINER_BEFORE_TEXT.test(rest) ? title.slice(0, clause.index).trim() : undefined;
}

/** Most labels looked at. */
const MAX_LABELS = 8;

/** A labelled value without its surrounding quotes and punctuation. */
function slotValue(value: string): string {
  const trimmed = value.replace(/^[\s,;.|/>-]+|[\s,;|/>-]+$/g, '');
  const quoted = readQuoted(trimmed, 0, MAX_TITLE_LENGTH * 2);
  return quoted?.kind === 'quoted' && quoted.end === trimmed.length ? quoted.value.trim() : trimmed;
}

/**
 * Telegraphic slots: a title label, optionally a space label (else a space clause before the text),
 * and a text label last, the text running to the end. `undefined` unless all three read.
 */
function labelledSlots(line: string, bodyLines: string): CreateSlots | undefined {
  const head = line.slice(0, MAX_HEAD);
  const labels: { kind: 'title' | 'space' | 'text'; start: number; end: number }[] = [];
  SLOT_LABEL.lastIndex = 0;
  for (let m = SLOT_LABEL.exec(head); m && labels.length < MAX_LABELS; m = SLOT_LABEL.exec(head)) {
    const kind = m[1] !== undefined ? 'title' : m[2] !== undefined ? 'space' : 'text';
    labels.push({ kind, start: m.index, end: m.index + m[0].length });
    if (kind === 'text') break;
    // A quoted value: the next label is looked for after its closing quote.
    const valueStart =
      SLOT_LABEL.lastIndex + (/^\s*/.exec(head.slice(SLOT_LABEL.lastIndex))?.[0].length ?? 0);
    const quoted = readQuoted(head, valueStart, MAX_TITLE_LENGTH * 2);
    if (quoted?.kind === 'quoted') SLOT_LABEL.lastIndex = quoted.end;
  }
  const text = labels.at(-1);
  if (text?.kind !== 'text') return undefined;
  const labelledValue = (kind: 'title' | 'space'): string | undefined => {
    const found = labels.filter((label) => label.kind === kind);
    if (found.length !== 1) return undefined;
    const next = labels[labels.indexOf(found[0]!) + 1]!;
    return slotValue(line.slice(found[0]!.end, next.start));
  };
  // "title X in space OPS": the preposition before the space label is not the title's.
  const labelled = labelledValue('title')?.replace(TRAILING_PREPOSITION, '');
  if (!labelled || labelled.split(/\s+/).length > MAX_BARE_TITLE_WORDS * 2) return undefined;
  const spaceWord = labelledValue('space');
  const key = spaceWord
    ? /^\S+$/.test(spaceWord)
      ? acceptSpaceWord(spaceWord, true)
      : undefined
    : findSpace(line.slice(0, text.start))?.key;
  if (key === undefined || !labelled) return undefined;
  const title = spaceWord ? labelled : unquoted(titleBeforeSpace(labelled, key));
  if (!title || title.split(/\s+/).length > MAX_BARE_TITLE_WORDS * 2) return undefined;
  // "… Text Tips" or "text" alone: a text of one unquoted word may be part of a title.
  const inline = slotValue(line.slice(text.end));
  if (
    bodyLines.trim().length === 0 &&
    !/\S\s+\S/.test(inline) &&
    !/^["“‘']/.test(line.slice(text.end).trim())
  )
    return undefined;
  const body = inline.length > 0 ? (bodyLines.length > 0 ? `${inline}\n${bodyLines}` : inline) : bodyLines;
  return body.trim().length > 0 ? { title, spaceKey: key, text: body } : undefined;
}

/**
 * The title, space and text of a new page read as labelled slots from the words after a create verb
 * (`line`) and the lines after it, or `undefined` unless all three are there.
 */
export function readCreateSlots(typed: string, typedBody: string): CreateSlots | undefined {
  const { line, bodyLines } = withFieldLines(typed, typedBody);
  const slots = readSlots(line, bodyLines);
  // "page name=X space=OPS text=…": a title that begins with its label is read from the labels.
  if (slots !== undefined && !/^(?:title|name)\s*[:=]/i.test(slots.title)) return slots;
  return labelledSlots(line, bodyLines) ?? slots;
}

/** A verb that brings the text, with no colon after it ("and write", "saying"). */
const SAYING_BEFORE = /(?:say|says|saying|write|stating|explaining|noting|mentioning)\s*$/i;
/** "… and write that the office is closed": after such a verb, "that" before a clause is no part of the text. */
const THAT_CLAUSE = /^that\s+(?=\S+\s+\S)/i;

function readSlots(line: string, bodyLines: string): CreateSlots | undefined {
  const marked = findText(line);
  const text = marked ?? (bodyLines.trim().length === 0 ? dashAfterSlots(line) : undefined);
  // "… and put 3rd floor kitchen on it": where the text goes is not part of it.
  const typedInline = text
    ? line
        .slice(text.textStart)
        .trim()
        .replace(/\s+(?:(?:on|in|into|onto)\s+it|there)$/i, '')
        .replace(SAYING_BEFORE.test(line.slice(text.headEnd, text.textStart)) ? THAT_CLAUSE : /(?!)/, '')
    : '';
  // A whole quoted inline text ("body "3rd floor kitchen"") loses its quotes.
  const quoted = bodyLines.length === 0 ? readQuoted(typedInline, 0) : undefined;
  const typedText =
    quoted?.kind === 'quoted' && quoted.end === typedInline.length ? quoted.value : typedInline;
  // "… containing the list below\n- a": words that only point at the lines below are no text.
  const { inline, bodyLines: lines } = bodyAfterPointer(typedText, bodyLines);
  const body = inline.length > 0 ? (lines.length > 0 ? `${inline}\n${lines}` : inline) : lines;
  if (body.trim().length === 0) return undefined;
  const head = line.slice(0, text ? text.headEnd : Math.min(line.length, MAX_HEAD));
  const space = findSpace(head);
  if (!space) return undefined;
  const title = findTitle(space.head)?.replace(TRAILING_PREPOSITION, '');
  if (title === undefined || title.length === 0 || title.length > MAX_TITLE_LENGTH) return undefined;
  return { title, spaceKey: space.key, text: body, ...(text && !marked ? { headEnd: text.headEnd } : {}) };
}
