import { resolve } from 'node:path';
import { createApp } from './app.js';
import { type Config, loadConfig, mergeEnvFiles } from './config.js';
import { AppError } from './errors.js';
import { createLogger } from './logger.js';

/** The only file with side effects: read config, build the app, listen, shut down cleanly. */
async function main(): Promise<void> {
  const envName = process.env.APP_ENV ?? 'local';
  const env = mergeEnvFiles(process.env, resolve('env'), envName);
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    process.stderr.write(`${error instanceof AppError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });
  if (!config.bot.authEnabled) {
    logger.warn('BOT_ID is not set: inbound authentication is OFF. Use this only for local development.');
  }
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
