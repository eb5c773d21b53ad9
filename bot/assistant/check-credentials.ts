import { UNREACHABLE_SITE_MESSAGE } from '../confluence/site-host.js';
import type { ConfluenceConnection, CurrentUser, Space } from '../confluence/types.js';
import { isAppError, toAppError } from '../errors.js';
import type { AssistantDeps } from './deps.js';

/** The result of a live credentials check, worded for an admin. */
export type CredentialCheck =
  | { readonly ok: true; readonly user: CurrentUser; readonly spaces: readonly Space[] }
  | { readonly ok: false; readonly problem: string };

async function cloudIdOf(siteUrl: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${siteUrl.replace(/\/+$/, '')}/_edge/tenant_info`, {
      signal: AbortSignal.timeout(5_000),
      redirect: 'error',
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { cloudId?: unknown };
    return typeof body.cloudId === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(body.cloudId)
      ? body.cloudId
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Tests credentials against Confluence and tells apart: wrong email or token, a scoped token used
 * on the site URL (it needs the gateway URL with the cloud id), an account without Confluence
 * access, and a wrong site. Never includes the token in what it returns.
 */
export async function checkCredentials(
  deps: AssistantDeps,
  connection: ConfluenceConnection,
): Promise<CredentialCheck> {
  const client = deps.clients.forConnection(connection);
  try {
    const user = await client.getCurrentUser();
    const spaces = await client.listSpaces();
    return { ok: true, user, spaces };
  } catch (error) {
    const appError = toAppError(error);
    if (isAppError(appError, 'CONFLUENCE_UNAUTHORIZED')) {
      if (!connection.siteUrl.includes('/ex/confluence/')) {
        const cloudId = await cloudIdOf(connection.siteUrl);
        if (cloudId) {
          const gatewaySite = `${deps.gatewayUrl.replace(/\/+$/, '')}/ex/confluence/${cloudId}`;
          try {
            await deps.clients.forConnection({ ...connection, siteUrl: gatewaySite }).getCurrentUser();
            return {
              ok: false,
              problem: `This looks like a scoped API token: it works only through the Atlassian API gateway. Use the site URL ${gatewaySite} instead.`,
            };
          } catch {
            // Not a scoped token either: fall through to the plain "wrong credentials" answer.
          }
        }
      }
      return {
        ok: false,
        problem:
          'Confluence rejected the email or API token. Check that the token belongs to this email and has not expired.',
      };
    }
    if (isAppError(appError, 'CONFLUENCE_FORBIDDEN')) {
      return {
        ok: false,
        problem: 'The credentials are right, but this account has no Confluence access on that site.',
      };
    }
    if (
      isAppError(
        appError,
        'CONFLUENCE_NOT_FOUND',
        'CONFLUENCE_UNEXPECTED_RESPONSE',
        'CONFLUENCE_INVALID_REQUEST',
        'CONFLUENCE_UNAVAILABLE',
        'CONFLUENCE_TIMEOUT',
      )
    ) {
      // One answer for "nothing listens", "something else listens" and "no answer": telling them
      // apart would let the connect form probe which ports are open.
      return { ok: false, problem: UNREACHABLE_SITE_MESSAGE };
    }
    return { ok: false, problem: toAppError(error).userMessage };
  }
}
