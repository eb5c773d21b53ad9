import { AppError, isAppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { HttpTransport } from './http.js';
import type { HttpRequest } from './http-types.js';
import { type PageDto, pageSchema } from './schemas.js';
import type { CreatePageInput, Page, UpdatePageInput } from './types.js';

const PAGE_ID = /^\d{1,20}$/;
const MAX_TITLE_LENGTH = 255;

/** `id` when it is a Confluence page id (digits only); else AppError('INPUT_INVALID') naming `what`. */
export function assertPageId(id: string, what = 'page id'): string {
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

/** What the write paths need from the client: its transport and page reads. */
export interface WriteContext {
  readonly http: HttpTransport;
  readonly logger: Logger;
  /** Retries after an unclear outcome (timeout/5xx) that is safe to retry. */
  readonly maxRetries: number;
  readonly fetchPageDto: (id: string, withBody: boolean) => Promise<PageDto>;
  readonly findByTitle: (spaceId: string, title: string) => Promise<PageDto | undefined>;
  /** A page found while recovering, as returned to callers (space key looked up; no ancestors). */
  readonly toPage: (dto: PageDto) => Promise<Page>;
  /** The page a write answered with, as returned to callers (no re-read; `storage` = what was sent). */
  readonly toWrittenPage: (dto: PageDto, sentStorage: string) => Promise<Page>;
}

function mayHaveApplied(error: unknown): error is AppError {
  return (
    isAppError(error, 'CONFLUENCE_TIMEOUT', 'CONFLUENCE_UNAVAILABLE') && error.details.mayHaveApplied === true
  );
}

function unknownOutcome(request: HttpRequest, cause: unknown): AppError {
  return new AppError('CONFLUENCE_UNKNOWN_OUTCOME', {
    message: `Confluence ${request.method} ${request.path}: outcome unknown`,
    details: { method: request.method, path: request.path },
    cause,
  });
}

/**
 * Creates a page (`POST /wiki/api/v2/pages`; title and parent id checked before any call, the space
 * key resolved with `resolveSpaceId`) and recovers from an unclear outcome without ever replaying
 * it blindly: after a timeout/5xx it looks the title up in the space. Found with the same storage ->
 * that page; found otherwise -> CONFLUENCE_UNKNOWN_OUTCOME; absent after a 5xx (the server
 * finished) -> retried; absent after a timeout (may still be in flight) -> UNKNOWN_OUTCOME. A retry
 * answered "duplicate title" gets the same lookup. Other errors are thrown as they are.
 */
export async function sendCreate(
  ctx: WriteContext,
  input: CreatePageInput,
  resolveSpaceId: (key: string) => Promise<string>,
): Promise<Page> {
  const title = assertTitle(input.title);
  const parentId = input.parentId === undefined ? undefined : assertPageId(input.parentId, 'parent page id');
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
  const target = { spaceId, title, storage: input.storage };
  for (let attempt = 0; ; attempt++) {
    let failure: AppError;
    try {
      return await ctx.toWrittenPage(await ctx.http.request(request, pageSchema), target.storage);
    } catch (error) {
      const isRetryDuplicate = attempt > 0 && isAppError(error, 'CONFLUENCE_DUPLICATE_TITLE');
      if (!mayHaveApplied(error) && !isRetryDuplicate) throw error;
      failure = error as AppError;
    }
    ctx.logger.warn(
      { code: failure.code, attempt, spaceId: target.spaceId },
      'create outcome unclear; looking the title up',
    );
    let existing: PageDto | undefined;
    try {
      existing = await ctx.findByTitle(target.spaceId, target.title);
    } catch {
      throw unknownOutcome(request, failure);
    }
    if (existing) {
      if (existing.body?.storage?.value === target.storage) return ctx.toPage(existing);
      throw unknownOutcome(request, failure);
    }
    const serverFinished = failure.code === 'CONFLUENCE_UNAVAILABLE' && failure.details.status !== undefined;
    if (!serverFinished || attempt >= ctx.maxRetries) throw unknownOutcome(request, failure);
  }
}

/**
 * Updates a page (`PUT`, version `baseVersion + 1`, never re-reading the version first; id, title
 * and version checked before any call) and recovers from an unclear outcome: a 409 becomes
 * CONFLUENCE_CONFLICT with `details.currentVersion` (read once when Confluence did not say). After
 * a timeout/5xx it reads the page: still at `baseVersion` -> the PUT is retried (the version lock
 * makes that safe); at `baseVersion + 1` with exactly the title and storage sent -> success;
 * otherwise CONFLUENCE_UNKNOWN_OUTCOME.
 */
export async function sendUpdate(ctx: WriteContext, input: UpdatePageInput): Promise<Page> {
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
  const target = { pageId, title, storage: input.storage, baseVersion: input.baseVersion };
  for (let attempt = 0; ; attempt++) {
    let failure: AppError;
    try {
      return await ctx.toWrittenPage(await ctx.http.request(request, pageSchema), target.storage);
    } catch (error) {
      if (isAppError(error, 'CONFLUENCE_CONFLICT')) {
        if (attempt > 0) throw unknownOutcome(request, error);
        if (typeof error.details.currentVersion === 'number') throw error;
        let currentVersion: number | undefined;
        try {
          currentVersion = (await ctx.fetchPageDto(target.pageId, false)).version.number;
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
    ctx.logger.warn(
      { code: failure.code, attempt, pageId: target.pageId },
      'update outcome unclear; re-reading the page',
    );
    let current: PageDto;
    try {
      current = await ctx.fetchPageDto(target.pageId, true);
    } catch {
      throw unknownOutcome(request, failure);
    }
    if (current.version.number === target.baseVersion + 1) {
      if (current.title === target.title && current.body?.storage?.value === target.storage) {
        return ctx.toPage(current);
      }
      throw unknownOutcome(request, failure);
    }
    if (current.version.number !== target.baseVersion || attempt >= ctx.maxRetries) {
      throw unknownOutcome(request, failure);
    }
  }
}
