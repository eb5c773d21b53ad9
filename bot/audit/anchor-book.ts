import { join } from 'node:path';
import { AppError } from '../errors.js';
import { anchorKeyId } from './anchor-key.js';
import {
  ANCHORS_VERSION,
  type AnchorsDoc,
  anchorsPath,
  checkAnchorIntegrity,
  compareChainWithAnchors,
  headAnchor,
  readAnchors,
  type SealedAnchor,
  sealAnchor,
  writeAnchors,
} from './anchors.js';
import { SegmentFile } from './segment-file.js';
import { segmentFileName } from './segment-format.js';

/** The chain head the writer anchors: newest entry's seq and hash and the segment holding it. */
export interface ChainHead {
  readonly segment: number;
  readonly seq: number;
  readonly hash: string;
}

/** How `AnchorBook.open` found the anchors file. */
export type AnchorOpening = 'created' | 'existing';

/**
 * The writer's side of the audit anchors: keeps the sealed-segment anchors in memory and rewrites
 * `anchors.json` (atomically, durably) with them plus the current head. Only heads whose entries
 * are already durable are anchored, so after a crash the anchor can only lag the chain, never lead it.
 * Writes are not concurrent: the caller serialises them.
 */
export class AnchorBook {
  readonly #dir: string;
  readonly #key: Buffer;
  readonly #kid: string;
  readonly #clock: () => Date;
  #sealed: SealedAnchor[];
  #anchoredSeq: number;

  private constructor(
    dir: string,
    key: Buffer,
    clock: () => Date,
    sealed: SealedAnchor[],
    anchoredSeq: number,
  ) {
    this.#dir = dir;
    this.#key = key;
    this.#kid = anchorKeyId(key);
    this.#clock = clock;
    this.#sealed = sealed;
    this.#anchoredSeq = anchoredSeq;
  }

  /**
   * Loads the anchors of the audit directory `dir` and checks the chain head found on disk against
   * them before anything new is anchored (re-anchoring a cut or re-hashed chain would erase the
   * evidence): the file must carry this key's MACs, and the anchored head must still be in the chain
   * with the same hash. Without an anchors file, anchors `head` as found (first start, or an existing
   * log from before anchors) and reports `created`. Throws AppError('STORE_CORRUPT') naming the anchors
   * file when it is malformed, was edited, was made with another key, or contradicts the chain.
   */
  static async open(
    dir: string,
    key: Buffer,
    head: ChainHead,
    clock: () => Date,
  ): Promise<{ book: AnchorBook; opening: AnchorOpening }> {
    const doc = await readAnchors(dir);
    if (doc === null) {
      const book = new AnchorBook(dir, key, clock, [], -1);
      await book.write(head);
      return { book, opening: 'created' };
    }
    const refuse = (reason: string): never => {
      const file = anchorsPath(dir);
      throw new AppError('STORE_CORRUPT', {
        message: `Audit log does not match its anchors (${file}): ${reason}. Run \`npm run audit:verify\`; if DATA_DIR was restored from a backup, restore audit/ including anchors.json from one consistent copy`,
        details: { file },
      });
    };
    const integrity = checkAnchorIntegrity(doc, key);
    if (integrity) refuse(integrity.reason);
    const anchored = doc.head;
    const hashAtAnchor =
      anchored.seq === head.seq
        ? head.hash
        : anchored.seq < head.seq
          ? await findHash(dir, anchored.segment, anchored.seq)
          : undefined;
    const problem = compareChainWithAnchors(
      { ...doc, sealed: [] },
      { lastSeq: head.seq, hashAt: (seq) => (seq === anchored.seq ? hashAtAnchor : undefined) },
    );
    if (problem) refuse(problem.reason);
    return { book: new AnchorBook(dir, key, clock, [...doc.sealed], anchored.seq), opening: 'existing' };
  }

  /** Seq of the newest head written to the anchors file (-1 before the first write). */
  get anchoredSeq(): number {
    return this.#anchoredSeq;
  }

  /** Records that segment `segment` is complete, ending with entry `seq` / `hash`. In memory until `write`. */
  seal(segment: number, seq: number, hash: string): void {
    if (this.#sealed.some((record) => record.segment === segment)) return;
    this.#sealed.push(sealAnchor(this.#key, segment, seq, hash));
  }

  /** Rewrites the anchors file with every sealed anchor and `head`. Throws the I/O error. */
  async write(head: ChainHead): Promise<void> {
    const sealed = [...this.#sealed];
    const doc: AnchorsDoc = {
      version: ANCHORS_VERSION,
      kid: this.#kid,
      sealed,
      head: headAnchor(this.#key, {
        segment: head.segment,
        seq: head.seq,
        hash: head.hash,
        at: this.#clock().toISOString(),
        sealed: sealed.length,
      }),
    };
    await writeAnchors(this.#dir, doc);
    this.#anchoredSeq = head.seq;
  }
}

async function findHash(dir: string, segment: number, seq: number): Promise<string | undefined> {
  const doc = await new SegmentFile(join(dir, segmentFileName(segment))).read().catch(() => null);
  return doc?.entries.find((entry) => entry.seq === seq)?.hash;
}
