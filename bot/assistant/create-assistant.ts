import { z } from 'zod';
import type { CardActionRequest, CardActionResult, ChatHandler, ChatRequest } from '../domain/chat.js';
import { AppError, isAppError, toAppError } from '../errors.js';
import { cardActionFor } from '../handlers/actions/index.js';
import { INTENT_HANDLERS } from '../handlers/intents/index.js';
import { actionTurn, messageTurn, type Reply } from '../handlers/turn.js';
import { looksLikeApiToken } from '../intent/detect-secret.js';
import { parseMessage } from '../intent/parse-message.js';
import type { Intent } from '../intent/types.js';
import { recordAudit } from './audit-events.js';
import type { AssistantDeps } from './deps.js';
import { errorMessage, view } from './present.js';
import { resolveSpaceNames } from './space-names-directory.js';

/** What the bot answers to a message that looks like an API token (never stored or processed). */
const SECRET_WARNING = {
  title: 'That looks like an API token',
  text: 'Never paste API tokens into chat: treat this one as exposed and revoke it at id.atlassian.com → Security → API tokens. Admins connect Confluence with `/confluence connect`, which uses a private form. I did not store or process that message.',
  tone: 'warning',
  changes: [],
} as const;

/**
 * The core behind every chat edge: a message → intent → its handler (bot/handlers/intents); a card
 * click → its verb's handler (bot/handlers/actions). Handlers decide, run or submit for approval,
 * audit before they acknowledge, and answer with views the edge renders.
 */
export function createAssistant(deps: AssistantDeps): ChatHandler {
  async function handleMessage(chat: ChatRequest, reply: Reply): Promise<void> {
    deps.people.remember(chat.actor);
    if (looksLikeApiToken(chat.text)) {
      await recordAudit(deps, {
        actor: chat.actor,
        conversationId: chat.conversation.conversationId,
        connector: undefined,
        operation: 'secret-warning',
        decision: 'n/a',
        outcome: 'denied',
        details: { reason: 'message looked like an API token; not stored or processed' },
      });
      await reply(view('notice', { ...SECRET_WARNING, changes: [] }));
      return;
    }
    const intent = await resolveSpaceNames(deps, chat, parseMessage(chat.text, chat.mentions));
    const started = Date.now();
    deps.logger.debug({ intent: intent.kind, conversationType: chat.conversation.type }, 'message');
    const handle = INTENT_HANDLERS[intent.kind] as (
      turn: ReturnType<typeof messageTurn>,
      intent: Intent,
    ) => Promise<void>;
    try {
      await handle(messageTurn(deps, chat, reply), intent);
    } catch (error) {
      if (!isAppError(error)) throw error;
      deps.logger.info(
        { code: error.code, intent: intent.kind, ms: Date.now() - started },
        'request failed with a known error',
      );
      await reply(errorMessage(error));
    }
  }

  async function handleCardAction(action: CardActionRequest): Promise<CardActionResult> {
    deps.people.remember(action.actor);
    const handler = cardActionFor(action.verb);
    if (!handler) return { kind: 'message', text: 'That button is not supported any more.' };
    try {
      return await handler.run(actionTurn(deps, action));
    } catch (error) {
      if (error instanceof z.ZodError)
        return { kind: 'message', text: 'That card action could not be read.' };
      if (!isAppError(error))
        deps.logger.error({ err: String(error), verb: action.verb }, 'card action failed');
      return { kind: 'message', text: toAppError(error).userMessage };
    }
  }

  return {
    handleMessage,
    handleCardAction,
    welcome: (conversationType) =>
      view('welcome', { inChannel: conversationType !== 'personal' }, 'Confluence Assistant is here'),
    failure: (correlationId, userMessage) =>
      errorMessage(new AppError('INTERNAL', { userMessage }), correlationId),
  };
}
