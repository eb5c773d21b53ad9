import { Writable } from 'node:stream';
import { renderView } from '../../../bot/chat/teams-activity.js';
import { createTeamsBot, type TeamsBot } from '../../../bot/chat/teams-bot.js';
import { loadConfig } from '../../../bot/config.js';
import type {
  CardActionRequest,
  CardActionResult,
  ChatHandler,
  ChatRequest,
  OutboundMessage,
  View,
} from '../../../bot/domain/chat.js';
import { createLogger } from '../../../bot/logger.js';
import { createHttpServer, type HttpServer } from '../../../bot/server.js';
import { ALL_VERBS } from '../../../bot/views/verbs.js';

/** A ChatHandler that records every call and answers as the test scripts it. */
export interface FakeHandler extends ChatHandler {
  readonly messages: ChatRequest[];
  readonly actions: CardActionRequest[];
  onMessage: (
    request: ChatRequest,
    reply: (m: OutboundMessage) => Promise<string | undefined>,
  ) => Promise<void>;
  onAction: (request: CardActionRequest) => Promise<CardActionResult>;
}

/** A view the fake answers with, naming the verb so a test can tell responses apart. */
export function viewFor(verb: string): View {
  return { kind: 'notice', data: { title: `done:${verb}`, text: 'ok', tone: 'info', changes: [] } };
}

/** The Adaptive Card the Teams edge renders for `viewFor(verb)`. */
export function cardFor(verb: string): Record<string, unknown> {
  return renderView(viewFor(verb));
}

/** Creates the fake handler; by default messages are echoed and actions answer `cardFor(verb)`. */
export function createFakeHandler(): FakeHandler {
  const handler: FakeHandler = {
    messages: [],
    actions: [],
    onMessage: async (request, reply) => {
      await reply({ kind: 'text', text: `echo:${request.text}` });
    },
    onAction: async (request) => ({ kind: 'view', view: viewFor(request.verb), scope: 'clicker' }),
    async handleMessage(request, reply) {
      handler.messages.push(request);
      await handler.onMessage(request, reply);
    },
    async handleCardAction(request) {
      handler.actions.push(request);
      return handler.onAction(request);
    },
    welcome: () => ({ kind: 'text', text: 'welcome!' }),
    failure: (correlationId, userMessage) => ({
      kind: 'text',
      text: `failed ${correlationId}: ${userMessage}`,
    }),
  };
  return handler;
}

/** The Teams edge over HTTP on a loopback port, auth off, with captured logs. */
export interface BotUnderTest {
  readonly bot: TeamsBot;
  readonly http: HttpServer;
  readonly url: string;
  readonly handler: FakeHandler;
  readonly logs: string[];
  close(): Promise<void>;
}

/** Builds createTeamsBot + createHttpServer around a fake handler and listens on 127.0.0.1:0. */
export async function startBotUnderTest(
  health: () => Record<string, unknown> = () => ({}),
): Promise<BotUnderTest> {
  const logs: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _encoding, callback) {
        logs.push(String(chunk));
        callback();
      },
    }),
  });
  const handler = createFakeHandler();
  const bot = createTeamsBot({ config: loadConfig({}), logger, handler, verbs: ALL_VERBS });
  const http = createHttpServer({ bot, logger, health });
  const port = await http.listen(0, '127.0.0.1');
  let closed = false;
  return {
    bot,
    http,
    url: `http://127.0.0.1:${port}`,
    handler,
    logs,
    async close() {
      if (closed) return;
      closed = true;
      await http.close();
    },
  };
}
