import type { SlackConfig } from '../config.js';
import type { ChatHandler } from '../domain/chat.js';
import type { Logger } from '../logger.js';
import { handleButton } from './edge-clicks.js';
import type { EdgeContext } from './edge-context.js';
import { handleSlackMessage, handleSlashCommand } from './edge-messages.js';
import { submitForm, validateFormModal } from './edge-modal.js';
import type { SlackInbound } from './inbound.js';
import type { SlackApi } from './slack-api.js';
import { createSlackPeople, type SlackPeople } from './slack-people.js';
import { createSlackPort, type SlackPort } from './slack-port.js';
import { createSlackTransport } from './transport.js';
import type { SlackAuthRetry } from './transport-auth-retry.js';
import { createDeferredTransport, type DeferredSlackTransport } from './transport-deferred.js';

/*
 * The Slack edge's assembly: its dependencies built once, and each kind of inbound event routed to
 * the file that handles it (edge-messages, edge-clicks, edge-modal).
 */

/** The handler of each inbound kind; the mapped type makes a missing kind a compile error. */
type InboundHandlers = {
  readonly [K in SlackInbound['kind']]: (
    ctx: EdgeContext,
    handler: ChatHandler,
    event: Extract<SlackInbound, { kind: K }>,
  ) => Promise<void>;
};

const ON_INBOUND: InboundHandlers = {
  'app-mention': handleSlackMessage,
  'direct-message': handleSlackMessage,
  'slash-command': handleSlashCommand,
  'block-action': handleButton,
  'view-submission': submitForm,
};

/** Options of {@link createSlackEdge}. */
export interface SlackEdgeOptions {
  readonly config: SlackConfig;
  readonly logger: Logger;
  readonly api: SlackApi;
  /** auth.test, retried in the background: the bot's identity once Slack has answered. */
  readonly auth: SlackAuthRetry;
  readonly now?: () => Date;
  /** users.info answers cache (tests may inject one). */
  readonly people?: SlackPeople;
}

/** The Slack edge before it serves: the outbound port, built before the core like the Teams edge. */
export interface SlackEdge {
  readonly port: SlackPort;
  /** The email Slack gave for an actor id `slack:U…` (for role lists that name people by email). */
  verifiedEmail(actorId: string): string | undefined;
  /**
   * The transport (HTTP handler for `POST /slack/events`, or Socket Mode) handing events to
   * `handler`; built once auth.test has succeeded (HTTP events before that get 503).
   */
  serve(handler: ChatHandler): DeferredSlackTransport;
}

/**
 * Builds the Slack edge. Inbound, after the ack: app mentions, DMs and thread replies go to
 * `handleMessage` (replies in the thread when the message was in one); `/confluence …` goes to
 * `handleMessage` as the text `/confluence …` (replies public in the channel, like a command typed in
 * Teams; a connect/rotate form opens as a modal with the command's trigger); button presses go to
 * `handleCardAction` (verb = `action_id`, data = the button value) — a view for everyone replaces the
 * clicked message (`chat.update`), a view for the clicker or a message is shown to the clicker only
 * (ephemeral); "Open the form" re-asks the core (`/confluence connect|rotate` as the clicker, so the
 * admin check is the core's) and opens the modal; a modal submit goes to `handleCardAction` as
 * `connectSubmit`/`rotateSubmit` with the Teams form's data. The API token in a submit is never
 * logged, echoed or audited here (only handed to the core).
 */
export function createSlackEdge(options: SlackEdgeOptions): SlackEdge {
  const { api, logger } = options;
  const port = createSlackPort(api);
  const people = options.people ?? createSlackPeople({ api, logger });
  const ctx: EdgeContext = { api, logger, port, people, apiUrl: options.config.apiUrl };

  const onEvent =
    (handler: ChatHandler) =>
    async (event: SlackInbound): Promise<void> => {
      // The record is complete per kind; TypeScript cannot correlate `event.kind` with `event` here.
      const on = ON_INBOUND[event.kind] as (c: EdgeContext, h: ChatHandler, e: SlackInbound) => Promise<void>;
      return on(ctx, handler, event);
    };
  const onSocketError = (error: unknown) =>
    logger.error(
      { err: error instanceof Error ? error.message : String(error) },
      'Slack Socket Mode failed to open',
    );

  const serve = (handler: ChatHandler): DeferredSlackTransport =>
    createDeferredTransport(
      options.config.mode,
      options.auth,
      (self) =>
        createSlackTransport(options.config, {
          self,
          logger,
          validateView: validateFormModal,
          ...(options.now ? { now: options.now } : {}),
          onEvent: onEvent(handler),
        }),
      onSocketError,
    );

  return { port, verifiedEmail: (actorId) => people.emailOf(actorId), serve };
}
