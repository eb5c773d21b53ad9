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

/** Outbound clients kept per key; a bot meets a handful of service URLs, so this is never reached. */
const MAX_KEPT_CLIENTS = 64;

/**
 * The client kept under `key`, else a new one from `create` (kept unless it fails). Bounded: the
 * oldest is dropped beyond MAX_KEPT_CLIENTS.
 */
function keptClient<T>(kept: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const found = kept.get(key);
  if (found) return found;
  const created = create();
  kept.set(key, created);
  created.catch(() => kept.delete(key));
  if (kept.size > MAX_KEPT_CLIENTS) {
    const oldest = kept.keys().next().value;
    if (oldest !== undefined) kept.delete(oldest);
  }
  return created;
}

/**
 * TeamsAdapter with authentication split from the turn, so the edge can check the tenant between
 * the two and answer every authentication failure itself (botbuilder's own `process` answers a
 * failed key download with 500 and the raw error text, and prints a stack trace per request).
 *
 * It also keeps the outbound clients between turns: botbuilder builds a new ConnectorClient and a
 * new UserTokenClient (each a fresh HTTP pipeline) for every activity, about 11% of a search turn's
 * CPU in the side-by-side bench (issue 14). They hold no per-turn state, so one per bot app id,
 * service URL and audience serves every turn (the credentials inside cache and renew their tokens).
 */
export class GatedTeamsAdapter extends TeamsAdapter {
  readonly #connectors = new Map<string, Promise<unknown>>();

  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    const auth = this.botFrameworkAuthentication;
    const createUserTokenClient = auth.createUserTokenClient.bind(auth);
    const userTokenClients = new Map<string, ReturnType<typeof createUserTokenClient>>();
    auth.createUserTokenClient = (claims) =>
      keptClient(userTokenClients, claims.getClaimValue('aud') ?? '', () => createUserTokenClient(claims));
  }

  /** Authenticates `activity`; resolves with a runner for its turn. Throws on any failure. */
  async authenticate(activity: Activity, authorization: string): Promise<TurnRunner> {
    const result = await this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
    const inner = result.connectorFactory;
    if (!inner) return (logic) => this.processActivity(result, activity, logic);
    const appId = result.claimsIdentity.getClaimValue('aud') ?? '';
    type Client = Awaited<ReturnType<typeof inner.create>>;
    const connectorFactory: typeof inner = {
      create: (serviceUrl, audience) =>
        keptClient(
          this.#connectors as Map<string, Promise<Client>>,
          JSON.stringify([appId, serviceUrl, audience ?? '']),
          () => inner.create(serviceUrl, audience),
        ),
    };
    const reusing = { ...result, connectorFactory };
    return (logic) => this.processActivity(reusing, activity, logic);
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
