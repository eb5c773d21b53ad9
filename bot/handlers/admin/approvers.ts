import { configuredApprovers } from '../../assistant/channel-context.js';
import { roleListHandler } from './role-list.js';

/** `/confluence approvers [add|remove <@mention|id>]`: this channel's approvers (plus BOT_APPROVERS). */
export const handleApprovers = roleListHandler<'approvers'>({
  title: 'Approvers',
  members: (turn) => configuredApprovers(turn.deps, turn.conversation.channelKey),
  async change(turn, action, id) {
    const { settings } = turn.deps;
    const channelKey = turn.conversation.channelKey;
    const change =
      action === 'add'
        ? await settings.addChannelApprover(channelKey, id)
        : await settings.removeChannelApprover(channelKey, id);
    return { before: change.before?.approvers ?? [], after: change.after.approvers };
  },
});
