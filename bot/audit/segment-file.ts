/**
 * The lowdb adapter of one segment file: in-place appends that overwrite only the closing bytes,
 * atomic replacement for any other write, and the repair of a torn tail before appending again.
 */
import type { Adapter } from 'lowdb';
import { AppError } from '../errors.js';
import {
  type AppendHandle,
  type OpenForAppend,
  openSyncedReadWrite,
  parseAuditJson,
  readFileBytes,
  writeAt,
  writeFileDurably,
} from './durable-file.js';
import { segmentDocSchema } from './schema.js';
import {
  EMPTY_SEGMENT,
  encodeAppend,
  hasAppendableFrame,
  isStoredSegment,
  type SegmentDoc,
  serializeSegment,
  TAIL_BYTES,
} from './segment-format.js';
import { recoverSegment } from './segment-recovery.js';
import type { AuditEntry } from './types.js';

export type { AppendHandle, OpenForAppend } from './durable-file.js';

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

/** Cuts a segment to `size` bytes and (re)writes its closing at the end, durably. */
async function closeAt(handle: AppendHandle, size: number): Promise<void> {
  await handle.truncate(size);
  await writeAt(handle, TAIL_BYTES, size - TAIL_BYTES.length);
  await handle.datasync();
}

/**
 * lowdb adapter for one segment file, kept a whole `{"entries":[...]}` document after every write.
 * When the entries to write extend the ones last read or written (same objects, more at the end), a
 * write overwrites only the closing `\n]}\n` at the end of the file with the new entries and a new
 * closing (`encodeAppend`), durably (fdatasync, or an O_DSYNC write), through a handle kept open
 * between writes until `close`: bytes written are proportional to the new entries, and the bytes
 * of earlier (acknowledged) entries are never touched. Any other write (a new segment, a file in
 * another layout) replaces the file atomically (temp + fsync + rename). `read` validates (zod)
 * and throws AppError('STORE_CORRUPT') naming the file when the content is unparseable or not a
 * segment; it returns null when the file does not exist. `recover` also repairs a torn tail.
 */
export class SegmentFile implements Adapter<SegmentDoc> {
  readonly path: string;
  readonly #openForAppend: OpenForAppend;
  #onDisk: OnDisk | undefined;
  #handle: AppendHandle | undefined;

  constructor(path: string, openForAppend: OpenForAppend = openSyncedReadWrite) {
    this.path = path;
    this.#openForAppend = openForAppend;
  }

  async read(): Promise<SegmentDoc | null> {
    const bytes = await readFileBytes(this.path);
    if (bytes === null) return null;
    const doc = strictSegment(this.path, parseAuditJson(this.path, bytes.toString('utf8')));
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
    const bytes = await readFileBytes(this.path);
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
      await this.#dropHandle();
      await writeFileDurably(this.path, EMPTY_SEGMENT);
    } else {
      const size = found.validEnd + TAIL_BYTES.length;
      const handle = await this.#appendHandle();
      try {
        await handle.truncate(found.validEnd);
        await writeAt(handle, TAIL_BYTES, found.validEnd);
        await handle.datasync();
      } catch (error) {
        await this.#dropHandle();
        throw error;
      }
      this.#onDisk = { count: found.entries.length, last, size };
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
      // The replacement is a new file (a new inode): a handle on the old one must not outlive it.
      await this.#dropHandle();
      const bytes = Buffer.from(serializeSegment(doc), 'utf8');
      await writeFileDurably(this.path, bytes);
      if (last !== undefined) this.#onDisk = { count: entries.length, last, size: bytes.length };
      return;
    }
    const bytes = encodeAppend(entries.slice(onDisk.count));
    const at = onDisk.size - TAIL_BYTES.length;
    this.#onDisk = undefined;
    const handle = await this.#appendHandle();
    try {
      await writeAt(handle, bytes, at);
      if (handle.syncsEachWrite !== true) await handle.datasync();
    } catch (error) {
      await closeAt(handle, onDisk.size).then(
        () => {
          this.#onDisk = onDisk;
        },
        () => undefined,
      );
      // A handle that failed once is not trusted again: the next append opens the file afresh.
      await this.#dropHandle();
      throw error;
    }
    this.#onDisk = { count: entries.length, last, size: at + bytes.length };
  }

  /**
   * Closes the handle kept open for appends (if any). Call it when the segment is no longer the open
   * one (rotation) and when the log closes; a later write opens the file again.
   */
  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close();
  }

  /**
   * The handle appends and repairs write through, opened on first use and then kept: opening and
   * closing the file for every group commit cost two more trips to the I/O pool per commit, which
   * at low concurrency (one entry per commit) is most of an append's overhead. Durability is the
   * fdatasync after each write (or the O_DSYNC write itself, see `openSyncedReadWrite`), not the
   * close, so keeping it open changes nothing on disk.
   */
  async #appendHandle(): Promise<AppendHandle> {
    this.#handle ??= await this.#openForAppend(this.path);
    return this.#handle;
  }

  /** Forgets the kept handle and closes it, ignoring a close error (after an error or before a replacement). */
  async #dropHandle(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close().catch(() => undefined);
  }

  #remember(entries: readonly AuditEntry[], bytes: Buffer): void {
    const last = entries.at(-1);
    this.#onDisk =
      last !== undefined && hasAppendableFrame(bytes)
        ? { count: entries.length, last, size: bytes.length }
        : undefined;
  }
}
