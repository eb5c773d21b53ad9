import type { PageRef } from '../confluence/types.js';
import { echoAsCode } from './echo-text.js';
import { UPDATE_EDIT_FORMS } from './examples.js';
import { cleanLine } from './normalize-message.js';
import { readPageName } from './page-name.js';
import { checkTitle, readPageRef } from './page-ref.js';
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
const APPEND_LINE = /^[ \t]*(?:append|add)[ \t]*:[ \t]*/i;
const BODY_LINE = /^[ \t]*(?:body|content)[ \t]*:[ \t]*/i;
const TITLE_LINE = /^[ \t]*(?:title|rename(?:[ \t]+to)?)[ \t]*:?[ \t]*/i;
const SECTION_LINE = /^[ \t]*section[ \t]+/i;
const REPLACE_LINE = /^[ \t]*replace[ \t]+/i;
const WITH = /\s+(?:with|by|->|→)\s*/iy;
/** "change "a" to "b"", "swap "a" for "b"": the same edit as replace, in other words. */
const CHANGE_TO = /\s+(?:to|into|with|for|by|->|→)\s*/iy;
const TO = /\s*(?:to|as|into)\b\s*:?\s*|\s*:\s*/iy;
const ONTO = /\s*(?:to|onto|into|on|in|at\s+the\s+end\s+of)\s+/iy;
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

function splitFirstLine(text: string): [string, string | undefined] {
  const newline = text.indexOf('\n');
  return newline < 0 ? [text, undefined] : [text.slice(0, newline), text.slice(newline + 1)];
}

function joinMarkdown(inline: string, following: string | undefined): string {
  if (following === undefined) return inline;
  return inline.trim().length === 0 ? following : `${inline}\n${following}`;
}

function markdownEdit(kind: 'append' | 'body', markdown: string): UpdateEdit | string {
  if (markdown.trim().length === 0) {
    return kind === 'append'
      ? 'What should I append? Put the Markdown after `append:` (it may continue on the next lines).'
      : 'What should the new body be? Put the Markdown after `body:` (it may continue on the next lines).';
  }
  return { kind, markdown };
}

function titleEdit(raw: string): UpdateEdit | string {
  const line = cleanLine(raw);
  const quoted = readQuoted(line, 0);
  const title = (quoted?.kind === 'quoted' ? quoted.value : line).trim();
  const problem = checkTitle(title);
  return problem ? `New title: ${problem}` : { kind: 'title', title };
}

function readQuotedValue(text: string, cursor: TextCursor, what: string): string | { error: string } {
  cursor.skipSpaces();
  const quoted = readQuoted(text, cursor.pos);
  if (quoted?.kind === 'quoted') {
    cursor.pos = quoted.end;
    return quoted.value;
  }
  if (quoted?.kind === 'unbalanced')
    return { error: `The ${what} text has an opening ${quoted.open} but no closing quote.` };
  return { error: `Put the ${what} text in quotes: replace "old text" with "new text".` };
}

function replaceEdit(text: string, cursor: TextCursor, joiner: RegExp = WITH): UpdateEdit | string {
  const find = readQuotedValue(text, cursor, 'old');
  if (typeof find !== 'string') return find.error;
  if (find.length === 0) return 'The text to replace is empty.';
  if (!cursor.take(joiner)) return 'Say what to replace it with: replace "old text" with "new text".';
  const replaceWith = readQuotedValue(text, cursor, 'new');
  if (typeof replaceWith !== 'string') return replaceWith.error;
  return { kind: 'replace', find, replaceWith };
}

function sectionEdit(text: string): UpdateEdit | string {
  const cursor = new TextCursor(text);
  cursor.skipSpaces();
  const quoted = readQuoted(text, cursor.pos);
  let heading: string;
  if (quoted?.kind === 'quoted') {
    heading = quoted.value;
    cursor.pos = quoted.end;
  } else if (quoted?.kind === 'unbalanced') {
    return `The heading has an opening ${quoted.open} but no closing quote.`;
  } else {
    const colon = text.indexOf(':');
    const newline = text.indexOf('\n');
    if (colon < 0 || (newline >= 0 && newline < colon)) return 'Write it as: section "Heading": <markdown>.';
    heading = text.slice(0, colon);
    cursor.pos = colon;
  }
  heading = cleanLine(heading);
  if (heading.length === 0) return 'The section heading is empty.';
  const afterHeading = text.slice(cursor.pos);
  const colon = /^[ \t]*:[ \t]*/.exec(afterHeading);
  if (!colon) return 'Put a colon after the heading: section "Heading": <markdown>.';
  const [inline, following] = splitFirstLine(afterHeading.slice(colon[0].length));
  const markdown = joinMarkdown(inline, following);
  if (markdown.trim().length === 0)
    return `What should the ${echoAsCode(heading)} section say? Put the Markdown after the colon.`;
  return { kind: 'section', heading, markdown };
}

/**
 * Reads one edit (`append:`, `replace "a" with "b"`, `section "H":`, `body:`, `title:`) from
 * `text`, whose first line holds the keyword. Markdown after the keyword continues over the following
 * lines and is kept exactly. Returns a user-facing reason when the edit is unusable.
 */
export function parseEditText(text: string): UpdateEdit | string {
  const [firstLine, following] = splitFirstLine(text);
  const append = APPEND_LINE.exec(firstLine);
  if (append) return markdownEdit('append', joinMarkdown(firstLine.slice(append[0].length), following));
  const body = BODY_LINE.exec(firstLine);
  if (body) return markdownEdit('body', joinMarkdown(firstLine.slice(body[0].length), following));
  const section = SECTION_LINE.exec(firstLine);
  if (section) return sectionEdit(text.slice(section[0].length));
  const replace = REPLACE_LINE.exec(firstLine);
  if (replace) {
    const cursor = new TextCursor(text);
    cursor.pos = replace[0].length;
    const edit = replaceEdit(text, cursor);
    if (typeof edit === 'string') return edit;
    return cursor.atEnd()
      ? edit
      : 'Only one replace per update: nothing may follow replace "old" with "new".';
  }
  const title = TITLE_LINE.exec(firstLine);
  if (title && /^[ \t]*(?:title|rename)/i.test(firstLine)) {
    if (following !== undefined && following.trim().length > 0) return 'A new title must fit on one line.';
    return titleEdit(firstLine.slice(title[0].length));
  }
  return `I did not understand the change. After the page, write one of: ${UPDATE_EDIT_FORMS.join(' · ')}`;
}

/**
 * Where a page named by title words ends: at the edit on the same line (`edit`), at `:` or "saying"
 * (`content`), at the first " to " (`to`), or at the end of the line (`end`).
 */
type NameStop = 'edit' | 'content' | 'to' | 'end';

const EDIT_START =
  /\s(?:replace|section)\s+["“‘'«„]|\s(?:append|add|body|content|title|rename(?:\s+to)?)\s*:|:/i;
const CONTENT_START = /:|\s(?:saying|that\s+says|which\s+says|with\s+(?:the\s+)?text)\b/i;
const SAYING = /\s*(?::|saying|that\s+says|which\s+says|with\s+(?:the\s+)?text)\s*:?\s*/iy;

function nameEnd(text: string, from: number, stop: NameStop): number {
  const rest = text.slice(from);
  const found =
    stop === 'edit'
      ? EDIT_START.exec(rest)?.index
      : stop === 'content'
        ? CONTENT_START.exec(rest)?.index
        : stop === 'to'
          ? (() => {
              const at = rest.toLowerCase().indexOf(' to ');
              return at < 0 ? undefined : at;
            })()
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

function editAfterRef(headRest: string, bodyLines: string): UpdateEdit | string {
  const inline = headRest.replace(/^\s*:?\s*/, '');
  if (inline.length > 0) return parseEditText(bodyLines.length > 0 ? `${inline}\n${bodyLines}` : inline);
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
      return finish(ref, () =>
        markdownEdit(kind, joinMarkdown(cursor.rest().trim(), bodyLines || undefined)),
      );
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
      const edit = replaceEdit(text, cursor, mode === 'change' ? CHANGE_TO : WITH);
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
