import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeEntryHash, openAuditLog, verifyAuditDir } from '../../../bot/audit/audit-log.js';
import { segmentFileName } from '../../../bot/audit/segment-format.js';
import { buildAuditEvent, makeDataDir, readSegmentEntries } from '../../support/audit-fixtures.js';

type MutableEntry = Record<string, unknown> & { seq: number; prevHash: string; hash: string };

let pristine: string;

beforeAll(async () => {
  pristine = await makeDataDir('audit-verify-');
  const log = await openAuditLog({ dataDir: pristine, segmentMaxEntries: 4 });
  await Promise.all(
    Array.from({ length: 10 }, (_, i) => log.append(buildAuditEvent({ target: { title: `Page ${i + 1}` } }))),
  );
  await log.close();
});

async function copyOfChain(): Promise<string> {
  const dataDir = await makeDataDir('audit-tamper-');
  const { cp } = await import('node:fs/promises');
  await cp(join(pristine, 'audit'), join(dataDir, 'audit'), { recursive: true });
  return join(dataDir, 'audit');
}

async function tamper(dir: string, segment: number, change: (entries: MutableEntry[]) => unknown[]) {
  const path = join(dir, segmentFileName(segment));
  const entries = (await readSegmentEntries(path)) as unknown as MutableEntry[];
  await writeFile(path, JSON.stringify({ entries: change(entries) }));
  return path;
}

function at(entries: MutableEntry[], index: number): MutableEntry {
  const entry = entries[index];
  if (entry === undefined) throw new Error(`no entry at ${index}`);
  return entry;
}

describe('verifyAuditDir', () => {
  it('accepts the intact chain across segments', async () => {
    const result = await verifyAuditDir(await copyOfChain());
    expect(result).toMatchObject({ ok: true, entries: 10, segments: 3 });
    const last = await readSegmentEntries(join(pristine, 'audit', segmentFileName(3)));
    expect(result.ok && result.headHash).toBe(last.at(-1)?.hash);
  });

  it('treats a missing or empty directory as an empty chain', async () => {
    await expect(verifyAuditDir(join(await makeDataDir(), 'nothing'))).resolves.toMatchObject({
      ok: true,
      entries: 0,
    });
  });

  const cases: [string, number, (entries: MutableEntry[]) => unknown[], number, RegExp][] = [
    [
      'an edited field',
      2,
      (e) => e.map((x) => (x.seq === 6 ? { ...x, target: { title: 'Forged' } } : x)),
      6,
      /hash does not match/,
    ],
    ['an added field', 2, (e) => e.map((x) => (x.seq === 7 ? { ...x, extra: true } : x)), 7, /hash/],
    ['a deleted entry', 2, (e) => e.filter((x) => x.seq !== 6), 6, /expected seq 6, found 7/],
    ['a reorder', 2, (e) => [at(e, 0), at(e, 2), at(e, 1), at(e, 3)], 6, /expected seq 6, found 7/],
    [
      'a changed prevHash',
      2,
      (e) => e.map((x) => (x.seq === 6 ? { ...x, prevHash: 'a'.repeat(64) } : x)),
      6,
      /prevHash/,
    ],
    [
      'an edit with a recomputed hash',
      2,
      (e) =>
        e.map((x) => {
          if (x.seq !== 6) return x;
          const forged = { ...x, outcome: 'error' };
          return { ...forged, hash: computeEntryHash(forged) };
        }),
      7,
      /prevHash/,
    ],
    [
      'a forged genesis',
      1,
      (e) => e.map((x) => (x.seq === 1 ? { ...x, prevHash: 'f'.repeat(64) } : x)),
      1,
      /prevHash/,
    ],
    ['a deleted last entry of a segment', 1, (e) => e.slice(0, 3), 4, /expected seq 4, found 5/],
  ];

  it.each(cases)('detects %s at the right seq and file', async (_label, segment, change, seq, reason) => {
    const dir = await copyOfChain();
    await tamper(dir, segment, change);
    const result = await verifyAuditDir(dir);
    expect(result).toMatchObject({ ok: false, seq });
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      const expectedSegment = seq === 4 ? 2 : segment;
      expect(result.file).toBe(join(dir, segmentFileName(expectedSegment)));
    }
  });

  it('detects a deleted middle segment in the next file', async () => {
    const dir = await copyOfChain();
    await rm(join(dir, segmentFileName(2)));
    await expect(verifyAuditDir(dir)).resolves.toEqual({
      ok: false,
      seq: 5,
      file: join(dir, segmentFileName(3)),
      reason: 'expected seq 5, found 9',
    });
  });

  it('reports an unparseable middle segment', async () => {
    const dir = await copyOfChain();
    await writeFile(join(dir, segmentFileName(2)), '{"entries":[{');
    await expect(verifyAuditDir(dir)).resolves.toMatchObject({
      ok: false,
      seq: 5,
      file: join(dir, segmentFileName(2)),
      reason: 'segment is not valid JSON',
    });
  });
});
