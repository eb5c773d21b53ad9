import { type AnyMiddlewareArgs, App, type Middleware, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { Secret } from '../secret.js';
import { createEventDeduper, type EventDeduper } from './event-dedupe.js';
import type { SlackInbound, SlackSelf } from './inbound.js';
import { decodeSlackBody, eventIdOf } from './parse-payload.js';
import { SlackPayloadError } from './payload-schemas.js';
import { checkView, type ViewValidator } from './receiver.js';
import { createEventWork } from './receiver-work.js';
import { toSlackLogger } from './slack-logger.js';

/** Events over Socket Mode: an outbound WebSocket to Slack instead of `POST /slack/events`. */
export interface SocketModeTransport {
  readonly app: App;
  readonly receiver: SocketModeReceiver;
  /** Opens the WebSocket (`apps.connections.open` with the app token, then connect). */
  start(): Promise<void>;
  /** Closes the WebSocket, then waits for work already handed to the core. */
  stop(): Promise<void>;
  /** Resolves when every event handed to the core so far has been handled. */
  drain(): Promise<void>;
}

/** Options for `createSocketModeTransport`. */
export interface SocketModeOptions {
  readonly appToken: Secret;
  readonly botToken: Secret;
  readonly apiUrl: string;
  readonly self: SlackSelf;
  readonly logger: Logger;
  readonly onEvent: (event: SlackInbound) => Promise<void>;
  readonly validateView?: ViewValidator;
  readonly deduper?: EventDeduper;
}

/**
 * Socket Mode through Bolt: its SocketModeReceiver owns the WebSocket (connection URL, reconnects,
 * pings, acknowledging each envelope), which is the part worth not writing ourselves. Everything
 * after that is the same as over HTTP: one global middleware acks at once (or answers a modal's
 * field errors), drops repeated `event_id`s, decodes the body with `decodeSlackBody` and hands the
 * typed event to `onEvent` after the ack. No Bolt listeners are registered, and `ignoreSelf` is off
 * because the decoder already drops the bot's own messages. The bot's identity comes from our
 * startup `auth.test` (a fixed `authorize`), so Bolt makes no `auth.test` of its own.
 *
 * Not exercised against Slack here (no route to Slack from the build machines): tests check that
 * the receiver is built with the app token and API URL and that a body handed to the App reaches
 * `onEvent`.
 */
export function createSocketModeTransport(options: SocketModeOptions): SocketModeTransport {
  const { logger, self } = options;
  const slackLogger = toSlackLogger(logger);
  // The socket client keeps its own retries: it reconnects through apps.connections.open.
  const receiver = new SocketModeReceiver({
    appToken: options.appToken.reveal(),
    logger: slackLogger,
    installerOptions: { clientOptions: { slackApiUrl: options.apiUrl, allowAbsoluteUrls: false } },
  });
  const clientOptions = {
    slackApiUrl: options.apiUrl,
    retryConfig: { retries: 0 },
    allowAbsoluteUrls: false,
  };
  const botToken = options.botToken.reveal();
  const app = new App({
    receiver,
    // A fixed answer instead of `token`: Bolt would otherwise call auth.test per event when botId is unknown.
    authorize: async () => ({
      botToken,
      botUserId: self.botUserId,
      ...(self.botId !== undefined ? { botId: self.botId } : {}),
      ...(self.teamId !== undefined ? { teamId: self.teamId } : {}),
    }),
    ignoreSelf: false,
    logger: slackLogger,
    clientOptions,
  });
  const deduper = options.deduper ?? createEventDeduper();
  const work = createEventWork(logger, options.onEvent);

  const forward: Middleware<AnyMiddlewareArgs> = async (args) => {
    const ack =
      'ack' in args && typeof args.ack === 'function'
        ? (args.ack as (body?: unknown) => Promise<void>)
        : undefined;
    const eventId = eventIdOf(args.body);
    if (eventId !== undefined && deduper.seen(eventId)) {
      await ack?.();
      return;
    }
    let decoded: ReturnType<typeof decodeSlackBody>;
    try {
      decoded = decodeSlackBody(args.body, self);
    } catch (error) {
      const problem = error instanceof SlackPayloadError ? error.message : 'decoder failed';
      logger.warn({ problem }, 'slack socket payload refused');
      await ack?.();
      return;
    }
    if (decoded.kind === 'url-verification' || decoded.kind === 'ssl-check' || decoded.kind === 'ignored') {
      await ack?.();
      return;
    }
    if (decoded.kind === 'view-submission') {
      const errors = checkView(options.validateView, decoded, logger);
      if (errors !== undefined && errors !== 'failed') {
        await ack?.({ response_action: 'errors', errors });
        return;
      }
      await ack?.();
      if (errors === 'failed') return;
    } else {
      await ack?.();
    }
    void work.run(decoded);
  };
  app.use(forward);

  return {
    app,
    receiver,
    start: async () => {
      await app.start();
    },
    stop: async () => {
      await app.stop();
      await work.drain();
    },
    drain: work.drain,
  };
}
