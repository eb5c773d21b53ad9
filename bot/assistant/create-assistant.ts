import { z } from 'zod';
import { answerQuestion, formatAnswer } from '../answers/answer-question.js';
import { cardTargetOf } from '../approvals/approval-schema.js';
import type {
  CardActionRequest,
  CardActionResult,
  ChatHandler,
  ChatRequest,
  OutboundMessage,
} from '../domain/chat.js';
import { AppError, isAppError, toAppError } from '../errors.js';
import { looksLikeApiToken } from '../intent/detect-secret.js';
import { EXAMPLE_COMMANDS } from '../intent/examples.js';
import { parseMessage } from '../intent/parse-message.js';
import { searchPages } from '../operations/search-pages.js';
import { buildSearchResultsData } from '../views/build-view-data.js';
import type { CardData } from '../views/types.js';
import { VERBS } from '../views/verbs.js';
import { confirmDisconnect, runAdminCommand, submitConnectForm, submitRotateForm } from './admin-commands.js';
import { decideApproval, freshPreview, refreshApproval } from './approval-actions.js';
import { decideFromList, moreApprovals, showApprovalsList } from './approvals-list.js';
import { recordAudit } from './audit-events.js';
import { channelContext, decideIn, requireConnector, rolesIn } from './channel-context.js';
import type { AssistantDeps } from './deps.js';
import { decodeMoreToken, encodeMoreToken } from './more-token.js';
import { approvalMessage, denialMessage, errorMessage, view, viewOf } from './present.js';
import { runOperation } from './run-operation.js';

type Reply = (message: OutboundMessage) => Promise<string | undefined>;

/**
 * Usage placeholders such as `<page>` would be read as HTML by Teams (and shown escaped inside code
 * spans); single guillemets show the same hint literally everywhere.
 */
function placeholders(text: string): string {
  return text.replace(/<([^<>\n]{1,60})>/g, '‹$1›');
}

/**
 * The core behind the chat edge: messages → intent → policy → operation / approval / admin →
 * cards, with every action audited before it is acknowledged.
 */
export function createAssistant(deps: AssistantDeps): ChatHandler {
  async function answer(chat: ChatRequest, question: string, reply: Reply): Promise<void> {
    const context = channelContext(deps, chat.actor, chat.conversation.channelKey);
    const search = decideIn(context, chat.actor, 'search', {});
    const what = `Answer "${question.slice(0, 120)}"`;
    const audit = (allowed: boolean, details?: Record<string, unknown>) =>
      recordAudit(deps, {
        actor: chat.actor,
        conversationId: chat.conversation.conversationId,
        connector: context.connector?.name,
        operation: 'question',
        target: { query: question.slice(0, 500) },
        decision: allowed ? 'allowed' : 'denied',
        outcome: allowed ? 'ok' : 'denied',
        ...(details ? { details } : {}),
      });
    if (search.permission !== 'allowed') {
      await audit(false);
      await reply(denialMessage(what, 'search', search));
      return;
    }
    const { client } = requireConnector(deps, context);
    const result = await answerQuestion(client, {
      question,
      spaces: search.spaces,
      isSpaceAllowed: (spaceKey) =>
        decideIn(context, chat.actor, 'get', { spaceKey }).permission === 'allowed',
    });
    await audit(true, { citations: result.citations.length, pages: result.pages.length });
    await reply({ kind: 'text', text: formatAnswer(result) });
  }

  /** The help card's data: examples use a space this conversation may really use. */
  function helpData(chat: ChatRequest): CardData['help'] {
    const context = channelContext(deps, chat.actor, chat.conversation.channelKey);
    const spaces = decideIn(context, chat.actor, 'search', {}).spaces;
    const keys = spaces.kind === 'list' ? spaces.keys : [];
    return {
      isAdmin: context.roles.isAdmin,
      exampleSpace: keys[0] ?? 'SPACE',
      spaces:
        spaces.kind === 'all'
          ? 'every space the connector account can see'
          : keys.length > 0
            ? keys.join(', ')
            : 'none yet (a bot admin can add one with /confluence spaces add KEY)',
      inChannel: chat.conversation.type !== 'personal',
    };
  }

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
      await reply(
        view('notice', {
          title: 'That looks like an API token',
          text: 'Never paste API tokens into chat: treat this one as exposed and revoke it at id.atlassian.com → Security → API tokens. Admins connect Confluence with `/confluence connect`, which uses a private form. I did not store or process that message.',
          tone: 'warning',
          changes: [],
        }),
      );
      return;
    }
    const intent = parseMessage(chat.text, chat.mentions);
    const started = Date.now();
    deps.logger.debug({ intent: intent.kind, conversationType: chat.conversation.type }, 'message');
    try {
      switch (intent.kind) {
        case 'operation':
          await runOperation(deps, chat, intent.request, reply);
          return;
        case 'admin':
          await runAdminCommand(deps, chat, intent.command, reply);
          return;
        case 'admin-invalid':
          await recordAudit(deps, {
            actor: chat.actor,
            conversationId: chat.conversation.conversationId,
            connector: undefined,
            operation: 'admin',
            decision: 'n/a',
            outcome: 'denied',
            details: { reason: 'malformed admin command', usage: intent.usage },
          });
          await reply({
            kind: 'text',
            text: placeholders(`${intent.message}\n\nUsage: \`${intent.usage}\``),
          });
          return;
        case 'question':
          await answer(chat, intent.question, reply);
          return;
        case 'approvals':
          await showApprovalsList(deps, chat, reply);
          return;
        case 'help':
        case 'greeting':
          await reply(view('help', helpData(chat)));
          return;
        case 'failure':
          await reply({
            kind: 'text',
            text: placeholders(
              `${intent.message}\n\nTry one of these:\n${(intent.suggestions.length ? intent.suggestions : EXAMPLE_COMMANDS).map((s: string) => `- \`${s}\``).join('\n')}\n\nType \`help\` for everything I can do.`,
            ),
          });
          return;
      }
    } catch (error) {
      if (isAppError(error)) {
        deps.logger.info(
          { code: error.code, intent: intent.kind, ms: Date.now() - started },
          'request failed with a known error',
        );
        await reply(errorMessage(error));
        return;
      }
      throw error;
    }
  }

  async function showPage(action: CardActionRequest): Promise<CardActionResult> {
    const pageId = z.object({ pageId: z.string().regex(/^\d{1,20}$/) }).parse(action.data).pageId;
    const chat: ChatRequest = { ...action, text: `get ${pageId}`, mentions: [] };
    const messages: OutboundMessage[] = [];
    const outcome = await runOperation(
      deps,
      chat,
      { operation: 'get', ref: { kind: 'id', id: pageId } },
      async (message) => {
        messages.push(message);
        return undefined;
      },
    );
    const first = messages[0];
    if (outcome === 'ok' && first?.kind === 'view') {
      try {
        await deps.port.post(action.target, first);
      } catch (error) {
        deps.logger.warn({ err: String(error), pageId }, 'could not post a page for "Show here"');
        return {
          kind: 'message',
          text: `I could not post the page in this conversation. Try \`get ${pageId}\` instead.`,
        };
      }
      return { kind: 'message', text: 'Posted the page below.' };
    }
    const text = first?.kind === 'view' ? first.summary : first?.text;
    return { kind: 'message', text: text ?? 'Nothing to show.' };
  }

  async function moreResults(action: CardActionRequest): Promise<CardActionResult> {
    const token = decodeMoreToken(action.data.token);
    const context = channelContext(deps, action.actor, action.conversation.channelKey);
    const decision = decideIn(context, action.actor, 'search', token.s ? { spaceKey: token.s } : {});
    if (decision.permission !== 'allowed') {
      const refusal = denialMessage(`More results for "${token.w}"`, 'search', decision);
      return refusal.kind === 'view'
        ? { kind: 'view', view: refusal.view, scope: 'clicker' }
        : { kind: 'message', text: 'Refused.' };
    }
    const { client } = requireConnector(deps, context);
    const outcome = await searchPages(client, {
      words: token.w,
      ...(decision.spaceKey ? { spaceKey: decision.spaceKey } : {}),
      spaces: decision.spaces,
      cursor: token.c,
    });
    await recordAudit(deps, {
      actor: action.actor,
      conversationId: action.conversation.conversationId,
      connector: context.connector?.name,
      operation: 'search',
      target: { query: token.w, ...(token.s ? { spaceKey: token.s } : {}) },
      decision: 'allowed',
      outcome: 'ok',
      details: { page: 'next', results: outcome.results.hits.length },
    });
    const data = buildSearchResultsData({
      query: token.w,
      spaceKeys: outcome.spaceKeys,
      results: outcome.results,
    });
    return {
      kind: 'view',
      view: viewOf('search-results', {
        ...data,
        ...(outcome.results.nextCursor
          ? { nextToken: encodeMoreToken(token.w, token.s, outcome.results.nextCursor) }
          : {}),
      }),
      scope: 'clicker',
    };
  }

  async function cancelRequest(action: CardActionRequest): Promise<CardActionResult> {
    const requestId = z.object({ requestId: z.string().min(1).max(64) }).parse(action.data).requestId;
    const roles = rolesIn(deps, action.actor, action.conversation.channelKey);
    const cancelled = await deps.approvals.cancel(requestId, action.actor, roles);
    await recordAudit(deps, {
      actor: action.actor,
      conversationId: action.conversation.conversationId,
      connector: cancelled.connector,
      operation: 'cancel',
      target: { spaceKey: cancelled.target.spaceKey, title: cancelled.target.title },
      decision: 'n/a',
      outcome: 'ok',
      details: { requestId },
    });
    if (cancelled.card) {
      const message = approvalMessage(cancelled, { showButtons: false, approverIds: [] });
      await deps.port
        .update(cardTargetOf(cancelled), cancelled.card.activityId, message)
        .catch((error) => deps.logger.warn({ err: String(error) }, 'could not update a cancelled card'));
    }
    return { kind: 'message', text: `Withdrew your request "${cancelled.target.title}".` };
  }

  async function handleCardAction(action: CardActionRequest): Promise<CardActionResult> {
    deps.people.remember(action.actor);
    try {
      switch (action.verb) {
        case VERBS.approve:
          return await decideApproval(deps, action, 'approve');
        case VERBS.reject:
          return await decideApproval(deps, action, 'reject');
        case VERBS.refresh:
          return await refreshApproval(deps, action);
        case VERBS.freshPreview:
          return await freshPreview(deps, action);
        case VERBS.showPage:
          return await showPage(action);
        case VERBS.moreResults:
          return await moreResults(action);
        case VERBS.moreApprovals:
          return await moreApprovals(deps, action);
        case VERBS.approveFromList:
          return await decideFromList(deps, action, 'approve');
        case VERBS.rejectFromList:
          return await decideFromList(deps, action, 'reject');
        case VERBS.cancel:
          return await cancelRequest(action);
        case VERBS.connectSubmit:
          return await submitConnectForm(deps, action);
        case VERBS.rotateSubmit:
          return await submitRotateForm(deps, action);
        case VERBS.disconnectConfirm:
          return await confirmDisconnect(deps, action);
        default:
          return { kind: 'message', text: 'That button is not supported any more.' };
      }
    } catch (error) {
      const appError = toAppError(error);
      if (!isAppError(error))
        deps.logger.error({ err: String(error), verb: action.verb }, 'card action failed');
      if (error instanceof z.ZodError)
        return { kind: 'message', text: 'That card action could not be read.' };
      return { kind: 'message', text: appError.userMessage };
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
