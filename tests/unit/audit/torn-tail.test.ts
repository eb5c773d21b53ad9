import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAD_FILE } from '../../../bot/audit/anchor-files.js';
import { deriveAuditAnchorKey, openAuditLog, verifyAuditDir } from '../../../bot/audit/audit-log.js';
import { segmentFileName } from '../../../bot/audit/segment-format.js';
import type { AuditEntry } from '../../../bot/audit/types.js';
import { buildAuditEvent, makeDataDir, readSegmentEntries } from '../../support/audit-fixtures.js';

const ANCHOR_KEY = deriveAuditAnchorKey(randomBytes(32));
const ACKED = 5;

/**
 * A log holding ACKED acknowledged entries, and the segment's bytes before and after one more append
 * (the write a crash interrupts): that write covers bytes [before.length - 4, after.length).
 */
async function makeLastAppend(): Promise<{
  dataDir: string;
  acked: AuditEntry[];
  before: Buffer;
  after: Buffer;
}> {
  const dataDir = await makeDataDir('audit-torn-');
  const log = await openAuditLog({ dataDir, anchorKey: ANCHOR_KEY });
  const acked: AuditEntry[] = [];
  for (let i = 0; i < ACKED; i++) {
    acked.push(await log.append(buildAuditEvent({ target: { title: `Ünïcode page ${i} “quoted”` } })));
  }
  await log.flush();
  const path = join(dataDir, 'audit', segmentFileName(1));
  const before = await readFile(path);
  const anchors = await readFile(join(dataDir, 'audit', HEAD_FILE));
  await log.append(buildAuditEvent({ target: { title: 'the last append “torn”' }, details: { n: 6 } }));
  await log.close();
  const after = await readFile(path);
  await writeFile(join(dataDir, 'audit', HEAD_FILE), anchors);
  return { dataDir, acked, before, after };
}

describe('a crash at any byte of the last append', () => {
  it('reopens with every acknowledged entry, an intact chain, a whole document and a working next append', async () => {
    const { dataDir, acked, before, after } = await makeLastAppend();
    const auditDir = join(dataDir, 'audit');
    const path = join(auditDir, segmentFileName(1));
    const start = before.length - 4;
    const written = after.length - start;
    expect(after.subarray(0, start)).toEqual(before.subarray(0, start));
    expect(written).toBeLessThan(700);
    const cases: { name: string; bytes: Buffer }[] = [];
    for (let k = 0; k <= written; k++) {
      const landed = after.subarray(0, start + k);
      cases.push({ name: `cut after ${k} of ${written} bytes`, bytes: landed });
      if (start + k < before.length) {
        cases.push({
          name: `${k} bytes over the old closing`,
          bytes: Buffer.concat([landed, before.subarray(start + k)]),
        });
      }
      if (k % 10 === 0 && k < written) {
        cases.push({
          name: `${k} bytes, then zeros`,
          bytes: Buffer.concat([landed, Buffer.alloc(written - k)]),
        });
      }
    }
    for (const { name, bytes } of cases) {
      await writeFile(path, bytes);
      const offline = await verifyAuditDir(auditDir, { anchorKey: ANCHOR_KEY });
      expect(offline, name).toMatchObject({ ok: true, anchor: { checked: true } });

      const log = await openAuditLog({ dataDir });
      const reopened = log.head().seq;
      expect([ACKED, ACKED + 1], name).toContain(reopened);
      expect(offline.ok && offline.entries, name).toBe(reopened);
      const onDisk = await readSegmentEntries(path);
      expect(onDisk.slice(0, ACKED), name).toEqual(acked);
      const next = await log.append(buildAuditEvent());
      expect(next.seq, name).toBe(reopened + 1);
      await log.close();
      expect(JSON.parse(await readFile(path, 'utf8')), name).toEqual({ entries: [...onDisk, next] });
      await expect(verifyAuditDir(auditDir, { anchorKey: ANCHOR_KEY }), name).resolves.toMatchObject({
        ok: true,
        entries: reopened + 1,
        anchor: { checked: true },
      });
    }
  }, 120_000);
});
