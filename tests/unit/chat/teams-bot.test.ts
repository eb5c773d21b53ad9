import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toActivity } from '../../../bot/chat/teams-activity.js';
import { AppError } from '../../../bot/errors.js';
import { ALL_VERBS, VERBS } from '../../../bot/views/verbs.js';
import {
  actionActivity,
  BOT,
  CONVERSATIONS,
  installActivity,
  messageActivity,
  sendToBot,
  USERS,
} from '../../support/activities.js';
import { type ChannelStub, startChannelStub } from '../../support/channel-stub.js';
import { type BotUnderTest, cardFor, createFakeHandler, startBotUnderTest, viewFor } from './bot-fixture.js';

let channel: ChannelStub;
let sut: BotUnderTest;

beforeAll(async () => {
  channel = await startChannelStub();
  sut = await startBotUnderTest();
});
afterAll(async () => {
  await sut.close();
  await channel.close();
});
afterEach(() => {
  channel.clear();
  sut.handler.messages.length = 0;
  sut.handler.actions.length = 0;
  const fresh = createFakeHandler();
  sut.handler.onMessage = fresh.onMessage;
  sut.handler.onAction = fresh.onAction;
});

describe('createTeamsBot routes', () => {
  it.each(ALL_VERBS)(
    'an adaptiveCard/action invoke with verb "%s" reaches the handler and gets 200',
    async (verb) => {
      const data = { requestId: `req-${verb}`, extra: [1, 2] };
      const { status, body } = await sendToBot(
        sut.url,
        actionActivity(channel.url, verb, data, { from: USERS.lead }),
      );
      expect(status).toBe(200);
      expect(body).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: cardFor(verb),
      });
      expect(sut.handler.actions).toHaveLength(1);
      const request = sut.handler.actions[0]!;
      expect(request.verb).toBe(verb);
      expect(request.data).toEqual(data);
      expect(request.actor).toEqual({
        id: USERS.lead.id,
        name: USERS.lead.name,
        aadObjectId: USERS.lead.aadObjectId,
      });
      expect(request.conversation.channelKey).toBe(CONVERSATIONS.channel.channelId);
      expect(channel.calls).toEqual([]);
    },
  );
});

describe('card action results', () => {
  it('a text result becomes an activity.message invoke body', async () => {
    sut.handler.onAction = async () => ({ kind: 'message', text: 'Already decided.' });
    const { status, body } = await sendToBot(
      sut.url,
      actionActivity(channel.url, VERBS.approve, { requestId: 'r' }),
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Already decided.',
    });
  });

  it('scope "all" updates the card message in place and answers the clicker', async () => {
    sut.handler.onAction = async () => ({ kind: 'view', view: viewFor('approved'), scope: 'all' });
    const { status, body } = await sendToBot(
      sut.url,
      actionActivity(channel.url, VERBS.approve, { requestId: 'r' }, { replyToId: 'card-msg-1' }),
    );
    expect(status).toBe(200);
    expect((body as { value: unknown }).value).toEqual(cardFor('approved'));
    const updates = channel.updated();
    expect(updates).toHaveLength(1);
    expect(updates[0]!.activityId).toBe('card-msg-1');
    expect(updates[0]!.conversationId).toBe(CONVERSATIONS.channel.id);
    const attachments = updates[0]!.activity.attachments as { content: unknown }[];
    expect(attachments[0]!.content).toEqual(cardFor('approved'));
  });

  it('scope "all" without a card message id answers without updating', async () => {
    sut.handler.onAction = async () => ({ kind: 'view', view: viewFor('x'), scope: 'all' });
    const { status } = await sendToBot(
      sut.url,
      actionActivity(channel.url, VERBS.reject, { requestId: 'r' }),
    );
    expect(status).toBe(200);
    expect(channel.calls).toEqual([]);
  });

  it('a handler failure answers 200 with the failure card, never the raw error', async () => {
    sut.handler.onAction = async () => {
      throw new Error('db password=hunter2 exploded');
    };
    const { status, body } = await sendToBot(
      sut.url,
      actionActivity(channel.url, VERBS.approve, { requestId: 'r' }),
    );
    expect(status).toBe(200);
    const text = JSON.stringify(body);
    expect(text).toContain('failed ');
    expect(text).not.toContain('hunter2');
  });

  it('an AppError shows its user message', async () => {
    sut.handler.onAction = async () => {
      throw new AppError('APPROVAL_SELF');
    };
    const { body } = await sendToBot(sut.url, actionActivity(channel.url, VERBS.approve, { requestId: 'r' }));
    expect(JSON.stringify(body)).toContain('You cannot approve your own request.');
  });

  it('a malformed action value is refused with the failure card and never reaches the handler', async () => {
    const activity = actionActivity(channel.url, VERBS.approve, {});
    activity.value = { action: { type: 'Action.Execute', verb: VERBS.approve, data: 'not-an-object' } };
    const { status, body } = await sendToBot(sut.url, activity);
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain('That card action could not be read.');
    expect(sut.handler.actions).toEqual([]);
  });

  it.each([
    ['no verb', { action: { type: 'Action.Execute', data: {} } }],
    ['not Action.Execute', { action: { type: 'Action.Submit', verb: VERBS.approve } }],
    ['no action', {}],
  ])('an invoke with %s is not routed (501) and never reaches the handler', async (_name, value) => {
    const activity = actionActivity(channel.url, VERBS.approve, {});
    activity.value = value;
    const { status } = await sendToBot(sut.url, activity);
    expect(status).toBe(501);
    expect(sut.handler.actions).toEqual([]);
  });

  it('a verb outside ALL_VERBS still reaches the handler (which refuses it)', async () => {
    sut.handler.onAction = async (request) => ({ kind: 'message', text: `unknown ${request.verb}` });
    const { status, body } = await sendToBot(sut.url, actionActivity(channel.url, 'deleteEverything', {}));
    expect(status).toBe(200);
    expect((body as { value: unknown }).value).toBe('unknown deleteEverything');
  });
});

describe('messages', () => {
  it('passes the stripped text to the handler and posts its reply into the conversation', async () => {
    const { status } = await sendToBot(sut.url, messageActivity(channel.url, 'search vpn'));
    expect(status).toBe(200);
    expect(sut.handler.messages.map((m) => m.text)).toEqual(['search vpn']);
    const posts = channel.posted();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.conversationId).toBe(CONVERSATIONS.channel.id);
    expect(posts[0]!.activity.text).toBe('echo:search vpn');
  });

  it('a card reply is sent as an Adaptive Card attachment with its summary', async () => {
    sut.handler.onMessage = async (_request, reply) => {
      const id = await reply({ kind: 'view', view: viewFor('c'), summary: 'Results' });
      expect(id).toMatch(/^stub-/);
    };
    await sendToBot(sut.url, messageActivity(channel.url, 'x', { conversation: CONVERSATIONS.personal }));
    const activity = channel.posted()[0]!.activity;
    expect(activity.summary).toBe('Results');
    expect(activity.attachments).toEqual([
      { contentType: 'application/vnd.microsoft.card.adaptive', content: cardFor('c') },
    ]);
  });

  it('a failing turn posts the failure message with a correlation id and logs it', async () => {
    sut.handler.onMessage = async () => {
      throw new Error('secret-ish internals');
    };
    const { status } = await sendToBot(sut.url, messageActivity(channel.url, 'boom'));
    expect(status).toBe(200);
    const text = String(channel.posted()[0]?.activity.text);
    const correlationId = /^failed ([0-9a-f]{8}): /.exec(text)?.[1];
    expect(correlationId).toBeDefined();
    expect(text).not.toContain('internals');
    expect(sut.logs.some((line) => line.includes(correlationId!))).toBe(true);
  });

  it('a malformed message (text not a string) gets the failure message, not a crash', async () => {
    const activity = messageActivity(channel.url, 'x', { conversation: CONVERSATIONS.personal });
    activity.text = 42;
    const { status } = await sendToBot(sut.url, activity);
    expect(status).toBe(200);
    expect(sut.handler.messages).toEqual([]);
    expect(String(channel.posted()[0]?.activity.text)).toContain('That message could not be read.');
  });
});

describe('activities without a reply address', () => {
  it.each([
    ['no serviceUrl', 'serviceUrl'],
    ['no conversation', 'conversation'],
  ])('%s: the turn fails closed and nothing is sent anywhere', async (_name, field) => {
    const sent: unknown[] = [];
    const adapter = sut.bot.adapter;
    const original = adapter.sendActivities.bind(adapter);
    adapter.sendActivities = async (_context, activities) => {
      sent.push(...activities);
      return activities.map(() => ({ id: 'intercepted' }));
    };
    try {
      const activity = messageActivity(channel.url, 'hello');
      delete activity[field];
      const before = sut.logs.length;
      const { status } = await sendToBot(sut.url, activity);
      expect(status).toBe(200);
      expect(sent).toEqual([]);
      expect(sut.handler.messages).toEqual([]);
      expect(sut.logs.slice(before).join('')).toContain('no reply address');
    } finally {
      adapter.sendActivities = original;
    }
  });
});

describe('conversation updates', () => {
  it('posts the welcome when the bot itself is added', async () => {
    const { status } = await sendToBot(sut.url, installActivity(channel.url));
    expect(status).toBe(200);
    expect(channel.posted().map((c) => c.activity.text)).toEqual(['welcome!']);
  });

  it('stays quiet when someone else is added', async () => {
    const activity = { ...installActivity(channel.url), membersAdded: [{ id: USERS.reader.id }] };
    await sendToBot(sut.url, activity);
    expect(channel.calls).toEqual([]);
    expect(BOT.id).not.toBe(USERS.reader.id);
  });
});

describe('ChatPort', () => {
  it('posts proactively and updates a message by id', async () => {
    const target = {
      conversationId: '19:approvals@thread.tacv2',
      channelKey: '19:approvals@thread.tacv2',
      platform: 'teams' as const,
      serviceUrl: channel.url,
    };
    const id = await sut.bot.port.post(target, { kind: 'text', text: 'pending approval' });
    expect(id).toMatch(/^stub-/);
    await sut.bot.port.update(target, id!, { kind: 'view', view: viewFor('u') });
    expect(channel.posted('19:approvals@thread.tacv2').map((c) => c.activity.text)).toEqual([
      'pending approval',
    ]);
    const update = channel.updated('19:approvals@thread.tacv2');
    expect(update.map((c) => c.activityId)).toEqual([id]);
  });
});

describe('toActivity', () => {
  it('maps text and card messages', () => {
    expect(toActivity({ kind: 'text', text: 'hi' })).toMatchObject({ type: 'message', text: 'hi' });
    const card = toActivity({ kind: 'view', view: viewFor('z') });
    expect(card.attachments?.[0]?.content).toEqual(cardFor('z'));
    expect(card.summary).toBeUndefined();
  });
});
