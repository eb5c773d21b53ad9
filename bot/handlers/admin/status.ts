import { describeAuditHead } from '../../assistant/admin-notices.js';
import { approverLabels, approverReachOf, resolveApproversFor } from '../../assistant/channel-context.js';
import { view } from '../../assistant/present.js';
import type { AdminCommandHandler } from './admin-command.js';
import { channelName, connectorStatus, policyRows } from './admin-views.js';

/**
 * `/confluence status`: every connector (token age and expiry, never the token), this channel's
 * policy and approvers (asking the roster outside personal chats), the approvals conversation and
 * the audit head.
 */
export const handleStatus: AdminCommandHandler<'status'> = async (turn) => {
  const { deps, conversation } = turn;
  const now = deps.now();
  const approvals = deps.settings.getGlobal().approvalsConversation;
  const reach =
    conversation.type === 'personal'
      ? approverReachOf(deps, conversation.channelKey)
      : await resolveApproversFor(deps, turn.target);
  await turn.reply(
    view('status', {
      connectors: deps.connectors.list().map((connector) => connectorStatus(connector, now)),
      channelName: channelName(conversation),
      policy: policyRows(deps, conversation.channelKey),
      approvers: approverLabels(deps, conversation.channelKey, reach),
      ...(approvals ? { approvalsConversation: approvals.conversationId } : {}),
      audit: describeAuditHead(deps.audit.head()),
    }),
  );
};
