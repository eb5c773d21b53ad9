import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the channel (a post, a reply or a card update). */
export interface ChannelCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string;
  readonly activityId?: string;
  readonly activity: Record<string, unknown>;
}

/**
 * A recording Bot Framework channel: the `serviceUrl` the bot answers to. It accepts
 * `POST /v3/conversations/{id}/activities[/{replyTo}]` and `PUT /v3/conversations/{id}/activities/{id}`,
 * answers with a fresh id, and records everything. Loopback only.
 */
export interface ChannelStub {
  readonly url: string;
  readonly calls: ChannelCall[];
  /** Cards the bot posted (new messages), in order. */
  posted(conversationId?: string): ChannelCall[];
  /** Card updates (PUT), in order. */
  updated(conversationId?: string): ChannelCall[];
  /** Resolves once `count` calls have been recorded in total (or rejects after `timeoutMs`). */
  waitForCalls(count: number, timeoutMs?: number): Promise<void>;
  clear(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the channel stub on a free loopback port. */
export async function startChannelStub(): Promise<ChannelStub> {
  const calls: ChannelCall[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!match) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"unknown route"}');
      return;
    }
    let activity: Record<string, unknown> = {};
    try {
      activity = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    const conversationId = decodeURIComponent(match[1]!);
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
    calls.push({
      method: req.method ?? 'GET',
      path,
      conversationId,
      ...(activityId ? { activityId } : {}),
      activity,
    });
    for (const waiter of [...waiters]) {
      if (calls.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    const id = req.method === 'PUT' && activityId ? activityId : `stub-${randomUUID().slice(0, 8)}`;
    // restify patches ServerResponse.prototype.writeHead (it no longer returns `this`), so no chaining.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const inConversation = (conversationId?: string) => (call: ChannelCall) =>
    conversationId === undefined || call.conversationId === conversationId;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    posted: (conversationId) =>
      calls.filter((c) => c.method === 'POST').filter(inConversation(conversationId)),
    updated: (conversationId) =>
      calls.filter((c) => c.method === 'PUT').filter(inConversation(conversationId)),
    waitForCalls(count, timeoutMs = 10_000) {
      if (calls.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} channel calls, got ${calls.length}`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    clear: () => {
      calls.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
