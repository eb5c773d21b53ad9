/**
 * `audit:verify` over a whole audit directory: runs the chain walk on one thread or, for large
 * logs, on worker threads over contiguous slices, then the anchors check.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { anchorsPath } from './anchor-files.js';
import { anchoredSeqs } from './anchors.js';
import { GENESIS_HASH } from './canonical-json.js';
import { listSegments } from './segment-format.js';
import type { VerifyResult } from './types.js';
import { judgeAnchors, loadAnchors } from './verify-anchors.js';
import { type RangeResult, stitchRanges, verifyRange } from './verify-range.js';

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
