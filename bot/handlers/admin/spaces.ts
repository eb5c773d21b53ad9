import { AppError } from '../../errors.js';
import { type AdminCommandHandler, auditAdmin } from './admin-command.js';
import { describeSpaces, notice } from './admin-views.js';

/**
 * `/confluence spaces [add|remove KEY]`: lists the connector's allowed spaces (and this channel's
 * narrowing), or adds/removes one (audited before/after). No connector: CONNECTOR_MISSING.
 */
export const handleSpaces: AdminCommandHandler<'spaces'> = async (turn, command) => {
  const context = turn.channel();
  const connectorName = context.connector?.name;
  if (!connectorName) throw new AppError('CONNECTOR_MISSING');
  const connectors = turn.deps.connectors;
  const before = connectors.get(connectorName)?.spaces ?? [];
  if (!command.action || !command.spaceKey) {
    const narrowed = context.settings?.spaces;
    const narrowing = narrowed ? ` This channel narrows that to: ${narrowed.join(', ') || 'none'}.` : '';
    await turn.reply(
      notice(
        'Allowed spaces',
        `Connector ${connectorName} allows: ${describeSpaces(before)}.${narrowing}`,
        'info',
      ),
    );
    return;
  }
  const updated =
    command.action === 'add'
      ? await connectors.addSpace(connectorName, command.spaceKey)
      : await connectors.removeSpace(connectorName, command.spaceKey);
  await auditAdmin(turn, command, {
    connector: connectorName,
    before: { spaces: before },
    after: { spaces: updated.spaces },
  });
  await turn.reply(
    notice(
      'Spaces updated',
      `Connector ${connectorName} now allows: ${describeSpaces(updated.spaces)}.`,
      'good',
      [{ label: 'spaces', before: describeSpaces(before), after: describeSpaces(updated.spaces) }],
    ),
  );
};
