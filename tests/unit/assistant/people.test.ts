import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createPeopleDirectory, openPeopleDirectory } from '../../../bot/assistant/people.js';
import { createSilentLogger } from '../../../bot/logger.js';

describe('createPeopleDirectory', () => {
  it('maps known aadObjectIds to chat ids, passes MRIs through, keeps unknown ids', () => {
    const people = createPeopleDirectory();
    people.remember({ id: '29:lee', name: 'Lee', aadObjectId: 'aad-lee' });
    expect(people.chatIdsFor(['aad-lee', '29:other', 'aad-unknown'])).toEqual([
      '29:lee',
      '29:other',
      'aad-unknown',
    ]);
  });

  it('de-duplicates when a list names a person by both ids', () => {
    const people = createPeopleDirectory();
    people.remember({ id: '29:lee', name: 'Lee', aadObjectId: 'aad-lee' });
    expect(people.chatIdsFor(['aad-lee', '29:lee', 'aad-lee'])).toEqual(['29:lee']);
  });

  it('ignores actors without an aadObjectId or whose aadObjectId equals their id', () => {
    const people = createPeopleDirectory();
    people.remember({ id: '29:x', name: 'X' });
    people.remember({ id: 'same', name: 'S', aadObjectId: 'same' });
    expect(people.chatIdsFor(['29:x', 'same'])).toEqual(['29:x', 'same']);
  });

  it('the latest chat id for a person wins', () => {
    const people = createPeopleDirectory();
    people.remember({ id: '29:old', name: 'A', aadObjectId: 'aad-a' });
    people.remember({ id: '29:new', name: 'A', aadObjectId: 'aad-a' });
    expect(people.chatIdsFor(['aad-a'])).toEqual(['29:new']);
  });

  it('is bounded: the oldest unseen person is forgotten first, a returning person is kept', () => {
    const people = createPeopleDirectory();
    people.remember({ id: '29:first', name: 'F', aadObjectId: 'aad-first' });
    people.remember({ id: '29:second', name: 'S', aadObjectId: 'aad-second' });
    for (let i = 0; i < 9_998; i++) people.remember({ id: `29:p${i}`, name: 'P', aadObjectId: `aad-${i}` });
    people.remember({ id: '29:first', name: 'F', aadObjectId: 'aad-first' });
    people.remember({ id: '29:last', name: 'L', aadObjectId: 'aad-last' });
    expect(people.chatIdsFor(['aad-first', 'aad-second', 'aad-last', 'aad-0'])).toEqual([
      '29:first',
      'aad-second',
      '29:last',
      '29:p0',
    ]);
  });

  it('an empty list gives an empty list', () => {
    expect(createPeopleDirectory().chatIdsFor([])).toEqual([]);
  });
});

describe('openPeopleDirectory', () => {
  it('keeps the mapping across a restart and writes only when it changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'people-'));
    try {
      const first = await openPeopleDirectory(dir, createSilentLogger());
      expect(first.remember({ id: '29:lead', name: 'Lee', aadObjectId: 'aad-lead' })).toBe(true);
      expect(first.remember({ id: '29:lead', name: 'Lee', aadObjectId: 'aad-lead' })).toBe(false);
      await vi.waitFor(async () => {
        expect(await readFile(join(dir, 'people.json'), 'utf8')).toContain('29:lead');
      });
      const reopened = await openPeopleDirectory(dir, createSilentLogger());
      expect(reopened.chatIdsFor(['aad-lead', 'aad-other'])).toEqual(['29:lead', 'aad-other']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
