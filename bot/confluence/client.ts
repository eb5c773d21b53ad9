import { AppError, isAppError } from '../errors.js';
import { createSilentLogger } from '../logger.js';
import { assertSpaceKey, buildAnyWordsCql, buildSearchCql } from './cql.js';
import { createHttpTransport, type HttpTransport, type HttpTransportOptions } from './http.js';
import {
  cursorFromNextLink,
  toPage as pageFromDto,
  toSpace as spaceFromDto,
  toSearchHit,
} from './map-dto.js';
import { parsePageUrl } from './page-url.js';
import {
  ancestorListSchema,
  type PageDto,
  pageListSchema,
  pageSchema,
  type SpaceDto,
  searchResponseSchema,
  spaceListSchema,
  spaceSchema,
} from './schemas.js';
import { validateSiteUrl } from './site-url.js';
import type {
  ConfluenceClient,
  ConfluenceConnection,
  CreatePageInput,
  Page,
  PageAncestor,
  PageRef,
  SearchHit,
  SearchPagesInput,
  SearchResults,
  Space,
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
 * Creates the Confluence Cloud REST client for one connection (v1 CQL search; v2 pages and
 * spaces). Space key/id pairs are cached for the life of the client. The token is read only when
 * a request is sent and never appears in errors or logs.
 *
 * Pages come back with their storage as Confluence sent it (never converted here). Writes recover
 * from unclear outcomes as `write-recovery.ts` describes: `updatePage` sends `baseVersion + 1` and
 * never re-reads the version first; `createPage` is never replayed blindly. DTOs are mapped to the
 * client's types in `map-dto.ts`.
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
  const spaceIdByKey = new Map<string, string>();
  const spaceKeyById = new Map<string, string>();
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

  const rememberSpace = (dto: SpaceDto): void => {
    spaceIdByKey.set(dto.key, dto.id);
    spaceKeyById.set(dto.id, dto.key);
  };
  const toSpace = (dto: SpaceDto, base: string | null | undefined): Space => {
    rememberSpace(dto);
    return spaceFromDto(dto, baseOr(base));
  };

  const getSpaces = async (keys: readonly string[]): Promise<readonly Space[]> => {
    const unique = [...new Set(keys.map(assertSpaceKey))];
    const spaces: Space[] = [];
    for (let i = 0; i < unique.length; i += 250) {
      const chunk = unique.slice(i, i + 250);
      const list = await http.request(
        { method: 'GET', path: '/wiki/api/v2/spaces', query: { keys: chunk, limit: 250 } },
        spaceListSchema,
      );
      for (const dto of list.results) spaces.push(toSpace(dto, list._links?.base));
    }
    return spaces;
  };

  const resolveSpaceId = async (key: string): Promise<string> => {
    assertSpaceKey(key);
    const cached = spaceIdByKey.get(key);
    if (cached !== undefined) return cached;
    const spaces = await getSpaces([key]);
    const found =
      spaces.find((s) => s.key === key) ?? spaces.find((s) => s.key.toUpperCase() === key.toUpperCase());
    if (!found) {
      throw new AppError('CONFLUENCE_NOT_FOUND', {
        userMessage: `Space ${key} does not exist, or the connector account cannot see it.`,
        details: { spaceKey: key },
      });
    }
    return found.id;
  };

  const resolveSpaceKey = async (spaceId: string): Promise<string> => {
    const cached = spaceKeyById.get(spaceId);
    if (cached !== undefined) return cached;
    const dto = await http.request(
      { method: 'GET', path: `/wiki/api/v2/spaces/${encodeURIComponent(spaceId)}` },
      spaceSchema,
    );
    rememberSpace(dto);
    return dto.key;
  };

  const fetchPageDto = (id: string, withBody: boolean): Promise<PageDto> =>
    http.request(
      {
        method: 'GET',
        path: `/wiki/api/v2/pages/${assertPageId(id)}`,
        query: withBody ? { 'body-format': 'storage' } : undefined,
      },
      pageSchema,
    );

  const fetchAncestors = async (id: string): Promise<PageAncestor[]> => {
    const list = await http.request(
      { method: 'GET', path: `/wiki/api/v2/pages/${id}/ancestors`, query: { limit: MAX_ANCESTORS } },
      ancestorListSchema,
    );
    const ids = list.results.filter((a) => !a.type || a.type === 'page').map((a) => a.id);
    if (ids.length === 0) return [];
    const pages = await http.request(
      { method: 'GET', path: '/wiki/api/v2/pages', query: { id: ids, limit: 250 } },
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

  const toPage = async (dto: PageDto, fallbackStorage?: string): Promise<Page> => {
    const storage = dto.body?.storage?.value ?? fallbackStorage ?? '';
    const [spaceKey, ancestors] = await Promise.all([resolveSpaceKey(dto.spaceId), fetchAncestors(dto.id)]);
    return pageFromDto(dto, { spaceKey, ancestors, storage, base: baseOr(dto._links?.base) });
  };

  const findByTitle = async (spaceId: string, title: string): Promise<PageDto | undefined> => {
    const list = await http.request(
      {
        method: 'GET',
        path: '/wiki/api/v2/pages',
        query: { 'space-id': spaceId, title, 'body-format': 'storage', limit: 25 },
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

  const getPage = async (ref: PageRef): Promise<Page> => {
    switch (ref.kind) {
      case 'id':
        return toPage(await fetchPageDto(assertPageId(ref.id), true));
      case 'url': {
        await ensureWebHostKnown(ref.url);
        const parsed = parsePageUrl(ref.url, [...webHosts]);
        return toPage(await fetchPageDto(parsed.pageId, true));
      }
      case 'title': {
        const spaceId = await resolveSpaceId(ref.spaceKey);
        const dto = await findByTitle(spaceId, ref.title);
        if (!dto) {
          throw new AppError('CONFLUENCE_NOT_FOUND', {
            userMessage: `No page titled "${ref.title}" in space ${ref.spaceKey}, or the connector account cannot see it.`,
            details: { spaceKey: ref.spaceKey },
          });
        }
        return toPage(dto);
      }
    }
  };

  const toFreshPage = async (dto: PageDto, sentStorage: string): Promise<Page> => {
    try {
      return await toPage(await fetchPageDto(dto.id, true));
    } catch (error) {
      logger.warn(
        { pageId: dto.id, code: isAppError(error) ? error.code : 'INTERNAL' },
        're-read after write failed',
      );
      return pageFromDto(dto, {
        spaceKey: spaceKeyById.get(dto.spaceId) ?? '',
        ancestors: [],
        storage: dto.body?.storage?.value ?? sentStorage,
        base: baseOr(dto._links?.base),
      });
    }
  };

  const writes: WriteContext = { http, logger, maxRetries, fetchPageDto, findByTitle, toPage, toFreshPage };

  const createPage = (input: CreatePageInput): Promise<Page> => sendCreate(writes, input, resolveSpaceId);
  const updatePage = (input: UpdatePageInput): Promise<Page> => sendUpdate(writes, input);

  const searchPages = async (input: SearchPagesInput): Promise<SearchResults> => {
    const cql = input.anyOf
      ? buildAnyWordsCql(input.anyOf, input.spaceKeys)
      : buildSearchCql(input.words, input.spaceKeys);
    const allowed = new Set(input.spaceKeys.map((k) => k.toUpperCase()));
    const limit = Math.min(Math.max(1, Math.floor(input.limit ?? DEFAULT_SEARCH_LIMIT)), MAX_SEARCH_LIMIT);
    const response = await http.request(
      {
        method: 'GET',
        path: '/wiki/rest/api/search',
        query: { cql, limit, expand: 'content.space,content.version', cursor: input.cursor },
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

  const listSpaces = async (): Promise<readonly Space[]> => {
    const list = await http.request(
      { method: 'GET', path: '/wiki/api/v2/spaces', query: { limit: 250 } },
      spaceListSchema,
    );
    return list.results.map((dto) => toSpace(dto, list._links?.base));
  };

  const { getCurrentUser, getUserName } = createUserLookup(http);

  return { searchPages, getPage, createPage, updatePage, getSpaces, listSpaces, getCurrentUser, getUserName };
}
