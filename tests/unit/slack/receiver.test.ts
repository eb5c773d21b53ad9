import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../bot/logger.js';
import { Secret } from '../../../bot/secret.js';
import type { SlackInbound, SlackViewSubmission } from '../../../bot/slack/inbound.js';
import {
  createSlackHttpHandler,
  type SlackHttpHandlerOptions,
  type SlackHttpRequest,
} from '../../../bot/slack/receiver.js';
import type { SignatureFailure } from '../../../bot/slack/verify-signature.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, FAKE_CHANNELS, FAKE_USERS } from '../../support/slack-fake/index.js';
import {
  appMentionEvent,
  blockActionsRequest,
  directMessageEvent,
  interactivityRequest,
  signSlackBody,
  slackEventRequest,
  slashCommandRequest,
  TEST_SIGNING_SECRET,
  urlVerificationRequest,
  viewSubmissionRequest,
} from '../../support/slack-requests.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);

function setup(options: Partial<SlackHttpHandlerOptions> = {}) {
  const events: SlackInbound[] = [];
  const lines: string[] = [];
  const refused: SignatureFailure[] = [];
  const handler = createSlackHttpHandler({
    signingSecret: new Secret(TEST_SIGNING_SECRET),
    self: { botUserId: FAKE_BOT_USER_ID, botId: FAKE_BOT_ID },
    logger: createLogger({
      level: 'debug',
      destination: new Writable({
        write(chunk, _encoding, callback) {
          lines.push(String(chunk));
          callback();
        },
      }),
    }),
    onEvent: async (event) => {
      events.push(event);
    },
    onUnauthorized: (reason) => refused.push(reason),
    now: () => NOW,
    ...options,
  });
  const send = async (request: SlackHttpRequest) => {
    const response = handler.handle(request);
    await response.after?.();
    return response;
  };
  return { handler, events, lines, refused, send };
}

describe('POST /slack/events: authentication before anything else', () => {
  const body = slackEventRequest(appMentionEvent({ text: `<@${FAKE_BOT_USER_ID}> search vpn` }), {
    timestamp: TS,
  });
  const cases: [string, SlackHttpRequest, SignatureFailure][] = [
    [
      'no signature',
      { rawBody: body.rawBody, headers: { ...body.headers, 'x-slack-signature': '' } },
      'missing-signature',
    ],
    [
      'no headers at all',
      { rawBody: body.rawBody, headers: { 'content-type': 'application/json' } },
      'missing-timestamp',
    ],
    [
      'a wrong secret',
      slackEventRequest(appMentionEvent({ text: 'x' }), { timestamp: TS, secret: 'not-the-secret' }),
      'bad-signature',
    ],
    [
      'a tampered body',
      { rawBody: body.rawBody.replace('search vpn', 'search hr'), headers: body.headers },
      'bad-signature',
    ],
    [
      'a replay (6 minutes old)',
      slackEventRequest(appMentionEvent({ text: 'x' }), { timestamp: TS - 360 }),
      'stale-timestamp',
    ],
    [
      'a timestamp from the future',
      slackEventRequest(appMentionEvent({ text: 'x' }), { timestamp: TS + 360 }),
      'future-timestamp',
    ],
    [
      'a repeated signature header',
      {
        rawBody: body.rawBody,
        headers: { ...body.headers, 'x-slack-signature': [body.headers['x-slack-signature']!, 'v0=00'] },
      },
      'missing-signature',
    ],
    [
      'malformed JSON that is not signed',
      signSlackBody('{not json', 'application/json', { timestamp: TS, secret: 'other' }),
      'bad-signature',
    ],
  ];
  it.each(cases)('answers 401 with no body and runs nothing for %s', async (_name, request, reason) => {
    const { send, events, refused } = setup();
    const response = await send(request);
    expect(response.status).toBe(401);
    expect(response.body).toBe('');
    expect(response.after).toBeUndefined();
    expect(events).toEqual([]);
    expect(refused).toEqual([reason]);
  });

  it('reads headers in any case', async () => {
    const { send, events } = setup();
    const request = slackEventRequest(appMentionEvent({ text: 'hi' }), { timestamp: TS });
    const upper = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect((await send({ rawBody: Buffer.from(request.rawBody), headers: upper })).status).toBe(200);
    expect(events).toHaveLength(1);
  });

  it('refuses a body over the cap with 413 before checking anything', async () => {
    const { send } = setup({ maxBodyBytes: 1000 });
    const big = slackEventRequest(appMentionEvent({ text: 'x'.repeat(2000) }), { timestamp: TS });
    const response = await send(big);
    expect(response.status).toBe(413);
    expect(response.body).toBe('Request body too large.');
  });
});

describe('POST /slack/events: parsing (signed but malformed)', () => {
  const malformed: [string, SlackHttpRequest, number, RegExp][] = [
    [
      'JSON that does not parse',
      signSlackBody('{"type":', 'application/json', { timestamp: TS }),
      400,
      /^Malformed JSON body/,
    ],
    ['a JSON array', signSlackBody('[]', 'application/json', { timestamp: TS }), 400, /^Malformed body/],
    [
      'an event without event_id',
      signSlackBody(
        JSON.stringify({ type: 'event_callback', event: { type: 'app_mention' } }),
        'application/json',
        { timestamp: TS },
      ),
      400,
      /^Malformed event \(event_id\)/,
    ],
    [
      'an app_mention without channel',
      slackEventRequest({ type: 'app_mention', user: 'U1', text: 'x', ts: '1.2' }, { timestamp: TS }),
      400,
      /^Malformed app_mention event \(channel\)/,
    ],
    [
      'a form payload that is not JSON',
      signSlackBody('payload=%7Bnope', 'application/x-www-form-urlencoded', { timestamp: TS }),
      400,
      /^Malformed interactivity payload/,
    ],
    [
      'block_actions without actions',
      interactivityRequest(
        { type: 'block_actions', user: { id: 'U1' }, trigger_id: 't', actions: [] },
        { timestamp: TS },
      ),
      400,
      /^Malformed block_actions payload \(actions\)/,
    ],
    [
      'a slash command without user',
      signSlackBody(
        'command=%2Fconfluence&text=help&channel_id=C1&trigger_id=t&response_url=https%3A%2F%2Fhooks.slack.com%2Fx',
        'application/x-www-form-urlencoded',
        { timestamp: TS },
      ),
      400,
      /^Malformed slash command \(user_id\)/,
    ],
    [
      'a form that is neither command nor payload',
      signSlackBody('a=1&b=2', 'application/x-www-form-urlencoded', { timestamp: TS }),
      400,
      /^Malformed body \(type\)/,
    ],
    [
      'view_submission without view',
      interactivityRequest({ type: 'view_submission', user: { id: 'U1' } }, { timestamp: TS }),
      400,
      /^Malformed view_submission payload \(view\)/,
    ],
    [
      'an unsupported content type',
      signSlackBody('<xml/>', 'text/xml', { timestamp: TS }),
      415,
      /^Unsupported content type/,
    ],
    ['no content type', signSlackBody('{}', '', { timestamp: TS }), 415, /^Unsupported content type/],
  ];
  it.each(malformed)(
    'answers %s with a short reason and never crashes',
    async (_name, request, status, pattern) => {
      const { send, events } = setup();
      const response = await send(request);
      expect(response.status).toBe(status);
      expect(response.body).toMatch(pattern);
      expect(response.body.length).toBeLessThan(120);
      expect(events).toEqual([]);
    },
  );

  it('never echoes the body in a 400', async () => {
    const { send } = setup();
    const response = await send(
      signSlackBody('{"type":"event_callback","token":"SECRETVALUE","event":5', 'application/json', {
        timestamp: TS,
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body).not.toContain('SECRETVALUE');
  });
});

describe('POST /slack/events: handshakes', () => {
  it('answers url_verification with the challenge, signed like everything else', async () => {
    const { send, events } = setup();
    const response = await send(
      urlVerificationRequest('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', { timestamp: TS }),
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(response.body)).toEqual({
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    });
    expect(events).toEqual([]);
    const unsigned = urlVerificationRequest('x', { timestamp: TS, secret: 'wrong' });
    expect((await send(unsigned)).status).toBe(401);
  });

  it('answers a signed ssl_check with a bare 200', async () => {
    const { send, events } = setup();
    const response = await send(
      signSlackBody('ssl_check=1&token=x', 'application/x-www-form-urlencoded', { timestamp: TS }),
    );
    expect([response.status, response.body]).toEqual([200, '']);
    expect(events).toEqual([]);
  });
});

describe('POST /slack/events: ack first, work after', () => {
  it('answers 200 at once and runs the core only when after() is called', async () => {
    let started = false;
    const { handler } = setup({
      onEvent: async () => {
        started = true;
      },
    });
    const response = handler.handle(slackEventRequest(appMentionEvent({ text: 'hi' }), { timestamp: TS }));
    expect([response.status, response.body]).toEqual([200, '']);
    expect(started).toBe(false);
    await response.after?.();
    expect(started).toBe(true);
  });

  it('a failing core is logged (message only) and never rejects after()', async () => {
    const { handler, lines } = setup({
      onEvent: async () => {
        throw new Error('core exploded');
      },
    });
    const response = handler.handle(slashCommandRequest({ text: 'help' }, { timestamp: TS }));
    await expect(response.after?.()).resolves.toBeUndefined();
    await handler.drain();
    expect(lines.join('')).toContain('core exploded');
  });

  it('drain() waits for work in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let done = false;
    const { handler } = setup({
      onEvent: async () => {
        await gate;
        done = true;
      },
    });
    void handler.handle(slashCommandRequest({ text: 'help' }, { timestamp: TS })).after?.();
    const drained = handler.drain();
    release();
    await drained;
    expect(done).toBe(true);
  });
});

describe('POST /slack/events: retries and repeats', () => {
  it('processes each event_id once, whatever the retry headers say', async () => {
    const { send, events } = setup();
    const event = appMentionEvent({ text: 'search vpn' });
    const first = await send(slackEventRequest(event, { timestamp: TS, eventId: 'Ev0001' }));
    const retry1 = await send(slackEventRequest(event, { timestamp: TS, eventId: 'Ev0001', retryNum: 1 }));
    const retry2 = await send(
      slackEventRequest(event, { timestamp: TS + 60, eventId: 'Ev0001', retryNum: 2 }),
    );
    expect([first.status, retry1.status, retry2.status]).toEqual([200, 200, 200]);
    expect(retry1.after).toBeUndefined();
    expect(retry2.after).toBeUndefined();
    expect(events).toHaveLength(1);
    await send(slackEventRequest(event, { timestamp: TS, eventId: 'Ev0002', retryNum: 1 }));
    expect(events).toHaveLength(2);
  });

  it('a forged retry (bad signature) does not mark the id as seen', async () => {
    const { send, events } = setup();
    const event = appMentionEvent({ text: 'hi' });
    await send(slackEventRequest(event, { timestamp: TS, eventId: 'Ev9', secret: 'forged' }));
    await send(slackEventRequest(event, { timestamp: TS, eventId: 'Ev9' }));
    expect(events).toHaveLength(1);
  });
});

describe('POST /slack/events: typed events', () => {
  it('an app_mention: bot mention stripped, text decoded, mentions and thread kept', async () => {
    const { send, events } = setup();
    await send(
      slackEventRequest(
        appMentionEvent({
          text: `<@${FAKE_BOT_USER_ID}> approvers add <@${FAKE_USERS.grace.id}> &amp; get "&lt;!here&gt; R&amp;D"`,
          ts: '1700000000.000200',
          threadTs: '1700000000.000100',
        }),
        { timestamp: TS, eventId: 'EvMention' },
      ),
    );
    expect(events).toEqual([
      {
        kind: 'app-mention',
        eventId: 'EvMention',
        teamId: 'T0FAKE0001',
        channelId: FAKE_CHANNELS.general.id,
        userId: FAKE_USERS.ada.id,
        text: `approvers add @${FAKE_USERS.grace.id} & get "<!here> R&D"`,
        mentions: [{ userId: FAKE_USERS.grace.id, text: `@${FAKE_USERS.grace.id}` }],
        links: [],
        ts: '1700000000.000200',
        threadTs: '1700000000.000100',
      },
    ]);
  });

  it('a direct message needs no mention', async () => {
    const { send, events } = setup();
    await send(
      slackEventRequest(directMessageEvent({ text: 'get <https://acme.atlassian.net/wiki/x|x>' }), {
        timestamp: TS,
      }),
    );
    expect(events).toMatchObject([
      {
        kind: 'direct-message',
        channelId: FAKE_CHANNELS.adaDm.id,
        text: 'get https://acme.atlassian.net/wiki/x',
        links: ['https://acme.atlassian.net/wiki/x'],
      },
    ]);
  });

  const ignored: [string, Record<string, unknown>][] = [
    [
      "the bot's own DM (bot_id)",
      directMessageEvent({
        text: 'Here are the results',
        user: FAKE_BOT_USER_ID,
        extra: { bot_id: FAKE_BOT_ID },
      }),
    ],
    ["the bot's own user id", directMessageEvent({ text: 'x', user: FAKE_BOT_USER_ID })],
    ['another bot', directMessageEvent({ text: 'x', user: 'U0OTHERBOT', extra: { bot_id: 'B0OTHER' } })],
    ['bot_message subtype', directMessageEvent({ text: 'x', extra: { subtype: 'bot_message' } })],
    ['message_changed', directMessageEvent({ text: 'x', extra: { subtype: 'message_changed' } })],
    [
      'message_deleted',
      directMessageEvent({ text: 'x', extra: { subtype: 'message_deleted', hidden: true } }),
    ],
    ['channel_join', directMessageEvent({ text: 'x', extra: { subtype: 'channel_join' } })],
    [
      'a channel message event (app_mention covers channels)',
      directMessageEvent({ text: 'x', channel: 'C0GENERAL1', extra: { channel_type: 'channel' } }),
    ],
    ['an app_mention in a DM (message.im covers it)', appMentionEvent({ text: 'x', channel: 'D0ADA00001' })],
    ['another event type', { type: 'app_home_opened', user: 'U1', channel: 'D1' }],
  ];
  it.each(ignored)('ignores %s with a bare 200', async (_name, event) => {
    const { send, events } = setup();
    const response = await send(slackEventRequest(event, { timestamp: TS }));
    expect([response.status, response.body, response.after]).toEqual([200, '', undefined]);
    expect(events).toEqual([]);
  });

  it('a thread_broadcast reply is still a person writing', async () => {
    const { send, events } = setup();
    await send(
      slackEventRequest(
        directMessageEvent({ text: 'help', threadTs: '1.1', extra: { subtype: 'thread_broadcast' } }),
        { timestamp: TS },
      ),
    );
    expect(events).toMatchObject([{ kind: 'direct-message', text: 'help', threadTs: '1.1' }]);
  });

  it('a slash command', async () => {
    const { send, events } = setup();
    await send(
      slashCommandRequest(
        { text: 'approvers add <@U0GRACE001|grace>', triggerId: '123.456.abc', command: '/Confluence' },
        { timestamp: TS },
      ),
    );
    expect(events).toEqual([
      {
        kind: 'slash-command',
        command: '/confluence',
        text: 'approvers add @grace',
        mentions: [{ userId: 'U0GRACE001', label: 'grace', text: '@grace' }],
        links: [],
        teamId: 'T0FAKE0001',
        userId: FAKE_USERS.ada.id,
        userName: 'ada',
        channelId: FAKE_CHANNELS.general.id,
        channelName: 'general',
        triggerId: '123.456.abc',
        responseUrl: 'https://hooks.slack.com/commands/T0FAKE0001/1/abc',
      },
    ]);
  });

  it('a button press (block_actions)', async () => {
    const { send, events } = setup();
    const response = await send(
      blockActionsRequest(
        {
          actionId: 'approve',
          value: 'req-123',
          messageTs: '1700000000.000300',
          threadTs: '1700000000.000100',
          triggerId: 't.1',
        },
        { timestamp: TS },
      ),
    );
    expect([response.status, response.body]).toEqual([200, '']);
    expect(events).toEqual([
      {
        kind: 'block-action',
        actionId: 'approve',
        blockId: 'decision',
        value: 'req-123',
        teamId: 'T0FAKE0001',
        userId: FAKE_USERS.grace.id,
        userName: 'grace',
        channelId: FAKE_CHANNELS.general.id,
        messageTs: '1700000000.000300',
        threadTs: '1700000000.000100',
        isEphemeral: false,
        triggerId: 't.1',
        responseUrl: 'https://hooks.slack.com/actions/T0FAKE0001/1/abc',
      },
    ]);
  });

  it('ignores interactivity the bot does not handle (view_closed, shortcuts)', async () => {
    const { send, events } = setup();
    for (const type of ['view_closed', 'shortcut', 'message_action']) {
      const response = await send(interactivityRequest({ type, user: { id: 'U1' } }, { timestamp: TS }));
      expect(response.status).toBe(200);
    }
    expect(events).toEqual([]);
  });
});

describe('POST /slack/events: modal submissions', () => {
  const submission = () =>
    viewSubmissionRequest(
      {
        callbackId: 'connect',
        privateMetadata: '{"conversation":"C0GENERAL1"}',
        values: { site: { url: 'https://acme.atlassian.net' }, token: { value: 'ATATT3xFfGF0-very-secret' } },
        viewId: 'V000000001',
      },
      { timestamp: TS },
    );

  it('hands the values over, drops the verification token and never prints the input values', async () => {
    const { send, events, lines } = setup();
    const response = await send(submission());
    expect([response.status, response.body]).toEqual([200, '']);
    const view = events[0] as SlackViewSubmission;
    expect(view).toMatchObject({
      kind: 'view-submission',
      callbackId: 'connect',
      privateMetadata: '{"conversation":"C0GENERAL1"}',
      viewId: 'V000000001',
      userId: FAKE_USERS.ada.id,
    });
    expect(view.values.text('token', 'value')).toBe('ATATT3xFfGF0-very-secret');
    expect(view.values.text('site', 'url')).toBe('https://acme.atlassian.net');
    expect(view.values.keys()).toEqual([
      ['site', 'url'],
      ['token', 'value'],
    ]);
    const printed = [
      JSON.stringify(view),
      inspect(view, { depth: 10 }),
      String(view.values),
      lines.join(''),
    ].join('\n');
    expect(printed).not.toContain('very-secret');
    expect(printed).not.toContain('legacy-verification-token');
    expect(JSON.stringify(view)).toContain('"token.value":"[redacted]"');
  });

  it('a validator keeps the modal open with field errors, and nothing runs', async () => {
    const { send, events } = setup({
      validateView: (view) =>
        view.values.text('site', 'url')?.startsWith('https://acme')
          ? { site: 'Use your own site.' }
          : undefined,
    });
    const response = await send(submission());
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      response_action: 'errors',
      errors: { site: 'Use your own site.' },
    });
    expect(response.after).toBeUndefined();
    expect(events).toEqual([]);
  });

  it('a validator that throws gets a 500, not a crash', async () => {
    const { send } = setup({
      validateView: () => {
        throw new Error('bug');
      },
    });
    expect((await send(submission())).status).toBe(500);
  });

  it('reads selects, multi-selects and pickers', async () => {
    const { send, events } = setup();
    await send(
      interactivityRequest(
        {
          type: 'view_submission',
          user: { id: 'U1' },
          view: {
            id: 'V1',
            callback_id: 'policy',
            state: {
              values: {
                op: { pick: { type: 'static_select', selected_option: { value: 'create' } } },
                many: {
                  pick: { type: 'multi_static_select', selected_options: [{ value: 'a' }, { value: 'b' }] },
                },
                who: { pick: { type: 'users_select', selected_user: 'U0ADA00001' } },
                empty: { pick: { type: 'plain_text_input', value: null } },
                odd: { pick: { type: 'timepicker' } },
              },
            },
          },
        },
        { timestamp: TS },
      ),
    );
    const view = events[0] as SlackViewSubmission;
    expect(view.values.get('op', 'pick')).toEqual({ type: 'option', value: 'create' });
    expect(view.values.get('many', 'pick')).toEqual({ type: 'options', values: ['a', 'b'] });
    expect(view.values.text('who', 'pick')).toBe('U0ADA00001');
    expect(view.values.text('empty', 'pick')).toBe('');
    expect(view.values.get('odd', 'pick')).toEqual({ type: 'other', elementType: 'timepicker' });
    expect(view.privateMetadata).toBe('');
  });
});
