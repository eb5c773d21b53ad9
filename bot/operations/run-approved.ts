import type { ApprovalRequest } from '../approvals/approval-schema.js';
import { governingChannel, notifyRequester } from '../approvals/approval-status.js';
import { channelContext } from '../assistant/channel-context.js';
import { isAppError, toAppError } from '../errors.js';
import type { ActionTurn, TurnAuditFacts } from '../handlers/turn.js';
import type { WriteFacts } from './operation.js';
import { outOfScopeSpace } from './page-scope.js';
import { writeStage } from './pipeline.js';
import { decideWrite, readWriteFacts, spaceAllows, writeOperationOf } from './write-path.js';

/** Why an approved request may not run now, for the card and the audit entry. */
type Refusal = { readonly text: string; readonly details: Record<string, unknown> };

function policyRefusal(decision: { readonly reasons: string[]; readonly code?: string }): Refusal {
  return {
    text: `${decision.reasons.at(-1) ?? 'the current policy no longer allows it'}.`,
    details: { reasons: decision.reasons, code: decision.code },
  };
}

/**
 * Executes an approved request through the pipeline's write stage — the same decision and executor
 * as an allowed write — re-deciding with the *current* policy, spaces and connector of the channel
 * it was asked in, on the page *as it is now* (re-read through the scoped loader). What is no longer
 * allowed is not written: the card says why and the audit records the refusal. A page whose version
 * moved on since the preview becomes `stale`; nothing is overwritten. Returns the final request.
 */
export async function executeApproved(turn: ActionTurn, request: ApprovalRequest): Promise<ApprovalRequest> {
  const { deps } = turn;
  const { plan } = request.change;
  const audit = (facts: TurnAuditFacts) => turn.audit({ connector: request.connector, ...facts });
  const operation = writeOperationOf(plan);
  const target = operation.pendingTarget(plan);
  const context = channelContext(deps, request.requester, governingChannel(request));
  const refuse = async (refusal: Refusal): Promise<ApprovalRequest> => {
    await audit({
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
    const early = decideWrite(context, request.requester, plan, operation.facts(plan));
    if (early.permission === 'denied') return await refuse(policyRefusal(early));
    const client = deps.clients.get(request.connector);
    let facts: WriteFacts;
    try {
      facts = await readWriteFacts(client, plan, spaceAllows(context, request.requester, plan.kind));
    } catch (error) {
      const hiddenSpace = outOfScopeSpace(error);
      if (hiddenSpace === undefined) throw error;
      return await refuse({
        text: `the ${operation.rereads} is no longer in a space this bot may write to here (or it was deleted).`,
        details: { reason: 'page outside the allowed spaces', spaceKey: hiddenSpace },
      });
    }
    const stage = await writeStage({
      mode: 'approved',
      context,
      requester: request.requester,
      client,
      plan,
      facts,
      audit,
      details: { requestId: request.id, requester: request.requester.id },
    });
    if (stage.kind === 'denied') return await refuse(policyRefusal(stage.decision));
    if (stage.kind === 'confirm') throw new Error('an approved write is never sent for approval again');
    const { page } = stage;
    const done = await deps.approvals.recordResult(request.id, {
      ok: true,
      result: { pageId: page.id, webUrl: page.webUrl, version: page.version.number },
    });
    await notifyRequester(
      deps,
      done,
      `${turn.actor.name} approved your request: ${page.title} — ${page.webUrl}`,
    );
    return done;
  } catch (error) {
    const appError = toAppError(error);
    await audit({
      operation: plan.kind,
      target,
      decision: 'approved',
      outcome: 'error',
      error: appError,
      details: { requestId: request.id },
    });
    const previewed = operation.facts(plan).version;
    if (isAppError(appError, 'CONFLUENCE_CONFLICT') && previewed !== undefined) {
      const current = Number(appError.details.currentVersion);
      return deps.approvals.markStale(
        request.id,
        `The page changed since the preview (previewed version ${previewed}${Number.isFinite(current) ? `, now ${current}` : ''}). Nothing was overwritten.`,
      );
    }
    if (!isAppError(error))
      deps.logger.error({ err: String(error), requestId: request.id }, 'approved request failed');
    const failed = await deps.approvals.recordResult(request.id, { ok: false, error: appError.userMessage });
    await notifyRequester(deps, failed, `Your approved request failed: ${appError.userMessage}`);
    return failed;
  }
}
