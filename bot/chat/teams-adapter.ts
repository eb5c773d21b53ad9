/**
 * The Bot Framework adapter of the Teams edge: credentials from config, signing-key endpoints
 * (overridable for tests), and authentication split from the turn so the gate can check the tenant
 * in between. Nothing here decides who is served.
 */

import { TeamsAdapter } from '@microsoft/teams-ai';
import {
  type Activity,
  ConfigurationServiceClientCredentialFactory,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config.js';

/**
 * Where the Bot Framework publishes the keys that sign inbound tokens. Tests point this at a
 * loopback stub so authentication never needs the network; production leaves it unset (public cloud).
 */
export interface BotAuthEndpoints {
  /** OpenID metadata document for channel and Emulator/skill tokens alike. */
  readonly openIdMetadataUrl: string;
}

/** Runs one authenticated activity's turn with `logic`; resolves with the invoke response, if any. */
export type TurnRunner = (
  logic: (context: TurnContext) => Promise<void>,
) => Promise<InvokeResponse | undefined>;

/** The public cloud's values, spelled out because setting any endpoint makes botbuilder expect them all. */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
  ValidateAuthority: true,
};

/**
 * TeamsAdapter with authentication split from the turn, so the edge can check the tenant between
 * the two and answer every authentication failure itself (botbuilder's own `process` answers a
 * failed key download with 500 and the raw error text, and prints a stack trace per request).
 */
export class GatedTeamsAdapter extends TeamsAdapter {
  /** Authenticates `activity`; resolves with a runner for its turn. Throws on any failure. */
  async authenticate(activity: Activity, authorization: string): Promise<TurnRunner> {
    const result = await this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
    return (logic) => this.processActivity(result, activity, logic);
  }
}

/**
 * The adapter for `config.bot` (authentication off when BOT_ID is unset), checking tokens against
 * `authEndpoints` when given, else the Bot Framework public cloud.
 */
export function createGatedAdapter(config: Config, authEndpoints?: BotAuthEndpoints): GatedTeamsAdapter {
  const auth = {
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.password?.reveal() ?? '',
    MicrosoftAppType: config.bot.type,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  };
  const endpoints = authEndpoints
    ? {
        ...PUBLIC_CLOUD,
        ToBotFromChannelOpenIdMetadataUrl: authEndpoints.openIdMetadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: authEndpoints.openIdMetadataUrl,
      }
    : {};
  return new GatedTeamsAdapter(
    { ...auth, ...endpoints },
    new ConfigurationServiceClientCredentialFactory(auth),
  );
}

/** What botbuilder's `process` does to a parsed body before a turn: ISO strings become Dates. */
export function toBotActivity(body: Record<string, unknown>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}
