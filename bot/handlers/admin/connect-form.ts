import { z } from 'zod';
import { checkCredentials } from '../../assistant/check-credentials.js';
import { viewOf } from '../../assistant/present.js';
import { connectorNameProblem } from '../../connectors/connector-name.js';
import type { ConnectorInfo } from '../../connectors/connector-store.js';
import type { CardActionResult } from '../../domain/chat.js';
import { isAppError } from '../../errors.js';
import { Secret } from '../../secret.js';
import { CONNECT_FORM_INPUTS as INPUTS } from '../../views/verbs.js';
import type { ActionTurn } from '../turn.js';
import { describeSpaces } from './admin-views.js';
import { formCheck, formDone, guardSite, parseExpiry, requireAdmin } from './form-checks.js';

/** The connect form's inputs as they arrive in the `connectSubmit` card data (a claim). */
export const connectFormInput = z.object({
  [INPUTS.name]: z.string().trim().optional(),
  [INPUTS.siteUrl]: z.string().trim().optional(),
  [INPUTS.email]: z.string().trim().optional(),
  [INPUTS.apiToken]: z.string().optional(),
  [INPUTS.tokenExpiry]: z.string().trim().optional(),
  [INPUTS.spaces]: z.string().trim().optional(),
});

/** The connect form's inputs, parsed. */
export type ConnectForm = z.infer<typeof connectFormInput>;

/** A URL with a user name or password (`https://user:token@host`): never echoed, never logged. */
function hasUserInfo(raw: string): boolean {
  const authority = /^[a-z][a-z0-9+.-]*:\/*([^/?#]*)/i.exec(raw.trim())?.[1] ?? raw;
  return authority.includes('@');
}

/**
 * The connect form's submit (admins only): validates the URL, tests the credentials live, stores
 * the token encrypted and answers with which account it is and which spaces it sees. On a problem
 * the form comes back to the clicker with the problem named (and without the token). The token is
 * never echoed, logged or audited.
 */
export async function submitConnectForm(turn: ActionTurn, form: ConnectForm): Promise<CardActionResult> {
  requireAdmin(turn);
  const { deps } = turn;
  const name = form[INPUTS.name] || 'default';
  const typedUrl = form[INPUTS.siteUrl] ?? '';
  const rawUrl = hasUserInfo(typedUrl) ? '' : typedUrl;
  const email = form[INPUTS.email] ?? '';
  const spacesText = form[INPUTS.spaces] ?? '';
  const token = new Secret(form[INPUTS.apiToken] ?? '');
  const again = (problem: string): CardActionResult => ({
    kind: 'view',
    view: viewOf('connect-form', { name, siteUrl: rawUrl, email, spaces: spacesText, problem }),
    scope: 'clicker',
  });
  if (rawUrl !== typedUrl) return again('A site URL must not carry a user name or password.');
  const nameProblem = connectorNameProblem(name);
  if (nameProblem !== undefined) return again(nameProblem);
  const site = await formCheck(() => guardSite(deps, rawUrl));
  if ('problem' in site) return again(site.problem);
  const siteUrl = site.value;
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    return again('Enter the Atlassian account email the API token belongs to.');
  if (token.isEmpty()) return again('Enter the API token (it is never shown again).');
  const expiry = await formCheck(() => parseExpiry(form[INPUTS.tokenExpiry]));
  if ('problem' in expiry) return again(expiry.problem);
  const spaces = spacesText === '*' ? '*' : spacesText.split(/[\s,]+/).filter(Boolean);
  const result = await checkCredentials(deps, { siteUrl, email, apiToken: token });
  if (!result.ok) {
    await turn.audit({
      connector: name,
      operation: 'admin',
      decision: 'n/a',
      outcome: 'error',
      details: { command: 'connect', siteUrl, email, problem: result.problem },
    });
    return again(result.problem);
  }
  const before = deps.connectors.get(name);
  let stored: ConnectorInfo;
  try {
    stored = await deps.connectors.upsert({
      name,
      siteUrl,
      email,
      apiToken: token,
      spaces,
      ...(expiry.value ? { tokenExpiresAt: expiry.value } : {}),
      setupPlatform: turn.target.platform,
      setupConversationId: turn.target.conversationId,
      ...(turn.target.serviceUrl ? { setupServiceUrl: turn.target.serviceUrl } : {}),
      createdBy: turn.actor.id,
    });
  } catch (error) {
    if (isAppError(error)) return again(error.userMessage);
    throw error;
  }
  deps.clients.forget(stored.name);
  const visible = result.spaces.map((s) => s.key);
  const commandKey =
    stored.key === stored.name
      ? ''
      : ` In commands it is \`${stored.key}\` (e.g. \`/confluence rotate ${stored.key}\`).`;
  return formDone(turn, {
    connector: stored.name,
    details: {
      command: 'connect',
      before: before ? { siteUrl: before.siteUrl, email: before.email, spaces: before.spaces } : null,
      after: {
        siteUrl: stored.siteUrl,
        email: stored.email,
        spaces: stored.spaces,
        tokenExpiresAt: stored.tokenExpiresAt ?? null,
      },
    },
    title: 'Confluence connected',
    text: `Connector ${stored.name} reaches ${siteUrl} as ${result.user.displayName}. The account sees ${visible.length} spaces (${visible.slice(0, 20).join(', ') || 'none'}); the bot may use: ${describeSpaces(stored.spaces)}.${commandKey}`,
  });
}
