import { view } from '../../assistant/present.js';
import type { AdminCommandHandler } from './admin-command.js';

/** `/confluence help`: the admin command card (with a hint to connect when no connector exists). */
export const handleHelp: AdminCommandHandler<'help'> = async (turn) => {
  await turn.reply(view('admin-help', { connectorCount: turn.deps.connectors.list().length }));
};
