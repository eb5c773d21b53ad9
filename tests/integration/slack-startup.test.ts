import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createSilentLogger } from '../../bot/logger.js';
import { type Harness, startHarness } from '../support/harness.js';
import { FAKE_USERS, type SlackFake, startSlackFake } from '../support/slack-fake/index.js';
import {
  appMentionEvent,
  slackEventRequest,
  TEST_SIGNING_SECRET,
  toFetchInit,
} from '../support/slack-requests.js';

/** Slack failing at startup must not stop Teams: auth.test is retried in the background. */

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function postMention(botUrl: string, text: string): Promise<number> {
  const event = appMentionEvent({ text: `<@${FAKE_USERS.bot.id}> ${text}`, user: FAKE_USERS.linus.id });
  const response = await fetch(`${botUrl}/slack/events`, toFetchInit(slackEventRequest(event)));
  await response.text();
  return response.status;
}

describe('Slack unreachable at startup', () => {
  let h: Harness | undefined;
  let fake: SlackFake | undefined;
  let app: App | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await h?.close();
    await app?.close();
    await fake?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    h = undefined;
    app = undefined;
    fake = undefined;
    dataDir = undefined;
  });

  it('Teams serves, Slack events get 503, the failure is logged without the token', async () => {
    const token = 'xoxb-never-logged-0123456789';
    h = await startHarness({
      SLACK_BOT_TOKEN: token,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/`,
    });

    const health = await fetch(`${h.botUrl}/healthz`);
    expect(health.status).toBe(200);
    const turn = await h.say('help');
    expect(turn.status).toBe(200);
    expect(turn.posts.length).toBeGreaterThan(0);

    expect(await postMention(h.botUrl, 'search vpn')).toBe(503);
    const logs = h.logs.join('');
    expect(logs).toContain('Slack auth.test failed');
    expect(logs).not.toContain(token);
  });

  it('once auth.test succeeds on a retry, Slack events are served', async () => {
    fake = await startSlackFake();
    // Slack answers auth.test with a gateway error page until `reset()` below.
    fake.fail('auth.test', { error: 'bad_gateway', httpStatus: 502, times: 1_000 });
    dataDir = await mkdtemp(join(tmpdir(), 'ca-slack-startup-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: fake.token,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
    app = await createApp(config, createSilentLogger(), { expirySweepMs: 0, slackAuthRetryMs: [50] });
    const botUrl = `http://127.0.0.1:${await app.http.listen(0, '127.0.0.1')}`;
    expect((await fetch(`${botUrl}/healthz`)).status).toBe(200);
    expect(await postMention(botUrl, 'search vpn')).toBe(503);
    expect(fake.callsTo('auth.test').length).toBeGreaterThan(0);

    fake.reset();
    let status = 503;
    for (let attempt = 0; attempt < 100 && status === 503; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await postMention(botUrl, 'search vpn');
    }
    expect(status).toBe(200);
    const transport = app.slack;
    if (transport?.mode === 'http') await transport.http.drain();
    expect(fake.callsTo('chat.postMessage').length).toBe(1);
  });
});
