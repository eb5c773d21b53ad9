import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { AppError } from '../errors.js';
import { computeEntryHash } from './canonical-json.js';
import { isStoredEntry, segmentDocSchema } from './schema.js';
import type { AuditEntry } from './types.js';

/** The lowdb root document of one segment file. */
export interface SegmentDoc {
  readonly entries: readonly AuditEntry[];
}

/** A segment file found in the audit directory. */
export interface SegmentRef {
  readonly index: number;
  readonly path: string;
}

function isStoredSegment(value: unknown): value is SegmentDoc {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = (value as { entries?: unknown }).entries;
  return Array.isArray(entries) && entries.every(isStoredEntry);
}

const SEGMENT_NAME = /^segment-(\d+)\.json$/;
const TEMP_NAME = /^\.(?:segment-\d+|anchors)\.json\.tmp$/;

/** File name of segment `index` (1-based): `segment-000001.json`; names sort in index order. */
export function segmentFileName(index: number): string {
  return `segment-${String(index).padStart(6, '0')}.json`;
}

/** The temporary file a segment is written to before being renamed into place. */
export function segmentTempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp`);
}

/**
 * Lists segment files in `dir`, oldest first (by number, so more than 999,999 segments still sort).
 * A missing directory yields an empty list; other I/O errors propagate.
 */
export async function listSegments(dir: string): Promise<SegmentRef[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const segments: SegmentRef[] = [];
  for (const name of names) {
    const match = SEGMENT_NAME.exec(name);
    if (match?.[1] !== undefined) segments.push({ index: Number(match[1]), path: join(dir, name) });
  }
  return segments.sort((a, b) => a.index - b.index);
}

/** Deletes temporary files (segments, anchors) left by a write interrupted by a crash. Best effort; never throws. */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => TEMP_NAME.test(name))
      .map((name) => unlink(join(dir, name)).catch(() => undefined)),
  );
}

/**
 * Serialises a segment compactly: one entry per line inside `{"entries":[...]}`. Byte-identical to
 * what `SegmentFile` leaves on disk after every write.
 */
export function serializeSegment(doc: SegmentDoc): string {
  if (doc.entries.length === 0) return EMPTY_SEGMENT;
  return `${SEGMENT_HEAD}${doc.entries.map((entry) => JSON.stringify(entry)).join(',\n')}${SEGMENT_TAIL}`;
}

/**
 * The bytes an append of `entries` writes over the closing `\n]}\n` of a non-empty segment: each
 * entry after `,\n`, then the closing again, so the file is a whole document once they land.
 */
export function encodeAppend(entries: readonly AuditEntry[]): Buffer {
  let text = '';
  for (const entry of entries) text += `,\n${JSON.stringify(entry)}`;
  return Buffer.from(text + SEGMENT_TAIL, 'utf8');
}

const EMPTY_SEGMENT = '{"entries":[]}\n';
const SEGMENT_HEAD = '{"entries":[\n';
const SEGMENT_TAIL = '\n]}\n';
const HEAD_BYTES = Buffer.from(SEGMENT_HEAD);
const TAIL_BYTES = Buffer.from(SEGMENT_TAIL);
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** What `recoverSegment` made of a segment file's bytes. */
export type SegmentRecovery =
  | { readonly kind: 'whole'; readonly entries: readonly AuditEntry[] }
  | {
      /** A write cut short: `entries` is the longest prefix of whole entries, ending at byte `validEnd`. */
      readonly kind: 'torn';
      readonly entries: readonly AuditEntry[];
      readonly validEnd: number;
      readonly droppedBytes: number;
    }
  | { readonly kind: 'corrupt'; readonly reason: string };

/**
 * End (exclusive) of the JSON object starting at `from`, found by bracket depth outside strings, or
 * -1 when there is no whole object there on this line: entries are written one per line and never
 * contain a raw newline, so a newline (or the end of the bytes) before the closing brace means torn.
 */
function objectEnd(bytes: Buffer, from: number): number {
  if (bytes[from] !== OPEN_BRACE) return -1;
  let depth = 0;
  let inString = false;
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === NEWLINE) return -1;
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth += 1;
    else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth -= 1;
      if (depth === 0) return byte === CLOSE_BRACE ? i + 1 : -1;
    }
  }
  return -1;
}

/** The whole stored entry starting at byte `from`, with where it ends; undefined if there is none. */
function entryAt(
  bytes: Buffer,
  from: number,
): { readonly entry: AuditEntry; readonly end: number } | undefined {
  const end = objectEnd(bytes, from);
  if (end < 0) return undefined;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8', from, end));
    return isStoredEntry(value) ? { entry: value as AuditEntry, end } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a segment file's bytes, tolerating the one kind of damage an interrupted append leaves: a
 * torn tail (a partial last entry, a missing or partial closing `]}`, zeros where a write did not
 * land). Appends only ever write past the last whole entry, so the whole entries before the tear are
 * exactly the ones durably written before; they must still form a chain (consecutive seq, each
 * `prevHash` the previous `hash`, every `hash` recomputing). Anything else is `corrupt`: a file that
 * does not start like a segment, a whole entry after a damaged line (damage in the middle, not a
 * tear), or entries that do not chain. Pure; never throws.
 */
export function recoverSegment(bytes: Buffer): SegmentRecovery {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return recoverTornTail(bytes);
  }
  return isStoredSegment(parsed)
    ? { kind: 'whole', entries: parsed.entries }
    : { kind: 'corrupt', reason: 'the file is JSON but not a segment {"entries": [...]}' };
}

function recoverTornTail(bytes: Buffer): SegmentRecovery {
  if (!bytes.subarray(0, HEAD_BYTES.length).equals(HEAD_BYTES)) {
    return { kind: 'corrupt', reason: 'the file is not valid JSON and does not start like a segment' };
  }
  const entries: AuditEntry[] = [];
  let validEnd = HEAD_BYTES.length - 1;
  for (let position = HEAD_BYTES.length; position < bytes.length; position = validEnd + 2) {
    const found = entryAt(bytes, position);
    if (found === undefined) break;
    const { entry } = found;
    const previous = entries.at(-1);
    if (
      computeEntryHash(entry) !== entry.hash ||
      (previous !== undefined && (entry.seq !== previous.seq + 1 || entry.prevHash !== previous.hash))
    ) {
      return { kind: 'corrupt', reason: `entry seq ${entry.seq} does not continue the chain before it` };
    }
    entries.push(entry);
    validEnd = found.end;
    if (bytes[validEnd] !== COMMA || bytes[validEnd + 1] !== NEWLINE) break;
  }
  for (
    let newline = bytes.indexOf(NEWLINE, validEnd);
    newline !== -1;
    newline = bytes.indexOf(NEWLINE, newline + 1)
  ) {
    if (entryAt(bytes, newline + 1) !== undefined) {
      return {
        kind: 'corrupt',
        reason: 'whole entries follow a damaged line (damage in the middle, not a torn tail)',
      };
    }
  }
  return { kind: 'torn', entries, validEnd, droppedBytes: bytes.length - validEnd };
}

/** Writes all of `data` at `position` (a single write call may write less). */
async function writeAt(handle: AppendHandle, data: Buffer, position: number): Promise<void> {
  for (let done = 0; done < data.length; ) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}

/**
 * Writes `data` to `path` atomically and durably: temp file (mode 0600), fsync, rename over `path`,
 * fsync of the directory. A crash leaves either the old or the new file, never a torn one. Throws the I/O error.
 */
export async function writeFileDurably(path: string, data: string | Buffer): Promise<void> {
  const temp = segmentTempPath(path);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  const dirHandle = await open(dirname(path), 'r');
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

/**
 * Reads a segment file as raw JSON. Returns null when it does not exist; throws
 * AppError('STORE_CORRUPT') naming the file when it is not valid JSON.
 */
export async function readSegmentJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError('STORE_CORRUPT', {
      message: `Audit segment ${path} is not valid JSON`,
      details: { file: path },
      cause: error,
    });
  }
}

/** The file operations an in-place append and a repair use; `FileHandle` has them. */
export interface AppendHandle {
  write(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** Opens an existing segment file for writing in place (the seam tests use to fail writes). */
export type OpenForAppend = (path: string) => Promise<AppendHandle>;

const openReadWrite: OpenForAppend = (path) => open(path, 'r+');

/** A torn tail `SegmentFile.recover` cut off and closed again. */
export interface SegmentRepair {
  readonly keptEntries: number;
  readonly droppedBytes: number;
}

/** What the writer knows about the file on disk: the entries in it and its byte length. */
interface OnDisk {
  readonly count: number;
  readonly last: AuditEntry;
  readonly size: number;
}

function strictSegment(path: string, raw: unknown): SegmentDoc {
  if (isStoredSegment(raw)) return raw;
  const parsed = segmentDocSchema.safeParse(raw);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  throw new AppError('STORE_CORRUPT', {
    message: `Audit segment ${path} is not a valid segment (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`,
    details: { file: path },
  });
}

async function readBytes(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * lowdb adapter for one segment file, kept a whole `{"entries":[...]}` document after every write.
 * When the entries to write extend the ones last read or written (same objects, more at the end), a
 * write overwrites only the closing `\n]}\n` at the end of the file with the new entries and a new
 * closing (`encodeAppend`), then fsyncs: bytes written are proportional to the new entries, and the
 * bytes of earlier (acknowledged) entries are never touched. Any other write (a new segment, a file
 * in another layout) replaces the file atomically (temp + fsync + rename). `read` validates (zod)
 * and throws AppError('STORE_CORRUPT') naming the file when the content is unparseable or not a
 * segment; it returns null when the file does not exist. `recover` also repairs a torn tail.
 */
export class SegmentFile implements Adapter<SegmentDoc> {
  readonly path: string;
  readonly #openForAppend: OpenForAppend;
  #onDisk: OnDisk | undefined;

  constructor(path: string, openForAppend: OpenForAppend = openReadWrite) {
    this.path = path;
    this.#openForAppend = openForAppend;
  }

  async read(): Promise<SegmentDoc | null> {
    const bytes = await readBytes(this.path);
    if (bytes === null) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new AppError('STORE_CORRUPT', {
        message: `Audit segment ${this.path} is not valid JSON`,
        details: { file: this.path },
        cause: error,
      });
    }
    const doc = strictSegment(this.path, raw);
    this.#remember(doc.entries, bytes);
    return doc;
  }

  /**
   * Reads the newest segment for appending: like `read`, but a torn tail (see `recoverSegment`) is
   * cut back to the last whole entry and closed again on disk (truncate, closing bytes, fsync) before
   * anything is appended, and reported. Null when the file does not exist. Throws
   * AppError('STORE_CORRUPT') naming the file for any other damage: it is never silently replaced.
   */
  async recover(): Promise<{ readonly doc: SegmentDoc; readonly repaired?: SegmentRepair } | null> {
    const bytes = await readBytes(this.path);
    if (bytes === null) return null;
    const found = recoverSegment(bytes);
    if (found.kind === 'whole') {
      this.#remember(found.entries, bytes);
      return { doc: { entries: found.entries } };
    }
    if (found.kind === 'corrupt') {
      throw new AppError('STORE_CORRUPT', {
        message: `Audit segment ${this.path} is damaged and cannot be repaired: ${found.reason}. Run \`npm run audit:verify\``,
        details: { file: this.path },
      });
    }
    const doc: SegmentDoc = { entries: found.entries };
    const last = found.entries.at(-1);
    if (last === undefined) {
      this.#onDisk = undefined;
      await writeFileDurably(this.path, EMPTY_SEGMENT);
    } else {
      const handle = await this.#openForAppend(this.path);
      try {
        await handle.truncate(found.validEnd);
        await writeAt(handle, TAIL_BYTES, found.validEnd);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      this.#onDisk = { count: found.entries.length, last, size: found.validEnd + TAIL_BYTES.length };
    }
    return { doc, repaired: { keptEntries: found.entries.length, droppedBytes: found.droppedBytes } };
  }

  /**
   * Writes `doc` durably: an in-place append when it extends what is on disk, else an atomic
   * replacement. If an append fails, the previous document is restored (best effort) and the error
   * is thrown; a crash part-way leaves a torn tail for `recover`.
   */
  async write(doc: SegmentDoc): Promise<void> {
    const entries = doc.entries;
    const onDisk = this.#onDisk;
    const last = entries.at(-1);
    if (
      onDisk === undefined ||
      last === undefined ||
      entries.length <= onDisk.count ||
      entries[onDisk.count - 1] !== onDisk.last
    ) {
      this.#onDisk = undefined;
      const bytes = Buffer.from(serializeSegment(doc), 'utf8');
      await writeFileDurably(this.path, bytes);
      if (last !== undefined) this.#onDisk = { count: entries.length, last, size: bytes.length };
      return;
    }
    const bytes = encodeAppend(entries.slice(onDisk.count));
    const at = onDisk.size - TAIL_BYTES.length;
    this.#onDisk = undefined;
    const handle = await this.#openForAppend(this.path);
    try {
      await writeAt(handle, bytes, at);
      await handle.datasync();
    } catch (error) {
      await restoreClosing(handle, onDisk.size).then(
        () => {
          this.#onDisk = onDisk;
        },
        () => undefined,
      );
      throw error;
    } finally {
      await handle.close();
    }
    this.#onDisk = { count: entries.length, last, size: at + bytes.length };
  }

  #remember(entries: readonly AuditEntry[], bytes: Buffer): void {
    const last = entries.at(-1);
    const appendable =
      last !== undefined &&
      bytes.subarray(0, HEAD_BYTES.length).equals(HEAD_BYTES) &&
      bytes.subarray(bytes.length - TAIL_BYTES.length).equals(TAIL_BYTES);
    this.#onDisk = appendable ? { count: entries.length, last, size: bytes.length } : undefined;
  }
}

/** Puts a segment back to its `size` bytes ending in the closing, after a failed append. */
async function restoreClosing(handle: AppendHandle, size: number): Promise<void> {
  await handle.truncate(size);
  await writeAt(handle, TAIL_BYTES, size - TAIL_BYTES.length);
  await handle.datasync();
}
