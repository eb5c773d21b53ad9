import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { z } from 'zod';
import { AppError } from '../errors.js';

/**
 * One JSON document held in memory and (for the file variant) on disk. `read()` returns the current
 * state, deep-frozen: never mutate it; change it only through `update`. `update` runs `fn` on a
 * private copy, validates the result with the schema, persists it and only then makes it current,
 * so a throwing `fn`, an invalid result or a failed write leaves the state unchanged. Updates of one
 * document run strictly one after another (one queue), so a read-check-write inside `fn` is atomic.
 */
export interface JsonDocument<T> {
  /** The current state (deep-frozen snapshot). */
  read(): T;
  /**
   * Applies `fn` to a copy and persists it. Resolves with what `fn` returned. Rejects with whatever
   * `fn` threw, `AppError('INPUT_INVALID')` if the result breaks the schema, or the write error.
   */
  update<R>(fn: (draft: T) => R): Promise<R>;
}

/** A zod schema whose parsed output is `T` (input may differ, e.g. defaults). */
export type DocumentSchema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

/** Options for a file-backed document. */
export interface JsonDocumentOptions {
  /**
   * File mode applied after every write. Default 0o600: every store may hold personal data
   * (people, approvers, conversation ids) and DATA_DIR is private to the bot's user.
   */
  readonly fileMode?: number;
}

/** Recursively freezes plain objects and arrays; returns the same value. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
  }
  return value;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return false;
    }
    throw new AppError('STORE_CORRUPT', {
      message: `Cannot access ${file}: ${errorText(error)}`,
      cause: error,
    });
  }
}

/**
 * Builds the queue + validation core shared by the file and memory variants. `persist` writes the
 * validated next state; if it throws, the state is not swapped.
 */
function createDocumentCore<T>(
  label: string,
  schema: DocumentSchema<T>,
  initial: T,
  persist: (next: T) => Promise<void>,
): JsonDocument<T> {
  let state = deepFreeze(initial);
  let queue: Promise<unknown> = Promise.resolve();

  const runUpdate = async <R>(fn: (draft: T) => R): Promise<R> => {
    const draft = structuredClone(state);
    const result = fn(draft);
    const parsed = schema.safeParse(draft);
    if (!parsed.success) {
      throw new AppError('INPUT_INVALID', {
        message: `Refused to write an invalid ${label}: ${describeIssues(parsed.error)}`,
      });
    }
    await persist(parsed.data);
    state = deepFreeze(parsed.data);
    return result;
  };

  return {
    read: () => state,
    update<R>(fn: (draft: T) => R): Promise<R> {
      const run = queue.then(() => runUpdate(fn));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/**
 * Opens (or prepares) a lowdb JSON file. A missing file yields `defaults` (the directory is created,
 * the file is written on the first update). Writes are atomic (temp file + rename, by lowdb/steno).
 * Throws `AppError('STORE_CORRUPT')` naming the file and the problem when the file exists but is not
 * JSON or does not match the schema; such a file is never replaced silently.
 */
export async function openJsonDocument<T>(
  file: string,
  schema: DocumentSchema<T>,
  defaults: T,
  options: JsonDocumentOptions = {},
): Promise<JsonDocument<T>> {
  const fileMode = options.fileMode ?? 0o600;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const adapter = new JSONFile<unknown>(file);
  const db = new Low<unknown>(adapter, null);
  let initial: T = structuredClone(defaults);
  if (await fileExists(file)) {
    let raw: unknown;
    try {
      raw = await adapter.read();
    } catch (error) {
      throw new AppError('STORE_CORRUPT', {
        message: `${file} is not valid JSON (${errorText(error)}); fix or move it away, it was left untouched`,
        cause: error,
      });
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError('STORE_CORRUPT', {
        message: `${file} does not match the expected shape (${describeIssues(parsed.error)}); fix or move it away, it was left untouched`,
      });
    }
    initial = parsed.data;
    if (((await stat(file)).mode & 0o777) !== fileMode) await chmod(file, fileMode);
  }
  return createDocumentCore(file, schema, initial, async (next) => {
    db.data = next;
    await db.write();
    await chmod(file, fileMode);
  });
}

/** Test hooks of a memory document. */
export interface MemoryDocument<T> extends JsonDocument<T> {
  /** Number of successful writes so far. */
  readonly writes: () => number;
  /** Makes the next write fail with `error` (once). */
  failNextWrite(error?: Error): void;
}

/**
 * An in-memory document with the same contract as `openJsonDocument` (queue, validation, swap only
 * after a successful "write"). `defaults` is validated too; throws `AppError('STORE_CORRUPT')` if not.
 */
export function createMemoryDocument<T>(schema: DocumentSchema<T>, defaults: T): MemoryDocument<T> {
  const parsed = schema.safeParse(structuredClone(defaults));
  if (!parsed.success) {
    throw new AppError('STORE_CORRUPT', {
      message: `memory document defaults do not match the schema (${describeIssues(parsed.error)})`,
    });
  }
  let writes = 0;
  let pendingFailure: Error | undefined;
  const core = createDocumentCore('memory document', schema, parsed.data, async () => {
    if (pendingFailure) {
      const failure = pendingFailure;
      pendingFailure = undefined;
      throw failure;
    }
    writes += 1;
  });
  return {
    ...core,
    writes: () => writes,
    failNextWrite(error = new Error('simulated write failure')) {
      pendingFailure = error;
    },
  };
}
