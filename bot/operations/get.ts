import { view } from '../assistant/present.js';
import { markdownStartOffThread } from '../confluence/convert-off-thread.js';
import type { MarkdownStart } from '../confluence/storage-to-markdown.js';
import type { Page, PageRef } from '../confluence/types.js';
import type { OperationRequest } from '../intent/types.js';
import { buildPageData, PAGE_CARD_CONVERT_CHARS } from '../views/build-view-data.js';
import { pageTarget, type ReadOperation } from './operation.js';
import { describeRef, namedByRef, refTarget } from './page-ref.js';
import { loadPageInScope } from './page-scope.js';
import { OPERATION_SPECS } from './registry.js';

/** A get as asked. */
export type GetRequest = Extract<OperationRequest, { operation: 'get' }>;

/** Which page to load. */
export interface GetPlan {
  readonly ref: PageRef;
}

/**
 * A page as loaded, with the start of it the card shows already converted (off the event loop for
 * big pages) and its last author's display name when Confluence gave one.
 */
export interface LoadedPage {
  readonly page: Page;
  readonly start: MarkdownStart;
  readonly authorName?: string;
}

/** get: a page by id, URL or title, through the scoped loader (out of scope = not found). */
export const getOperation: ReadOperation<GetRequest, GetPlan, LoadedPage> = {
  kind: 'read',
  spec: OPERATION_SPECS.get,
  describe: (request) => `Open ${describeRef(request.ref)}`,
  target: (request) => refTarget(request.ref),
  named: (request) => namedByRef(request.ref),
  plan: (request) => ({ ref: request.ref }),
  async execute(env, plan) {
    // Breadcrumbs and the author's name come with the page (two sequential rounds at most).
    const page = await loadPageInScope(env.client, plan.ref, env.allows, { authorName: true });
    const [start, authorName] = await Promise.all([
      markdownStartOffThread(
        page.storage,
        PAGE_CARD_CONVERT_CHARS,
        page.webBase ? { baseUrl: page.webBase } : {},
      ),
      page.authorName ?? (page.version.authorId ? env.client.getUserName(page.version.authorId) : undefined),
    ]);
    return { page, start, ...(authorName ? { authorName } : {}) };
  },
  audited: (_plan, { page }) => ({ target: pageTarget(page) }),
  present: (_plan, { page, start, authorName }) =>
    view('page', buildPageData({ ...page, start }, authorName ? { authorName } : {}), page.title),
};
