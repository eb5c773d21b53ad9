import type { AppError } from '../errors.js';
import { escapeXml } from './markdown-to-storage.js';
import type { LocatedEditResult } from './storage-edit.js';
import { invalid, normaliseSpaces, protectedElements, quote } from './storage-edit-shared.js';
import {
  decodeRawText,
  decodeRawTextOnly,
  type LocatedElement,
  type LocatedNode,
  type LocatedText,
  locatedTextContent,
  parseStorageTree,
  walkNodes,
} from './storage-tree.js';

/*
 * The `replace` edit: a plain-text find/replace in the page's visible text only (never in macro
 * parameters, code, CDATA, tag names or attributes), with a message saying why text was not found.
 */

/**
 * Most occurrences one `replace` may change. A find that matches more often is almost always a
 * mistake (`replace "a" with "b"`), and every match adds lines to the preview diff the approver must
 * read; counting stops at the first match past the limit, so a refused request costs one scan.
 */
export const MAX_REPLACEMENTS = 1000;

/** `ac:` containers whose direct text is page content. */
const CONTENT_CONTAINERS = new Set([
  'ac:rich-text-body',
  'ac:task-body',
  'ac:link-body',
  'ac:layout-cell',
  'ac:caption',
  'ac:inline-comment-marker',
]);

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

/** Replaces every visible occurrence of `find` (at most {@link MAX_REPLACEMENTS}). */
export function replaceText(storage: string, find: string, replaceWith: string): LocatedEditResult {
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
