import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, computeEntryHash, GENESIS_HASH, openAuditLog } from '../../../bot/audit/audit-log.js';
import type { OpenForAppend } from '../../../bot/audit/durable-file.js';
import { segmentFileName, segmentTempPath, serializeSegment } from '../../../bot/audit/segment-format.js';
import type { AuditEntry } from '../../../bot/audit/types.js';
import { isAppError } from '../../../bot/errors.js';
import { Secret } from '../../../bot/secret.js';
import {
  buildAuditEvent,
  makeDataDir,
  makeFaultyOpener,
  makeStepClock,
  readSegmentEntries,
} from '../../support/audit-fixtures.js';

async function segmentNames(dataDir: string): Promise<string[]> {
  return (await readdir(join(dataDir, 'audit'))).filter((name) => name.startsWith('segment-')).sort();
}

describe('openAuditLog / append', () => {
  it('writes entry 1 durably with the genesis prevHash and a correct hash', async () => {
    const dataDir = await makeDataDir();
    const log = await openAuditLog({ dataDir, clock: () => new Date('2025-03-04T05:06:07.000Z') });
    const entry = await log.append(buildAuditEvent({ error: undefined }));
    expect(entry).toMatchObject({ seq: 1, at: '2025-03-04T05:06:07.000Z', prevHash: GENESIS_HASH });
    expect(entry).not.toHaveProperty('error');
    expect(entry.hash).toBe(computeEntryHash(entry));
    const onDisk = await readSegmentEntries(join(dataDir, 'audit', 'segment-000001.json'));
    expect(onDisk).toEqual([entry]);
    expect(Object.isFrozen(entry) && Object.isFrozen(entry.actor)).toBe(true);
    const lines = (await readFile(join(dataDir, 'audit', 'segment-000001.json'), 'utf8')).split('\n');
    expect(lines[1]).toBe(canonicalJson(entry));
    await log.close();
  });

  it('gives concurrent appends distinct consecutive seqs and an intact chain', async () => {
    const dataDir = await makeDataDir();
    const log = await openAuditLog({ dataDir, segmentMaxEntries: 7 });
    const entries = await Promise.all(
      Array.from({ length: 100 }, (_, i) => log.append(buildAuditEvent({ target: { pageId: String(i) } }))),
    );
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(entries.map((e) => e.target.pageId)).toEqual(Array.from({ length: 100 }, (_, i) => String(i)));
    for (let i = 1; i < entries.length; i++) expect(entries[i]?.prevHash).toBe(entries[i - 1]?.hash);
    await expect(log.verify()).resolves.toMatchObject({ ok: true, entries: 100, segments: 15 });
    await log.close();
  });

  it('rolls over to a new segment by count', async () => {
    const dataDir = await makeDataDir();
    const log = await openAuditLog({ dataDir, segmentMaxEntries: 3 });
    for (let i = 0; i < 7; i++) await log.append(buildAuditEvent());
    expect(await segmentNames(dataDir)).toEqual([1, 2, 3].map(segmentFileName));
    const sizes = await Promise.all(
      (await segmentNames(dataDir)).map(
        async (name) => (await readSegmentEntries(join(dataDir, 'audit', name))).length,
      ),
    );
    expect(sizes).toEqual([3, 3, 1]);
    await log.close();
  });

  it('rolls over to a new segment when the UTC day changes', async () => {
    const dataDir = await makeDataDir();
    const { clock } = makeStepClock('2025-06-30T23:59:58.000Z', 1_000);
    const log = await openAuditLog({ dataDir, clock, segmentMaxEntries: 100 });
    await Promise.all(Array.from({ length: 5 }, () => log.append(buildAuditEvent())));
    const names = await segmentNames(dataDir);
    expect(names).toEqual([segmentFileName(1), segmentFileName(2)]);
    const first = await readSegmentEntries(join(dataDir, 'audit', names[0] ?? ''));
    const second = await readSegmentEntries(join(dataDir, 'audit', names[1] ?? ''));
    expect(first.map((e) => e.at)).toEqual(['2025-06-30T23:59:58.000Z', '2025-06-30T23:59:59.000Z']);
    expect(second.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(second.every((e) => e.at.startsWith('2025-07-01'))).toBe(true);
    await expect(log.verify()).resolves.toMatchObject({ ok: true, entries: 5 });
    await log.close();
  });

  it('continues seq and hash after reopening, reading only the newest segment', async () => {
    const dataDir = await makeDataDir();
    const first = await openAuditLog({ dataDir, segmentMaxEntries: 2 });
    for (let i = 0; i < 5; i++) await first.append(buildAuditEvent());
    await first.close();
    await writeFile(join(dataDir, 'audit', segmentFileName(1)), 'not json at all');
    const reopened = await openAuditLog({ dataDir, segmentMaxEntries: 2 });
    const next = await reopened.append(buildAuditEvent());
    expect(next.seq).toBe(6);
    const previous = await readSegmentEntries(join(dataDir, 'audit', segmentFileName(3)));
    expect(next.prevHash).toBe(previous[0]?.hash);
    await expect(reopened.verify()).resolves.toMatchObject({
      ok: false,
      seq: 1,
      file: join(dataDir, 'audit', segmentFileName(1)),
    });
    await reopened.close();
  });

  it('continues from the previous segment when the newest one is empty', async () => {
    const dataDir = await makeDataDir();
    const first = await openAuditLog({ dataDir });
    const last = await first.append(buildAuditEvent());
    await first.close();
    await writeFile(join(dataDir, 'audit', segmentFileName(2)), '{"entries":[]}');
    const reopened = await openAuditLog({ dataDir });
    const next = await reopened.append(buildAuditEvent());
    expect(next).toMatchObject({ seq: 2, prevHash: last.hash });
    expect((await readSegmentEntries(join(dataDir, 'audit', segmentFileName(2)))).map((e) => e.seq)).toEqual([
      2,
    ]);
    await expect(reopened.verify()).resolves.toMatchObject({ ok: true, entries: 2 });
    await reopened.close();
  });

  it.each([
    ['unparseable', '{"entries":[{"seq":1,'],
    ['not a segment', '{"entries":[{"seq":"one"}]}'],
    ['wrong root', '[]'],
  ])('refuses to open over a %s newest segment and leaves it untouched', async (_label, content) => {
    const dataDir = await makeDataDir();
    const first = await openAuditLog({ dataDir });
    await first.append(buildAuditEvent());
    await first.close();
    const path = join(dataDir, 'audit', segmentFileName(1));
    await writeFile(path, content);
    const opening = openAuditLog({ dataDir });
    await expect(opening).rejects.toSatisfy((error: unknown) => isAppError(error, 'STORE_CORRUPT'));
    await expect(opening).rejects.toThrow(path);
    expect(await readFile(path, 'utf8')).toBe(content);
  });

  it('removes temp files left by an interrupted write', async () => {
    const dataDir = await makeDataDir();
    await mkdir(join(dataDir, 'audit'), { recursive: true });
    const stale = segmentTempPath(join(dataDir, 'audit', segmentFileName(1)));
    await writeFile(stale, '{"entries":[');
    const log = await openAuditLog({ dataDir });
    expect(await readdir(join(dataDir, 'audit'))).toEqual([]);
    await log.close();
  });

  it('strips secret-looking keys and Secret values from details', async () => {
    const dataDir = await makeDataDir();
    const log = await openAuditLog({ dataDir });
    const entry = await log.append(
      buildAuditEvent({
        operation: 'admin',
        details: {
          apiToken: 'tok-123',
          nested: { Password: 'pw-456', list: [{ clientSecret: 'sec-789' }], keep: 'visible' },
          wrapped: new Secret('wrapped-000'),
          when: new Date('2025-01-01T00:00:00.000Z'),
        },
      }),
    );
    expect(entry.details).toEqual({
      apiToken: '[redacted]',
      nested: { Password: '[redacted]', list: [{ clientSecret: '[redacted]' }], keep: 'visible' },
      wrapped: '[redacted]',
      when: '2025-01-01T00:00:00.000Z',
    });
    const text = await readFile(join(dataDir, 'audit', segmentFileName(1)), 'utf8');
    for (const secret of ['tok-123', 'pw-456', 'sec-789', 'wrapped-000']) expect(text).not.toContain(secret);
    await expect(log.verify()).resolves.toMatchObject({ ok: true });
    await log.close();
  });

  it('rejects a malformed event without consuming a seq', async () => {
    const dataDir = await makeDataDir();
    const log = await openAuditLog({ dataDir });
    const bad = { ...buildAuditEvent(), decision: 'maybe' } as unknown as Parameters<typeof log.append>[0];
    await expect(log.append(bad)).rejects.toSatisfy((error: unknown) => isAppError(error, 'INPUT_INVALID'));
    await expect(log.append(buildAuditEvent())).resolves.toMatchObject({ seq: 1 });
    await log.close();
  });

  it('rejects every caller of a failed write and keeps memory and file in step', async () => {
    const dataDir = await makeDataDir();
    const faulty = makeFaultyOpener();
    const log = await openAuditLog({ dataDir, openForAppend: faulty.openForAppend });
    await log.append(buildAuditEvent());
    const kept = await log.append(buildAuditEvent());
    const path = join(dataDir, 'audit', segmentFileName(1));
    const before = await readFile(path, 'utf8');
    faulty.fail(300);
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => log.append(buildAuditEvent())));
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      if (outcome.status === 'rejected') expect(isAppError(outcome.reason, 'AUDIT_UNAVAILABLE')).toBe(true);
    }
    expect(await log.tail(1)).toEqual([kept]);
    expect(await readFile(path, 'utf8')).toBe(before);
    const next = await log.append(buildAuditEvent());
    expect(next).toMatchObject({ seq: 3, prevHash: kept.hash });
    await expect(log.verify()).resolves.toMatchObject({ ok: true, entries: 3 });
    await log.close();
  });

  it('rejects the callers of a failed rollover write and reuses their seqs', async () => {
    const dataDir = await makeDataDir();
    const log = await openAuditLog({ dataDir, segmentMaxEntries: 2 });
    await log.append(buildAuditEvent());
    await log.append(buildAuditEvent());
    const blocker = segmentTempPath(join(dataDir, 'audit', segmentFileName(2)));
    await mkdir(blocker);
    await expect(log.append(buildAuditEvent())).rejects.toSatisfy((error: unknown) =>
      isAppError(error, 'AUDIT_UNAVAILABLE'),
    );
    expect(await segmentNames(dataDir)).toEqual([segmentFileName(1)]);
    await rm(blocker, { recursive: true });
    await expect(log.append(buildAuditEvent())).resolves.toMatchObject({ seq: 3 });
    expect(await segmentNames(dataDir)).toEqual([segmentFileName(1), segmentFileName(2)]);
    await expect(log.verify()).resolves.toMatchObject({ ok: true, entries: 3 });
    await log.close();
  });

  it('refuses appends after close and flush waits for pending ones', async () => {
    const dataDir = await makeDataDir();
    const log = await openAuditLog({ dataDir });
    const pending = log.append(buildAuditEvent());
    await log.flush();
    await expect(pending).resolves.toMatchObject({ seq: 1 });
    await log.close();
    await log.close();
    await expect(log.append(buildAuditEvent())).rejects.toSatisfy((error: unknown) =>
      isAppError(error, 'AUDIT_UNAVAILABLE'),
    );
  });
});

describe('query / tail / exportAll', () => {
  async function seededLog() {
    const dataDir = await makeDataDir();
    const { clock } = makeStepClock('2025-01-01T10:00:00.000Z', 60_000);
    const log = await openAuditLog({ dataDir, clock, segmentMaxEntries: 4 });
    const people = [
      { id: '29:ann', name: 'Ann', aadObjectId: 'aad-ann' },
      { id: '29:bob', name: 'Bob' },
    ];
    for (let i = 0; i < 12; i++) {
      await log.append(
        buildAuditEvent({
          actor: people[i % 2] ?? { id: 'x', name: 'x' },
          conversationId: i < 6 ? 'conv-a' : 'conv-b',
          operation: i % 3 === 0 ? 'create' : 'search',
          target: { spaceKey: i % 4 === 0 ? 'HR' : 'ENG', title: `Page ${i}` },
        }),
      );
    }
    return log;
  }

  it('filters by actor, conversation, operation and space, newest first across segments', async () => {
    const log = await seededLog();
    const seqs = async (filter: Parameters<typeof log.query>[0]) =>
      (await log.query(filter)).map((e) => e.seq);
    expect(await seqs({})).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(await seqs({ actorId: '29:bob' })).toEqual([12, 10, 8, 6, 4, 2]);
    expect(await seqs({ actorId: 'aad-ann' })).toEqual([11, 9, 7, 5, 3, 1]);
    expect(await seqs({ conversationId: 'conv-a' })).toEqual([6, 5, 4, 3, 2, 1]);
    expect(await seqs({ operation: 'create' })).toEqual([10, 7, 4, 1]);
    expect(await seqs({ spaceKey: 'HR' })).toEqual([9, 5, 1]);
    expect(await seqs({ operation: 'create', actorId: '29:ann' })).toEqual([7, 1]);
    expect(await seqs({ limit: 3, conversationId: 'conv-a' })).toEqual([6, 5, 4]);
    await log.close();
  });

  it('filters by time with inclusive bounds', async () => {
    const log = await seededLog();
    const seqs = async (filter: Parameters<typeof log.query>[0]) =>
      (await log.query(filter)).map((e) => e.seq);
    expect(await seqs({ since: '2025-01-01T10:09:00Z' })).toEqual([12, 11, 10]);
    expect(await seqs({ until: '2025-01-01T10:01:00.000Z' })).toEqual([2, 1]);
    expect(await seqs({ since: '2025-01-01T10:03:00Z', until: '2025-01-01T10:05:00Z' })).toEqual([6, 5, 4]);
    await expect(log.query({ since: 'yesterday-ish' })).rejects.toSatisfy((error: unknown) =>
      isAppError(error, 'INPUT_INVALID'),
    );
    await log.close();
  });

  it('tails the newest n across segments', async () => {
    const log = await seededLog();
    expect((await log.tail(6)).map((e) => e.seq)).toEqual([12, 11, 10, 9, 8, 7]);
    expect(await log.tail(0)).toEqual([]);
    await log.close();
  });

  it('exports JSON oldest first and CSV with a header row', async () => {
    const log = await seededLog();
    const json = JSON.parse(await log.exportAll('json', { spaceKey: 'HR' })) as {
      seq: number;
      hash: string;
    }[];
    expect(json.map((e) => e.seq)).toEqual([1, 5, 9]);
    expect(json[0]?.hash).toBe((await log.query({ limit: 12 })).at(-1)?.hash);
    const csv = await log.exportAll('csv', { limit: 2 });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^seq,at,actorId,actorName,/);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['11', '12']);
    await log.close();
  });
});

describe('in-place appends', () => {
  it('keep concurrent appends in seq order, fill each segment in place to the bound, then roll over', async () => {
    const dataDir = await makeDataDir();
    const bound = 10;
    const faulty = makeFaultyOpener();
    const log = await openAuditLog({
      dataDir,
      segmentMaxEntries: bound,
      openForAppend: faulty.openForAppend,
    });
    const inodes = new Map<string, Set<number>>();
    const all: AuditEntry[] = [];
    for (let wave = 0; wave < 7; wave++) {
      const entries = await Promise.all(
        Array.from({ length: 1 + wave * 2 }, (_, i) =>
          log.append(buildAuditEvent({ target: { pageId: `${wave}-${i}` } })),
        ),
      );
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => all.length + i + 1));
      all.push(...entries);
      for (const name of await segmentNames(dataDir)) {
        const ino = (await stat(join(dataDir, 'audit', name))).ino;
        inodes.set(name, (inodes.get(name) ?? new Set()).add(ino));
      }
    }
    const names = await segmentNames(dataDir);
    expect(names).toEqual(
      Array.from({ length: Math.ceil(all.length / bound) }, (_, i) => segmentFileName(i + 1)),
    );
    for (const [i, name] of names.entries()) {
      const slice = all.slice(i * bound, (i + 1) * bound);
      expect(await readFile(join(dataDir, 'audit', name), 'utf8')).toBe(serializeSegment({ entries: slice }));
      expect(inodes.get(name)?.size, name).toBe(1);
    }
    expect(faulty.writes.length).toBeGreaterThan(0);
    expect(Math.max(...faulty.writes)).toBeLessThanOrEqual(bound * 1_024);
    await expect(log.verify()).resolves.toMatchObject({
      ok: true,
      entries: all.length,
      segments: names.length,
    });
    await log.close();
  });
});

describe('the open segment’s handle', () => {
  it('is opened once per segment, closed on rollover and on close, and reopened after a failed write', async () => {
    const dataDir = await makeDataDir();
    const faulty = makeFaultyOpener();
    const open = new Map<string, number>();
    const opens: string[] = [];
    const counting: OpenForAppend = async (path) => {
      const handle = await faulty.openForAppend(path);
      opens.push(path);
      open.set(path, (open.get(path) ?? 0) + 1);
      return {
        ...handle,
        close: async () => {
          open.set(path, (open.get(path) ?? 0) - 1);
          await handle.close();
        },
      };
    };
    const log = await openAuditLog({ dataDir, segmentMaxEntries: 5, openForAppend: counting });
    for (let i = 0; i < 12; i++) await log.append(buildAuditEvent());
    const segment = (index: number) => join(dataDir, 'audit', segmentFileName(index));
    expect(opens).toEqual([segment(1), segment(2), segment(3)]);
    expect([...open.values()]).toEqual([0, 0, 1]);
    faulty.fail(2);
    await expect(log.append(buildAuditEvent())).rejects.toSatisfy((error: unknown) =>
      isAppError(error, 'AUDIT_UNAVAILABLE'),
    );
    await log.append(buildAuditEvent());
    await log.append(buildAuditEvent());
    expect(opens.filter((path) => path === segment(3)).length).toBeGreaterThan(1);
    expect(open.get(segment(3))).toBe(1);
    await log.close();
    expect([...open.values()]).toEqual([0, 0, 0]);
    await expect(log.verify()).resolves.toMatchObject({ ok: true, entries: 14 });
  });
});
