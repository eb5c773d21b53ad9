import { describe, expect, it } from 'vitest';
import {
  ConversationMemory,
  conversationKey,
  conversationMemory,
  MEMORY_MAX_CONVERSATIONS,
  MEMORY_TTL_MS,
} from '../../../bot/operations/conversation-memory.js';

describe('conversation memory', () => {
  it('keys Teams threads and Slack threads apart from their chats and from each other', () => {
    const teams = conversationKey({
      platform: 'teams',
      conversationId: '19:c;messageid=1',
      channelKey: '19:c',
    });
    const slack = conversationKey({
      platform: 'slack',
      conversationId: 'C1',
      channelKey: 'C1',
      threadId: '1.2',
    });
    const slackTop = conversationKey({ platform: 'slack', conversationId: 'C1', channelKey: 'C1' });
    expect(new Set([teams, slack, slackTop]).size).toBe(3);
  });

  it('remembers the last question per conversation, per assistant, bounded and forgetful', () => {
    let now = 0;
    const deps = { now: () => new Date(now) };
    const memory = conversationMemory(deps);
    expect(conversationMemory(deps)).toBe(memory);
    expect(conversationMemory({ now: deps.now })).not.toBe(memory);
    memory.rememberQuestion('a', 'parental leave?');
    expect(memory.previousQuestion('a')).toBe('parental leave?');
    expect(memory.previousQuestion('b')).toBeUndefined();
    for (let i = 0; i < MEMORY_MAX_CONVERSATIONS; i += 1) memory.rememberQuestion(`c${i}`, 'q');
    expect(memory.size).toBe(MEMORY_MAX_CONVERSATIONS);
    expect(memory.previousQuestion('a')).toBeUndefined();
    now += MEMORY_TTL_MS + 1;
    expect(memory.previousQuestion('c1')).toBeUndefined();
  });

  it('keeps shown pages when a question is remembered, and caps what one conversation holds', () => {
    const memory = new ConversationMemory(() => new Date(0), 10);
    const pages = Array.from({ length: 40 }, (_, i) => ({ pageId: String(i), title: `P${i}` }));
    memory.update('k', { pages });
    memory.rememberQuestion('k', 'x'.repeat(5_000));
    const state = memory.get('k');
    expect(state?.pages.length).toBeLessThanOrEqual(25);
    expect(state?.pages[0]).toEqual(pages[0]);
    expect(state?.question?.length).toBe(2_000);
  });
});
