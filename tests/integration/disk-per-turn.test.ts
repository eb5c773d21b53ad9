import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAD_SLOT_BYTES, readAnchors } from '../../bot/audit/anchor-files.js';
import { deriveAuditAnchorKey, openAuditLog } from '../../bot/audit/audit-log.js';
import { USERS } from '../support/activities.js';
import { buildAuditEvent, makeDataDir } from '../support/audit-fixtures.js';
import { type FileWriteMeter, startFileWriteMeter } from '../support/file-write-meter.js';
import { type Harness, startHarness } from '../support/harness.js';

/**
 * Issue 14: disk written per chat turn ≤ 2 KiB. The real bot over HTTP; bytes counted per file by
 * wrapping the fs write calls in this process (the bot runs in it), so the figure is the bytes the
 * stores hand to the file system, not timing. Every turn is followed by `audit.flush()`, which makes
 * the anchor write the bot does within a second happen at once: the worst case, where no two turns
 * share an anchor write. The log already has SEALED_SEGMENTS sealed, anchored segments, so a store
 * whose per-turn writes grow with the log (as the old anchors.json did, ~170 B per sealed segment)
 * fails here.
 */

const SEALED_SEGMENTS = 100;

const TURNS = 50;
const MESSAGES = [
  'search vpn',
  'get "VPN Setup Guide" in OPS',
  'how many weeks of parental leave do we get?',
  'open the second one',
  'search parental leave in HR',
] as const;

describe('disk written per turn', () => {
  let h: Harness;
  let meter: FileWriteMeter;

  let dataDir: string;

  beforeAll(async () => {
    const secretKey = randomBytes(32);
    dataDir = await makeDataDir('disk-per-turn-');
    const log = await openAuditLog({
      dataDir,
      segmentMaxEntries: 10,
      anchorKey: deriveAuditAnchorKey(secretKey),
    });
    for (let i = 0; i < SEALED_SEGMENTS * 10; i++) await log.append(buildAuditEvent());
    await log.close();
    meter = await startFileWriteMeter();
    h = await startHarness({
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      SECRET_KEY: secretKey.toString('base64'),
    });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    meter?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it(`averages ≤ 2 KiB over ${TURNS} read turns after warm-up, all of it audit (entry + one head slot)`, async () => {
    const turn = async (i: number) => {
      const result = await h.say(MESSAGES[i % MESSAGES.length] ?? 'search vpn', { from: USERS.reader });
      expect(result.status).toBe(200);
      await h.app.audit.flush();
    };
    // Warm-up: first-time writes (secret key, settings, people, conversation references, anchors file).
    for (let i = 0; i < MESSAGES.length * 2; i++) await turn(i);
    const seqBefore = h.app.audit.head().seq;
    meter.reset();
    for (let i = 0; i < TURNS; i++) await turn(i);
    const perFile = new Map([...meter.snapshot()].map(([path, bytes]) => [relative(dataDir, path), bytes]));
    const perTurn = meter.total() / TURNS;
    const entries = h.app.audit.head().seq - seqBefore;

    expect(perTurn).toBeLessThanOrEqual(2_048);
    // Nothing but the audit store writes in a steady state: no people, conversations, settings or
    // approvals file is rewritten by a read turn.
    const segment = `audit/segment-${String(SEALED_SEGMENTS).padStart(6, '0')}.json`;
    expect([...perFile.keys()].sort()).toEqual(['audit/anchors-head.jsonl', segment]);
    await expect(readAnchors(`${dataDir}/audit`)).resolves.toMatchObject({
      head: { sealed: SEALED_SEGMENTS - 1 },
    });
    // One head slot per turn, overwritten in place: the anchors cost no more as the log grows.
    expect(perFile.get('audit/anchors-head.jsonl')).toBe(TURNS * HEAD_SLOT_BYTES);
    // The rest is the entries themselves (each line plus 6 bytes of closing), about 500 B each.
    expect(entries).toBeGreaterThanOrEqual(TURNS);
    expect((perFile.get(segment) ?? 0) / entries).toBeLessThan(800);
  });
});
