import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  type AnchorProblem,
  type AnchorsDoc,
  anchoredSeqs,
  anchorsPath,
  checkAnchorIntegrity,
  compareChainWithAnchors,
  readAnchors,
} from './anchors.js';
import { computeEntryHash, GENESIS_HASH } from './canonical-json.js';
import { listSegments } from './segment-format.js';
import { recoverSegment } from './segment-recovery.js';
import type { AnchorStatus, VerifyResult } from './types.js';

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
 * bad content.
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

const NOT_CHECKED: AnchorStatus = { checked: false, reason: 'no anchor key was given' };

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './verify-worker.ts' : './verify-worker.js', import.meta.url);

/**
 * Starts the slice verifier on a worker thread. Built code loads `verify-worker.js` directly; when
 * running from TypeScript sources (tsx, vitest) the worker first registers tsx's loader, because
 * Node 20 workers do not inherit the parent's module hooks.
 */
function startWorker(paths: readonly string[], checkpoints: readonly number[], tornTailOk: boolean): Worker {
  const workerData = { paths, checkpoints, tornTailOk };
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData });
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function verifyInWorker(
  paths: readonly string[],
  checkpoints: readonly number[],
  tornTailOk: boolean,
): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(paths, checkpoints, tornTailOk);
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

/** The anchors as `verifyAuditDir` found them before walking the chain. */
type LoadedAnchors =
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'bad'; readonly problem: AnchorProblem }
  | { readonly kind: 'ok'; readonly doc: AnchorsDoc };

async function loadAnchors(dir: string, anchorKey: Buffer | undefined): Promise<LoadedAnchors> {
  if (anchorKey === undefined) return { kind: 'none', reason: 'no anchor key was given' };
  let doc: AnchorsDoc | null;
  try {
    doc = await readAnchors(dir);
  } catch (error) {
    return {
      kind: 'bad',
      problem: { seq: 0, reason: error instanceof Error ? error.message : String(error) },
    };
  }
  if (doc === null) return { kind: 'missing' };
  const problem = checkAnchorIntegrity(doc, anchorKey);
  return problem ? { kind: 'bad', problem } : { kind: 'ok', doc };
}

/**
 * Turns an intact chain plus its anchors into the final verdict: a chain shorter than, or different
 * from, an anchored head fails (naming the anchors file); a chain longer than its newest anchor is
 * intact (the anchor lags by design) and the unanchored entries are counted.
 */
function judgeAnchors(
  chain: Extract<VerifyResult, { ok: true }>,
  anchors: LoadedAnchors,
  hashes: ReadonlyMap<number, string>,
  file: string,
): VerifyResult {
  const fail = (problem: AnchorProblem): VerifyResult => ({
    ok: false,
    seq: problem.seq,
    file,
    reason: problem.reason,
  });
  switch (anchors.kind) {
    case 'none':
      return { ...chain, anchor: { checked: false, reason: anchors.reason } };
    case 'bad':
      return fail(anchors.problem);
    case 'missing':
      if (chain.entries === 0) return { ...chain, anchor: { checked: true, anchoredSeq: 0, unanchored: 0 } };
      return fail({
        seq: 0,
        reason: `there is no anchors file although the chain has ${chain.entries} entries: it was deleted, or the log was written without SECRET_KEY (the bot anchors an existing chain when it starts)`,
      });
    case 'ok': {
      const problem = compareChainWithAnchors(anchors.doc, {
        lastSeq: chain.entries,
        hashAt: (seq) => hashes.get(seq),
      });
      if (problem) return fail(problem);
      return {
        ...chain,
        anchor: {
          checked: true,
          anchoredSeq: anchors.doc.head.seq,
          anchoredAt: anchors.doc.head.at,
          unanchored: chain.entries - anchors.doc.head.seq,
        },
      };
    }
  }
}

/**
 * Verifies the whole chain in the audit directory `dir` (i.e. `<DATA_DIR>/audit`), checking, for
 * every entry: the segment parses, seq continuity from 1, `prevHash` equals the previous entry's
 * `hash` (64 zeros for seq 1), and `hash` recomputes. Reports the first failure (its expected seq
 * and file). Large logs are split into contiguous slices verified on worker threads and stitched
 * (`threads`, default: the available cores); if workers cannot start, it verifies on one thread.
 * A missing or empty directory is an intact, empty chain. Never throws for bad content.
 *
 * With `anchorKey` (derived from SECRET_KEY, see `deriveAuditAnchorKey`) it also checks the
 * anchors file: it must be MAC'd with that key, and every anchored seq must exist with the anchored
 * hash, so a cut tail or a chain re-hashed after removing or editing entries fails even though each
 * link is consistent. Only entries newer than the newest anchor (normally the last second of
 * activity) are not covered. Without a key, `anchor.checked` is false and says why. A torn tail of
 * the newest segment (a crash mid-append the bot has not repaired yet) is not a failure: the chain is
 * verified up to its last whole entry and the result names it (`tornTail`).
 */
export async function verifyAuditDir(
  dir: string,
  options: { threads?: number; anchorKey?: Buffer } = {},
): Promise<VerifyResult> {
  const anchors = await loadAnchors(dir, options.anchorKey);
  const checkpoints = anchors.kind === 'ok' ? anchoredSeqs(anchors.doc) : [];
  const paths = (await listSegments(dir)).map((segment) => segment.path);
  const threads = Math.min(
    options.threads ?? availableParallelism(),
    Math.floor(paths.length / (PARALLEL_MIN_SEGMENTS / 2)),
  );
  let results: RangeResult[] | undefined;
  if (threads >= 2 && paths.length >= PARALLEL_MIN_SEGMENTS) {
    const size = Math.ceil(paths.length / threads);
    const slices = Array.from({ length: threads }, (_, i) => paths.slice(i * size, (i + 1) * size)).filter(
      (s) => s.length > 0,
    );
    try {
      results = await Promise.all(
        slices.map((slice, i) => verifyInWorker(slice, checkpoints, i === slices.length - 1)),
      );
    } catch {
      // Workers unavailable (e.g. TypeScript sources without a loader in the worker): one thread.
    }
  }
  results ??= [await verifyRange(paths, { seq: 1, prevHash: GENESIS_HASH }, checkpoints, true)];
  const chain = stitchRanges(results, paths.length);
  if (!chain.ok) return chain;
  const hashes = new Map<number, string>();
  for (const result of results) {
    if (result.ok) for (const [seq, hash] of result.checkpoints ?? []) hashes.set(seq, hash);
  }
  return judgeAnchors(chain, anchors, hashes, anchorsPath(dir));
}
