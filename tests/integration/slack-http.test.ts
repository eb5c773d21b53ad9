import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_USERS } from '../support/slack-fake/index.js';
import { SLACK_PEOPLE, type SlackHarness, startSlackHarness } from '../support/slack-harness.js';
import {
  appMentionEvent,
  signSlackBody,
  slackEventRequest,
  slashCommandRequest,
  urlVerificationRequest,
} from '../support/slack-requests.js';

/** POST /slack/events on the bot's own server: signatures, replays, malformed bodies, retries. */
describe('Slack: the events endpoint', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const mention = (text: string) =>
    appMentionEvent({ text: `<@${FAKE_USERS.bot.id}> ${text}`, user: SLACK_PEOPLE.user.id });

  it('answers the url_verification challenge', async () => {
    const turn = await h.send(urlVerificationRequest('challenge-123'));
    expect(turn.status).toBe(200);
    expect(JSON.parse(turn.body)).toEqual({ challenge: 'challenge-123' });
  });

  it('a bad signature gets 401 and nothing runs', async () => {
    const turn = await h.send(slackEventRequest(mention('search vpn'), { secret: 'not-the-secret' }));
    expect(turn.status).toBe(401);
    expect(turn.calls).toHaveLength(0);
  });

  it('a replayed request (timestamp over 5 minutes old) gets 401', async () => {
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const turn = await h.send(slashCommandRequest({ text: 'status' }, { timestamp: old }));
    expect(turn.status).toBe(401);
    expect(turn.calls).toHaveLength(0);
  });

  it('malformed payloads get 400 and the bot keeps serving', async () => {
    for (const [body, type] of [
      ['{not json', 'application/json'],
      [JSON.stringify({ type: 'event_callback', event: { type: 'app_mention' } }), 'application/json'],
      ['payload=%7Bbroken', 'application/x-www-form-urlencoded'],
      [
        `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: [] }))}`,
        'application/x-www-form-urlencoded',
      ],
    ] as const) {
      const turn = await h.send(signSlackBody(body, type));
      expect(turn.status, body).toBe(400);
      expect(turn.calls).toHaveLength(0);
    }
    const after = await h.send(slackEventRequest(mention('search vpn')));
    expect(after.status).toBe(200);
    expect(after.posts).toHaveLength(1);
  });

  it("Slack's retries of one event_id are processed once", async () => {
    const event = mention('search onboarding');
    const first = await h.send(slackEventRequest(event, { eventId: 'Ev0RETRY001' }));
    const retry = await h.send(slackEventRequest(event, { eventId: 'Ev0RETRY001', retryNum: 1 }));
    expect(first.posts).toHaveLength(1);
    expect(retry.status).toBe(200);
    expect(retry.calls).toHaveLength(0);
  });

  it('the Teams endpoint still serves alongside Slack', async () => {
    const teams = await h.base.say('help');
    expect(teams.status).toBe(200);
    expect(teams.text).toMatch(/search/i);
  });
});
