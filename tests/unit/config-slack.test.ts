import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { DEFAULT_SLACK_API_URL } from '../../bot/config-slack.js';
import { AppError } from '../../bot/errors.js';

const BOT = 'xoxb-123-456-abcdef';
const SIGNING = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
const APP = 'xapp-1-A0-123-abcdef';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof AppError) return (error.details.problems as string[]) ?? [error.message];
    throw error;
  }
}

describe('SLACK_* configuration', () => {
  it('Slack is off when SLACK_BOT_TOKEN is unset', () => {
    expect(loadConfig({}).slack).toBeUndefined();
    expect(loadConfig({ SLACK_BOT_TOKEN: '  ' }).slack).toBeUndefined();
  });

  it('HTTP mode with a bot token and a signing secret; the default API URL', () => {
    const slack = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING }).slack;
    expect(slack?.mode).toBe('http');
    expect(slack?.apiUrl).toBe(DEFAULT_SLACK_API_URL);
    expect(slack?.botToken.reveal()).toBe(BOT);
    expect(slack?.signingSecret?.reveal()).toBe(SIGNING);
    expect(slack?.appToken).toBeUndefined();
    expect(Object.isFrozen(slack)).toBe(true);
  });

  it('Socket Mode when SLACK_APP_TOKEN is set; no signing secret needed', () => {
    const slack = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).slack;
    expect(slack?.mode).toBe('socket');
    expect(slack?.appToken?.reveal()).toBe(APP);
    expect(slack?.signingSecret).toBeUndefined();
  });

  it.each([
    ['https with a path, slash added', 'https://slack.example.com/api', 'https://slack.example.com/api/'],
    ['the fake on loopback over http', 'http://127.0.0.1:4567/api/', 'http://127.0.0.1:4567/api/'],
    ['localhost over http', 'http://localhost:9/api/', 'http://localhost:9/api/'],
    ['IPv6 loopback over http', 'http://[::1]:9/api/', 'http://[::1]:9/api/'],
  ])('SLACK_API_URL accepts %s', (_name, raw, expected) => {
    const slack = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SIGNING,
      SLACK_API_URL: raw,
    }).slack;
    expect(slack?.apiUrl).toBe(expected);
  });

  const rejected: [string, Record<string, string>, RegExp][] = [
    ['a signing secret missing in HTTP mode', { SLACK_BOT_TOKEN: BOT }, /^SLACK_SIGNING_SECRET is required/],
    [
      'a user token',
      { SLACK_BOT_TOKEN: 'xoxp-1', SLACK_SIGNING_SECRET: SIGNING },
      /^SLACK_BOT_TOKEN must be a bot token/,
    ],
    [
      'an app token of the wrong kind',
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xoxb-2' },
      /^SLACK_APP_TOKEN must be an app-level token/,
    ],
    [
      'http to a public host',
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: 'http://slack.com/api/' },
      /^SLACK_API_URL must use https/,
    ],
    [
      'http to a private address',
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: 'http://10.0.0.5/api/' },
      /^SLACK_API_URL must use https/,
    ],
    [
      'a loopback look-alike',
      {
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: SIGNING,
        SLACK_API_URL: 'http://127.0.0.1.evil.test/api/',
      },
      /^SLACK_API_URL must use https/,
    ],
    [
      'not a URL',
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: 'slack.com/api' },
      /^SLACK_API_URL must be a URL/,
    ],
    [
      'credentials in the URL',
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: 'https://u:p@slack.com/api/' },
      /must not carry credentials/,
    ],
    [
      'a query',
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: 'https://slack.com/api/?x=1' },
      /must not carry credentials, a query/,
    ],
    [
      'a signing secret without a bot token',
      { SLACK_SIGNING_SECRET: SIGNING },
      /^SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET is set/,
    ],
    [
      'an API URL without a bot token',
      { SLACK_API_URL: 'https://slack.com/api/' },
      /^SLACK_BOT_TOKEN is required when SLACK_API_URL is set/,
    ],
  ];
  it.each(rejected)('refuses %s', (_name, env, pattern) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(pattern);
  });

  it('refuses http loopback in production', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      BOT_ID: 'app',
      BOT_PASSWORD: 'p',
      BOT_TENANT_ID: 't',
      SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SIGNING,
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(problems).toEqual([
      'SLACK_API_URL must use https:// (http:// is accepted only for a loopback host, outside production).',
    ]);
  });

  it('lists every Slack problem at once, with the others', () => {
    const problems = problemsOf({
      PORT: 'x',
      SLACK_BOT_TOKEN: 'xoxp-user',
      SLACK_APP_TOKEN: 'nope',
      SLACK_API_URL: 'ftp://slack.com/api/',
    });
    expect(problems).toEqual([
      'PORT must be a whole number from 0 to 65535 (got "x").',
      'SLACK_BOT_TOKEN must be a bot token (xoxb-…).',
      'SLACK_APP_TOKEN must be an app-level token (xapp-…) with the connections:write scope.',
      'SLACK_API_URL must use https:// (http:// is accepted only for a loopback host, outside production).',
    ]);
  });

  it('never prints the tokens or the signing secret, and never puts them in a problem', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_APP_TOKEN: APP });
    const printed = [
      JSON.stringify(config),
      inspect(config, { depth: 10 }),
      String(config.slack?.botToken),
    ].join('\n');
    for (const secret of [BOT, SIGNING, APP]) expect(printed).not.toContain(secret);
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'xoxp-very-secret',
      SLACK_APP_TOKEN: 'bad-app-secret',
    }).join('\n');
    expect(problems).not.toContain('very-secret');
    expect(problems).not.toContain('bad-app-secret');
  });
});
