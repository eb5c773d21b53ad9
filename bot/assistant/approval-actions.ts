import { z } from 'zod';
import type { ApprovalRequest } from '../approvals/approval-store.js';
import type { CardActionRequest, CardActionResult, ChatTarget } from '../domain/chat.js';
import { AppError, isAppError, toAppError } from '../errors.js';
import { executeCreate } from '../operations/create-page.js';
import { executeUpdate, planUpdate } from '../operations/update-page.js';
import { recordAudit } from './audit-events.js';
import { approversOf, rolesIn } from './channel-context.js';
import type { AssistantDeps } from './deps.js';
import { approvalMessage, planOf } from './present.js';

const requestIdSchema = z.object({ requestId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** The request id a card claims to act on (nothing else from card data is trusted). */
export function requestIdOf(action: CardActionRequest): string {
  const parsed = requestIdSchema.safeParse(action.data);
  if (!parsed.success)
    throw new AppError('APPROVAL_NOT_FOUND', { message: 'card data without a valid requestId' });
  return parsed.data.requestId;
}

function load(deps: AssistantDeps, id: string): ApprovalRequest {
  const request = deps.approvals.get(id);
  if (!request) throw new AppError('APPROVAL_NOT_FOUND');
  return request;
}

/**
 * The request once it leaves `approved` (the winner of a click burst is still writing): later
 * clickers wait briefly so every card shows the final outcome, never a half-finished state.
 */
async function settled(deps: AssistantDeps, id: string, waitMs = 8_000): Promise<ApprovalRequest> {
  const deadline = Date.now() + waitMs;
  let current = load(deps, id);
  while (current.status === 'approved' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    current = load(deps, id);
  }
  return current;
}

function statusCard(deps: AssistantDeps, request: ApprovalRequest, showButtons = false) {
  const message = approvalMessage(deps.cards, request, {
    showButtons: showButtons || deps.config.approvalButtonsForAll,
    approverIds: approversOf(deps, request.channelKey),
  });
  return message.kind === 'card' ? message.card : {};
}

function originOf(request: ApprovalRequest): ChatTarget | undefined {
  const origin = (request.change as { origin?: ChatTarget } | undefined)?.origin;
  return origin && typeof origin.conversationId === 'string' && typeof origin.serviceUrl === 'string'
    ? origin
    : undefined;
}

/** Tells the requester the outcome when the card lives in another conversation (personal-chat requests). */
async function notifyRequester(deps: AssistantDeps, request: ApprovalRequest, text: string): Promise<void> {
  const origin = originOf(request);
  if (!origin || origin.conversationId === request.card?.conversationId) return;
  try {
    await deps.port().post(origin, { kind: 'text', text });
  } catch (error) {
    deps.logger.warn({ err: String(error), requestId: request.id }, 'could not notify the requester');
  }
}

/**
 * Approve or reject from a card. The server reloads the request and re-checks everything (the
 * clicker is an approver of the request's channel, not the requester, the request is pending and
 * not expired); the store's compare-and-set makes exactly one click win. The winner executes an
 * approval against the previewed version: a page changed since then becomes `stale` and nothing is
 * written. Every step is audited; the card is updated in place for everyone.
 */
export async function decideApproval(
  deps: AssistantDeps,
  action: CardActionRequest,
  verdict: 'approve' | 'reject',
): Promise<CardActionResult> {
  const id = requestIdOf(action);
  const before = load(deps, id);
  const roles = rolesIn(deps, action.actor, before.channelKey);
  const auditBase = {
    actor: action.actor,
    conversationId: action.conversation.conversationId,
    connector: before.connector,
    target: {
      spaceKey: before.target.spaceKey,
      title: before.target.title,
      ...(before.target.pageId ? { pageId: before.target.pageId } : {}),
    },
  };
  let decided: ApprovalRequest;
  try {
    decided =
      verdict === 'approve'
        ? await deps.approvals.approve(id, action.actor, roles)
        : await deps.approvals.reject(id, action.actor, roles);
  } catch (error) {
    const appError = toAppError(error);
    await recordAudit(deps, {
      ...auditBase,
      operation: verdict,
      decision: 'denied',
      outcome: 'denied',
      error: appError,
      details: { requestId: id },
    });
    if (appError.code === 'APPROVAL_ALREADY_DECIDED' || appError.code === 'APPROVAL_EXPIRED') {
      const current = await settled(deps, id);
      if (appError.code === 'APPROVAL_EXPIRED') {
        await recordAudit(deps, {
          ...auditBase,
          operation: 'expire',
          decision: 'expired',
          outcome: 'ok',
          details: { requestId: id },
        });
      }
      return { kind: 'card', card: statusCard(deps, current), scope: 'all' };
    }
    return { kind: 'message', text: appError.userMessage };
  }

  if (verdict === 'reject') {
    await recordAudit(deps, {
      ...auditBase,
      operation: 'reject',
      decision: 'rejected',
      outcome: 'ok',
      details: { requestId: id },
    });
    await notifyRequester(
      deps,
      decided,
      `${action.actor.name} rejected your request to ${decided.operation} "${decided.target.title}".`,
    );
    return { kind: 'card', card: statusCard(deps, decided), scope: 'all' };
  }

  await recordAudit(deps, {
    ...auditBase,
    operation: 'approve',
    decision: 'approved',
    outcome: 'ok',
    details: { requestId: id },
  });
  const final = await execute(deps, decided, action);
  return { kind: 'card', card: statusCard(deps, final), scope: 'all' };
}

async function execute(
  deps: AssistantDeps,
  request: ApprovalRequest,
  action: CardActionRequest,
): Promise<ApprovalRequest> {
  const auditBase = {
    actor: action.actor,
    conversationId: action.conversation.conversationId,
    connector: request.connector,
  };
  const plan = planOf(request);
  try {
    const client = deps.clients.get(request.connector);
    const page =
      plan.kind === 'create' ? await executeCreate(client, plan) : await executeUpdate(client, plan);
    await recordAudit(deps, {
      ...auditBase,
      operation: plan.kind,
      target: { spaceKey: page.spaceKey, pageId: page.id, title: page.title, version: page.version.number },
      decision: 'approved',
      outcome: 'ok',
      details: { requestId: request.id, requester: request.requester.id },
    });
    const done = await deps.approvals.recordResult(request.id, {
      ok: true,
      result: { pageId: page.id, webUrl: page.webUrl, version: page.version.number },
    });
    await notifyRequester(
      deps,
      done,
      `${action.actor.name} approved your request: ${page.title} — ${page.webUrl}`,
    );
    return done;
  } catch (error) {
    const appError = toAppError(error);
    const target = {
      spaceKey: plan.spaceKey,
      title: plan.title,
      ...(plan.kind === 'update' ? { pageId: plan.pageId, version: plan.baseVersion } : {}),
    };
    await recordAudit(deps, {
      ...auditBase,
      operation: plan.kind,
      target,
      decision: 'approved',
      outcome: 'error',
      error: appError,
      details: { requestId: request.id },
    });
    if (isAppError(appError, 'CONFLUENCE_CONFLICT') && plan.kind === 'update') {
      const current = Number(appError.details.currentVersion);
      return deps.approvals.markStale(
        request.id,
        `The page changed since the preview (previewed version ${plan.baseVersion}${Number.isFinite(current) ? `, now ${current}` : ''}). Nothing was overwritten.`,
      );
    }
    if (!isAppError(error))
      deps.logger.error({ err: String(error), requestId: request.id }, 'approved request failed');
    const failed = await deps.approvals.recordResult(request.id, { ok: false, error: appError.userMessage });
    await notifyRequester(deps, failed, `Your approved request failed: ${appError.userMessage}`);
    return failed;
  }
}

/** Teams' per-user refresh: approvers of a pending request see the buttons, everyone else the status. */
export async function refreshApproval(
  deps: AssistantDeps,
  action: CardActionRequest,
): Promise<CardActionResult> {
  const request = load(deps, requestIdOf(action));
  const roles = rolesIn(deps, action.actor, request.channelKey);
  const mayDecide =
    request.status === 'pending' &&
    roles.isApprover &&
    (deps.config.allowSelfApproval || request.requester.id !== action.actor.id);
  return { kind: 'card', card: statusCard(deps, request, mayDecide), scope: 'clicker' };
}

/**
 * "Show fresh preview" on a stale update: re-reads the page, re-applies the same edit and files a
 * new approval request on the same card. Only the requester or an approver may ask.
 */
export async function freshPreview(
  deps: AssistantDeps,
  action: CardActionRequest,
): Promise<CardActionResult> {
  const old = load(deps, requestIdOf(action));
  const roles = rolesIn(deps, action.actor, old.channelKey);
  if (old.requester.id !== action.actor.id && !roles.isApprover) {
    return { kind: 'message', text: 'Only the requester or an approver can ask for a fresh preview.' };
  }
  if (old.status !== 'stale') return { kind: 'card', card: statusCard(deps, old), scope: 'all' };
  const plan = planOf(old);
  if (plan.kind !== 'update') return { kind: 'card', card: statusCard(deps, old), scope: 'all' };
  const client = deps.clients.get(old.connector);
  const page = await client.getPage({ kind: 'id', id: plan.pageId });
  const fresh = planUpdate(page, plan.edit);
  const next = await deps.approvals.submit({
    requester: old.requester,
    conversationId: old.conversationId,
    channelKey: old.channelKey,
    connector: old.connector,
    operation: 'update',
    target: { spaceKey: fresh.spaceKey, title: fresh.title, pageId: fresh.pageId },
    change: { plan: fresh, origin: originOf(old) },
    baseVersion: fresh.baseVersion,
    ...(old.card ? { card: old.card } : {}),
  });
  await recordAudit(deps, {
    actor: action.actor,
    conversationId: action.conversation.conversationId,
    connector: old.connector,
    operation: 'update',
    target: {
      spaceKey: fresh.spaceKey,
      pageId: fresh.pageId,
      title: fresh.title,
      version: fresh.baseVersion,
    },
    decision: 'confirm',
    outcome: 'pending',
    details: { requestId: next.id, replaces: old.id },
  });
  return { kind: 'card', card: statusCard(deps, next), scope: 'all' };
}

/** Expires due requests and updates their cards in place. Run periodically. */
export async function expireDueApprovals(deps: AssistantDeps): Promise<number> {
  const expired = await deps.approvals.expireDue(deps.now());
  for (const request of expired) {
    await recordAudit(deps, {
      actor: { id: 'system', name: 'Confluence Assistant' },
      conversationId: request.conversationId,
      connector: request.connector,
      operation: 'expire',
      target: {
        spaceKey: request.target.spaceKey,
        title: request.target.title,
        ...(request.target.pageId ? { pageId: request.target.pageId } : {}),
      },
      decision: 'expired',
      outcome: 'ok',
      details: { requestId: request.id },
    });
    if (request.card) {
      const { conversationId, activityId, serviceUrl } = request.card;
      try {
        await deps.port().update({ conversationId, channelKey: request.channelKey, serviceUrl }, activityId, {
          kind: 'card',
          card: statusCard(deps, request),
        });
      } catch (error) {
        deps.logger.warn({ err: String(error), requestId: request.id }, 'could not update an expired card');
      }
    }
    await notifyRequester(
      deps,
      request,
      `Your request to ${request.operation} "${request.target.title}" expired before anyone approved it.`,
    );
  }
  return expired.length;
}
