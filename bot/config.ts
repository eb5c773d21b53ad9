/**
 * The configuration's one entry: `loadConfig` turns an environment object into a frozen `Config`,
 * listing every problem at once. Each section is read by its own module (config-bot.ts,
 * config-confluence.ts, config-slack.ts); env files by config-env-files.ts.
 */
import { isAbsolute, resolve } from 'node:path';
import type { BotConfig } from './config-bot.js';
import { readBotConfig } from './config-bot.js';
import { readConfluenceConfig } from './config-confluence.js';
import { type EnvFileReader, readEnvironment } from './config-env-files.js';
import { type ModelConfig, readModelConfig } from './config-model.js';
import { readSlackConfig, type SlackConfig } from './config-slack.js';
import { type Env, flag, integer, list, text } from './config-values.js';
import type { SiteRules } from './confluence/site-host.js';
import type { BootstrapConnector } from './connectors/connector-input.js';
import type { Operation, Permission } from './domain/types.js';
import { AppError } from './errors.js';
import { Secret } from './secret.js';

export type { BotType } from './config-bot.js';
export type { ModelConfig } from './config-model.js';
export type { SlackConfig } from './config-slack.js';

/** Everything the bot reads from its environment, validated once and frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly production: boolean;
  readonly logLevel: string;
  readonly bot: BotConfig;
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
  /** The optional language model; `undefined` when no model key is set (offline only, the default). */
  readonly model?: ModelConfig;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

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
  const bot = readBotConfig(env, production, problems);

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

  const { confluenceSites, bootstrapConnector, policy } = readConfluenceConfig(env, production, problems);
  const approvalTtlHours = integer(env, 'APPROVAL_TTL_HOURS', 24, 1, 24 * 30, problems);
  const allowSelfApproval = flag(env, 'APPROVALS_ALLOW_SELF', problems);
  const approvalButtonsForAll = flag(env, 'APPROVALS_BUTTONS_FOR_ALL', problems);
  const confluenceTimeoutMs = integer(env, 'CONFLUENCE_TIMEOUT_MS', 15_000, 1_000, 120_000, problems);
  const logLevel = text(env, 'LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`);
  const slack = readSlackConfig(env, production, problems);
  const model = readModelConfig(env, production, problems);

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
    bot,
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
    ...(model ? { model } : {}),
  });
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
