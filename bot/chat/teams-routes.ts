/**
 * The teams-ai routes of the Teams edge: welcome on install, card actions (one route per verb, then
 * a catch-all), messages, and the turn-error handler. Each route hands the core a ChatRequest or
 * CardActionRequest and sends back what it answers; failures get a correlation id, never details.
 */
import { randomUUID } from 'node:crypto';
import type { Application, TurnState } from '@microsoft/teams-ai';
import {
  type Activity,
  ActivityTypes,
  CardFactory,
  INVOKE_RESPONSE_KEY,
  MessageFactory,
  type TurnContext,
} from 'botbuilder';
import type { CardActionResult, ChatHandler } from '../domain/chat.js';
import type { ConversationType } from '../domain/types.js';
import { toAppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AdaptiveCardJson } from '../views/types.js';
import { renderView, toActivity } from './teams-activity.js';
import { toCardActionRequest, toChatRequest } from './to-chat-request.js';

/**
 * Registers every route of `app` for `handler`. `verbs` get routes of their own, in order, before
 * the catch-all card-action route (teams-ai matches routes in registration order).
 */
export function registerTeamsRoutes(
  app: Application<TurnState>,
  handler: ChatHandler,
  verbs: readonly string[],
  logger: Logger,
): void {
  const failWith = async (context: TurnContext, error: unknown, where: string): Promise<void> => {
    const correlationId = randomUUID().slice(0, 8);
    const appError = toAppError(error);
    logger.error(
      { correlationId, where, err: appError, cause: String((error as Error)?.message ?? error) },
      'turn failed',
    );
    if (!context.activity?.serviceUrl || !context.activity.conversation?.id) {
      logger.warn({ correlationId }, 'no reply address on the activity; the failure message was not sent');
      return;
    }
    try {
      await context.sendActivity(toActivity(handler.failure(correlationId, appError.userMessage)));
    } catch (sendError) {
      logger.error({ correlationId, err: String(sendError) }, 'could not send the failure message');
    }
  };

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (added.some((member) => member.id === botId)) {
      await context.sendActivity(toActivity(handler.welcome(conversationTypeOf(context.activity))));
    }
  });

  const onAction = async (context: TurnContext): Promise<string> => {
    let result: CardActionResult | { kind: 'card'; card: AdaptiveCardJson; scope: 'clicker' };
    try {
      result = await handler.handleCardAction(toCardActionRequest(context.activity));
    } catch (error) {
      const correlationId = randomUUID().slice(0, 8);
      const appError = toAppError(error);
      logger.error({ correlationId, err: appError }, 'card action failed');
      result = {
        kind: 'card',
        card: failureCard(handler, correlationId, appError.userMessage),
        scope: 'clicker',
      };
    }
    if (result.kind === 'message') {
      await sendInvokeResponse(context, {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: result.text,
      });
      return result.text;
    }
    const card = result.kind === 'view' ? renderView(result.view) : result.card;
    if (result.scope === 'all' && context.activity.replyToId) {
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      activity.id = context.activity.replyToId;
      try {
        await context.updateActivity(activity);
      } catch (error) {
        logger.warn({ err: String(error) }, 'could not update the card for everyone');
      }
    }
    await sendInvokeResponse(context, {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: card,
    });
    return '';
  };
  for (const verb of verbs) {
    app.adaptiveCards.actionExecute(verb, async (context) => onAction(context));
  }
  app.adaptiveCards.actionExecute(/.*/, async (context) => onAction(context));

  app.activity(ActivityTypes.Message, async (context) => {
    try {
      const request = toChatRequest(context.activity);
      await handler.handleMessage(
        request,
        async (message) => (await context.sendActivity(toActivity(message)))?.id,
      );
    } catch (error) {
      await failWith(context, error, 'message');
    }
  });

  app.error(async (context, error) => {
    if (context.turnState.get(INVOKE_RESPONSE_KEY)) {
      logger.error({ err: String(error) }, 'error after the turn answered');
      return;
    }
    await failWith(context, error, 'turn');
  });
}

async function sendInvokeResponse(context: TurnContext, body: unknown): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** The kind of conversation an activity comes from (Teams omits the type in some events). */
function conversationTypeOf(activity: Activity): ConversationType {
  const raw = activity.conversation?.conversationType;
  if (raw === 'channel' || raw === 'groupChat' || raw === 'personal') return raw;
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

function failureCard(handler: ChatHandler, correlationId: string, userMessage: string): AdaptiveCardJson {
  const message = handler.failure(correlationId, userMessage);
  return message.kind === 'view'
    ? renderView(message.view)
    : { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: message.text, wrap: true }] };
}
