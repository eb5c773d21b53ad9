import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { AppError } from '../errors.js';
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
 * what `SegmentFile.write` produces.
 */
export function serializeSegment(doc: SegmentDoc): string {
  if (doc.entries.length === 0) return EMPTY_SEGMENT;
  return `${SEGMENT_HEAD}${doc.entries.map((entry) => JSON.stringify(entry)).join(',\n')}${SEGMENT_TAIL}`;
}

const EMPTY_SEGMENT = '{"entries":[]}\n';
const SEGMENT_HEAD = '{"entries":[\n';
const SEGMENT_TAIL = '\n]}\n';
const MAX_CHUNKS = 32;

/**
 * Incremental encoder for one segment file. When the entries to write extend the last committed
 * ones (same objects, more at the end), only the new entries are stringified; earlier ones are reused
 * as UTF-8 chunks, so an append costs O(new entries) of main-thread work, not O(segment).
 */
export class SegmentEncoder {
  #count = 0;
  #last: AuditEntry | undefined;
  #chunks: readonly Buffer[] = [];

  /** Encodes `entries`; call `commit` once the bytes are durably written. Never throws. */
  encode(entries: readonly AuditEntry[]): { readonly bytes: Buffer; readonly commit: () => void } {
    if (entries.length === 0) return { bytes: Buffer.from(EMPTY_SEGMENT), commit: () => this.#reset() };
    const isExtension =
      this.#count > 0 && this.#count <= entries.length && entries[this.#count - 1] === this.#last;
    let chunks = isExtension ? [...this.#chunks] : [];
    const from = isExtension ? this.#count : 0;
    if (from < entries.length) {
      let text = '';
      for (let i = from; i < entries.length; i++)
        text += `${i === 0 ? '' : ',\n'}${JSON.stringify(entries[i])}`;
      chunks.push(Buffer.from(text, 'utf8'));
    }
    if (chunks.length > MAX_CHUNKS) chunks = [Buffer.concat(chunks)];
    const bytes = Buffer.concat([Buffer.from(SEGMENT_HEAD), ...chunks, Buffer.from(SEGMENT_TAIL)]);
    return {
      bytes,
      commit: () => {
        this.#count = entries.length;
        this.#last = entries.at(-1);
        this.#chunks = chunks;
      },
    };
  }

  #reset(): void {
    this.#count = 0;
    this.#last = undefined;
    this.#chunks = [];
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

/**
 * lowdb adapter for one segment file: compact incremental serialisation (SegmentEncoder), durable atomic
 * writes, and zod validation on read. `read` throws AppError('STORE_CORRUPT') naming the file when
 * the content is unparseable or not a segment; it returns null when the file does not exist.
 */
export class SegmentFile implements Adapter<SegmentDoc> {
  readonly path: string;
  readonly #encoder = new SegmentEncoder();

  constructor(path: string) {
    this.path = path;
  }

  async read(): Promise<SegmentDoc | null> {
    const raw = await readSegmentJson(this.path);
    if (raw === null) return null;
    if (isStoredSegment(raw)) return raw;
    const parsed = segmentDocSchema.safeParse(raw);
    const issue = parsed.success ? undefined : parsed.error.issues[0];
    throw new AppError('STORE_CORRUPT', {
      message: `Audit segment ${this.path} is not a valid segment (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`,
      details: { file: this.path },
    });
  }

  async write(doc: SegmentDoc): Promise<void> {
    const encoded = this.#encoder.encode(doc.entries);
    await writeFileDurably(this.path, encoded.bytes);
    encoded.commit();
  }
}
