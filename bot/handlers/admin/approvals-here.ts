import { type AdminCommandHandler, auditAdmin } from './admin-command.js';
import { notice } from './admin-views.js';

/**
 * `/confluence approvals here`: approval cards for writes requested in personal chats go to this
 * conversation (a channel is keyed without its thread suffix). Audited before/after.
 */
export const handleApprovalsHere: AdminCommandHandler<'approvals-here'> = async (turn, command) => {
  const { target } = turn;
  const change = await turn.deps.settings.setApprovalsConversation({
    platform: target.platform,
    conversationId: target.conversationId.split(';messageid=')[0]!,
    channelKey: turn.conversation.channelKey,
    ...(target.serviceUrl ? { serviceUrl: target.serviceUrl } : {}),
    ...(target.tenantId ? { tenantId: target.tenantId } : {}),
  });
  await auditAdmin(turn, command, {
    before: change.before.approvalsConversation ?? null,
    after: change.after.approvalsConversation ?? null,
  });
  await turn.reply(
    notice(
      'Approvals conversation set',
      'Approval cards for writes requested in personal chats will be posted here. Name approvers here with `/confluence approvers add @name`.',
    ),
  );
};
