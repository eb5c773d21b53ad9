import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type App, createApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createConfluenceClient } from '../../bot/confluence/client.js';
import type { HostLookup } from '../../bot/confluence/site-host.js';
import { createLogger } from '../../bot/logger.js';
import {
  actionActivity,
  messageActivity,
  sendToBot,
  type TestConversation,
  type TestUser,
  USERS,
} from './activities.js';
import { type ChannelStub, startChannelStub } from './channel-stub.js';
import {
  type ConfluenceSimulator,
  DEFAULT_ACCOUNTS,
  startConfluenceSimulator,
} from './confluence-simulator/index.js';

/** A running bot wired to a Confluence simulator and a recording channel, all on loopback. */
export interface Harness {
  readonly app: App;
  readonly botUrl: string;
  readonly channel: ChannelStub;
  readonly confluence: ConfluenceSimulator;
  readonly dataDir: string;
  /** Every log line the bot wrote. */
  readonly logs: string[];
  /** Sends a message as `from` and waits for the turn to finish; returns the calls it caused. */
  say(
    text: string,
    options?: { from?: TestUser; conversation?: TestConversation; mentions?: TestUser[] },
  ): Promise<SayResult>;
  /** Clicks an Action.Execute button; returns the invoke response body. */
  click(
    verb: string,
    data: Record<string, unknown>,
    options?: { from?: TestUser; conversation?: TestConversation; replyToId?: string },
  ): Promise<ClickResult>;
  close(): Promise<void>;
}

export interface SayResult {
  readonly status: number;
  /** Activities the bot posted during this turn. */
  readonly posts: Record<string, unknown>[];
  /** The first posted card's content, if any. */
  readonly card?: Record<string, unknown>;
  /** Concatenated text of what was posted (text + card TextBlocks/TextRuns), for assertions. */
  readonly text: string;
}

export interface ClickResult {
  readonly status: number;
  readonly body: { statusCode?: number; type?: string; value?: unknown } | undefined;
  readonly card?: Record<string, unknown>;
  readonly text: string;
  readonly updates: Record<string, unknown>[];
  readonly posts: Record<string, unknown>[];
}

/** Tests never query real DNS: a site host name that is not loopback resolves to nothing. */
const refuseRealDns: HostLookup = async (hostname) => {
  throw new Error(`no DNS in tests (${hostname})`);
};

/** All human-visible strings of a card or activity, joined (TextBlock text, TextRun text, titles, facts). */
export function visibleText(value: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (
          (key === 'text' ||
            key === 'title' ||
            key === 'value' ||
            key === 'placeholder' ||
            key === 'label') &&
          typeof child === 'string'
        )
          out.push(child);
        else walk(child);
      }
    }
  };
  walk(value);
  return out.join('\n');
}

function cardOf(activity: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const attachments = activity?.attachments as { content?: Record<string, unknown> }[] | undefined;
  return attachments?.[0]?.content;
}

/**
 * Starts simulator + channel stub + bot (port 0, fresh DATA_DIR). `env` overrides the defaults:
 * bootstrap connector to the simulator's bot account with ENG, HR, OPS, admins/approvers from USERS.
 */
/**
 * The environment every test bot runs with: loopback, the simulator's bot account on ENG, HR and OPS,
 * the test users as admin and approvers, debug logs (a child process may lower them).
 */
export function harnessEnv(confluenceUrl: string, dataDir: string): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CONFLUENCE_SITE_URL: confluenceUrl,
    CONFLUENCE_EMAIL: DEFAULT_ACCOUNTS.bot.email,
    CONFLUENCE_API_TOKEN: DEFAULT_ACCOUNTS.bot.apiToken,
    CONFLUENCE_SPACES: 'ENG,HR,OPS',
    BOT_ADMINS: USERS.admin.aadObjectId,
    BOT_APPROVERS: `${USERS.lead.aadObjectId},${USERS.lead2.id}`,
    LOG_LEVEL: 'debug',
  };
}

export async function startHarness(
  env: Record<string, string> = {},
  options: {
    now?: () => Date;
    lookupHost?: HostLookup;
    /** Signing-key endpoints for inbound auth (a loopback stub: see bot-framework-auth.ts). */
    botAuthEndpoints?: { readonly openIdMetadataUrl: string };
  } = {},
): Promise<Harness> {
  const confluence = await startConfluenceSimulator();
  const channel = await startChannelStub();
  // Every test user is in every conversation unless a test sets a roster of its own.
  channel.setMembers('*', Object.values(USERS));
  const dataDir = await mkdtemp(join(tmpdir(), 'ca-harness-'));
  const config = loadConfig({ ...harnessEnv(confluence.url, dataDir), ...env });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  const app = await createApp(config, logger, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.botAuthEndpoints ? { botAuthEndpoints: options.botAuthEndpoints } : {}),
    gatewayUrl: confluence.url,
    expirySweepMs: 0,
    lookupHost: options.lookupHost ?? refuseRealDns,
    createClient: (connection, log) =>
      createConfluenceClient(connection, { timeoutMs: 3_000, maxRetries: 2, logger: log, maxWaitMs: 5_000 }),
  });
  const port = await app.http.listen(0, '127.0.0.1');
  const botUrl = `http://127.0.0.1:${port}`;

  return {
    app,
    botUrl,
    channel,
    confluence,
    dataDir,
    logs,
    async say(text, sayOptions = {}) {
      const before = channel.calls.length;
      const { status } = await sendToBot(botUrl, messageActivity(channel.url, text, sayOptions));
      const posts = channel.calls.slice(before).map((call) => call.activity);
      return {
        status,
        posts,
        card: cardOf(posts.find((p) => cardOf(p))),
        text: posts.map((p) => visibleText(p)).join('\n'),
      };
    },
    async click(verb, data, clickOptions = {}) {
      const before = channel.calls.length;
      const { status, body } = await sendToBot(
        botUrl,
        actionActivity(channel.url, verb, data, { ...clickOptions, from: clickOptions.from ?? USERS.lead }),
      );
      const calls = channel.calls.slice(before);
      const typed = body as ClickResult['body'];
      const value = typed?.value;
      const card = value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
      return {
        status,
        body: typed,
        ...(card ? { card } : {}),
        text: typeof value === 'string' ? value : visibleText(card),
        updates: calls.filter((c) => c.method === 'PUT').map((c) => c.activity),
        posts: calls.filter((c) => c.method === 'POST').map((c) => c.activity),
      };
    },
    async close() {
      await app.close();
      await channel.close();
      await confluence.close();
      // Stores save in the background (people, conversation references): retry while a last write lands.
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    },
  };
}

export { USERS };
