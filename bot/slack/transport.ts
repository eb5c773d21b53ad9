import type { SlackConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { SlackInbound, SlackSelf } from './inbound.js';
import { createSlackHttpHandler, type SlackHttpHandler, type ViewValidator } from './receiver.js';
import { createSocketModeTransport, type SocketModeTransport } from './receiver-socket.js';

/** How Slack's events reach the bot: `POST /slack/events` on our server, or Socket Mode. */
export type SlackTransport =
  | { readonly mode: 'http'; readonly http: SlackHttpHandler }
  | { readonly mode: 'socket'; readonly socket: SocketModeTransport };

/** Options for `createSlackTransport`. */
export interface SlackTransportOptions {
  /** The bot's identity from `SlackApi.authTest()` (call it once at startup). */
  readonly self: SlackSelf;
  readonly logger: Logger;
  readonly onEvent: (event: SlackInbound) => Promise<void>;
  readonly validateView?: ViewValidator;
  readonly now?: () => Date;
}

/**
 * The Socket Mode switch: SLACK_APP_TOKEN set (config `mode: 'socket'`) → Bolt's Socket Mode
 * receiver, which the caller starts; otherwise an HTTP handler for the server to mount at
 * `SLACK_EVENTS_PATH`. Both hand the same typed events to `onEvent`. Opens no connection.
 */
export function createSlackTransport(config: SlackConfig, options: SlackTransportOptions): SlackTransport {
  if (config.mode === 'socket' && config.appToken !== undefined) {
    return {
      mode: 'socket',
      socket: createSocketModeTransport({
        appToken: config.appToken,
        botToken: config.botToken,
        apiUrl: config.apiUrl,
        self: options.self,
        logger: options.logger,
        onEvent: options.onEvent,
        ...(options.validateView ? { validateView: options.validateView } : {}),
      }),
    };
  }
  if (config.signingSecret === undefined)
    throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET (config should have refused this).');
  return {
    mode: 'http',
    http: createSlackHttpHandler({
      signingSecret: config.signingSecret,
      self: options.self,
      logger: options.logger,
      onEvent: options.onEvent,
      ...(options.validateView ? { validateView: options.validateView } : {}),
      ...(options.now ? { now: options.now } : {}),
    }),
  };
}
