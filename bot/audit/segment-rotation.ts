/**
 * Segment rotation and chaining of a group commit: which segment the next queued events go to (a
 * full segment or a new UTC day starts the next one) and the entries they become (seq + 1, each
 * `prevHash` the previous `hash`). Pure.
 */
import { deepFreeze } from './audit-head.js';
import { buildAuditEntry } from './build-entry.js';
import type { AuditEntry, AuditEventInput } from './types.js';

/** An event accepted for appending: validated, redacted, stamped. */
export interface StampedEvent {
  readonly event: Omit<AuditEventInput, 'details'> & { readonly details?: Record<string, unknown> };
  readonly at: string;
}

/** The open segment and the chain's newest entry, as the planner sees them. */
export interface ChainTip {
  readonly index: number;
  readonly entries: readonly AuditEntry[];
  readonly lastSeq: number;
  readonly lastHash: string;
}

/** One segment write: the segment `index` gets `[...base, ...entries]`; `next` is the first event left. */
export interface SegmentWrite {
  readonly rollover: boolean;
  readonly index: number;
  readonly base: readonly AuditEntry[];
  readonly entries: readonly AuditEntry[];
  readonly next: number;
}

function dayOf(at: string): string {
  return at.slice(0, 10);
}

/**
 * Plans the write of `events[from..]` after `tip`: starts segment `tip.index + 1` when the open one
 * is full or of another UTC day than the first event, then takes events while the segment has room
 * and they fall on its day. Takes at least one event when `from` is in range.
 */
export function planSegmentWrite(
  tip: ChainTip,
  events: readonly StampedEvent[],
  from: number,
  maxEntries: number,
): SegmentWrite {
  const current = tip.entries;
  const firstAt = events[from]?.at ?? '';
  const rollover =
    current.length > 0 && (current.length >= maxEntries || dayOf(current[0]?.at ?? '') !== dayOf(firstAt));
  const base = rollover ? [] : current;
  const day = dayOf(base[0]?.at ?? firstAt);
  const entries: AuditEntry[] = [];
  let seq = tip.lastSeq;
  let prevHash = tip.lastHash;
  let next = from;
  for (let stamped = events[next]; stamped !== undefined; stamped = events[next]) {
    if (base.length + entries.length >= maxEntries || dayOf(stamped.at) !== day) break;
    seq += 1;
    const entry = deepFreeze(buildAuditEntry(stamped.event, stamped.at, seq, prevHash));
    prevHash = entry.hash;
    entries.push(entry);
    next += 1;
  }
  return { rollover, index: rollover ? tip.index + 1 : tip.index, base, entries, next };
}
