/**
 * The Bot Framework section of the configuration (BOT_* variables): app id, password, tenants and
 * app type, and whether inbound authentication is on.
 */
import { type Env, list, text } from './config-values.js';
import { Secret } from './secret.js';

/** How the bot's Azure identity is registered. */
export type BotType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/** The BOT_* variables, checked. */
export interface BotConfig {
  readonly appId?: string;
  readonly password?: Secret;
  readonly tenantId?: string;
  /** BOT_ALLOWED_TENANTS: tenants served besides `tenantId` (every other tenant gets 403). */
  readonly allowedTenants: readonly string[];
  readonly type: BotType;
  /** False only when BOT_ID is unset (local development). */
  readonly authEnabled: boolean;
}

const BOT_TYPES: readonly BotType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

/** Reads the BOT_* variables (frozen); problems go to `problems`. */
export function readBotConfig(env: Env, production: boolean, problems: string[]): BotConfig {
  const appId = text(env, 'BOT_ID');
  const password = text(env, 'BOT_PASSWORD');
  const tenantId = text(env, 'BOT_TENANT_ID');
  const rawType = text(env, 'BOT_TYPE') ?? 'MultiTenant';
  const type = BOT_TYPES.find((t) => t.toLowerCase() === rawType.toLowerCase());
  if (!type) problems.push(`BOT_TYPE must be one of ${BOT_TYPES.join(', ')} (got "${rawType}").`);
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
  return Object.freeze({
    appId,
    password: password ? new Secret(password) : undefined,
    tenantId,
    allowedTenants: Object.freeze(allowedTenants),
    type: type ?? 'MultiTenant',
    authEnabled: appId !== undefined,
  });
}
