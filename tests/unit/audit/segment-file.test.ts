import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAuditEntry } from '../../../bot/audit/build-entry.js';
import { GENESIS_HASH } from '../../../bot/audit/canonical-json.js';
import {
  SegmentEncoder,
  SegmentFile,
  segmentTempPath,
  serializeSegment,
} from '../../../bot/audit/segment-file.js';
import type { AuditEntry } from '../../../bot/audit/types.js';
import { buildAuditEvent, makeDataDir } from '../../support/audit-fixtures.js';

function makeEntries(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const entry = buildAuditEntry(
      buildAuditEvent({ target: { title: `Ünïcode “${seq}”` } }),
      '2025-01-01T00:00:00.000Z',
      seq,
      prevHash,
    );
    entries.push(entry);
    prevHash = entry.hash;
  }
  return entries;
}

describe('SegmentEncoder', () => {
  it('produces exactly serializeSegment bytes whether encoding incrementally or afresh', () => {
    const entries = makeEntries(80);
    const encoder = new SegmentEncoder();
    for (let n = 0; n <= entries.length; n += 1 + (n % 3)) {
      const encoded = encoder.encode(entries.slice(0, n));
      expect(encoded.bytes.toString('utf8')).toBe(serializeSegment({ entries: entries.slice(0, n) }));
      encoded.commit();
    }
    const other = makeEntries(5);
    expect(encoder.encode(other).bytes.toString('utf8')).toBe(serializeSegment({ entries: other }));
    expect(JSON.parse(serializeSegment({ entries }))).toEqual({ entries });
  });

  it('does not advance on an uncommitted encode', () => {
    const entries = makeEntries(4);
    const encoder = new SegmentEncoder();
    encoder.encode(entries.slice(0, 2)).commit();
    encoder.encode(entries.slice(0, 3));
    expect(encoder.encode(entries).bytes.toString('utf8')).toBe(serializeSegment({ entries }));
  });
});

describe('SegmentFile', () => {
  it('keeps the file unchanged when a write fails and writes the full segment next time', async () => {
    const dir = await makeDataDir();
    const path = join(dir, 'segment-000001.json');
    const file = new SegmentFile(path);
    const entries = makeEntries(3);
    await file.write({ entries: entries.slice(0, 1) });
    await mkdir(segmentTempPath(path));
    await expect(file.write({ entries: entries.slice(0, 2) })).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe(serializeSegment({ entries: entries.slice(0, 1) }));
    const { rm } = await import('node:fs/promises');
    await rm(segmentTempPath(path), { recursive: true });
    await file.write({ entries });
    await expect(file.read()).resolves.toEqual({ entries });
  });
});
