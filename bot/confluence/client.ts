import { AppError, isAppError } from '../errors.js';
import { createSilentLogger } from '../logger.js';
import { toMarkdownOffThread } from './convert-off-thread.js';
import { assertSpaceKey, buildSearchCql } from './cql.js';
import { parseExcerpt, stripHighlightMarkers } from './excerpt.js';
import {
  createHttpTransport,
  type HttpRequest,
  type HttpTransport,
  type HttpTransportOptions,
} from './http.js';
import { parsePageUrl } from './page-url.js';
import {
  ancestorListSchema,
  currentUserSchema,
  type PageDto,
  pageListSchema,
  pageSchema,
  type SearchResultDto,
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
  CurrentUser,
  Page,
  PageAncestor,
  PageRef,
  SearchHit,
  SearchPagesInput,
  SearchResults,
  Space,
  UpdatePageInput,
} from './types.js';

/** Options of {@link createConfluenceClient}: the transport's, every field optional and injectable for tests. */
export type ConfluenceClientOptions = HttpTransportOptions;

const PAGE_ID = /^\d{1,20}$/;
const MAX_SEARCH_LIMIT = 50;
const DEFAULT_SEARCH_LIMIT = 10;
const MAX_ANCESTORS = 25;
const MAX_TITLE_LENGTH = 255;

function assertPageId(id: string, what = 'page id'): string {
  if (!PAGE_ID.test(id)) {
    throw new AppError('INPUT_INVALID', { userMessage: `That ${what} is not valid (it must be a number).` });
  }
  return id;
}

function assertTitle(title: string): string {
  if (title.trim().length === 0 || title.length > MAX_TITLE_LENGTH) {
    throw new AppError('INPUT_INVALID', {
      userMessage: `A page title must be 1 to ${MAX_TITLE_LENGTH} characters.`,
    });
  }
  return title;
}

function cursorFromNextLink(next: string | null | undefined): string | undefined {
  if (!next) return undefined;
  try {
    return new URL(next, 'http://cursor.invalid').searchParams.get('cursor') ?? undefined;
  } catch {
    return undefined;
  }
}

function joinUrl(base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function spaceKeyFromDisplayUrl(displayUrl: string | null | undefined): string | undefined {
  const match = /\/spaces\/([^/?#]+)/.exec(displayUrl ?? '');
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/**
 * Creates the Confluence Cloud REST client for one connection (v1 CQL search; v2 pages and
 * spaces). Space key/id pairs are cached for the life of the client. The token is read only when
 * a request is sent and never appears in errors or logs.
 *
 * Write safety:
 * - `updatePage` sends `baseVersion + 1` and never re-reads the version first; a 409 becomes
 *   CONFLUENCE_CONFLICT with `details.currentVersion`. After a timeout/5xx it reads the page: still
 *   at `baseVersion` -> the PUT is retried (the version lock makes that safe); at `baseVersion + 1`
 *   with exactly the title and storage sent -> success; otherwise CONFLUENCE_UNKNOWN_OUTCOME.
 * - `createPage` is never replayed blindly: after a timeout/5xx it looks the title up in the space.
 *   Found with the same storage -> that page is returned; found otherwise -> UNKNOWN_OUTCOME;
 *   absent after a 5xx (the server finished) -> retried; absent after a timeout (may still be in
 *   flight) -> UNKNOWN_OUTCOME. A retry answered "duplicate title" gets the same lookup.
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
    const webui = dto._links?.webui;
    return {
      id: dto.id,
      key: dto.key,
      name: dto.name,
      ...(dto.homepageId ? { homepageId: dto.homepageId } : {}),
      ...(webui ? { webUrl: joinUrl(baseOr(base), webui) } : {}),
    };
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

  /**
   * Assembles a Page from a v2 page answer plus the facts fetched separately. The Markdown of a big
   * page is rendered on the page worker, keeping the event loop free.
   */
  const assemblePage = async (
    dto: PageDto,
    extra: { spaceKey: string; ancestors: PageAncestor[]; storage: string },
  ): Promise<Page> => {
    const base = baseOr(dto._links?.base);
    const webUrl = dto._links?.webui
      ? joinUrl(base, dto._links.webui)
      : `${base}/pages/viewpage.action?pageId=${dto.id}`;
    return {
      id: dto.id,
      title: dto.title,
      spaceId: dto.spaceId,
      spaceKey: extra.spaceKey,
      status: dto.status,
      ...(dto.parentId ? { parentId: dto.parentId } : {}),
      version: {
        number: dto.version.number,
        authorId: dto.version.authorId ?? '',
        createdAt: dto.version.createdAt ?? '',
        message: dto.version.message ?? '',
      },
      ancestors: extra.ancestors,
      storage: extra.storage,
      markdown: await toMarkdownOffThread(extra.storage, { baseUrl: base, pageUrl: webUrl }),
      webUrl,
    };
  };

  const toPage = async (dto: PageDto, fallbackStorage?: string): Promise<Page> => {
    const storage = dto.body?.storage?.value ?? fallbackStorage ?? '';
    const [spaceKey, ancestors] = await Promise.all([resolveSpaceKey(dto.spaceId), fetchAncestors(dto.id)]);
    return assemblePage(dto, { spaceKey, ancestors, storage });
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
      learnBase(dto._links?.base);
      return assemblePage(dto, {
        spaceKey: spaceKeyById.get(dto.spaceId) ?? '',
        ancestors: [],
        storage: dto.body?.storage?.value ?? sentStorage,
      });
    }
  };

  const mayHaveApplied = (error: unknown): error is AppError =>
    isAppError(error, 'CONFLUENCE_TIMEOUT', 'CONFLUENCE_UNAVAILABLE') &&
    error.details.mayHaveApplied === true;

  const unknownOutcome = (request: HttpRequest, cause: unknown): AppError =>
    new AppError('CONFLUENCE_UNKNOWN_OUTCOME', {
      message: `Confluence ${request.method} ${request.path}: outcome unknown`,
      details: { method: request.method, path: request.path },
      cause,
    });

  const createPage = async (input: CreatePageInput): Promise<Page> => {
    const title = assertTitle(input.title);
    const parentId =
      input.parentId === undefined ? undefined : assertPageId(input.parentId, 'parent page id');
    const spaceId = await resolveSpaceId(input.spaceKey);
    const request: HttpRequest = {
      method: 'POST',
      path: '/wiki/api/v2/pages',
      body: {
        spaceId,
        status: 'current',
        title,
        ...(parentId ? { parentId } : {}),
        body: { representation: 'storage', value: input.storage },
      },
    };
    for (let attempt = 0; ; attempt++) {
      let failure: AppError;
      try {
        return await toFreshPage(await http.request(request, pageSchema), input.storage);
      } catch (error) {
        const isRetryDuplicate = attempt > 0 && isAppError(error, 'CONFLUENCE_DUPLICATE_TITLE');
        if (!mayHaveApplied(error) && !isRetryDuplicate) throw error;
        failure = error as AppError;
      }
      logger.warn({ code: failure.code, attempt, spaceId }, 'create outcome unclear; looking the title up');
      let existing: PageDto | undefined;
      try {
        existing = await findByTitle(spaceId, title);
      } catch {
        throw unknownOutcome(request, failure);
      }
      if (existing) {
        if (existing.body?.storage?.value === input.storage) return toPage(existing);
        throw unknownOutcome(request, failure);
      }
      const serverFinished =
        failure.code === 'CONFLUENCE_UNAVAILABLE' && failure.details.status !== undefined;
      if (!serverFinished || attempt >= maxRetries) throw unknownOutcome(request, failure);
    }
  };

  const updatePage = async (input: UpdatePageInput): Promise<Page> => {
    const pageId = assertPageId(input.pageId);
    const title = assertTitle(input.title);
    if (!Number.isInteger(input.baseVersion) || input.baseVersion < 1) {
      throw new AppError('INPUT_INVALID', { userMessage: 'The page version to update from is not valid.' });
    }
    const request: HttpRequest = {
      method: 'PUT',
      path: `/wiki/api/v2/pages/${pageId}`,
      body: {
        id: pageId,
        status: 'current',
        title,
        body: { representation: 'storage', value: input.storage },
        version: {
          number: input.baseVersion + 1,
          ...(input.message !== undefined ? { message: input.message } : {}),
        },
      },
    };
    for (let attempt = 0; ; attempt++) {
      let failure: AppError;
      try {
        return await toFreshPage(await http.request(request, pageSchema), input.storage);
      } catch (error) {
        if (isAppError(error, 'CONFLUENCE_CONFLICT')) {
          if (attempt > 0) throw unknownOutcome(request, error);
          if (typeof error.details.currentVersion === 'number') throw error;
          let currentVersion: number | undefined;
          try {
            currentVersion = (await fetchPageDto(pageId, false)).version.number;
          } catch {
            currentVersion = undefined;
          }
          throw new AppError('CONFLUENCE_CONFLICT', {
            message: error.message,
            details: { ...error.details, ...(currentVersion !== undefined ? { currentVersion } : {}) },
          });
        }
        if (!mayHaveApplied(error)) throw error;
        failure = error;
      }
      logger.warn({ code: failure.code, attempt, pageId }, 'update outcome unclear; re-reading the page');
      let current: PageDto;
      try {
        current = await fetchPageDto(pageId, true);
      } catch {
        throw unknownOutcome(request, failure);
      }
      if (current.version.number === input.baseVersion + 1) {
        if (current.title === title && current.body?.storage?.value === input.storage) return toPage(current);
        throw unknownOutcome(request, failure);
      }
      if (current.version.number !== input.baseVersion || attempt >= maxRetries) {
        throw unknownOutcome(request, failure);
      }
    }
  };

  const searchPages = async (input: SearchPagesInput): Promise<SearchResults> => {
    const cql = buildSearchCql(input.words, input.spaceKeys);
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

  const getCurrentUser = async (): Promise<CurrentUser> => {
    const user = await http.request(
      { method: 'GET', path: '/wiki/rest/api/user/current' },
      currentUserSchema,
    );
    return {
      accountId: user.accountId,
      displayName: user.displayName || user.publicName || user.accountId,
      ...(user.email ? { email: user.email } : {}),
    };
  };

  const userNames = new Map<string, string | undefined>();
  const getUserName = async (accountId: string): Promise<string | undefined> => {
    if (!ACCOUNT_ID.test(accountId)) return undefined;
    if (userNames.has(accountId)) return userNames.get(accountId);
    let name: string | undefined;
    try {
      const user = await http.request(
        { method: 'GET', path: '/wiki/rest/api/user', query: { accountId } },
        currentUserSchema,
      );
      name = user.displayName || user.publicName || undefined;
    } catch (error) {
      if (!isAppError(error, 'CONFLUENCE_NOT_FOUND', 'CONFLUENCE_FORBIDDEN')) return undefined;
    }
    if (userNames.size >= MAX_CACHED_USERS) userNames.delete(userNames.keys().next().value as string);
    userNames.set(accountId, name);
    return name;
  };

  return { searchPages, getPage, createPage, updatePage, getSpaces, listSpaces, getCurrentUser, getUserName };
}

/** Atlassian account ids: `557058:uuid`, a 24-hex legacy id, or similar (never anything with a slash or space). */
const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;
/** People whose names a client remembers (oldest forgotten first). */
const MAX_CACHED_USERS = 1_000;

function toSearchHit(result: SearchResultDto, base: string): SearchHit | undefined {
  const content = result.content;
  if (content?.type !== 'page') return undefined;
  const spaceKey = content.space?.key ?? spaceKeyFromDisplayUrl(result.resultGlobalContainer?.displayUrl);
  if (!spaceKey) return undefined;
  const webui = content._links?.webui ?? result.url;
  return {
    pageId: content.id,
    title: content.title ?? stripHighlightMarkers(result.title),
    spaceKey,
    excerpt: parseExcerpt(result.excerpt ?? ''),
    lastModified: result.lastModified ?? '',
    webUrl: webui ? joinUrl(base, webui) : `${base}/pages/viewpage.action?pageId=${content.id}`,
    ...(content.version ? { version: content.version.number } : {}),
  };
}
