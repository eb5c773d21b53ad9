import { AppError } from '../../errors.js';
import { permissionProblem, resolveChannelPolicy } from '../../policy/policy-spec.js';
import { type AdminCommandHandler, auditAdmin } from './admin-command.js';
import { channelName, notice } from './admin-views.js';

/**
 * `/confluence policy <op> <permission>`: sets this channel's permission for one operation
 * (audited before/after). A permission the operation cannot have is refused (INPUT_INVALID).
 */
export const handlePolicySet: AdminCommandHandler<'policy-set'> = async (turn, command) => {
  const { operation, permission } = command;
  const problem = permissionProblem(operation, permission);
  if (problem) throw new AppError('INPUT_INVALID', { userMessage: `Not changed: ${problem}.` });
  const channelKey = turn.conversation.channelKey;
  const change = await turn.deps.settings.setChannelPermission(channelKey, operation, permission);
  const before = resolveChannelPolicy(turn.deps.config.policy, change.before?.operations)[operation];
  await auditAdmin(turn, command, {
    channelKey,
    before: { [operation]: before },
    after: { [operation]: permission },
  });
  await turn.reply(
    notice(
      'Policy updated',
      `${operation} is now ${permission} in ${channelName(turn.conversation)}.`,
      'good',
      [{ label: operation, before, after: permission }],
    ),
  );
};
