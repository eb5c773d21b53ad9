/**
 * Confluence "replayed at fixed cost" for the side-by-side bench: a loopback HTTP server that first
 * records (forwards every request to the Confluence simulator and keeps the exact answer bytes), then,
 * once frozen, serves those bytes for the same method and URL after a fixed delay, without the
 * simulator. So a search costs the bot the same in every run, and the simulator's own CPU (spec
 * validation, text search) is not on the machine while the bots are measured.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded answer. */
interface Recorded {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
}

/** The replay server as the bench sees it. */
export interface ReplayConfluence {
  readonly url: string;
  /** Distinct requests recorded so far. */
  readonly recorded: number;
  /** Requests that arrived after `freeze` for which nothing was recorded (answered 404). */
  readonly misses: number;
  /** Requests served from the recording. */
  readonly served: number;
  /** Stops forwarding: from now on only recorded answers are served, after `delayMs`. */
  freeze(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function answer(res: ServerResponse, recorded: Recorded): void {
  res.writeHead(recorded.status, {
    'content-type': recorded.contentType,
    'content-length': recorded.body.length,
  });
  res.end(recorded.body);
}

/**
 * Starts the recorder in front of `upstreamUrl` (the simulator). Only GET answers are recorded and
 * replayed: a search turn reads and never writes.
 */
export async function startReplayConfluence(upstreamUrl: string, delayMs: number): Promise<ReplayConfluence> {
  const answers = new Map<string, Recorded>();
  let frozen = false;
  let misses = 0;
  let served = 0;

  const record = async (req: IncomingMessage, res: ServerResponse, key: string): Promise<void> => {
    const body = await readBody(req);
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type', 'accept']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = await fetch(`${upstreamUrl}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(body.length > 0 ? { body } : {}),
    });
    const recorded: Recorded = {
      status: upstream.status,
      contentType: upstream.headers.get('content-type') ?? 'application/json',
      body: Buffer.from(await upstream.arrayBuffer()),
    };
    if (req.method === 'GET') answers.set(key, recorded);
    answer(res, recorded);
  };

  const server: Server = createServer((req, res) => {
    const key = `${req.method} ${req.url}`;
    if (!frozen) {
      record(req, res, key).catch(() => {
        res.writeHead(502);
        res.end();
      });
      return;
    }
    req.resume();
    const recorded = answers.get(key);
    if (!recorded) {
      misses += 1;
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"not recorded"}');
      return;
    }
    served += 1;
    setTimeout(() => answer(res, recorded), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get recorded() {
      return answers.size;
    },
    get misses() {
      return misses;
    },
    get served() {
      return served;
    },
    freeze() {
      frozen = true;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
