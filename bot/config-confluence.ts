/**
 * The Confluence section of the configuration (CONFLUENCE_* variables): which hosts may receive a
 * token, the optional bootstrap connector, and the default policy per operation.
 */

import { type Env, list, text } from './config-values.js';
import { checkSiteUrl, parseAllowedHosts, type SiteRules, siteRulesFor } from './confluence/site-host.js';
import type { BootstrapConnector } from './connectors/connector-input.js';
import { connectorNameProblem, normalizeConnectorName } from './connectors/connector-name.js';
import type { Operation, Permission } from './domain/types.js';
import { AppError } from './errors.js';
import { DEFAULT_POLICY, parsePolicySpec } from './policy/policy-spec.js';
import { isWellFormedSpaceKey } from './policy/space-keys.js';
import { Secret } from './secret.js';

/** The CONFLUENCE_* variables, checked. */
export interface ConfluenceConfig {
  /** Which Confluence hosts may receive a token (CONFLUENCE_ALLOWED_HOSTS; loopback outside production). */
  readonly confluenceSites: SiteRules;
  readonly bootstrapConnector?: BootstrapConnector;
  /** CONFLUENCE_POLICY, else the default policy. */
  readonly policy: Record<Operation, Permission>;
}

/** Reads the CONFLUENCE_* variables (except CONFLUENCE_TIMEOUT_MS); problems go to `problems`. */
export function readConfluenceConfig(env: Env, production: boolean, problems: string[]): ConfluenceConfig {
  const allowedHosts = parseAllowedHosts(text(env, 'CONFLUENCE_ALLOWED_HOSTS'));
  if (allowedHosts.bad.length > 0) {
    problems.push(
      `CONFLUENCE_ALLOWED_HOSTS takes host names or *.domain wildcards, without scheme, port or IP address (not: ${allowedHosts.bad.join(', ')}).`,
    );
  }
  const confluenceSites = siteRulesFor(production, allowedHosts.hosts);
  const bootstrapConnector = readBootstrapConnector(env, confluenceSites, problems);

  let policy: Record<Operation, Permission> = { ...DEFAULT_POLICY };
  const rawPolicy = text(env, 'CONFLUENCE_POLICY');
  if (rawPolicy !== undefined) {
    try {
      policy = parsePolicySpec(rawPolicy);
    } catch (error) {
      problems.push(`CONFLUENCE_POLICY: ${error instanceof AppError ? error.message : String(error)}`);
    }
  }
  return { confluenceSites, bootstrapConnector, policy };
}

/**
 * The bootstrap connector, held to the same site rules as `/confluence connect`; `undefined` when
 * none of CONFLUENCE_SITE_URL, CONFLUENCE_EMAIL, CONFLUENCE_API_TOKEN is set, or (with problems) when
 * any part is missing or bad.
 */
function readBootstrapConnector(
  env: Env,
  confluenceSites: SiteRules,
  problems: string[],
): BootstrapConnector | undefined {
  const siteUrl = text(env, 'CONFLUENCE_SITE_URL');
  const email = text(env, 'CONFLUENCE_EMAIL');
  const apiToken = text(env, 'CONFLUENCE_API_TOKEN');
  if (!siteUrl && !email && !apiToken) return undefined;
  if (!siteUrl)
    problems.push('CONFLUENCE_SITE_URL is required when CONFLUENCE_EMAIL or CONFLUENCE_API_TOKEN is set.');
  if (!email)
    problems.push('CONFLUENCE_EMAIL is required when CONFLUENCE_SITE_URL or CONFLUENCE_API_TOKEN is set.');
  else if (!/^[^\s@]+@[^\s@]+$/.test(email)) problems.push('CONFLUENCE_EMAIL must be an email address.');
  if (!apiToken)
    problems.push('CONFLUENCE_API_TOKEN is required when CONFLUENCE_SITE_URL or CONFLUENCE_EMAIL is set.');
  let normalisedUrl: string | undefined;
  if (siteUrl) {
    try {
      normalisedUrl = checkSiteUrl(siteUrl, confluenceSites);
    } catch (error) {
      problems.push(
        `CONFLUENCE_SITE_URL: ${error instanceof AppError ? error.userMessage : 'is not a valid URL'} (http:// is accepted only for a loopback host, outside production).`,
      );
    }
  }
  const rawSpaces = text(env, 'CONFLUENCE_SPACES');
  const spaces = rawSpaces === '*' ? '*' : list(rawSpaces);
  if (spaces !== '*') {
    const bad = spaces.filter((key) => !isWellFormedSpaceKey(key));
    if (bad.length > 0) problems.push(`CONFLUENCE_SPACES has invalid space keys: ${bad.join(', ')}.`);
  }
  const connectorName = text(env, 'CONFLUENCE_CONNECTOR_NAME') ?? 'default';
  const nameProblem = connectorNameProblem(connectorName);
  if (nameProblem !== undefined) problems.push(`CONFLUENCE_CONNECTOR_NAME: ${nameProblem}`);
  if (!normalisedUrl || !email || !apiToken || nameProblem !== undefined) return undefined;
  return {
    name: normalizeConnectorName(connectorName),
    siteUrl: normalisedUrl,
    email,
    apiToken: new Secret(apiToken),
    spaces,
  };
}
