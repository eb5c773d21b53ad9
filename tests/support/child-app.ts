/**
 * The real bot for a test's child process (the approvals crash test, the soak): `createApp`
 * configured from the environment as `bot/index.ts` does, logging to stderr at LOG_LEVEL (default
 * warn), with the harness's test seams: no expiry timer, no real DNS, short Confluence timeouts.
 */
import { type App, createApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createConfluenceClient } from '../../bot/confluence/client.js';
import { createLogger } from '../../bot/logger.js';

/** Builds the app (not listening); `purpose` names the caller in the no-DNS error. */
export async function createChildApp(purpose: string, confluenceTimeoutMs: number): Promise<App> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', destination: process.stderr });
  return createApp(config, logger, {
    gatewayUrl: process.env.CONFLUENCE_SITE_URL ?? 'http://127.0.0.1:1',
    expirySweepMs: 0,
    lookupHost: async (hostname) => {
      throw new Error(`no DNS in ${purpose} (${hostname})`);
    },
    createClient: (connection, log) =>
      createConfluenceClient(connection, {
        timeoutMs: confluenceTimeoutMs,
        maxRetries: 2,
        logger: log,
        maxWaitMs: 5_000,
      }),
  });
}
