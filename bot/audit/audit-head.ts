/**
 * Where the chain continues: the open (newest) segment as a lowdb document, and the seq, hash and
 * time of the newest entry. Loading it repairs a torn tail of the newest segment first.
 */
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Logger } from '../logger.js';
import { computeEntryHash, GENESIS_HASH } from './canonical-json.js';
import type { OpenForAppend } from './durable-file.js';
import { SegmentFile } from './segment-file.js';
import { listSegments, type SegmentDoc, segmentFileName } from './segment-format.js';

/** The open segment and the chain's newest entry (seq 0 and the genesis hash when empty). */
export interface AuditLogHead {
  readonly index: number;
  readonly low: Low<SegmentDoc>;
  readonly lastSeq: number;
  readonly lastHash: string;
  readonly lastAt?: string;
}

/** Freezes `value` and everything inside it; returns it. Entries handed out are never mutated. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** An empty lowdb document over segment `index` of `dir`. */
export function newSegmentLow(
  dir: string,
  index: number,
  openForAppend: OpenForAppend | undefined,
): Low<SegmentDoc> {
  return new Low<SegmentDoc>(new SegmentFile(join(dir, segmentFileName(index)), openForAppend), {
    entries: [],
  });
}

/** The segment file behind a head's lowdb document. */
export function segmentAdapter(low: Low<SegmentDoc>): SegmentFile {
  return low.adapter as SegmentFile;
}

/**
 * Closes the append handle of a segment that is no longer the open one (rotation, reload, close).
 * Its entries are already durable (fdatasync before acknowledging), so a close error is only logged.
 */
export async function releaseSegment(low: Low<SegmentDoc>, logger: Logger): Promise<void> {
  const file = segmentAdapter(low);
  await file.close().catch((error: unknown) => {
    logger.warn({ err: error, file: file.path }, 'audit: closing a segment file failed');
  });
}

/**
 * Loads the head of the chain in `dir`: only the newest segment (torn tail repaired and logged), and
 * older ones only while the newer are empty. Logs a warning when the newest entry does not hash
 * correctly. Throws what `SegmentFile.recover` throws for other damage.
 */
export async function loadHead(
  dir: string,
  logger: Logger,
  openForAppend: OpenForAppend | undefined,
): Promise<AuditLogHead> {
  const segments = await listSegments(dir);
  const newest = segments.at(-1);
  if (newest === undefined) {
    return { index: 1, low: newSegmentLow(dir, 1, openForAppend), lastSeq: 0, lastHash: GENESIS_HASH };
  }
  const file = new SegmentFile(newest.path, openForAppend);
  const recovered = await file.recover();
  const low = new Low<SegmentDoc>(file, deepFreeze(recovered?.doc ?? { entries: [] }));
  if (recovered?.repaired) {
    logger.warn(
      { file: newest.path, ...recovered.repaired },
      'audit: the newest segment ended in a torn write (a crash mid-append); cut back to its last whole entry',
    );
  }
  let tail = low.data.entries.at(-1);
  for (let i = segments.length - 2; tail === undefined && i >= 0; i--) {
    const older = segments[i];
    if (older !== undefined) tail = (await new SegmentFile(older.path).read())?.entries.at(-1);
  }
  if (tail !== undefined && computeEntryHash(tail) !== tail.hash) {
    logger.warn(
      { file: newest.path, seq: tail.seq },
      'audit: newest entry does not hash correctly; run audit:verify',
    );
  }
  return {
    index: newest.index,
    low,
    lastSeq: tail?.seq ?? 0,
    lastHash: tail?.hash ?? GENESIS_HASH,
    ...(tail ? { lastAt: tail.at } : {}),
  };
}
