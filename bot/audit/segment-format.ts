/**
 * The on-disk layout of audit segments: file names, listing, and the exact bytes of a segment
 * (`{"entries":[` … one entry per line … `]}`) and of an in-place append. No I/O beyond listing
 * and cleaning the directory.
 */
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isStoredEntry } from './schema.js';
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

/** True when `value` is a segment document whose every entry has the stored shape. */
export function isStoredSegment(value: unknown): value is SegmentDoc {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = (value as { entries?: unknown }).entries;
  return Array.isArray(entries) && entries.every(isStoredEntry);
}

const SEGMENT_NAME = /^segment-(\d+)\.json$/;
const TEMP_NAME = /^\.(?:segment-\d+\.json|anchors\.json|anchors-head\.jsonl|anchors-sealed\.jsonl)\.tmp$/;

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

/** The whole content of a segment with no entries. */
export const EMPTY_SEGMENT = '{"entries":[]}\n';
const SEGMENT_HEAD = '{"entries":[\n';
const SEGMENT_TAIL = '\n]}\n';
/** The opening bytes of a non-empty segment, up to its first entry. */
export const HEAD_BYTES = Buffer.from(SEGMENT_HEAD);
/** The closing bytes of a non-empty segment, after its last entry (what an append overwrites). */
export const TAIL_BYTES = Buffer.from(SEGMENT_TAIL);

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

/** True when `bytes` open and close like a non-empty segment, so an append may overwrite the closing. */
export function hasAppendableFrame(bytes: Buffer): boolean {
  return (
    bytes.subarray(0, HEAD_BYTES.length).equals(HEAD_BYTES) &&
    bytes.subarray(bytes.length - TAIL_BYTES.length).equals(TAIL_BYTES)
  );
}
