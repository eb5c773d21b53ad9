import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../errors.js';
import { createSilentLogger, type Logger } from '../logger.js';
import { AnchorBook } from './anchor-book.js';
import { buildAuditEntry } from './build-entry.js';
import { computeEntryHash, GENESIS_HASH } from './canonical-json.js';
import { toAuditCsv } from './export-csv.js';
import { redactDetails } from './redact-details.js';
import { auditEventInputSchema, auditFilterSchema, type ParsedAuditFilter } from './schema.js';
import {
  listSegments,
  type OpenForAppend,
  removeStaleTempFiles,
  type SegmentDoc,
  SegmentFile,
  segmentFileName,
} from './segment-file.js';
import type { AuditEntry, AuditEventInput, AuditFilter, AuditHead, AuditLog, VerifyResult } from './types.js';
import { verifyAuditDir } from './verify-chain.js';

export { deriveAuditAnchorKey } from './anchor-key.js';
export { canonicalJson, computeEntryHash, GENESIS_HASH } from './canonical-json.js';
export type {
  AnchorStatus,
  AuditActor,
  AuditDecision,
  AuditEntry,
  AuditEventInput,
  AuditFilter,
  AuditHead,
  AuditLog,
  AuditOutcome,
  AuditTarget,
  VerifyResult,
} from './types.js';
export { verifyAuditDir } from './verify-chain.js';

/** Default bound on entries per segment file. */
export const DEFAULT_SEGMENT_MAX_ENTRIES = 1_000;

/** Entries per group-commit write: bounds the synchronous work (hashing, encoding, waking callers) per tick. */
const MAX_BATCH = 64;

/** Default: the anchors are rewritten at once when this many entries are not covered yet. */
export const DEFAULT_ANCHOR_EVERY_ENTRIES = 256;

/** Default: otherwise at most this long (ms) after an append, so the unanchored tail stays short. */
export const DEFAULT_ANCHOR_DELAY_MS = 1_000;

/** Options for `openAuditLog`. */
export interface OpenAuditLogOptions {
  /** The bot's DATA_DIR; segments live in `<dataDir>/audit/`. */
  readonly dataDir: string;
  /** Source of `at`; defaults to the system clock. */
  readonly clock?: () => Date;
  /** Entries per segment before a new one starts (default 1,000). A new UTC day also starts one. */
  readonly segmentMaxEntries?: number;
  readonly logger?: Logger;
  /**
   * HMAC key for the chain anchors (`deriveAuditAnchorKey(SECRET_KEY)`). With it, the log keeps
   * `audit/anchors.json` — a MAC'd record of each sealed segment's last entry and of the chain head —
   * so that a cut tail or a re-hashed chain fails `audit:verify`. Without it no anchors are written.
   */
  readonly anchorKey?: Buffer;
  /** Rewrite the anchors at once when this many entries are unanchored (default 256). */
  readonly anchorEveryEntries?: number;
  /** Otherwise rewrite them this long (ms) after an append at the latest (default 1,000). */
  readonly anchorDelayMs?: number;
  /** Opens the open segment for in-place appends and repairs (default `fs.promises.open(path, 'r+')`); tests fail writes through it. */
  readonly openForAppend?: OpenForAppend;
}

interface Head {
  readonly index: number;
  readonly low: Low<SegmentDoc>;
  readonly lastSeq: number;
  readonly lastHash: string;
  readonly lastAt?: string;
}

interface AnchorSchedule {
  readonly book: AnchorBook;
  readonly everyEntries: number;
  readonly delayMs: number;
}

interface Pending {
  readonly event: NormalizedEvent;
  readonly at: string;
  readonly resolve: (entry: AuditEntry) => void;
  readonly reject: (error: unknown) => void;
}

type NormalizedEvent = Omit<AuditEventInput, 'details'> & { readonly details?: Record<string, unknown> };

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function dayOf(at: string): string {
  return at.slice(0, 10);
}

function newLow(path: string, openForAppend: OpenForAppend | undefined): Low<SegmentDoc> {
  return new Low<SegmentDoc>(new SegmentFile(path, openForAppend), { entries: [] });
}

function segmentAdapter(low: Low<SegmentDoc>): SegmentFile {
  return low.adapter as SegmentFile;
}

async function loadHead(
  dir: string,
  logger: Logger,
  openForAppend: OpenForAppend | undefined,
): Promise<Head> {
  const segments = await listSegments(dir);
  const newest = segments.at(-1);
  if (newest === undefined) {
    return {
      index: 1,
      low: newLow(join(dir, segmentFileName(1)), openForAppend),
      lastSeq: 0,
      lastHash: GENESIS_HASH,
    };
  }
  const file = new SegmentFile(newest.path, openForAppend);
  const recovered = await file.recover();
  const low = new Low<SegmentDoc>(file, deepFreeze(recovered?.doc ?? { entries: [] }));
  if (recovered?.repaired) {
    logger.warn(
      { file: newest.path, ...recovered.repaired },
      'audit: the newest segment ended in a torn write (a crash mid-append); cut back to its last whole entry',
    );
  }
  let tail = low.data.entries.at(-1);
  for (let i = segments.length - 2; tail === undefined && i >= 0; i--) {
    const older = segments[i];
    if (older !== undefined) tail = (await new SegmentFile(older.path).read())?.entries.at(-1);
  }
  if (tail !== undefined && computeEntryHash(tail) !== tail.hash) {
    logger.warn(
      { file: newest.path, seq: tail.seq },
      'audit: newest entry does not hash correctly; run audit:verify',
    );
  }
  return {
    index: newest.index,
    low,
    lastSeq: tail?.seq ?? 0,
    lastHash: tail?.hash ?? GENESIS_HASH,
    ...(tail ? { lastAt: tail.at } : {}),
  };
}

function matches(entry: AuditEntry, filter: ParsedAuditFilter): boolean {
  return (
    (filter.actorId === undefined ||
      entry.actor.id === filter.actorId ||
      entry.actor.aadObjectId === filter.actorId) &&
    (filter.conversationId === undefined || entry.conversationId === filter.conversationId) &&
    (filter.operation === undefined || entry.operation === filter.operation) &&
    (filter.spaceKey === undefined || entry.target.spaceKey === filter.spaceKey) &&
    (filter.since === undefined || entry.at >= filter.since) &&
    (filter.until === undefined || entry.at <= filter.until)
  );
}

function parseFilter(filter: AuditFilter): ParsedAuditFilter {
  const parsed = auditFilterSchema.safeParse(filter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('INPUT_INVALID', {
      message: `Invalid audit filter: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    });
  }
  return parsed.data;
}

class SegmentedAuditLog implements AuditLog {
  readonly #dir: string;
  readonly #clock: () => Date;
  readonly #maxEntries: number;
  readonly #logger: Logger;
  #head: Head;
  #queue: Pending[] = [];
  #draining: Promise<void> | undefined;
  #closed = false;
  #broken: unknown;
  readonly #anchor: AnchorSchedule | undefined;
  readonly #anchorKey: Buffer | undefined;
  readonly #openForAppend: OpenForAppend | undefined;
  #anchorTimer: NodeJS.Timeout | undefined;
  #anchoring: Promise<void> | undefined;
  #anchorAgain = false;

  constructor(
    dir: string,
    head: Head,
    clock: () => Date,
    maxEntries: number,
    logger: Logger,
    anchor: AnchorSchedule | undefined,
    anchorKey: Buffer | undefined,
    openForAppend: OpenForAppend | undefined,
  ) {
    this.#dir = dir;
    this.#head = head;
    this.#clock = clock;
    this.#maxEntries = maxEntries;
    this.#logger = logger;
    this.#anchor = anchor;
    this.#anchorKey = anchorKey;
    this.#openForAppend = openForAppend;
  }

  append(event: AuditEventInput): Promise<AuditEntry> {
    try {
      if (this.#closed) throw new AppError('AUDIT_UNAVAILABLE', { message: 'The audit log is closed' });
      if (this.#broken !== undefined) {
        throw new AppError('AUDIT_UNAVAILABLE', {
          message: 'The audit log is unusable',
          cause: this.#broken,
        });
      }
      const normalized = this.#normalize(event);
      const at = this.#clock().toISOString();
      return new Promise<AuditEntry>((resolve, reject) => {
        this.#queue.push({ event: normalized, at, resolve, reject });
        this.#draining ??= this.#drain();
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async query(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const parsed = parseFilter(filter);
    const limit = parsed.limit ?? Number.POSITIVE_INFINITY;
    const results: AuditEntry[] = [];
    if (limit === 0) return results;
    const collect = (entries: readonly AuditEntry[]): boolean => {
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i];
        if (entry !== undefined && matches(entry, parsed)) {
          results.push(entry);
          if (results.length >= limit) return true;
        }
      }
      return false;
    };
    const head = this.#head;
    if (collect(head.low.data.entries)) return results;
    const older = (await listSegments(this.#dir)).filter((segment) => segment.index < head.index).reverse();
    for (const segment of older) {
      const entries = deepFreeze((await new SegmentFile(segment.path).read())?.entries ?? []);
      if (collect(entries)) break;
      const oldest = entries[0];
      if (parsed.since !== undefined && oldest !== undefined && oldest.at < parsed.since) break;
    }
    return results;
  }

  async tail(n: number): Promise<AuditEntry[]> {
    return this.query({ limit: n });
  }

  async exportAll(format: 'json' | 'csv', filter: AuditFilter = {}): Promise<string> {
    const entries = (await this.query(filter)).reverse();
    if (format === 'csv') return toAuditCsv(entries);
    if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
    throw new AppError('INPUT_INVALID', { message: `Unknown export format ${String(format)}` });
  }

  async verify(): Promise<VerifyResult> {
    await this.flush();
    return verifyAuditDir(this.#dir, this.#anchorKey ? { anchorKey: this.#anchorKey } : {});
  }

  head(): AuditHead {
    const head = this.#head;
    return { seq: head.lastSeq, hash: head.lastHash, ...(head.lastAt ? { at: head.lastAt } : {}) };
  }

  async flush(): Promise<void> {
    while (this.#draining !== undefined) await this.#draining;
    const anchor = this.#anchor;
    if (anchor === undefined) return;
    if (anchor.book.anchoredSeq !== this.#head.lastSeq) this.#anchorNow();
    while (this.#anchoring !== undefined) await this.#anchoring;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.flush();
    if (this.#anchorTimer !== undefined) clearTimeout(this.#anchorTimer);
    this.#anchorTimer = undefined;
  }

  /**
   * Called after every durable commit: anchors at once when a segment was sealed or enough entries
   * are unanchored, else within `delayMs`. Appends never wait for it; only flush/close do.
   */
  #scheduleAnchor(sealed: boolean): void {
    const anchor = this.#anchor;
    if (anchor === undefined) return;
    if (sealed || this.#head.lastSeq - anchor.book.anchoredSeq >= anchor.everyEntries) {
      this.#anchorNow();
      return;
    }
    if (this.#anchorTimer !== undefined || this.#closed) return;
    this.#anchorTimer = setTimeout(() => {
      this.#anchorTimer = undefined;
      this.#anchorNow();
    }, anchor.delayMs);
    this.#anchorTimer.unref();
  }

  /** Starts an anchor write of the current head, or asks the running one to go again. Never throws. */
  #anchorNow(): void {
    const anchor = this.#anchor;
    if (anchor === undefined) return;
    if (this.#anchoring !== undefined) {
      this.#anchorAgain = true;
      return;
    }
    // Nothing to write (e.g. the delay timer fires after a flush anchored): return here, else the
    // block below finishes synchronously, its `finally` runs before `#anchoring` is assigned, and a
    // settled promise stays there for `flush` to spin on forever, starving the event loop.
    if (anchor.book.anchoredSeq === this.#head.lastSeq) return;
    this.#anchoring = (async () => {
      try {
        do {
          this.#anchorAgain = false;
          const head = this.#head;
          if (anchor.book.anchoredSeq === head.lastSeq) continue;
          await anchor.book.write({ segment: head.index, seq: head.lastSeq, hash: head.lastHash });
        } while (this.#anchorAgain);
      } catch (error) {
        this.#logger.error(
          { err: error },
          'audit: writing the anchors failed; they lag the chain until the next try',
        );
      } finally {
        this.#anchoring = undefined;
      }
    })();
  }

  #normalize(event: AuditEventInput): NormalizedEvent {
    const parsed = auditEventInputSchema.safeParse(event);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('INPUT_INVALID', {
        message: `Invalid audit event: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      });
    }
    const { details, ...rest } = parsed.data;
    const normalized: NormalizedEvent = rest;
    if (details === undefined) return normalized;
    const redacted = redactDetails(details);
    if (redacted.stripped.length > 0) {
      this.#logger.warn({ stripped: redacted.stripped }, 'audit: secret-like fields stripped from details');
    }
    return { ...normalized, details: redacted.details };
  }

  async #drain(): Promise<void> {
    await Promise.resolve();
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, MAX_BATCH);
        if (this.#broken !== undefined) {
          const error = new AppError('AUDIT_UNAVAILABLE', {
            message: 'The audit log is unusable',
            cause: this.#broken,
          });
          for (const pending of batch) pending.reject(error);
          continue;
        }
        try {
          await this.#commit(batch);
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.#draining = undefined;
    }
  }

  async #commit(batch: readonly Pending[]): Promise<void> {
    let i = 0;
    while (i < batch.length) {
      const head = this.#head;
      const current = head.low.data.entries;
      const firstAt = batch[i]?.at ?? '';
      const rollover =
        current.length > 0 &&
        (current.length >= this.#maxEntries || dayOf(current[0]?.at ?? '') !== dayOf(firstAt));
      const index = rollover ? head.index + 1 : head.index;
      const base = rollover ? [] : current;
      const day = dayOf(base[0]?.at ?? firstAt);
      const written: { entry: AuditEntry; pending: Pending }[] = [];
      let seq = head.lastSeq;
      let prevHash = head.lastHash;
      for (let pending = batch[i]; pending !== undefined; pending = batch[i]) {
        if (base.length + written.length >= this.#maxEntries || dayOf(pending.at) !== day) break;
        seq += 1;
        const entry = deepFreeze(buildAuditEntry(pending.event, pending.at, seq, prevHash));
        prevHash = entry.hash;
        written.push({ entry, pending });
        i += 1;
      }
      const doc: SegmentDoc = { entries: [...base, ...written.map((w) => w.entry)] };
      const low = rollover ? newLow(join(this.#dir, segmentFileName(index)), this.#openForAppend) : head.low;
      try {
        await segmentAdapter(low).write(doc);
      } catch (cause) {
        const error = new AppError('AUDIT_UNAVAILABLE', {
          message: `Writing audit segment ${segmentAdapter(low).path} failed`,
          cause,
        });
        this.#logger.error({ err: cause, file: segmentAdapter(low).path }, 'audit: segment write failed');
        for (const { pending } of written) pending.reject(error);
        this.#queue.unshift(...batch.slice(i));
        await this.#resync();
        return;
      }
      low.data = doc;
      if (rollover) this.#anchor?.book.seal(head.index, head.lastSeq, head.lastHash);
      const lastAt = written.at(-1)?.entry.at ?? head.lastAt;
      this.#head = { index, low, lastSeq: seq, lastHash: prevHash, ...(lastAt ? { lastAt } : {}) };
      for (const { entry, pending } of written) pending.resolve(entry);
      this.#scheduleAnchor(rollover);
    }
  }

  async #resync(): Promise<void> {
    try {
      this.#head = await loadHead(this.#dir, this.#logger, this.#openForAppend);
    } catch (error) {
      this.#broken = error;
      this.#logger.error({ err: error }, 'audit: cannot reload the newest segment; appends disabled');
    }
  }
}

/**
 * Opens (creating if needed) the audit log in `<dataDir>/audit/`. Lists the directory, loads only the
 * newest segment and continues seq and hash from its last entry; older segments are not read (unless
 * the newest is empty). Removes temp files left by a crash. A torn tail of the newest segment (a
 * crash mid-append) is cut back to its last whole entry and closed again before anything is appended
 * (`SegmentFile.recover`; logged): appends write only past the last acknowledged entry, so none is
 * lost. Throws AppError('STORE_CORRUPT') naming the file when the newest segment is damaged in any
 * other way: it is never silently replaced.
 * Throws RangeError when `segmentMaxEntries` is not a positive integer.
 *
 * With `anchorKey`, it first checks the chain head against `audit/anchors.json` and throws
 * AppError('STORE_CORRUPT') naming that file when they disagree (a cut tail, a re-hashed chain, an
 * edited anchors file or another SECRET_KEY): re-anchoring would erase the evidence. A missing
 * anchors file is created for the chain as found; when that chain is not empty, the event is itself
 * audited (operation `audit-anchor`), so a deleted anchors file leaves a trace.
 */
export async function openAuditLog(options: OpenAuditLogOptions): Promise<AuditLog> {
  const maxEntries = options.segmentMaxEntries ?? DEFAULT_SEGMENT_MAX_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError('segmentMaxEntries must be a positive integer');
  }
  const logger = options.logger ?? createSilentLogger();
  const clock = options.clock ?? (() => new Date());
  const dir = join(options.dataDir, 'audit');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await removeStaleTempFiles(dir);
  const head = await loadHead(dir, logger, options.openForAppend);
  let anchor: AnchorSchedule | undefined;
  let created = false;
  if (options.anchorKey !== undefined) {
    const opened = await AnchorBook.open(
      dir,
      options.anchorKey,
      { segment: head.lastSeq === 0 ? 0 : head.index, seq: head.lastSeq, hash: head.lastHash },
      clock,
    );
    created = opened.opening === 'created';
    anchor = {
      book: opened.book,
      everyEntries: options.anchorEveryEntries ?? DEFAULT_ANCHOR_EVERY_ENTRIES,
      delayMs: options.anchorDelayMs ?? DEFAULT_ANCHOR_DELAY_MS,
    };
  }
  const log = new SegmentedAuditLog(
    dir,
    head,
    clock,
    maxEntries,
    logger,
    anchor,
    options.anchorKey,
    options.openForAppend,
  );
  if (created && head.lastSeq > 0) {
    logger.warn({ seq: head.lastSeq }, 'audit: no anchors file; anchored the existing chain as found');
    await log.append({
      actor: { id: 'system', name: 'Confluence Assistant' },
      conversationId: 'none',
      connector: 'none',
      operation: 'audit-anchor',
      target: {},
      decision: 'n/a',
      outcome: 'ok',
      details: {
        reason: 'no anchors file was found; the existing chain was anchored as found',
        anchoredSeq: head.lastSeq,
        anchoredHash: head.lastHash,
      },
    });
  }
  return log;
}
