import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decryptToken,
  encryptToken,
  fingerprintToken,
  keyIdOf,
} from '../../../bot/connectors/token-cipher.js';
import { isAppError } from '../../../bot/errors.js';
import { Secret } from '../../../bot/secret.js';

const KEY = Buffer.alloc(32, 1);
const OTHER = Buffer.alloc(32, 2);
const TOKEN = 'ATATT3xFfGF0-very-secret-token-value';

function flip(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    expect(String((error as Error).message)).not.toContain(TOKEN);
    return isAppError(error) ? error.code : 'not-app-error';
  }
}

describe('token cipher', () => {
  it('round-trips any token and never stores it in clear', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.string({ maxLength: 30 }),
        (token, context) => {
          const sealed = encryptToken(KEY, new Secret(token), context);
          expect(decryptToken(KEY, sealed, context).reveal()).toBe(token);
        },
      ),
      { numRuns: 200 },
    );
    const sealed = encryptToken(KEY, new Secret(TOKEN));
    expect(JSON.stringify(sealed)).not.toContain(TOKEN);
    expect(JSON.stringify(sealed)).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(sealed.v).toBe(1);
    expect(sealed.kid).toBe(keyIdOf(KEY));
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
  });

  it('uses a fresh IV per encryption', () => {
    const a = encryptToken(KEY, new Secret(TOKEN));
    const b = encryptToken(KEY, new Secret(TOKEN));
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('reports a wrong key as a configuration problem', () => {
    const sealed = encryptToken(KEY, new Secret(TOKEN));
    expect(codeOf(() => decryptToken(OTHER, sealed))).toBe('CONFIG_INVALID');
  });

  it('detects tampering with data, tag, iv, context or key id', () => {
    const sealed = encryptToken(KEY, new Secret(TOKEN), 'connector:a');
    expect(codeOf(() => decryptToken(KEY, { ...sealed, data: flip(sealed.data) }, 'connector:a'))).toBe(
      'STORE_CORRUPT',
    );
    expect(codeOf(() => decryptToken(KEY, { ...sealed, tag: flip(sealed.tag) }, 'connector:a'))).toBe(
      'STORE_CORRUPT',
    );
    expect(codeOf(() => decryptToken(KEY, { ...sealed, iv: flip(sealed.iv) }, 'connector:a'))).toBe(
      'STORE_CORRUPT',
    );
    expect(codeOf(() => decryptToken(KEY, sealed, 'connector:b'))).toBe('STORE_CORRUPT');
    expect(codeOf(() => decryptToken(KEY, { ...sealed, iv: 'AAAA' }, 'connector:a'))).toBe('STORE_CORRUPT');
    expect(codeOf(() => decryptToken(KEY, { ...sealed, kid: 'zz' }, 'connector:a'))).toBe('STORE_CORRUPT');
    expect(codeOf(() => decryptToken(KEY, sealed, 'connector:a'))).toBeUndefined();
  });

  it('fingerprints depend on key and token only', () => {
    expect(fingerprintToken(KEY, new Secret(TOKEN))).toBe(fingerprintToken(KEY, new Secret(TOKEN)));
    expect(fingerprintToken(KEY, new Secret(TOKEN))).not.toBe(fingerprintToken(OTHER, new Secret(TOKEN)));
    expect(fingerprintToken(KEY, new Secret(TOKEN))).not.toBe(fingerprintToken(KEY, new Secret(`${TOKEN}x`)));
  });

  it('refuses keys of the wrong length', () => {
    expect(codeOf(() => encryptToken(Buffer.alloc(16), new Secret(TOKEN)))).toBe('CONFIG_INVALID');
  });
});
