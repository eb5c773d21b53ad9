/**
 * When the anchors are rewritten: at once after a segment is sealed or when enough entries are
 * unanchored, else a short delay after an append; one anchor write at a time, never in an append's
 * path. Also opens the anchor book and describes the audit entry for a chain anchored as found.
 */
import type { Logger } from '../logger.js';
import { AnchorBook, type ChainHead } from './anchor-book.js';
import type { AuditEventInput } from './types.js';

/** Default: the anchors are rewritten at once when this many entries are not covered yet. */
export const DEFAULT_ANCHOR_EVERY_ENTRIES = 256;

/** Default: otherwise at most this long (ms) after an append, so the unanchored tail stays short. */
export const DEFAULT_ANCHOR_DELAY_MS = 1_000;

/** Schedules and serialises anchor writes of the log's current head (`head()`). */
export class AnchorScheduler {
  readonly #book: AnchorBook;
  readonly #everyEntries: number;
  readonly #delayMs: number;
  readonly #head: () => ChainHead;
  readonly #logger: Logger;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #closing = false;

  constructor(
    book: AnchorBook,
    everyEntries: number,
    delayMs: number,
    head: () => ChainHead,
    logger: Logger,
  ) {
    this.#book = book;
    this.#everyEntries = everyEntries;
    this.#delayMs = delayMs;
    this.#head = head;
    this.#logger = logger;
  }

  /** Records the last entry of a segment that was just sealed (anchored with the next write). */
  seal(head: ChainHead): void {
    this.#book.seal(head.segment, head.seq, head.hash);
  }

  /**
   * Called after every durable commit: anchors at once when a segment was sealed or enough entries
   * are unanchored, else within the delay. Appends never wait for it; only `settle` does.
   */
  afterCommit(sealed: boolean): void {
    if (sealed || this.#head().seq - this.#book.anchoredSeq >= this.#everyEntries) {
      this.#anchorNow();
      return;
    }
    if (this.#timer !== undefined || this.#closing) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#anchorNow();
    }, this.#delayMs);
    this.#timer.unref();
  }

  /** Anchors the current head if it is not yet, and waits for every anchor write to finish. */
  async settle(): Promise<void> {
    if (this.#book.anchoredSeq !== this.#head().seq) this.#anchorNow();
    while (this.#running !== undefined) await this.#running;
  }

  /** No new delay timer from now on (the log is closing). */
  markClosing(): void {
    this.#closing = true;
  }

  /** Cancels a pending delay timer. */
  stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Starts an anchor write of the current head, or asks the running one to go again. Never throws. */
  #anchorNow(): void {
    if (this.#running !== undefined) {
      this.#again = true;
      return;
    }
    // Nothing to write (e.g. the delay timer fires after a flush anchored): return here, else the
    // block below finishes synchronously, its `finally` runs before `#running` is assigned, and a
    // settled promise stays there for `settle` to spin on forever, starving the event loop.
    if (this.#book.anchoredSeq === this.#head().seq) return;
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          const head = this.#head();
          if (this.#book.anchoredSeq === head.seq) continue;
          await this.#book.write(head);
        } while (this.#again);
      } catch (error) {
        this.#logger.error(
          { err: error },
          'audit: writing the anchors failed; they lag the chain until the next try',
        );
      } finally {
        this.#running = undefined;
      }
    })();
  }
}

/** Settings of `openAnchorScheduler`. */
export interface AnchorSettings {
  readonly dir: string;
  readonly key: Buffer;
  readonly everyEntries?: number;
  readonly delayMs?: number;
  readonly clock: () => Date;
  readonly logger: Logger;
}

/**
 * Opens the anchor book of `settings.dir` against the chain head found on disk (`found`) and the
 * scheduler over the log's live head. `created` when there was no anchors file. Throws what
 * `AnchorBook.open` throws (AppError('STORE_CORRUPT') when the anchors contradict the chain).
 */
export async function openAnchorScheduler(
  settings: AnchorSettings,
  found: ChainHead,
  head: () => ChainHead,
): Promise<{ readonly scheduler: AnchorScheduler; readonly created: boolean }> {
  const opened = await AnchorBook.open(settings.dir, settings.key, found, settings.clock);
  const scheduler = new AnchorScheduler(
    opened.book,
    settings.everyEntries ?? DEFAULT_ANCHOR_EVERY_ENTRIES,
    settings.delayMs ?? DEFAULT_ANCHOR_DELAY_MS,
    head,
    settings.logger,
  );
  return { scheduler, created: opened.opening === 'created' };
}

/** The audit event recording that a chain without an anchors file was anchored as found. */
export function anchoredAsFoundEvent(seq: number, hash: string): AuditEventInput {
  return {
    actor: { id: 'system', name: 'Confluence Assistant' },
    conversationId: 'none',
    connector: 'none',
    operation: 'audit-anchor',
    target: {},
    decision: 'n/a',
    outcome: 'ok',
    details: {
      reason: 'no anchors file was found; the existing chain was anchored as found',
      anchoredSeq: seq,
      anchoredHash: hash,
    },
  };
}
