/**
 * The framework's floor (issue 14): the smallest teams-ai v1 bot that answers every message with
 * one fixed Adaptive Card, on the same library versions as the real bot (@microsoft/teams-ai,
 * botbuilder, restify, adaptivecards-templating). The card is our own search-results template,
 * expanded once at startup with ten fixed hits, so both bots send replies of about the same size.
 * Inbound auth is off (no app id) and replies go to the activity's serviceUrl, as our bot does in
 * tests. Run as a child process by side-by-side-bench.ts: listens on 127.0.0.1:PORT (0 = any),
 * reports `{ listening: port }` over IPC, and answers `cpu` and profiling requests (child-ipc.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import * as templating from 'adaptivecards-templating';
import { CardFactory, MessageFactory } from 'botbuilder';
import restify from 'restify';
import { tenHitsSearchCardData } from './sample-search-card.js';
import { answerBenchMessages } from './side-by-side/child-ipc.js';

function buildCard(): Record<string, unknown> {
  const file = join(import.meta.dirname, '..', '..', 'cards', 'search-results.json');
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const template = new templating.Template(json);
  return template.expand({ $root: tenHitsSearchCardData() }) as Record<string, unknown>;
}

const card = buildCard();
const adapter = new TeamsAdapter({});
// The same Application options as bot/chat/teams-bot.ts: no typing timer, no long-running mode.
const app = new Application<TurnState>({
  adapter,
  botAppId: '',
  removeRecipientMention: false,
  startTypingTimer: false,
  longRunningMessages: false,
});
app.activity('message', async (context) => {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
});

const server = restify.createServer({ name: 'floor-bot', handleUncaughtExceptions: false });
server.post(
  '/api/messages',
  restify.plugins.bodyParser({ maxBodySize: 1_000_000, mapParams: false }),
  async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  },
);
server.get('/healthz', async (_req, res) => {
  res.send(200, { status: 'ok' });
});

answerBenchMessages();
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
});
server.listen(Number(process.env.PORT ?? '0'), '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ listening: typeof address === 'object' && address ? address.port : 0 });
});
