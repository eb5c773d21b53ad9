import { z } from 'zod';
import { decodeSlackText } from './decode-text.js';
import {
  type SlackIgnored,
  type SlackInbound,
  type SlackInputValue,
  type SlackSelf,
  SlackViewValues,
} from './inbound.js';

/**
 * A request body that is not what Slack sends. The message is short and never quotes the body
 * (it may hold a token), so it can go into a 400 answer and a log line as is.
 */
export class SlackPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlackPayloadError';
  }
}

/** What a verified body asks for: a handshake, something for the core, or nothing. */
export type SlackDecoded =
  | { readonly kind: 'url-verification'; readonly challenge: string }
  | { readonly kind: 'ssl-check' }
  | SlackInbound
  | SlackIgnored;

/** Message subtypes that are still a person writing to the bot; every other subtype is ignored. */
const PERSON_SUBTYPES: ReadonlySet<string> = new Set(['thread_broadcast', 'file_share']);

const id = z.string().min(1).max(255);
const optionalId = id.optional().catch(undefined);
const userRef = z.object({ id, username: z.string().optional(), name: z.string().optional() });
const teamRef = z
  .object({ id })
  .nullish()
  .transform((team) => team ?? undefined);

const envelopeSchema = z.object({ type: z.string() });
const urlVerificationSchema = z.object({
  type: z.literal('url_verification'),
  challenge: z.string().min(1).max(1000),
});
const eventCallbackSchema = z.object({
  type: z.literal('event_callback'),
  event_id: id,
  team_id: optionalId,
  event: z.object({ type: z.string() }).passthrough(),
});
const messageEventSchema = z.object({
  type: z.enum(['app_mention', 'message']),
  subtype: z.string().optional(),
  hidden: z.boolean().optional(),
  user: z.string().optional(),
  bot_id: z.string().nullish(),
  text: z.string().nullish(),
  channel: id,
  channel_type: z.string().optional(),
  ts: id,
  thread_ts: optionalId,
  team: optionalId,
});
const commandSchema = z.object({
  command: z.string().regex(/^\/[\w.-]{1,31}$/),
  text: z.string().default(''),
  team_id: optionalId,
  user_id: id,
  user_name: z.string().optional(),
  channel_id: id,
  channel_name: z.string().max(255).optional(),
  trigger_id: id,
  response_url: z.string().url(),
});
const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  user: userRef,
  team: teamRef,
  channel: z.object({ id }).optional(),
  container: z
    .object({
      message_ts: optionalId,
      thread_ts: optionalId,
      channel_id: optionalId,
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  message: z.object({ ts: id, thread_ts: optionalId }).optional(),
  trigger_id: id,
  response_url: z.string().url().optional(),
  actions: z
    .array(z.object({ action_id: id, block_id: optionalId, value: z.string().max(2000).optional() }))
    .min(1),
});
const elementSchema = z
  .object({
    type: z.string(),
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
    selected_user: z.string().nullish(),
    selected_conversation: z.string().nullish(),
    selected_channel: z.string().nullish(),
    selected_date: z.string().nullish(),
  })
  .passthrough();
const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: userRef,
  team: teamRef,
  view: z.object({
    id,
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3000).default(''),
    state: z.object({ values: z.record(z.record(elementSchema)) }).default({ values: {} }),
  }),
});

function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new SlackPayloadError(`Malformed ${what}${where}.`);
}

function ignored(reason: string): SlackIgnored {
  return { kind: 'ignored', reason };
}

function inputValue(element: z.infer<typeof elementSchema>): SlackInputValue {
  if (element.selected_options)
    return { type: 'options', values: element.selected_options.map((o) => o.value) };
  if (element.selected_option) return { type: 'option', value: element.selected_option.value };
  const selected =
    element.selected_user ??
    element.selected_conversation ??
    element.selected_channel ??
    element.selected_date;
  if (typeof selected === 'string') return { type: 'option', value: selected };
  if ('value' in element) return { type: 'text', value: element.value ?? '' };
  return { type: 'other', elementType: element.type };
}

function decodeEvent(body: unknown, self: SlackSelf): SlackInbound | SlackIgnored {
  const envelope = parseWith(eventCallbackSchema, body, 'event');
  const { type } = envelope.event;
  if (type !== 'app_mention' && type !== 'message') return ignored(`event type ${type.slice(0, 40)}`);
  const event = parseWith(messageEventSchema, envelope.event, `${type} event`);
  if (event.subtype !== undefined && !PERSON_SUBTYPES.has(event.subtype))
    return ignored(`message subtype ${event.subtype.slice(0, 40)}`);
  if (event.hidden) return ignored('hidden message');
  if (event.bot_id || event.user === undefined || event.user === self.botUserId)
    return ignored('message from a bot');
  const inDirectChat = event.channel.startsWith('D') || event.channel_type === 'im';
  // A mention in a DM also arrives as message.im; answering both would answer twice.
  if (type === 'app_mention' && inDirectChat) return ignored('app_mention in a direct message');
  // Channel messages arrive as app_mention; other message events (if subscribed) are not for us.
  if (type === 'message' && event.channel_type !== 'im') return ignored('message outside a direct message');
  const decoded = decodeSlackText(event.text ?? '', self.botUserId);
  const teamId = event.team ?? envelope.team_id;
  return {
    kind: type === 'app_mention' ? 'app-mention' : 'direct-message',
    eventId: envelope.event_id,
    ...(teamId !== undefined ? { teamId } : {}),
    channelId: event.channel,
    ...(event.channel_type !== undefined ? { channelType: event.channel_type } : {}),
    userId: event.user,
    text: decoded.text,
    mentions: decoded.mentions,
    links: decoded.links,
    ts: event.ts,
    ...(event.thread_ts !== undefined ? { threadTs: event.thread_ts } : {}),
  };
}

function decodeCommand(body: unknown, self: SlackSelf): SlackInbound {
  const command = parseWith(commandSchema, body, 'slash command');
  const decoded = decodeSlackText(command.text, self.botUserId);
  return {
    kind: 'slash-command',
    command: command.command.toLowerCase(),
    text: decoded.text,
    mentions: decoded.mentions,
    links: decoded.links,
    ...(command.team_id !== undefined ? { teamId: command.team_id } : {}),
    userId: command.user_id,
    ...(command.user_name !== undefined ? { userName: command.user_name } : {}),
    channelId: command.channel_id,
    ...(command.channel_name !== undefined ? { channelName: command.channel_name } : {}),
    triggerId: command.trigger_id,
    responseUrl: command.response_url,
  };
}

function decodeBlockActions(body: unknown): SlackInbound {
  const payload = parseWith(blockActionsSchema, body, 'block_actions payload');
  const action = payload.actions[0]!;
  const channelId = payload.channel?.id ?? payload.container?.channel_id;
  const messageTs = payload.message?.ts ?? payload.container?.message_ts;
  const threadTs = payload.message?.thread_ts ?? payload.container?.thread_ts;
  const userName = payload.user.name ?? payload.user.username;
  const teamId = payload.team?.id;
  return {
    kind: 'block-action',
    actionId: action.action_id,
    ...(action.block_id !== undefined ? { blockId: action.block_id } : {}),
    ...(action.value !== undefined ? { value: action.value } : {}),
    ...(teamId !== undefined ? { teamId } : {}),
    userId: payload.user.id,
    ...(userName !== undefined ? { userName } : {}),
    ...(channelId !== undefined ? { channelId } : {}),
    ...(messageTs !== undefined ? { messageTs } : {}),
    ...(threadTs !== undefined ? { threadTs } : {}),
    isEphemeral: payload.container?.is_ephemeral === true,
    triggerId: payload.trigger_id,
    ...(payload.response_url !== undefined ? { responseUrl: payload.response_url } : {}),
  };
}

function decodeViewSubmission(body: unknown): SlackInbound {
  const payload = parseWith(viewSubmissionSchema, body, 'view_submission payload');
  const values = new Map<string, SlackInputValue>();
  for (const [blockId, actions] of Object.entries(payload.view.state.values)) {
    for (const [actionId, element] of Object.entries(actions)) {
      values.set(`${blockId}\u0000${actionId}`, inputValue(element));
    }
  }
  const userName = payload.user.name ?? payload.user.username;
  const teamId = payload.team?.id;
  return {
    kind: 'view-submission',
    callbackId: payload.view.callback_id,
    privateMetadata: payload.view.private_metadata,
    values: new SlackViewValues(values),
    viewId: payload.view.id,
    ...(teamId !== undefined ? { teamId } : {}),
    userId: payload.user.id,
    ...(userName !== undefined ? { userName } : {}),
  };
}

/**
 * Decodes one verified Slack body — an Events API envelope, a slash command's fields or an
 * interactivity payload, as they arrive over HTTP (after `parseSlackHttpBody`) or Socket Mode — into
 * the typed value the core gets. The bot's own messages, other bots, message subtypes such as
 * `bot_message`/`message_changed`, and event or interaction types the bot does not handle come back
 * as `ignored`.
 *
 * @throws SlackPayloadError when the body does not have the shape Slack sends.
 */
export function decodeSlackBody(body: unknown, self: SlackSelf): SlackDecoded {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new SlackPayloadError('Malformed body: expected an object.');
  const record = body as Record<string, unknown>;
  if (record.ssl_check === '1') return { kind: 'ssl-check' };
  if (typeof record.command === 'string') return decodeCommand(body, self);
  const { type } = parseWith(envelopeSchema, body, 'body');
  switch (type) {
    case 'url_verification':
      return {
        kind: 'url-verification',
        challenge: parseWith(urlVerificationSchema, body, 'challenge').challenge,
      };
    case 'event_callback':
      return decodeEvent(body, self);
    case 'block_actions':
      return decodeBlockActions(body);
    case 'view_submission':
      return decodeViewSubmission(body);
    default:
      return ignored(`body type ${type.slice(0, 40)}`);
  }
}

/** The media type of a Content-Type header, lowercased, without parameters. */
function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SlackPayloadError(`Malformed ${what}: not JSON.`);
  }
}

/**
 * Parses a verified HTTP body by its Content-Type: `application/json` (Events API) or
 * `application/x-www-form-urlencoded` — a slash command's fields, or interactivity's `payload` field
 * holding JSON. Linear in the body's size.
 *
 * @throws SlackPayloadError for another media type or a body that does not parse.
 */
export function parseSlackHttpBody(rawBody: string, contentType: string | undefined): unknown {
  const media = mediaType(contentType);
  if (media === 'application/json') return parseJson(rawBody, 'JSON body');
  if (media === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(rawBody);
    const payload = form.get('payload');
    if (payload !== null) return parseJson(payload, 'interactivity payload');
    return Object.fromEntries(form);
  }
  throw new SlackPayloadError('Unsupported content type: Slack sends JSON or form-encoded bodies.');
}

/** The Events API `event_id` of a parsed body, when it is an event envelope (the dedupe key). */
export function eventIdOf(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  return record.type === 'event_callback' && typeof record.event_id === 'string' && record.event_id !== ''
    ? record.event_id
    : undefined;
}
