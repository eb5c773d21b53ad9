import { PEOPLE } from './corpus/people.js';
import { CqlError, type CqlExpression, type CqlQuery, parseCql } from './cql.js';
import { decodeCursor, encodeCursor, pageTinyUi, pageWebUi, type RouteResult, v1Error } from './responses.js';
import type { RouteContext } from './route-context.js';
import type { SimulatorStore } from './store.js';
import {
  buildExcerpt,
  countHits,
  findHitRanges,
  highlightTitle,
  matchesTextQuery,
  parseTextQuery,
  type TextQuery,
} from './text-search.js';
import type { SimPage, SimulatorAccount } from './types.js';

/** Largest `limit` the simulated search honours; larger values are clamped. */
export const SEARCH_MAX_LIMIT = 100;

const EXCERPT_MODES = new Set(['highlight', 'indexed', 'none', 'highlight_unescaped', 'indexed_unescaped']);

interface Hit {
  page: SimPage;
  score: number;
}

function matchesClause(
  store: SimulatorStore,
  page: SimPage,
  clause: Extract<CqlExpression, { kind: 'clause' }>,
): boolean {
  const lowered = clause.values.map((v) => v.toLowerCase());
  switch (clause.field) {
    case 'type': {
      const hit = lowered.includes('page');
      return clause.operator === '=' || clause.operator === 'in' ? hit : !hit;
    }
    case 'space': {
      const hit = lowered.includes(page.spaceKey.toLowerCase());
      return clause.operator === '=' || clause.operator === 'in' ? hit : !hit;
    }
    default: {
      const text = store.indexedText(page.id);
      const tokens = clause.field === 'title' ? text.titleTokens : [...text.titleTokens, ...text.bodyTokens];
      const hit = matchesTextQuery(tokens, parseTextQuery(clause.values[0] ?? ''));
      return clause.operator === '~' ? hit : !hit;
    }
  }
}

function evaluate(store: SimulatorStore, page: SimPage, expression: CqlExpression): boolean {
  switch (expression.kind) {
    case 'and':
      return evaluate(store, page, expression.left) && evaluate(store, page, expression.right);
    case 'or':
      return evaluate(store, page, expression.left) || evaluate(store, page, expression.right);
    case 'not':
      return !evaluate(store, page, expression.operand);
    default:
      return matchesClause(store, page, expression);
  }
}

function collectTextQueries(expression: CqlExpression, negated = false): TextQuery[] {
  switch (expression.kind) {
    case 'and':
    case 'or':
      return [
        ...collectTextQueries(expression.left, negated),
        ...collectTextQueries(expression.right, negated),
      ];
    case 'not':
      return collectTextQueries(expression.operand, !negated);
    default:
      return expression.operator === '~' && !negated ? [parseTextQuery(expression.values[0] ?? '')] : [];
  }
}

function mergeQueries(queries: readonly TextQuery[]): TextQuery {
  return { terms: queries.flatMap((q) => q.terms), phrases: queries.flatMap((q) => q.phrases) };
}

function compareHits(query: CqlQuery): (a: Hit, b: Hit) => number {
  const order = query.orderBy;
  return (a, b) => {
    let result = 0;
    if (!order) result = b.score - a.score;
    else if (order.field === 'title') result = a.page.title.localeCompare(b.page.title);
    else if (order.field === 'created') result = a.page.createdAt.localeCompare(b.page.createdAt);
    else result = a.page.versionCreatedAt.localeCompare(b.page.versionCreatedAt);
    if (order?.direction === 'desc') result = -result;
    return result !== 0 ? result : Number(a.page.id) - Number(b.page.id);
  };
}

/**
 * Runs CQL for `account`: only current pages in spaces it can see and pages not hidden from it
 * (others are silently left out). Throws {@link CqlError} when the CQL does not parse.
 */
export function runCql(
  store: SimulatorStore,
  account: SimulatorAccount,
  cql: string,
): { hits: SimPage[]; highlight: TextQuery } {
  const query = parseCql(cql);
  const highlight = mergeQueries(collectTextQueries(query.where));
  const hits: Hit[] = [];
  for (const page of store.allPages()) {
    if (page.status !== 'current' || !store.canSeePage(account, page.id)) continue;
    if (!evaluate(store, page, query.where)) continue;
    const text = store.indexedText(page.id);
    hits.push({
      page,
      score: 3 * countHits(text.titleTokens, highlight) + countHits(text.bodyTokens, highlight),
    });
  }
  hits.sort(compareHits(query));
  return { hits: hits.map((h) => h.page), highlight };
}

function parseNonNegative(value: string | null, fallback: number): number | undefined {
  if (value === null || value === '') return fallback;
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

function readExpand(query: URLSearchParams): Set<string> {
  return new Set(
    query
      .getAll('expand')
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  );
}

/** A v1 `User` for an account id of the corpus (unknown ids get a generic name). */
export function v1User(accountId: string): Record<string, unknown> {
  const person = Object.values(PEOPLE).find((p) => p.accountId === accountId);
  return {
    type: 'known',
    accountId,
    accountType: 'atlassian',
    email: '',
    publicName: person?.displayName ?? 'Confluence user',
    displayName: person?.displayName ?? 'Confluence user',
    isExternalCollaborator: false,
    _expandable: { operations: '', personalSpace: '' },
    _links: { self: `/wiki/rest/api/user?accountId=${accountId}` },
  };
}

/** The v1 `Content` object of a page, with `space`, `version`, `history` when expanded. */
export function toV1Content(
  ctx: RouteContext,
  page: SimPage,
  expand: ReadonlySet<string>,
  prefix: string,
): Record<string, unknown> {
  const space = ctx.store.spaceById(page.spaceId);
  const content: Record<string, unknown> = {
    id: page.id,
    type: 'page',
    status: page.status,
    title: page.title,
    _expandable: {
      container: `/rest/api/space/${space?.key ?? ''}`,
      metadata: '',
      operations: '',
      children: `/rest/api/content/${page.id}/child`,
      history: `/rest/api/content/${page.id}/history`,
      ancestors: '',
      body: '',
      descendants: `/rest/api/content/${page.id}/descendant`,
    },
    _links: {
      webui: pageWebUi(page.spaceKey, page.id, page.title),
      tinyui: pageTinyUi(page.id),
      self: `${ctx.baseUrl}/rest/api/content/${page.id}`,
    },
  };
  const expandable = content._expandable as Record<string, string>;
  if (expand.has(`${prefix}space`) && space) {
    content.space = {
      id: Number(space.id),
      key: space.key,
      name: space.name,
      type: space.type,
      status: 'current',
      _expandable: { settings: '', metadata: '', operations: '', lookAndFeel: '', permissions: '', icon: '' },
      _links: { webui: `/spaces/${space.key}`, self: `${ctx.baseUrl}/rest/api/space/${space.key}` },
    };
  } else {
    expandable.space = `/rest/api/space/${space?.key ?? ''}`;
  }
  if (expand.has(`${prefix}version`)) {
    content.version = {
      by: v1User(page.versionAuthorId),
      when: page.versionCreatedAt,
      message: page.versionMessage,
      number: page.version,
      minorEdit: false,
      _expandable: { content: `/rest/api/content/${page.id}`, collaborators: '' },
      _links: { self: `${ctx.baseUrl}/rest/api/content/${page.id}/version/${page.version}` },
    };
  } else {
    expandable.version = '';
  }
  if (expand.has(`${prefix}history`)) {
    content.history = { latest: true, createdBy: v1User(page.authorId), createdDate: page.createdAt };
  }
  return content;
}

function friendlyDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
}

interface Paging {
  offset: number;
  limit: number;
}

function readPaging(ctx: RouteContext, cql: string): Paging | RouteResult {
  const requested = parseNonNegative(ctx.query.get('limit'), 25);
  const start = parseNonNegative(ctx.query.get('start'), 0);
  if (requested === undefined || start === undefined) {
    return v1Error(400, "The 'limit' and 'start' parameters must be non-negative integers.");
  }
  const cursor = ctx.query.get('cursor');
  const offset = cursor ? decodeCursor(cursor, cql) : start;
  if (offset === undefined) return v1Error(400, 'The cursor is invalid or does not belong to this query.');
  return { offset, limit: Math.min(requested, SEARCH_MAX_LIMIT) };
}

function pageLink(ctx: RouteContext, route: string, cql: string, limit: number, offset: number): string {
  const params = new URLSearchParams({ cql, limit: String(limit), cursor: encodeCursor(offset, cql) });
  for (const name of ['excerpt', 'expand']) {
    const value = ctx.query.get(name);
    if (value !== null) params.set(name, value);
  }
  return `${route}?${params.toString()}`;
}

/** `GET /wiki/rest/api/search` and `GET /wiki/rest/api/content/search`. */
export function handleSearch(ctx: RouteContext, contentOnly: boolean): RouteResult {
  const started = Date.now();
  const cql = ctx.query.get('cql');
  if (!cql) return v1Error(400, 'CQL query parameter is required.');
  const excerptMode = ctx.query.get('excerpt') ?? 'highlight';
  if (!EXCERPT_MODES.has(excerptMode)) return v1Error(400, `Invalid excerpt strategy: ${excerptMode}`);
  const paging = readPaging(ctx, cql);
  if ('status' in paging) return paging;
  let found: ReturnType<typeof runCql>;
  try {
    found = runCql(ctx.store, ctx.account, cql);
  } catch (error) {
    if (error instanceof CqlError) return v1Error(400, error.message);
    throw error;
  }
  const { offset, limit } = paging;
  const slice = found.hits.slice(offset, offset + limit);
  const route = contentOnly ? '/rest/api/content/search' : '/rest/api/search';
  const links: Record<string, string> = {
    base: ctx.baseUrl,
    context: '/wiki',
    self: `${ctx.baseUrl}${route}?${ctx.query.toString()}`,
  };
  if (offset + limit < found.hits.length && limit > 0)
    links.next = pageLink(ctx, route, cql, limit, offset + limit);
  if (offset > 0 && limit > 0) links.prev = pageLink(ctx, route, cql, limit, Math.max(0, offset - limit));
  const expand = readExpand(ctx.query);
  if (contentOnly) {
    return {
      status: 200,
      spec: 'v1',
      body: {
        results: slice.map((page) => toV1Content(ctx, page, expand, '')),
        start: offset,
        limit,
        size: slice.length,
        _links: links,
      },
    };
  }
  const highlight = excerptMode.startsWith('highlight');
  const escapeHtml = !excerptMode.endsWith('_unescaped');
  const results = slice.map((page) => {
    const text = ctx.store.indexedText(page.id);
    const parent = page.parentId ? ctx.store.getPage(page.parentId) : undefined;
    const space = ctx.store.spaceById(page.spaceId);
    const webui = pageWebUi(page.spaceKey, page.id, page.title);
    const result: Record<string, unknown> = {
      content: toV1Content(ctx, page, expand, 'content.'),
      title: highlight ? highlightTitle(page.title, found.highlight) : page.title,
      excerpt:
        excerptMode === 'none'
          ? ''
          : buildExcerpt(text.plain, findHitRanges(text.bodyTokens, found.highlight), {
              highlight,
              escape: escapeHtml,
            }),
      url: webui,
      resultGlobalContainer: { title: space?.name ?? '', displayUrl: `/spaces/${page.spaceKey}` },
      breadcrumbs: [],
      entityType: 'content',
      iconCssClass: 'aui-icon content-type-page',
      lastModified: page.versionCreatedAt,
      friendlyLastModified: friendlyDate(page.versionCreatedAt),
      score: countHits(text.titleTokens, found.highlight) * 3 + countHits(text.bodyTokens, found.highlight),
    };
    if (parent && ctx.store.canSeePage(ctx.account, parent.id)) {
      result.resultParentContainer = {
        title: parent.title,
        displayUrl: pageWebUi(parent.spaceKey, parent.id, parent.title),
      };
    }
    return result;
  });
  return {
    status: 200,
    spec: 'v1',
    body: {
      results,
      start: offset,
      limit,
      size: results.length,
      totalSize: found.hits.length,
      cqlQuery: cql,
      searchDuration: Date.now() - started,
      _links: links,
    },
  };
}
