import { z } from 'zod';
import { cardTargetOf } from '../approvals/approval-schema.js';
import type { ApprovalRequest } from '../approvals/approval-store.js';
import type { Page } from '../confluence/types.js';
import type { CardActionRequest, CardActionResult, ChatTarget, View } from '../domain/chat.js';
import { AppError, isAppError, toAppError } from '../errors.js';
import { loadPageInScope, outOfScopeSpace } from '../operations/page-scope.js';
import { planUpdate } from '../operations/update-page.js';
import { recordAudit } from './audit-events.js';
import { approverReachOf, channelContext, rolesIn } from './channel-context.js';
import type { AssistantDeps } from './deps.js';
import { approvalMessage, planOf } from './present.js';
import { decideWrite, executeWrite, readWriteFacts, spaceAllows, type WriteFacts } from './write-path.js';

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

/**
 * The approval card for `request` as it stands, naming its approvers from what is known (chat ids,
 * names, roster absences): no roster call, so a click or refresh answers at once.
 */
export function statusView(deps: AssistantDeps, request: ApprovalRequest, showButtons = false): View {
  const reach = approverReachOf(deps, request.channelKey);
  const message = approvalMessage(request, {
    showButtons: showButtons || deps.config.approvalButtonsForAll,
    approverIds: reach.reachable.map((approver) => approver.id),
    reach,
  });
  if (message.kind !== 'view') throw new Error('an approval message is always a view');
  return message.view;
}

function originOf(request: ApprovalRequest): ChatTarget | undefined {
  const origin = (request.change as { origin?: ChatTarget } | undefined)?.origin;
  return origin && typeof origin.conversationId === 'string' && typeof origin.channelKey === 'string'
    ? { ...origin, platform: origin.platform ?? 'teams' }
    : undefined;
}

/** Tells the requester the outcome when the card lives in another conversation (personal-chat requests). */
async function notifyRequester(deps: AssistantDeps, request: ApprovalRequest, text: string): Promise<void> {
  const origin = originOf(request);
  if (!origin || origin.conversationId === request.card?.conversationId) return;
  try {
    await deps.port.post(origin, { kind: 'text', text });
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
      return { kind: 'view', view: statusView(deps, current), scope: 'all' };
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
    return { kind: 'view', view: statusView(deps, decided), scope: 'all' };
  }

  await recordAudit(deps, {
    ...auditBase,
    operation: 'approve',
    decision: 'approved',
    outcome: 'ok',
    details: { requestId: id },
  });
  const final = await execute(deps, decided, action);
  return { kind: 'view', view: statusView(deps, final), scope: 'all' };
}

/** Why an approved request may not run now, for the card and the audit entry. */
type Refusal = { readonly text: string; readonly details: Record<string, unknown> };

/**
 * The channel whose rules govern a request: the one it was asked in (a personal chat's request is
 * shown in the approvals channel but is still governed by the chat it came from).
 */
function governingChannel(request: ApprovalRequest): string {
  return originOf(request)?.channelKey ?? request.channelKey;
}

/**
 * Executes an approved request through the same decision and executor as an allowed write
 * (write-path.ts), re-deciding with the *current* policy, spaces and connector of the channel it
 * was asked in, on the page *as it is now* (re-read through the scoped loader). What is no longer
 * allowed is not written: the card says why and the audit records the refusal. A page whose version
 * moved on since the preview becomes `stale`; nothing is overwritten.
 */
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
  const target = {
    spaceKey: plan.spaceKey,
    title: plan.title,
    ...(plan.kind === 'update' ? { pageId: plan.pageId, version: plan.baseVersion } : {}),
  };
  const context = channelContext(deps, request.requester, governingChannel(request));

  const refuse = async (refusal: Refusal): Promise<ApprovalRequest> => {
    await recordAudit(deps, {
      ...auditBase,
      operation: plan.kind,
      target,
      decision: 'denied',
      outcome: 'denied',
      details: { requestId: request.id, requester: request.requester.id, ...refusal.details },
    });
    const failed = await deps.approvals.recordResult(request.id, {
      ok: false,
      error: `Not written: ${refusal.text}`,
    });
    await notifyRequester(deps, failed, `Your approved request was not carried out: ${refusal.text}`);
    return failed;
  };

  try {
    if (context.connector?.name !== request.connector) {
      return await refuse({
        text: 'the Confluence connector for this channel changed since the request was made.',
        details: { reason: 'connector changed', now: context.connector?.name ?? 'none' },
      });
    }
    const early = decideWrite(context, request.requester, plan, {
      spaceKey: plan.spaceKey,
      ...(plan.kind === 'create' && plan.parentSpaceKey ? { parentSpaceKey: plan.parentSpaceKey } : {}),
    });
    if (early.permission === 'denied') {
      return await refuse({
        text: `${early.reasons.at(-1) ?? 'the current policy no longer allows it'}.`,
        details: { reasons: early.reasons, code: early.code },
      });
    }
    const client = deps.clients.get(request.connector);
    let facts: WriteFacts;
    try {
      facts = await readWriteFacts(client, plan, spaceAllows(context, request.requester, plan.kind));
    } catch (error) {
      const hiddenSpace = outOfScopeSpace(error);
      if (hiddenSpace === undefined) throw error;
      return await refuse({
        text:
          plan.kind === 'update'
            ? 'the page is no longer in a space this bot may write to here (or it was deleted).'
            : 'the parent page is no longer in a space this bot may write to here (or it was deleted).',
        details: { reason: 'page outside the allowed spaces', spaceKey: hiddenSpace },
      });
    }
    const decision = decideWrite(context, request.requester, plan, facts);
    if (decision.permission === 'denied') {
      return await refuse({
        text: `${decision.reasons.at(-1) ?? 'the current policy no longer allows it'}.`,
        details: { reasons: decision.reasons, code: decision.code },
      });
    }
    if (plan.kind === 'update' && facts.version !== plan.baseVersion) {
      throw new AppError('CONFLUENCE_CONFLICT', { details: { currentVersion: facts.version } });
    }
    const page = await executeWrite(client, plan);
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
  return { kind: 'view', view: statusView(deps, request, mayDecide), scope: 'clicker' };
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
  if (old.status !== 'stale') return { kind: 'view', view: statusView(deps, old), scope: 'all' };
  const plan = planOf(old);
  if (plan.kind !== 'update') return { kind: 'view', view: statusView(deps, old), scope: 'all' };
  const context = channelContext(deps, old.requester, governingChannel(old));
  const refuse = async (text: string, details: Record<string, unknown>): Promise<CardActionResult> => {
    await recordAudit(deps, {
      actor: action.actor,
      conversationId: action.conversation.conversationId,
      connector: old.connector,
      operation: 'update',
      target: { pageId: plan.pageId, title: plan.title },
      decision: 'denied',
      outcome: 'denied',
      details: { replaces: old.id, ...details },
    });
    return { kind: 'message', text };
  };
  const early = decideWrite(context, old.requester, plan, { spaceKey: plan.spaceKey });
  if (context.connector?.name !== old.connector || early.permission === 'denied') {
    return refuse('No fresh preview: the current policy no longer allows this update here.', {
      reasons: early.reasons,
    });
  }
  const client = deps.clients.get(old.connector);
  let page: Page;
  try {
    page = await loadPageInScope(
      client,
      { kind: 'id', id: plan.pageId },
      spaceAllows(context, old.requester, 'update'),
    );
  } catch (error) {
    const hiddenSpace = outOfScopeSpace(error);
    if (hiddenSpace === undefined) throw error;
    return refuse(toAppError(error).userMessage, {
      reason: 'page outside the allowed spaces; answered as not found',
      spaceKey: hiddenSpace,
    });
  }
  const fresh = await planUpdate(page, plan.edit);
  const decision = decideWrite(context, old.requester, fresh, {
    spaceKey: page.spaceKey,
    version: page.version.number,
  });
  if (decision.permission === 'denied') {
    return refuse('No fresh preview: the current policy no longer allows this update here.', {
      reasons: decision.reasons,
    });
  }
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
  return { kind: 'view', view: statusView(deps, next), scope: 'all' };
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
      try {
        await deps.port.update(cardTargetOf(request), request.card.activityId, {
          kind: 'view',
          view: statusView(deps, request),
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
