import type { CardActionResult, ChatHandler } from '../domain/chat.js';
import { parseButtonValue, SLACK_VERBS } from './blocks-actions.js';
import { type EdgeContext, failureMessage, runTurn, sendEphemeral, viewOf } from './edge-context.js';
import { openModal } from './edge-modal.js';
import type { SlackBlockAction } from './inbound.js';
import { noticeMessage, toSlackMessage } from './slack-port.js';
import { slackConversation, toSlackChatRequest } from './to-chat-request.js';

/*
 * Button presses: a card verb goes to the core's `handleCardAction` (verb = `action_id`, data = the
 * button value) and its answer replaces the clicked message or is shown to the clicker; "Open the
 * form" re-asks the core and opens the form as a modal.
 */

async function applyResult(
  ctx: EdgeContext,
  result: CardActionResult,
  click: SlackBlockAction,
  channelId: string,
): Promise<void> {
  if (result.kind === 'message')
    return sendEphemeral(ctx, channelId, click.userId, noticeMessage(result.text), click.threadTs);
  const content = toSlackMessage({ kind: 'view', view: result.view });
  if (result.scope === 'all' && click.messageTs !== undefined && !click.isEphemeral)
    return ctx.port.replace(channelId, click.messageTs, content);
  return sendEphemeral(ctx, channelId, click.userId, content, click.threadTs);
}

/** "Open the form": `/confluence connect|rotate` as the clicker (the admin check is the core's). */
async function openForm(
  ctx: EdgeContext,
  handler: ChatHandler,
  click: SlackBlockAction,
  channelId: string,
): Promise<void> {
  const data = click.value !== undefined ? parseButtonValue(click.value) : undefined;
  const connector = typeof data?.connector === 'string' ? data.connector : '';
  const command = data?.form === 'rotate-form' ? `/confluence rotate ${connector}` : '/confluence connect';
  const actor = await ctx.people.actor(click.userId, click.userName);
  const request = toSlackChatRequest({
    actor,
    channelId,
    text: command,
    mentions: [],
    ...(click.threadTs !== undefined ? { threadTs: click.threadTs } : {}),
    ...(click.teamId !== undefined ? { teamId: click.teamId } : {}),
  });
  let trigger: string | undefined = click.triggerId;
  await runTurn(ctx, handler, request, async (message) => {
    if (trigger !== undefined && message.kind === 'view') {
      const used = trigger;
      trigger = undefined;
      const metadata = { c: channelId, ...(click.threadTs !== undefined ? { t: click.threadTs } : {}) };
      if (await openModal(ctx, used, message.view, metadata)) return undefined;
    }
    await sendEphemeral(ctx, channelId, click.userId, toSlackMessage(message), click.threadTs);
    return undefined;
  });
}

/**
 * One button press. A view for everyone replaces the clicked message (`chat.update`); a view for
 * the clicker or a message is shown to the clicker only (ephemeral). A button whose value cannot be
 * read, or a failure in the core, is answered to the clicker.
 */
export async function handleButton(
  ctx: EdgeContext,
  handler: ChatHandler,
  click: SlackBlockAction,
): Promise<void> {
  const channelId = click.channelId;
  if (channelId === undefined) return;
  if (click.actionId === SLACK_VERBS.openForm) return openForm(ctx, handler, click, channelId);
  const data = click.value === undefined ? {} : parseButtonValue(click.value);
  if (data === undefined)
    return sendEphemeral(
      ctx,
      channelId,
      click.userId,
      noticeMessage('That button could not be read.'),
      click.threadTs,
    );
  const actor = await ctx.people.actor(click.userId, click.userName);
  const { conversation, target } = slackConversation(channelId, {
    ...(click.threadTs !== undefined ? { threadTs: click.threadTs } : {}),
    ...(click.teamId !== undefined ? { teamId: click.teamId } : {}),
  });
  let result: CardActionResult;
  try {
    result = await handler.handleCardAction({
      verb: click.actionId,
      data,
      actor,
      conversation,
      target,
      ...(click.messageTs !== undefined ? { cardActivityId: click.messageTs } : {}),
    });
  } catch (error) {
    result = {
      kind: 'view',
      view: viewOf(failureMessage(ctx, handler, error, 'card action')),
      scope: 'clicker',
    };
  }
  await applyResult(ctx, result, click, channelId);
}
