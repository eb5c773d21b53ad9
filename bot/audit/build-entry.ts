import { computeEntryHash, toCanonicalLayout } from './canonical-json.js';
import type { AuditEntry, AuditEventInput } from './types.js';

/**
 * Builds the stored entry for an already validated, redacted event: all fields (including nested
 * ones and `hash`) laid out in sorted key order, so each line of a segment file is the canonical
 * JSON of its entry and hashing/verifying takes the native `JSON.stringify` path. Undefined optional
 * fields are left out. Pure; does not freeze.
 */
export function buildAuditEntry(
  event: AuditEventInput,
  at: string,
  seq: number,
  prevHash: string,
): AuditEntry {
  const entry = toCanonicalLayout({
    actor: event.actor,
    at,
    connector: event.connector,
    conversationId: event.conversationId,
    decision: event.decision,
    details: event.details,
    error: event.error,
    hash: '',
    operation: event.operation,
    outcome: event.outcome,
    prevHash,
    seq,
    target: event.target,
  }) as { -readonly [K in keyof AuditEntry]: AuditEntry[K] };
  entry.hash = computeEntryHash(entry);
  return entry;
}
