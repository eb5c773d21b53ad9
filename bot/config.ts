import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { checkSiteUrl, parseAllowedHosts, type SiteRules, siteRulesFor } from './confluence/site-host.js';
import { isLoopbackHost } from './confluence/site-url.js';
import { connectorNameProblem, normalizeConnectorName } from './connectors/connector-name.js';
import type { Operation, Permission } from './domain/types.js';
import { AppError } from './errors.js';
import { DEFAULT_POLICY, parsePolicySpec } from './policy/policy-spec.js';
import { isWellFormedSpaceKey } from './policy/space-keys.js';
import { Secret } from './secret.js';

export type BotType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/** The bootstrap connector described by CONFLUENCE_* variables. */
export interface BootstrapConnector {
  readonly name: string;
  readonly siteUrl: string;
  readonly email: string;
  readonly apiToken: Secret;
  readonly spaces: readonly string[] | '*';
}

/** The Slack edge (SLACK_* variables). Present only when SLACK_BOT_TOKEN is set. */
export interface SlackConfig {
  /** Bot token (`xoxb-…`) for Web API calls. */
  readonly botToken: Secret;
  /** Verifies `POST /slack/events`; required in HTTP mode, unused in Socket Mode. */
  readonly signingSecret?: Secret;
  /** App-level token (`xapp-…`): when set, events arrive over Socket Mode instead of HTTP. */
  readonly appToken?: Secret;
  /** Where Web API calls go, ending in `/` (default `https://slack.com/api/`). */
  readonly apiUrl: string;
  readonly mode: 'http' | 'socket';
}

/** Slack's Web API base URL when SLACK_API_URL is unset. */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/** Everything the bot reads from its environment, validated once and frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly production: boolean;
  readonly logLevel: string;
  readonly bot: {
    readonly appId?: string;
    readonly password?: Secret;
    readonly tenantId?: string;
    /** BOT_ALLOWED_TENANTS: tenants served besides `tenantId` (every other tenant gets 403). */
    readonly allowedTenants: readonly string[];
    readonly type: BotType;
    /** False only when BOT_ID is unset (local development). */
    readonly authEnabled: boolean;
  };
  readonly secretKeyBase64?: Secret;
  /** Which Confluence hosts may receive a token (CONFLUENCE_ALLOWED_HOSTS; loopback outside production). */
  readonly confluenceSites: SiteRules;
  readonly bootstrapConnector?: BootstrapConnector;
  readonly policy: Readonly<Record<Operation, Permission>>;
  readonly admins: readonly string[];
  readonly approvers: readonly string[];
  readonly approvalTtlHours: number;
  readonly allowSelfApproval: boolean;
  /**
   * Put Approve/Reject on the shared approval card instead of relying on Teams' per-user refresh.
   * For clients without refresh support (the Agents Playground); the server still checks every click.
   */
  readonly approvalButtonsForAll: boolean;
  readonly confluenceTimeoutMs: number;
  /** The Slack edge; `undefined` when SLACK_BOT_TOKEN is unset (Slack off). */
  readonly slack?: SlackConfig;
}

type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
    return fallback;
  }
  return value;
}

function flag(env: Env, name: string, problems: string[]): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return false;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  problems.push(`${name} must be true or false (got "${raw}").`);
  return false;
}

/**
 * SLACK_API_URL as given, checked like a Confluence site: `https://`, or `http://` to a loopback
 * host outside production (the local fake); no credentials, query or fragment. Returns the URL with
 * a trailing `/` (the Web API client appends method names to it).
 */
function slackApiUrl(raw: string, production: boolean, problems: string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push('SLACK_API_URL must be a URL such as https://slack.com/api/.');
    return undefined;
  }
  const loopbackHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname) && !production;
  if (url.protocol !== 'https:' && !loopbackHttp) {
    problems.push(
      'SLACK_API_URL must use https:// (http:// is accepted only for a loopback host, outside production).',
    );
    return undefined;
  }
  if (
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    raw.includes('?')
  ) {
    problems.push('SLACK_API_URL must not carry credentials, a query or a fragment.');
    return undefined;
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Reads the SLACK_* variables; `undefined` when Slack is off. Problems go to `problems`. */
function slackConfig(env: Env, production: boolean, problems: string[]): SlackConfig | undefined {
  const botToken = text(env, 'SLACK_BOT_TOKEN');
  const signingSecret = text(env, 'SLACK_SIGNING_SECRET');
  const appToken = text(env, 'SLACK_APP_TOKEN');
  const rawApiUrl = text(env, 'SLACK_API_URL');
  if (botToken === undefined) {
    const orphans = [
      signingSecret && 'SLACK_SIGNING_SECRET',
      appToken && 'SLACK_APP_TOKEN',
      rawApiUrl && 'SLACK_API_URL',
    ].filter((name): name is string => typeof name === 'string');
    if (orphans.length > 0)
      problems.push(
        `SLACK_BOT_TOKEN is required when ${orphans.join(', ')} is set (unset all to turn Slack off).`,
      );
    return undefined;
  }
  const before = problems.length;
  if (!botToken.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN must be a bot token (xoxb-…).');
  if (appToken !== undefined && !appToken.startsWith('xapp-'))
    problems.push('SLACK_APP_TOKEN must be an app-level token (xapp-…) with the connections:write scope.');
  if (appToken === undefined && signingSecret === undefined)
    problems.push(
      'SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN for Socket Mode).',
    );
  const apiUrl =
    rawApiUrl === undefined ? DEFAULT_SLACK_API_URL : slackApiUrl(rawApiUrl, production, problems);
  if (problems.length > before || apiUrl === undefined) return undefined;
  return Object.freeze({
    botToken: new Secret(botToken),
    ...(signingSecret !== undefined ? { signingSecret: new Secret(signingSecret) } : {}),
    ...(appToken !== undefined ? { appToken: new Secret(appToken) } : {}),
    apiUrl,
    mode: appToken !== undefined ? 'socket' : 'http',
  });
}

/**
 * Builds the configuration from an environment object (a pure function: it reads nothing else).
 * Collects every problem (after `options.problems`, found while reading env files) and throws one
 * AppError('CONFIG_INVALID') whose message lists them all.
 */
export function loadConfig(env: Env, options: { cwd?: string; problems?: readonly string[] } = {}): Config {
  const problems: string[] = [...(options.problems ?? [])];
  const cwd = options.cwd ?? '.';
  // Case-insensitive: `NODE_ENV=Production` must not start with production safeguards off.
  const production = text(env, 'NODE_ENV')?.toLowerCase() === 'production';

  const port = integer(env, 'PORT', 3978, 0, 65535, problems);
  const rawDataDir = text(env, 'DATA_DIR') ?? './data';
  const dataDir = isAbsolute(rawDataDir) ? rawDataDir : resolve(cwd, rawDataDir);

  const appId = text(env, 'BOT_ID');
  const password = text(env, 'BOT_PASSWORD');
  const tenantId = text(env, 'BOT_TENANT_ID');
  const rawType = text(env, 'BOT_TYPE') ?? 'MultiTenant';
  const botTypes: BotType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
  const type = botTypes.find((t) => t.toLowerCase() === rawType.toLowerCase());
  if (!type) problems.push(`BOT_TYPE must be one of ${botTypes.join(', ')} (got "${rawType}").`);
  if (appId && !password && type !== 'UserAssignedMSI')
    problems.push('BOT_PASSWORD is required when BOT_ID is set.');
  if (appId && type === 'SingleTenant' && !tenantId)
    problems.push('BOT_TENANT_ID is required for a SingleTenant bot.');
  const allowedTenants = list(text(env, 'BOT_ALLOWED_TENANTS'));
  if (appId && type !== 'SingleTenant' && !tenantId && allowedTenants.length === 0)
    problems.push(
      'BOT_TENANT_ID (or BOT_ALLOWED_TENANTS) is required when BOT_ID is set: activities from any other tenant are refused.',
    );
  if (!appId && production)
    problems.push('BOT_ID must be set in production (inbound authentication is off without it).');

  const secretKey = text(env, 'SECRET_KEY');
  if (secretKey !== undefined) {
    const bytes = Buffer.from(secretKey, 'base64');
    if (bytes.length !== 32 || bytes.toString('base64') !== secretKey.replace(/\s/g, '')) {
      problems.push(
        'SECRET_KEY must be the base64 encoding of exactly 32 random bytes (e.g. `openssl rand -base64 32`).',
      );
    }
  } else if (production) {
    problems.push('SECRET_KEY must be set in production (it encrypts API tokens at rest).');
  }

  if (production && text(env, 'APP_ENV')?.toLowerCase() === 'local') {
    problems.push(
      'APP_ENV=local is the development profile (self-approval, Approve buttons for everyone, the Playground admins) and is refused with NODE_ENV=production: unset APP_ENV or name your own env file.',
    );
  }

  const allowedHosts = parseAllowedHosts(text(env, 'CONFLUENCE_ALLOWED_HOSTS'));
  if (allowedHosts.bad.length > 0) {
    problems.push(
      `CONFLUENCE_ALLOWED_HOSTS takes host names or *.domain wildcards, without scheme, port or IP address (not: ${allowedHosts.bad.join(', ')}).`,
    );
  }
  const confluenceSites = siteRulesFor(production, allowedHosts.hosts);

  let bootstrapConnector: BootstrapConnector | undefined;
  const siteUrl = text(env, 'CONFLUENCE_SITE_URL');
  const email = text(env, 'CONFLUENCE_EMAIL');
  const apiToken = text(env, 'CONFLUENCE_API_TOKEN');
  if (siteUrl || email || apiToken) {
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
    if (normalisedUrl && email && apiToken && nameProblem === undefined) {
      bootstrapConnector = {
        name: normalizeConnectorName(connectorName),
        siteUrl: normalisedUrl,
        email,
        apiToken: new Secret(apiToken),
        spaces,
      };
    }
  }

  let policy: Record<Operation, Permission> = { ...DEFAULT_POLICY };
  const rawPolicy = text(env, 'CONFLUENCE_POLICY');
  if (rawPolicy !== undefined) {
    try {
      policy = parsePolicySpec(rawPolicy);
    } catch (error) {
      problems.push(`CONFLUENCE_POLICY: ${error instanceof AppError ? error.message : String(error)}`);
    }
  }

  const approvalTtlHours = integer(env, 'APPROVAL_TTL_HOURS', 24, 1, 24 * 30, problems);
  const allowSelfApproval = flag(env, 'APPROVALS_ALLOW_SELF', problems);
  const approvalButtonsForAll = flag(env, 'APPROVALS_BUTTONS_FOR_ALL', problems);
  const confluenceTimeoutMs = integer(env, 'CONFLUENCE_TIMEOUT_MS', 15_000, 1_000, 120_000, problems);
  const logLevel = text(env, 'LOG_LEVEL') ?? 'info';
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${levels.join(', ')}.`);
  const slack = slackConfig(env, production, problems);

  if (problems.length > 0) {
    throw new AppError('CONFIG_INVALID', {
      message: `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      details: { problems },
    });
  }

  return Object.freeze({
    port,
    host: text(env, 'HOST') ?? '0.0.0.0',
    dataDir,
    production,
    logLevel,
    bot: Object.freeze({
      appId,
      password: password ? new Secret(password) : undefined,
      tenantId,
      allowedTenants: Object.freeze(allowedTenants),
      type: type ?? 'MultiTenant',
      authEnabled: appId !== undefined,
    }),
    secretKeyBase64: secretKey ? new Secret(secretKey) : undefined,
    confluenceSites,
    bootstrapConnector,
    policy: Object.freeze(policy),
    admins: Object.freeze(list(text(env, 'BOT_ADMINS'))),
    approvers: Object.freeze(list(text(env, 'BOT_APPROVERS'))),
    approvalTtlHours,
    allowSelfApproval,
    approvalButtonsForAll,
    confluenceTimeoutMs,
    slack,
  });
}

/** Reads a file's text, or `undefined` when it does not exist (injectable so tests need no files). */
export type EnvFileReader = (path: string) => string | undefined;

/** The real file system reader for env files. */
export const readEnvFile: EnvFileReader = (path) =>
  existsSync(path) ? readFileSync(path, 'utf8') : undefined;

/**
 * Reads `env/.env.<name>` and `env/.env.<name>.user` (when present) as defaults under the real
 * environment: a variable set in `processEnv` always wins. `SECRET_`-prefixed names in the
 * `.user` file (Teams Toolkit style) also fill the unprefixed name (`SECRET_BOT_PASSWORD` → `BOT_PASSWORD`).
 */
export function mergeEnvFiles(
  processEnv: Env,
  envDir: string,
  name: string,
  readFile: EnvFileReader = readEnvFile,
): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = {};
  for (const file of [`.env.${name}`, `.env.${name}.user`]) {
    const content = readFile(resolve(envDir, file));
    if (content === undefined) continue;
    const parsed = parseEnv(content) as Record<string, string>;
    for (const [key, value] of Object.entries(parsed)) {
      merged[key] = value;
      if (key.startsWith('SECRET_')) merged[key.slice('SECRET_'.length)] = value;
    }
  }
  for (const [key, value] of Object.entries(processEnv)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/**
 * What `npm start` runs on: the real environment, plus `env/.env.<APP_ENV>` (and its `.user` twin)
 * only when APP_ENV names one. No file is read when APP_ENV is unset, so the development profile
 * (`env/.env.local`: self-approval, shared Approve buttons, the Playground's admins) never applies by
 * itself. Problems (a bad or missing APP_ENV file) are returned for `loadConfig` to list with the rest.
 */
export function readEnvironment(
  processEnv: Env,
  options: { envDir: string; readFile?: EnvFileReader },
): { env: Record<string, string | undefined>; problems: string[] } {
  const readFile = options.readFile ?? readEnvFile;
  const name = processEnv.APP_ENV?.trim();
  if (!name) return { env: { ...processEnv }, problems: [] };
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(name)) {
    return {
      env: { ...processEnv },
      problems: ['APP_ENV must name an env file: letters, digits, `-` or `_` (env/.env.<APP_ENV>).'],
    };
  }
  if (readFile(resolve(options.envDir, `.env.${name}`)) === undefined) {
    return { env: { ...processEnv }, problems: [`APP_ENV=${name}, but env/.env.${name} does not exist.`] };
  }
  return { env: mergeEnvFiles(processEnv, options.envDir, name, readFile), problems: [] };
}

/**
 * `readEnvironment` then `loadConfig`: the whole startup configuration step of `npm start`.
 *
 * @throws AppError `CONFIG_INVALID` listing every problem, file problems included.
 */
export function loadConfigFromEnvironment(
  processEnv: Env,
  options: { envDir: string; cwd?: string; readFile?: EnvFileReader },
): Config {
  const { env, problems } = readEnvironment(processEnv, options);
  return loadConfig(env, { ...(options.cwd ? { cwd: options.cwd } : {}), problems });
}

/**
 * Warnings to log at startup for settings that weaken a safeguard. Each is off unless set
 * explicitly, and an operator should see it every time the bot starts.
 */
export function startupWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (!config.bot.authEnabled)
    warnings.push('BOT_ID is not set: inbound authentication is OFF. Use this only for local development.');
  if (config.allowSelfApproval)
    warnings.push(
      'APPROVALS_ALLOW_SELF is on: requesters can approve their own writes (no four-eyes check).',
    );
  if (config.approvalButtonsForAll)
    warnings.push(
      'APPROVALS_BUTTONS_FOR_ALL is on: Approve/Reject are on the shared card (the server still checks every click).',
    );
  return warnings;
}
