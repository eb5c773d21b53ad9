/**
 * A fake chat completions server on loopback for tests of the optional model path. It speaks both
 * routes the bot uses — OpenAI `POST /v1/chat/completions` (Bearer key) and Azure OpenAI
 * `POST /openai/deployments/{deployment}/chat/completions?api-version=…` (`api-key` header) —
 * records every request (headers, body, messages), and answers from a script: JSON content, an
 * error status with Retry-After, garbage, or any of those after a delay.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message of a recorded prompt. */
export interface FakeModelMessage {
  readonly role: string;
  readonly content: string;
}

/** A request the fake received. */
export interface FakeModelRequest {
  readonly route: 'openai' | 'azure';
  /** The Azure deployment named in the path (Azure route only). */
  readonly deployment?: string;
  readonly apiVersion?: string;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Record<string, unknown>;
  readonly messages: readonly FakeModelMessage[];
  /** Which prompt this is, from its system message: a reading of an unclear message or an answer. */
  readonly purpose: 'reading' | 'answer' | 'other';
  /** Every message's content joined, for "was this text sent?" assertions. */
  readonly promptText: string;
}

/** What the fake answers to one request. */
export type FakeModelReply =
  /** A chat completion whose message content is `content` (an object is sent as its JSON). */
  | { readonly kind: 'content'; readonly content: unknown; readonly finishReason?: string }
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string; readonly body?: string }
  /** A 200 whose body is not a chat completion at all. */
  | { readonly kind: 'garbage'; readonly body?: string }
  | { readonly kind: 'slow'; readonly delayMs: number; readonly reply: FakeModelReply };

export interface FakeModel {
  /** Base URL, e.g. `http://127.0.0.1:41234` (OPENAI_BASE_URL or AZURE_OPENAI_ENDPOINT). */
  readonly url: string;
  readonly requests: FakeModelRequest[];
  /** Replies used one per request, in order, before `respond`'s handler. */
  enqueue(...replies: FakeModelReply[]): void;
  /** Decides replies once the queue is empty (default: every request gets a 500). */
  respond(handler: (request: FakeModelRequest) => FakeModelReply): void;
  close(): Promise<void>;
}

/** A reading reply: `{ command }` (null = no reading). */
export function readingReply(command: string | null): FakeModelReply {
  return { kind: 'content', content: { command } };
}

/** An answer reply: `{ answerable, answer }`. */
export function answerReply(answer: string, answerable = true): FakeModelReply {
  return { kind: 'content', content: { answerable, answer } };
}

const AZURE_PATH = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/;

function purposeOf(messages: readonly FakeModelMessage[]): FakeModelRequest['purpose'] {
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  if (system.includes('did not understand')) return 'reading';
  if (system.includes('numbered passages')) return 'answer';
  return 'other';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

function completion(content: unknown, finishReason = 'stop'): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'fake',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: typeof content === 'string' ? content : JSON.stringify(content),
        },
        finish_reason: finishReason,
      },
    ],
  });
}

/** Starts the fake on 127.0.0.1 (any free port). */
export async function startFakeModel(): Promise<FakeModel> {
  const requests: FakeModelRequest[] = [];
  const queue: FakeModelReply[] = [];
  let handler: (request: FakeModelRequest) => FakeModelReply = () => ({ kind: 'status', status: 500 });
  const timers = new Set<NodeJS.Timeout>();

  async function answer(res: ServerResponse, reply: FakeModelReply): Promise<void> {
    if (reply.kind === 'slow') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, reply.delayMs);
        timers.add(timer);
      });
      if (res.destroyed) return;
      return answer(res, reply.reply);
    }
    if (reply.kind === 'content') return send(res, 200, completion(reply.content, reply.finishReason));
    if (reply.kind === 'garbage') return send(res, 200, reply.body ?? '<html>surprise</html>');
    send(res, reply.status, reply.body ?? JSON.stringify({ error: { message: 'fake error' } }), {
      ...(reply.retryAfter !== undefined ? { 'retry-after': reply.retryAfter } : {}),
    });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const azure = AZURE_PATH.exec(url.pathname);
      const route = url.pathname === '/v1/chat/completions' ? 'openai' : azure ? 'azure' : undefined;
      if (req.method !== 'POST' || route === undefined) return send(res, 404, '{"error":"not found"}');
      const raw = await readBody(req);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return send(res, 400, '{"error":"bad json"}');
      }
      const messages = Array.isArray(body.messages) ? (body.messages as FakeModelMessage[]) : [];
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(',') : value,
        ]),
      );
      const request: FakeModelRequest = {
        route,
        ...(azure?.[1] ? { deployment: decodeURIComponent(azure[1]) } : {}),
        ...(url.searchParams.has('api-version')
          ? { apiVersion: url.searchParams.get('api-version') ?? '' }
          : {}),
        headers,
        body,
        messages,
        purpose: purposeOf(messages),
        promptText: messages.map((m) => m.content).join('\n'),
      };
      requests.push(request);
      // Like the real services: no key, no answer.
      const keyed = route === 'azure' ? headers['api-key'] : headers.authorization?.replace(/^Bearer /, '');
      if (!keyed) return send(res, 401, '{"error":{"message":"no key"}}');
      await answer(res, queue.shift() ?? handler(request));
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    respond: (next) => {
      handler = next;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
