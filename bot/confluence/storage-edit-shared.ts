import { AppError } from '../errors.js';
import { markdownToStorage } from './markdown-to-storage.js';
import { type LocatedElement, type StorageTree, walkElements } from './storage-tree.js';

/*
 * What the storage edits share: their user-facing error, splicing, quoting, converting new
 * content, and which elements are protected (never edited by text, never a heading to edit).
 */

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

/** `INPUT_INVALID` with `userMessage` (a sentence the user can act on). */
export function invalid(userMessage: string): AppError {
  return new AppError('INPUT_INVALID', { userMessage });
}

/** `source` with `[start, end)` replaced by `insert`. */
export function splice(source: string, start: number, end: number, insert: string): string {
  return source.slice(0, start) + insert + source.slice(end);
}

/** Text quoted for a message, cut to 80 characters. */
export function quote(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return `"${short}"`;
}

/** New content in storage format; throws `INPUT_INVALID` naming `what` when it converts to nothing. */
export function convertNew(markdown: string, what: string): string {
  const storage = markdownToStorage(markdown);
  if (storage.trim() === '') throw invalid(`The ${what} is empty. Type the content to add.`);
  return storage;
}

function isProtectedElement(element: LocatedElement): boolean {
  return PROTECTED_ELEMENTS.has(element.name) || element.name.startsWith('ri:');
}

/** Elements inside (or being) a protected element, computed in one pass from parents to children. */
export function protectedElements(tree: StorageTree): Set<LocatedElement> {
  const inside = new Set<LocatedElement>();
  for (const element of walkElements(tree.roots)) {
    if (isProtectedElement(element) || (element.parent && inside.has(element.parent))) inside.add(element);
  }
  return inside;
}

/** Non-breaking spaces as spaces (a typed space matches either). */
export function normaliseSpaces(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}
