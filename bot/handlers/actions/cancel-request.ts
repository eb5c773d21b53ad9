import { cardTargetOf } from '../../approvals/approval-schema.js';
import { rolesIn } from '../../assistant/channel-context.js';
import { approvalMessage } from '../../assistant/present.js';
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
    if (cancelled.card) {
      const message = approvalMessage(cancelled, { showButtons: false, approverIds: [] });
      await deps.port
        .update(cardTargetOf(cancelled), cancelled.card.activityId, message)
        .catch((error) => deps.logger.warn({ err: String(error) }, 'could not update a cancelled card'));
    }
    return { kind: 'message', text: `Withdrew your request "${cancelled.target.title}".` };
  },
});
