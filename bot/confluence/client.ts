import { AppError, isAppError } from '../errors.js';
import { createSilentLogger } from '../logger.js';
import { buildAnyWordsCql, buildSearchCql } from './cql.js';
import { createHttpTransport, type HttpTransport, type HttpTransportOptions } from './http.js';
import { cursorFromNextLink, toPage as pageFromDto, toSearchHit } from './map-dto.js';
import { parsePageUrl } from './page-url.js';
import {
  ancestorListSchema,
  type PageDto,
  pageListSchema,
  pageSchema,
  searchResponseSchema,
  spaceListSchema,
} from './schemas.js';
import { validateSiteUrl } from './site-url.js';
import { createSpaceDirectory } from './space-directory.js';
import type {
  ConfluenceClient,
  ConfluenceConnection,
  CreatePageInput,
  Page,
  PageAncestor,
  PageReadOptions,
  PageRef,
  SearchHit,
  SearchPagesInput,
  SearchResults,
  UpdatePageInput,
} from './types.js';
import { createUserLookup } from './users.js';
import { assertPageId, sendCreate, sendUpdate, type WriteContext } from './write-recovery.js';

/** Options of {@link createConfluenceClient}: the transport's, every field optional and injectable for tests. */
export type ConfluenceClientOptions = HttpTransportOptions;

const MAX_SEARCH_LIMIT = 50;
const DEFAULT_SEARCH_LIMIT = 10;
const MAX_ANCESTORS = 25;
/**
 * The only expansion a search asks for: each hit's space (its key is what the allowed-spaces check
 * reads). Nothing else a search shows or keeps needs one; `content.version` alone added ~40 % to the
 * answer's bytes, all parsed on every turn (issue 14).
 */
const SEARCH_EXPAND = 'content.space';

/**
 * Creates the Confluence Cloud REST client for one connection (v1 CQL search; v2 pages and
 * spaces). Space key/id pairs are cached for the life of the client. The token is read only when
 * a request is sent and never appears in errors or logs.
 *
 * Pages come back with their storage as Confluence sent it (never converted here). A read by id or
 * URL takes two sequential rounds at most (page + ancestor ids, then space key + ancestor titles +
 * author name, each only when asked for and not cached); see `PageReadOptions`. Writes return the
 * page from Confluence's own answer (the new version, no re-read) and recover from unclear outcomes
 * as `write-recovery.ts` describes: `updatePage` sends `baseVersion + 1` and never re-reads the
 * version first; `createPage` is never replayed blindly. DTOs are mapped to the client's types in
 * `map-dto.ts`.
 *
 * @throws AppError `CONFLUENCE_BAD_SITE_URL` when `connection.siteUrl` is unusable.
 */
export function createConfluenceClient(
  connection: ConfluenceConnection,
  options: ConfluenceClientOptions = {},
): ConfluenceClient {
  const siteUrl = validateSiteUrl(connection.siteUrl);
  const logger = options.logger ?? createSilentLogger();
  const maxRetries = Math.max(0, options.maxRetries ?? 3);
  const http: HttpTransport = createHttpTransport(connection, siteUrl, { ...options, logger });
  const webHosts = new Set<string>([new URL(siteUrl).host.toLowerCase()]);
  let webBase: string | undefined;

  const learnBase = (base: string | null | undefined): void => {
    if (!base) return;
    try {
      webHosts.add(new URL(base).host.toLowerCase());
      webBase = base.replace(/\/+$/, '');
    } catch {
      logger.debug('ignoring unparseable _links.base');
    }
  };
  const baseOr = (base: string | null | undefined): string => {
    learnBase(base);
    return base?.replace(/\/+$/, '') ?? webBase ?? `${siteUrl}/wiki`;
  };

  const { getSpaces, listSpaces, resolveSpaceId, resolveSpaceKey, knownSpaceKey } = createSpaceDirectory(
    http,
    baseOr,
  );

  const fetchPageDto = (id: string, withBody: boolean): Promise<PageDto> =>
    http.request(
      {
        method: 'GET',
        path: `/wiki/api/v2/pages/${assertPageId(id)}`,
        query: withBody ? { 'body-format': 'storage' } : undefined,
      },
      pageSchema,
    );

  /** The ids of a page's ancestors that are pages, root first (v2 answers ids only). */
  const fetchAncestorIds = async (id: string): Promise<string[]> => {
    const list = await http.request(
      { method: 'GET', path: `/wiki/api/v2/pages/${id}/ancestors`, query: { limit: MAX_ANCESTORS } },
      ancestorListSchema,
    );
    return list.results.filter((a) => !a.type || a.type === 'page').map((a) => a.id);
  };

  /** Titles for ancestor ids, in one bulk `GET /pages?id=…` (ancestors hidden from the account drop out). */
  const fetchAncestorTitles = async (ids: readonly string[]): Promise<PageAncestor[]> => {
    if (ids.length === 0) return [];
    const pages = await http.request(
      { method: 'GET', path: '/wiki/api/v2/pages', query: { id: [...ids], limit: 250 } },
      pageListSchema,
    );
    const titles = new Map(pages.results.map((p) => [p.id, p.title]));
    const ancestors: PageAncestor[] = [];
    for (const ancestorId of ids) {
      const title = titles.get(ancestorId);
      if (title !== undefined) ancestors.push({ id: ancestorId, title });
    }
    return ancestors;
  };

  const { getCurrentUser, getUserName } = createUserLookup(http);

  /**
   * The page for callers, from a page answer: its space key (cached per client), and — in the same
   * round — the titles of `ancestorIds` and the author's name when asked for.
   */
  const completePage = async (
    dto: PageDto,
    ancestorIds: readonly string[] | undefined,
    options: PageReadOptions,
    fallbackStorage?: string,
  ): Promise<Page> => {
    const authorId = dto.version.authorId;
    const [spaceKey, ancestors, authorName] = await Promise.all([
      resolveSpaceKey(dto.spaceId),
      ancestorIds ? fetchAncestorTitles(ancestorIds) : [],
      options.authorName && authorId ? getUserName(authorId) : undefined,
    ]);
    const storage = dto.body?.storage?.value ?? fallbackStorage ?? '';
    const page = pageFromDto(dto, { spaceKey, ancestors, storage, base: baseOr(dto._links?.base) });
    return authorName ? { ...page, authorName } : page;
  };

  /** A page by id: the page and its ancestor ids in one round, the rest in a second (see completePage). */
  const readPageById = async (id: string, options: PageReadOptions): Promise<Page> => {
    const pageId = assertPageId(id);
    const [dto, ancestorIds] = await Promise.all([
      fetchPageDto(pageId, options.body !== false),
      options.ancestors !== false ? fetchAncestorIds(pageId) : undefined,
    ]);
    return completePage(dto, ancestorIds, options);
  };

  const findByTitle = async (
    spaceId: string,
    title: string,
    withBody = true,
  ): Promise<PageDto | undefined> => {
    const list = await http.request(
      {
        method: 'GET',
        path: '/wiki/api/v2/pages',
        query: { 'space-id': spaceId, title, ...(withBody ? { 'body-format': 'storage' } : {}), limit: 25 },
      },
      pageListSchema,
    );
    const exact = list.results.filter((p) => p.title === title);
    if (exact.length > 0) return exact[0];
    const folded = list.results.filter((p) => p.title.toLowerCase() === title.toLowerCase());
    return folded.length === 1 ? folded[0] : undefined;
  };

  const ensureWebHostKnown = async (url: string): Promise<void> => {
    let host: string;
    try {
      host = new URL(url.trim()).host.toLowerCase();
    } catch {
      return;
    }
    if (webHosts.has(host) || webBase !== undefined) return;
    const list = await http.request(
      { method: 'GET', path: '/wiki/api/v2/spaces', query: { limit: 1 } },
      spaceListSchema,
    );
    learnBase(list._links?.base);
  };

  const getPage = async (ref: PageRef, options: PageReadOptions = {}): Promise<Page> => {
    switch (ref.kind) {
      case 'id':
        return readPageById(ref.id, options);
      case 'url': {
        await ensureWebHostKnown(ref.url);
        const parsed = parsePageUrl(ref.url, [...webHosts]);
        return readPageById(parsed.pageId, options);
      }
      case 'title': {
        const spaceId = await resolveSpaceId(ref.spaceKey);
        const dto = await findByTitle(spaceId, ref.title, options.body !== false);
        if (!dto) {
          throw new AppError('CONFLUENCE_NOT_FOUND', {
            userMessage: `No page titled "${ref.title}" in space ${ref.spaceKey}, or the connector account cannot see it.`,
            details: { spaceKey: ref.spaceKey },
          });
        }
        const ancestorIds = options.ancestors !== false ? await fetchAncestorIds(dto.id) : undefined;
        return completePage(dto, ancestorIds, options);
      }
    }
  };

  /**
   * The page a write answered with (POST/PUT return the new version, space id and links, no body):
   * no re-read. `storage` is what was sent; `ancestors` is empty (nobody shows breadcrumbs for a
   * write's result). The space key comes from the client's cache (looked up when it is not there);
   * a failed look-up never turns a write that happened into an error.
   */
  const toWrittenPage = async (dto: PageDto, sentStorage: string): Promise<Page> => {
    try {
      return await completePage(dto, undefined, {}, sentStorage);
    } catch (error) {
      logger.warn(
        { pageId: dto.id, code: isAppError(error) ? error.code : 'INTERNAL' },
        'space look-up after write failed',
      );
      return pageFromDto(dto, {
        spaceKey: knownSpaceKey(dto.spaceId) ?? '',
        ancestors: [],
        storage: dto.body?.storage?.value ?? sentStorage,
        base: baseOr(dto._links?.base),
      });
    }
  };

  const toPage = (dto: PageDto): Promise<Page> => completePage(dto, undefined, {});

  const writes: WriteContext = { http, logger, maxRetries, fetchPageDto, findByTitle, toPage, toWrittenPage };

  const createPage = (input: CreatePageInput): Promise<Page> => sendCreate(writes, input, resolveSpaceId);
  const updatePage = (input: UpdatePageInput): Promise<Page> => sendUpdate(writes, input);

  const searchPages = async (input: SearchPagesInput): Promise<SearchResults> => {
    const cql = input.anyOf
      ? buildAnyWordsCql(input.anyOf, input.spaceKeys)
      : buildSearchCql(input.words, input.spaceKeys, input.field);
    const allowed = new Set(input.spaceKeys.map((k) => k.toUpperCase()));
    const limit = Math.min(Math.max(1, Math.floor(input.limit ?? DEFAULT_SEARCH_LIMIT)), MAX_SEARCH_LIMIT);
    const response = await http.request(
      {
        method: 'GET',
        path: '/wiki/rest/api/search',
        query: { cql, limit, expand: SEARCH_EXPAND, cursor: input.cursor },
      },
      searchResponseSchema,
    );
    const base = baseOr(response._links?.base);
    const hits: SearchHit[] = [];
    for (const result of response.results) {
      const hit = toSearchHit(result, base);
      if (hit && allowed.has(hit.spaceKey.toUpperCase())) hits.push(hit);
    }
    const nextCursor = cursorFromNextLink(response._links?.next);
    return {
      hits,
      totalSize: response.totalSize ?? response.size ?? hits.length,
      ...(nextCursor ? { nextCursor } : {}),
    };
  };

  return { searchPages, getPage, createPage, updatePage, getSpaces, listSpaces, getCurrentUser, getUserName };
}
