import { z } from 'zod';
import {
  decodeCursor,
  encodeCursor,
  pageTinyUi,
  pageWebUi,
  type RouteResult,
  v2Error,
  v2InvalidId,
  v2NotFound,
} from './responses.js';
import type { RouteContext } from './route-context.js';
import { findStorageError } from './storage-xml.js';
import type { SimPage, SimPageVersion, SimSpace } from './types.js';

/** The title Confluence gives a duplicate-title error (create: 400, rename: 409). */
export const DUPLICATE_TITLE_MESSAGE =
  'A page with this title already exists: A page already exists with the same TITLE in this space';

const NUMERIC = /^\d{1,18}$/;
const MAX_TITLE_LENGTH = 255;

function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function readLimit(query: URLSearchParams): number | RouteResult {
  const raw = query.get('limit');
  if (raw === null) return 25;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= 1 && value <= 250)) {
    return v2Error(
      400,
      'INVALID_REQUEST_PARAMETER',
      `Provided value {${raw}} for 'limit' must be between 1 and 250`,
    );
  }
  return value;
}

function paginate<T>(
  ctx: RouteContext,
  items: readonly T[],
  scope: string,
): { slice: T[]; next?: string; headers?: Record<string, string> } | RouteResult {
  const limit = readLimit(ctx.query);
  if (typeof limit !== 'number') return limit;
  const cursor = ctx.query.get('cursor');
  const offset = cursor ? decodeCursor(cursor, scope) : 0;
  if (offset === undefined)
    return v2Error(400, 'INVALID_REQUEST_PARAMETER', 'The provided cursor is invalid');
  const slice = items.slice(offset, offset + limit);
  if (offset + limit >= items.length) return { slice };
  const params = new URLSearchParams(ctx.query);
  params.set('cursor', encodeCursor(offset + limit, scope));
  const next = `${ctx.path}?${params.toString()}`;
  return { slice, next, headers: { Link: `<${next}>; rel="next", <${ctx.baseUrl}>; rel="base"` } };
}

function toSpace(ctx: RouteContext, space: SimSpace): Record<string, unknown> {
  return {
    id: space.id,
    key: space.key,
    name: space.name,
    type: space.type,
    status: 'current',
    authorId: space.authorId,
    createdAt: space.createdAt,
    homepageId: space.homepageId,
    currentActiveAlias: space.key,
    _links: { webui: `/spaces/${encodeURIComponent(space.key)}` },
    ...(ctx.query.get('description-format') === 'plain'
      ? { description: { plain: { representation: 'plain', value: space.description } } }
      : {}),
  };
}

/** `GET /wiki/api/v2/spaces?keys=&ids=&limit=&cursor=`: only spaces the account can see. */
export function handleListSpaces(ctx: RouteContext): RouteResult {
  const keys = listParam(ctx.query, 'keys');
  const ids = listParam(ctx.query, 'ids');
  const badId = ids.find((id) => !NUMERIC.test(id));
  if (badId !== undefined) return v2InvalidId(badId, 'ids', 'Long');
  const spaces = ctx.store
    .allSpaces()
    .filter((s) => ctx.store.canSeeSpace(ctx.account, s))
    .filter((s) => keys.length === 0 || keys.includes(s.key))
    .filter((s) => ids.length === 0 || ids.includes(s.id));
  const page = paginate(ctx, spaces, `spaces:${keys.join(',')}:${ids.join(',')}`);
  if ('status' in page) return page;
  return {
    status: 200,
    spec: 'v2',
    ...(page.headers ? { headers: page.headers } : {}),
    body: {
      results: page.slice.map((s) => toSpace(ctx, s)),
      _links: { ...(page.next ? { next: page.next } : {}), base: ctx.baseUrl },
    },
  };
}

/** `GET /wiki/api/v2/spaces/{id}`. */
export function handleGetSpace(ctx: RouteContext, id: string): RouteResult {
  if (!NUMERIC.test(id)) return v2InvalidId(id, 'id', 'Long');
  const space = ctx.store.spaceById(id);
  if (!space || !ctx.store.canSeeSpace(ctx.account, space)) return v2NotFound();
  const body = toSpace(ctx, space);
  return {
    status: 200,
    spec: 'v2',
    body: { ...body, _links: { ...(body._links as object), base: ctx.baseUrl } },
  };
}

function siblingPosition(ctx: RouteContext, page: SimPage): number | null {
  if (!page.parentId) return null;
  return ctx.store
    .allPages()
    .filter((p) => p.parentId === page.parentId)
    .findIndex((p) => p.id === page.id);
}

type BodyFormat = 'storage' | undefined;

function readBodyFormat(ctx: RouteContext): BodyFormat | RouteResult {
  const format = ctx.query.get('body-format');
  if (format === null) return undefined;
  if (format === 'storage') return 'storage';
  return v2Error(
    400,
    'INVALID_REQUEST_PARAMETER',
    `The simulator serves body-format=storage only (got '${format}')`,
  );
}

function toPage(
  ctx: RouteContext,
  page: SimPage,
  options: { format: BodyFormat; includeVersion: boolean; single: boolean; version?: SimPageVersion },
): Record<string, unknown> {
  const version = options.version ?? page.history[page.history.length - 1];
  const title = version?.title ?? page.title;
  return {
    id: page.id,
    status: options.version && options.version.number !== page.version ? 'historical' : page.status,
    title,
    spaceId: page.spaceId,
    ...(page.parentId ? { parentId: page.parentId, parentType: 'page' } : {}),
    position: siblingPosition(ctx, page),
    authorId: page.authorId,
    ownerId: page.authorId,
    lastOwnerId: null,
    createdAt: page.createdAt,
    ...(options.includeVersion && version
      ? {
          version: {
            createdAt: version.createdAt,
            message: version.message,
            number: version.number,
            minorEdit: false,
            authorId: version.authorId,
          },
        }
      : {}),
    ...(options.format === 'storage'
      ? { body: { storage: { representation: 'storage', value: version?.storage ?? '' } } }
      : {}),
    _links: {
      webui: pageWebUi(page.spaceKey, page.id, title),
      editui: `/pages/resumedraft.action?draftId=${page.id}`,
      tinyui: pageTinyUi(page.id),
      ...(options.single ? { base: ctx.baseUrl } : {}),
    },
  };
}

const SORTS: Record<string, (a: SimPage, b: SimPage) => number> = {
  id: (a, b) => Number(a.id) - Number(b.id),
  title: (a, b) => a.title.localeCompare(b.title),
  'created-date': (a, b) => a.createdAt.localeCompare(b.createdAt),
  'modified-date': (a, b) => a.versionCreatedAt.localeCompare(b.versionCreatedAt),
};

/** `GET /wiki/api/v2/pages?space-id=&title=&status=&body-format=&sort=&limit=&cursor=`. */
export function handleListPages(ctx: RouteContext): RouteResult {
  const spaceIds = listParam(ctx.query, 'space-id');
  const ids = listParam(ctx.query, 'id');
  const bad = [...spaceIds, ...ids].find((v) => !NUMERIC.test(v));
  if (bad !== undefined) return v2InvalidId(bad, spaceIds.includes(bad) ? 'space-id' : 'id', 'Long');
  const statuses = listParam(ctx.query, 'status');
  const title = ctx.query.get('title');
  const format = readBodyFormat(ctx);
  if (typeof format === 'object') return format;
  const sortParam = ctx.query.get('sort') ?? 'id';
  const sorter = SORTS[sortParam.replace(/^-/, '')];
  if (!sorter) return v2Error(400, 'INVALID_REQUEST_PARAMETER', `Unsupported sort '${sortParam}'`);
  const wanted = statuses.length > 0 ? statuses : ['current'];
  const pages = ctx.store
    .allPages()
    .filter((p) => ctx.store.canSeePage(ctx.account, p.id))
    .filter((p) => wanted.includes(p.status) || wanted.includes('any'))
    .filter((p) => spaceIds.length === 0 || spaceIds.includes(p.spaceId))
    .filter((p) => ids.length === 0 || ids.includes(p.id))
    .filter((p) => title === null || p.title === title)
    .sort((a, b) => (sortParam.startsWith('-') ? -sorter(a, b) : sorter(a, b)));
  const scope = `pages:${spaceIds.join(',')}:${ids.join(',')}:${title ?? ''}:${sortParam}:${wanted.join(',')}`;
  const page = paginate(ctx, pages, scope);
  if ('status' in page) return page;
  return {
    status: 200,
    spec: 'v2',
    ...(page.headers ? { headers: page.headers } : {}),
    body: {
      results: page.slice.map((p) => toPage(ctx, p, { format, includeVersion: true, single: false })),
      _links: { ...(page.next ? { next: page.next } : {}), base: ctx.baseUrl },
    },
  };
}

function visiblePage(ctx: RouteContext, id: string): SimPage | RouteResult {
  if (!NUMERIC.test(id)) return v2InvalidId(id);
  const page = ctx.store.getPage(id);
  if (!page || !ctx.store.canSeePage(ctx.account, id)) return v2NotFound();
  return page;
}

/** `GET /wiki/api/v2/pages/{id}?body-format=storage&version=&include-version=`. */
export function handleGetPage(ctx: RouteContext, id: string): RouteResult {
  const found = visiblePage(ctx, id);
  if (!isPage(found)) return found;
  const format = readBodyFormat(ctx);
  if (typeof format === 'object') return format;
  const includeVersion = ctx.query.get('include-version') !== 'false';
  const versionParam = ctx.query.get('version');
  let version: SimPageVersion | undefined;
  if (versionParam !== null) {
    if (!/^\d+$/.test(versionParam)) return v2InvalidId(versionParam, 'version', 'Integer');
    version = found.history.find((v) => v.number === Number(versionParam));
    if (!version) return v2NotFound();
  }
  return {
    status: 200,
    spec: 'v2',
    body: toPage(ctx, found, { format, includeVersion, single: true, ...(version ? { version } : {}) }),
  };
}

/** `GET /wiki/api/v2/pages/{id}/ancestors`: visible ancestors, root first. */
export function handleGetAncestors(ctx: RouteContext, id: string): RouteResult {
  const page = visiblePage(ctx, id);
  if (!isPage(page)) return page;
  const limit = readLimit(ctx.query);
  if (typeof limit !== 'number') return limit;
  const ancestors = ctx.store
    .ancestors(page.id)
    .filter((a) => ctx.store.canSeePage(ctx.account, a.id))
    .slice(-limit);
  return {
    status: 200,
    spec: 'v2',
    body: { results: ancestors.map((a) => ({ id: a.id, type: 'page' })), _links: { base: ctx.baseUrl } },
  };
}

function isPage(value: SimPage | RouteResult): value is SimPage {
  return 'spaceKey' in value;
}

const bodyWrite = z.object({ representation: z.string(), value: z.string() });
const bodyField = z.union([bodyWrite, z.object({ storage: bodyWrite }).strict()]);

const createSchema = z.object({
  spaceId: z.union([z.string(), z.number().int().nonnegative()]).transform(String),
  status: z.enum(['current', 'draft']).default('current'),
  title: z.string().optional(),
  parentId: z.union([z.string(), z.number().int().nonnegative()]).transform(String).optional(),
  body: bodyField.optional(),
  subtype: z.literal('live').optional(),
});

const updateSchema = z.object({
  id: z.union([z.string(), z.number().int().nonnegative()]).transform(String),
  status: z.enum(['current', 'draft', 'trashed', 'deleted', 'archived', 'historical']),
  title: z.string(),
  spaceId: z.union([z.string(), z.number().int().nonnegative()]).transform(String).optional(),
  parentId: z.union([z.string(), z.number().int().nonnegative()]).transform(String).optional(),
  ownerId: z.string().optional(),
  body: bodyField,
  version: z.object({ number: z.number().int(), message: z.string().optional() }),
});

function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

function readStorage(body: z.infer<typeof bodyField> | undefined): string | RouteResult {
  if (!body) return '';
  const write = 'storage' in body ? body.storage : body;
  if (write.representation !== 'storage') {
    return v2Error(
      400,
      'INVALID_REQUEST_PARAMETER',
      `The simulator accepts representation 'storage' only (got '${write.representation}')`,
    );
  }
  const problem = findStorageError(write.value);
  return problem ? v2Error(400, 'INVALID_REQUEST_PARAMETER', problem) : write.value;
}

function checkTitle(title: string | undefined): string | RouteResult {
  const trimmed = (title ?? '').trim();
  if (trimmed === '') return v2Error(400, 'INVALID_REQUEST_PARAMETER', 'A page title is required.');
  if (trimmed.length > MAX_TITLE_LENGTH) {
    return v2Error(
      400,
      'INVALID_REQUEST_PARAMETER',
      `Title cannot be longer than ${MAX_TITLE_LENGTH} characters.`,
    );
  }
  return trimmed;
}

function checkParent(ctx: RouteContext, parentId: string, spaceId: string): SimPage | RouteResult {
  if (!NUMERIC.test(parentId)) return v2InvalidId(parentId, 'parentId');
  const parent = ctx.store.getPage(parentId);
  if (!parent || parent.spaceId !== spaceId || !ctx.store.canSeePage(ctx.account, parentId))
    return v2NotFound();
  return parent;
}

/** `POST /wiki/api/v2/pages[?root-level=true]`: 200 PageSingle (no body). */
export function handleCreatePage(ctx: RouteContext): RouteResult {
  const parsed = createSchema.safeParse(ctx.body);
  if (!parsed.success) return v2Error(400, 'INVALID_REQUEST_PARAMETER', describeZodError(parsed.error));
  const input = parsed.data;
  const rootLevel = ctx.query.get('root-level') === 'true';
  if (rootLevel && input.parentId !== undefined) {
    return v2Error(400, 'INVALID_REQUEST_PARAMETER', 'parentId must not be given when root-level is true');
  }
  if (!NUMERIC.test(input.spaceId)) return v2InvalidId(input.spaceId, 'spaceId', 'Long');
  const space = ctx.store.spaceById(input.spaceId);
  if (!space || !ctx.store.canSeeSpace(ctx.account, space)) return v2NotFound();
  const title = checkTitle(input.title);
  if (typeof title !== 'string') return title;
  const storage = readStorage(input.body);
  if (typeof storage !== 'string') return storage;
  let parentId: string | undefined = rootLevel ? undefined : space.homepageId;
  if (input.parentId !== undefined) {
    const parent = checkParent(ctx, input.parentId, space.id);
    if (!isPage(parent)) return parent;
    parentId = parent.id;
  }
  if (ctx.store.findByTitle(space.id, title)) return v2Error(400, 'BAD_REQUEST', DUPLICATE_TITLE_MESSAGE);
  const created = ctx.store.createPage({
    spaceId: space.id,
    title,
    storage,
    status: input.status,
    authorId: ctx.account.accountId,
    ...(parentId ? { parentId } : {}),
  });
  return {
    status: 200,
    spec: 'v2',
    body: toPage(ctx, created, { format: undefined, includeVersion: true, single: true }),
  };
}

function isDescendant(ctx: RouteContext, candidateId: string, ancestorId: string): boolean {
  return candidateId === ancestorId || ctx.store.ancestors(candidateId).some((a) => a.id === ancestorId);
}

/** `PUT /wiki/api/v2/pages/{id}`: version must be current+1 (else 409); 200 PageSingle. */
export function handleUpdatePage(ctx: RouteContext, id: string): RouteResult {
  const found = visiblePage(ctx, id);
  if (!isPage(found)) return found;
  const raw = ctx.body;
  if (typeof raw !== 'object' || raw === null || !('version' in raw)) {
    return v2Error(
      400,
      'INVALID_REQUEST_PARAMETER',
      'Must supply an incremented version when updating Content',
    );
  }
  const parsed = updateSchema.safeParse(raw);
  if (!parsed.success) return v2Error(400, 'INVALID_REQUEST_PARAMETER', describeZodError(parsed.error));
  const input = parsed.data;
  if (input.id !== id)
    return v2Error(400, 'INVALID_REQUEST_PARAMETER', 'The id in the body does not match the path');
  if (input.status !== 'current') {
    return v2Error(
      400,
      'INVALID_REQUEST_PARAMETER',
      `The simulator only updates current pages (got '${input.status}')`,
    );
  }
  if (input.spaceId !== undefined && input.spaceId !== found.spaceId) {
    return v2Error(400, 'INVALID_REQUEST_PARAMETER', 'Moving a page to a different space is not supported');
  }
  if (input.version.number !== found.version + 1) {
    return v2Error(
      409,
      'CONFLICT',
      `Version must be incremented when updating a page. Current Version: [${found.version}]. Provided version: [${input.version.number}]`,
    );
  }
  if (ctx.takeSpuriousConflict()) {
    return v2Error(
      409,
      'CONFLICT',
      'Could not update content due to a concurrent modification (OptimisticLockException). Please try again.',
    );
  }
  const title = checkTitle(input.title);
  if (typeof title !== 'string') return title;
  const storage = readStorage(input.body);
  if (typeof storage !== 'string') return storage;
  const clash = ctx.store.findByTitle(found.spaceId, title);
  if (clash && clash.id !== found.id) return v2Error(409, 'CONFLICT', DUPLICATE_TITLE_MESSAGE);
  let parentId: string | undefined;
  if (input.parentId !== undefined && input.parentId !== found.parentId) {
    const parent = checkParent(ctx, input.parentId, found.spaceId);
    if (!isPage(parent)) return parent;
    if (isDescendant(ctx, parent.id, found.id)) {
      return v2Error(
        400,
        'INVALID_REQUEST_PARAMETER',
        'A page cannot be moved under itself or its descendants',
      );
    }
    parentId = parent.id;
  }
  const updated = ctx.store.updatePage(id, {
    title,
    storage,
    authorId: ctx.account.accountId,
    ...(input.version.message !== undefined ? { message: input.version.message } : {}),
    ...(parentId ? { parentId } : {}),
  });
  return {
    status: 200,
    spec: 'v2',
    body: toPage(ctx, updated, { format: undefined, includeVersion: true, single: true }),
  };
}
