import { describe, expect, it } from 'vitest';
import { isSecretKey, REDACTED, redactDetails } from '../../../bot/audit/redact-details.js';
import { Secret } from '../../../bot/secret.js';

describe('redactDetails', () => {
  it('keeps token dates (what the rotate audit records) and strips the credentials themselves', () => {
    const { details, stripped } = redactDetails({
      command: 'rotate',
      before: { tokenRotatedAt: '2025-01-01T00:00:00.000Z', tokenExpiresAt: '2025-06-01T00:00:00.000Z' },
      after: { tokenRotatedAt: '2025-03-01T00:00:00.000Z', tokenExpiresAt: null, tokenCreatedAt: 'x' },
      apiToken: 'ATATT-secret',
      Authorization: 'Basic abc',
      nested: [{ password: 'pw', secret: 's', client_secret: 'cs', 'x-api-key': 'k', keep: 1 }],
      wrapped: new Secret('w'),
    });
    expect(details).toEqual({
      command: 'rotate',
      before: { tokenRotatedAt: '2025-01-01T00:00:00.000Z', tokenExpiresAt: '2025-06-01T00:00:00.000Z' },
      after: { tokenRotatedAt: '2025-03-01T00:00:00.000Z', tokenExpiresAt: null, tokenCreatedAt: 'x' },
      apiToken: REDACTED,
      Authorization: REDACTED,
      nested: [
        { password: REDACTED, secret: REDACTED, client_secret: REDACTED, 'x-api-key': REDACTED, keep: 1 },
      ],
      wrapped: REDACTED,
    });
    expect(stripped.sort()).toEqual(
      ['Authorization', 'apiToken', 'client_secret', 'password', 'secret', 'wrapped', 'x-api-key'].sort(),
    );
  });

  it.each([
    ['token', true],
    ['apiToken', true],
    ['API_TOKEN', true],
    ['accessToken', true],
    ['SLACK_BOT_TOKEN', true],
    ['password', true],
    ['adminPassword', true],
    ['secret', true],
    ['webhookSecret', true],
    ['authorization', true],
    ['cookie', true],
    ['privateKey', true],
    ['tokenExpiresAt', false],
    ['tokenRotatedAt', false],
    ['tokenCreatedAt', false],
    ['passwordChangedAt', false],
    ['secretKeyId', false],
    ['tokens_checked', false],
    ['siteUrl', false],
  ])('isSecretKey(%s) is %s', (key, expected) => {
    expect(isSecretKey(key)).toBe(expected);
  });
});
