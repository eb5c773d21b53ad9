import { resolve } from 'node:path';
import { createApp } from './app.js';
import { type Config, loadConfigFromEnvironment, startupWarnings } from './config.js';
import { guardSiteUrl, lookupAllAddresses } from './confluence/site-host.js';
import { AppError } from './errors.js';
import { createLogger } from './logger.js';

/** The only file with side effects: read config, build the app, listen, shut down cleanly. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfigFromEnvironment(process.env, { envDir: resolve('env') });
    if (config.bootstrapConnector) {
      await guardSiteUrl(config.bootstrapConnector.siteUrl, config.confluenceSites, lookupAllAddresses);
    }
  } catch (error) {
    const message =
      error instanceof AppError && error.code === 'CONFLUENCE_BAD_SITE_URL'
        ? `Invalid configuration:\n  - CONFLUENCE_SITE_URL: ${error.userMessage}`
        : error instanceof AppError
          ? error.message
          : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });
  for (const warning of startupWarnings(config)) logger.warn(warning);
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp(config, logger);
  } catch (error) {
    process.stderr.write(`Startup failed: ${error instanceof AppError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const port = await app.http.listen(config.port, config.host);
  logger.info({ port, dataDir: config.dataDir }, 'Confluence Assistant is listening on /api/messages');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main();
