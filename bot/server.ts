import restify from 'restify';
import type { AuditLog } from './audit/types.js';
import { createRefusalRecorder } from './chat/refusal-recorder.js';
import type { TeamsBot } from './chat/teams-bot.js';
import type { Logger } from './logger.js';
import { SLACK_EVENTS_PATH, type SlackHttpHandler } from './slack/receiver.js';
import { serveSlackHttp } from './slack/receiver-node.js';

/**
 * The HTTP face of the bot: POST /api/messages, GET /healthz and, with Slack in HTTP mode,
 * POST /slack/events. Never listens by itself.
 */
export interface HttpServer {
  readonly server: restify.Server;
  /** Starts listening; resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting requests and waits for turns in flight. */
  close(): Promise<void>;
}

function header(req: restify.Request, name: string): string {
  const value = req.headers[name];
  return typeof value === 'string' ? value : '';
}

function claimOf(body: Record<string, unknown>, key: string, field: string): string | undefined {
  const node = body[key];
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Builds the restify server. `health()` decides what /healthz reports. Requests that arrive while
 * shutting down get 503. Bodies over 1 MB are refused by the body parser. Every authentication
 * failure gets a bare 401 and every activity from a tenant or channel the bot does not serve a
 * bare 403, before any turn runs; refusals are audited (`inbound-refused`, rate-limited so a flood
 * cannot grow the audit log without bound) when `audit` is given. Errors never leak their text.
 */
export function createHttpServer(options: {
  bot: TeamsBot;
  logger: Logger;
  health: () => Record<string, unknown>;
  /** Slack's `POST /slack/events` handler (Slack in HTTP mode); absent = no such route. */
  slack?: SlackHttpHandler;
  /** Where refusals are audited; absent = logged only. */
  audit?: Pick<AuditLog, 'append'>;
  now?: () => Date;
}): HttpServer {
  const { bot, logger } = options;
  const refusals = createRefusalRecorder({
    logger,
    ...(options.audit ? { audit: options.audit } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const server = restify.createServer({ name: 'confluence-assistant', handleUncaughtExceptions: false });
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | undefined;

  // Per route, not `server.use`: Slack's route reads the raw bytes itself (the signature covers them).
  const parseBody = restify.plugins.bodyParser({ maxBodySize: 1_000_000, mapParams: false });

  server.get('/healthz', async (_req, res) => {
    res.send(closing ? 503 : 200, { status: closing ? 'stopping' : 'ok', ...options.health() });
  });

  // The Agents Playground (and some uptime checkers) probe the endpoint with HEAD before posting.
  server.head('/api/messages', async (_req, res) => {
    res.send(closing ? 503 : 204);
  });

  const slack = options.slack;
  if (slack) {
    server.post(SLACK_EVENTS_PATH, async (req, res) => {
      if (closing) {
        res.send(503);
        return;
      }
      inFlight += 1;
      try {
        await serveSlackHttp(slack, req, res);
      } catch (error) {
        logger.error({ err: String(error) }, 'slack request failed');
        if (!res.headersSent) res.send(500);
      } finally {
        inFlight -= 1;
        if (closing && inFlight === 0) drained?.();
      }
    });
  }

  server.post('/api/messages', parseBody, async (req, res) => {
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
      const body = req.body as Record<string, unknown>;
      const outcome = await bot.receive(body, header(req, 'authorization'));
      if (outcome.kind === 'unauthorized') {
        refusals.unauthorized(outcome.reason);
        res.send(401);
      } else if (outcome.kind === 'refused') {
        const fromId = claimOf(body, 'from', 'id');
        const fromName = claimOf(body, 'from', 'name');
        const conversationId = claimOf(body, 'conversation', 'id');
        refusals.refused(outcome.refusal, {
          ...(fromId !== undefined ? { fromId } : {}),
          ...(fromName !== undefined ? { fromName } : {}),
          ...(conversationId !== undefined ? { conversationId } : {}),
        });
        res.send(403);
      } else if (outcome.body === undefined) {
        res.send(outcome.status);
      } else {
        res.send(outcome.status, outcome.body);
      }
    } catch (error) {
      logger.error({ err: String(error) }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      inFlight -= 1;
      if (closing && inFlight === 0) drained?.();
    }
  });

  server.on('restifyError', (req, _res, error, callback) => {
    logger.warn(
      { method: req.method, path: req.path(), status: (error as { statusCode?: number }).statusCode },
      'http error',
    );
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
      await options.slack?.drain();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await refusals.flush();
    },
  };
}
