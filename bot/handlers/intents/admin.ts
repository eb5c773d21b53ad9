import { runAdminCommand } from '../admin/run-admin-command.js';
import type { IntentHandlers } from '../turn.js';
import { placeholders } from './placeholders.js';

/** `/confluence …` admin commands: dispatched to `bot/handlers/admin/` (admins only; refusals and failures audited). */
export const handleAdmin: IntentHandlers['admin'] = (turn, intent) => runAdminCommand(turn, intent.command);

/** A `/confluence …` line that is not a valid command: its usage, and an audit entry. */
export const handleAdminInvalid: IntentHandlers['admin-invalid'] = async (turn, intent) => {
  await turn.audit({
    connector: undefined,
    operation: 'admin',
    decision: 'n/a',
    outcome: 'denied',
    details: { reason: 'malformed admin command', usage: intent.usage },
  });
  await turn.reply({ kind: 'text', text: placeholders(`${intent.message}\n\nUsage: \`${intent.usage}\``) });
};
