import type { IncomingMessage, ServerResponse } from 'node:http';
import { readRawBody } from '../read-body.js';
import { SLACK_MAX_BODY_BYTES, type SlackHttpHandler } from './receiver.js';

/**
 * Serves `POST /slack/events` on a plain Node request/response pair (restify's `req`/`res` are
 * those): reads the raw body itself, answers with what `handler.handle` decides, and only then runs
 * the `after` work. The route must not go through a body parser first: the signature covers the
 * exact bytes, and nothing may be parsed before it is checked (restify: skip `bodyParser` for this
 * path). Resolves when the answer is sent; the `after` work continues in the background
 * (`handler.drain()` waits for it).
 */
export async function serveSlackHttp(
  handler: SlackHttpHandler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let body: Buffer | 'too-large';
  try {
    body = await readRawBody(req, SLACK_MAX_BODY_BYTES);
  } catch {
    if (!res.headersSent) res.writeHead(400).end();
    return;
  }
  const answer =
    body === 'too-large'
      ? {
          status: 413,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: 'Request body too large.',
        }
      : handler.handle({ rawBody: body, headers: req.headers });
  await new Promise<void>((resolve) => {
    res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
    res.end(answer.body, () => resolve());
  });
  if ('after' in answer && answer.after) void answer.after();
}
