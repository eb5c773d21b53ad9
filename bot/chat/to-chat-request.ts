import { z } from 'zod';
import type { CardActionRequest, ChatRequest, ChatTarget, MessageMention } from '../domain/chat.js';
import { decodeEntities } from '../domain/decode-entities.js';
import { isPlainObject } from '../domain/plain-object.js';
import type { Actor, ConversationRef, ConversationType } from '../domain/types.js';
import { AppError } from '../errors.js';

const MAX_TEXT_LENGTH = 100_000;

const accountSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
});

/** The fields of an activity the bot reads; `isReadableActivity` is the same predicate by hand. */
export const activitySchema = z.object({
  id: z.string().optional(),
  type: z.string(),
  serviceUrl: z.string().min(1),
  channelId: z.string().optional(),
  from: accountSchema,
  recipient: accountSchema,
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  text: z.string().optional(),
  replyToId: z.string().optional(),
  entities: z.array(z.unknown()).optional(),
  channelData: z
    .object({
      channel: z
        .object({ id: z.string().min(1) })
        .partial()
        .optional(),
      team: z
        .object({ id: z.string().min(1) })
        .partial()
        .optional(),
      tenant: z
        .object({ id: z.string().min(1) })
        .partial()
        .optional(),
    })
    .passthrough()
    .optional(),
  value: z.unknown().optional(),
});

const mentionSchema = z.object({
  type: z.literal('mention'),
  text: z.string().optional(),
  mentioned: z.object({ id: z.string().min(1), name: z.string().optional() }),
});

const actionValueSchema = z.object({
  action: z.object({
    type: z.string().optional(),
    verb: z.string().min(1).max(100),
    data: z.record(z.unknown()).optional(),
  }),
});

type ParsedActivity = z.infer<typeof activitySchema>;

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function isNonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function isAccount(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    isNonEmptyString(value.id) &&
    isOptionalString(value.name) &&
    isOptionalString(value.aadObjectId)
  );
}

/** `{ id?: non-empty string }`, optional, as `channelData.channel` / `team` / `tenant`. */
function isOptionalIdHolder(value: unknown): boolean {
  return (
    value === undefined || (isPlainObject(value) && (value.id === undefined || isNonEmptyString(value.id)))
  );
}

/**
 * True when `activitySchema` accepts `value`, decided by hand because it runs on every turn (zod
 * was ~1.6 % of a search turn). False also for some values zod accepts (objects that are not plain):
 * `parseActivity` then asks zod. A property test pins the two together. The activity is then read
 * as it is: zod's copy would differ only by keys the bot never reads.
 */
export function isReadableActivity(value: unknown): value is ParsedActivity {
  if (!isPlainObject(value)) return false;
  const { conversation, channelData, entities } = value;
  return (
    isOptionalString(value.id) &&
    typeof value.type === 'string' &&
    isNonEmptyString(value.serviceUrl) &&
    isOptionalString(value.channelId) &&
    isAccount(value.from) &&
    isAccount(value.recipient) &&
    isPlainObject(conversation) &&
    isNonEmptyString(conversation.id) &&
    isOptionalString(conversation.conversationType) &&
    isOptionalString(conversation.tenantId) &&
    (conversation.isGroup === undefined || typeof conversation.isGroup === 'boolean') &&
    isOptionalString(value.text) &&
    isOptionalString(value.replyToId) &&
    (entities === undefined || Array.isArray(entities)) &&
    (channelData === undefined ||
      (isPlainObject(channelData) &&
        isOptionalIdHolder(channelData.channel) &&
        isOptionalIdHolder(channelData.team) &&
        isOptionalIdHolder(channelData.tenant)))
  );
}

function parseActivity(activity: unknown): ParsedActivity {
  if (isReadableActivity(activity)) return activity;
  const result = activitySchema.safeParse(activity);
  if (!result.success) {
    throw new AppError('INPUT_INVALID', {
      message: `Malformed activity: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
      userMessage: 'That message could not be read.',
    });
  }
  return result.data;
}

function conversationOf(activity: ParsedActivity): { conversation: ConversationRef; target: ChatTarget } {
  const rawType = activity.conversation.conversationType;
  const type: ConversationType =
    rawType === 'channel' || rawType === 'groupChat' || rawType === 'personal'
      ? rawType
      : activity.conversation.isGroup
        ? 'groupChat'
        : 'personal';
  const teamsChannelId = activity.channelData?.channel?.id;
  const channelKey =
    type === 'channel' && teamsChannelId ? teamsChannelId : activity.conversation.id.split(';messageid=')[0]!;
  const tenantId = activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
  const conversation: ConversationRef = {
    conversationId: activity.conversation.id,
    channelKey,
    type,
    ...(tenantId ? { tenantId } : {}),
    ...(activity.channelData?.team?.id ? { teamId: activity.channelData.team.id } : {}),
  };
  const target: ChatTarget = {
    platform: 'teams',
    conversationId: activity.conversation.id,
    channelKey,
    serviceUrl: activity.serviceUrl,
    ...(tenantId ? { tenantId } : {}),
  };
  return { conversation, target };
}

function actorOf(activity: ParsedActivity): Actor {
  return {
    id: activity.from.id,
    name: activity.from.name?.trim() || 'Unknown user',
    ...(activity.from.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
  };
}

/**
 * Strips the bot's own `<at>…</at>` mention(s) and returns the other people mentioned. HTML entities
 * in the text and in the mentions' tag text are decoded here, once, in one pass (`&amp;lt;` becomes
 * `&lt;`): the intent parser takes the result literally. Text is capped at 100,000 characters so odd
 * input cannot exhaust the parser.
 */
export function stripBotMention(
  text: string,
  entities: readonly unknown[],
  botId: string,
): { text: string; mentions: MessageMention[] } {
  let result = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  const mentions: MessageMention[] = [];
  for (const entity of entities) {
    const parsed = mentionSchema.safeParse(entity);
    if (!parsed.success) continue;
    const { mentioned, text: mentionText } = parsed.data;
    const isBot =
      mentioned.id === botId || mentioned.id.endsWith(`:${botId}`) || botId.endsWith(`:${mentioned.id}`);
    if (isBot) {
      if (mentionText) result = result.split(mentionText).join(' ');
    } else {
      mentions.push({
        id: mentioned.id,
        name: mentioned.name ?? mentioned.id,
        text: decodeEntities(mentionText ?? '').replaceAll('\u00a0', ' '),
      });
    }
  }
  return { text: decodeEntities(result).replaceAll('\u00a0', ' ').replace(/\r\n?/g, '\n').trim(), mentions };
}

/**
 * Converts a Bot Framework message activity into a ChatRequest. Throws AppError('INPUT_INVALID')
 * for activities that lack the fields every Teams message carries.
 */
export function toChatRequest(activity: unknown): ChatRequest {
  const parsed = parseActivity(activity);
  const { conversation, target } = conversationOf(parsed);
  const { text, mentions } = stripBotMention(parsed.text ?? '', parsed.entities ?? [], parsed.recipient.id);
  return {
    actor: actorOf(parsed),
    conversation,
    target,
    text,
    mentions,
    ...(parsed.id ? { activityId: parsed.id } : {}),
  };
}

/**
 * Converts an `adaptiveCard/action` invoke into a CardActionRequest. The data is returned as a
 * claim: callers must re-check everything it names.
 */
export function toCardActionRequest(activity: unknown): CardActionRequest {
  const parsed = parseActivity(activity);
  const value = actionValueSchema.safeParse(parsed.value);
  if (!value.success) {
    throw new AppError('INPUT_INVALID', {
      message: 'Malformed card action',
      userMessage: 'That card action could not be read.',
    });
  }
  const { conversation, target } = conversationOf(parsed);
  return {
    verb: value.data.action.verb,
    data: value.data.action.data ?? {},
    actor: actorOf(parsed),
    conversation,
    target,
    ...(parsed.replyToId ? { cardActivityId: parsed.replyToId } : {}),
  };
}
