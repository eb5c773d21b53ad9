import { readFile } from 'node:fs/promises';
import { computeEntryHash, GENESIS_HASH } from './canonical-json.js';
import { listSegments } from './segment-file.js';
import type { VerifyResult } from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readText(path: string): Promise<string | Error> {
  return readFile(path, 'utf8').catch((error: unknown) =>
    error instanceof Error ? error : new Error(String(error)),
  );
}

/**
 * Verifies the whole chain in the audit directory `dir` (i.e. `<DATA_DIR>/audit`), streaming one
 * segment at a time (the next file is read while the current one is hashed). Checks, in order, for
 * every entry: the segment parses, seq continuity from 1, `prevHash` equals the previous entry's
 * `hash` (64 zeros for seq 1), and `hash` recomputes. Stops at the first failure and reports the
 * expected seq and the file. A missing or empty directory is an intact, empty chain. Never throws for
 * bad content; throws only if the directory cannot be listed.
 *
 * Limit (inherent to hash chains): deleting the newest entries or segments is not detectable without
 * an external copy of `headHash`.
 */
export async function verifyAuditDir(dir: string): Promise<VerifyResult> {
  const segments = await listSegments(dir);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let nextText = segments[0] === undefined ? undefined : readText(segments[0].path);
  for (let i = 0; i < segments.length; i++) {
    const file = segments[i]?.path ?? '';
    const text = await nextText;
    const following = segments[i + 1];
    nextText = following === undefined ? undefined : readText(following.path);
    const fail = (reason: string): VerifyResult => ({ ok: false, seq: expectedSeq, file, reason });
    if (text === undefined || text instanceof Error) return fail(`unreadable: ${text?.message ?? 'missing'}`);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return fail('segment is not valid JSON');
    }
    if (!isRecord(doc) || !Array.isArray(doc.entries)) return fail('segment is not {"entries": [...]}');
    for (const entry of doc.entries as unknown[]) {
      if (!isRecord(entry)) return fail('entry is not an object');
      if (entry.seq !== expectedSeq) return fail(`expected seq ${expectedSeq}, found ${String(entry.seq)}`);
      if (entry.prevHash !== prevHash) return fail('prevHash does not match the previous entry hash');
      if (typeof entry.hash !== 'string') return fail('hash is missing');
      if (computeEntryHash(entry as { prevHash: string }) !== entry.hash) {
        return fail('hash does not match the entry content');
      }
      prevHash = entry.hash;
      expectedSeq += 1;
    }
  }
  return { ok: true, entries: expectedSeq - 1, segments: segments.length, headHash: prevHash };
}
