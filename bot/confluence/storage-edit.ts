import { z } from 'zod';
import { AppError } from '../errors.js';
import { escapeXml, markdownToStorage, stripXmlInvalidChars } from './markdown-to-storage.js';
import {
  assertStorageSize,
  decodeRawText,
  decodeRawTextOnly,
  type LocatedElement,
  type LocatedNode,
  type LocatedText,
  locatedTextContent,
  MAX_STORAGE_CHARS,
  parseStorageTree,
  type StorageTree,
  walkElements,
  walkNodes,
} from './storage-tree.js';

const MAX_TITLE_LENGTH = 255;

/**
 * Most occurrences one `replace` may change. A find that matches more often is almost always a
 * mistake (`replace "a" with "b"`), and every match adds lines to the preview diff the approver must
 * read; counting stops at the first match past the limit, so a refused request costs one scan.
 */
export const MAX_REPLACEMENTS = 1000;

/** Schema of {@link StorageEdit}; use it to parse edits that arrive from outside (commands, cards). */
export const storageEditSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('append'), markdown: z.string() }),
  z.object({ kind: z.literal('replace'), find: z.string(), replaceWith: z.string() }),
  z.object({ kind: z.literal('section'), heading: z.string(), markdown: z.string() }),
  z.object({ kind: z.literal('body'), markdown: z.string() }),
  z.object({ kind: z.literal('title'), title: z.string() }),
]);

/**
 * One change to a page. `append` adds converted Markdown at the end (inside the last layout cell
 * when the page uses `ac:layout`); `replace` is a plain-text find/replace in visible text only;
 * `section` replaces what follows a heading up to the next heading of the same or a higher level;
 * `body` replaces the whole body; `title` leaves the body alone (the caller applies the title).
 */
export type StorageEdit = z.infer<typeof storageEditSchema>;

/** Result of {@link applyStorageEdit}. `changed` says whether the storage body changed. */
export interface StorageEditResult {
  readonly storage: string;
  readonly changed: boolean;
  /** One sentence for previews and audit, e.g. `Replaced 2 occurrences of "v1".` */
  readonly summary: string;
  /** For `title` edits only: the new title, whitespace collapsed and trimmed. */
  readonly title?: string;
}

/** One change an edit made: `[start, end)` of the original replaced by `insertLength` characters. */
export interface StorageSplice {
  readonly start: number;
  readonly end: number;
  readonly insertLength: number;
}

/** {@link applyStorageEdit}'s result plus where it changed the page, for previews of the changed part only. */
export interface LocatedEditResult extends StorageEditResult {
  /** Sorted, non-overlapping, in offsets of the original storage. */
  readonly splices: readonly StorageSplice[];
  /** The original storage's tree when the edit parsed it (reuse it instead of parsing again). */
  readonly tree?: StorageTree;
}

/** A heading of the page: level 1–6 and its visible text (trimmed, whitespace collapsed). */
export interface StorageHeading {
  readonly level: number;
  readonly text: string;
}

/**
 * Elements whose text is never touched by `replace` (macro parameters, plain-text bodies such as
 * code, resource identifiers, task metadata, app extensions, placeholders).
 */
const PROTECTED_ELEMENTS = new Set([
  'ac:parameter',
  'ac:plain-text-body',
  'ac:plain-text-link-body',
  'ac:task-id',
  'ac:task-uuid',
  'ac:task-status',
  'ac:adf-extension',
  'ac:placeholder',
  'ac:emoticon',
  'ac:image',
  'script',
  'style',
]);

/** `ac:` containers whose direct text is page content. */
const CONTENT_CONTAINERS = new Set([
  'ac:rich-text-body',
  'ac:task-body',
  'ac:link-body',
  'ac:layout-cell',
  'ac:caption',
  'ac:inline-comment-marker',
]);

const HEADING_NAME = /^h([1-6])$/i;

/**
 * Applies one edit to a page body in storage format and returns the new body. Only the edited
 * region changes: every byte before and after it is copied from the original string (positions come
 * from htmlparser2 on the original; the document is never re-serialised), so macros, mentions,
 * images and layouts elsewhere survive byte for byte. New content is produced by
 * `markdownToStorage` (safe subset only).
 *
 * `replace` replaces every occurrence (the summary reports the count); it matches inside one text
 * run only (a non-breaking space matches a typed space) and never inside macro parameters, code
 * bodies, CDATA, tag names or attributes.
 *
 * Every edit is built in one pass over the page: matches are collected first, then the output is
 * assembled once from the untouched slices and the replacements.
 *
 * Throws `AppError('INPUT_INVALID')` with a user message when the edit is malformed, the text is
 * not found (or only across formatting / inside macros) or matches more than `MAX_REPLACEMENTS`
 * times, the heading is missing (the message lists the headings) or appears more than once, new
 * content is empty, or the title is empty/too long; `AppError('PAGE_TOO_LARGE')` when the page, or
 * the page after the edit, is over `MAX_STORAGE_CHARS`.
 */
export function applyStorageEdit(storage: string, edit: StorageEdit): StorageEditResult {
  const { splices: _splices, tree: _tree, ...result } = applyStorageEditLocated(storage, edit);
  return result;
}

/** {@link applyStorageEdit}, also saying where the page changed. Same errors. */
export function applyStorageEditLocated(storage: string, edit: StorageEdit): LocatedEditResult {
  const parsed = storageEditSchema.safeParse(edit);
  if (!parsed.success) throw invalid('That edit is not valid.');
  assertStorageSize(storage);
  const result = applyParsedEdit(storage, parsed.data);
  if (result.storage.length > MAX_STORAGE_CHARS) {
    throw new AppError('PAGE_TOO_LARGE', {
      userMessage: `After this edit the page would be too large to preview here (over ${MAX_STORAGE_CHARS / 1_000_000} MB) — make the change in Confluence.`,
      details: { storageChars: result.storage.length, limit: MAX_STORAGE_CHARS },
    });
  }
  return result;
}

function applyParsedEdit(storage: string, value: StorageEdit): LocatedEditResult {
  switch (value.kind) {
    case 'append':
      return appendContent(storage, value.markdown);
    case 'replace':
      return replaceText(storage, value.find, value.replaceWith);
    case 'section':
      return replaceSection(storage, value.heading, value.markdown);
    case 'body':
      return replaceBody(storage, value.markdown);
    case 'title':
      return setTitle(storage, value.title);
  }
}

/** Lists the page's headings (h1–h6) in document order. Never throws. */
export function listHeadings(storage: string): StorageHeading[] {
  return locateHeadings(parseStorageTree(storage)).map(({ level, text }) => ({ level, text }));
}

function invalid(userMessage: string): AppError {
  return new AppError('INPUT_INVALID', { userMessage });
}

function splice(source: string, start: number, end: number, insert: string): string {
  return source.slice(0, start) + insert + source.slice(end);
}

function quote(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return `"${short}"`;
}

function convertNew(markdown: string, what: string): string {
  const storage = markdownToStorage(markdown);
  if (storage.trim() === '') throw invalid(`The ${what} is empty. Type the content to add.`);
  return storage;
}

function lastChild(element: LocatedElement | undefined, name: string): LocatedElement | undefined {
  const children = element ? element.children : [];
  return children
    .filter((child): child is LocatedElement => child.kind === 'element' && child.name === name)
    .at(-1);
}

function appendContent(storage: string, markdown: string): LocatedEditResult {
  const addition = convertNew(markdown, 'text to append');
  const tree = parseStorageTree(storage);
  const layout = tree.roots
    .filter((node): node is LocatedElement => node.kind === 'element' && node.name === 'ac:layout')
    .at(-1);
  const cell = lastChild(lastChild(layout, 'ac:layout-section'), 'ac:layout-cell');
  if (cell && cell.closeStart > cell.start && cell.end > cell.openEnd) {
    return {
      storage: splice(storage, cell.closeStart, cell.closeStart, addition),
      changed: true,
      summary: 'Appended new content at the end of the page (in the last layout cell).',
      splices: [{ start: cell.closeStart, end: cell.closeStart, insertLength: addition.length }],
      tree,
    };
  }
  return {
    storage: storage + addition,
    changed: true,
    summary: 'Appended new content at the end of the page.',
    splices: [{ start: storage.length, end: storage.length, insertLength: addition.length }],
    tree,
  };
}

function isProtectedElement(element: LocatedElement): boolean {
  return PROTECTED_ELEMENTS.has(element.name) || element.name.startsWith('ri:');
}

/** Elements inside (or being) a protected element, computed in one pass from parents to children. */
function protectedElements(tree: StorageTree): Set<LocatedElement> {
  const inside = new Set<LocatedElement>();
  for (const element of walkElements(tree.roots)) {
    if (isProtectedElement(element) || (element.parent && inside.has(element.parent))) inside.add(element);
  }
  return inside;
}

function isEditableText(node: LocatedText, insideProtected: ReadonlySet<LocatedElement>): boolean {
  if (node.cdata) return false;
  const parent = node.parent;
  if (!parent) return true;
  if (parent.name.includes(':') && !CONTENT_CONTAINERS.has(parent.name)) return false;
  return !insideProtected.has(parent);
}

function textNodes(nodes: readonly LocatedNode[]): LocatedText[] {
  return walkNodes(nodes).filter((node): node is LocatedText => node.kind === 'text');
}

function normaliseSpaces(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

interface Match {
  readonly start: number;
  readonly end: number;
}

/**
 * Finds `needle` (spaces already normalised) in one text run and pushes the raw ranges onto
 * `matches`, stopping once `matches` holds `limit` entries. Linear in the run: text without
 * entities maps offsets one to one; otherwise one decode builds offset tables looked up per match.
 */
function findInText(node: LocatedText, needle: string, matches: Match[], limit: number): void {
  const raw = node.raw;
  if (!raw.includes('&')) {
    const haystack = normaliseSpaces(raw);
    for (let at = haystack.indexOf(needle); at !== -1 && matches.length < limit; ) {
      matches.push({ start: node.start + at, end: node.start + at + needle.length });
      at = haystack.indexOf(needle, at + needle.length);
    }
    return;
  }
  const decoded = decodeRawText(raw);
  const haystack = normaliseSpaces(decoded.text);
  const rawStartAt = new Int32Array(haystack.length + 1).fill(-1);
  const rawEndAt = new Int32Array(haystack.length + 1).fill(-1);
  for (const unit of decoded.units) {
    if (rawStartAt[unit.decodedStart] === -1) rawStartAt[unit.decodedStart] = unit.rawStart;
    if (rawEndAt[unit.decodedEnd] === -1) rawEndAt[unit.decodedEnd] = unit.rawEnd;
  }
  for (let at = haystack.indexOf(needle); at !== -1 && matches.length < limit; ) {
    const first = rawStartAt[at] ?? -1;
    const last = rawEndAt[at + needle.length] ?? -1;
    if (first !== -1 && last !== -1) matches.push({ start: node.start + first, end: node.start + last });
    at = haystack.indexOf(needle, at + needle.length);
  }
}

/** Copies `source` with each (sorted, non-overlapping) match replaced, in one pass. */
function spliceAll(source: string, matches: readonly Match[], replacement: string): string {
  const parts: string[] = [];
  let from = 0;
  for (const match of matches) {
    parts.push(source.slice(from, match.start), replacement);
    from = match.end;
  }
  parts.push(source.slice(from));
  return parts.join('');
}

function replaceText(storage: string, find: string, replaceWith: string): LocatedEditResult {
  if (find.trim() === '') throw invalid('Tell me which text to replace.');
  const tree = parseStorageTree(storage);
  const texts = textNodes(tree.roots);
  const insideProtected = protectedElements(tree);
  const editable = texts.filter((node) => isEditableText(node, insideProtected));
  const needle = normaliseSpaces(find);
  const matches: Match[] = [];
  for (const node of editable) {
    findInText(node, needle, matches, MAX_REPLACEMENTS + 1);
    if (matches.length > MAX_REPLACEMENTS) {
      throw invalid(
        `The text ${quote(find)} appears more than ${MAX_REPLACEMENTS.toLocaleString('en-US')} times on the page, which is too many to replace and preview at once. Replace a longer, more specific piece of text, or edit the page in Confluence.`,
      );
    }
  }
  if (matches.length === 0) throw notFoundError(texts, editable, find);
  const replacement = escapeXml(replaceWith);
  const output = spliceAll(storage, matches, replacement);
  const count = matches.length;
  return {
    storage: output,
    changed: output !== storage,
    splices: matches.map((m) => ({ start: m.start, end: m.end, insertLength: replacement.length })),
    tree,
    summary: `Replaced ${count} occurrence${count === 1 ? '' : 's'} of ${quote(find)} with ${quote(replaceWith)}.`,
  };
}

function notFoundError(
  texts: readonly LocatedText[],
  editable: readonly LocatedText[],
  find: string,
): AppError {
  const needle = normaliseSpaces(find);
  const editableSet = new Set(editable);
  const protectedText = texts
    .filter((node) => !editableSet.has(node))
    .map((node) => normaliseSpaces(locatedTextContent(node)));
  if (protectedText.some((text) => text.includes(needle))) {
    return invalid(
      `The text ${quote(find)} appears only inside a macro, code block or link target, which the bot does not edit.`,
    );
  }
  const flattened = normaliseSpaces(editable.map((node) => decodeRawTextOnly(node.raw)).join(''));
  const collapsed = (text: string) => text.replace(/\s+/g, ' ');
  if (flattened.includes(needle) || collapsed(flattened).includes(collapsed(needle))) {
    return invalid(
      `The text ${quote(find)} spans formatting (for example part of it is bold or a link) or several paragraphs, so it can't be replaced as one piece. Replace a shorter piece of text that has the same formatting.`,
    );
  }
  return invalid(
    `The text ${quote(find)} was not found on the page. Check the spelling, capitals and spaces.`,
  );
}

interface LocatedHeading extends StorageHeading {
  readonly element: LocatedElement;
}

function locateHeadings(tree: StorageTree): LocatedHeading[] {
  const insideProtected = protectedElements(tree);
  return walkElements(tree.roots).flatMap((element) => {
    const match = HEADING_NAME.exec(element.name);
    if (!match || insideProtected.has(element)) return [];
    const text = normaliseSpaces(locatedTextContent(element)).replace(/\s+/g, ' ').trim();
    return [{ level: Number(match[1]), text, element }];
  });
}

function normaliseHeading(text: string): string {
  return normaliseSpaces(text)
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function sectionEnd(tree: StorageTree, heading: LocatedHeading): number {
  const parent = heading.element.parent;
  const siblings = parent ? parent.children : tree.roots;
  const index = siblings.indexOf(heading.element);
  for (const sibling of siblings.slice(index + 1)) {
    if (sibling.kind !== 'element') continue;
    const match = HEADING_NAME.exec(sibling.name);
    if (match && Number(match[1]) <= heading.level) return sibling.start;
  }
  return parent ? parent.closeStart : tree.source.length;
}

function replaceSection(storage: string, headingText: string, markdown: string): LocatedEditResult {
  const wanted = normaliseHeading(headingText);
  if (wanted === '') throw invalid('Tell me which heading the section starts at.');
  const tree = parseStorageTree(storage);
  const headings = locateHeadings(tree);
  const found = headings.filter((heading) => heading.text.toLowerCase() === wanted);
  if (found.length === 0) {
    if (headings.length === 0)
      throw invalid(`The page has no headings, so there is no section ${quote(headingText)}.`);
    const names = headings.slice(0, 20).map((heading) => quote(heading.text));
    const more = headings.length > 20 ? ` and ${headings.length - 20} more` : '';
    throw invalid(
      `There is no heading ${quote(headingText)} on the page. Headings: ${names.join(', ')}${more}.`,
    );
  }
  const [heading] = found;
  if (!heading || found.length > 1) {
    throw invalid(
      `The heading ${quote(headingText)} appears ${found.length} times on the page, so the section is ambiguous. Use a find/replace edit instead.`,
    );
  }
  const content = markdownToStorage(markdown);
  const start = heading.element.end;
  const end = Math.max(start, sectionEnd(tree, heading));
  const output = splice(storage, start, end, content);
  return {
    storage: output,
    changed: output !== storage,
    splices: [{ start, end, insertLength: content.length }],
    tree,
    summary:
      content === ''
        ? `Emptied the section under heading ${quote(heading.text)}.`
        : `Replaced the section under heading ${quote(heading.text)}.`,
  };
}

function replaceBody(storage: string, markdown: string): LocatedEditResult {
  const content = convertNew(markdown, 'new page body');
  return {
    storage: content,
    changed: content !== storage,
    splices: [{ start: 0, end: storage.length, insertLength: content.length }],
    summary: 'Replaced the whole page body.',
  };
}

function setTitle(storage: string, title: string): LocatedEditResult {
  const clean = stripXmlInvalidChars(title).replace(/\s+/g, ' ').trim();
  if (clean === '') throw invalid('The new title is empty.');
  if (clean.length > MAX_TITLE_LENGTH)
    throw invalid(`Page titles can have at most ${MAX_TITLE_LENGTH} characters.`);
  return {
    storage,
    changed: false,
    summary: `Title set to ${quote(clean)}; body unchanged.`,
    title: clean,
    splices: [],
  };
}
