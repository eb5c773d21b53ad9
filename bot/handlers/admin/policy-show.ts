import { view } from '../../assistant/present.js';
import type { AdminCommandHandler } from './admin-command.js';
import { channelName, policyRows } from './admin-views.js';

/** `/confluence policy`: this channel's permission for each operation and where it comes from. */
export const handlePolicyShow: AdminCommandHandler<'policy-show'> = async (turn) => {
  await turn.reply(
    view('policy', {
      channelName: channelName(turn.conversation),
      rows: policyRows(turn.deps, turn.conversation.channelKey),
      explain: [],
    }),
  );
};
