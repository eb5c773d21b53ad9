import { stripXmlInvalidChars } from './markdown-to-storage.js';
import type { LocatedEditResult } from './storage-edit.js';
import { invalid, quote } from './storage-edit-shared.js';

/* The `title` edit: the new title checked and cleaned; the body is left alone. */

const MAX_TITLE_LENGTH = 255;

/** The cleaned title (whitespace collapsed; 1–255 characters) with the body unchanged. */
export function setTitle(storage: string, title: string): LocatedEditResult {
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
