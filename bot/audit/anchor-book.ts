import { join } from 'node:path';
import { AppError } from '../errors.js';
import {
  anchorsPath,
  appendSealed,
  createHeadFile,
  migrateLegacyAnchors,
  readAnchorFiles,
  removeLegacyAnchors,
  writeHeadSlot,
} from './anchor-files.js';
import { anchorKeyId } from './anchor-key.js';
import {
  checkAnchorIntegrity,
  compareChainWithAnchors,
  headAnchor,
  type SealedAnchor,
  sealAnchor,
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

/** Where the writer continues the anchor files (see anchor-files.ts). */
interface FilePosition {
  /** Whether the head file exists (else the next write creates it). */
  headExists: boolean;
  /** The head slot the next write overwrites. */
  nextSlot: 0 | 1;
  /** End of the whole lines of the sealed file. */
  sealedBytes: number;
  /** Sealed records on disk. */
  sealedCount: number;
  /** Highest sealed segment on disk or pending (0 for none). */
  lastSealedSegment: number;
}

/**
 * The writer's side of the audit anchors: appends each sealed-segment anchor to the sealed file
 * and overwrites the older head slot with the current head (anchor-files.ts), so an anchor write
 * costs one small slot (plus a line when a segment was sealed) whatever the log's length. Only
 * heads whose entries are already durable are anchored, so after a crash the anchor can only lag
 * the chain, never lead it. Writes are not concurrent: the caller serialises them.
 */
export class AnchorBook {
  readonly #dir: string;
  readonly #key: Buffer;
  readonly #kid: string;
  readonly #clock: () => Date;
  readonly #position: FilePosition;
  #pending: SealedAnchor[] = [];
  #anchoredSeq: number;

  private constructor(
    dir: string,
    key: Buffer,
    clock: () => Date,
    position: FilePosition,
    anchoredSeq: number,
  ) {
    this.#dir = dir;
    this.#key = key;
    this.#kid = anchorKeyId(key);
    this.#clock = clock;
    this.#position = position;
    this.#anchoredSeq = anchoredSeq;
  }

  /**
   * Loads the anchors of the audit directory `dir` and checks the chain head found on disk against
   * them before anything new is anchored (re-anchoring a cut or re-hashed chain would erase the
   * evidence): they must carry this key's MACs, and the anchored head must still be in the chain
   * with the same hash. A legacy `anchors.json` that passes is migrated to the slot files. Without
   * any anchors, anchors `head` as found (first start, or an existing log from before anchors) and
   * reports `created`. Throws AppError('STORE_CORRUPT') naming the anchors file when they are
   * malformed, were edited, were made with another key, or contradict the chain.
   */
  static async open(
    dir: string,
    key: Buffer,
    head: ChainHead,
    clock: () => Date,
  ): Promise<{ book: AnchorBook; opening: AnchorOpening }> {
    const loaded = await readAnchorFiles(dir);
    if (loaded === null) {
      const fresh: FilePosition = {
        headExists: false,
        nextSlot: 0,
        sealedBytes: 0,
        sealedCount: 0,
        lastSealedSegment: 0,
      };
      const book = new AnchorBook(dir, key, clock, fresh, -1);
      await book.write(head);
      return { book, opening: 'created' };
    }
    const { doc } = loaded;
    const refuse = (reason: string): never => {
      const file = anchorsPath(dir);
      throw new AppError('STORE_CORRUPT', {
        message: `Audit log does not match its anchors (${file}): ${reason}. Run \`npm run audit:verify\`; if DATA_DIR was restored from a backup, restore audit/ including its anchors files from one consistent copy`,
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
    let sealedBytes = loaded.sealedBytes;
    if (loaded.format === 'legacy') sealedBytes = await migrateLegacyAnchors(dir, doc);
    else await removeLegacyAnchors(dir);
    const position: FilePosition = {
      headExists: true,
      nextSlot: loaded.format === 'legacy' ? 1 : loaded.newestSlot === 0 ? 1 : 0,
      sealedBytes,
      sealedCount: doc.sealed.length,
      lastSealedSegment: Math.max(0, ...doc.sealed.map((record) => record.segment)),
    };
    return { book: new AnchorBook(dir, key, clock, position, anchored.seq), opening: 'existing' };
  }

  /** Seq of the newest head written to the anchors (-1 before the first write). */
  get anchoredSeq(): number {
    return this.#anchoredSeq;
  }

  /** Records that segment `segment` is complete, ending with entry `seq` / `hash`. In memory until `write`. */
  seal(segment: number, seq: number, hash: string): void {
    if (segment <= this.#position.lastSealedSegment) return;
    this.#position.lastSealedSegment = segment;
    this.#pending.push(sealAnchor(this.#key, segment, seq, hash));
  }

  /**
   * Appends the pending sealed anchors (durably), then writes `head` over the older head slot,
   * counting every sealed record on disk. Throws the I/O error (what failed is retried next time).
   */
  async write(head: ChainHead): Promise<void> {
    const position = this.#position;
    if (this.#pending.length > 0) {
      const pending = [...this.#pending];
      position.sealedBytes = await appendSealed(this.#dir, position.sealedBytes, pending);
      position.sealedCount += pending.length;
      this.#pending = this.#pending.slice(pending.length);
    }
    const anchor = headAnchor(this.#key, {
      segment: head.segment,
      seq: head.seq,
      hash: head.hash,
      at: this.#clock().toISOString(),
      sealed: position.sealedCount,
    });
    if (!position.headExists) {
      await createHeadFile(this.#dir, this.#kid, anchor);
      position.headExists = true;
      position.nextSlot = 1;
    } else {
      await writeHeadSlot(this.#dir, position.nextSlot, this.#kid, anchor);
      position.nextSlot = position.nextSlot === 0 ? 1 : 0;
    }
    this.#anchoredSeq = head.seq;
  }
}

async function findHash(dir: string, segment: number, seq: number): Promise<string | undefined> {
  const doc = await new SegmentFile(join(dir, segmentFileName(segment))).read().catch(() => null);
  return doc?.entries.find((entry) => entry.seq === seq)?.hash;
}
