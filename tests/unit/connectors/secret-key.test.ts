import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSecretKey, SECRET_KEY_FILE } from '../../../bot/connectors/secret-key.js';
import { isAppError } from '../../../bot/errors.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secret-key-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function recordingLogger(): { warn: (obj: unknown, msg?: string) => void; lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (obj, msg) => lines.push(JSON.stringify({ obj, msg })) };
}

const KEY = Buffer.alloc(32, 7);

describe('loadSecretKey', () => {
  it('uses a key from the environment and never writes it to disk', async () => {
    const loaded = await loadSecretKey({
      secretKeyBase64: KEY.toString('base64'),
      dataDir: dir,
      allowGenerate: true,
    });
    expect(loaded).toEqual({ key: KEY, generated: false, source: 'env' });
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['not base64', 'not base64!!'],
    ['16 bytes', Buffer.alloc(16, 1).toString('base64')],
    ['33 bytes', Buffer.alloc(33, 1).toString('base64')],
    ['base64url alphabet', Buffer.alloc(32, 0xfb).toString('base64url')],
  ])('rejects a malformed env key (%s) without echoing it', async (_name, value) => {
    const error = await loadSecretKey({ secretKeyBase64: value, dataDir: dir, allowGenerate: true }).catch(
      (caught: unknown) => caught,
    );
    expect(isAppError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toContain('SECRET_KEY');
    expect((error as Error).message).not.toContain(value);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses to run without a key when generation is not allowed', async () => {
    await expect(loadSecretKey({ dataDir: dir, allowGenerate: false })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });

  it('generates a 0600 key file once, warns, and reads it back on the next start', async () => {
    const logger = recordingLogger();
    const first = await loadSecretKey({ dataDir: dir, allowGenerate: true, logger, randomKey: () => KEY });
    expect(first).toEqual({ key: KEY, generated: true, source: 'file' });
    const file = join(dir, SECRET_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(logger.lines.join('\n')).toContain('generated');
    expect(logger.lines.join('\n')).not.toContain(KEY.toString('base64'));
    const second = await loadSecretKey({
      dataDir: dir,
      allowGenerate: true,
      randomKey: () => Buffer.alloc(32, 9),
    });
    expect(second).toEqual({ key: KEY, generated: false, source: 'file' });
  });

  it('treats an empty env value as unset', async () => {
    const loaded = await loadSecretKey({ secretKeyBase64: '  ', dataDir: dir, allowGenerate: true });
    expect(loaded.source).toBe('file');
    expect(loaded.key).toHaveLength(32);
  });

  it('tightens a key file that others can read', async () => {
    const file = join(dir, SECRET_KEY_FILE);
    await writeFile(file, KEY.toString('base64'));
    await chmod(file, 0o644);
    const logger = recordingLogger();
    const loaded = await loadSecretKey({ dataDir: dir, allowGenerate: true, logger });
    expect(loaded.key).toEqual(KEY);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(logger.lines.some((line) => line.includes('0600'))).toBe(true);
  });

  it('refuses a corrupt key file and leaves it in place', async () => {
    const file = join(dir, SECRET_KEY_FILE);
    await writeFile(file, 'short', { mode: 0o600 });
    const error = await loadSecretKey({ dataDir: dir, allowGenerate: true }).catch(
      (caught: unknown) => caught,
    );
    expect(isAppError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toContain(file);
    expect(await readFile(file, 'utf8')).toBe('short');
  });
});
