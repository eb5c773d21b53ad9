import { SocketModeReceiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bot/config.js';
import { createSilentLogger } from '../../../bot/logger.js';
import type { SlackInbound } from '../../../bot/slack/inbound.js';
import { createSlackTransport } from '../../../bot/slack/transport.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, FAKE_CHANNELS } from '../../support/slack-fake/index.js';
import { appMentionEvent, slackEventRequest, TEST_SIGNING_SECRET } from '../../support/slack-requests.js';

const self = { botUserId: FAKE_BOT_USER_ID, botId: FAKE_BOT_ID };

function slackConfig(env: Record<string, string>) {
  const slack = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', ...env }).slack;
  if (!slack) throw new Error('Slack should be on');
  return slack;
}

describe('createSlackTransport (the Socket Mode switch)', () => {
  it('without SLACK_APP_TOKEN: an HTTP handler', () => {
    const transport = createSlackTransport(slackConfig({ SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET }), {
      self,
      logger: createSilentLogger(),
      onEvent: async () => {},
    });
    expect(transport.mode).toBe('http');
    if (transport.mode !== 'http') return;
    const request = slackEventRequest(appMentionEvent({ text: 'hi' }));
    expect(transport.http.handle(request).status).toBe(200);
  });

  it('with SLACK_APP_TOKEN: Bolt Socket Mode, built with the app token and SLACK_API_URL, not connected', async () => {
    const events: SlackInbound[] = [];
    const transport = createSlackTransport(
      slackConfig({ SLACK_APP_TOKEN: 'xapp-1-test', SLACK_API_URL: 'http://127.0.0.1:9/api/' }),
      { self, logger: createSilentLogger(), onEvent: async (event) => void events.push(event) },
    );
    expect(transport.mode).toBe('socket');
    if (transport.mode !== 'socket') return;
    const { receiver, app } = transport.socket;
    expect(receiver).toBeInstanceOf(SocketModeReceiver);
    // The socket client asks apps.connections.open with the app token, at SLACK_API_URL.
    const socketClient = receiver.client as unknown as {
      webClient: { slackApiUrl: string; defaultHeaders: Record<string, string> };
    };
    expect(socketClient.webClient.defaultHeaders.Authorization).toBe('Bearer xapp-1-test');
    expect(socketClient.webClient.slackApiUrl).toBe('http://127.0.0.1:9/api/');
    expect((app.client as unknown as { slackApiUrl: string }).slackApiUrl).toBe('http://127.0.0.1:9/api/');

    // What the socket receiver does for each envelope: hand the body to the App with an ack.
    const body = JSON.parse(
      slackEventRequest(appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> search vpn` }), {
        eventId: 'EvSock1',
      }).rawBody,
    ) as Record<string, unknown>;
    const acks: unknown[] = [];
    const ack = async (response?: unknown) => void acks.push(response ?? 'ack');
    await app.processEvent({ body, ack });
    await app.processEvent({ body, ack, retryNum: 1 });
    await transport.socket.drain();
    expect(acks).toEqual(['ack', 'ack']);
    expect(events).toMatchObject([
      { kind: 'app-mention', eventId: 'EvSock1', channelId: FAKE_CHANNELS.general.id, text: 'search vpn' },
    ]);
  });

  it('Socket Mode answers a modal validator with field errors in the ack', async () => {
    const events: SlackInbound[] = [];
    const transport = createSlackTransport(slackConfig({ SLACK_APP_TOKEN: 'xapp-1-test' }), {
      self,
      logger: createSilentLogger(),
      onEvent: async (event) => void events.push(event),
      validateView: () => ({ site: 'Not a Confluence site.' }),
    });
    if (transport.mode !== 'socket') throw new Error('socket expected');
    const acks: unknown[] = [];
    await transport.socket.app.processEvent({
      body: {
        type: 'view_submission',
        team: { id: 'T0FAKE0001' },
        user: { id: 'U0ADA00001' },
        view: { id: 'V1', callback_id: 'connect', private_metadata: '', state: { values: {} } },
      },
      ack: async (response?: unknown) => void acks.push(response),
    });
    expect(acks).toEqual([{ response_action: 'errors', errors: { site: 'Not a Confluence site.' } }]);
    expect(events).toEqual([]);
  });
});
