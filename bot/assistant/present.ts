import { randomUUID } from 'node:crypto';
import type { OutboundMessage, View } from '../domain/chat.js';
import type { Operation } from '../domain/types.js';
import { type AppError, toAppError } from '../errors.js';
import type { Decision } from '../policy/decide.js';
import type { CardData, CardKind } from '../views/types.js';

/** The view of `kind` with its typed data (each edge renders it: Adaptive Card, Block Kit). */
export function viewOf<K extends CardKind>(kind: K, data: CardData[K]): View {
  return { kind, data } as View;
}

/** A message showing the view of `kind`, with an optional one-line summary for notifications. */
export function view<K extends CardKind>(kind: K, data: CardData[K], summary?: string): OutboundMessage {
  return { kind: 'view', view: viewOf(kind, data), ...(summary ? { summary } : {}) };
}

/** What to tell a person for each failure: the catalog message plus a next step. */
export function hintFor(error: AppError): string | undefined {
  switch (error.code) {
    case 'CONFLUENCE_RATE_LIMITED': {
      const seconds = Number(error.details.retryAfterSeconds);
      return Number.isFinite(seconds) && seconds > 0
        ? `Try again in ${Math.ceil(seconds)} s.`
        : 'Try again shortly.';
    }
    case 'CONFLUENCE_UNAUTHORIZED':
      return 'The admins have been told. Until the token is rotated, Confluence cannot be reached.';
    case 'CONFLUENCE_NOT_FOUND':
      return 'Check the page id or link. Pages the connector account cannot see look exactly like missing ones.';
    case 'CONNECTOR_MISSING':
      return 'Ask a bot admin to connect Confluence.';
    default:
      return undefined;
  }
}

/** The error card for any failure, with a short correlation id that is also logged. */
export function errorMessage(error: unknown, correlationId = randomUUID().slice(0, 8)): OutboundMessage {
  const appError = toAppError(error);
  const hint = hintFor(appError);
  return view(
    'error',
    { message: appError.userMessage, ...(hint ? { hint } : {}), correlationId },
    appError.userMessage,
  );
}

/** The refusal card: what was refused, the chain of reasons and who can change it. */
export function denialMessage(what: string, operation: Operation, decision: Decision): OutboundMessage {
  const remedy =
    decision.code === 'SPACE_NOT_ALLOWED'
      ? 'A bot admin can allow the space with `/confluence spaces add <KEY>`.'
      : `A bot admin can change this with \`/confluence policy ${operation} allowed\` or \`confirm\`.`;
  return view('denial', { what, reasons: [...decision.reasons].reverse(), remedy }, `Refused: ${what}`);
}
