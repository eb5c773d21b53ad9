import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../../bot/logger.js';
import { Secret } from '../../../bot/secret.js';
import type { SlackInbound } from '../../../bot/slack/inbound.js';
import { createSlackHttpHandler, SLACK_EVENTS_PATH } from '../../../bot/slack/receiver.js';
import { serveSlackHttp } from '../../../bot/slack/receiver-node.js';
import { FAKE_BOT_USER_ID } from '../../support/slack-fake/index.js';
import {
  appMentionEvent,
  slackEventRequest,
  TEST_SIGNING_SECRET,
  toFetchInit,
  urlVerificationRequest,
} from '../../support/slack-requests.js';

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function start(onEvent: (event: SlackInbound) => Promise<void>) {
  const handler = createSlackHttpHandler({
    signingSecret: new Secret(TEST_SIGNING_SECRET),
    self: { botUserId: FAKE_BOT_USER_ID },
    logger: createSilentLogger(),
    onEvent,
  });
  server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === SLACK_EVENTS_PATH) void serveSlackHttp(handler, req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { handler, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${SLACK_EVENTS_PATH}` };
}

describe('serveSlackHttp on a real HTTP server', () => {
  it('verifies the exact bytes and answers the challenge', async () => {
    const { url } = await start(async () => {});
    const response = await fetch(url, toFetchInit(urlVerificationRequest('abc')));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'abc' });
  });

  it('answers before the core finishes: a slow handler does not delay the ack', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: SlackInbound[] = [];
    const { url, handler } = await start(async (event) => {
      await gate;
      seen.push(event);
    });
    const response = await fetch(
      url,
      toFetchInit(slackEventRequest(appMentionEvent({ text: 'search vpn' }))),
    );
    expect(response.status).toBe(200);
    expect(seen).toEqual([]);
    release();
    await handler.drain();
    expect(seen).toHaveLength(1);
  });

  it('stops reading at the cap and answers 413', async () => {
    const { url } = await start(async () => {});
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(1_000_001),
    });
    expect(response.status).toBe(413);
  });

  it('refuses an unsigned request with 401', async () => {
    const { url } = await start(async () => {});
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
  });
});
