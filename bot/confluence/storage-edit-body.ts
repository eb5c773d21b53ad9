import type { LocatedEditResult } from './storage-edit.js';
import { convertNew } from './storage-edit-shared.js';

/* The `body` edit: the whole page body replaced by converted Markdown. */

/** Replaces the whole body with `markdown` converted (never empty). */
export function replaceBody(storage: string, markdown: string): LocatedEditResult {
  const content = convertNew(markdown, 'new page body');
  return {
    storage: content,
    changed: content !== storage,
    splices: [{ start: 0, end: storage.length, insertLength: content.length }],
    summary: 'Replaced the whole page body.',
  };
}
