import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activitySchema,
  isReadableActivity,
  stripBotMention,
  toCardActionRequest,
  toChatRequest,
} from '../../../bot/chat/to-chat-request.js';
import { isAppError } from '../../../bot/errors.js';

const BOT = { id: '28:bot-app-id', name: 'Confluence Assistant' };
const USER = { id: '29:user-1', name: 'Ada', aadObjectId: 'aad-1' };
const AT_BOT = { type: 'mention', text: '<at>Confluence Assistant</at>', mentioned: BOT };

function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'act-1',
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: USER,
    recipient: BOT,
    conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: 'tenant-1' },
    text: 'help',
    ...overrides,
  };
}

function channelActivity(threadId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return activity({
    conversation: {
      id: `19:eng@thread.tacv2;messageid=${threadId}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: 'tenant-1',
    },
    channelData: {
      channel: { id: '19:eng@thread.tacv2' },
      team: { id: '19:team' },
      tenant: { id: 'tenant-1' },
    },
    text: '<at>Confluence Assistant</at> search vpn',
    entities: [AT_BOT],
    ...overrides,
  });
}

function expectInvalid(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(isAppError(error, 'INPUT_INVALID')).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected INPUT_INVALID');
}

describe('toChatRequest: the happy path', () => {
  it('maps actor, conversation, target and activity id', () => {
    const request = toChatRequest(activity());
    expect(request).toEqual({
      actor: { id: '29:user-1', name: 'Ada', aadObjectId: 'aad-1' },
      conversation: {
        conversationId: 'a:personal-1',
        channelKey: 'a:personal-1',
        type: 'personal',
        tenantId: 'tenant-1',
      },
      target: {
        platform: 'teams',
        conversationId: 'a:personal-1',
        channelKey: 'a:personal-1',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        tenantId: 'tenant-1',
      },
      text: 'help',
      mentions: [],
      activityId: 'act-1',
    });
  });

  it('names a nameless sender "Unknown user" and omits absent aadObjectId', () => {
    const request = toChatRequest(activity({ from: { id: '29:x', name: '   ' } }));
    expect(request.actor).toEqual({ id: '29:x', name: 'Unknown user' });
  });

  it('treats a missing text as empty', () => {
    expect(toChatRequest(activity({ text: undefined })).text).toBe('');
  });
});

describe('toChatRequest: channel keying (DESIGN "Channels")', () => {
  it('every thread of a Teams channel shares the channel id as key', () => {
    const a = toChatRequest(channelActivity('1001'));
    const b = toChatRequest(channelActivity('2002'));
    expect(a.conversation.channelKey).toBe('19:eng@thread.tacv2');
    expect(b.conversation.channelKey).toBe(a.conversation.channelKey);
    expect(a.conversation.conversationId).not.toBe(b.conversation.conversationId);
    expect(a.conversation).toMatchObject({ type: 'channel', teamId: '19:team', tenantId: 'tenant-1' });
    expect(a.target.conversationId).toBe('19:eng@thread.tacv2;messageid=1001');
    expect(a.target.channelKey).toBe('19:eng@thread.tacv2');
  });

  it('a channel post without channelData falls back to the id before ;messageid=', () => {
    const request = toChatRequest(channelActivity('77', { channelData: undefined }));
    expect(request.conversation.channelKey).toBe('19:eng@thread.tacv2');
  });

  it.each([
    [
      'group chat',
      { id: '19:grp@thread.v2', conversationType: 'groupChat', isGroup: true },
      'groupChat',
      '19:grp@thread.v2',
    ],
    ['personal chat', { id: 'a:1xyz', conversationType: 'personal' }, 'personal', 'a:1xyz'],
    ['no type, isGroup', { id: '19:g@thread.v2', isGroup: true }, 'groupChat', '19:g@thread.v2'],
    ['no type, not group', { id: 'a:2' }, 'personal', 'a:2'],
    ['unknown type', { id: 'a:3', conversationType: 'meeting' }, 'personal', 'a:3'],
  ])('%s is keyed by conversation.id', (_name, conversation, type, key) => {
    const request = toChatRequest(activity({ conversation }));
    expect(request.conversation.type).toBe(type);
    expect(request.conversation.channelKey).toBe(key);
  });

  it('a group chat whose channelData names a channel is still keyed by its conversation', () => {
    const request = toChatRequest(
      activity({
        conversation: { id: '19:grp@thread.v2', conversationType: 'groupChat', isGroup: true },
        channelData: { channel: { id: '19:other-channel@thread.tacv2' } },
      }),
    );
    expect(request.conversation.channelKey).toBe('19:grp@thread.v2');
  });

  it('takes the tenant from channelData when the conversation lacks it', () => {
    const request = toChatRequest(
      activity({
        conversation: { id: 'a:1', conversationType: 'personal' },
        channelData: { tenant: { id: 't-9' } },
      }),
    );
    expect(request.conversation.tenantId).toBe('t-9');
    expect(request.target.tenantId).toBe('t-9');
  });
});

describe('toChatRequest: malformed activities', () => {
  const cases: [string, unknown, string][] = [
    ['null', null, '(root)'],
    ['a string', 'hello', '(root)'],
    ['an array', [activity()], '(root)'],
    ['no from', activity({ from: undefined }), 'from'],
    ['from without id', activity({ from: { name: 'x' } }), 'from.id'],
    ['empty from.id', activity({ from: { id: '' } }), 'from.id'],
    ['from.name a number', activity({ from: { id: '29:x', name: 42 } }), 'from.name'],
    ['no recipient', activity({ recipient: undefined }), 'recipient'],
    ['no serviceUrl', activity({ serviceUrl: undefined }), 'serviceUrl'],
    ['empty serviceUrl', activity({ serviceUrl: '' }), 'serviceUrl'],
    ['no conversation', activity({ conversation: undefined }), 'conversation'],
    ['empty conversation id', activity({ conversation: { id: '' } }), 'conversation.id'],
    ['text a number', activity({ text: 12 }), 'text'],
    ['text an object', activity({ text: { html: 'x' } }), 'text'],
    ['entities an object', activity({ entities: { type: 'mention' } }), 'entities'],
    ['no type', activity({ type: undefined }), 'type'],
  ];
  it.each(cases)('rejects %s with INPUT_INVALID naming the field', (_name, input, field) => {
    const message = expectInvalid(() => toChatRequest(input));
    expect(message).toContain(field);
  });

  it('the user message is generic and safe', () => {
    try {
      toChatRequest(activity({ from: undefined }));
    } catch (error) {
      expect((error as { userMessage: string }).userMessage).toBe('That message could not be read.');
    }
    expect.assertions(1);
  });

  it('ignores malformed entities instead of failing', () => {
    const request = toChatRequest(
      activity({
        text: 'hi <at>Bo</at>',
        entities: [
          null,
          7,
          { type: 'mention' },
          { type: 'mention', mentioned: { id: '' } },
          { type: 'clientInfo', locale: 'en' },
        ],
      }),
    );
    expect(request.text).toBe('hi <at>Bo</at>');
    expect(request.mentions).toEqual([]);
  });
});

describe('stripBotMention / text normalisation', () => {
  it('strips the bot mention and keeps other mentions in text and list', () => {
    const request = toChatRequest(
      channelActivity('1', {
        text: '<at>Confluence Assistant</at> /confluence approvers add <at>Lee Lead</at>',
        entities: [
          AT_BOT,
          { type: 'mention', text: '<at>Lee Lead</at>', mentioned: { id: '29:lee', name: 'Lee Lead' } },
        ],
      }),
    );
    expect(request.text).toBe('/confluence approvers add <at>Lee Lead</at>');
    expect(request.mentions).toEqual([{ id: '29:lee', name: 'Lee Lead', text: '<at>Lee Lead</at>' }]);
  });

  it('strips every occurrence of the bot mention, anywhere in the text', () => {
    expect(
      stripBotMention(
        '<at>Bot</at> search <at>Bot</at> vpn',
        [{ type: 'mention', text: '<at>Bot</at>', mentioned: { id: '28:b' } }],
        '28:b',
      ).text,
    ).toBe('search   vpn');
  });

  it.each([
    ['same id', '28:b', '28:b'],
    ['mention without the 28: prefix', 'b', '28:b'],
    ['recipient without the prefix', '28:b', 'b'],
  ])('recognises the bot by %s', (_name, mentionedId, botId) => {
    const entities = [{ type: 'mention', text: '<at>Bot</at>', mentioned: { id: mentionedId } }];
    const result = stripBotMention('<at>Bot</at> help', entities, botId);
    expect(result).toEqual({ text: 'help', mentions: [] });
  });

  it('does not treat a user whose id merely contains the bot id as the bot', () => {
    const entities = [{ type: 'mention', text: '<at>Eve</at>', mentioned: { id: '29:notb', name: 'Eve' } }];
    const result = stripBotMention('<at>Eve</at> hi', entities, '28:b');
    expect(result.text).toBe('<at>Eve</at> hi');
    expect(result.mentions).toEqual([{ id: '29:notb', name: 'Eve', text: '<at>Eve</at>' }]);
  });

  it('a mention without a name uses its id as name', () => {
    const entities = [{ type: 'mention', mentioned: { id: '29:z' } }];
    expect(stripBotMention('x', entities, '28:b').mentions).toEqual([{ id: '29:z', name: '29:z', text: '' }]);
  });

  it.each([
    ['&lt;b&gt;', '<b>'],
    ['Q&amp;A', 'Q&A'],
    ['say &quot;hi&quot;', 'say "hi"'],
    ['it&#39;s', "it's"],
    ['a&nbsp;b', 'a b'],
    ['&amp;lt; stays literal', '&lt; stays literal'],
    ['&amp;amp;', '&amp;'],
    ['&amp;lt;b&amp;gt;', '&lt;b&gt;'],
    ['it&#x27;s &rsquo;90s&#160;ok', "it's ’90s ok"],
    ['line1\r\nline2\rline3', 'line1\nline2\nline3'],
    ['  padded \n', 'padded'],
  ])('decodes %j → %j', (input, expected) => {
    expect(toChatRequest(activity({ text: input })).text).toBe(expected);
  });

  it('decodes a mention tag like the text, so tag and text still match', () => {
    const mo = { type: 'mention', text: '<at>Mo &amp; Co</at>', mentioned: { id: '29:mo', name: 'Mo & Co' } };
    const request = toChatRequest(activity({ text: 'hi <at>Mo &amp; Co</at>', entities: [mo] }));
    expect(request.text).toBe('hi <at>Mo & Co</at>');
    expect(request.mentions).toEqual([{ id: '29:mo', name: 'Mo & Co', text: '<at>Mo & Co</at>' }]);
  });

  it('caps huge text at 100,000 characters', () => {
    const request = toChatRequest(activity({ text: `search ${'x'.repeat(500_000)}` }));
    expect(request.text.length).toBe(100_000);
    expect(request.text.startsWith('search x')).toBe(true);
  });
});

describe('toCardActionRequest', () => {
  function invoke(value: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return channelActivity('5', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      entities: undefined,
      value,
      ...overrides,
    });
  }

  it('maps verb, data, actor, conversation and the card message id', () => {
    const request = toCardActionRequest(
      invoke(
        { action: { type: 'Action.Execute', verb: 'approve', data: { requestId: 'r1' } }, trigger: 'manual' },
        { replyToId: 'card-9' },
      ),
    );
    expect(request).toMatchObject({
      verb: 'approve',
      data: { requestId: 'r1' },
      actor: { id: '29:user-1', aadObjectId: 'aad-1' },
      conversation: { channelKey: '19:eng@thread.tacv2', type: 'channel' },
      target: { conversationId: '19:eng@thread.tacv2;messageid=5' },
      cardActivityId: 'card-9',
    });
  });

  it('missing data becomes an empty object and no replyToId means no card id', () => {
    const request = toCardActionRequest(invoke({ action: { verb: 'refreshApproval' } }));
    expect(request.data).toEqual({});
    expect('cardActivityId' in request).toBe(false);
  });

  it.each([
    ['no value', undefined],
    ['value not an object', 'approve'],
    ['no action', { verb: 'approve' }],
    ['no verb', { action: { data: {} } }],
    ['empty verb', { action: { verb: '' } }],
    ['verb a number', { action: { verb: 1 } }],
    ['verb too long', { action: { verb: 'v'.repeat(101) } }],
    ['data an array', { action: { verb: 'approve', data: ['r1'] } }],
    ['data a string', { action: { verb: 'approve', data: 'r1' } }],
  ])('rejects %s with INPUT_INVALID', (_name, value) => {
    expectInvalid(() => toCardActionRequest(invoke(value)));
  });

  it('rejects a malformed activity before looking at the value', () => {
    const message = expectInvalid(() =>
      toCardActionRequest(invoke({ action: { verb: 'approve' } }, { from: undefined })),
    );
    expect(message).toContain('from');
  });
});

describe('isReadableActivity (the hand check used instead of zod on every turn)', () => {
  const DELETE = Symbol('delete');
  const paths = [
    [],
    ['id'],
    ['type'],
    ['serviceUrl'],
    ['channelId'],
    ['from'],
    ['from', 'id'],
    ['from', 'name'],
    ['from', 'aadObjectId'],
    ['recipient'],
    ['recipient', 'id'],
    ['recipient', 'name'],
    ['conversation'],
    ['conversation', 'id'],
    ['conversation', 'conversationType'],
    ['conversation', 'tenantId'],
    ['conversation', 'isGroup'],
    ['text'],
    ['replyToId'],
    ['entities'],
    ['channelData'],
    ['channelData', 'channel'],
    ['channelData', 'channel', 'id'],
    ['channelData', 'team'],
    ['channelData', 'team', 'id'],
    ['channelData', 'tenant'],
    ['channelData', 'tenant', 'id'],
    ['channelData', 'other'],
    ['value'],
    ['extra'],
  ] as const;
  const replacement = fc.oneof(
    fc.constant(DELETE),
    fc.jsonValue(),
    fc.anything(),
    fc.constantFrom(undefined, null, '', 'x', true, false, 0, [], {}, { id: '' }, { id: 'c' }, [AT_BOT]),
    fc.constantFrom(
      new Date(0),
      new Map(),
      Object.fromEntries([
        ['then', () => 1],
        ['catch', () => 2],
      ]),
    ),
  );

  function mutate(path: readonly string[], value: unknown): unknown {
    if (path.length === 0) return value === DELETE ? undefined : value;
    const copy = channelActivity('m1', { value: { action: { verb: 'approve' } }, replyToId: 'r1' });
    let holder = copy;
    for (const key of path.slice(0, -1)) {
      const next = holder[key];
      if (next === null || typeof next !== 'object') return copy;
      const clone = { ...(next as Record<string, unknown>) };
      holder[key] = clone;
      holder = clone;
    }
    const last = path.at(-1) ?? '';
    if (value === DELETE) delete holder[last];
    else holder[last] = value;
    return copy;
  }

  function agrees(value: unknown): void {
    const reference = activitySchema.safeParse(value);
    expect(isReadableActivity(value)).toBe(reference.success);
    if (reference.success) {
      // The bot reads the activity as it is: same request as from zod's copy.
      expect(toChatRequest(value)).toStrictEqual(toChatRequest(reference.data));
    }
  }

  it('accepts the activities Teams sends', () => {
    expect(isReadableActivity(activity())).toBe(true);
    expect(isReadableActivity(channelActivity('m1'))).toBe(true);
  });

  it('agrees with activitySchema on mutated activities', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), replacement, (path, value) => agrees(mutate(path, value))),
      { numRuns: 5_000 },
    );
  });

  it('agrees with activitySchema on arbitrary values', () => {
    fc.assert(fc.property(fc.anything(), agrees), { numRuns: 1_000 });
  });

  it('leaves an activity that is not a plain object to zod, which still reads it', () => {
    class Account {
      id = '29:user-1';
    }
    const odd = activity({ from: new Account() });
    expect(isReadableActivity(odd)).toBe(false);
    expect(toChatRequest(odd).actor.id).toBe('29:user-1');
  });
});
