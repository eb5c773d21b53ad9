import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  createPeopleDirectory,
  describeApprovers,
  openPeopleDirectory,
  resolveApprovers,
} from '../../../bot/assistant/people.js';
import type { ChatPort, MemberLookup } from '../../../bot/domain/chat.js';
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

describe('approver reach', () => {
  const ok = (id: string, name: string, aadObjectId?: string): MemberLookup => ({
    kind: 'member',
    member: { id, name, ...(aadObjectId ? { aadObjectId } : {}) },
  });
  const target = {
    platform: 'teams' as const,
    conversationId: '19:c;messageid=1',
    channelKey: '19:c',
    serviceUrl: 'http://127.0.0.1:9',
  };

  it('resolves aadObjectIds through the roster, names people, and marks the missing', async () => {
    const people = createPeopleDirectory();
    const roster: Record<string, MemberLookup> = {
      'aad-new': ok('29:new', 'Nia Newbie', 'aad-new'),
      'aad-gone': { kind: 'not-member' },
      'aad-offline': { kind: 'unavailable', reason: 'network' },
    };
    const port: ChatPort = {
      post: async () => undefined,
      update: async () => undefined,
      lookupMember: async (_target, id) => roster[id] ?? { kind: 'not-member' },
    };
    const reach = await resolveApprovers(people, port, target, [
      'aad-new',
      'aad-gone',
      'aad-offline',
      'slack:U1',
    ]);
    expect(reach.reachable).toEqual([
      { id: '29:new', name: 'Nia Newbie', mentionable: true },
      { id: 'aad-offline', name: 'aad-offline', mentionable: false },
    ]);
    expect(reach.absent).toEqual(['aad-gone']);
    expect(people.chatIdsFor(['aad-new'])).toEqual(['29:new']);
    expect(describeApprovers(people, '19:c', ['aad-gone']).absent).toEqual(['aad-gone']);
    expect(describeApprovers(people, '19:other', ['aad-gone']).absent).toEqual([]);
  });

  it('does not report a person as absent when another entry for them reaches them', async () => {
    const people = createPeopleDirectory();
    people.remember({ id: 'user-id-0', name: 'Alex Wilber', aadObjectId: 'aad-alex' });
    const port: ChatPort = {
      post: async () => undefined,
      update: async () => undefined,
      lookupMember: async (_target, id) =>
        id === 'user-id-0'
          ? { kind: 'member', member: { id: 'user-id-0', name: 'Alex Wilber' } }
          : { kind: 'not-member' },
    };
    const reach = await resolveApprovers(people, port, target, ['aad-alex', 'user-id-0']);
    expect(reach.reachable.map((r) => r.id)).toEqual(['user-id-0']);
    expect(reach.absent).toEqual([]);
  });

  it('keeps at most 60 and counts the rest', () => {
    const people = createPeopleDirectory();
    const ids = Array.from({ length: 70 }, (_, i) => `29:p${i}`);
    const reach = describeApprovers(people, '19:c', ids);
    expect(reach.reachable).toHaveLength(60);
    expect(reach.overflow).toBe(10);
  });

  it('a member found again is no longer marked missing', () => {
    const people = createPeopleDirectory();
    people.rememberAbsent('19:c', 'aad-x');
    expect(people.isAbsent('19:c', 'aad-x')).toBe(true);
    people.rememberMember('19:c', 'aad-x', { id: '29:x', name: 'X', aadObjectId: 'aad-x' });
    expect(people.isAbsent('19:c', 'aad-x')).toBe(false);
    expect(people.nameOf('aad-x')).toBe('X');
  });
});
