import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { anchorKeyId } from './anchor-key.js';
import { canonicalJson, GENESIS_HASH } from './canonical-json.js';

/** Format version of the legacy anchors file (`anchors.json`, one document rewritten whole). */
export const ANCHORS_VERSION = 1;

const HASH = z.string().regex(/^[0-9a-f]{64}$/);

export const sealedAnchorSchema = z
  .object({ segment: z.number().int().min(1), seq: z.number().int().min(1), hash: HASH, mac: HASH })
  .strict();

export const headAnchorSchema = z
  .object({
    segment: z.number().int().min(0),
    seq: z.number().int().min(0),
    hash: HASH,
    at: z.string(),
    sealed: z.number().int().min(0),
    mac: HASH,
  })
  .strict();

export const anchorsDocSchema = z
  .object({
    version: z.literal(ANCHORS_VERSION),
    kid: z.string().regex(/^[0-9a-f]{16}$/),
    sealed: z.array(sealedAnchorSchema),
    head: headAnchorSchema,
  })
  .strict();

/** The last entry of a sealed (complete) segment, MAC'd: `seq` and `hash` of that entry. */
export type SealedAnchor = z.infer<typeof sealedAnchorSchema>;

/**
 * The chain head when the file was written: `seq`/`hash` of the newest durable entry (seq 0 and the
 * genesis hash for an empty chain), the segment holding it, when, and how many sealed anchors the
 * file held then (so removing sealed records is detected too).
 */
export type HeadAnchor = z.infer<typeof headAnchorSchema>;

/**
 * The anchors as loaded (from the slot files, or from a legacy `anchors.json` of this shape):
 * `kid` names the key (`anchorKeyId`), never reveals it.
 */
export type AnchorsDoc = z.infer<typeof anchorsDocSchema>;

function macOf(key: Buffer, kind: 'sealed' | 'head', fields: Record<string, unknown>): string {
  return createHmac('sha256', key)
    .update(`audit-anchor:${kind}:`)
    .update(canonicalJson(fields))
    .digest('hex');
}

function macMatches(expected: string, actual: string): boolean {
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(actual, 'hex'));
}

/** A sealed-segment anchor for the last entry (`seq`, `hash`) of segment `segment`. Pure. */
export function sealAnchor(key: Buffer, segment: number, seq: number, hash: string): SealedAnchor {
  return { segment, seq, hash, mac: macOf(key, 'sealed', { segment, seq, hash }) };
}

/** A head anchor; `sealed` is the number of sealed anchors written beside it. Pure. */
export function headAnchor(
  key: Buffer,
  head: { segment: number; seq: number; hash: string; at: string; sealed: number },
): HeadAnchor {
  return { ...head, mac: macOf(key, 'head', head) };
}

/** A problem the anchors reveal; `seq` is the anchored seq concerned (0 for the file as a whole). */
export interface AnchorProblem {
  readonly seq: number;
  readonly reason: string;
}

/**
 * Checks that the anchors were written with `key` and not edited: the key id matches, every
 * record's MAC verifies, and every sealed record the head was sealed over is still there (records
 * for as many different segments as the head counts). Returns the first problem, or undefined. Pure.
 */
export function checkAnchorIntegrity(doc: AnchorsDoc, key: Buffer): AnchorProblem | undefined {
  const kid = anchorKeyId(key);
  if (doc.kid !== kid) {
    return {
      seq: 0,
      reason: `the anchors were sealed with a different key (key id ${doc.kid}; this SECRET_KEY gives ${kid}): verify with the SECRET_KEY the bot runs with`,
    };
  }
  for (const record of doc.sealed) {
    const { mac, ...fields } = record;
    if (!macMatches(macOf(key, 'sealed', fields), mac)) {
      return {
        seq: record.seq,
        reason: `the anchor for seq ${record.seq} (segment ${record.segment}) fails its MAC check: the anchors file was edited`,
      };
    }
  }
  const { mac, ...fields } = doc.head;
  if (!macMatches(macOf(key, 'head', fields), mac)) {
    return {
      seq: doc.head.seq,
      reason: `the head anchor (seq ${doc.head.seq}) fails its MAC check: the anchors file was edited`,
    };
  }
  // More records than the head counts is a crash between appending a seal and writing the head
  // (each record carries its own MAC); fewer, or one segment twice, means records were removed.
  const segments = new Set(doc.sealed.map((record) => record.segment));
  if (segments.size < doc.head.sealed) {
    return {
      seq: doc.head.seq,
      reason: `the anchors hold ${segments.size} sealed-segment anchors but the head was sealed over ${doc.head.sealed}: anchor records were removed`,
    };
  }
  return undefined;
}

/** Every seq the anchors name (sealed and head), ascending, without duplicates. */
export function anchoredSeqs(doc: AnchorsDoc): number[] {
  return [...new Set([...doc.sealed.map((record) => record.seq), doc.head.seq])].sort((a, b) => a - b);
}

/** What the chain holds, as far as the anchors need it. */
export interface ChainFacts {
  /** Seq of the newest entry (0 for an empty chain). */
  readonly lastSeq: number;
  /** The stored `hash` of entry `seq`, or undefined when the chain has no such entry. */
  hashAt(seq: number): string | undefined;
}

/**
 * Compares the chain with its (integrity-checked) anchors, in seq order: every anchored seq must
 * exist and carry the anchored hash. A chain longer than its newest anchor is fine (the anchor lags
 * the chain by design; a crash can leave it behind); shorter or different is not. Returns the first
 * problem, or undefined. Pure.
 */
export function compareChainWithAnchors(doc: AnchorsDoc, chain: ChainFacts): AnchorProblem | undefined {
  const records = [
    ...doc.sealed.map((record) => ({ ...record, what: `segment ${record.segment}` })),
    { ...doc.head, what: 'the head anchor' },
  ].sort((a, b) => a.seq - b.seq);
  for (const record of records) {
    if (record.seq > chain.lastSeq) {
      return {
        seq: record.seq,
        reason: `the chain ends at seq ${chain.lastSeq} but the anchor (${record.what}) says ${record.seq}: entries were cut off the end`,
      };
    }
    const actual = record.seq === 0 ? GENESIS_HASH : chain.hashAt(record.seq);
    if (actual !== record.hash) {
      return {
        seq: record.seq,
        reason: `the anchor for seq ${record.seq} (${record.what}) says hash ${record.hash}, the chain has ${actual ?? 'no entry'}: entries up to seq ${record.seq} were changed, removed or re-hashed`,
      };
    }
  }
  return undefined;
}
