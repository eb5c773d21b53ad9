import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../bot/audit/canonical-json.js';
import { verifyAuditDir } from '../../../bot/audit/verify-chain.js';
import { stitchRanges, verifyRange } from '../../../bot/audit/verify-range.js';
import { generateAuditChain } from '../../bench/generate-audit-chain.js';
import {
  CAN_LIST_OPEN_FILES,
  countFileRequestsInFlight,
  listOpenFilesUnder,
} from '../../support/open-files.js';

const SEGMENTS = 90;

/** The parallel verifier (slices on worker threads, then stitched) must agree with one thread on every chain. */
describe('parallel audit verification', () => {
  let dir: string;
  let files: string[];
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'audit-par-')), 'audit');
    await generateAuditChain(dir, SEGMENTS * 5, { segmentMaxEntries: 5 });
    files = (await readdir(dir)).sort().map((name) => join(dir, name));
  });
  afterEach(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  const both = async () => ({
    single: await verifyAuditDir(dir, { threads: 1 }),
    parallel: await verifyAuditDir(dir, { threads: 2 }),
  });

  it('accepts an intact chain with the same head hash', async () => {
    const { single, parallel } = await both();
    expect(single).toMatchObject({ ok: true, entries: SEGMENTS * 5, segments: SEGMENTS });
    expect(parallel).toEqual(single);
  });

  it('reports the same first broken seq for a tampered entry in the second half', async () => {
    const file = files[70]!;
    await writeFile(file, (await readFile(file, 'utf8')).replace('"outcome":"ok"', '"outcome":"error"'));
    const { single, parallel } = await both();
    expect(single.ok).toBe(false);
    expect(parallel).toEqual(single);
  });

  it('catches a segment deleted exactly at a slice boundary (only the stitch can see it)', async () => {
    await unlink(files[SEGMENTS / 2]!);
    const { single, parallel } = await both();
    expect(single).toMatchObject({ ok: false, seq: (SEGMENTS / 2) * 5 + 1 });
    expect(parallel).toEqual(single);
  });

  it('leaves no read in flight when a slice fails early (a worker is terminated as soon as it answers)', async () => {
    await writeFile(files[0]!, 'not JSON');
    const before = countFileRequestsInFlight();
    const result = await verifyRange(files, { seq: 1, prevHash: GENESIS_HASH });
    expect(countFileRequestsInFlight()).toBe(before);
    expect(result).toMatchObject({ ok: false, reason: 'segment is not valid JSON' });
  });

  it.runIf(CAN_LIST_OPEN_FILES)('keeps no segment open after a parallel check that failed', async () => {
    const file = files[70]!;
    await writeFile(file, (await readFile(file, 'utf8')).replace('"outcome":"ok"', '"outcome":"error"'));
    await expect(verifyAuditDir(dir, { threads: 2 })).resolves.toMatchObject({ ok: false });
    expect(await listOpenFilesUnder(dir)).toEqual([]);
  });

  it('stitches slices: a gap between slices and a wrong prevHash are both reported in chain order', async () => {
    const first = await verifyRange(files.slice(0, 10), undefined);
    const third = await verifyRange(files.slice(20, 30), undefined);
    expect(stitchRanges([first], 10)).toMatchObject({ ok: true, entries: 50 });
    expect(stitchRanges([first, third], 20)).toMatchObject({
      ok: false,
      seq: 51,
      reason: 'expected seq 51, found 101',
    });
    const second = await verifyRange(files.slice(10, 20), undefined);
    expect(stitchRanges([second], 10)).toMatchObject({ ok: false, seq: 1 });
    const anchored = await verifyRange(files.slice(0, 20), { seq: 1, prevHash: GENESIS_HASH });
    expect(stitchRanges([first, second], 20)).toEqual(stitchRanges([anchored], 20));
  });
});
