import { parsePageUrl } from '../confluence/page-url.js';
import type { ConfluenceClient, Page, PageRef } from '../confluence/types.js';
import type { ChatRequest, ChatTarget, OutboundMessage } from '../domain/chat.js';
import type { Operation } from '../domain/types.js';
import { AppError, isAppError } from '../errors.js';
import type { OperationRequest } from '../intent/types.js';
import { type CreatePlan, planCreate } from '../operations/create-page.js';
import { loadPageInScope, outOfScopeSpace, scopedReader } from '../operations/page-scope.js';
import { searchPages } from '../operations/search-pages.js';
import { planUpdate, type UpdatePlan } from '../operations/update-page.js';
import type { Decision, DecisionTarget } from '../policy/decide.js';
import { buildPageData, buildSearchResultsData } from '../views/build-view-data.js';
import { noticeTokenRejected } from './admin-notices.js';
import { recordAudit } from './audit-events.js';
import {
  approvalsTarget,
  type ChannelContext,
  channelContext,
  configuredApprovers,
  decideIn,
  requireConnector,
  resolveApproversFor,
} from './channel-context.js';
import type { AssistantDeps } from './deps.js';
import { encodeMoreToken } from './more-token.js';
import { approvalMessage, denialMessage, errorMessage, view } from './present.js';
import { decideWrite, executeWrite } from './write-path.js';

type Reply = (message: OutboundMessage) => Promise<string | undefined>;

/** How a request is described on refusal cards and in logs. */
export function describeRequest(request: OperationRequest): string {
  const ref = (r: PageRef) =>
    r.kind === 'id' ? `page ${r.id}` : r.kind === 'url' ? r.url : `"${r.title}" in ${r.spaceKey}`;
  switch (request.operation) {
    case 'search':
      return `Search for "${request.words}"${request.spaceKey ? ` in ${request.spaceKey}` : ''}`;
    case 'get':
      return `Open ${ref(request.ref)}`;
    case 'create':
      return `Create "${request.title}" in ${request.spaceKey}`;
    case 'update':
      return `Update ${ref(request.ref)}`;
  }
}

function spaceNamedBy(ref: PageRef): string | undefined {
  if (ref.kind === 'title') return ref.spaceKey;
  if (ref.kind === 'url') {
    try {
      return parsePageUrl(ref.url, [new URL(ref.url).host]).spaceKey;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** How a request ended: shown (`ok`), refused by policy or scope, pending approval, or failed. */
export type OperationOutcome = 'ok' | 'refused' | 'pending' | 'failed';

/**
 * The pipeline for one operation request: the channel's connector → policy → allowed: run |
 * confirm: preview + approval card | denied: refusal card → reply → audit. A space outside the
 * allowed set is refused before Confluence hears of it. Every page is read through the one scoped
 * loader (page-scope.ts): a page found by id or URL in a space that is not allowed is answered
 * exactly like a missing page, and its real space goes only into the audit entry. Writes are
 * decided by `decideWrite` and run by `executeWrite` — the same functions an approved request runs
 * through when it is executed.
 */
export async function runOperation(
  deps: AssistantDeps,
  chat: ChatRequest,
  request: OperationRequest,
  reply: Reply,
): Promise<OperationOutcome> {
  const context = channelContext(deps, chat.actor, chat.conversation.channelKey);
  const audit = (
    operation: Operation,
    facts: {
      target?: Record<string, unknown>;
      decision: 'allowed' | 'confirm' | 'denied';
      outcome: 'ok' | 'error' | 'denied' | 'pending';
      error?: unknown;
      details?: Record<string, unknown>;
    },
  ) =>
    recordAudit(deps, {
      actor: chat.actor,
      conversationId: chat.conversation.conversationId,
      connector: context.connector?.name,
      operation,
      ...facts,
    });

  const refuse = async (decision: Decision, target: Record<string, unknown>): Promise<OperationOutcome> => {
    await audit(request.operation, {
      target,
      decision: 'denied',
      outcome: 'denied',
      details: { reasons: decision.reasons, code: decision.code },
    });
    await reply(denialMessage(describeRequest(request), request.operation, decision));
    return 'refused';
  };

  const check = (target: DecisionTarget): Decision =>
    decideIn(context, chat.actor, request.operation, target);
  const allows = (spaceKey: string) => check({ spaceKey }).permission !== 'denied';

  const targetOf = (ref: PageRef) =>
    ref.kind === 'id'
      ? { pageId: ref.id }
      : ref.kind === 'title'
        ? { spaceKey: ref.spaceKey, title: ref.title }
        : {};

  /** Audits an allowed write that succeeded, then tells the user (in that order). */
  const written = async (
    operation: 'create' | 'update',
    page: Page,
    title: string,
    text: string,
    details?: Record<string, unknown>,
  ): Promise<OperationOutcome> => {
    await audit(operation, {
      target: { spaceKey: page.spaceKey, pageId: page.id, title: page.title, version: page.version.number },
      decision: 'allowed',
      outcome: 'ok',
      ...(details ? { details } : {}),
    });
    await reply(view('notice', { title, text, tone: 'good', changes: [] }));
    return 'ok';
  };

  try {
    switch (request.operation) {
      case 'search': {
        const target = { query: request.words, ...(request.spaceKey ? { spaceKey: request.spaceKey } : {}) };
        const decision = check(request.spaceKey ? { spaceKey: request.spaceKey } : {});
        if (decision.permission === 'denied') return await refuse(decision, target);
        const { client } = requireConnector(deps, context);
        const outcome = await searchPages(client, {
          words: request.words,
          ...(decision.spaceKey ? { spaceKey: decision.spaceKey } : {}),
          spaces: decision.spaces,
        });
        await audit('search', {
          target,
          decision: 'allowed',
          outcome: 'ok',
          details: { results: outcome.results.totalSize },
        });
        await reply(
          view(
            'search-results',
            {
              ...buildSearchResultsData({
                query: request.words,
                spaceKeys: outcome.spaceKeys,
                results: outcome.results,
              }),
              ...(outcome.results.nextCursor
                ? { nextToken: encodeMoreToken(request.words, decision.spaceKey, outcome.results.nextCursor) }
                : {}),
            },
            `${outcome.results.totalSize} results for "${request.words}"`,
          ),
        );
        return 'ok';
      }
      case 'get': {
        const early = preCheck(request.ref, check);
        if (early) return await refuse(early, targetOf(request.ref));
        const { client } = requireConnector(deps, context);
        const page = await loadPageInScope(client, request.ref, allows);
        await audit('get', {
          target: {
            pageId: page.id,
            spaceKey: page.spaceKey,
            title: page.title,
            version: page.version.number,
          },
          decision: 'allowed',
          outcome: 'ok',
        });
        const authorName = page.version.authorId
          ? await client.getUserName(page.version.authorId)
          : undefined;
        await reply(view('page', buildPageData(page, authorName ? { authorName } : {}), page.title));
        return 'ok';
      }
      case 'create': {
        const target = { spaceKey: request.spaceKey, title: request.title };
        const parentSpace = request.parent ? spaceNamedBy(request.parent) : undefined;
        const early = check({
          spaceKey: request.spaceKey,
          ...(parentSpace ? { parentSpaceKey: parentSpace } : {}),
        });
        if (early.permission === 'denied') return await refuse(early, target);
        const { client } = requireConnector(deps, context);
        const plan = await planCreate(scopedReader(client, allows), request);
        const decision = decideWrite(context, chat.actor, plan, {
          spaceKey: plan.spaceKey,
          ...(plan.parentSpaceKey ? { parentSpaceKey: plan.parentSpaceKey } : {}),
        });
        if (decision.permission === 'denied') return await refuse(decision, target);
        await assertTitleFree(client, plan);
        if (decision.permission === 'confirm')
          return await submitForApproval(deps, chat, context, plan, reply);
        const page = await executeWrite(client, plan);
        return await written(
          'create',
          page,
          'Page created',
          `Created [${page.title}](${page.webUrl}) in ${page.spaceKey}.`,
        );
      }
      case 'update': {
        const early = preCheck(request.ref, check);
        if (early) return await refuse(early, targetOf(request.ref));
        const { client } = requireConnector(deps, context);
        const page = await loadPageInScope(client, request.ref, allows);
        const plan = await planUpdate(page, request.edit);
        const decision = decideWrite(context, chat.actor, plan, {
          spaceKey: page.spaceKey,
          version: page.version.number,
        });
        if (decision.permission === 'denied') return await refuse(decision, { pageId: page.id });
        if (decision.permission === 'confirm')
          return await submitForApproval(deps, chat, context, plan, reply);
        const updated = await executeWrite(client, plan);
        return await written(
          'update',
          updated,
          'Page updated',
          `Updated [${updated.title}](${updated.webUrl}) to version ${updated.version.number}: ${plan.summary}.`,
          { summary: plan.summary, baseVersion: plan.baseVersion },
        );
      }
    }
  } catch (error) {
    const hiddenSpace = outOfScopeSpace(error);
    const refTarget = 'ref' in request ? targetOf(request.ref) : {};
    await audit(request.operation, {
      target: hiddenSpace ? { ...refTarget, spaceKey: hiddenSpace } : refTarget,
      decision: hiddenSpace ? 'denied' : 'allowed',
      outcome: hiddenSpace ? 'denied' : 'error',
      error,
      ...(hiddenSpace
        ? { details: { reason: 'page outside the allowed spaces; answered as not found' } }
        : {}),
    }).catch((auditError) => deps.logger.error({ err: String(auditError) }, 'audit append failed'));
    if (isAppError(error)) {
      if (error.code === 'CONFLUENCE_UNAUTHORIZED') await notifyTokenRejected(deps, context);
      await reply(errorMessage(error));
      return hiddenSpace ? 'refused' : 'failed';
    }
    throw error;
  }
}

/**
 * Refusals that need no call to Confluence: the operation is denied outright, or the page is named
 * by title or URL in a space that is not allowed.
 */
function preCheck(ref: PageRef, check: (target: DecisionTarget) => Decision): Decision | undefined {
  const named = spaceNamedBy(ref);
  if (named !== undefined) {
    const decision = check({ spaceKey: named });
    return decision.permission === 'denied' ? decision : undefined;
  }
  const decision = check({});
  return decision.permission === 'denied' && decision.code === 'POLICY_DENIED' ? decision : undefined;
}

async function assertTitleFree(client: ConfluenceClient, plan: CreatePlan): Promise<void> {
  try {
    await client.getPage({ kind: 'title', title: plan.title, spaceKey: plan.spaceKey });
  } catch (error) {
    if (isAppError(error, 'CONFLUENCE_NOT_FOUND')) return;
    throw error;
  }
  throw new AppError('CONFLUENCE_DUPLICATE_TITLE', {
    userMessage: `A page called "${plan.title}" already exists in ${plan.spaceKey}. Pick another title or update that page.`,
  });
}

/** Tells the admins (in the conversation where the connector was set up) that the token was rejected. */
async function notifyTokenRejected(deps: AssistantDeps, context: ChannelContext): Promise<void> {
  if (context.connector) await noticeTokenRejected(deps.notifyAdmins, context.connector);
}

/**
 * Creates the approval request and posts its card: in the conversation where it was asked, or —
 * for a personal chat — in the approvals conversation set with `/confluence approvals here`.
 */
async function submitForApproval(
  deps: AssistantDeps,
  chat: ChatRequest,
  context: ChannelContext,
  plan: CreatePlan | UpdatePlan,
  reply: Reply,
): Promise<OperationOutcome> {
  const connector = context.connector!;
  const target = {
    spaceKey: plan.spaceKey,
    title: plan.title,
    ...(plan.kind === 'update' ? { pageId: plan.pageId, version: plan.baseVersion } : {}),
  };
  const cannotSubmit = async (reason: string, text: string) => {
    await recordAudit(deps, {
      actor: chat.actor,
      conversationId: chat.conversation.conversationId,
      connector: connector.name,
      operation: plan.kind,
      target,
      decision: 'confirm',
      outcome: 'denied',
      details: { reason },
    });
    await reply(view('notice', { title: 'This needs approval', text, tone: 'warning', changes: [] }));
    return 'refused' as const;
  };
  let cardTarget: ChatTarget = chat.target;
  const elsewhere = chat.conversation.type === 'personal';
  if (elsewhere) {
    const approvals = approvalsTarget(deps);
    if (!approvals) {
      return cannotSubmit(
        'no approvals conversation set',
        'Writes from a personal chat need an approvals conversation, and none is set. Ask in a channel instead, or ask a bot admin to run `/confluence approvals here` in the team leads’ channel.',
      );
    }
    cardTarget = approvals;
  }
  if (configuredApprovers(deps, cardTarget.channelKey).length === 0) {
    return cannotSubmit(
      'no approvers',
      'Nobody can approve it here: no approvers are named. A bot admin can run `/confluence approvers add @name`.',
    );
  }
  const request = await deps.approvals.submit({
    requester: chat.actor,
    conversationId: chat.conversation.conversationId,
    channelKey: cardTarget.channelKey,
    connector: connector.name,
    operation: plan.kind,
    target: {
      spaceKey: plan.spaceKey,
      title: plan.title,
      ...(plan.kind === 'update' ? { pageId: plan.pageId } : {}),
    },
    change: { plan, origin: chat.target },
    ...(plan.kind === 'update' ? { baseVersion: plan.baseVersion } : {}),
  });
  await recordAudit(deps, {
    actor: chat.actor,
    conversationId: chat.conversation.conversationId,
    connector: connector.name,
    operation: plan.kind,
    target,
    decision: 'confirm',
    outcome: 'pending',
    details: { requestId: request.id },
  });
  const reach = await resolveApproversFor(deps, cardTarget);
  const message = approvalMessage(request, {
    showButtons: deps.config.approvalButtonsForAll,
    approverIds: reach.reachable.map((approver) => approver.id),
    reach,
  });
  let activityId: string | undefined;
  let postFailure: unknown;
  try {
    activityId = elsewhere ? await deps.port.post(cardTarget, message) : await reply(message);
  } catch (error) {
    postFailure = error;
  }
  if (activityId) {
    await deps.approvals.setCard(request.id, {
      platform: cardTarget.platform,
      conversationId: cardTarget.conversationId,
      activityId,
      ...(cardTarget.serviceUrl ? { serviceUrl: cardTarget.serviceUrl } : {}),
    });
  }
  if (postFailure !== undefined) {
    deps.logger.warn({ err: String(postFailure), requestId: request.id }, 'could not post the approval card');
    await recordAudit(deps, {
      actor: chat.actor,
      conversationId: cardTarget.conversationId,
      connector: connector.name,
      operation: plan.kind,
      target,
      decision: 'confirm',
      outcome: 'error',
      error: postFailure,
      details: { requestId: request.id, reason: 'approval card could not be posted' },
    });
    const where = elsewhere ? "to the approvers' channel" : 'here';
    await reply(
      view('notice', {
        title: 'Approval card not posted',
        text: `I could not post the approval card ${where}; your request to ${plan.kind} "${plan.title}" is still pending, and approvers can still decide it from \`approvals\`.`,
        tone: 'warning',
        changes: [],
      }),
    ).catch((error: unknown) =>
      deps.logger.warn({ err: String(error), requestId: request.id }, 'could not tell the requester either'),
    );
    return 'pending';
  }
  if (elsewhere) {
    await reply(
      view('notice', {
        title: 'Sent for approval',
        text: `Your request to ${plan.kind} "${plan.title}" went to the approvers' channel. You will hear back here when it is decided.`,
        tone: 'info',
        changes: [],
      }),
    );
  }
  return 'pending';
}
