import { approvalMessage } from '../approvals/approval-card.js';
import { recordAudit } from '../assistant/audit-events.js';
import {
  approvalsTarget,
  type ChannelContext,
  configuredApprovers,
  resolveApproversFor,
} from '../assistant/channel-context.js';
import { view } from '../assistant/present.js';
import type { ChatTarget } from '../domain/chat.js';
import type { OperationResult, OperationTurn } from './pipeline.js';
import { type WritePlan, writeOperationOf } from './write-path.js';

function notice(title: string, text: string, tone: 'warning' | 'info') {
  return view('notice', { title, text, tone, changes: [] });
}

/**
 * The confirm branch of the pipeline: files the approval request and posts its card — in the
 * conversation where it was asked, or, for a personal chat, in the approvals conversation set with
 * `/confluence approvals here`. Refused (and audited) when there is no such conversation or nobody
 * may approve there. A card that could not be posted leaves the request pending (it can still be
 * decided from `approvals`) and says so.
 */
export async function submitForApproval(
  turn: OperationTurn,
  context: ChannelContext,
  plan: WritePlan,
): Promise<OperationResult> {
  const { deps } = turn;
  const connector = context.connector!;
  const target = writeOperationOf(plan).pendingTarget(plan);
  const { version: baseVersion, ...recordTarget } = target;
  const cannotSubmit = async (reason: string, text: string): Promise<OperationResult> => {
    await turn.audit({
      connector: connector.name,
      operation: plan.kind,
      target,
      decision: 'confirm',
      outcome: 'denied',
      details: { reason },
    });
    return { outcome: 'refused', message: notice('This needs approval', text, 'warning') };
  };
  let cardTarget: ChatTarget = turn.target;
  const elsewhere = turn.conversation.type === 'personal';
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
    requester: turn.actor,
    conversationId: turn.conversation.conversationId,
    channelKey: cardTarget.channelKey,
    connector: connector.name,
    operation: plan.kind,
    target: recordTarget,
    change: { plan, origin: turn.target },
    ...(baseVersion !== undefined ? { baseVersion } : {}),
  });
  await turn.audit({
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
  try {
    activityId = elsewhere ? await deps.port.post(cardTarget, message) : await turn.reply(message);
  } catch (postFailure) {
    deps.logger.warn({ err: String(postFailure), requestId: request.id }, 'could not post the approval card');
    await recordAudit(deps, {
      actor: turn.actor,
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
    return {
      outcome: 'pending',
      message: notice(
        'Approval card not posted',
        `I could not post the approval card ${where}; your request to ${plan.kind} "${plan.title}" is still pending, and approvers can still decide it from \`approvals\`.`,
        'warning',
      ),
    };
  }
  if (activityId) {
    await deps.approvals.setCard(request.id, {
      platform: cardTarget.platform,
      conversationId: cardTarget.conversationId,
      activityId,
      ...(cardTarget.serviceUrl ? { serviceUrl: cardTarget.serviceUrl } : {}),
    });
  }
  if (!elsewhere) return { outcome: 'pending' };
  return {
    outcome: 'pending',
    message: notice(
      'Sent for approval',
      `Your request to ${plan.kind} "${plan.title}" went to the approvers' channel. You will hear back here when it is decided.`,
      'info',
    ),
  };
}
