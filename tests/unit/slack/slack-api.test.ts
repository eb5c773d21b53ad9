import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../bot/logger.js';
import { Secret } from '../../../bot/secret.js';
import { createSlackApi, type SlackApi } from '../../../bot/slack/slack-api.js';
import { isSlackError, SlackApiError } from '../../../bot/slack/slack-api-error.js';
import {
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_CHANNELS,
  FAKE_TEAM_ID,
  FAKE_USERS,
  type SlackFake,
  startSlackFake,
} from '../../support/slack-fake/index.js';

let fake: SlackFake;
let api: SlackApi;
let lines: string[];
let clock: number;
let slept: number[];

function makeApi(token = fake.token, extra: { maxRateLimitWaitMs?: number } = {}) {
  return createSlackApi({
    botToken: new Secret(token),
    apiUrl: fake.apiUrl,
    logger: createLogger({
      level: 'debug',
      destination: new Writable({
        write(chunk, _encoding, callback) {
          lines.push(String(chunk));
          callback();
        },
      }),
    }),
    now: () => clock,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<SlackApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SlackApiError);
  return error as SlackApiError;
}

beforeAll(async () => {
  fake = await startSlackFake();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  lines = [];
  clock = 1_000_000;
  slept = [];
  api = makeApi();
});

describe('SlackApi against the Web API fake', () => {
  it('auth.test gives the bot identity', async () => {
    expect(await api.authTest()).toEqual({
      botUserId: FAKE_BOT_USER_ID,
      botId: FAKE_BOT_ID,
      teamId: FAKE_TEAM_ID,
      url: 'https://fake-workspace.slack.com/',
    });
  });

  it('posts, replies in a thread and updates in place', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Pending*' } }];
    const posted = await api.postMessage(FAKE_CHANNELS.general.id, { text: 'Approval needed', blocks });
    const reply = await api.postMessage(
      FAKE_CHANNELS.general.id,
      { text: 'in thread' },
      { threadTs: posted.ts },
    );
    await api.update(posted.channel, posted.ts, { text: 'Approved by Grace' });
    expect(fake.message(FAKE_CHANNELS.general.id, posted.ts)).toMatchObject({
      text: 'Approved by Grace',
      updates: 1,
    });
    expect(fake.message(FAKE_CHANNELS.general.id, reply.ts)?.threadTs).toBe(posted.ts);
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.args).toMatchObject({
      channel: FAKE_CHANNELS.general.id,
      text: 'Approval needed',
      blocks,
      unfurl_links: 'false',
    });
    expect(call?.encoding).toBe('form');
  });

  it('posts an ephemeral message and opens a modal', async () => {
    const ts = await api.postEphemeral(FAKE_CHANNELS.general.id, FAKE_USERS.grace.id, {
      text: 'Only approvers can decide.',
    });
    expect(ts).toMatch(/^\d+\.\d+$/);
    expect(fake.ephemerals).toMatchObject([
      { user: FAKE_USERS.grace.id, text: 'Only approvers can decide.' },
    ]);
    const view = {
      type: 'modal',
      callback_id: 'connect',
      title: { type: 'plain_text', text: 'Connect Confluence' },
      submit: { type: 'plain_text', text: 'Connect' },
      blocks: [
        {
          type: 'input',
          block_id: 'token',
          label: { type: 'plain_text', text: 'API token' },
          element: { type: 'plain_text_input', action_id: 'value' },
        },
      ],
    };
    const id = await api.viewsOpen('trigger.1', view);
    expect(id).toMatch(/^V/);
    expect(fake.views[0]).toMatchObject({ id, triggerId: 'trigger.1', view });
  });

  it('users.info and users.lookupByEmail', async () => {
    expect(await api.usersInfo(FAKE_USERS.ada.id)).toEqual({
      id: FAKE_USERS.ada.id,
      name: 'Ada',
      email: 'ada@example.com',
      isBot: false,
      deleted: false,
      teamId: FAKE_TEAM_ID,
    });
    expect((await api.usersInfo(FAKE_USERS.linus.id)).name).toBe('Linus Pauling');
    expect(await api.lookupByEmail('GRACE@example.com')).toBe(FAKE_USERS.grace.id);
    expect(await api.lookupByEmail('nobody@example.com')).toBeUndefined();
    expect(await api.lookupByEmail('gone@example.com')).toBeUndefined();
  });

  it.each([
    [
      'an unknown channel',
      () => api.postMessage('C0NOPE0001', { text: 'x' }),
      'channel_not_found',
      /channel does not exist/,
    ],
    [
      'a channel the bot is not in',
      () => api.postMessage(FAKE_CHANNELS.outside.id, { text: 'x' }),
      'not_in_channel',
      /invite it/,
    ],
    [
      'an unknown message',
      () => api.update(FAKE_CHANNELS.general.id, '1.2', { text: 'x' }),
      'message_not_found',
      /does not exist/,
    ],
    ['an unknown user', () => api.usersInfo('U0NOBODY01'), 'user_not_found', /no such user/],
    [
      'an ephemeral to a non-member',
      () => api.postEphemeral(FAKE_CHANNELS.adaDm.id, FAKE_USERS.grace.id, { text: 'x' }),
      'user_not_in_channel',
      /not in that channel/,
    ],
    [
      '51 blocks',
      () =>
        api.postMessage(FAKE_CHANNELS.general.id, {
          text: 'x',
          blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })),
        }),
      'invalid_blocks',
      /over 50 blocks/,
    ],
    [
      'a 40,001-character text',
      () => api.postMessage(FAKE_CHANNELS.general.id, { text: 'x'.repeat(40_001) }),
      'msg_too_long',
      /too long/,
    ],
  ])('maps ok:false for %s to a clear error', async (_name, call, slackError, hint) => {
    const error = await failure(call());
    expect(error.code).toBe('SLACK_PLATFORM_ERROR');
    expect(error.slackError).toBe(slackError);
    expect(error.message).toMatch(/^Slack [a-zA-Z.]+ failed: /);
    expect(error.message).toMatch(hint);
    expect(isSlackError(error, slackError)).toBe(true);
  });

  it('a wrong token is invalid_auth, and the token is nowhere in the error or the logs', async () => {
    const secret = 'xoxb-wrong-but-secret-token';
    const error = await failure(makeApi(secret).postMessage(FAKE_CHANNELS.general.id, { text: 'x' }));
    expect(error.slackError).toBe('invalid_auth');
    expect(error.message).toMatch(/check SLACK_BOT_TOKEN/);
    const printed = [
      error.message,
      error.stack,
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      lines.join(''),
    ].join('\n');
    expect(printed).not.toContain(secret);
    expect(error.cause).toBeUndefined();
  });

  it('sends the token only as a Bearer header, never in the recorded arguments', async () => {
    await api.authTest();
    expect(fake.calls[0]?.args).not.toHaveProperty('token');
    expect(fake.calls[0]?.ok).toBe(true);
  });

  it('a short Retry-After is waited out once, then the call goes through', async () => {
    fake.fail('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 2 });
    const posted = await api.postMessage(FAKE_CHANNELS.general.id, { text: 'x' });
    expect(posted.ts).toBeTruthy();
    expect(slept).toEqual([2000]);
    expect(fake.callsTo('chat.postMessage').map((c) => c.ok)).toEqual([false, true]);
  });

  it('a long Retry-After fails at once, and no call to that method is sent before it passes', async () => {
    fake.fail('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 30 });
    const first = await failure(api.postMessage(FAKE_CHANNELS.general.id, { text: 'x' }));
    expect([first.code, first.retryAfterSeconds]).toEqual(['SLACK_RATE_LIMITED', 30]);
    clock += 10_000;
    const second = await failure(api.postMessage(FAKE_CHANNELS.general.id, { text: 'y' }));
    expect([second.code, second.retryAfterSeconds]).toEqual(['SLACK_RATE_LIMITED', 20]);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await api.usersInfo(FAKE_USERS.ada.id)).toBeTruthy();
    clock += 16_000;
    await api.postMessage(FAKE_CHANNELS.general.id, { text: 'z' });
    expect(slept).toEqual([4000]);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('two 429s in a row give up after one wait (bounded)', async () => {
    fake.fail('users.info', { error: 'ratelimited', retryAfterSeconds: 1, times: 2 });
    const error = await failure(api.usersInfo(FAKE_USERS.ada.id));
    expect(error.code).toBe('SLACK_RATE_LIMITED');
    expect(fake.callsTo('users.info')).toHaveLength(2);
  });

  it('an HTML error page is an unexpected response; a dead server is unreachable', async () => {
    fake.fail('auth.test', { error: 'bad_gateway', httpStatus: 502 });
    expect((await failure(api.authTest())).message).toBe('Slack auth.test failed: HTTP 502');
    const dead = await startSlackFake();
    const url = dead.apiUrl;
    await dead.close();
    const offline = createSlackApi({
      botToken: new Secret('xoxb-x'),
      apiUrl: url,
      logger: createLogger({ level: 'silent' }),
    });
    const error = await failure(offline.authTest());
    expect([error.code, error.message]).toEqual([
      'SLACK_UNREACHABLE',
      'Slack auth.test failed: Slack could not be reached',
    ]);
  });
});
