/** Public vocabulary of the audit store (DESIGN.md Contract 4). No I/O here. */

export const AUDIT_DECISIONS = [
  'allowed',
  'confirm',
  'denied',
  'approved',
  'rejected',
  'expired',
  'n/a',
] as const;
/** The policy or approval decision an entry records. */
export type AuditDecision = (typeof AUDIT_DECISIONS)[number];

export const AUDIT_OUTCOMES = ['ok', 'error', 'denied', 'pending'] as const;
/** What happened as a result of the event. */
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Who caused the event, as the chat platform identifies them. */
export interface AuditActor {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
}

/** What the event was about. Every field is optional; absent fields are omitted from the hash input. */
export interface AuditTarget {
  readonly spaceKey?: string;
  readonly pageId?: string;
  readonly title?: string;
  readonly query?: string;
  readonly version?: number;
}

/**
 * What a caller hands to `AuditLog.append`. `operation` is free text (search | get | create | update |
 * approve | reject | expire | admin | ...). `error` must be a safe message (never a secret or raw
 * upstream body). `details` must be JSON-serialisable; the values of secret keys (`token`,
 * `apiToken`, `password`, `secret`, `authorization`, … matched exactly, see `isSecretKey`) are
 * replaced by `[redacted]` before anything is written; dates such as `tokenExpiresAt` are kept.
 */
export interface AuditEventInput {
  readonly actor: AuditActor;
  readonly conversationId: string;
  readonly connector: string;
  readonly operation: string;
  readonly target: AuditTarget;
  readonly decision: AuditDecision;
  readonly outcome: AuditOutcome;
  readonly error?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * One stored, hash-chained entry. Invariants: `seq` is 1, 2, 3… across all segments without gaps;
 * `prevHash` is the previous entry's `hash` (64 zeros for seq 1); `hash` is lowercase hex SHA-256 of
 * `prevHash` followed by the canonical JSON of the entry without `hash`. Returned entries are frozen.
 */
export interface AuditEntry extends AuditEventInput {
  readonly seq: number;
  /** ISO 8601 UTC, as produced by `Date.prototype.toISOString`. */
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * Which entries `query`/`exportAll` return. All given fields must match. `since` and `until` are
 * inclusive bounds on `at` (any string `Date` parses; compared in UTC). `limit` keeps the newest N.
 */
export interface AuditFilter {
  readonly actorId?: string;
  readonly conversationId?: string;
  readonly operation?: string;
  readonly spaceKey?: string;
  readonly since?: string;
  readonly until?: string;
  readonly limit?: number;
}

/**
 * Whether the chain was compared with its keyed anchors (`audit/anchors-head.jsonl` and
 * `audit/anchors-sealed.jsonl`). When checked,
 * `anchoredSeq` is the newest anchored head and `unanchored` how many newer entries no anchor covers
 * yet (the anchor lags the chain by at most about a second while the bot runs, or after a crash).
 */
export type AnchorStatus =
  | { readonly checked: false; readonly reason: string }
  | {
      readonly checked: true;
      readonly anchoredSeq: number;
      readonly anchoredAt?: string;
      readonly unanchored: number;
    };

/**
 * Result of walking the whole chain. On failure, `seq` is the sequence number expected at the first
 * position where a check fails and `file` the full path of the segment holding that position; when
 * the chain links up but contradicts its anchors, `seq` is the anchored seq concerned (0 for the
 * anchors file as a whole) and `file` the anchors file.
 */
export type VerifyResult =
  | {
      readonly ok: true;
      readonly entries: number;
      readonly segments: number;
      readonly headHash: string;
      readonly anchor: AnchorStatus;
      /**
       * Set when the newest segment ends in a torn write (a crash mid-append, not repaired yet because
       * the bot has not opened the log since): the chain was verified up to its last whole entry and
       * `droppedBytes` follow it; the bot cuts them off when it next opens the log.
       */
      readonly tornTail?: { readonly file: string; readonly droppedBytes: number };
    }
  | { readonly ok: false; readonly seq: number; readonly file: string; readonly reason: string };

/** The newest durable entry: its seq (= number of entries) and hash; seq 0 and 64 zeros when empty. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
  /** `at` of the newest entry; absent when the log is empty. */
  readonly at?: string;
}

/**
 * The append-only audit log. One instance per data directory and process (single writer).
 */
export interface AuditLog {
  /**
   * Appends one event; resolves with the stored entry only once the segment file holding it has been
   * written and fsynced (in place at the end of the open segment; a new segment is renamed into place). Rejects with AppError('INPUT_INVALID') for a malformed
   * event, with the write error if the write holding the entry fails, and AppError('INTERNAL') after
   * `close()`.
   */
  append(event: AuditEventInput): Promise<AuditEntry>;
  /**
   * Matching entries, newest first. Reads older segments one at a time, only as far as needed: it
   * stops at `limit`, or after the first segment that starts before `since` (this assumes `at` does
   * not go backwards, i.e. a sane clock). Rejects with AppError('INPUT_INVALID') for a bad filter.
   */
  query(filter?: AuditFilter): Promise<AuditEntry[]>;
  /** The newest `n` entries, newest first. */
  tail(n: number): Promise<AuditEntry[]>;
  /** Matching entries, oldest first, as a JSON array or an RFC 4180 CSV with formula-safe cells. */
  exportAll(format: 'json' | 'csv', filter?: AuditFilter): Promise<string>;
  /**
   * Waits for pending appends and the anchor write, then verifies every segment in order and, when
   * the log was opened with an anchor key, the chain against its anchors.
   */
  verify(): Promise<VerifyResult>;
  /** The newest durable entry (in memory; no I/O). */
  head(): AuditHead;
  /**
   * Resolves once every append issued before the call has settled and, with an anchor key, once
   * the anchors cover them.
   */
  flush(): Promise<void>;
  /** Refuses further appends and waits for pending ones. Idempotent. */
  close(): Promise<void>;
}
