import type { SlackSelf } from './inbound.js';
import type { SlackHttpHandler, SlackHttpResponse } from './receiver.js';
import type { SlackTransport } from './transport.js';
import type { SlackAuthRetry } from './transport-auth-retry.js';

/*
 * The Slack transport as the server sees it while auth.test may still be failing: the real transport
 * needs the bot's identity (to ignore its own messages and recognise mentions of it), so it is built
 * only once auth.test has answered. Until then HTTP events are refused with 503 (Slack retries them)
 * and Socket Mode waits to open its WebSocket.
 */

/** What the server and the app drive in Socket Mode: open after listening, close before draining. */
export interface SlackSocket {
  /** Opens the WebSocket as soon as auth.test has succeeded (at once if it already has). */
  start(): Promise<void>;
  /** Stops retrying auth.test and closes the WebSocket if it was opened. */
  stop(): Promise<void>;
  /** Resolves when every event handed to the core so far has been handled. */
  drain(): Promise<void>;
}

/** The Slack transport whatever auth.test's state: HTTP handler or Socket Mode. */
export type DeferredSlackTransport =
  | { readonly mode: 'http'; readonly http: SlackHttpHandler }
  | { readonly mode: 'socket'; readonly socket: SlackSocket };

/** Builds the real transport for the bot's identity. */
export type BuildSlackTransport = (self: SlackSelf) => SlackTransport;

/** The answer to a Slack event that arrives before the bot knows who it is on Slack. */
export const SLACK_NOT_READY: SlackHttpResponse = {
  status: 503,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10' },
  body: 'The Slack connection is still starting; please retry.',
};

function deferredHttp(auth: SlackAuthRetry, build: BuildSlackTransport): SlackHttpHandler {
  let real: SlackHttpHandler | undefined;
  const handler = (): SlackHttpHandler | undefined => {
    if (real) return real;
    const self = auth.current();
    if (!self) return undefined;
    const transport = build(self);
    if (transport.mode !== 'http') throw new Error('Slack transport: expected HTTP mode');
    real = transport.http;
    return real;
  };
  return {
    handle: (request) => handler()?.handle(request) ?? SLACK_NOT_READY,
    drain: () => real?.drain() ?? Promise.resolve(),
  };
}

function deferredSocket(
  auth: SlackAuthRetry,
  build: BuildSlackTransport,
  onStartError: (error: unknown) => void,
): SlackSocket {
  let stopping = false;
  let opened: Promise<SlackSocket | undefined> = Promise.resolve(undefined);
  return {
    async start() {
      opened = auth.ready.then(async (self) => {
        if (stopping) return undefined;
        const transport = build(self);
        if (transport.mode !== 'socket') throw new Error('Slack transport: expected Socket Mode');
        await transport.socket.start();
        return transport.socket;
      });
      // Opening happens in the background: a failure is reported, never thrown at the caller.
      opened = opened.catch((error: unknown) => {
        onStartError(error);
        return undefined;
      });
    },
    async stop() {
      stopping = true;
      auth.stop();
      // `opened` stays pending while auth.test has not succeeded: do not wait for it then.
      if (auth.current()) await (await opened)?.stop();
    },
    async drain() {
      if (auth.current()) await (await opened)?.drain();
    },
  };
}

/**
 * Wraps the transport `build` makes so that it is built once `auth` knows the bot's identity.
 * `mode` is the configured one (config.slack.mode); `onStartError` hears a Socket Mode start failure.
 */
export function createDeferredTransport(
  mode: 'http' | 'socket',
  auth: SlackAuthRetry,
  build: BuildSlackTransport,
  onStartError: (error: unknown) => void,
): DeferredSlackTransport {
  return mode === 'socket'
    ? { mode: 'socket', socket: deferredSocket(auth, build, onStartError) }
    : { mode: 'http', http: deferredHttp(auth, build) };
}
