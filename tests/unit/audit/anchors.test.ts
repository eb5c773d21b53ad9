import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  anchorsPath,
  encodeHeadSlot,
  HEAD_SLOT_BYTES,
  readAnchorFiles,
  readAnchors,
  sealedAnchorsPath,
} from '../../../bot/audit/anchor-files.js';
import { deriveAuditAnchorKey } from '../../../bot/audit/anchor-key.js';
import type { AnchorsDoc } from '../../../bot/audit/anchors.js';
import { GENESIS_HASH, openAuditLog, verifyAuditDir } from '../../../bot/audit/audit-log.js';
import { buildAuditEntry } from '../../../bot/audit/build-entry.js';
import { openSyncedReadWrite } from '../../../bot/audit/durable-file.js';
import { runVerifyCli } from '../../../bot/audit/run-verify-cli.js';
import { listSegments } from '../../../bot/audit/segment-format.js';
import type { AuditEntry } from '../../../bot/audit/types.js';
import { isAppError } from '../../../bot/errors.js';
import {
  buildAuditEvent,
  countingOpener,
  makeDataDir,
  readSegmentEntries,
} from '../../support/audit-fixtures.js';

const SECRET = randomBytes(32);
const KEY = deriveAuditAnchorKey(SECRET);
const SEGMENT = 10;

async function loggedDataDir(count: number): Promise<string> {
  const dataDir = await makeDataDir('audit-anchor-');
  const log = await openAuditLog({ dataDir, segmentMaxEntries: SEGMENT, anchorKey: KEY });
  for (let i = 0; i < count; i++) await log.append(buildAuditEvent({ target: { pageId: String(i) } }));
  await log.close();
  return dataDir;
}

async function readAll(auditDir: string): Promise<{ path: string; entries: AuditEntry[] }[]> {
  const out: { path: string; entries: AuditEntry[] }[] = [];
  for (const segment of await listSegments(auditDir)) {
    out.push({ path: segment.path, entries: await readSegmentEntries(segment.path) });
  }
  return out;
}

/**
 * What an attacker with write access but no key can do: drop entry `seq`, renumber and re-hash the
 * rest with the published algorithm, so every link of the chain checks out again.
 */
async function deleteAndRehash(auditDir: string, seq: number): Promise<void> {
  let prevHash = GENESIS_HASH;
  let next = 1;
  for (const segment of await readAll(auditDir)) {
    const rewritten = segment.entries
      .filter((entry) => entry.seq !== seq)
      .map((entry) => {
        const built = buildAuditEntry(entry, entry.at, next, prevHash);
        next += 1;
        prevHash = built.hash;
        return built;
      });
    await writeFile(segment.path, `${JSON.stringify({ entries: rewritten })}\n`);
  }
}

/** Cuts the chain after `keep` entries (whole segments removed, the last one trimmed). */
async function cutTail(auditDir: string, keep: number): Promise<void> {
  for (const segment of await readAll(auditDir)) {
    const kept = segment.entries.filter((entry) => entry.seq <= keep);
    if (kept.length === 0) await rm(segment.path);
    else await writeFile(segment.path, `${JSON.stringify({ entries: kept })}\n`);
  }
}

/** The anchors of `auditDir` as loaded (throws when there are none). */
async function loadAnchors(auditDir: string): Promise<AnchorsDoc> {
  const doc = await readAnchors(auditDir);
  if (doc === null) throw new Error(`no anchors in ${auditDir}`);
  return doc;
}

describe('audit anchors', () => {
  it('a clean chain after many appends and segment seals passes, with every sealed segment anchored', async () => {
    const dataDir = await loggedDataDir(95);
    const auditDir = join(dataDir, 'audit');
    const result = await verifyAuditDir(auditDir, { anchorKey: KEY });
    expect(result).toMatchObject({
      ok: true,
      entries: 95,
      segments: 10,
      anchor: { checked: true, anchoredSeq: 95, unanchored: 0 },
    });
    const doc = await loadAnchors(auditDir);
    expect(doc.sealed.map((record) => record.seq)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(doc.head).toMatchObject({ seq: 95, segment: 10, sealed: 9 });
    expect(JSON.stringify(doc)).not.toContain(KEY.toString('hex'));
    expect(JSON.stringify(doc)).not.toContain(SECRET.toString('base64'));
  });

  it('a re-hashed chain with an entry deleted links up, but fails against the anchors (with the key)', async () => {
    const dataDir = await loggedDataDir(45);
    const auditDir = join(dataDir, 'audit');
    await deleteAndRehash(auditDir, 17);
    await expect(verifyAuditDir(auditDir)).resolves.toMatchObject({ ok: true, entries: 44 });
    const result = await verifyAuditDir(auditDir, { anchorKey: KEY });
    expect(result).toMatchObject({ ok: false, seq: 20, file: anchorsPath(auditDir) });
    if (!result.ok) {
      expect(result.reason).toMatch(
        /^the anchor for seq 20 \(segment 2\) says hash [0-9a-f]{64}, the chain has [0-9a-f]{64}: entries up to seq 20 were changed, removed or re-hashed$/,
      );
    }
  });

  it('a re-hash after the last sealed segment is still caught by the head anchor', async () => {
    const dataDir = await loggedDataDir(45);
    const auditDir = join(dataDir, 'audit');
    await deleteAndRehash(auditDir, 43);
    const result = await verifyAuditDir(auditDir, { anchorKey: KEY });
    expect(result).toMatchObject({ ok: false, seq: 45 });
    if (!result.ok)
      expect(result.reason).toContain('chain ends at seq 44 but the anchor (the head anchor) says 45');
  });

  it('a cut tail fails, naming where the chain ends and what the anchor says', async () => {
    const dataDir = await loggedDataDir(45);
    const auditDir = join(dataDir, 'audit');
    await cutTail(auditDir, 32);
    await expect(verifyAuditDir(auditDir)).resolves.toMatchObject({ ok: true, entries: 32 });
    const result = await verifyAuditDir(auditDir, { anchorKey: KEY });
    expect(result).toMatchObject({
      ok: false,
      seq: 40,
      reason: 'the chain ends at seq 32 but the anchor (segment 4) says 40: entries were cut off the end',
    });
  });

  it('refuses to reopen (and so to re-anchor) a chain that contradicts its anchors', async () => {
    const dataDir = await loggedDataDir(25);
    await cutTail(join(dataDir, 'audit'), 24);
    await expect(openAuditLog({ dataDir, segmentMaxEntries: SEGMENT, anchorKey: KEY })).rejects.toSatisfy(
      (error: unknown) =>
        isAppError(error, 'STORE_CORRUPT') &&
        /chain ends at seq 24 but the anchor/.test((error as Error).message),
    );
  });

  it('closes the newest segment again when it refuses to open after repairing its torn tail', async () => {
    const dataDir = await loggedDataDir(25);
    const newest = (await listSegments(join(dataDir, 'audit'))).at(-1)?.path ?? '';
    const bytes = await readFile(newest);
    await writeFile(newest, bytes.subarray(0, bytes.length - 10));
    const { open: counting, handles } = countingOpener(openSyncedReadWrite);
    const otherKey = deriveAuditAnchorKey(randomBytes(32));
    await expect(
      openAuditLog({ dataDir, segmentMaxEntries: SEGMENT, anchorKey: otherKey, openForAppend: counting }),
    ).rejects.toSatisfy((error: unknown) => isAppError(error, 'STORE_CORRUPT'));
    expect(handles).toEqual({ opened: 1, closed: 1 });
  });

  it('detects an edited head, a removed sealed record, another key and deleted files', async () => {
    const dataDir = await loggedDataDir(35);
    const auditDir = join(dataDir, 'audit');
    const headPath = anchorsPath(auditDir);
    const sealedPath = sealedAnchorsPath(auditDir);
    const original = await readFile(headPath);
    const sealed = await readFile(sealedPath, 'utf8');
    const doc = await loadAnchors(auditDir);
    expect(doc.head).toMatchObject({ seq: 35, sealed: 3 });

    // The newest slot rewritten (checksum and all: it needs no key) to claim seq 36, the MAC kept.
    const newest = (await readAnchorFiles(auditDir))?.newestSlot ?? 0;
    const edited = Buffer.from(original);
    encodeHeadSlot(doc.kid, { ...doc.head, seq: 36 }).copy(edited, newest * HEAD_SLOT_BYTES);
    await writeFile(headPath, edited);
    await expect(verifyAuditDir(auditDir, { anchorKey: KEY })).resolves.toMatchObject({
      ok: false,
      reason: 'the head anchor (seq 36) fails its MAC check: the anchors file was edited',
    });
    await writeFile(headPath, original);

    await writeFile(sealedPath, `${sealed.split('\n')[0]}\n`);
    const removed = await verifyAuditDir(auditDir, { anchorKey: KEY });
    expect(removed.ok).toBe(false);
    if (!removed.ok) expect(removed.reason).toContain('anchor records were removed');

    // The removed record replaced by a copy of another one: still one segment short.
    const [first] = sealed.split('\n');
    await writeFile(sealedPath, `${first}\n${first}\n${first}\n`);
    const copied = await verifyAuditDir(auditDir, { anchorKey: KEY });
    expect(copied.ok).toBe(false);
    if (!copied.ok) expect(copied.reason).toContain('anchor records were removed');

    await rm(sealedPath);
    const noSealed = await verifyAuditDir(auditDir, { anchorKey: KEY });
    expect(noSealed.ok).toBe(false);
    if (!noSealed.ok) expect(noSealed.reason).toContain('anchor records were removed');
    await writeFile(sealedPath, sealed);

    const other = await verifyAuditDir(auditDir, { anchorKey: deriveAuditAnchorKey(randomBytes(32)) });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.reason).toContain('sealed with a different key');

    await rm(headPath);
    const headless = await verifyAuditDir(auditDir, { anchorKey: KEY });
    expect(headless.ok).toBe(false);
    if (!headless.ok) expect(headless.reason).toContain('is missing although anchors-sealed.jsonl holds 3');
    await expect(openAuditLog({ dataDir, segmentMaxEntries: SEGMENT, anchorKey: KEY })).rejects.toSatisfy(
      (error: unknown) => isAppError(error, 'STORE_CORRUPT'),
    );

    await rm(sealedPath);
    const missing = await verifyAuditDir(auditDir, { anchorKey: KEY });
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.reason).toContain('there is no anchors file although the chain has 35 entries');
  });

  it('re-anchors a chain whose anchors file is missing and records that in the chain itself', async () => {
    const dataDir = await loggedDataDir(12);
    await rm(anchorsPath(join(dataDir, 'audit')));
    await rm(sealedAnchorsPath(join(dataDir, 'audit')));
    const log = await openAuditLog({ dataDir, segmentMaxEntries: SEGMENT, anchorKey: KEY });
    const [entry] = await log.tail(1);
    expect(entry).toMatchObject({ seq: 13, operation: 'audit-anchor', details: { anchoredSeq: 12 } });
    await expect(log.verify()).resolves.toMatchObject({
      ok: true,
      anchor: { checked: true, anchoredSeq: 13 },
    });
    await log.close();
  });

  it('an anchor that lags the chain (as after a crash) is not an error', async () => {
    const dataDir = await makeDataDir('audit-anchor-');
    const log = await openAuditLog({
      dataDir,
      segmentMaxEntries: 1_000,
      anchorKey: KEY,
      anchorEveryEntries: 1_000,
      anchorDelayMs: 3_600_000,
    });
    for (let i = 0; i < 20; i++) await log.append(buildAuditEvent());
    const auditDir = join(dataDir, 'audit');
    const doc = await loadAnchors(auditDir);
    expect(doc.head.seq).toBe(0);
    await expect(verifyAuditDir(auditDir, { anchorKey: KEY })).resolves.toMatchObject({
      ok: true,
      anchor: { checked: true, anchoredSeq: 0, unanchored: 20 },
    });
    await log.close();
    await expect(verifyAuditDir(auditDir, { anchorKey: KEY })).resolves.toMatchObject({
      anchor: { anchoredSeq: 20, unanchored: 0 },
    });
  });

  it('anchors at once every N entries without waiting for a flush', async () => {
    const dataDir = await makeDataDir('audit-anchor-');
    const log = await openAuditLog({
      dataDir,
      anchorKey: KEY,
      anchorEveryEntries: 5,
      anchorDelayMs: 3_600_000,
    });
    for (let i = 0; i < 5; i++) await log.append(buildAuditEvent());
    const started = log.append(buildAuditEvent());
    await started;
    await expect
      .poll(async () => {
        const doc = await loadAnchors(join(dataDir, 'audit'));
        return doc.head.seq;
      })
      .toBeGreaterThanOrEqual(5);
    await log.close();
  });

  it('the parallel verifier (worker threads) checks the anchors too', async () => {
    const dataDir = await makeDataDir('audit-anchor-');
    const log = await openAuditLog({ dataDir, segmentMaxEntries: 2, anchorKey: KEY });
    for (let i = 0; i < 140; i++) await log.append(buildAuditEvent({ target: { pageId: String(i) } }));
    await log.close();
    const auditDir = join(dataDir, 'audit');
    await expect(verifyAuditDir(auditDir, { anchorKey: KEY, threads: 2 })).resolves.toMatchObject({
      ok: true,
      entries: 140,
      anchor: { checked: true, anchoredSeq: 140 },
    });
    await deleteAndRehash(auditDir, 101);
    const single = await verifyAuditDir(auditDir, { anchorKey: KEY, threads: 1 });
    expect(single).toMatchObject({ ok: false, seq: 102 });
    await expect(verifyAuditDir(auditDir, { anchorKey: KEY, threads: 2 })).resolves.toEqual(single);
  });

  it('removes an anchors temp file left by a crash', async () => {
    const dataDir = await loggedDataDir(3);
    await writeFile(join(dataDir, 'audit', '.anchors.json.tmp'), '{"vers');
    const log = await openAuditLog({ dataDir, anchorKey: KEY });
    await expect(readFile(join(dataDir, 'audit', '.anchors.json.tmp'))).rejects.toThrow();
    await log.close();
  });

  it('head() gives the newest seq and hash', async () => {
    const dataDir = await makeDataDir('audit-anchor-');
    const log = await openAuditLog({ dataDir, anchorKey: KEY });
    expect(log.head()).toEqual({ seq: 0, hash: GENESIS_HASH });
    await log.append(buildAuditEvent());
    const last = await log.append(buildAuditEvent());
    expect(log.head()).toEqual({ seq: 2, hash: last.hash, at: last.at });
    await log.close();
    const reopened = await openAuditLog({ dataDir, anchorKey: KEY });
    expect(reopened.head()).toEqual({ seq: 2, hash: last.hash, at: last.at });
    await reopened.close();
  });
});

describe('audit:verify with anchors', () => {
  it('checks the anchors with SECRET_KEY, or with the development key file', async () => {
    const dataDir = await loggedDataDir(15);
    const withEnv = await runVerifyCli(['--data-dir', dataDir], { SECRET_KEY: SECRET.toString('base64') });
    expect(withEnv.exitCode).toBe(0);
    expect(withEnv.output).toContain('anchors OK — the chain matches the anchored head at seq 15');
    expect(withEnv.output).not.toContain(SECRET.toString('base64'));
    await writeFile(join(dataDir, 'secret.key'), `${SECRET.toString('base64')}\n`, { mode: 0o600 });
    await expect(runVerifyCli(['--data-dir', dataDir], {})).resolves.toMatchObject({ exitCode: 0 });
  });

  it('says plainly that the anchors were not checked without a key', async () => {
    const dataDir = await loggedDataDir(3);
    const result = await runVerifyCli(['--data-dir', dataDir], {});
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain('chain intact');
    expect(result.output).toContain('anchors NOT checked (SECRET_KEY is not set and there is no readable');
  });

  it('exits 1 for a cut tail with the key', async () => {
    const dataDir = await loggedDataDir(25);
    await cutTail(join(dataDir, 'audit'), 21);
    const result = await runVerifyCli(['--data-dir', dataDir], { SECRET_KEY: SECRET.toString('base64') });
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('the chain ends at seq 21 but the anchor (the head anchor) says 25');
  });
});
