import type { IncomingMessage } from 'node:http';
import { gunzip } from 'node:zlib';
import restify from 'restify';
import type { AuditLog } from './audit/types.js';
import { createRefusalRecorder } from './chat/refusal-recorder.js';
import type { TeamsBot } from './chat/teams-bot.js';
import type { Logger } from './logger.js';
import { readRawBody } from './read-body.js';
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

/** Largest activity body accepted on /api/messages (after decompression); larger gets 413. */
const MAX_BODY_BYTES = 1_000_000;

/** A request body read as JSON, or the status that refuses it. */
type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 400 | 413 | 415 };

/** True for `application/json` and `application/<something>+json`, parameters (charset) ignored. */
function isJsonType(header: string | undefined): boolean {
  const type = (header ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function gunzipBounded(bytes: Buffer): Promise<Buffer | 'too-large' | 'broken'> {
  return new Promise((resolve) => {
    gunzip(bytes, { maxOutputLength: MAX_BODY_BYTES }, (error, out) => {
      if (error === null) resolve(out);
      else resolve(error instanceof RangeError ? 'too-large' : 'broken');
    });
  });
}

function parseJson(bytes: Buffer): JsonBody {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400 };
  }
}

/**
 * Reads the body of an activity POST as JSON: 400 for a body that is not JSON (by content type or
 * content), 415 for an encoding other than gzip, 413 past 1 MB (the rest is drained, not kept, so the client
 * sees the answer), 400 for invalid JSON. Used instead of restify's bodyParser on this route,
 * which added two handlers to the chain and a deprecated `new Buffer(0)` per request (Node's
 * deprecation check captures a stack trace each time): most of restify's cost in a turn.
 */
async function readJsonBody(req: IncomingMessage): Promise<JsonBody> {
  if (!isJsonType(req.headers['content-type'])) return { ok: false, status: 400 };
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') return { ok: false, status: 415 };
  const bytes = await readRawBody(req, MAX_BODY_BYTES);
  if (bytes === 'too-large') return { ok: false, status: 413 };
  if (encoding === 'identity') return parseJson(bytes);
  const out = await gunzipBounded(bytes);
  if (out === 'too-large') return { ok: false, status: 413 };
  if (out === 'broken') return { ok: false, status: 400 };
  return parseJson(out);
}

/**
 * Builds the restify server. `health()` decides what /healthz reports. Requests that arrive while
 * shutting down get 503. Activity bodies must be JSON (else 400) of at most 1 MB (else 413; see
 * `readJsonBody`). Every authentication failure gets a bare 401 and every activity from a tenant
 * or channel the bot does not serve a bare 403, before any turn runs; refusals are audited
 * (`inbound-refused`, rate-limited so a flood cannot grow the audit log without bound) when `audit`
 * is given. Errors never leak their text.
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

  server.post('/api/messages', async (req, res) => {
    const read = await readJsonBody(req);
    // Checked after the read, right before counting the turn in flight, so close() never misses one.
    if (closing) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    if (!read.ok) {
      logger.warn({ method: req.method, path: req.path(), status: read.status }, 'http error');
      res.send(read.status, { error: 'Expected a JSON Bot Framework activity of at most 1 MB.' });
      return;
    }
    const body = read.value as Record<string, unknown> | null;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.type !== 'string') {
      res.send(400, { error: 'Expected a JSON Bot Framework activity with a type.' });
      return;
    }
    inFlight += 1;
    try {
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
