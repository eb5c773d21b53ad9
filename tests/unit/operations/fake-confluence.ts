import { storageToMarkdown } from '../../../bot/confluence/storage-to-markdown.js';
import type {
  ConfluenceClient,
  CreatePageInput,
  Page,
  PageRef,
  SearchPagesInput,
  SearchResults,
  Space,
  UpdatePageInput,
} from '../../../bot/confluence/types.js';
import { AppError } from '../../../bot/errors.js';

/** One recorded call to the fake client. */
export type FakeCall =
  | { method: 'searchPages'; input: SearchPagesInput }
  | { method: 'getPage'; ref: PageRef }
  | { method: 'createPage'; input: CreatePageInput }
  | { method: 'updatePage'; input: UpdatePageInput }
  | { method: 'getSpaces'; keys: readonly string[] }
  | { method: 'listSpaces' }
  | { method: 'getCurrentUser' }
  | { method: 'getUserName'; accountId: string };

/** An in-memory ConfluenceClient that records calls; search matches any word of the query. */
export interface FakeConfluence extends ConfluenceClient {
  readonly calls: FakeCall[];
  readonly pages: Map<string, Page>;
  spaces: Space[];
  /** Page ids whose getPage fails (to test partial failures). */
  readonly failing: Set<string>;
}

/**
 * Builds a page as the real client returns it (storage only), plus the whole page's Markdown for
 * tests that compare previews with a whole-page conversion (the client itself never converts).
 */
export function makePage(fields: {
  id: string;
  title: string;
  spaceKey: string;
  storage: string;
  version?: number;
}): Page & { readonly markdown: string } {
  return {
    id: fields.id,
    title: fields.title,
    spaceId: `sp-${fields.spaceKey}`,
    spaceKey: fields.spaceKey,
    status: 'current',
    version: {
      number: fields.version ?? 1,
      authorId: 'acc-1',
      createdAt: '2025-01-01T00:00:00.000Z',
      message: '',
    },
    ancestors: [],
    storage: fields.storage,
    markdown: storageToMarkdown(fields.storage),
    webUrl: `https://acme.atlassian.net/wiki/spaces/${fields.spaceKey}/pages/${fields.id}`,
  };
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Creates the fake with the given pages. */
export function createFakeConfluence(pages: Page[] = []): FakeConfluence {
  const byId = new Map(pages.map((page) => [page.id, page]));
  const calls: FakeCall[] = [];
  const fake: FakeConfluence = {
    calls,
    pages: byId,
    spaces: [],
    failing: new Set(),
    async searchPages(input): Promise<SearchResults> {
      calls.push({ method: 'searchPages', input });
      const wanted = wordsOf(input.words);
      const hits = [...byId.values()]
        .filter((page) => input.spaceKeys.includes(page.spaceKey))
        .filter((page) => {
          const words = new Set(
            wordsOf(`${page.title} ${storageToMarkdown(page.storage)}`).flatMap((w) => [
              w,
              w.replace(/s$/, ''),
            ]),
          );
          return wanted.every((w) => words.has(w));
        })
        .map((page) => ({
          pageId: page.id,
          title: page.title,
          spaceKey: page.spaceKey,
          excerpt: [],
          lastModified: page.version.createdAt,
          webUrl: page.webUrl,
        }));
      return { hits: hits.slice(0, input.limit ?? 25), totalSize: hits.length };
    },
    async getPage(ref) {
      calls.push({ method: 'getPage', ref });
      const page = ref.kind === 'id' ? byId.get(ref.id) : undefined;
      if (!page || fake.failing.has(page.id)) throw new AppError('CONFLUENCE_NOT_FOUND');
      return page;
    },
    async createPage(input) {
      calls.push({ method: 'createPage', input });
      const page = makePage({
        id: String(1000 + byId.size),
        title: input.title,
        spaceKey: input.spaceKey,
        storage: input.storage,
      });
      byId.set(page.id, page);
      return page;
    },
    async updatePage(input) {
      calls.push({ method: 'updatePage', input });
      const current = byId.get(input.pageId);
      if (!current) throw new AppError('CONFLUENCE_NOT_FOUND');
      if (current.version.number !== input.baseVersion) throw new AppError('CONFLUENCE_CONFLICT');
      const page = makePage({
        ...current,
        title: input.title,
        storage: input.storage,
        version: input.baseVersion + 1,
      });
      byId.set(page.id, page);
      return page;
    },
    async getSpaces(keys) {
      calls.push({ method: 'getSpaces', keys });
      return fake.spaces.filter((space) => keys.includes(space.key));
    },
    async listSpaces() {
      calls.push({ method: 'listSpaces' });
      return fake.spaces;
    },
    async getCurrentUser() {
      calls.push({ method: 'getCurrentUser' });
      return { accountId: 'acc-1', displayName: 'Bot' };
    },
    async getUserName(accountId) {
      calls.push({ method: 'getUserName', accountId });
      return undefined;
    },
  };
  return fake;
}
