import type { OutboundMessage } from '../../domain/chat.js';
import { AppError, type ErrorCode } from '../../errors.js';
import type { AdminCommand } from '../../intent/types.js';
import type { MessageTurn } from '../turn.js';

/** The kinds of `/confluence …` command the parser produces (`approvers` and `admins` are two kinds). */
export type AdminCommandKind = AdminCommand['kind'];

/**
 * The parsed command of kind `K`. `approvers` and `admins` share one union member; intersecting
 * with `{ kind: K }` narrows that member's kind and reduces every other member to `never`.
 */
export type AdminCommandOf<K extends AdminCommandKind> = AdminCommand & { readonly kind: K };

/**
 * Runs one admin command for an admin (the dispatcher has checked that already). Throws an
 * AppError to refuse or fail (the dispatcher audits it and the caller answers), or an
 * `AdminRefusal` to refuse with an answer of its own.
 */
export type AdminCommandHandler<K extends AdminCommandKind> = (
  turn: MessageTurn,
  command: AdminCommandOf<K>,
) => Promise<void>;

/** One handler per admin command kind (TypeScript checks the set is complete). */
export type AdminHandlers = { readonly [K in AdminCommandKind]: AdminCommandHandler<K> };

/** A refusal that carries its own answer (a notice rather than the error card); audited like any failure. */
export class AdminRefusal extends AppError {
  readonly answer: OutboundMessage;

  constructor(code: ErrorCode, answer: OutboundMessage) {
    super(code);
    this.answer = answer;
  }
}

/**
 * Audits a successful admin command: operation `admin`, the command's kind and `details`
 * (before/after of a change; never a secret).
 */
export function auditAdmin(
  turn: MessageTurn,
  command: AdminCommand,
  details: Record<string, unknown>,
  outcome: 'ok' | 'error' = 'ok',
): Promise<void> {
  return turn.audit({
    operation: 'admin',
    decision: 'n/a',
    outcome,
    details: { command: command.kind, ...details },
  });
}
