import { runAdminCommand } from '../../assistant/admin-commands.js';
import type { IntentHandlers } from '../turn.js';
import { placeholders } from './placeholders.js';

/** `/confluence …` admin commands (admins only; every command and refusal audited). */
export const handleAdmin: IntentHandlers['admin'] = (turn, intent) =>
  runAdminCommand(turn.deps, turn.chat, intent.command, turn.reply);

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
