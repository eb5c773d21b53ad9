import type { ChatHandler } from '../domain/chat.js';
import { type EdgeContext, runTurn } from './edge-context.js';
import { isFormView, openModal } from './edge-modal.js';
import type { SlackAppMention, SlackDirectMessage, SlackSlashCommand } from './inbound.js';
import { createResponseUrlPoster, isNotInChannel, withNotInChannelNote } from './response-url.js';
import { toSlackMessage } from './slack-port.js';
import { toSlackChatRequest } from './to-chat-request.js';

/*
 * Inbound text turns: app mentions, DMs and thread replies, and `/confluence …` slash commands, each
 * handed to the core's `handleMessage` with its answers posted where the message was.
 */

/**
 * An app mention or a direct message as one turn: the author and the people it mentions are looked
 * up, and replies go to its conversation (in the thread when the message was in one).
 */
export async function handleSlackMessage(
  ctx: EdgeContext,
  handler: ChatHandler,
  event: SlackAppMention | SlackDirectMessage,
): Promise<void> {
  const [actor, names] = await Promise.all([
    ctx.people.actor(event.userId),
    ctx.people.names(event.mentions.map((m) => m.userId)),
  ]);
  const request = toSlackChatRequest({ ...event, actor, names });
  await runTurn(ctx, handler, request, (message) => ctx.port.post(request.target, message));
}

/**
 * `/confluence …` as the text `/confluence …` (replies public in the channel, like a command typed in
 * Teams); a connect/rotate form the core answers with opens as a modal with the command's trigger.
 * In a channel the bot is not in (`not_in_channel`/`channel_not_found`), replies go to the command's
 * response URL instead, shown to the user only, with a note on how to invite the bot.
 */
export async function handleSlashCommand(
  ctx: EdgeContext,
  handler: ChatHandler,
  event: SlackSlashCommand,
): Promise<void> {
  const [actor, names] = await Promise.all([
    ctx.people.actor(event.userId, event.userName),
    ctx.people.names(event.mentions.map((m) => m.userId)),
  ]);
  const request = toSlackChatRequest({
    ...event,
    text: `/confluence ${event.text}`,
    actor,
    names,
  });
  let trigger: string | undefined = event.triggerId;
  let notMember = false;
  const toResponseUrl = createResponseUrlPoster({
    url: event.responseUrl,
    logger: ctx.logger,
    ...(ctx.apiUrl !== undefined ? { apiUrl: ctx.apiUrl } : {}),
  });
  await runTurn(ctx, handler, request, async (message) => {
    if (trigger !== undefined && message.kind === 'view' && isFormView(message.view)) {
      const used = trigger;
      trigger = undefined;
      if (await openModal(ctx, used, message.view, { c: event.channelId })) return undefined;
    }
    if (!notMember) {
      try {
        return await ctx.port.post(request.target, message);
      } catch (error) {
        if (!isNotInChannel(error)) throw error;
        notMember = true;
        ctx.logger.info({ channel: event.channelId }, 'slack: not in the channel, replying to response_url');
        await toResponseUrl(withNotInChannelNote(toSlackMessage(message)));
        return undefined;
      }
    }
    await toResponseUrl(toSlackMessage(message));
    return undefined;
  });
}
