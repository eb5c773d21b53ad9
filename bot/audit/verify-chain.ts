import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
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

/** Where a run of segments starts: fixed (seq 1 after the genesis hash) or taken from its first entry. */
export type RangeAnchor = { readonly seq: number; readonly prevHash: string } | undefined;

/** What verifying a run of consecutive segments found. `first*` describe its first entry, if any parsed. */
export type RangeResult =
  | {
      readonly ok: true;
      readonly entries: number;
      readonly firstSeq?: number;
      readonly firstPrevHash?: string;
      readonly firstFile?: string;
      readonly lastHash?: string;
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
 * taken as given and reported, for `stitchRanges` to check. The next file is read while the
 * current one is hashed. Never throws for bad content.
 */
export async function verifyRange(paths: readonly string[], anchor: RangeAnchor): Promise<RangeResult> {
  let expectedSeq = anchor?.seq;
  let prevHash = anchor?.prevHash;
  let entries = 0;
  let first: { firstSeq: number; firstPrevHash: string; firstFile: string } | undefined;
  let nextText = paths[0] === undefined ? undefined : readText(paths[0]);
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
      prevHash = entry.hash;
      expectedSeq += 1;
      entries += 1;
    }
  }
  return {
    ok: true,
    entries,
    ...(first ?? {}),
    ...(prevHash !== undefined && entries > 0 ? { lastHash: prevHash } : {}),
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
  return { ok: true, entries: expectedSeq - 1, segments: segmentCount, headHash: prevHash };
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './verify-worker.ts' : './verify-worker.js', import.meta.url);

/**
 * Starts the slice verifier on a worker thread. Built code loads `verify-worker.js` directly; when
 * running from TypeScript sources (tsx, vitest) the worker first registers tsx's loader, because
 * Node 20 workers do not inherit the parent's module hooks.
 */
function startWorker(paths: readonly string[]): Worker {
  const workerData = { paths };
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData });
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function verifyInWorker(paths: readonly string[]): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(paths);
    worker.once('message', (result: RangeResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`verify worker exited with ${code}`));
    });
  });
}

/** Below this many segments one thread is faster than starting workers. */
const PARALLEL_MIN_SEGMENTS = 64;

/**
 * Verifies the whole chain in the audit directory `dir` (i.e. `<DATA_DIR>/audit`), checking, for
 * every entry: the segment parses, seq continuity from 1, `prevHash` equals the previous entry's
 * `hash` (64 zeros for seq 1), and `hash` recomputes. Reports the first failure (its expected seq
 * and file). Large logs are split into contiguous slices verified on worker threads and stitched
 * (`threads`, default: the available cores); if workers cannot start, it verifies on one thread.
 * A missing or empty directory is an intact, empty chain. Never throws for bad content.
 *
 * Limit (inherent to hash chains): deleting the newest entries or segments is not detectable without
 * an external copy of `headHash`.
 */
export async function verifyAuditDir(dir: string, options: { threads?: number } = {}): Promise<VerifyResult> {
  const paths = (await listSegments(dir)).map((segment) => segment.path);
  const threads = Math.min(
    options.threads ?? availableParallelism(),
    Math.floor(paths.length / (PARALLEL_MIN_SEGMENTS / 2)),
  );
  if (threads >= 2 && paths.length >= PARALLEL_MIN_SEGMENTS) {
    const size = Math.ceil(paths.length / threads);
    const slices = Array.from({ length: threads }, (_, i) => paths.slice(i * size, (i + 1) * size)).filter(
      (s) => s.length > 0,
    );
    try {
      return stitchRanges(await Promise.all(slices.map((slice) => verifyInWorker(slice))), paths.length);
    } catch {
      // Workers unavailable (e.g. TypeScript sources without a loader in the worker): one thread.
    }
  }
  return stitchRanges([await verifyRange(paths, { seq: 1, prevHash: GENESIS_HASH })], paths.length);
}
