import type { ConfluenceClient, Page, PageReadOptions, PageRef } from '../confluence/types.js';
import { AppError, isAppError } from '../errors.js';

/** Reads pages; the only shape the core needs to load a page. */
export type PageReader = Pick<ConfluenceClient, 'getPage'>;

/**
 * The one page loader: every page read anywhere (get, show here, previews, fresh previews, approvals
 * at execution, create parents, answers) goes through it. A page whose space `allows` refuses is
 * reported exactly like a missing page — same code, same user message — so refusals cannot be used
 * to learn which ids exist or where they live. The real space travels only in `details`, for the
 * audit entry (see `outOfScopeSpace`); nothing of the page is returned. `options` says what the
 * caller shows besides the page (breadcrumbs, body, author): what it leaves out costs no call.
 */
export async function loadPageInScope(
  reader: PageReader,
  ref: PageRef,
  allows: (spaceKey: string) => boolean,
  options?: PageReadOptions,
): Promise<Page> {
  const page = await (options ? reader.getPage(ref, options) : reader.getPage(ref));
  if (!allows(page.spaceKey)) {
    throw new AppError('CONFLUENCE_NOT_FOUND', {
      message: 'page outside the allowed spaces',
      details: { outOfScope: true, spaceKey: page.spaceKey, pageId: page.id },
    });
  }
  return page;
}

/** A reader whose every `getPage` goes through `loadPageInScope` with the same rule. */
export function scopedReader(reader: PageReader, allows: (spaceKey: string) => boolean): PageReader {
  return { getPage: (ref, options) => loadPageInScope(reader, ref, allows, options) };
}

/** The real space of a page refused as out of scope (for the audit entry only), else undefined. */
export function outOfScopeSpace(error: unknown): string | undefined {
  if (!isAppError(error, 'CONFLUENCE_NOT_FOUND') || error.details.outOfScope !== true) return undefined;
  const space = error.details.spaceKey;
  return typeof space === 'string' ? space : undefined;
}
