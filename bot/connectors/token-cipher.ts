import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { Secret } from '../secret.js';

/** Format version of `EncryptedToken` (AES-256-GCM, 12-byte IV, 16-byte tag). */
export const TOKEN_FORMAT_VERSION = 1;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * An API token encrypted at rest. `v` = format version; `kid` = key id (first 16 hex chars of
 * SHA-256 of the key, so a wrong SECRET_KEY is reported as such; it reveals nothing usable);
 * `iv`, `tag`, `data` are base64.
 */
export const encryptedTokenSchema = z
  .object({
    v: z.literal(TOKEN_FORMAT_VERSION),
    kid: z.string().regex(/^[0-9a-f]{16}$/),
    iv: z.string().regex(BASE64),
    tag: z.string().regex(BASE64),
    data: z.string().regex(BASE64),
  })
  .strict();

export type EncryptedToken = z.infer<typeof encryptedTokenSchema>;

/** Identifies a key without revealing it. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) {
    throw new AppError('CONFIG_INVALID', { message: 'the token encryption key must be 32 bytes' });
  }
}

/**
 * Encrypts a token with AES-256-GCM and a fresh random IV. `context` (e.g. the connector name) is
 * bound as associated data: the ciphertext only decrypts with the same context. `randomIv` is for
 * tests. Throws `AppError('CONFIG_INVALID')` for a key that is not 32 bytes.
 */
export function encryptToken(
  key: Buffer,
  token: Secret,
  context = '',
  randomIv: () => Buffer = () => randomBytes(IV_BYTES),
): EncryptedToken {
  assertKey(key);
  const iv = randomIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(token.reveal(), 'utf8'), cipher.final()]);
  return {
    v: TOKEN_FORMAT_VERSION,
    kid: keyIdOf(key),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/**
 * Decrypts a token sealed by `encryptToken` with the same key and context. Throws
 * `AppError('CONFIG_INVALID')` when the key differs from the one that encrypted it, and
 * `AppError('STORE_CORRUPT')` when the record is malformed or was tampered with. Messages never
 * contain the token.
 */
export function decryptToken(key: Buffer, encrypted: EncryptedToken, context = ''): Secret {
  assertKey(key);
  const parsed = encryptedTokenSchema.safeParse(encrypted);
  if (!parsed.success) {
    throw new AppError('STORE_CORRUPT', { message: 'an encrypted token record is malformed' });
  }
  if (parsed.data.kid !== keyIdOf(key)) {
    throw new AppError('CONFIG_INVALID', {
      message: 'an API token was encrypted with a different SECRET_KEY; restore that key or rotate the token',
    });
  }
  const iv = Buffer.from(parsed.data.iv, 'base64');
  const tag = Buffer.from(parsed.data.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new AppError('STORE_CORRUPT', { message: 'an encrypted token record is malformed' });
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    const clear = Buffer.concat([decipher.update(Buffer.from(parsed.data.data, 'base64')), decipher.final()]);
    return new Secret(clear.toString('utf8'));
  } catch {
    throw new AppError('STORE_CORRUPT', {
      message: 'an encrypted API token failed its integrity check (tampered or moved between connectors)',
    });
  }
}

/**
 * A keyed fingerprint of a token (HMAC-SHA-256, 32 hex chars), used to tell whether a token changed
 * without decrypting the stored one. Safe to store; useless without the key.
 */
export function fingerprintToken(key: Buffer, token: Secret): string {
  assertKey(key);
  return createHmac('sha256', key)
    .update('token-fingerprint:')
    .update(token.reveal())
    .digest('hex')
    .slice(0, 32);
}
