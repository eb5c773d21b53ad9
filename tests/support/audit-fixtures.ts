import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry, AuditEventInput } from '../../bot/audit/types.js';

/** A valid audit event; override any field. */
export function buildAuditEvent(overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    actor: { id: '29:user-ann', name: 'Ann Example', aadObjectId: 'aad-ann' },
    conversationId: '19:general@thread.tacv2',
    connector: 'default',
    operation: 'search',
    target: { spaceKey: 'ENG', query: 'vpn setup' },
    decision: 'allowed',
    outcome: 'ok',
    ...overrides,
  };
}

/** A fresh data directory under the OS temp dir. */
export function makeDataDir(prefix = 'audit-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A clock that starts at `startIso` and advances `stepMs` per call; `set` jumps it. */
export function makeStepClock(
  startIso: string,
  stepMs = 1_000,
): { clock: () => Date; set: (iso: string) => void } {
  let now = Date.parse(startIso);
  return {
    clock: () => {
      const current = new Date(now);
      now += stepMs;
      return current;
    },
    set: (iso: string) => {
      now = Date.parse(iso);
    },
  };
}

/** Reads a segment file straight from disk (independent of the store's own reader). */
export async function readSegmentEntries(path: string): Promise<AuditEntry[]> {
  const doc = JSON.parse(await readFile(path, 'utf8')) as { entries: AuditEntry[] };
  return doc.entries;
}
