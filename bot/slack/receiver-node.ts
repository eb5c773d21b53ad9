import type { IncomingMessage, ServerResponse } from 'node:http';
import { SLACK_MAX_BODY_BYTES, type SlackHttpHandler } from './receiver.js';

/**
 * Reads a request's exact body bytes, stopping as soon as it passes `limit` (resolves `'too-large'`
 * then, without buffering the rest). Rejects when the client aborts.
 */
export function readRawBody(
  req: IncomingMessage,
  limit: number = SLACK_MAX_BODY_BYTES,
): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('request aborted')));
  });
}

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
    body = await readRawBody(req);
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
