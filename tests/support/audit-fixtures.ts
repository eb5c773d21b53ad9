import { mkdtemp, open, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenForAppend } from '../../bot/audit/segment-file.js';
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

/**
 * An `openForAppend` that opens real files but can be told to fail: after `fail(n)`, the next write
 * through it writes only its first `n` bytes and then rejects with ENOSPC (a torn write, then an
 * error); later writes succeed. Records each write's size.
 */
export function makeFaultyOpener(): {
  openForAppend: OpenForAppend;
  fail: (bytesBeforeError?: number) => void;
  writes: number[];
} {
  let budget: number | undefined;
  const writes: number[] = [];
  const openForAppend: OpenForAppend = async (path) => {
    const handle = await open(path, 'r+');
    return {
      write: async (buffer, offset, length, position) => {
        writes.push(length);
        if (budget === undefined) return handle.write(buffer, offset, length, position);
        const allowed = Math.min(length, budget);
        budget = undefined;
        if (allowed > 0) await handle.write(buffer, offset, allowed, position);
        throw Object.assign(new Error('ENOSPC: no space left on device (injected)'), { code: 'ENOSPC' });
      },
      datasync: () => handle.datasync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  };
  return {
    openForAppend,
    fail: (bytesBeforeError = 0) => {
      budget = bytesBeforeError;
    },
    writes,
  };
}

/** `open` wrapped to count the handles it opens and the ones closed again (a leak shows as a difference). */
export function countingOpener(open: OpenForAppend): {
  readonly open: OpenForAppend;
  readonly handles: { opened: number; closed: number };
} {
  const handles = { opened: 0, closed: 0 };
  const counting: OpenForAppend = async (path) => {
    const handle = await open(path);
    handles.opened += 1;
    return {
      ...handle,
      close: async () => {
        handles.closed += 1;
        await handle.close();
      },
    };
  };
  return { open: counting, handles };
}
