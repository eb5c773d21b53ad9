import { view } from '../../assistant/present.js';
import type { AdminCommandHandler } from './admin-command.js';
import { namedConnector } from './named-connector.js';

/**
 * `/confluence disconnect [connector]`: asks for confirmation; nothing is removed until the
 * confirm button (`disconnect-confirm.ts`).
 */
export const handleDisconnect: AdminCommandHandler<'disconnect'> = async (turn, command) => {
  const connector = namedConnector(turn, command.connector);
  await turn.reply(view('disconnect-confirm', { connectorName: connector.name, siteUrl: connector.siteUrl }));
};
