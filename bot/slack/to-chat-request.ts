import type { ChatRequest, ChatTarget, MessageMention } from '../domain/chat.js';
import type { Actor, ConversationRef, ConversationType } from '../domain/types.js';
import type { SlackMention } from './decode-text.js';

/** Longest message text handed to the core (as the Teams edge caps it). */
const MAX_TEXT_LENGTH = 100_000;

/** The actor id of a Slack user in role lists, approvals and audit: `slack:U…`. */
export function slackActorId(userId: string): string {
  return `slack:${userId}`;
}

/**
 * The kind of conversation a Slack channel id is: `D…` a direct message (personal); a multi-person
 * DM (`mpim`, or a slash command's `mpdm-…` channel name) a group chat; anything else a channel.
 */
export function slackConversationType(
  channelId: string,
  hint: { channelType?: string; channelName?: string } = {},
): ConversationType {
  if (channelId.startsWith('D') || hint.channelType === 'im' || hint.channelName === 'directmessage')
    return 'personal';
  if (hint.channelType === 'mpim' || hint.channelName?.startsWith('mpdm-')) return 'groupChat';
  return 'channel';
}

/**
 * Where a Slack turn happens and where its replies go: settings are keyed by the channel id (every
 * thread of a channel shares them); `threadId` keeps replies in the thread the message was in.
 */
export function slackConversation(
  channelId: string,
  options: { threadTs?: string; teamId?: string; channelType?: string; channelName?: string } = {},
): { conversation: ConversationRef; target: ChatTarget } {
  const conversation: ConversationRef = {
    conversationId: channelId,
    channelKey: channelId,
    type: slackConversationType(channelId, options),
    ...(options.teamId !== undefined ? { teamId: options.teamId } : {}),
  };
  const target: ChatTarget = {
    platform: 'slack',
    conversationId: channelId,
    channelKey: channelId,
    ...(options.threadTs !== undefined ? { threadId: options.threadTs } : {}),
  };
  return { conversation, target };
}

/** A mention's name as it may stand inside an `<at>` tag (no markup characters, one line). */
function tagName(text: string): string {
  return (
    text
      .replace(/^@/, '')
      .replace(/[<>\r\n]/g, ' ')
      .trim() || 'someone'
  );
}

/**
 * The decoded Slack text in the core's mention convention: each person mentioned (`@ada`, as
 * `decodeSlackText` writes them) becomes `<at>ada</at>`, and the mentions list names them as
 * `slack:U…` with `names` (from users.info) where known — so `/confluence approvers add <@U…>`
 * stores `slack:U…`. A `@word` that only starts like a mention (`@adam` for `@ada`) is left alone.
 */
export function withMentionTags(
  text: string,
  mentions: readonly SlackMention[],
  names: ReadonlyMap<string, string> = new Map(),
): { text: string; mentions: MessageMention[] } {
  let out = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  const tagged: MessageMention[] = [];
  // Longest first, so `@ada lovelace` is tagged before `@ada`.
  const ordered = [...mentions].sort((a, b) => b.text.length - a.text.length);
  for (const mention of ordered) {
    const inner = tagName(mention.text);
    const tag = `<at>${inner}</at>`;
    out = replaceWord(out, mention.text, tag);
    tagged.push({
      id: slackActorId(mention.userId),
      name: names.get(mention.userId) ?? mention.label ?? mention.userId,
      text: tag,
    });
  }
  const position = (m: MessageMention) => out.indexOf(m.text);
  return { text: out, mentions: tagged.sort((a, b) => position(a) - position(b)) };
}

/** Replaces every `word` in `text` that is not followed by a letter, digit, `.`, `_` or `-`. */
function replaceWord(text: string, word: string, replacement: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    const next = text[at + word.length];
    if (next !== undefined && /[\p{L}\p{N}._-]/u.test(next)) continue;
    out += text.slice(from, at) + replacement;
    from = at + word.length;
  }
  return out + text.slice(from);
}

/** A ChatRequest from a Slack message, slash command or re-routed click (already decoded once). */
export function toSlackChatRequest(input: {
  readonly actor: Actor;
  readonly channelId: string;
  readonly text: string;
  readonly mentions: readonly SlackMention[];
  readonly names?: ReadonlyMap<string, string>;
  readonly threadTs?: string;
  readonly teamId?: string;
  readonly channelType?: string;
  readonly channelName?: string;
  readonly ts?: string;
}): ChatRequest {
  const { conversation, target } = slackConversation(input.channelId, input);
  const { text, mentions } = withMentionTags(input.text, input.mentions, input.names);
  return {
    actor: input.actor,
    conversation,
    target,
    text: text.trim(),
    mentions,
    ...(input.ts !== undefined ? { activityId: input.ts } : {}),
  };
}
