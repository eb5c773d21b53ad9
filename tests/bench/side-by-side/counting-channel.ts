/**
 * A Bot Framework channel for load: accepts every post to `/v3/conversations/{id}/activities[/…]`,
 * counts the message activities (the replies) without keeping them, and answers with an id. Roster
 * look-ups get 404, as for a stranger. Cheaper than tests/support/channel-stub.ts, which records and
 * parses every call: here the driver's CPU should go to driving, not to bookkeeping.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingChannel {
  readonly url: string;
  /** Message activities posted so far (replies: cards or text). */
  readonly replies: number;
  /** Any other call (typing, updates, roster look-ups). */
  readonly other: number;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/[^/]+\/activities(?:\/[^/]+)?$/;

/** Starts the counting channel on a free loopback port. */
export async function startCountingChannel(): Promise<CountingChannel> {
  let replies = 0;
  let other = 0;
  let nextId = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (req.method !== 'POST' || !ACTIVITIES.test(path)) {
        other += 1;
        res.writeHead(req.method === 'GET' ? 404 : 200, { 'content-type': 'application/json' });
        res.end('{}');
        return;
      }
      // A reply is a message activity; the type sits near the start of the JSON body.
      const body = Buffer.concat(chunks).toString('utf8');
      if (body.includes('"type":"message"')) replies += 1;
      else other += 1;
      nextId += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"id":"reply-${nextId}"}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get replies() {
      return replies;
    },
    get other() {
      return other;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
