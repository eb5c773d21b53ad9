import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import {
  APPROVAL_ID_PATTERN,
  type ApprovalRequest,
  approvalFileSchema,
  approvalsFileSchema,
} from './approval-schema.js';

/** Folder of the per-request files inside `DATA_DIR`: `approvals/<id>.json`. */
export const APPROVALS_DIR = 'approvals';

/** The former single store file inside `DATA_DIR`, migrated once into `APPROVALS_DIR`. */
export const APPROVALS_FILE = 'approvals.json';

/** Suffix the former store file gets once its requests were copied (kept for the operator). */
export const MIGRATED_SUFFIX = '.migrated';

/** Request files hold people and conversation ids: private to the bot's user, like DATA_DIR. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** Files read or written at once when loading or migrating (bounded so a big folder cannot exhaust fds). */
const IO_PARALLELISM = 32;

/** `.<id>.<random hex>.tmp`: the dot hides it from `<id>.json` matches, the suffix marks a crash leftover. */
const TEMP_FILE = /^\.[A-Za-z0-9_-]{1,64}\.[0-9a-f]+\.tmp$/;

/** Where requests are persisted, one record per id (the store's only link to its medium). */
export interface ApprovalPersistence {
  /** Durably replaces the stored copy of `request`: after a crash it is the old copy or the new one. */
  write(request: ApprovalRequest): Promise<void>;
  /** Deletes the stored copy of `id`; a missing one is not an error. */
  remove(id: string): Promise<void>;
}

/** What loading the folder found. */
export interface LoadedApprovals {
  /** Every stored request, oldest filed first (creation time, then id). */
  readonly requests: ApprovalRequest[];
  /** Half-written temp files left by a crash, removed. */
  readonly removedTempFiles: number;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function corrupt(message: string, cause?: unknown): AppError {
  return new AppError('STORE_CORRUPT', { message, ...(cause !== undefined ? { cause } : {}) });
}

/**
 * The file name of request `id`. Throws `AppError('INPUT_INVALID')` unless `id` matches
 * APPROVAL_ID_PATTERN: an id arrives from card payloads and must never name another path.
 */
export function approvalFileName(id: string): string {
  if (!APPROVAL_ID_PATTERN.test(id)) {
    throw new AppError('INPUT_INVALID', { message: 'approval request id is not a valid file name' });
  }
  return `${id}.json`;
}

async function forEachLimited<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IO_PARALLELISM, items.length) }, worker));
}

/** fsync of a folder makes a rename or a new name in it survive a power loss (POSIX). */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms (Windows) refuse fsync on a directory; the rename is as durable as they allow.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle.close();
  }
}

async function ensureDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  if (((await stat(dir)).mode & 0o777) !== DIR_MODE) await chmod(dir, DIR_MODE);
}

/**
 * Writes `request` to `<dir>/<id>.json` through a temp file created 0600, fsynced, then renamed over
 * the old file (readers and a crash see the old or the new copy, never a mix). With `syncDir` the
 * folder is fsynced too, so the new name itself is durable before the caller acts on it (an approval
 * is on disk before the page is written).
 */
async function writeRequestFile(dir: string, request: ApprovalRequest, syncDir: boolean): Promise<void> {
  const file = join(dir, approvalFileName(request.id));
  const temp = join(dir, `.${request.id}.${randomBytes(6).toString('hex')}.tmp`);
  const text = JSON.stringify({ request }, null, 2);
  try {
    const handle = await open(temp, 'wx', FILE_MODE);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  if (syncDir) await syncDirectory(dir);
}

/** Persistence in `dir`, one file per request (the folder must exist: see `loadApprovalFiles`). */
export function createFilePersistence(dir: string): ApprovalPersistence {
  return {
    write: (request) => writeRequestFile(dir, request, true),
    async remove(id) {
      try {
        await unlink(join(dir, approvalFileName(id)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
  };
}

/**
 * The content of store file `file` (its `text`) checked against `schema`. Throws
 * `AppError('STORE_CORRUPT')` naming the file when it is not JSON or not of that shape.
 */
function parseStoredFile<S extends z.ZodTypeAny>(file: string, text: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw corrupt(
      `${file} is not valid JSON (${errorText(error)}); fix or move it away, it was left untouched`,
      error,
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw corrupt(
      `${file} does not match the expected shape (${describeIssues(parsed.error)}); fix or move it away, it was left untouched`,
    );
  }
  return parsed.data;
}

async function readRequestFile(dir: string, name: string): Promise<ApprovalRequest> {
  const file = join(dir, name);
  const id = name.slice(0, -'.json'.length);
  if (!APPROVAL_ID_PATTERN.test(id)) {
    throw corrupt(`${file} is not named after a valid request id; move it away, it was left untouched`);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw corrupt(`Cannot read ${file}: ${errorText(error)}`, error);
  }
  const { request } = parseStoredFile(file, text, approvalFileSchema);
  if (request.id !== id) {
    throw corrupt(`${file} holds request ${request.id}, not ${id}; fix or move it away`);
  }
  return request;
}

/**
 * Reads every `<id>.json` in `dir` (created 0700 if missing; files are created 0600, and the modes of
 * files copied in from elsewhere are repaired by the app's startup `secureDataDir`, so opening costs
 * one read per file and no stat). Removes temp files a crash left
 * half-written (their rename never happened, so the request's file still holds its previous copy).
 * Ignores names it does not own. Throws `AppError('STORE_CORRUPT')` naming the file when a request
 * file is unreadable, not JSON, not a request, not named after its id, or not a regular file:
 * nothing is replaced or deleted then.
 */
export async function loadApprovalFiles(dir: string): Promise<LoadedApprovals> {
  await ensureDirectory(dir);
  const entries = await readdir(dir, { withFileTypes: true });
  const names: string[] = [];
  let removedTempFiles = 0;
  for (const entry of entries) {
    if (TEMP_FILE.test(entry.name) && entry.isFile()) {
      await unlink(join(dir, entry.name));
      removedTempFiles += 1;
    } else if (entry.name.endsWith('.json')) {
      if (!entry.isFile()) {
        throw corrupt(`${join(dir, entry.name)} is not a regular file; move it away, it was left untouched`);
      }
      names.push(entry.name);
    }
  }
  const requests: ApprovalRequest[] = [];
  await forEachLimited(names, async (name) => {
    requests.push(await readRequestFile(dir, name));
  });
  requests.sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
  );
  return { requests, removedTempFiles };
}

/**
 * One-time migration from the single-file store: copies every request of `<dataDir>/approvals.json`
 * into its own file in `dir` (first copy wins on a duplicate id; a request whose file already exists
 * — a migration interrupted by a crash — keeps that file), fsyncs, then renames the old file to
 * `approvals.json.migrated`. Returns how many requests it copied, or undefined when there is no old
 * file. Throws `AppError('STORE_CORRUPT')` naming the old file when it is unreadable or malformed
 * (it is left in place: nothing is migrated).
 */
export async function migrateApprovalsFile(dataDir: string, dir: string): Promise<number | undefined> {
  const legacy = join(dataDir, APPROVALS_FILE);
  let text: string;
  try {
    text = await readFile(legacy, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw corrupt(`Cannot read ${legacy}: ${errorText(error)}`, error);
  }
  const { requests } = parseStoredFile(legacy, text, approvalsFileSchema);
  await ensureDirectory(dir);
  const existing = new Set(await readdir(dir));
  const seen = new Set<string>();
  const toWrite = requests.filter((request) => {
    if (seen.has(request.id)) return false;
    seen.add(request.id);
    return !existing.has(approvalFileName(request.id));
  });
  await forEachLimited(toWrite, (request) => writeRequestFile(dir, request, false));
  await syncDirectory(dir);
  await rename(legacy, `${legacy}${MIGRATED_SUFFIX}`);
  await syncDirectory(dataDir);
  return toWrite.length;
}
