import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveAuditAnchorKey, openAuditLog, verifyAuditDir } from '../../bot/audit/audit-log.js';
import { listSegments } from '../../bot/audit/segment-format.js';
import { compileForNode } from '../support/audit-compile-writer.js';
import { makeDataDir } from '../support/audit-fixtures.js';
import { makeRandom } from '../support/seeded-random.js';

const KILLS = 20;
/** Twenty writer processes started and killed: about 20 s alone, more on a loaded machine. */
const TEST_TIMEOUT_MS = 120_000;
const SEGMENT_MAX_ENTRIES = 25;
const ANCHOR_KEY = deriveAuditAnchorKey(randomBytes(32));
let writerScript = '';

beforeAll(async () => {
  writerScript = await compileForNode('tests/support/audit-writer.ts');
});

interface Run {
  readonly acked: number[];
  readonly sawReady: boolean;
}

/** Starts the writer, SIGKILLs it `delayMs` after it is ready, and returns every seq it acknowledged. */
function runUntilKilled(dataDir: string, delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [writerScript, dataDir, String(SEGMENT_MAX_ENTRIES), ANCHOR_KEY.toString('hex')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const acked: number[] = [];
    let sawReady = false;
    let buffered = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready' && !sawReady) {
          sawReady = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        } else if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (${code}): ${stderr}`));
      else resolve({ acked, sawReady });
    });
  });
}

describe('audit store survives SIGKILL', () => {
  it(
    `keeps every acknowledged entry, an intact chain and consistent anchors across ${KILLS} kills mid-append`,
    async () => {
      const seed = Number(process.env.AUDIT_CRASH_SEED ?? Date.now() % 1_000_000);
      const random = makeRandom(seed);
      const dataDir = await makeDataDir('audit-crash-');
      const auditDir = join(dataDir, 'audit');
      const allAcked = new Set<number>();
      let previousCount = 0;
      let tornRounds = 0;
      for (let round = 0; round < KILLS; round++) {
        const delayMs = Math.floor(random() * 150);
        const run = await runUntilKilled(dataDir, delayMs);
        const context = `seed ${seed}, round ${round}, kill after ${delayMs} ms`;
        expect(run.sawReady, context).toBe(true);
        for (const seq of run.acked) allAcked.add(seq);

        const offline = await verifyAuditDir(auditDir, { anchorKey: ANCHOR_KEY });
        expect(offline, context).toMatchObject({ ok: true, anchor: { checked: true } });
        if (offline.ok && offline.tornTail) tornRounds += 1;
        const reopened = await openAuditLog({
          dataDir,
          segmentMaxEntries: SEGMENT_MAX_ENTRIES,
          anchorKey: ANCHOR_KEY,
        });
        expect(offline.ok && reopened.head().seq, context).toBe(offline.ok && offline.entries);
        await reopened.close();

        const present = new Set<number>();
        for (const segment of await listSegments(auditDir)) {
          const doc = JSON.parse(await readFile(segment.path, 'utf8')) as { entries: { seq: number }[] };
          for (const entry of doc.entries) present.add(entry.seq);
        }
        const verified = await verifyAuditDir(auditDir, { anchorKey: ANCHOR_KEY });
        expect(verified, context).toMatchObject({ ok: true, anchor: { checked: true } });
        const missing = [...allAcked].filter((seq) => !present.has(seq));
        expect(missing, context).toEqual([]);
        expect(present.size, context).toBeGreaterThanOrEqual(previousCount);
        previousCount = present.size;
      }
      process.stderr.write(`audit-crash: ${tornRounds} of ${KILLS} kills left a torn tail (seed ${seed})\n`);
      expect(allAcked.size).toBeGreaterThan(0);
      expect(previousCount).toBeGreaterThan(SEGMENT_MAX_ENTRIES);
    },
    TEST_TIMEOUT_MS,
  );
});
