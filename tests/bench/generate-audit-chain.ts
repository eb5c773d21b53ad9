import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildAuditEntry } from '../../bot/audit/build-entry.js';
import { GENESIS_HASH } from '../../bot/audit/canonical-json.js';
import { segmentFileName, serializeSegment } from '../../bot/audit/segment-format.js';
import type { AuditDecision, AuditEntry, AuditEventInput, AuditOutcome } from '../../bot/audit/types.js';

const OPERATIONS = ['search', 'get', 'create', 'update', 'approve'] as const;
const DECISIONS: readonly AuditDecision[] = ['allowed', 'allowed', 'confirm', 'confirm', 'approved'];
const OUTCOMES: readonly AuditOutcome[] = ['ok', 'ok', 'pending', 'pending', 'ok'];

function hex(n: number, width: number): string {
  return (n >>> 0)
    .toString(16)
    .padStart(8, '0')
    .repeat(Math.ceil(width / 8))
    .slice(0, width);
}

/** A realistic-looking entry body (without seq/at/prevHash/hash) for entry number `i`. */
export function sampleEvent(i: number): AuditEventInput {
  const person = i % 97;
  const kind = i % OPERATIONS.length;
  const operation = OPERATIONS[kind] ?? 'search';
  return {
    actor: {
      id: `29:1${hex(person * 2_654_435_761, 40)}`,
      name: `Person ${person}`,
      aadObjectId: `${hex(person, 8)}-aaaa-4bbb-8ccc-${hex(person * 7, 12)}`,
    },
    conversationId: `19:${hex((i % 13) * 40_503, 32)}@thread.tacv2`,
    connector: 'default',
    operation,
    target:
      operation === 'search'
        ? { spaceKey: 'ENG', query: `vpn setup ${i % 50}` }
        : {
            spaceKey: i % 3 === 0 ? 'HR' : 'ENG',
            pageId: String(100_000 + (i % 5_000)),
            title: `Runbook ${i % 5_000}`,
          },
    decision: DECISIONS[kind] ?? 'n/a',
    outcome: OUTCOMES[kind] ?? 'ok',
    ...(i % 10 === 0 ? { details: { durationMs: i % 700, requestId: `req-${i}` } } : {}),
  };
}

/**
 * Writes `count` entries with a correct chain straight into segment files in `auditDir` (same
 * rollover rules as the store: at most `segmentMaxEntries` per segment and one UTC day), without
 * going through append. For benchmarks and tests that need large logs fast. Returns the last `at`.
 */
export async function generateAuditChain(
  auditDir: string,
  count: number,
  options: { start?: Date; stepMs?: number; segmentMaxEntries?: number } = {},
): Promise<{ lastAt: string; headHash: string; segments: number }> {
  await mkdir(auditDir, { recursive: true });
  const stepMs = options.stepMs ?? 10;
  const maxEntries = options.segmentMaxEntries ?? 1_000;
  let time = (options.start ?? new Date('2025-01-01T00:00:00.000Z')).getTime();
  let prevHash = GENESIS_HASH;
  let index = 1;
  let entries: AuditEntry[] = [];
  let lastAt = '';
  const flushSegment = async () => {
    await writeFile(join(auditDir, segmentFileName(index)), serializeSegment({ entries }));
    index += 1;
    entries = [];
  };
  for (let seq = 1; seq <= count; seq++) {
    const at = new Date(time).toISOString();
    const first = entries[0];
    if (first !== undefined && (entries.length >= maxEntries || first.at.slice(0, 10) !== at.slice(0, 10))) {
      await flushSegment();
    }
    const entry = buildAuditEntry(sampleEvent(seq), at, seq, prevHash);
    entries.push(entry);
    prevHash = entry.hash;
    lastAt = at;
    time += stepMs;
  }
  if (entries.length > 0) await flushSegment();
  return { lastAt, headHash: prevHash, segments: index - 1 };
}
