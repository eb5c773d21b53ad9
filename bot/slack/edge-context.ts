import { randomUUID } from 'node:crypto';
import type { ChatHandler, ChatRequest, OutboundMessage, View } from '../domain/chat.js';
import { toAppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { BlockMessage } from './blocks-types.js';
import type { SlackApi } from './slack-api.js';
import type { SlackPeople } from './slack-people.js';
import type { SlackPort } from './slack-port.js';

/*
 * What the Slack edge's inbound flows (messages, clicks, modals) share: the edge's dependencies and
 * the ways an answer leaves — in the turn's reply, to one user only, or as the failure message.
 * Nothing here throws: a failure to answer is logged.
 */

/** The Slack edge's dependencies, built once by `createSlackEdge`. */
export interface EdgeContext {
  readonly api: SlackApi;
  readonly logger: Logger;
  readonly port: SlackPort;
  readonly people: SlackPeople;
  /** SLACK_API_URL: its origin may receive response-URL posts beside hooks.slack.com (the tests' fake). */
  readonly apiUrl?: string;
}

/** An error's message for a log line (never a stack). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Shows `content` to one user in a channel (in a thread when given); failures are logged, not thrown. */
export async function sendEphemeral(
  ctx: EdgeContext,
  channel: string,
  userId: string,
  content: BlockMessage,
  threadTs?: string,
): Promise<void> {
  try {
    await ctx.api.postEphemeral(channel, userId, content, threadTs !== undefined ? { threadTs } : {});
  } catch (error) {
    ctx.logger.warn({ err: errorText(error) }, 'slack ephemeral failed');
  }
}

/** The core's failure message for `error`, logged with a fresh correlation id the message shows. */
export function failureMessage(
  ctx: EdgeContext,
  handler: ChatHandler,
  error: unknown,
  where: string,
): OutboundMessage {
  const correlationId = randomUUID().slice(0, 8);
  const appError = toAppError(error);
  ctx.logger.error({ correlationId, where, err: appError }, 'slack turn failed');
  return handler.failure(correlationId, appError.userMessage);
}

/** Runs one message turn; `reply` decides where answers go. Failures are answered, never thrown. */
export async function runTurn(
  ctx: EdgeContext,
  handler: ChatHandler,
  request: ChatRequest,
  reply: (message: OutboundMessage) => Promise<string | undefined>,
): Promise<void> {
  try {
    await handler.handleMessage(request, reply);
  } catch (error) {
    await reply(failureMessage(ctx, handler, error, 'message')).catch((sendError: unknown) =>
      ctx.logger.error({ err: String(sendError) }, 'slack: could not send the failure message'),
    );
  }
}

/** The failure message as a view when it is one (the core's failure is an error view). */
export function viewOf(message: OutboundMessage): View {
  return message.kind === 'view'
    ? message.view
    : {
        kind: 'notice',
        data: { title: 'Something went wrong', text: message.text, tone: 'warning', changes: [] },
      };
}
