import { setTimeout as delay } from 'node:timers/promises';
import { compactApprovalChange } from './approvals/approval-change.js';
import { createApprovalService } from './approvals/approval-service.js';
import { openApprovalStore } from './approvals/approval-store.js';
import { expireDueApprovals } from './approvals/expire-approvals.js';
import { startInterruptedRecovery } from './approvals/recover-interrupted.js';
import { checkTokenExpiry, createAdminNotifier, createAuditHeadNotifier } from './assistant/admin-notices.js';
import { createAssistant } from './assistant/create-assistant.js';
import type { AssistantDeps, ClientProvider } from './assistant/deps.js';
import { openPeopleDirectory } from './assistant/people.js';
import { deriveAuditAnchorKey, openAuditLog } from './audit/audit-log.js';
import type { AuditLog } from './audit/types.js';
import { openConversationReferences } from './chat/conversation-references.js';
import type { BotAuthEndpoints } from './chat/teams-adapter.js';
import { createTeamsEdge, type TeamsBot } from './chat/teams-bot.js';
import type { Config, SlackConfig } from './config.js';
import { createConfluenceClient } from './confluence/client.js';
import { closePageWorker } from './confluence/convert-off-thread.js';
import type { HostLookup } from './confluence/site-host.js';
import type { ConfluenceClient, ConfluenceConnection } from './confluence/types.js';
import { openConnectorStore } from './connectors/connector-store.js';
import { loadSecretKey } from './connectors/secret-key.js';
import { routeByPlatform } from './domain/route-by-platform.js';
import type { Logger } from './logger.js';
import { openSettingsStore } from './policy/settings-store.js';
import { createHttpServer, type HttpServer } from './server.js';
import type { DeferredSlackTransport } from './slack/transport-deferred.js';
import type { StartedSlackEdge } from './slack/transport-startup.js';
import { secureDataDir } from './stores/secure-data-dir.js';
import { ALL_VERBS } from './views/verbs.js';

/** Seams tests may replace. */
export interface AppOverrides {
  readonly now?: () => Date;
  /** Builds a Confluence client for a connection (tests inject short timeouts or a fake fetch). */
  readonly createClient?: (connection: ConfluenceConnection, logger: Logger) => ConfluenceClient;
  /** Where scoped tokens are tried (`https://api.atlassian.com` in production). */
  readonly gatewayUrl?: string;
  /** How often pending approvals are checked for expiry (ms); 0 disables the timer. */
  readonly expirySweepMs?: number;
  /** Where inbound Bot Framework tokens' signing keys come from (tests: a loopback stub). */
  readonly botAuthEndpoints?: BotAuthEndpoints;
  /** Resolves site host names for the connect/rotate host check (tests inject one: no real DNS). */
  readonly lookupHost?: HostLookup;
  /** Backoff steps of Slack's auth.test retries (ms); tests pass short ones. */
  readonly slackAuthRetryMs?: readonly number[];
}

/** The whole bot, built but not listening. */
export interface App {
  readonly http: HttpServer;
  readonly bot: TeamsBot;
  /**
   * The Slack transport when SLACK_BOT_TOKEN is set (HTTP handler or Socket Mode); it serves events
   * once auth.test has succeeded, which is retried in the background (HTTP events get 503 until then).
   */
  readonly slack?: DeferredSlackTransport;
  readonly deps: AssistantDeps;
  readonly audit: AuditLog;
  /** Runs one expiry sweep now, then prunes finished requests past retention (the timer runs it periodically). */
  sweepExpired(): Promise<number>;
  /** Runs the token expiry check now (hourly timer; each connector is warned at most once a day). */
  checkTokens(): Promise<string[]>;
  /** Posts the audit head to the admins' conversation now if not yet this UTC day (hourly timer). */
  postAuditHead(): Promise<boolean>;
  /** Stops timers, drains HTTP turns and flushes the stores. */
  close(): Promise<void>;
}

/**
 * How long startup waits for Slack's first auth.test: a Slack that answers is ready before the server
 * listens, and an unreachable one delays Teams by at most this (the retries go on in the background).
 */
const FIRST_SLACK_AUTH_WAIT_MS = 2_000;

/** Starts the Slack edge, loading its code (Bolt, the Web API client) only when Slack is configured. */
async function startSlack(
  config: SlackConfig,
  logger: Logger,
  overrides: AppOverrides,
): Promise<StartedSlackEdge> {
  const { startSlackEdge } = await import('./slack/transport-startup.js');
  const started = startSlackEdge({
    config,
    logger: logger.child({ edge: 'slack' }),
    ...(overrides.slackAuthRetryMs ? { authRetryDelaysMs: overrides.slackAuthRetryMs } : {}),
  });
  await Promise.race([started.auth.ready, delay(FIRST_SLACK_AUTH_WAIT_MS, undefined, { ref: false })]);
  return started;
}

/**
 * Builds everything from config: stores under DATA_DIR (a corrupt file stops here with a message
 * naming it), the Confluence client factory, the core, the Teams edge and the HTTP server.
 * Never listens: `bot/index.ts` does.
 */
export async function createApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  const now = overrides.now ?? (() => new Date());
  await secureDataDir(config.dataDir, logger);
  const secretKey = await loadSecretKey({
    ...(config.secretKeyBase64 ? { secretKeyBase64: config.secretKeyBase64.reveal() } : {}),
    dataDir: config.dataDir,
    logger,
    allowGenerate: !config.production,
  });
  const connectors = await openConnectorStore({ dataDir: config.dataDir, key: secretKey.key, now });
  await connectors.ensureBootstrap(config.bootstrapConnector);
  const settings = await openSettingsStore({ dataDir: config.dataDir, now });
  const approvalStore = await openApprovalStore({ dataDir: config.dataDir, logger });
  const approvals = createApprovalService({
    store: approvalStore,
    now,
    ttlMs: config.approvalTtlHours * 60 * 60 * 1000,
    allowSelfApproval: config.allowSelfApproval,
    compactFinished: compactApprovalChange,
  });
  const people = await openPeopleDirectory(config.dataDir, logger);
  const references = await openConversationReferences(config.dataDir, logger);
  // Last of the stores: it is the one that keeps a file open (the open segment), and nothing after
  // it opens a file of DATA_DIR, so a corrupt store file stops startup before that handle exists.
  const audit = await openAuditLog({
    dataDir: config.dataDir,
    logger,
    anchorKey: deriveAuditAnchorKey(secretKey.key),
  });

  const createClient =
    overrides.createClient ??
    ((connection: ConfluenceConnection, log: Logger) =>
      createConfluenceClient(connection, { timeoutMs: config.confluenceTimeoutMs, logger: log }));
  const cache = new Map<string, ConfluenceClient>();
  const clients: ClientProvider = {
    get(name) {
      let client = cache.get(name);
      if (!client) {
        client = createClient(connectors.getConnection(name), logger.child({ connector: name }));
        cache.set(name, client);
      }
      return client;
    },
    forget: (name) => cache.delete(name),
    forConnection: (connection) => createClient(connection, logger),
  };

  const teams = createTeamsEdge({
    config,
    logger,
    references,
    ...(overrides.botAuthEndpoints ? { authEndpoints: overrides.botAuthEndpoints } : {}),
  });
  // The signature window runs on the real clock, not the core's (tests move that one).
  const slackStart = config.slack ? await startSlack(config.slack, logger, overrides) : undefined;
  const slack = slackStart?.edge;
  const port = routeByPlatform({ teams: teams.port, ...(slack ? { slack: slack.port } : {}) });
  const deps: AssistantDeps = {
    config,
    logger,
    now,
    audit,
    connectors,
    settings,
    approvals,
    clients,
    port,
    gatewayUrl: overrides.gatewayUrl ?? 'https://api.atlassian.com',
    people,
    notifyAdmins: createAdminNotifier({ now, logger, port, settings }),
    ...(slack ? { verifiedEmail: slack.verifiedEmail } : {}),
    ...(overrides.lookupHost ? { lookupHost: overrides.lookupHost } : {}),
  };
  const handler = createAssistant(deps);
  const bot = teams.serve(handler, ALL_VERBS);
  const slackTransport = slack?.serve(handler);
  const socket = slackTransport?.mode === 'socket' ? slackTransport.socket : undefined;
  const server = createHttpServer({
    bot,
    ...(slackTransport?.mode === 'http' ? { slack: slackTransport.http } : {}),
    logger,
    health: () => ({ connectors: connectors.list().length, authEnabled: config.bot.authEnabled }),
    audit,
    now,
  });
  // Socket Mode opens its WebSocket once the server listens, and closes before the server drains.
  const http: HttpServer = {
    server: server.server,
    async listen(listenPort, host) {
      const bound = await server.listen(listenPort, host);
      await socket?.start();
      return bound;
    },
    async close() {
      await socket?.stop();
      await server.close();
    },
  };

  const sweepExpired = async () => {
    try {
      const expired = await expireDueApprovals(deps);
      await approvals.pruneFinished();
      return expired;
    } catch (error) {
      logger.error({ err: String(error) }, 'expiry sweep failed');
      return 0;
    }
  };
  const checkTokens = async () => {
    try {
      return await checkTokenExpiry(deps, deps.notifyAdmins);
    } catch (error) {
      logger.error({ err: String(error) }, 'token expiry check failed');
      return [];
    }
  };
  const postAuditHead = createAuditHeadNotifier(deps);
  const sweepMs = overrides.expirySweepMs ?? 60_000;
  const timer = sweepMs > 0 ? setInterval(() => void sweepExpired(), sweepMs) : undefined;
  timer?.unref();
  const tokenTimer =
    sweepMs > 0
      ? setInterval(
          () => {
            void checkTokens();
            void postAuditHead();
          },
          60 * 60 * 1000,
        )
      : undefined;
  tokenTimer?.unref();
  if (sweepMs > 0) setTimeout(() => void checkTokens(), 5_000).unref();
  // Requests whose write a crash interrupted: Confluence is asked in the background whether each
  // landed, so startup never waits for it (clicks on them are refused until each is decided).
  const recovery = startInterruptedRecovery(deps);

  return {
    http,
    bot,
    ...(slackTransport ? { slack: slackTransport } : {}),
    deps,
    audit,
    sweepExpired,
    checkTokens,
    postAuditHead,
    async close() {
      if (timer) clearInterval(timer);
      if (tokenTimer) clearInterval(tokenTimer);
      await recovery.stop();
      slackStart?.auth.stop();
      await http.close();
      await audit.close();
      await closePageWorker();
    },
  };
}
