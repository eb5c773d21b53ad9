/**
 * The Teams edge assembled, and its inbound gate flow: a POST is checked for channel, then
 * authenticated, then checked for tenant, and only then runs as a turn. The adapter, the outbound
 * port and the routes live in teams-adapter.ts, teams-port.ts and teams-routes.ts.
 * This folder is the only code that imports botbuilder or teams-ai.
 */
import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { Config } from '../config.js';
import type { ChatHandler, ChatPort } from '../domain/chat.js';
import type { Logger } from '../logger.js';
import { type ConversationReferences, createConversationReferences } from './conversation-references.js';
import {
  checkChannel,
  checkInbound,
  createInboundPolicy,
  type InboundPolicy,
  type InboundRefusal,
} from './inbound-gate.js';
import {
  type BotAuthEndpoints,
  createGatedAdapter,
  type TurnRunner,
  toBotActivity,
} from './teams-adapter.js';
import { createTeamsPort, rememberReference } from './teams-port.js';
import { registerTeamsRoutes } from './teams-routes.js';

/** What became of one inbound POST, for the HTTP edge to answer. */
export type InboundOutcome =
  /** Authentication failed: answer 401 with no detail. `reason` is for one short log line only. */
  | { readonly kind: 'unauthorized'; readonly reason: string }
  /** Authenticated (or auth off) but from a tenant or channel the bot does not serve: answer 403. */
  | { readonly kind: 'refused'; readonly refusal: InboundRefusal }
  /** The turn ran: answer `status` with `body` (an invoke response, or 200 and nothing). */
  | { readonly kind: 'handled'; readonly status: number; readonly body?: unknown };

/** The Teams edge as the HTTP server and the core see it. */
export interface TeamsBot {
  readonly adapter: TeamsAdapter;
  readonly app: Application<TurnState>;
  readonly port: ChatPort;
  /** The tenants and channels served (from config). */
  readonly inboundPolicy: InboundPolicy;
  /**
   * Handles one parsed request body: channel check, authentication (Bot Framework JWT; skipped
   * when BOT_ID is unset), tenant check, then the turn. Nothing runs and nothing is sent before
   * all three pass. Rejects only when the turn itself fails unexpectedly.
   */
  receive(body: Record<string, unknown>, authorization: string): Promise<InboundOutcome>;
}

/** Options of the Teams edge. */
export interface TeamsEdgeOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** Signing-key endpoints (tests only); default: the Bot Framework public cloud. */
  readonly authEndpoints?: BotAuthEndpoints;
  /** Where real conversation references are kept (default: memory only). */
  readonly references?: ConversationReferences;
}

/**
 * The Teams edge before it serves: the Bot Framework adapter and the outbound port. Built first, so
 * the core gets a working port at construction; `serve` then builds the inbound side around the core.
 */
export interface TeamsEdge {
  readonly adapter: TeamsAdapter;
  readonly port: ChatPort;
  /** Builds the teams-ai Application with its routes for `handler`, behind the inbound gate. */
  serve(handler: ChatHandler, verbs: readonly string[]): TeamsBot;
}

/**
 * Builds the Teams edge: the Bot Framework adapter (authentication from config; off when BOT_ID is
 * unset) and a ChatPort for proactive posts and updates; `serve` adds the teams-ai Application.
 */
export function createTeamsEdge(options: TeamsEdgeOptions): TeamsEdge {
  const { config, logger } = options;
  const references = options.references ?? createConversationReferences();
  const adapter = createGatedAdapter(config, options.authEndpoints);
  const port = createTeamsPort({ adapter, config, references });

  const serve = (handler: ChatHandler, verbs: readonly string[]): TeamsBot => {
    const inboundPolicy = createInboundPolicy({
      authEnabled: config.bot.authEnabled,
      tenants: [...(config.bot.tenantId ? [config.bot.tenantId] : []), ...config.bot.allowedTenants],
    });
    const app = new Application<TurnState>({
      adapter,
      botAppId: config.bot.appId ?? '',
      removeRecipientMention: false,
      startTypingTimer: false,
      longRunningMessages: false,
    });
    registerTeamsRoutes(app, handler, verbs, logger);

    const receive = async (body: Record<string, unknown>, authorization: string): Promise<InboundOutcome> => {
      const channel = checkChannel(body, inboundPolicy);
      if (!channel.ok) return { kind: 'refused', refusal: channel.refusal };
      if (config.bot.authEnabled && authorization.trim().length === 0) {
        return { kind: 'unauthorized', reason: 'no Authorization header' };
      }
      const activity = toBotActivity(body);
      let run: TurnRunner;
      try {
        run = await adapter.authenticate(activity, authorization);
      } catch (error) {
        return { kind: 'unauthorized', reason: String((error as Error)?.message ?? error) };
      }
      const decision = checkInbound(body, inboundPolicy);
      if (!decision.ok) return { kind: 'refused', refusal: decision.refusal };
      const response = await run(async (context) => {
        rememberReference(references, context, logger);
        await app.run(context);
      });
      return { kind: 'handled', status: response?.status ?? 200, body: response?.body };
    };

    return { adapter, app, port, inboundPolicy, receive };
  };

  return { adapter, port, serve };
}

/** The Teams edge in one step (tests and tools that do not need the port before the core). */
export function createTeamsBot(
  options: TeamsEdgeOptions & { readonly handler: ChatHandler; readonly verbs: readonly string[] },
): TeamsBot {
  return createTeamsEdge(options).serve(options.handler, options.verbs);
}
