import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkBlocks,
  checkModal,
  FAKE_CHANNELS,
  FAKE_USERS,
  type SlackFake,
  startSlackFake,
} from '../../support/slack-fake/index.js';

let fake: SlackFake;
beforeAll(async () => {
  fake = await startSlackFake({ token: 'xoxb-fake' });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

async function post(method: string, init: { headers?: Record<string, string>; body?: string }) {
  const response = await fetch(`${fake.apiUrl}${method}`, { method: 'POST', ...init });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

const bearer = { authorization: 'Bearer xoxb-fake' };

describe('Slack Web API fake', () => {
  it('checks the token: missing → not_authed, wrong → invalid_auth; form token accepted', async () => {
    expect((await post('auth.test', {})).body).toEqual({ ok: false, error: 'not_authed' });
    expect((await post('auth.test', { headers: { authorization: 'Bearer xoxb-other' } })).body).toEqual({
      ok: false,
      error: 'invalid_auth',
    });
    const form = await post('auth.test', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=xoxb-fake',
    });
    expect(form.body.ok).toBe(true);
    expect(fake.calls.map((c) => [c.ok, c.error])).toEqual([
      [false, 'not_authed'],
      [false, 'invalid_auth'],
      [true, undefined],
    ]);
  });

  it('takes JSON bodies and form bodies with JSON-valued fields alike', async () => {
    const blocks = [{ type: 'divider' }];
    const viaJson = await post('chat.postMessage', {
      headers: { ...bearer, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: FAKE_CHANNELS.general.id, text: 'json', blocks }),
    });
    const viaForm = await post('chat.postMessage', {
      headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        channel: FAKE_CHANNELS.general.id,
        text: 'form',
        blocks: JSON.stringify(blocks),
      }).toString(),
    });
    expect([viaJson.body.ok, viaForm.body.ok]).toEqual([true, true]);
    expect(fake.messages().map((m) => [m.text, m.blocks])).toEqual([
      ['json', blocks],
      ['form', blocks],
    ]);
    expect(fake.calls.map((c) => c.encoding)).toEqual(['json', 'form']);
  });

  it('answers ratelimited with 429 and Retry-After when told to, then recovers', async () => {
    fake.fail('users.info', { error: 'ratelimited', retryAfterSeconds: 7 });
    const limited = await post('users.info', {
      headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' },
      body: `user=${FAKE_USERS.ada.id}`,
    });
    expect([limited.status, limited.retryAfter, limited.body]).toEqual([
      429,
      '7',
      { ok: false, error: 'ratelimited' },
    ]);
    const ok = await post('users.info', {
      headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' },
      body: `user=${FAKE_USERS.ada.id}`,
    });
    expect(ok.body.ok).toBe(true);
  });

  it('unknown methods, malformed blocks JSON, missing text, expired triggers', async () => {
    const form = { ...bearer, 'content-type': 'application/x-www-form-urlencoded' };
    expect((await post('chat.delete', { headers: form, body: '' })).body.error).toBe('unknown_method');
    expect(
      (await post('chat.postMessage', { headers: form, body: 'channel=C0GENERAL1&blocks=%5Bnope' })).body
        .error,
    ).toBe('invalid_blocks_format');
    expect((await post('chat.postMessage', { headers: form, body: 'channel=C0GENERAL1' })).body.error).toBe(
      'no_text',
    );
    fake.expireTrigger('t.old');
    const view = JSON.stringify({ type: 'modal', title: { type: 'plain_text', text: 'X' }, blocks: [] });
    expect(
      (
        await post('views.open', {
          headers: form,
          body: new URLSearchParams({ trigger_id: 't.old', view }).toString(),
        })
      ).body.error,
    ).toBe('expired_trigger_id');
  });

  it('reports Block Kit violations with a json-pointer like Slack', async () => {
    const form = { ...bearer, 'content-type': 'application/x-www-form-urlencoded' };
    const blocks = JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }]);
    const answer = await post('chat.postMessage', {
      headers: form,
      body: new URLSearchParams({ channel: 'C0GENERAL1', text: 'x', blocks }).toString(),
    });
    expect(answer.body).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      errors: ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
    });
  });
});

describe('Block Kit limits', () => {
  const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
  const button = (extra: Record<string, unknown> = {}) => ({
    type: 'button',
    action_id: 'approve',
    text: { type: 'plain_text', text: 'Approve' },
    value: 'req-1',
    ...extra,
  });
  const bad: [string, unknown[], string][] = [
    ['51 blocks', Array.from({ length: 51 }, () => ({ type: 'divider' })), '/blocks'],
    ['a section text of 3,001', [section('x'.repeat(3001))], '/blocks/0/text/text'],
    [
      '11 fields',
      [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }],
      '/blocks/0/fields',
    ],
    [
      '26 action elements',
      [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` })) }],
      '/blocks/0/elements',
    ],
    [
      'a button text of 76',
      [{ type: 'actions', elements: [button({ text: { type: 'plain_text', text: 'x'.repeat(76) } })] }],
      '/blocks/0/elements/0/text/text',
    ],
    [
      'a button value of 2,001',
      [{ type: 'actions', elements: [button({ value: 'x'.repeat(2001) })] }],
      '/blocks/0/elements/0/value',
    ],
    [
      'an action_id of 256',
      [{ type: 'actions', elements: [button({ action_id: 'x'.repeat(256) })] }],
      '/blocks/0/elements/0/action_id',
    ],
    [
      'duplicate action ids in a block',
      [{ type: 'actions', elements: [button(), button()] }],
      '/blocks/0/elements/1/action_id',
    ],
    [
      'duplicate block ids',
      [
        { ...section('a'), block_id: 'b' },
        { ...section('b'), block_id: 'b' },
      ],
      '/blocks/1/block_id',
    ],
    ['a mrkdwn header', [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }], '/blocks/0/text/type'],
    ['an unknown block type', [{ type: 'table' }], '/blocks/0/type'],
    ['an empty section', [{ type: 'section' }], '/blocks/0'],
  ];
  it.each(bad)('refuses %s', (_name, blocks, pointer) => {
    expect(checkBlocks(blocks, 50)?.message).toMatch(
      new RegExp(`\\[json-pointer:${pointer.replaceAll('/', '\\/')}\\]$`),
    );
  });

  it('accepts the limits exactly', () => {
    const atLimits = [
      section('x'.repeat(3000)),
      {
        type: 'actions',
        elements: Array.from({ length: 25 }, (_, i) =>
          button({ action_id: `a${i}`, value: 'v'.repeat(2000) }),
        ),
      },
      ...Array.from({ length: 48 }, () => ({ type: 'divider' })),
    ];
    expect(checkBlocks(atLimits, 50)).toBeUndefined();
  });

  it('modals: 100 blocks and a 24-character title', () => {
    const modal = (title: string, count: number) => ({
      type: 'modal',
      title: { type: 'plain_text', text: title },
      blocks: Array.from({ length: count }, () => ({ type: 'divider' })),
    });
    expect(checkModal(modal('Connect Confluence', 100))).toBeUndefined();
    expect(checkModal(modal('Connect Confluence', 101))?.error).toBe('invalid_blocks');
    expect(checkModal(modal('x'.repeat(25), 1))?.error).toBe('invalid_arguments');
  });
});
