import { randomUUID } from 'node:crypto';

/** A Teams user for tests. */
export interface TestUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
}

export const USERS = {
  admin: { id: '29:admin', name: 'Ada Admin', aadObjectId: 'aad-admin' },
  lead: { id: '29:lead', name: 'Lee Lead', aadObjectId: 'aad-lead' },
  lead2: { id: '29:lead2', name: 'Lou Lead', aadObjectId: 'aad-lead2' },
  writer: { id: '29:writer', name: 'Wren Writer', aadObjectId: 'aad-writer' },
  reader: { id: '29:reader', name: 'Rae Reader', aadObjectId: 'aad-reader' },
} satisfies Record<string, TestUser>;

export const BOT = { id: '28:bot-under-test', name: 'Confluence Assistant' };

/** Where a test activity comes from. */
export interface TestConversation {
  readonly type: 'personal' | 'groupChat' | 'channel';
  readonly id: string;
  readonly channelId?: string;
  readonly teamId?: string;
}

export const CONVERSATIONS = {
  channel: {
    type: 'channel',
    id: '19:eng-channel@thread.tacv2;messageid=1001',
    channelId: '19:eng-channel@thread.tacv2',
    teamId: '19:team',
  },
  channelThread2: {
    type: 'channel',
    id: '19:eng-channel@thread.tacv2;messageid=2002',
    channelId: '19:eng-channel@thread.tacv2',
    teamId: '19:team',
  },
  group: { type: 'groupChat', id: '19:group-chat@thread.v2' },
  personal: { type: 'personal', id: 'a:personal-writer' },
  approvals: {
    type: 'channel',
    id: '19:approvals@thread.tacv2;messageid=9',
    channelId: '19:approvals@thread.tacv2',
    teamId: '19:team',
  },
} satisfies Record<string, TestConversation>;

function base(serviceUrl: string, from: TestUser, conversation: TestConversation) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from,
    recipient: BOT,
    conversation: {
      id: conversation.id,
      conversationType: conversation.type,
      tenantId: 'tenant-1',
      ...(conversation.type !== 'personal' ? { isGroup: true } : {}),
    },
    channelData: {
      tenant: { id: 'tenant-1' },
      ...(conversation.channelId
        ? { channel: { id: conversation.channelId }, team: { id: conversation.teamId } }
        : {}),
    },
  };
}

/** A message activity; in channels the bot is @mentioned as Teams does. */
export function messageActivity(
  serviceUrl: string,
  text: string,
  options: { from?: TestUser; conversation?: TestConversation; mentions?: TestUser[] } = {},
): Record<string, unknown> {
  const conversation = options.conversation ?? CONVERSATIONS.channel;
  const from = options.from ?? USERS.writer;
  const atBot = conversation.type === 'personal' ? '' : `<at>${BOT.name}</at> `;
  const mentions = options.mentions ?? [];
  return {
    ...base(serviceUrl, from, conversation),
    type: 'message',
    text: `${atBot}${text}`,
    entities: [
      ...(atBot ? [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }] : []),
      ...mentions.map((user) => ({
        type: 'mention',
        text: `<at>${user.name}</at>`,
        mentioned: { id: user.id, name: user.name },
      })),
    ],
  };
}

/** An `adaptiveCard/action` invoke (Action.Execute) for the card held by message `replyToId`. */
export function actionActivity(
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
  options: { from?: TestUser; conversation?: TestConversation; replyToId?: string } = {},
): Record<string, unknown> {
  return {
    ...base(serviceUrl, options.from ?? USERS.lead, options.conversation ?? CONVERSATIONS.channel),
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The bot added to a conversation. */
export function installActivity(serviceUrl: string, conversation: TestConversation = CONVERSATIONS.channel) {
  return {
    ...base(serviceUrl, USERS.admin, conversation),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id, name: BOT.name }],
  };
}

/** POSTs an activity to the bot and returns status and parsed body. */
export async function sendToBot(
  botUrl: string,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, body };
}
