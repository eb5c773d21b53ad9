/**
 * The anchors check of `audit:verify`: loads and authenticates the anchors (anchor-files.ts), then judges an intact
 * chain against it (a cut tail or a re-hashed chain fails; entries newer than the anchor are counted).
 */
import { readAnchors } from './anchor-files.js';
import {
  type AnchorProblem,
  type AnchorsDoc,
  checkAnchorIntegrity,
  compareChainWithAnchors,
} from './anchors.js';
import type { VerifyResult } from './types.js';

/** The anchors as `verifyAuditDir` found them before walking the chain. */
export type LoadedAnchors =
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'bad'; readonly problem: AnchorProblem }
  | { readonly kind: 'ok'; readonly doc: AnchorsDoc };

/** Reads and MAC-checks the anchors of `dir`; `none` without a key. Never throws. */
export async function loadAnchors(dir: string, anchorKey: Buffer | undefined): Promise<LoadedAnchors> {
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
export function judgeAnchors(
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
