import { randomBytes } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  anchorsPath,
  HEAD_SLOT_BYTES,
  legacyAnchorsPath,
  readAnchorFiles,
  readAnchors,
  sealedAnchorsPath,
} from '../../../bot/audit/anchor-files.js';
import { deriveAuditAnchorKey } from '../../../bot/audit/anchor-key.js';
import { ANCHORS_VERSION, type AnchorsDoc } from '../../../bot/audit/anchors.js';
import { type OpenAuditLogOptions, openAuditLog, verifyAuditDir } from '../../../bot/audit/audit-log.js';
import type { AuditLog } from '../../../bot/audit/types.js';
import { isAppError } from '../../../bot/errors.js';
import { buildAuditEvent, makeDataDir } from '../../support/audit-fixtures.js';
import { type FileWriteMeter, startFileWriteMeter } from '../../support/file-write-meter.js';

const KEY = deriveAuditAnchorKey(randomBytes(32));
const SEGMENT = 10;

/** Opens a log whose anchors are written only by `flush`/`close` or a seal (no timer, no count). */
function openQuiet(dataDir: string, extra: Partial<OpenAuditLogOptions> = {}): Promise<AuditLog> {
  return openAuditLog({
    dataDir,
    segmentMaxEntries: SEGMENT,
    anchorKey: KEY,
    anchorEveryEntries: 1_000_000,
    anchorDelayMs: 3_600_000,
    ...extra,
  });
}

async function appendN(log: AuditLog, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await log.append(buildAuditEvent({ target: { pageId: String(i) } }));
}

async function loadDoc(auditDir: string): Promise<AnchorsDoc> {
  const doc = await readAnchors(auditDir);
  if (doc === null) throw new Error('no anchors');
  return doc;
}

let meter: FileWriteMeter | undefined;
afterEach(() => {
  meter?.stop();
  meter = undefined;
});

describe('anchor files', () => {
  it('an anchor write overwrites one fixed-size head slot in place, alternating slots; a seal appends one line', async () => {
    const dataDir = await makeDataDir('audit-anchor-files-');
    const auditDir = join(dataDir, 'audit');
    const log = await openQuiet(dataDir);
    await appendN(log, 5);
    await log.flush();
    meter = await startFileWriteMeter();
    const slotsSeen = new Set<number>();
    for (let i = 0; i < 4; i++) {
      await appendN(log, 1);
      meter.reset();
      await log.flush();
      expect(meter.snapshot()).toEqual(new Map([[anchorsPath(auditDir), HEAD_SLOT_BYTES]]));
      slotsSeen.add((await readAnchorFiles(auditDir))?.newestSlot ?? -1);
    }
    expect(slotsSeen).toEqual(new Set([0, 1]));
    expect((await stat(anchorsPath(auditDir))).size).toBe(2 * HEAD_SLOT_BYTES);

    // Entry 11 starts segment 2 and seals segment 1: one line for the seal, one slot for the head.
    meter.reset();
    await appendN(log, 2);
    await log.flush();
    const written = meter.snapshot();
    const sealedLine = (await readFile(sealedAnchorsPath(auditDir), 'utf8')).split('\n')[0] ?? '';
    expect(written.get(sealedAnchorsPath(auditDir))).toBe(Buffer.byteLength(sealedLine) + 1);
    expect(written.get(anchorsPath(auditDir))).toBe(HEAD_SLOT_BYTES);
    await log.close();
    await expect(loadDoc(auditDir)).resolves.toMatchObject({
      sealed: [{ segment: 1, seq: 10 }],
      head: { seq: 11, segment: 2, sealed: 1 },
    });
  });

  it('a head write torn at any byte falls back to the other slot, reopens, and is written over next', async () => {
    const dataDir = await makeDataDir('audit-anchor-files-');
    const auditDir = join(dataDir, 'audit');
    const log = await openQuiet(dataDir);
    await appendN(log, 7);
    await log.flush();
    const before = await readFile(anchorsPath(auditDir));
    const target = (await readAnchorFiles(auditDir))?.newestSlot === 0 ? 1 : 0;
    await appendN(log, 1);
    await log.close();
    const after = await readFile(anchorsPath(auditDir));
    const start = target * HEAD_SLOT_BYTES;
    expect(after.subarray(0, start)).toEqual(before.subarray(0, start));

    for (const k of [1, 2, 60, 143, 250, HEAD_SLOT_BYTES - 2, HEAD_SLOT_BYTES - 1]) {
      const torn = Buffer.from(before);
      after.copy(torn, start, start, start + k);
      // Only the padding and newline left to write: the slot is already whole (and new).
      const whole = torn
        .subarray(start, start + HEAD_SLOT_BYTES)
        .equals(after.subarray(start, start + HEAD_SLOT_BYTES));
      await writeFile(anchorsPath(auditDir), torn);
      await expect(
        verifyAuditDir(auditDir, { anchorKey: KEY }),
        `torn after ${k} bytes`,
      ).resolves.toMatchObject({
        ok: true,
        anchor: { checked: true, anchoredSeq: whole ? 8 : 7, unanchored: whole ? 0 : 1 },
      });
      if (k <= 250) expect(whole).toBe(false);
    }
    await writeFile(
      anchorsPath(auditDir),
      Buffer.concat([before.subarray(0, start + 60), after.subarray(start + 60)]),
    );
    const reopened = await openQuiet(dataDir);
    await appendN(reopened, 1);
    await reopened.close();
    const loaded = await readAnchorFiles(auditDir);
    expect(loaded).toMatchObject({ newestSlot: target, doc: { head: { seq: 9 } } });
    await expect(verifyAuditDir(auditDir, { anchorKey: KEY })).resolves.toMatchObject({
      ok: true,
      anchor: { anchoredSeq: 9, unanchored: 0 },
    });
  });

  it('refuses a head file with neither slot whole', async () => {
    const dataDir = await makeDataDir('audit-anchor-files-');
    const log = await openQuiet(dataDir);
    await appendN(log, 3);
    await log.close();
    await writeFile(anchorsPath(join(dataDir, 'audit')), Buffer.alloc(2 * HEAD_SLOT_BYTES, 'x'));
    await expect(openQuiet(dataDir)).rejects.toSatisfy(
      (error: unknown) =>
        isAppError(error, 'STORE_CORRUPT') && (error as Error).message.includes('neither head slot'),
    );
  });

  it('a torn sealed line is ignored and written over by the next seal', async () => {
    const dataDir = await makeDataDir('audit-anchor-files-');
    const auditDir = join(dataDir, 'audit');
    const log = await openQuiet(dataDir);
    await appendN(log, 15);
    await log.close();
    const sealedPath = sealedAnchorsPath(auditDir);
    const whole = await readFile(sealedPath, 'utf8');
    await writeFile(sealedPath, `${whole}{"segment":2,"seq":20,"ha`);
    await expect(verifyAuditDir(auditDir, { anchorKey: KEY })).resolves.toMatchObject({ ok: true });
    const reopened = await openQuiet(dataDir);
    await appendN(reopened, 10);
    await reopened.close();
    const lines = (await readFile(sealedPath, 'utf8')).split('\n');
    expect(lines.length).toBe(3);
    expect(lines[2]).toBe('');
    await expect(verifyAuditDir(auditDir, { anchorKey: KEY })).resolves.toMatchObject({
      ok: true,
      entries: 25,
      anchor: { anchoredSeq: 25 },
    });
    await expect(loadDoc(auditDir)).resolves.toMatchObject({ head: { sealed: 2 } });
  });

  it('sealed records the head does not count yet (a crash between the two writes) are accepted', async () => {
    const dataDir = await makeDataDir('audit-anchor-files-');
    const auditDir = join(dataDir, 'audit');
    const log = await openQuiet(dataDir);
    await appendN(log, 25);
    await log.flush();
    const oldHead = await readFile(anchorsPath(auditDir));
    await appendN(log, 6);
    await log.close();
    await writeFile(anchorsPath(auditDir), oldHead);
    const doc = await loadDoc(auditDir);
    expect(doc.sealed).toHaveLength(3);
    expect(doc.head).toMatchObject({ seq: 25, sealed: 2 });
    await expect(verifyAuditDir(auditDir, { anchorKey: KEY })).resolves.toMatchObject({
      ok: true,
      anchor: { anchoredSeq: 25, unanchored: 6 },
    });
    const reopened = await openQuiet(dataDir);
    await reopened.close();
    await expect(loadDoc(auditDir)).resolves.toMatchObject({ head: { seq: 31, sealed: 3 } });
  });
});

describe('a legacy anchors.json', () => {
  /** A log of `count` entries whose anchors are in the version-1 single file, as the old writer left them. */
  async function legacyDataDir(count: number): Promise<string> {
    const dataDir = await makeDataDir('audit-anchor-legacy-');
    const auditDir = join(dataDir, 'audit');
    const log = await openQuiet(dataDir);
    await appendN(log, count);
    await log.close();
    const doc = await loadDoc(auditDir);
    const legacy: AnchorsDoc = { version: ANCHORS_VERSION, kid: doc.kid, sealed: doc.sealed, head: doc.head };
    await writeFile(legacyAnchorsPath(auditDir), `${JSON.stringify(legacy)}\n`);
    await rm(anchorsPath(auditDir));
    await rm(sealedAnchorsPath(auditDir), { force: true });
    return dataDir;
  }

  it('is read by the verifier, checked, and migrated to the slot files when the log opens', async () => {
    const dataDir = await legacyDataDir(25);
    const auditDir = join(dataDir, 'audit');
    await expect(verifyAuditDir(auditDir, { anchorKey: KEY })).resolves.toMatchObject({
      ok: true,
      anchor: { checked: true, anchoredSeq: 25 },
    });
    const legacy = await readAnchorFiles(auditDir);
    expect(legacy).toMatchObject({ format: 'legacy', doc: { head: { seq: 25, sealed: 2 } } });

    const log = await openQuiet(dataDir);
    await expect(readFile(legacyAnchorsPath(auditDir))).rejects.toThrow();
    const migrated = await readAnchorFiles(auditDir);
    expect(migrated?.format).toBe('slots');
    expect(migrated?.doc).toEqual(legacy?.doc);
    await appendN(log, 10);
    await log.close();
    await expect(loadDoc(auditDir)).resolves.toMatchObject({
      sealed: [{ segment: 1 }, { segment: 2 }, { segment: 3 }],
      head: { seq: 35, sealed: 3 },
    });
    await expect(verifyAuditDir(auditDir, { anchorKey: KEY })).resolves.toMatchObject({
      ok: true,
      entries: 35,
      anchor: { anchoredSeq: 35, unanchored: 0 },
    });
  });

  it('still catches a cut tail before anything is migrated', async () => {
    const dataDir = await legacyDataDir(25);
    const auditDir = join(dataDir, 'audit');
    const segment3 = join(auditDir, 'segment-000003.json');
    const entries = (JSON.parse(await readFile(segment3, 'utf8')) as { entries: unknown[] }).entries;
    await writeFile(segment3, `${JSON.stringify({ entries: entries.slice(0, 2) })}\n`);
    await expect(openQuiet(dataDir)).rejects.toSatisfy(
      (error: unknown) =>
        isAppError(error, 'STORE_CORRUPT') &&
        /chain ends at seq 22 but the anchor/.test((error as Error).message),
    );
    await expect(readFile(legacyAnchorsPath(auditDir))).resolves.toBeDefined();
    await expect(readFile(anchorsPath(auditDir))).rejects.toThrow();
  });

  it('left over beside a head file (a crash after migrating) is stale and removed', async () => {
    const dataDir = await legacyDataDir(12);
    const auditDir = join(dataDir, 'audit');
    const legacyText = await readFile(legacyAnchorsPath(auditDir));
    const log = await openQuiet(dataDir);
    await appendN(log, 3);
    await log.close();
    await writeFile(legacyAnchorsPath(auditDir), legacyText);
    await expect(loadDoc(auditDir)).resolves.toMatchObject({ head: { seq: 15 } });
    const reopened = await openQuiet(dataDir);
    await reopened.close();
    await expect(readFile(legacyAnchorsPath(auditDir))).rejects.toThrow();
  });
});
