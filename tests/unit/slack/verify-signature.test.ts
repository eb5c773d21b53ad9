import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type SignatureFailure, verifySlackSignature } from '../../../bot/slack/verify-signature.js';
import { slackSignature } from '../../support/slack-requests.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const NOW = 1_700_000_000;
const BODY = 'token=x&team_id=T1&command=%2Fconfluence&text=search+vpn';

function check(overrides: {
  body?: string | Buffer;
  timestamp?: string | undefined;
  signature?: string | undefined;
  secret?: string;
  nowSeconds?: number;
}) {
  const body = overrides.body ?? BODY;
  const timestamp = 'timestamp' in overrides ? overrides.timestamp : String(NOW);
  const signature =
    'signature' in overrides ? overrides.signature : slackSignature(SECRET, timestamp ?? '', String(body));
  return verifySlackSignature({
    signingSecret: overrides.secret ?? SECRET,
    rawBody: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    timestamp,
    signature,
    nowMs: (overrides.nowSeconds ?? NOW) * 1000,
  });
}

describe('verifySlackSignature', () => {
  it("accepts Slack's own documented example", () => {
    // From Slack's "Verifying requests from Slack" guide.
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const result = verifySlackSignature({
      signingSecret: SECRET,
      rawBody: Buffer.from(body),
      timestamp: '1531420618',
      signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      nowMs: 1531420618 * 1000,
    });
    expect(result).toEqual({ ok: true });
  });

  it('accepts a fresh, correctly signed body, within the window either way', () => {
    expect(check({})).toEqual({ ok: true });
    expect(check({ nowSeconds: NOW + 300 })).toEqual({ ok: true });
    expect(check({ nowSeconds: NOW - 300 })).toEqual({ ok: true });
  });

  const sign = (secret: string, ts: string | number, body: string) =>
    `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;

  const attacks: [string, Parameters<typeof check>[0], SignatureFailure][] = [
    ['no timestamp header', { timestamp: undefined }, 'missing-timestamp'],
    ['an empty timestamp', { timestamp: '' }, 'missing-timestamp'],
    ['a timestamp that is not a number', { timestamp: '17e8' }, 'bad-timestamp'],
    ['a negative timestamp', { timestamp: '-1' }, 'bad-timestamp'],
    ['a timestamp with a fraction', { timestamp: '1700000000.5' }, 'bad-timestamp'],
    ['a huge timestamp', { timestamp: '9'.repeat(40) }, 'bad-timestamp'],
    ['a replay 5 min 1 s old', { nowSeconds: NOW + 301 }, 'stale-timestamp'],
    ['a replay a day old', { nowSeconds: NOW + 86_400 }, 'stale-timestamp'],
    ['a timestamp 5 min 1 s in the future', { nowSeconds: NOW - 301 }, 'future-timestamp'],
    ['no signature header', { signature: undefined }, 'missing-signature'],
    ['an empty signature', { signature: '' }, 'missing-signature'],
    ['a v1 signature', { signature: `v1=${'a'.repeat(64)}` }, 'bad-signature'],
    ['a truncated signature', { signature: sign(SECRET, NOW, BODY).slice(0, 40) }, 'bad-signature'],
    ['an uppercase hex signature', { signature: sign(SECRET, NOW, BODY).toUpperCase() }, 'bad-signature'],
    ['a signature with the wrong secret', { signature: sign('another-secret', NOW, BODY) }, 'bad-signature'],
    ['a signature over another body', { signature: sign(SECRET, NOW, `${BODY}&admin=1`) }, 'bad-signature'],
    [
      'a signature for another timestamp (replayed with a fresh header)',
      { timestamp: String(NOW), signature: sign(SECRET, NOW - 600, BODY) },
      'bad-signature',
    ],
    [
      'a body changed after signing',
      { body: `${BODY} `, signature: sign(SECRET, NOW, BODY) },
      'bad-signature',
    ],
    [
      'a signature over the parsed, not the raw body',
      { signature: sign(SECRET, NOW, 'search vpn') },
      'bad-signature',
    ],
    ['an empty secret on our side', { secret: '', signature: sign(SECRET, NOW, BODY) }, 'bad-signature'],
  ];
  it.each(attacks)('refuses %s', (_name, overrides, reason) => {
    expect(check(overrides)).toEqual({ ok: false, reason });
  });

  it('checks the raw bytes: invalid UTF-8 signed as bytes still verifies', () => {
    const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${NOW}:`).update(bytes).digest('hex')}`;
    expect(check({ body: bytes, signature })).toEqual({ ok: true });
  });
});
