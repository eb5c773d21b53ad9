import { z } from 'zod';
import type { CardActionResult } from '../../domain/chat.js';
import { AppError } from '../../errors.js';
import type { ActionTurn } from '../turn.js';
import { formDone, requireAdmin } from './form-checks.js';

/** The disconnect confirmation's card data (a claim): the connector to remove. */
export const disconnectInput = z.object({ connector: z.string().min(1) });

/** Confirms `/confluence disconnect` (admins only): removes the connector and forgets its client (audited). */
export async function confirmDisconnect(
  turn: ActionTurn,
  input: z.infer<typeof disconnectInput>,
): Promise<CardActionResult> {
  requireAdmin(turn);
  const name = input.connector;
  const before = turn.deps.connectors.get(name);
  if (!before) throw new AppError('CONNECTOR_NOT_FOUND');
  await turn.deps.connectors.remove(name);
  turn.deps.clients.forget(name);
  return formDone(turn, {
    connector: name,
    details: {
      command: 'disconnect',
      before: { siteUrl: before.siteUrl, email: before.email, spaces: before.spaces },
      after: null,
    },
    title: 'Disconnected',
    text: `Connector ${name} was removed.`,
    tone: 'info',
  });
}
