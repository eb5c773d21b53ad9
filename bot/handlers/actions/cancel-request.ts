import { approvalMessage } from '../../approvals/approval-card.js';
import { updateCard } from '../../approvals/approval-status.js';
import { rolesIn } from '../../assistant/channel-context.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';
import { requestIdInput } from './request-id.js';

/** The requester withdraws a pending request; its approval card shows it withdrawn. */
export const cancelRequestAction = defineCardAction({
  verb: VERBS.cancel,
  input: requestIdInput,
  async handle(turn, { requestId }) {
    const { deps } = turn;
    const roles = rolesIn(deps, turn.actor, turn.conversation.channelKey);
    const cancelled = await deps.approvals.cancel(requestId, turn.actor, roles);
    await turn.audit({
      connector: cancelled.connector,
      operation: 'cancel',
      target: { spaceKey: cancelled.target.spaceKey, title: cancelled.target.title },
      decision: 'n/a',
      outcome: 'ok',
      details: { requestId },
    });
    const card = approvalMessage(cancelled, { showButtons: false, approverIds: [] });
    if (card.kind === 'view') await updateCard(deps, cancelled, card.view);
    return { kind: 'message', text: `Withdrew your request "${cancelled.target.title}".` };
  },
});
