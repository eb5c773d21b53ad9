import { decodeSlackText } from './decode-text.js';
import { ignored, type SlackIgnored, type SlackInbound, type SlackSelf } from './inbound.js';
import { commandSchema, eventCallbackSchema, messageEventSchema, parseWith } from './payload-schemas.js';

/*
 * Decoding what people write to the bot: Events API message events (mentions, DMs) and slash
 * commands, with Slack's text markup decoded. Bots, the bot itself and system subtypes are ignored.
 */

/** Message subtypes that are still a person writing to the bot; every other subtype is ignored. */
const PERSON_SUBTYPES: ReadonlySet<string> = new Set(['thread_broadcast', 'file_share']);

/**
 * An `event_callback` body as an app mention or a direct message, or `ignored` (other event types,
 * message subtypes, hidden messages, bots, a mention inside a DM, channel messages that are not mentions).
 *
 * @throws SlackPayloadError when the envelope or the event does not have Slack's shape.
 */
export function decodeEvent(body: unknown, self: SlackSelf): SlackInbound | SlackIgnored {
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

/**
 * A slash command's form fields as a `slash-command` (text decoded, command lowercased).
 *
 * @throws SlackPayloadError when a field is missing or malformed.
 */
export function decodeCommand(body: unknown, self: SlackSelf): SlackInbound {
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
