import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isSecretKey,
  REDACTED,
  redactDetails,
  redactDetailsByJson,
} from '../../../bot/audit/redact-details.js';
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

describe('redactDetails on flat details (no JSON round trip)', () => {
  const key = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom(
      'token',
      'apiToken',
      'Authorization',
      'tokenExpiresAt',
      'results',
      '__proto__',
      'toJSON',
      '0',
      '10',
    ),
  );
  const flatValue = fc.oneof(
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.double(),
    fc.integer(),
    fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  );
  const anyValue = fc.oneof(
    flatValue,
    fc.jsonValue(),
    fc.constantFrom(new Secret('s'), new Date(0), () => 1, [1, 'a'], { token: 'x' }),
  );

  function agrees(details: Record<string, unknown>): void {
    expect(redactDetails(details)).toStrictEqual(redactDetailsByJson(details));
  }

  it('gives what the JSON round trip gives, for flat details', () => {
    fc.assert(fc.property(fc.dictionary(key, flatValue, { maxKeys: 6 }), agrees), { numRuns: 3_000 });
  });

  it('gives what the JSON round trip gives, whatever the values', () => {
    fc.assert(fc.property(fc.dictionary(key, anyValue, { maxKeys: 6 }), agrees), { numRuns: 3_000 });
  });

  it('redacts a secret key whatever its value, and -0 / non-finite numbers as JSON does', () => {
    const { details, stripped } = redactDetails({
      token: undefined,
      n: -0,
      inf: Number.POSITIVE_INFINITY,
      results: 3,
    });
    expect(details).toStrictEqual({ token: REDACTED, n: 0, inf: null, results: 3 });
    expect(Object.is(details.n, 0)).toBe(true);
    expect(stripped).toEqual(['token']);
  });
});
