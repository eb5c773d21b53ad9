import { view } from '../../assistant/present.js';
import type { AdminCommandHandler } from './admin-command.js';
import { namedConnector } from './named-connector.js';

/** `/confluence rotate [connector]`: opens the rotate form for a new API token. Its submit is `rotate-form.ts`. */
export const handleRotate: AdminCommandHandler<'rotate'> = async (turn, command) => {
  const connector = namedConnector(turn, command.connector);
  await turn.reply(view('rotate-form', { connectorName: connector.name, siteUrl: connector.siteUrl }));
};
