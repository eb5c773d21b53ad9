import { isAppError, toAppError } from '../../errors.js';
import type { AdminCommand, UserRef } from '../../intent/types.js';
import type { MessageTurn } from '../turn.js';
import { type AdminCommandHandler, type AdminCommandKind, AdminRefusal } from './admin-command.js';
import { notice } from './admin-views.js';
import { ADMIN_COMMANDS } from './index.js';

/** Codes that mean the command was refused (bad input, unknown connector, not allowed), not that it broke. */
const REFUSAL_CODES: ReadonlySet<string> = new Set([
  'INPUT_INVALID',
  'CONNECTOR_NOT_FOUND',
  'CONNECTOR_MISSING',
  'ADMIN_ONLY',
  'POLICY_DENIED',
  'SPACE_NOT_ALLOWED',
]);

function clip(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}

/**
 * What the admin asked for, for the audit of a failed command: the subcommand (`spaces add`) and
 * its arguments as parsed (space key, connector name, user id…). Commands carry no secrets (tokens
 * only travel in the connect/rotate forms), and values are clipped.
 */
export function describeAdminCommand(command: AdminCommand): Record<string, unknown> {
  const action = 'action' in command && command.action ? ` ${command.action}` : '';
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(command)) {
    if (key === 'kind' || key === 'action' || value === undefined) continue;
    if (key === 'user' && typeof value === 'object' && value !== null)
      args.user = clip((value as UserRef).id);
    else args[key] = typeof value === 'string' ? clip(value) : value;
  }
  return { subcommand: `${command.kind}${action}`, ...(Object.keys(args).length > 0 ? { args } : {}) };
}

function auditFailure(turn: MessageTurn, command: AdminCommand, error: unknown): Promise<void> {
  const code = isAppError(error) ? error.code : 'INTERNAL';
  const refused = REFUSAL_CODES.has(code);
  return turn.audit({
    operation: 'admin',
    decision: refused ? 'denied' : 'n/a',
    outcome: refused ? 'denied' : 'error',
    error: toAppError(error),
    details: { command: command.kind, ...describeAdminCommand(command), code },
  });
}

function adminsOnly(command: AdminCommand): AdminRefusal {
  return new AdminRefusal(
    'ADMIN_ONLY',
    notice(
      'Admins only',
      `Only bot admins can run \`/confluence ${command.kind}\`. Ask one of them, or see \`help\` for what you can do.`,
      'warning',
    ),
  );
}

/**
 * Runs a `/confluence …` command through its handler in `ADMIN_COMMANDS`. Admins only: anyone else
 * gets a clear refusal. Every refusal and failure is audited here, once — operation `admin`, the
 * subcommand, its arguments and the error code. An `AdminRefusal` is answered with its notice;
 * any other error is rethrown for the caller to answer (a failure to audit it is logged, not thrown
 * over it). Handlers audit their own changes (before and after, never a secret).
 */
export async function runAdminCommand(turn: MessageTurn, command: AdminCommand): Promise<void> {
  try {
    if (!turn.channel().roles.isAdmin) throw adminsOnly(command);
    // The registry is complete per kind; TypeScript cannot correlate `command.kind` with the handler's input.
    const handle = ADMIN_COMMANDS[command.kind] as AdminCommandHandler<AdminCommandKind>;
    await handle(turn, command);
  } catch (error) {
    if (error instanceof AdminRefusal) {
      await auditFailure(turn, command, error);
      await turn.reply(error.answer);
      return;
    }
    try {
      await auditFailure(turn, command, error);
    } catch (auditError) {
      turn.deps.logger.error(
        { code: isAppError(auditError) ? auditError.code : 'INTERNAL', command: command.kind },
        'could not audit a failed admin command',
      );
    }
    throw error;
  }
}
