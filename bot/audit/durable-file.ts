/**
 * File I/O of the audit store with its crash guarantees: atomic durable replacement (temp + fsync +
 * rename + directory fsync), positioned writes for in-place appends, and reads that name the file
 * when its JSON is broken.
 */
import { constants } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../errors.js';
import { segmentTempPath } from './segment-format.js';

/** The file operations an in-place append and a repair use; `FileHandle` has them. */
export interface AppendHandle {
  write(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
  /**
   * True when the file was opened with O_DSYNC: each write returns only once its bytes, and the
   * file size needed to read them, are on stable storage, exactly as if followed by `datasync()`.
   * A truncate is not covered: repairs still call `datasync()`.
   */
  readonly syncsEachWrite?: boolean;
}

/** Opens an existing segment file for writing in place (the seam tests use to fail writes). */
export type OpenForAppend = (path: string) => Promise<AppendHandle>;

/** An `OpenForAppend` without synchronised writes: `fs.promises.open(path, 'r+')`; the caller fdatasyncs. */
export const openReadWrite: OpenForAppend = (path) => open(path, 'r+');

/** Read-write with O_DSYNC, where the platform has it (Linux, macOS). */
const DSYNC_FLAGS = constants.O_DSYNC === undefined ? undefined : constants.O_RDWR | constants.O_DSYNC;

/**
 * The default `OpenForAppend` of segments: read-write with O_DSYNC where available, so an append is
 * durable when its write returns. That is one trip to the I/O pool per group commit instead of two
 * (write, then fdatasync), which at one entry per commit is a good part of a turn's wait. Falls back
 * to `openReadWrite` elsewhere (the caller then fdatasyncs).
 */
export const openSyncedReadWrite: OpenForAppend = async (path) => {
  if (DSYNC_FLAGS === undefined) return openReadWrite(path);
  const handle = await open(path, DSYNC_FLAGS);
  return {
    write: (buffer, offset, length, position) => handle.write(buffer, offset, length, position),
    datasync: () => handle.datasync(),
    truncate: (length) => handle.truncate(length),
    close: () => handle.close(),
    syncsEachWrite: true,
  };
};

/** Writes all of `data` at `position` (a single write call may write less). */
export async function writeAt(handle: AppendHandle, data: Buffer, position: number): Promise<void> {
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
  await syncDirectory(dirname(path));
}

/** Fsyncs directory `dir`, so a rename or removal in it survives power loss. Throws the I/O error. */
export async function syncDirectory(dir: string): Promise<void> {
  const dirHandle = await open(dir, 'r');
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

/** The bytes of `path`, or null when it does not exist; other I/O errors propagate. */
export async function readFileBytes(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Parses the text of audit file `path`; throws AppError('STORE_CORRUPT') naming the file when it is not valid JSON. */
export function parseAuditJson(path: string, text: string): unknown {
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
 * Reads a segment file as raw JSON. Returns null when it does not exist; throws
 * AppError('STORE_CORRUPT') naming the file when it is not valid JSON.
 */
export async function readSegmentJson(path: string): Promise<unknown> {
  const bytes = await readFileBytes(path);
  return bytes === null ? null : parseAuditJson(path, bytes.toString('utf8'));
}
