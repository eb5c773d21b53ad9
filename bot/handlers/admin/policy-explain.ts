import { view } from '../../assistant/present.js';
import { OPERATION_SPECS } from '../../operations/registry.js';
import { explain } from '../../policy/decide.js';
import type { AdminCommandHandler } from './admin-command.js';
import { channelName, policyRows } from './admin-views.js';

/**
 * `/confluence policy explain <op> [SPACE]`: the policy table plus, line by line, how a request by
 * the admin for that operation (in that space) would be decided here.
 */
export const handlePolicyExplain: AdminCommandHandler<'policy-explain'> = async (turn, command) => {
  const context = turn.channel();
  const lines = explain({
    actor: turn.actor,
    roles: context.roles,
    operation: command.operation,
    permissions: context.permissions,
    connectorSpaces: context.connector?.spaces ?? [],
    channelSpaces: context.settings?.spaces,
    target: command.spaceKey ? { spaceKey: command.spaceKey } : {},
    requiresSpace: command.operation !== 'search' && command.spaceKey !== undefined,
    readOnly: OPERATION_SPECS[command.operation].readOnly,
  }).split('\n');
  await turn.reply(
    view('policy', {
      channelName: channelName(turn.conversation),
      rows: policyRows(turn.deps, turn.conversation.channelKey),
      explain: lines,
    }),
  );
};
