import { z } from 'zod';
import { AppError } from '../errors.js';
import { appendContent } from './storage-edit-append.js';
import { replaceBody } from './storage-edit-body.js';
import { replaceText } from './storage-edit-replace.js';
import { replaceSection } from './storage-edit-section.js';
import { invalid } from './storage-edit-shared.js';
import { setTitle } from './storage-edit-title.js';
import { assertStorageSize, MAX_STORAGE_CHARS, type StorageTree } from './storage-tree.js';

/*
 * Storage edits: what an edit is (schema and result types) and applying one, each kind in a file of
 * its own (storage-edit-append, -replace, -section, -body, -title).
 */

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
