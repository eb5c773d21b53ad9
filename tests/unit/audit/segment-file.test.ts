import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAuditEntry } from '../../../bot/audit/build-entry.js';
import { GENESIS_HASH } from '../../../bot/audit/canonical-json.js';
import { openSyncedReadWrite } from '../../../bot/audit/durable-file.js';
import { type OpenForAppend, SegmentFile } from '../../../bot/audit/segment-file.js';
import { encodeAppend, segmentTempPath, serializeSegment } from '../../../bot/audit/segment-format.js';
import { recoverSegment } from '../../../bot/audit/segment-recovery.js';
import type { AuditEntry } from '../../../bot/audit/types.js';
import {
  buildAuditEvent,
  countingOpener,
  makeDataDir,
  makeFaultyOpener,
} from '../../support/audit-fixtures.js';

function makeEntries(count: number, title = 'Ünïcode'): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const entry = buildAuditEntry(
      buildAuditEvent({ target: { title: `${title} “${seq}”` } }),
      '2025-01-01T00:00:00.000Z',
      seq,
      prevHash,
    );
    entries.push(entry);
    prevHash = entry.hash;
  }
  return entries;
}

describe('encodeAppend', () => {
  it('written over the closing of a segment gives exactly the serialisation of the longer segment', () => {
    const entries = makeEntries(12);
    for (let kept = 1; kept < entries.length; kept++) {
      for (const added of [1, 2, entries.length - kept]) {
        const before = Buffer.from(serializeSegment({ entries: entries.slice(0, kept) }));
        const after = Buffer.concat([
          before.subarray(0, before.length - 4),
          encodeAppend(entries.slice(kept, kept + added)),
        ]);
        expect(after.toString('utf8')).toBe(serializeSegment({ entries: entries.slice(0, kept + added) }));
      }
    }
    expect(JSON.parse(serializeSegment({ entries }))).toEqual({ entries });
  });
});

describe('SegmentFile', () => {
  const opened: SegmentFile[] = [];
  /** A SegmentFile closed after the test, pass or fail: it keeps a handle open between appends. */
  const segmentFile = (path: string, openForAppend?: OpenForAppend): SegmentFile => {
    const file = new SegmentFile(path, openForAppend);
    opened.push(file);
    return file;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((file) => file.close()));
  });

  it('appends in place: the file keeps its inode, stays a whole document, and only new bytes are written', async () => {
    const dir = await makeDataDir();
    const path = join(dir, 'segment-000001.json');
    const faulty = makeFaultyOpener();
    const file = segmentFile(path, faulty.openForAppend);
    const entries = makeEntries(20);
    await file.write({ entries: entries.slice(0, 1) });
    const inode = (await stat(path)).ino;
    for (let n = 2; n <= entries.length; n++) {
      await file.write({ entries: entries.slice(0, n) });
      expect(await readFile(path, 'utf8')).toBe(serializeSegment({ entries: entries.slice(0, n) }));
    }
    expect((await stat(path)).ino).toBe(inode);
    expect(faulty.writes).toEqual(entries.slice(1).map((entry) => encodeAppend([entry]).length));
    await expect(new SegmentFile(path).read()).resolves.toEqual({ entries });
  });

  it('restores the previous document when an append fails part-way, then appends again', async () => {
    const dir = await makeDataDir();
    const path = join(dir, 'segment-000001.json');
    const faulty = makeFaultyOpener();
    const file = segmentFile(path, faulty.openForAppend);
    const entries = makeEntries(4);
    await file.write({ entries: entries.slice(0, 2) });
    const before = await readFile(path, 'utf8');
    const appendBytes = encodeAppend(entries.slice(2, 3)).length;
    for (const written of [0, 1, 3, 4, 5, 100, appendBytes - 1]) {
      faulty.fail(written);
      await expect(file.write({ entries: entries.slice(0, 3) })).rejects.toThrow(/ENOSPC/);
      expect(await readFile(path, 'utf8'), `after ${written} bytes`).toBe(before);
    }
    await file.write({ entries });
    expect(await readFile(path, 'utf8')).toBe(serializeSegment({ entries }));
  });

  it('keeps one handle open across appends, drops it after a failed append, and closes it on close', async () => {
    const dir = await makeDataDir();
    const path = join(dir, 'segment-000001.json');
    const faulty = makeFaultyOpener();
    const { open: counting, handles } = countingOpener(faulty.openForAppend);
    const file = segmentFile(path, counting);
    const entries = makeEntries(8);
    await file.write({ entries: entries.slice(0, 1) });
    for (let n = 2; n <= 4; n++) await file.write({ entries: entries.slice(0, n) });
    expect(handles).toEqual({ opened: 1, closed: 0 });
    faulty.fail(3);
    await expect(file.write({ entries: entries.slice(0, 5) })).rejects.toThrow(/ENOSPC/);
    expect(handles).toEqual({ opened: 1, closed: 1 });
    for (let n = 5; n <= 6; n++) await file.write({ entries: entries.slice(0, n) });
    expect(handles).toEqual({ opened: 2, closed: 1 });
    await file.close();
    expect(handles).toEqual({ opened: 2, closed: 2 });
    await file.write({ entries: entries.slice(0, 7) });
    const other = makeEntries(2, 'Other');
    await file.write({ entries: other });
    expect(handles).toEqual({ opened: 3, closed: 3 });
    await file.write({ entries: [...other, ...entries.slice(2, 3)] });
    expect(handles).toEqual({ opened: 4, closed: 3 });
    expect(await readFile(path, 'utf8')).toBe(
      serializeSegment({ entries: [...other, ...entries.slice(2, 3)] }),
    );
    await file.close();
  });

  it('fdatasyncs after an append unless the handle syncs each write (O_DSYNC, the default)', async () => {
    const dir = await makeDataDir();
    const entries = makeEntries(3);
    for (const syncsEachWrite of [false, true]) {
      const path = join(dir, `segment-00000${syncsEachWrite ? 2 : 1}.json`);
      const syncs: number[] = [];
      const opener: OpenForAppend = async (at) => {
        const handle = await openSyncedReadWrite(at);
        return {
          ...handle,
          datasync: () => {
            syncs.push(1);
            return handle.datasync();
          },
          syncsEachWrite,
        };
      };
      const file = segmentFile(path, opener);
      for (let n = 1; n <= 3; n++) await file.write({ entries: entries.slice(0, n) });
      await file.close();
      expect(syncs.length, `syncsEachWrite ${syncsEachWrite}`).toBe(syncsEachWrite ? 0 : 2);
      expect(await readFile(path, 'utf8')).toBe(serializeSegment({ entries }));
    }
    const handle = await openSyncedReadWrite(join(dir, 'segment-000001.json'));
    expect(handle.syncsEachWrite).toBe(process.platform !== 'win32');
    await handle.close();
  });

  it('replaces the file atomically when the entries do not extend it, and keeps it when that fails', async () => {
    const dir = await makeDataDir();
    const path = join(dir, 'segment-000001.json');
    const file = segmentFile(path);
    const entries = makeEntries(3);
    const other = makeEntries(2, 'Other');
    await file.write({ entries: entries.slice(0, 1) });
    await mkdir(segmentTempPath(path));
    await expect(file.write({ entries: other })).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe(serializeSegment({ entries: entries.slice(0, 1) }));
    await rm(segmentTempPath(path), { recursive: true });
    await file.write({ entries: other });
    await expect(file.read()).resolves.toEqual({ entries: other });
  });

  it('rewrites a file in another layout whole before appending to it', async () => {
    const dir = await makeDataDir();
    const path = join(dir, 'segment-000001.json');
    const entries = makeEntries(3);
    await writeFile(path, JSON.stringify({ entries: entries.slice(0, 2) }, null, 2));
    const file = segmentFile(path);
    const doc = await file.read();
    await file.write({ entries: [...(doc?.entries ?? []), entries[2] as AuditEntry] });
    expect(await readFile(path, 'utf8')).toBe(serializeSegment({ entries }));
  });

  it('recover cuts a torn tail back to the last whole entry and closes the document on disk', async () => {
    const dir = await makeDataDir();
    const path = join(dir, 'segment-000001.json');
    const entries = makeEntries(3);
    const whole = Buffer.from(serializeSegment({ entries }));
    await writeFile(path, whole.subarray(0, whole.length - 40));
    const file = segmentFile(path);
    const kept = Buffer.byteLength(serializeSegment({ entries: entries.slice(0, 2) })) - 4;
    await expect(file.recover()).resolves.toEqual({
      doc: { entries: entries.slice(0, 2) },
      repaired: { keptEntries: 2, droppedBytes: whole.length - 40 - kept },
    });
    expect(await readFile(path, 'utf8')).toBe(serializeSegment({ entries: entries.slice(0, 2) }));
    await file.write({ entries: [...entries.slice(0, 2), makeEntries(3)[2] as AuditEntry] });
    expect(await readFile(path)).toEqual(whole);
  });
});

describe('recoverSegment', () => {
  const entries = makeEntries(3);
  const whole = Buffer.from(serializeSegment({ entries }));
  const two = Buffer.from(serializeSegment({ entries: entries.slice(0, 2) }));
  const twoOpen = two.subarray(0, two.length - 4);
  const lines = whole.toString('utf8').split('\n');
  const text = (value: string) => Buffer.from(value, 'utf8');
  const cutInsideCharacter = whole.subarray(0, whole.indexOf('”', twoOpen.length) + 1);
  const torn: readonly (readonly [string, Buffer, number])[] = [
    ['closing missing', whole.subarray(0, -4), 3],
    ['closing cut after its newline', whole.subarray(0, -3), 3],
    ['closing cut after ]', whole.subarray(0, -2), 3],
    ['last entry cut mid-line', whole.subarray(0, -60), 2],
    ['only the comma landed', Buffer.concat([twoOpen, text(',]}\n')]), 2],
    ['comma and newline landed', Buffer.concat([twoOpen, text(',\n}\n')]), 2],
    ['separator only, file cut', Buffer.concat([twoOpen, text(',\n')]), 2],
    ['zeros where the write did not land', Buffer.concat([twoOpen, text(',\n'), Buffer.alloc(300)]), 2],
    ['a multi-byte character cut in two', cutInsideCharacter, 2],
  ];

  it.each(torn)('recovers a torn tail: %s', (_name, bytes, kept) => {
    const found = recoverSegment(bytes);
    expect(found).toMatchObject({ kind: 'torn', entries: entries.slice(0, kept) });
    if (found.kind === 'torn') {
      const prefix = Buffer.from(serializeSegment({ entries: entries.slice(0, kept) }));
      expect(found.validEnd).toBe(prefix.length - 4);
      expect(found.droppedBytes).toBe(bytes.length - found.validEnd);
    }
  });

  it('reads a whole segment as whole', () => {
    expect(recoverSegment(whole)).toEqual({ kind: 'whole', entries });
  });

  const corrupt: readonly (readonly [string, string])[] = [
    ['not a segment at all', '{"entries":'],
    ['a foreign JSON document', '{"items":[]}'],
    [
      'a damaged middle entry before whole ones',
      [lines[0], lines[1], lines[2]?.slice(0, 30), lines[3], lines[4]].join('\n'),
    ],
    [
      'an edited entry in the torn prefix',
      whole.subarray(0, -4).toString('utf8').replace('Ünïcode “2”', 'Ünïcode “9”'),
    ],
    ['entries out of order', `${lines[0]}\n${lines[2]}\n${lines[1]}`],
  ];

  it.each(corrupt)('refuses damage that is not a torn tail: %s', (_name, value) => {
    expect(recoverSegment(text(value))).toMatchObject({ kind: 'corrupt' });
  });
});
