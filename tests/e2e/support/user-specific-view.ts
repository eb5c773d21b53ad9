import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ConversationFrame } from './playground-page.js';

/** The Playground's signed-in user (scripts/playground/.m365agentsplayground.yml). */
export const PLAYGROUND_USER = {
  id: 'user-id-0',
  name: 'Alex Wilber',
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
} as const;

const PLAYGROUND_BOT = {
  id: '00000000-0000-0000-0000-00000000000011',
  name: 'Confluence Assistant',
} as const;
const TENANT_ID = '00000000-0000-0000-0000-0000000000001';

const refreshSchema = z.object({
  action: z.object({ verb: z.string(), data: z.record(z.unknown()) }),
  userIds: z.array(z.string()).optional(),
});

/** A bot card carrying an Adaptive Card `refresh` (the approval card), found in the Playground's frames. */
export interface RefreshableCard {
  /** The channel thread or chat the card lives in (`channel-x;messageid=...` for channel posts). */
  readonly conversationId: string;
  /** The Playground's id of the card message (the invoke's replyToId). */
  readonly messageId: string;
  readonly verb: string;
  readonly data: Record<string, unknown>;
  readonly userIds: readonly string[];
}

/** The newest card in `frames` whose `refresh.action.verb` is `verb`, or undefined. */
export function findRefreshableCard(
  frames: readonly ConversationFrame[],
  verb: string,
): RefreshableCard | undefined {
  for (const frame of [...frames].reverse()) {
    if (frame.action !== 'createMessage') continue;
    for (const attachment of frame.message.attachments ?? []) {
      const refresh = refreshSchema.safeParse(attachment.content?.refresh);
      if (refresh.success && refresh.data.action.verb === verb) {
        return {
          conversationId: frame.actionConversationId,
          messageId: frame.message.messageId,
          verb,
          data: refresh.data.action.data,
          userIds: refresh.data.userIds ?? [],
        };
      }
    }
  }
  return undefined;
}

const invokeResponseSchema = z.object({
  statusCode: z.number(),
  type: z.string(),
  value: z.record(z.unknown()),
});

/**
 * Does what the Teams client does for a user listed in a card's `refresh.userIds` and what the
 * Microsoft 365 Agents Playground does not support ("User specific view is not supported yet"):
 * 1. sends the automatic `adaptiveCard/action` refresh invoke to the bot as the Playground user, in the
 *    card's conversation, with replyToId = the card's message id;
 * 2. shows the card the bot answers to that user, by replacing the message through the Playground's
 *    mock connector (the same PUT the bot uses for updateActivity).
 * Resolves with the card shown. Throws on any non-2xx answer or an answer without a card.
 */
export async function showUserSpecificView(
  target: RefreshableCard,
  urls: { botUrl: string; playgroundUrl: string },
): Promise<Record<string, unknown>> {
  const serviceUrl = `${urls.playgroundUrl}/_connector`;
  const [channelId] = target.conversationId.split(';');
  const isChannel = target.conversationId.includes(';messageid=');
  const invoke = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: PLAYGROUND_USER,
    recipient: PLAYGROUND_BOT,
    conversation: {
      id: target.conversationId,
      tenantId: TENANT_ID,
      ...(isChannel ? { conversationType: 'channel', isGroup: true } : {}),
    },
    replyToId: target.messageId,
    channelData: {
      tenant: { id: TENANT_ID },
      ...(isChannel ? { channel: { id: channelId }, team: { id: 'team-id' } } : {}),
      source: { name: 'message' },
    },
    value: { action: { type: 'Action.Execute', verb: target.verb, data: target.data }, trigger: 'automatic' },
  };
  const response = await fetch(`${urls.botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ms-agents-playground': 'true' },
    body: JSON.stringify(invoke),
  });
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`refresh invoke answered ${response.status}: ${JSON.stringify(body)}`);
  const answer = invokeResponseSchema.parse(body);
  if (answer.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`refresh invoke answered ${answer.type}, not a card`);
  }
  const update = {
    type: 'message',
    id: target.messageId,
    from: PLAYGROUND_BOT,
    conversation: { id: target.conversationId },
    attachments: [{ contentType: answer.type, content: answer.value }],
  };
  const path = `/v3/conversations/${encodeURIComponent(target.conversationId)}/activities/${encodeURIComponent(target.messageId)}`;
  const put = await fetch(`${serviceUrl}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(update),
  });
  if (!put.ok)
    throw new Error(`Playground connector refused the card update: ${put.status} ${await put.text()}`);
  return answer.value;
}
