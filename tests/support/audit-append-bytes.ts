import { readFileSync } from 'node:fs';
import { openAuditLog } from '../../bot/audit/audit-log.js';
import type { AuditEventInput } from '../../bot/audit/types.js';

/**
 * Bytes this process has passed to write-type system calls so far (`wchar` of /proc/self/io), or
 * undefined where that file does not exist (not Linux). Counts every write, so measure only around
 * work that writes nothing else.
 */
export function writtenBytes(): number | undefined {
  try {
    const match = /^wchar:\s*(\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

/** Bytes written by the append that made the open segment hold `fill` entries. */
export interface AppendBytes {
  readonly fill: number;
  readonly bytes: number;
  /** Size of the entry as stored (its line, without the separator). */
  readonly entryBytes: number;
}

/**
 * Opens a fresh log in `dataDir` (no anchors, so nothing else writes) and appends one at a time up to
 * the largest of `fills`; for each fill, records the bytes written (`writtenBytes` delta) by the
 * append that brought the open segment to that many entries. Undefined when `writtenBytes` is.
 */
export async function measureAppendBytes(
  dataDir: string,
  fills: readonly number[],
  eventOf: (i: number) => AuditEventInput,
  segmentMaxEntries = 1_000,
): Promise<AppendBytes[] | undefined> {
  if (writtenBytes() === undefined) return undefined;
  const wanted = new Set(fills);
  const last = Math.max(...fills);
  const log = await openAuditLog({ dataDir, segmentMaxEntries });
  const results: AppendBytes[] = [];
  try {
    for (let n = 1; n <= last; n++) {
      const before = writtenBytes() ?? 0;
      const entry = await log.append(eventOf(n));
      const after = writtenBytes() ?? 0;
      if (wanted.has(n)) {
        results.push({
          fill: n,
          bytes: after - before,
          entryBytes: Buffer.byteLength(JSON.stringify(entry)),
        });
      }
    }
  } finally {
    await log.close();
  }
  return results;
}
