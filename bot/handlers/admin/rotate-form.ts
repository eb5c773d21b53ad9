import { z } from 'zod';
import { checkCredentials } from '../../assistant/check-credentials.js';
import { viewOf } from '../../assistant/present.js';
import type { CardActionResult } from '../../domain/chat.js';
import { AppError } from '../../errors.js';
import { Secret } from '../../secret.js';
import { ROTATE_FORM_INPUTS as INPUTS } from '../../views/verbs.js';
import type { ActionTurn } from '../turn.js';
import { formCheck, formDone, guardSite, parseExpiry, requireAdmin } from './form-checks.js';

/** The rotate form's data as it arrives in the `rotateSubmit` card data (a claim). */
export const rotateFormInput = z.object({
  connector: z.string().optional(),
  [INPUTS.apiToken]: z.string().optional(),
  [INPUTS.tokenExpiry]: z.string().trim().optional(),
});

/** The rotate form's data, parsed. */
export type RotateForm = z.infer<typeof rotateFormInput>;

/**
 * The rotate form's submit (admins only): tests the new token, then replaces the stored one
 * (audited with the rotation and expiry dates, never the value).
 */
export async function submitRotateForm(turn: ActionTurn, form: RotateForm): Promise<CardActionResult> {
  requireAdmin(turn);
  const { deps } = turn;
  const connector = form.connector ? deps.connectors.get(form.connector) : deps.connectors.getDefault();
  if (!connector) throw new AppError('CONNECTOR_NOT_FOUND');
  const token = new Secret(form[INPUTS.apiToken] ?? '');
  const again = (problem: string): CardActionResult => ({
    kind: 'view',
    view: viewOf('rotate-form', { connectorName: connector.name, siteUrl: connector.siteUrl, problem }),
    scope: 'clicker',
  });
  if (token.isEmpty()) return again('Enter the new API token.');
  const site = await formCheck(() => guardSite(deps, connector.siteUrl));
  if ('problem' in site) return again(site.problem);
  const expiry = await formCheck(() => parseExpiry(form[INPUTS.tokenExpiry]));
  if ('problem' in expiry) return again(expiry.problem);
  const result = await checkCredentials(deps, {
    siteUrl: connector.siteUrl,
    email: connector.email,
    apiToken: token,
  });
  if (!result.ok) return again(result.problem);
  const rotated = await deps.connectors.rotateToken(connector.name, token, expiry.value);
  deps.clients.forget(connector.name);
  return formDone(turn, {
    connector: connector.name,
    details: {
      command: 'rotate',
      before: {
        tokenRotatedAt: connector.tokenRotatedAt ?? connector.tokenCreatedAt,
        tokenExpiresAt: connector.tokenExpiresAt ?? null,
      },
      after: {
        tokenRotatedAt: rotated.tokenRotatedAt ?? null,
        tokenExpiresAt: rotated.tokenExpiresAt ?? null,
      },
    },
    title: 'Token rotated',
    text: `Connector ${connector.name} now uses the new token (checked: it works as ${result.user.displayName}).`,
  });
}
