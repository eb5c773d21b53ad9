import { governingChannel, loadRequest, statusView } from '../../approvals/approval-status.js';
import { channelContext, rolesIn } from '../../assistant/channel-context.js';
import { toAppError } from '../../errors.js';
import { outOfScopeSpace } from '../../operations/page-scope.js';
import { updateOperation } from '../../operations/update.js';
import { decideWrite, spaceAllows } from '../../operations/write-path.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';
import { requestIdInput } from './request-id.js';

const NOT_ALLOWED = 'No fresh preview: the current policy no longer allows this update here.';

/**
 * "Show fresh preview" on a stale update: the update operation plans the same edit again on the page
 * as it is now (read through the scoped loader, decided with the requester's current policy and
 * spaces), and a new request is filed on the same card. Only the requester or an approver may ask.
 */
export const freshPreviewAction = defineCardAction({
  verb: VERBS.freshPreview,
  input: requestIdInput,
  async handle(turn, { requestId }) {
    const { deps } = turn;
    const old = loadRequest(deps, requestId);
    if (old.requester.id !== turn.actor.id && !rolesIn(deps, turn.actor, old.channelKey).isApprover) {
      return { kind: 'message', text: 'Only the requester or an approver can ask for a fresh preview.' };
    }
    const { plan } = old.change;
    if (old.status !== 'stale' || plan.kind !== 'update')
      return { kind: 'view', view: statusView(deps, old), scope: 'all' };
    const context = channelContext(deps, old.requester, governingChannel(old));
    const refuse = async (text: string, details: Record<string, unknown>) => {
      await turn.audit({
        connector: old.connector,
        operation: 'update',
        target: { pageId: plan.pageId, title: plan.title },
        decision: 'denied',
        outcome: 'denied',
        details: { replaces: old.id, ...details },
      });
      return { kind: 'message', text } as const;
    };
    const early = decideWrite(context, old.requester, plan, { spaceKey: plan.spaceKey });
    if (context.connector?.name !== old.connector || early.permission === 'denied')
      return refuse(NOT_ALLOWED, { reasons: early.reasons });
    const env = {
      context,
      actor: old.requester,
      client: deps.clients.get(old.connector),
      allows: spaceAllows(context, old.requester, 'update'),
    };
    let fresh: typeof plan;
    try {
      fresh = await updateOperation.plan(env, {
        operation: 'update',
        ref: { kind: 'id', id: plan.pageId },
        edit: plan.edit,
      });
    } catch (error) {
      const hiddenSpace = outOfScopeSpace(error);
      if (hiddenSpace === undefined) throw error;
      return refuse(toAppError(error).userMessage, {
        reason: 'page outside the allowed spaces; answered as not found',
        spaceKey: hiddenSpace,
      });
    }
    const decision = decideWrite(context, old.requester, fresh, updateOperation.facts(fresh));
    if (decision.permission === 'denied') return refuse(NOT_ALLOWED, { reasons: decision.reasons });
    const next = await deps.approvals.submit({
      requester: old.requester,
      conversationId: old.conversationId,
      channelKey: old.channelKey,
      connector: old.connector,
      operation: 'update',
      target: { spaceKey: fresh.spaceKey, title: fresh.title, pageId: fresh.pageId },
      change: { plan: fresh, ...(old.change.origin ? { origin: old.change.origin } : {}) },
      baseVersion: fresh.baseVersion,
      ...(old.card ? { card: old.card } : {}),
    });
    await turn.audit({
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
  },
});
