import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateResponse } from '../openapi/validate-openapi.js';
import { DEFAULT_ACCOUNTS } from './accounts.js';
import { DEFAULT_PAGES, DEFAULT_SPACES } from './corpus/index.js';
import { PEOPLE } from './corpus/people.js';
import { FaultQueue, TokenBucket } from './faults.js';
import {
  htmlErrorPage,
  noProductAccess,
  type RouteResult,
  reasonPhrase,
  v1Error,
  v1Gone,
  v2Error,
} from './responses.js';
import type { RouteContext } from './route-context.js';
import { handleSearch, v1User } from './routes-search.js';
import {
  handleCreatePage,
  handleGetAncestors,
  handleGetPage,
  handleGetSpace,
  handleListPages,
  handleListSpaces,
  handleUpdatePage,
} from './routes-v2.js';
import { SimulatorStore } from './store.js';
import type { RecordedRequest, SimPage, SimulatorAccount, SimulatorFault } from './types.js';

/** Largest request body accepted (Confluence documents 5,242,880 bytes); larger gets 413. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** A running simulator. See {@link startConfluenceSimulator}. */
export interface ConfluenceSimulator {
  /** Site base, e.g. `http://127.0.0.1:41234` (the client appends `/wiki/...`). */
  readonly url: string;
  readonly cloudId: string;
  /** Every request, in arrival order (`status` is 0 while a request is still being answered). */
  readonly requests: RecordedRequest[];
  /** 2xx JSON responses that failed OpenAPI validation (when `validateResponses`). */
  readonly schemaViolations: string[];
  injectFault(fault: SimulatorFault): void;
  clearFaults(): void;
  /** A snapshot of a page, bypassing auth. */
  getPage(id: string): SimPage | undefined;
  /** A snapshot of the page titled `title` (case-insensitive) in space `spaceKey`, bypassing auth. */
  findPageByTitle(spaceKey: string, title: string): SimPage | undefined;
  /** Adds a version to the page as a colleague editing in the browser would. Throws if the page is missing. */
  editPageAsHuman(id: string, storage: string): SimPage;
  /** Moves a page into another space, as a person would in the browser. */
  movePageAsHuman(id: string, spaceKey: string): SimPage;
  close(): Promise<void>;
}

/** Options of {@link startConfluenceSimulator}. */
export interface SimulatorOptions {
  /** Port on 127.0.0.1 (default 0 = any free port). */
  port?: number;
  /** Accepted accounts (default: the four {@link DEFAULT_ACCOUNTS}). */
  accounts?: SimulatorAccount[];
  /** `default`: seven spaces and 45+ pages; `empty`: the same spaces with only their homepages. */
  corpus?: 'default' | 'empty';
  /** Validate every 2xx JSON answer against the OpenAPI specs (default true). */
  validateResponses?: boolean;
  /** Token bucket per (method, endpoint with ids folded); exhausted → 429 with Retry-After. */
  rateLimit?: { capacity: number; refillPerSecond: number };
}

interface RawBody {
  text: string;
  tooLarge: boolean;
}

function readBody(req: http.IncomingMessage): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve({ text: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge }));
    req.on('error', reject);
  });
}

function toQueryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}

function parseBasicAuth(header: string | undefined): { email: string; token: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { email: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

function routeFamily(path: string): 'v1' | 'v2' | 'other' {
  if (path.startsWith('/wiki/api/v2/')) return 'v2';
  if (path.startsWith('/wiki/rest/api/')) return 'v1';
  return 'other';
}

function errorFor(path: string, status: number, message: string): RouteResult {
  return routeFamily(path) === 'v2'
    ? v2Error(status, reasonPhrase(status).toUpperCase().replace(/ /g, '_'), message)
    : v1Error(status, message);
}

function methodNotAllowed(path: string, allow: string[]): RouteResult {
  return { ...errorFor(path, 405, 'Method Not Allowed'), headers: { Allow: allow.join(', ') } };
}

function dispatch(ctx: RouteContext): RouteResult {
  const { method, path } = ctx;
  const only = (allowed: string[], run: () => RouteResult): RouteResult =>
    allowed.includes(method) ? run() : methodNotAllowed(path, allowed);
  if (path === '/wiki/rest/api/search') return only(['GET'], () => handleSearch(ctx, false));
  if (path === '/wiki/rest/api/content/search') return only(['GET'], () => handleSearch(ctx, true));
  if (path === '/wiki/rest/api/user/current') return only(['GET'], () => currentUser(ctx));
  if (path === '/wiki/rest/api/user') return only(['GET'], () => userById(ctx));
  if (path === '/wiki/rest/api/content' || path.startsWith('/wiki/rest/api/content/')) return v1Gone();
  if (path === '/wiki/api/v2/spaces') return only(['GET'], () => handleListSpaces(ctx));
  if (path === '/wiki/api/v2/pages') {
    return only(['GET', 'POST'], () => (method === 'GET' ? handleListPages(ctx) : handleCreatePage(ctx)));
  }
  const space = /^\/wiki\/api\/v2\/spaces\/([^/]+)$/.exec(path);
  if (space?.[1]) return only(['GET'], () => handleGetSpace(ctx, decodeURIComponent(space[1] ?? '')));
  const page = /^\/wiki\/api\/v2\/pages\/([^/]+)$/.exec(path);
  if (page?.[1]) {
    const id = decodeURIComponent(page[1]);
    return only(['GET', 'PUT'], () =>
      method === 'GET' ? handleGetPage(ctx, id) : handleUpdatePage(ctx, id),
    );
  }
  const ancestors = /^\/wiki\/api\/v2\/pages\/([^/]+)\/ancestors$/.exec(path);
  if (ancestors?.[1])
    return only(['GET'], () => handleGetAncestors(ctx, decodeURIComponent(ancestors[1] ?? '')));
  return routeFamily(path) === 'v2'
    ? v2Error(404, 'NOT_FOUND', 'Not Found')
    : v1Error(404, `No route for ${path}`);
}

/** `GET /wiki/rest/api/user?accountId=`: a corpus person, else 404 (as Cloud answers unknown ids). */
function userById(ctx: RouteContext): RouteResult {
  const accountId = ctx.query.get('accountId') ?? '';
  if (!Object.values(PEOPLE).some((person) => person.accountId === accountId)) {
    return errorFor(ctx.path, accountId ? 404 : 400, accountId ? 'Not Found' : 'accountId is required');
  }
  return { status: 200, spec: 'v1', body: v1User(accountId) };
}

function currentUser(ctx: RouteContext): RouteResult {
  const { account } = ctx;
  return {
    status: 200,
    spec: 'v1',
    body: {
      type: 'known',
      accountId: account.accountId,
      accountType: 'atlassian',
      email: account.email,
      publicName: account.displayName,
      displayName: account.displayName,
      timeZone: 'Europe/Berlin',
      isExternalCollaborator: false,
      isGuest: false,
      profilePicture: {
        path: '/wiki/aa-avatar/default.png',
        width: 48,
        height: 48,
        isDefault: true,
      },
      _expandable: { operations: '', personalSpace: '' },
      _links: {
        self: `${ctx.baseUrl}/rest/api/user?accountId=${account.accountId}`,
        base: ctx.baseUrl,
        context: '/wiki',
      },
    },
  };
}

/**
 * Starts a Confluence Cloud simulator on 127.0.0.1 that answers the v1 search, v1 user and
 * v2 page/space routes the bot uses (also under `/ex/confluence/{cloudId}`), with Basic auth,
 * permission filtering, version conflicts, fault injection and optional rate limiting.
 * Rejects when the port cannot be bound.
 */
export async function startConfluenceSimulator(options: SimulatorOptions = {}): Promise<ConfluenceSimulator> {
  const accounts = options.accounts ?? Object.values(DEFAULT_ACCOUNTS);
  const store = new SimulatorStore(DEFAULT_SPACES, options.corpus === 'empty' ? [] : DEFAULT_PAGES);
  const validate = options.validateResponses ?? true;
  const cloudId = randomUUID();
  const faults = new FaultQueue();
  const buckets = new Map<string, TokenBucket>();
  const requests: RecordedRequest[] = [];
  const schemaViolations: string[] = [];
  const pendingDelays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let closed = false;
  let url = '';

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          pendingDelays.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      pendingDelays.add(entry);
    });

  const takeToken = (method: string, path: string): { wait: number; bucket: TokenBucket } | undefined => {
    if (!options.rateLimit) return undefined;
    const key = `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(options.rateLimit.capacity, options.rateLimit.refillPerSecond);
      buckets.set(key, bucket);
    }
    return { wait: bucket.take(), bucket };
  };

  const answer = async (
    req: http.IncomingMessage,
    record: RecordedRequest,
    fullPath: string,
    query: URLSearchParams,
  ): Promise<RouteResult> => {
    const raw = await readBody(req);
    const method = record.method;
    const delay = faults.takeDelay(method, fullPath);
    if (delay > 0) await sleep(delay);
    let path = fullPath;
    const gateway = /^\/ex\/confluence\/([^/]+)(\/.*)?$/.exec(fullPath);
    if (gateway) {
      if (gateway[1] !== cloudId) return v1Error(404, 'Unknown cloud id');
      path = gateway[2] ?? '/';
    } else if (path === '/_edge/tenant_info') {
      return method === 'GET' ? { status: 200, body: { cloudId } } : methodNotAllowed(path, ['GET']);
    }
    const fault = faults.takeStatus(method, fullPath);
    if (fault) {
      const retryAfter =
        fault.retryAfterSeconds ?? (fault.status === 429 || fault.status === 503 ? 1 : undefined);
      const base = fault.html
        ? htmlErrorPage(fault.status)
        : errorFor(path, fault.status, reasonPhrase(fault.status));
      return { ...base, headers: retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) } };
    }
    const limited = takeToken(method, path);
    if (limited && limited.wait > 0) {
      return {
        ...errorFor(path, 429, 'Rate limit exceeded'),
        headers: {
          'Retry-After': String(limited.wait),
          'X-RateLimit-Limit': String(limited.bucket.limit()),
          'X-RateLimit-Remaining': '0',
        },
      };
    }
    const credentials = parseBasicAuth(req.headers.authorization);
    const account = accounts.find((a) => a.email === credentials?.email && a.apiToken === credentials?.token);
    if (!account || (account.scopedToken && !gateway)) {
      return {
        ...errorFor(path, 401, 'Unauthorized'),
        headers: { 'WWW-Authenticate': 'Basic realm="Atlassian"' },
      };
    }
    record.account = account.email;
    if (account.noConfluenceAccess) return noProductAccess();
    if (raw.tooLarge) return errorFor(path, 413, 'Request Entity Too Large');
    let body: unknown;
    if (raw.text.trim() !== '') {
      try {
        body = JSON.parse(raw.text);
      } catch {
        record.body = raw.text;
        return errorFor(path, 400, 'The request body is not valid JSON');
      }
      record.body = body;
    }
    const ctx: RouteContext = {
      method,
      path,
      query,
      account,
      body,
      store,
      baseUrl: `${url}/wiki`,
      takeSpuriousConflict: () => faults.takeSpuriousConflict(),
    };
    const result = dispatch(ctx);
    if (limited) {
      result.headers = {
        ...result.headers,
        'X-RateLimit-Limit': String(limited.bucket.limit()),
        'X-RateLimit-Remaining': String(limited.bucket.remaining()),
      };
    }
    if (validate && result.spec && result.status >= 200 && result.status < 300) {
      const specPath = result.spec === 'v2' ? path.replace(/^\/wiki\/api\/v2/, '') : path;
      for (const problem of validateResponse(result.spec, method, specPath, result.status, result.body)) {
        schemaViolations.push(`${method} ${path} ${result.status}: ${problem}`);
      }
    }
    return result;
  };

  const server = http.createServer((req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: RecordedRequest = {
      at: Date.now(),
      method: (req.method ?? 'GET').toUpperCase(),
      path: parsed.pathname,
      query: toQueryRecord(parsed.searchParams),
      status: 0,
    };
    requests.push(record);
    answer(req, record, parsed.pathname, parsed.searchParams)
      .catch((error: unknown) => errorFor(parsed.pathname, 500, `Simulator failure: ${String(error)}`))
      .then((result) => {
        record.status = result.status;
        record.finishedAt = Date.now();
        if (closed || res.destroyed) return;
        const headers: Record<string, string> = { ...result.headers };
        let payload = '';
        if (result.html !== undefined) {
          headers['Content-Type'] = 'text/html;charset=UTF-8';
          payload = result.html;
        } else if (result.body !== undefined) {
          headers['Content-Type'] = 'application/json;charset=UTF-8';
          payload = JSON.stringify(result.body);
        }
        res.writeHead(result.status, headers);
        res.end(payload);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    cloudId,
    requests,
    schemaViolations,
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    getPage: (id) => store.getPage(id),
    findPageByTitle: (spaceKey, title) => {
      const space = store.spaceByKey(spaceKey);
      return space ? store.findByTitle(space.id, title) : undefined;
    },
    editPageAsHuman: (id, storage) => {
      const page = store.getPage(id);
      if (!page) throw new Error(`editPageAsHuman: no page ${id}`);
      return store.updatePage(id, {
        title: page.title,
        storage,
        authorId: PEOPLE.jdoe.accountId,
        message: 'Edited in the browser',
      });
    },
    movePageAsHuman: (id, spaceKey) => store.movePage(id, spaceKey),
    close: async () => {
      if (closed) return;
      closed = true;
      for (const entry of pendingDelays) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      pendingDelays.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
