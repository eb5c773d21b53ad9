/**
 * The audit log's writer: validates and redacts events, queues them and commits them in groups to
 * the open segment (one durable write per group), and opens the log. Reading, rotation, anchoring
 * and head loading live in their own modules (`audit-query`, `segment-rotation`, `audit-anchoring`,
 * `audit-head`).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import { createSilentLogger, type Logger } from '../logger.js';
import type { ChainHead } from './anchor-book.js';
import { type AnchorScheduler, anchoredAsFoundEvent, openAnchorScheduler } from './audit-anchoring.js';
import { type AuditLogHead, loadHead, newSegmentLow, releaseSegment, segmentAdapter } from './audit-head.js';
import { firstIssueText, formatAuditExport, queryAudit } from './audit-query.js';
import type { OpenForAppend } from './durable-file.js';
import { redactDetails } from './redact-details.js';
import { auditEventInputSchema, parseAuditEventInput } from './schema.js';
import { removeStaleTempFiles, type SegmentDoc } from './segment-format.js';
import { planSegmentWrite, type StampedEvent } from './segment-rotation.js';
import type { AuditEntry, AuditEventInput, AuditFilter, AuditHead, AuditLog, VerifyResult } from './types.js';
import { verifyAuditDir } from './verify-chain.js';

export { deriveAuditAnchorKey } from './anchor-key.js';
export { DEFAULT_ANCHOR_DELAY_MS, DEFAULT_ANCHOR_EVERY_ENTRIES } from './audit-anchoring.js';
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
   * `audit/anchors-head.jsonl` and `audit/anchors-sealed.jsonl` — MAC'd records of the chain head
   * and of each sealed segment's last entry —
   * so that a cut tail or a re-hashed chain fails `audit:verify`. Without it no anchors are written.
   */
  readonly anchorKey?: Buffer;
  /** Rewrite the anchors at once when this many entries are unanchored (default 256). */
  readonly anchorEveryEntries?: number;
  /** Otherwise rewrite them this long (ms) after an append at the latest (default 1,000). */
  readonly anchorDelayMs?: number;
  /** Opens the open segment for in-place appends and repairs (default `openSyncedReadWrite`: O_DSYNC); tests fail writes through it. */
  readonly openForAppend?: OpenForAppend;
}

interface Pending extends StampedEvent {
  readonly resolve: (entry: AuditEntry) => void;
  readonly reject: (error: unknown) => void;
}

/** What a log is made of; the anchors are set once opened, since they read the live head. */
interface LogParts {
  readonly dir: string;
  readonly clock: () => Date;
  readonly maxEntries: number;
  readonly logger: Logger;
  readonly anchorKey: Buffer | undefined;
  readonly openForAppend: OpenForAppend | undefined;
}

function unusable(cause: unknown): AppError {
  return new AppError('AUDIT_UNAVAILABLE', { message: 'The audit log is unusable', cause });
}

/** The zod reference for what the hand check did not accept: its answer, or its diagnostic. */
function parseWithZod(event: AuditEventInput): AuditEventInput {
  const parsed = auditEventInputSchema.safeParse(event);
  if (!parsed.success) {
    throw new AppError('INPUT_INVALID', { message: firstIssueText('audit event', parsed.error.issues) });
  }
  return parsed.data;
}

class SegmentedAuditLog implements AuditLog {
  readonly #parts: LogParts;
  #head: AuditLogHead;
  #queue: Pending[] = [];
  #draining: Promise<void> | undefined;
  #closed = false;
  #broken: unknown;
  anchors: AnchorScheduler | undefined;

  constructor(parts: LogParts, head: AuditLogHead) {
    this.#parts = parts;
    this.#head = head;
  }

  append(event: AuditEventInput): Promise<AuditEntry> {
    try {
      if (this.#closed) throw new AppError('AUDIT_UNAVAILABLE', { message: 'The audit log is closed' });
      if (this.#broken !== undefined) throw unusable(this.#broken);
      const normalized = this.#normalize(event);
      const at = this.#parts.clock().toISOString();
      return new Promise<AuditEntry>((resolve, reject) => {
        this.#queue.push({ event: normalized, at, resolve, reject });
        this.#draining ??= this.#drain();
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  query(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const head = this.#head;
    return queryAudit(this.#parts.dir, head.index, head.low.data.entries, filter);
  }

  async tail(n: number): Promise<AuditEntry[]> {
    return this.query({ limit: n });
  }

  async exportAll(format: 'json' | 'csv', filter: AuditFilter = {}): Promise<string> {
    return formatAuditExport(format, (await this.query(filter)).reverse());
  }

  async verify(): Promise<VerifyResult> {
    await this.flush();
    const key = this.#parts.anchorKey;
    return verifyAuditDir(this.#parts.dir, key ? { anchorKey: key } : {});
  }

  head(): AuditHead {
    const head = this.#head;
    return { seq: head.lastSeq, hash: head.lastHash, ...(head.lastAt ? { at: head.lastAt } : {}) };
  }

  /** The live chain head as the anchors record it. */
  chainHead(): ChainHead {
    const head = this.#head;
    return { segment: head.index, seq: head.lastSeq, hash: head.lastHash };
  }

  async flush(): Promise<void> {
    while (this.#draining !== undefined) await this.#draining;
    await this.anchors?.settle();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.anchors?.markClosing();
    await this.flush();
    this.anchors?.stopTimer();
    await releaseSegment(this.#head.low, this.#parts.logger);
  }

  #normalize(event: AuditEventInput): StampedEvent['event'] {
    const { details, ...rest } = parseAuditEventInput(event) ?? parseWithZod(event);
    if (details === undefined) return rest;
    const redacted = redactDetails(details);
    if (redacted.stripped.length > 0) {
      this.#parts.logger.warn(
        { stripped: redacted.stripped },
        'audit: secret-like fields stripped from details',
      );
    }
    return { ...rest, details: redacted.details };
  }

  async #drain(): Promise<void> {
    await Promise.resolve();
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, MAX_BATCH);
        if (this.#broken !== undefined) {
          const error = unusable(this.#broken);
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
    const { dir, maxEntries, logger, openForAppend } = this.#parts;
    let i = 0;
    while (i < batch.length) {
      const head = this.#head;
      const plan = planSegmentWrite({ ...head, entries: head.low.data.entries }, batch, i, maxEntries);
      const written = batch.slice(i, plan.next);
      i = plan.next;
      const doc: SegmentDoc = { entries: [...plan.base, ...plan.entries] };
      const low = plan.rollover ? newSegmentLow(dir, plan.index, openForAppend) : head.low;
      try {
        await segmentAdapter(low).write(doc);
      } catch (cause) {
        const file = segmentAdapter(low).path;
        const error = new AppError('AUDIT_UNAVAILABLE', {
          message: `Writing audit segment ${file} failed`,
          cause,
        });
        logger.error({ err: cause, file }, 'audit: segment write failed');
        for (const pending of written) pending.reject(error);
        this.#queue.unshift(...batch.slice(i));
        await this.#resync();
        return;
      }
      low.data = doc;
      if (plan.rollover) {
        await releaseSegment(head.low, logger);
        this.anchors?.seal({ segment: head.index, seq: head.lastSeq, hash: head.lastHash });
      }
      const last = plan.entries.at(-1);
      const lastAt = last?.at ?? head.lastAt;
      this.#head = {
        index: plan.index,
        low,
        lastSeq: last?.seq ?? head.lastSeq,
        lastHash: last?.hash ?? head.lastHash,
        ...(lastAt ? { lastAt } : {}),
      };
      written.forEach((pending, k) => {
        const entry = plan.entries[k];
        if (entry !== undefined) pending.resolve(entry);
      });
      this.anchors?.afterCommit(plan.rollover);
    }
  }

  async #resync(): Promise<void> {
    await releaseSegment(this.#head.low, this.#parts.logger);
    try {
      this.#head = await loadHead(this.#parts.dir, this.#parts.logger, this.#parts.openForAppend);
    } catch (error) {
      this.#broken = error;
      this.#parts.logger.error({ err: error }, 'audit: cannot reload the newest segment; appends disabled');
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
 * With `anchorKey`, it first checks the chain head against its anchors (`audit/anchors-head.jsonl`)
 * and throws AppError('STORE_CORRUPT') naming that file when they disagree (a cut tail, a re-hashed chain, an
 * edited anchors file or another SECRET_KEY): re-anchoring would erase the evidence. A missing
 * anchors file is created for the chain as found; when that chain is not empty, the event is itself
 * audited (operation `audit-anchor`), so a deleted anchors file leaves a trace.
 * When opening fails after the newest segment was loaded, its file handle is closed before the throw.
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
  const log = new SegmentedAuditLog(
    { dir, clock, maxEntries, logger, anchorKey: options.anchorKey, openForAppend: options.openForAppend },
    head,
  );
  if (options.anchorKey === undefined) return log;
  try {
    const { scheduler, created } = await openAnchorScheduler(
      {
        dir,
        key: options.anchorKey,
        clock,
        logger,
        ...(options.anchorEveryEntries !== undefined ? { everyEntries: options.anchorEveryEntries } : {}),
        ...(options.anchorDelayMs !== undefined ? { delayMs: options.anchorDelayMs } : {}),
      },
      { segment: head.lastSeq === 0 ? 0 : head.index, seq: head.lastSeq, hash: head.lastHash },
      () => log.chainHead(),
    );
    log.anchors = scheduler;
    if (created && head.lastSeq > 0) {
      logger.warn({ seq: head.lastSeq }, 'audit: no anchors file; anchored the existing chain as found');
      await log.append(anchoredAsFoundEvent(head.lastSeq, head.lastHash));
    }
  } catch (error) {
    // The caller never gets the log, so nobody else can close the segment handle a torn-tail repair
    // or the append above opened; the open error is the one to report, not a close error.
    await log.close().catch(() => undefined);
    throw error;
  }
  return log;
}
