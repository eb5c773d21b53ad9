import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  createConversationReferences,
  MAX_CONVERSATION_REFERENCES,
  openConversationReferences,
  type StoredReference,
} from '../../../bot/chat/conversation-references.js';
import { createSilentLogger } from '../../../bot/logger.js';

function reference(id: string, extra: Partial<StoredReference> = {}): StoredReference {
  return {
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id, conversationType: 'channel', tenantId: 't-1', isGroup: true },
    bot: { id: '28:bot', name: 'Confluence Assistant' },
    user: { id: '29:someone', name: 'Someone' },
    ...extra,
  };
}

describe('createConversationReferences', () => {
  it('returns the reference heard, without the sender in group conversations', () => {
    const refs = createConversationReferences();
    expect(refs.remember('19:c', reference('19:c;messageid=1'))).toBe(true);
    const found = refs.find('19:c;messageid=1', '19:c');
    expect(found?.bot.id).toBe('28:bot');
    expect(found?.user).toBeUndefined();
    expect(refs.botAccount()?.id).toBe('28:bot');
  });

  it('keeps the user of a personal chat', () => {
    const refs = createConversationReferences();
    refs.remember('a:dm', reference('a:dm', { conversation: { id: 'a:dm', conversationType: 'personal' } }));
    expect(refs.find('a:dm', 'a:dm')?.user?.id).toBe('29:someone');
  });

  it('reports no change when only the sender or message differs (no rewrite per message)', () => {
    const refs = createConversationReferences();
    expect(refs.remember('19:c', reference('19:c'))).toBe(true);
    expect(refs.remember('19:c', reference('19:c', { user: { id: '29:other' } }))).toBe(false);
    expect(refs.remember('19:c', reference('19:c', { serviceUrl: 'http://127.0.0.1:10/' }))).toBe(true);
  });

  it('still checks a changed reference of a known conversation against the schema', () => {
    const refs = createConversationReferences();
    expect(refs.remember('19:c', reference('19:c'))).toBe(true);
    const tooLong = reference('19:c', { serviceUrl: `http://127.0.0.1:9/${'x'.repeat(2_000)}` });
    expect(() => refs.remember('19:c', tooLong)).toThrow();
    expect(refs.find('19:c', '19:c')?.serviceUrl).toBe('http://127.0.0.1:9/');
  });

  it('answers for another thread of a known channel with that thread id', () => {
    const refs = createConversationReferences();
    refs.remember('19:c', reference('19:c;messageid=1'));
    expect(refs.find('19:c', '19:c')?.conversation).toMatchObject({
      id: '19:c',
      conversationType: 'channel',
    });
    expect(refs.find('19:unknown', '19:unknown')).toBeUndefined();
  });

  it('is bounded: the least recently heard conversation is forgotten first', () => {
    const refs = createConversationReferences();
    for (let i = 0; i <= MAX_CONVERSATION_REFERENCES; i++) refs.remember(`c${i}`, reference(`c${i}`));
    expect(refs.entries()).toHaveLength(MAX_CONVERSATION_REFERENCES);
    expect(refs.find('c0', 'c0')).toBeUndefined();
    expect(refs.find(`c${MAX_CONVERSATION_REFERENCES}`, 'x')).toBeDefined();
  });
});

describe('openConversationReferences', () => {
  it('persists with mode 0600, only on change, and reloads after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'refs-'));
    try {
      const file = join(dir, 'conversations.json');
      const first = await openConversationReferences(dir, createSilentLogger());
      first.remember('19:c', reference('19:c'));
      await vi.waitFor(async () => expect(await readFile(file, 'utf8')).toContain('19:c'));
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const before = (await stat(file)).mtimeMs;
      expect(first.remember('19:c', reference('19:c'))).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect((await stat(file)).mtimeMs).toBe(before);
      const reopened = await openConversationReferences(dir, createSilentLogger());
      expect(reopened.find('19:c', '19:c')?.bot.id).toBe('28:bot');
    } finally {
      await rm(dir, { recursive: true, force: true, maxRetries: 5 });
    }
  });
});
