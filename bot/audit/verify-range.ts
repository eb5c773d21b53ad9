/**
 * The chain walk of `audit:verify`: checks runs of consecutive segments (seq, prevHash links,
 * recomputed hashes, a torn tail of the newest) and stitches separately checked runs into one verdict.
 */
import { readFile } from 'node:fs/promises';
import { computeEntryHash, GENESIS_HASH } from './canonical-json.js';
import { recoverSegment } from './segment-recovery.js';
import type { AnchorStatus, VerifyResult } from './types.js';

/** The anchor status of a chain checked without a key. */
export const NOT_CHECKED: AnchorStatus = { checked: false, reason: 'no anchor key was given' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readText(path: string): Promise<string | Error> {
  return readFile(path, 'utf8').catch((error: unknown) =>
    error instanceof Error ? error : new Error(String(error)),
  );
}

/** Where a run of segments starts: fixed (seq 1 after the genesis hash) or taken from its first entry. */
export type RangeAnchor = { readonly seq: number; readonly prevHash: string } | undefined;

/**
 * What verifying a run of consecutive segments found. `first*` describe its first entry, if any
 * parsed; `checkpoints` holds `[seq, hash]` of every requested checkpoint seq met on the way.
 */
export type RangeResult =
  | {
      readonly ok: true;
      readonly entries: number;
      readonly firstSeq?: number;
      readonly firstPrevHash?: string;
      readonly firstFile?: string;
      readonly lastHash?: string;
      readonly checkpoints?: readonly (readonly [number, string])[];
      readonly tornTail?: { readonly file: string; readonly droppedBytes: number };
    }
  | {
      readonly ok: false;
      readonly seq: number;
      readonly file: string;
      readonly reason: string;
      readonly firstSeq?: number;
      readonly firstPrevHash?: string;
      readonly firstFile?: string;
    };

/**
 * Verifies consecutive segment files: every segment parses, seq rises by one, `prevHash` links to
 * the previous entry's `hash`, and every `hash` recomputes. With an anchor the first entry must
 * continue it; without one (a slice checked in parallel) the first entry's seq and prevHash are
 * taken as given and reported, for `stitchRanges` to check. The stored hash of every seq in
 * `checkpoints` (anchored seqs) is collected on the way. The next file is read while the current
 * one is hashed. With `tornTailOk` (the slice ends with the newest segment), a last file that ends in
 * a torn write is verified up to its last whole entry and reported as `tornTail`. Never throws for
 * bad content. Resolves only once no read it started is still in flight.
 */
export async function verifyRange(
  paths: readonly string[],
  anchor: RangeAnchor,
  checkpoints: readonly number[] = [],
  tornTailOk = false,
): Promise<RangeResult> {
  const wanted = new Set(checkpoints);
  const found: [number, string][] = [];
  let expectedSeq = anchor?.seq;
  let prevHash = anchor?.prevHash;
  let entries = 0;
  let first: { firstSeq: number; firstPrevHash: string; firstFile: string } | undefined;
  let tornTail: { file: string; droppedBytes: number } | undefined;
  let nextText = paths[0] === undefined ? undefined : readText(paths[0]);
  try {
    for (let i = 0; i < paths.length; i++) {
      const file = paths[i] ?? '';
      const text = await nextText;
      const following = paths[i + 1];
      nextText = following === undefined ? undefined : readText(following);
      const fail = (reason: string): RangeResult => ({
        ok: false,
        seq: expectedSeq ?? first?.firstSeq ?? 1,
        file,
        reason,
        ...(first ?? {}),
      });
      if (text === undefined || text instanceof Error) {
        return fail(`unreadable: ${text?.message ?? 'missing'}`);
      }
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch {
        if (!tornTailOk || following !== undefined) return fail('segment is not valid JSON');
        const bytes = await readFile(file).catch(() => Buffer.alloc(0));
        const recovered = recoverSegment(bytes);
        if (recovered.kind !== 'torn') return fail('segment is not valid JSON');
        doc = { entries: recovered.entries };
        tornTail = { file, droppedBytes: recovered.droppedBytes };
      }
      if (!isRecord(doc) || !Array.isArray(doc.entries)) return fail('segment is not {"entries": [...]}');
      for (const entry of doc.entries as unknown[]) {
        if (!isRecord(entry)) return fail('entry is not an object');
        if (expectedSeq === undefined || prevHash === undefined) {
          if (
            typeof entry.seq !== 'number' ||
            !Number.isInteger(entry.seq) ||
            typeof entry.prevHash !== 'string'
          ) {
            return fail('entry has no usable seq or prevHash');
          }
          expectedSeq = entry.seq;
          prevHash = entry.prevHash;
        }
        first ??= { firstSeq: expectedSeq, firstPrevHash: prevHash, firstFile: file };
        if (entry.seq !== expectedSeq) return fail(`expected seq ${expectedSeq}, found ${String(entry.seq)}`);
        if (entry.prevHash !== prevHash) return fail('prevHash does not match the previous entry hash');
        if (typeof entry.hash !== 'string') return fail('hash is missing');
        if (computeEntryHash(entry as { prevHash: string }) !== entry.hash) {
          return fail('hash does not match the entry content');
        }
        if (wanted.has(expectedSeq)) found.push([expectedSeq, entry.hash]);
        prevHash = entry.hash;
        expectedSeq += 1;
        entries += 1;
      }
    }
  } finally {
    // The read-ahead of the next file is still in flight after an early return. A worker is
    // terminated as soon as it answers, and a read cut off that way never closes its descriptor.
    await nextText;
  }
  return {
    ok: true,
    entries,
    ...(first ?? {}),
    ...(prevHash !== undefined && entries > 0 ? { lastHash: prevHash } : {}),
    ...(found.length > 0 ? { checkpoints: found } : {}),
    ...(tornTail ? { tornTail } : {}),
  };
}

/**
 * Joins the results of consecutive, separately verified slices into one verdict: each slice must
 * start exactly where the previous one ended (seq + 1, prevHash = previous hash; seq 1 after the
 * genesis hash for the first). Reports the first problem in chain order. Pure.
 */
export function stitchRanges(results: readonly RangeResult[], segmentCount: number): VerifyResult {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const result of results) {
    if (result.firstSeq !== undefined && result.firstPrevHash !== undefined) {
      const file = result.firstFile ?? '';
      if (result.firstSeq !== expectedSeq) {
        return {
          ok: false,
          seq: expectedSeq,
          file,
          reason: `expected seq ${expectedSeq}, found ${result.firstSeq}`,
        };
      }
      if (result.firstPrevHash !== prevHash) {
        return {
          ok: false,
          seq: expectedSeq,
          file,
          reason: 'prevHash does not match the previous entry hash',
        };
      }
    }
    if (!result.ok) return { ok: false, seq: result.seq, file: result.file, reason: result.reason };
    if (result.entries > 0 && result.lastHash !== undefined) {
      expectedSeq += result.entries;
      prevHash = result.lastHash;
    }
  }
  const last = results.at(-1);
  const tornTail = last?.ok ? last.tornTail : undefined;
  return {
    ok: true,
    entries: expectedSeq - 1,
    segments: segmentCount,
    headHash: prevHash,
    anchor: NOT_CHECKED,
    ...(tornTail ? { tornTail } : {}),
  };
}
