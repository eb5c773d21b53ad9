import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

/** Length in bytes of the AES-256 key that encrypts API tokens at rest. */
export const SECRET_KEY_BYTES = 32;

/** File name of a generated development key inside `DATA_DIR`. */
export const SECRET_KEY_FILE = 'secret.key';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Where the key came from and the key itself. Never log or persist `key`. */
export interface LoadedSecretKey {
  readonly key: Buffer;
  readonly generated: boolean;
  readonly source: 'env' | 'file';
}

/** Inputs of `loadSecretKey`. `secretKeyBase64` is `SECRET_KEY` from the environment. */
export interface LoadSecretKeyOptions {
  readonly secretKeyBase64?: string | undefined;
  readonly dataDir: string;
  readonly logger?: Pick<Logger, 'warn'>;
  /** May a key be read from / generated into `<dataDir>/secret.key` when none is given? */
  readonly allowGenerate: boolean;
  /** Source of key bytes (tests); defaults to `crypto.randomBytes`. */
  readonly randomKey?: () => Buffer;
}

/**
 * Decodes a base64 key of exactly 32 bytes. Throws `AppError('CONFIG_INVALID')` naming `label`
 * (never echoing the value) when it is not strict base64 or not 32 bytes long.
 */
export function decodeSecretKey(text: string, label: string): Buffer {
  const trimmed = text.trim();
  if (trimmed.length === 0 || !BASE64.test(trimmed)) {
    throw new AppError('CONFIG_INVALID', {
      message: `${label} must be base64 (e.g. \`openssl rand -base64 32\`)`,
    });
  }
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== SECRET_KEY_BYTES) {
    throw new AppError('CONFIG_INVALID', {
      message: `${label} must decode to exactly ${SECRET_KEY_BYTES} bytes (got ${key.length}); generate one with \`openssl rand -base64 32\``,
    });
  }
  return key;
}

/**
 * Loads the token-encryption key. A key given in the environment wins and is never written to disk.
 * Otherwise, when `allowGenerate`, reads `<dataDir>/secret.key` or creates it (mode 0600, exclusive
 * create) and warns. Throws `AppError('CONFIG_INVALID')` when the key is missing and generation is
 * not allowed, or when the env value or the key file is malformed.
 */
export async function loadSecretKey(options: LoadSecretKeyOptions): Promise<LoadedSecretKey> {
  const fromEnv = options.secretKeyBase64;
  if (fromEnv !== undefined && fromEnv.trim().length > 0) {
    return { key: decodeSecretKey(fromEnv, 'SECRET_KEY'), generated: false, source: 'env' };
  }
  if (!options.allowGenerate) {
    throw new AppError('CONFIG_INVALID', {
      message: 'SECRET_KEY is required (base64 of 32 bytes, e.g. `openssl rand -base64 32`)',
    });
  }
  const file = join(options.dataDir, SECRET_KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing !== undefined) {
    const mode = (await stat(file)).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      await chmod(file, 0o600);
      options.logger?.warn({ file }, 'secret key file was readable by others; its mode was set to 0600');
    }
    options.logger?.warn({ file }, 'SECRET_KEY is not set; using the development key file');
    return { key: decodeSecretKey(existing, file), generated: false, source: 'file' };
  }
  const key = options.randomKey?.() ?? randomBytes(SECRET_KEY_BYTES);
  if (key.length !== SECRET_KEY_BYTES) {
    throw new AppError('INTERNAL', { message: 'generated secret key has the wrong length' });
  }
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return loadSecretKey(options);
    }
    throw new AppError('CONFIG_INVALID', { message: `cannot create ${file}`, cause: error });
  }
  options.logger?.warn(
    { file },
    'SECRET_KEY is not set; generated a development key (set SECRET_KEY in production and keep it safe)',
  );
  return { key, generated: true, source: 'file' };
}

async function readKeyFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw new AppError('CONFIG_INVALID', { message: `cannot read ${file}`, cause: error });
  }
}
