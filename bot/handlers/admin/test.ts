import { checkCredentials } from '../../assistant/check-credentials.js';
import { type AdminCommandHandler, AdminRefusal, auditAdmin } from './admin-command.js';
import { notice } from './admin-views.js';

/** `/confluence test`: checks the channel's connector credentials live against Confluence (audited). */
export const handleTest: AdminCommandHandler<'test'> = async (turn, command) => {
  const connector = turn.channel().connector;
  if (!connector) {
    throw new AdminRefusal(
      'CONNECTOR_MISSING',
      notice('No connector', 'No Confluence connector is set up. Run `/confluence connect`.', 'warning'),
    );
  }
  const result = await checkCredentials(turn.deps, turn.deps.connectors.getConnection(connector.name));
  await auditAdmin(turn, command, { connector: connector.name, ok: result.ok }, result.ok ? 'ok' : 'error');
  if (!result.ok) {
    await turn.reply(notice('Connection failed', result.problem, 'warning'));
    return;
  }
  const spaces = result.spaces.map((space) => space.key).slice(0, 30);
  await turn.reply(
    notice(
      'Connection works',
      `Connected to ${connector.siteUrl} as ${result.user.displayName}. The account sees ${result.spaces.length} spaces: ${spaces.join(', ') || 'none'}.`,
    ),
  );
};
