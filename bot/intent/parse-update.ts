import type { PageRef } from '../confluence/types.js';
import {
  joinMarkdown,
  markdownEdit,
  parseEditText,
  replaceEdit,
  sectionEdit,
  titleEdit,
} from './edit-text.js';
import { UPDATE_EDIT_FORMS } from './examples.js';
import { readPageName } from './page-name.js';
import { readPageRef } from './page-ref.js';
import { readQuoted } from './read-quoted.js';
import { TextCursor } from './text-cursor.js';
import type { Intent, TitleSearchRef, UpdateEdit } from './types.js';

/** How the update was phrased; decides which edit the words after the page describe. */
export type UpdateMode =
  | 'update'
  | 'append-to'
  | 'append-quoted'
  | 'rename'
  | 'set-title'
  | 'set-body'
  | 'replace'
  | 'change'
  | 'section';

const EDIT_SUGGESTIONS = UPDATE_EDIT_FORMS.map((form) => `update 123456 ${form}`);
const TO = /\s*(?:to|as|into)\b\s*:?\s*|\s*:\s*/iy;
const ONTO = /\s*(?:(?:to|at)\s+the\s+(?:end|bottom)\s+of|to|onto|into|on|in|under)\s+/iy;
/** "replace the text "a" with …", "change the word "a" to …": the noun before the quoted text. */
const TEXT_NOUN = /(?:the\s+)?(?:text|word|words|phrase|line|sentence)\s+(?=["“‘'«„])/iy;
/** The first " to" followed by a space or colon ("rename X to Y", "set the body of X to: …"). */
const TO_WORD = /\sto(?=[\s:])/i;
const CONNECTOR = /\s*(?:in|on|of|for|at)\s+/iy;
const COLON = /\s*(?:with\s*)?:?\s*/y;

function failure(message: string, suggestions: readonly string[] = EDIT_SUGGESTIONS): Intent {
  return { kind: 'failure', message, suggestions: [...suggestions] };
}

function update(ref: PageRef | TitleSearchRef, edit: UpdateEdit): Intent {
  return ref.kind === 'title-search'
    ? { kind: 'page-by-name', request: { operation: 'update', ref, edit } }
    : { kind: 'operation', request: { operation: 'update', ref, edit } };
}

/**
 * Where a page named by title words ends: at the edit on the same line (`edit`), at `:` or "saying"
 * (`content`), at the first " to " (`to`), or at the end of the line (`end`).
 */
type NameStop = 'edit' | 'content' | 'to' | 'end';

const EDIT_VERB = String.raw`(?:append|add|put|write|insert|include|replace|change|swap|rename)\b`;
/**
 * Where the edit starts after a page named by title words: a keyword edit (`append:`, `replace
 * "…"`), a colon, an edit verb after punctuation, a dash or "and"/"then" ("update X - add …",
 * "update X? add that …", "update X and add …"), or "with "…"" / "to say …".
 */
const EDIT_START = new RegExp(
  [
    String.raw`\s(?:replace|section)\s+["“‘'«„]`,
    String.raw`\s(?:append|add|body|content|title|rename(?:\s+to)?)\s*:`,
    ':',
    String.raw`\s*(?:->|→|=>)\s*`,
    String.raw`(?:[,?.!;]|\s[-–—])\s*(?:(?:and|then)\s+)?(?:please\s+)?(?=${EDIT_VERB})`,
    String.raw`,?\s(?:and|then)\s+(?:please\s+)?(?=${EDIT_VERB})`,
    String.raw`\s(?=with\s+["“‘'«„])`,
    String.raw`\s(?=to\s+(?:also\s+)?(?:say|read|mention|include)\b)`,
    String.raw`\s(?=so\s+(?:that\s+)?it\s+(?:says|reads|mentions)\b)`,
  ].join('|'),
  'i',
);
const CONTENT_START =
  /:|\s(?:saying|that\s+says|which\s+says|stating|with\s+(?:the\s+)?text|that)\b|\s(?:the\s+)?(?:following\s+)?(?:line|note|text|sentence)(?=\s*:|\s+["“‘'«„])/i;
const SAYING =
  /\s*(?::|saying|that\s+says|which\s+says|stating|with\s+(?:the\s+)?text|that(?=\s)|(?:the\s+)?(?:following\s+)?(?:line|note|text|sentence)(?=\s*:|\s+["“‘'«„]))\s*:?\s*/iy;

function nameEnd(text: string, from: number, stop: NameStop): number {
  const rest = text.slice(from);
  const found =
    stop === 'edit'
      ? EDIT_START.exec(rest)?.index
      : stop === 'content'
        ? CONTENT_START.exec(rest)?.index
        : stop === 'to'
          ? TO_WORD.exec(rest)?.index
          : undefined;
  return from + (found ?? rest.length);
}

function readTarget(cursor: TextCursor, stop: NameStop = 'end'): PageRef | TitleSearchRef | string {
  const read = readPageRef(cursor);
  if (read?.kind === 'error') return read.message;
  if (read !== undefined) return read.ref;
  const end = nameEnd(cursor.text, cursor.pos, stop);
  const named = readPageName(cursor.text.slice(cursor.pos, end));
  if (named === undefined)
    return 'Which page? Give its title ("the VPN Setup Guide"), a page id, or a page link.';
  cursor.pos = end;
  return named;
}

/**
 * The edit after the page: on the same line (after a colon, dash or linking word) or on the next
 * lines. Text after a colon that is no edit form ("update the rota: Jane is away") is added to
 * the page, the way "append:" would.
 */
function editAfterRef(headRest: string, bodyLines: string): UpdateEdit | string {
  const inline = headRest.replace(/^[\s,?.!;:\-–—>→=]*/, '');
  if (inline.length > 0) {
    const text = bodyLines.length > 0 ? `${inline}\n${bodyLines}` : inline;
    const edit = parseEditText(text);
    const afterColon =
      /^\s*:/.test(headRest) &&
      !/^\s*:\s*(?:append|add|body|content|title|rename|section|replace)\b/i.test(headRest);
    return typeof edit === 'string' && afterColon ? parseEditText(`append: ${text}`) : edit;
  }
  const lines = bodyLines.replace(/^(?:[ \t]*\n)+/, '');
  if (lines.trim().length === 0) {
    return `What should change? On the next line write one of: ${UPDATE_EDIT_FORMS.join(' · ')}`;
  }
  return parseEditText(lines);
}

function finish(ref: PageRef | TitleSearchRef | string, edit: () => UpdateEdit | string): Intent {
  if (typeof ref === 'string') return failure(ref);
  const result = edit();
  return typeof result === 'string' ? failure(result) : update(ref, result);
}

/** Most characters of an unquoted old or new text ("replace 09:45 with 10:00 in …"). */
const MAX_UNQUOTED_TEXT = 200;
const UNQUOTED_REPLACE = new RegExp(
  String.raw`^([^"“‘«„\n]{1,${MAX_UNQUOTED_TEXT}}?)\s+(?:with|by)\s+([^"“‘«„\n]{1,${MAX_UNQUOTED_TEXT}}?)\s+(?:in|on|of)\s+(?=\S)`,
  'i',
);
const UNQUOTED_CHANGE = new RegExp(
  String.raw`^([^"“‘«„\n]{1,${MAX_UNQUOTED_TEXT}}?)\s+(?:to|into|with|for)\s+([^"“‘«„\n]{1,${MAX_UNQUOTED_TEXT}}?)\s+(?:in|on|of)\s+(?=\S)`,
  'i',
);

/**
 * "replace 09:45 with 10:00 in Team Rituals", "change 09:45 to 10:00 on the X page": old and new
 * text without quotes, each a short run of words, then the page. `undefined` when it does not read
 * that way (the quoted forms then explain what is missing).
 */
function unquotedReplace(text: string, mode: 'replace' | 'change'): Intent | undefined {
  const match = (mode === 'change' ? UNQUOTED_CHANGE : UNQUOTED_REPLACE).exec(text);
  if (!match) return undefined;
  const cursor = new TextCursor(text);
  cursor.pos = match[0].length;
  const ref = readTarget(cursor);
  if (typeof ref === 'string' || !cursor.atEnd()) return undefined;
  return update(ref, { kind: 'replace', find: match[1]!.trim(), replaceWith: match[2]!.trim() });
}

/**
 * Builds an update from the words after the verb (`mode` says how it was phrased: `update 123`,
 * `append to "Runbook" in OPS: …`, `add "text" to 123`, `rename 123 to "X"`, `replace "a" with "b" in 123`, `set the
 * body of 123 to: …`, `update section "H" of 123: …`) and the message's following lines. Markdown is
 * kept exactly as typed on the following lines. Fails with the accepted edit forms when unclear.
 */
export function parseUpdate(mode: UpdateMode, remainder: string, bodyLines: string): Intent {
  const text = remainder.trim();
  const cursor = new TextCursor(text);
  switch (mode) {
    case 'update': {
      const ref = readTarget(cursor, 'edit');
      return finish(ref, () => editAfterRef(cursor.rest(), bodyLines));
    }
    case 'append-to':
    case 'set-body': {
      const ref = readTarget(cursor, mode === 'set-body' ? 'to' : 'content');
      if (mode === 'set-body') cursor.take(TO);
      if (!cursor.take(SAYING)) cursor.take(COLON);
      const kind = mode === 'append-to' ? 'append' : 'body';
      const inline = cursor.rest().trim();
      const quoted = bodyLines ? undefined : readQuoted(inline, 0);
      const text = quoted?.kind === 'quoted' && quoted.end === inline.length ? quoted.value : inline;
      return finish(ref, () => markdownEdit(kind, joinMarkdown(text, bodyLines || undefined)));
    }
    case 'rename':
    case 'set-title': {
      const ref = readTarget(cursor, 'to');
      if (typeof ref !== 'string' && !cursor.take(TO))
        return failure('Say the new title: rename 123456 to "New title".');
      return finish(ref, () => titleEdit(cursor.rest()));
    }
    case 'append-quoted': {
      const quoted = readQuoted(text, 0);
      if (quoted?.kind !== 'quoted')
        return failure('Put the text to add in quotes: add "text" to page 123456.');
      cursor.pos = quoted.end;
      if (!cursor.take(ONTO)) return failure('Say which page: add "text" to page 123456.');
      const ref = readTarget(cursor);
      return finish(ref, () => markdownEdit('append', quoted.value));
    }
    case 'replace':
    case 'change': {
      cursor.take(TEXT_NOUN);
      const unquoted = readQuoted(text, cursor.pos) === undefined ? unquotedReplace(text, mode) : undefined;
      if (unquoted) return unquoted;
      const edit = replaceEdit(text, cursor, mode === 'change' ? 'change' : 'with');
      if (typeof edit === 'string') return failure(edit);
      if (!cursor.take(CONNECTOR)) return failure('Say which page: replace "old" with "new" in page 123456.');
      const ref = readTarget(cursor);
      return finish(ref, () => edit);
    }
    case 'section': {
      const heading = readQuoted(text, 0);
      if (heading?.kind !== 'quoted')
        return failure('Put the section heading in quotes: update section "Heading" of 123456: <markdown>.');
      cursor.pos = heading.end;
      if (!cursor.take(CONNECTOR))
        return failure('Say which page: update section "Heading" of 123456: <markdown>.');
      const ref = readTarget(cursor, 'content');
      const quotedHeading = JSON.stringify(heading.value);
      return finish(ref, () =>
        sectionEdit(`${quotedHeading}${cursor.rest()}${bodyLines ? `\n${bodyLines}` : ''}`),
      );
    }
  }
}

const PAGE_LINK_WORDS = [' to ', ' onto ', ' into ', ' on ', ' in '] as const;
/** What follows " in "/" on " when it only names a space ("… in OPS"), not the page. */
const ONLY_A_SPACE = /^(?:the\s+)?(?:space\s+)?~?[A-Z0-9]{2,10}(?:\s+space)?[\s.!]*$/;

/** Where each link word last occurs in `lower`, latest first (the page is named last). */
function linkPositions(lower: string): { at: number; word: string }[] {
  return PAGE_LINK_WORDS.map((word) => ({ at: lower.lastIndexOf(word), word }))
    .filter(({ at }) => at > 0)
    .sort((a, b) => b.at - a.at);
}

/**
 * An append phrased with the text before the page: "add a line saying <text> to the VPN Setup
 * Guide" (`remainder` starts at the text). The page is what follows the last of " to ", " onto ",
 * " into ", " on ", " in " (the text itself may hold them: "default to off into the Feature Flags
 * page"); " in OPS" alone names the space, not the page. One backward search per word: linear.
 */
export function parseAppendSaying(remainder: string, bodyLines: string): Intent {
  const text = remainder.trim();
  for (const { at, word } of linkPositions(text.toLowerCase())) {
    const after = text.slice(at + word.length);
    if ((word === ' in ' || word === ' on ') && ONLY_A_SPACE.test(after)) continue;
    const content = text.slice(0, at).trim();
    const cursor = new TextCursor(after);
    const ref = readTarget(cursor, 'end');
    if (typeof ref === 'string') continue;
    if (!cursor.atEnd() && ref.kind !== 'title-search') continue;
    const quoted = readQuoted(content, 0);
    const markdown = quoted?.kind === 'quoted' && quoted.end === content.length ? quoted.value : content;
    return finish(ref, () => markdownEdit('append', joinMarkdown(markdown, bodyLines || undefined)));
  }
  return failure('Say which page: add a line saying <text> to the VPN Setup Guide.');
}

/** Where the page named first ends and its edit starts: a comma or colon, or the edit's verb. */
const PAGE_FIRST_END =
  /\s*[,:]\s*|\s[-–—]\s*|\s+(?=(?:please\s+|i\s+(?:want|need|would\s+like|'d\s+like)\s+(?:to\s+)?)?(?:add|append|put|write|insert|include|replace|change|swap|rename)\b)/i;

/**
 * An edit phrased with the page first: "in the Team Rituals page, add a line saying …", "on the
 * VPN Setup Guide: append "…"", "to the expense policy add: …" (`remainder` starts at the page).
 * `undefined` when no edit follows the page, so the line is read another way.
 */
export function parsePageFirstEdit(remainder: string, bodyLines: string): Intent | undefined {
  const text = remainder.trim();
  const end = PAGE_FIRST_END.exec(text);
  if (!end || end.index === 0) return undefined;
  const ref = readTarget(new TextCursor(text.slice(0, end.index)), 'end');
  if (typeof ref === 'string') return undefined;
  const editText = text
    .slice(end.index + end[0].length)
    .replace(/^(?:please\s+|i\s+(?:want|need|would\s+like|'d\s+like)\s+(?:to\s+)?)/i, '');
  const edit = parseEditText(bodyLines.length > 0 ? `${editText}\n${bodyLines}` : editText);
  return typeof edit === 'string' ? undefined : update(ref, edit);
}

/** "<thing> to <page> saying <text>": the thing is short, the page ends at "saying". */
const ADD_TO_SAYING =
  /^(.{1,60}?)\s(?:to|onto|into|on|in)\s+(.+?)\s+(?:saying|that\s+says|which\s+says|reading)\s*:?\s+(\S[\s\S]*)$/i;

/**
 * "add a lien to the Team Rituals saying retro is monthly": something added (whatever it is
 * called, typos included) to a page, then the text after "saying". `undefined` when it does not
 * read that way.
 */
export function parseAddToSaying(remainder: string, bodyLines: string): Intent | undefined {
  const match = ADD_TO_SAYING.exec(remainder.trim());
  if (!match) return undefined;
  const ref = readTarget(new TextCursor(match[2]!), 'end');
  if (typeof ref === 'string') return undefined;
  return finish(ref, () => markdownEdit('append', joinMarkdown(match[3]!.trim(), bodyLines || undefined)));
}

/**
 * "change in the page X "a" to "b"", "replace in X "a" with "b"": the page first, then the quoted
 * old and new text (`remainder` starts at the page). `undefined` when it does not read that way.
 */
export function parseChangeIn(remainder: string, _bodyLines: string): Intent | undefined {
  const text = remainder.trim();
  const quote = /["“‘'«„]/.exec(text);
  if (!quote) return undefined;
  const name = text.slice(0, quote.index).replace(/\s+(?:the|a)\s*$/i, '');
  const ref = readTarget(new TextCursor(name), 'end');
  if (typeof ref === 'string') return undefined;
  const cursor = new TextCursor(text);
  cursor.pos = quote.index;
  const edit = replaceEdit(text, cursor, 'change');
  return typeof edit === 'string' || !cursor.atEnd() ? undefined : update(ref, edit);
}
