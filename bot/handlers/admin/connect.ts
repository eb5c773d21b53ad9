import { view } from '../../assistant/present.js';
import type { AdminCommandHandler } from './admin-command.js';

/**
 * `/confluence connect`: opens the connect form (the API token goes into its password field, never
 * into chat). Its submit is `connect-form.ts`.
 */
export const handleConnect: AdminCommandHandler<'connect'> = async (turn) => {
  const hasConnector = turn.channel().connector !== undefined;
  await turn.reply(
    view('connect-form', { name: hasConnector ? '' : 'default', siteUrl: '', email: '', spaces: '' }),
  );
};
