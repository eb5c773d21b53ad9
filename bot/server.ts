import restify from 'restify';
import type { TeamsBot } from './chat/teams-bot.js';
import type { Logger } from './logger.js';

/** The HTTP face of the bot: POST /api/messages and GET /healthz. Never listens by itself. */
export interface HttpServer {
  readonly server: restify.Server;
  /** Starts listening; resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting requests and waits for turns in flight. */
  close(): Promise<void>;
}

/**
 * Builds the restify server. `ready()` decides what /healthz reports. Requests that arrive while
 * shutting down get 503. Bodies over 1 MB are refused by the body parser.
 */
export function createHttpServer(options: {
  bot: TeamsBot;
  logger: Logger;
  health: () => Record<string, unknown>;
}): HttpServer {
  const { bot, logger } = options;
  const server = restify.createServer({ name: 'confluence-assistant', handleUncaughtExceptions: false });
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | undefined;

  server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000, mapParams: false }));

  server.get('/healthz', async (_req, res) => {
    res.send(closing ? 503 : 200, { status: closing ? 'stopping' : 'ok', ...options.health() });
  });

  server.post('/api/messages', async (req, res) => {
    if (closing) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    if (
      !req.body ||
      typeof req.body !== 'object' ||
      Array.isArray(req.body) ||
      typeof req.body.type !== 'string'
    ) {
      res.send(400, { error: 'Expected a JSON Bot Framework activity with a type.' });
      return;
    }
    inFlight += 1;
    try {
      await bot.adapter.process(req, res, async (context) => {
        await bot.app.run(context);
      });
    } catch (error) {
      logger.error({ err: String(error) }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      inFlight -= 1;
      if (closing && inFlight === 0) drained?.();
    }
  });

  server.on('restifyError', (req, _res, error, callback) => {
    logger.warn({ path: req.path(), status: (error as { statusCode?: number }).statusCode }, 'http error');
    callback();
  });

  return {
    server,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    async close() {
      closing = true;
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
