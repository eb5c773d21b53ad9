import { loadRequest, statusView } from '../../approvals/approval-status.js';
import { rolesIn } from '../../assistant/channel-context.js';
import { VERBS } from '../../views/verbs.js';
import { defineCardAction } from '../turn.js';
import { requestIdInput } from './request-id.js';

/**
 * Teams' automatic refresh of an approval card: the clicker's own view — approvers of a pending
 * request (other than its requester) see the buttons, everyone else the status.
 */
export const refreshApprovalAction = defineCardAction({
  verb: VERBS.refresh,
  input: requestIdInput,
  async handle(turn, { requestId }) {
    const { deps } = turn;
    const request = loadRequest(deps, requestId);
    const mayDecide =
      request.status === 'pending' &&
      rolesIn(deps, turn.actor, request.channelKey).isApprover &&
      (deps.config.allowSelfApproval || request.requester.id !== turn.actor.id);
    return { kind: 'view', view: statusView(deps, request, mayDecide), scope: 'clicker' };
  },
});
