import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CONNECTORS_FILE,
  connectorsFileSchema,
  emptyConnectorsFile,
} from '../../../bot/connectors/connector-record.js';
import {
  type ConnectorStore,
  createConnectorStore,
  openConnectorStore,
} from '../../../bot/connectors/connector-store.js';
import { isAppError } from '../../../bot/errors.js';
import { createLogger } from '../../../bot/logger.js';
import { Secret } from '../../../bot/secret.js';
import { createMemoryDocument } from '../../../bot/stores/json-document.js';

const KEY = Buffer.alloc(32, 3);
const TOKEN = 'ATATT-super-secret-token-4242';
const TOKEN_2 = 'ATATT-rotated-secret-token-9999';
let clock = new Date('2025-01-01T00:00:00Z');
const now = () => clock;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'connectors-'));
  clock = new Date('2025-01-01T00:00:00Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function memoryStore(): ConnectorStore {
  return createConnectorStore({
    document: createMemoryDocument(connectorsFileSchema, emptyConnectorsFile()),
    key: KEY,
    now,
  });
}

const base = {
  name: 'acme',
  siteUrl: 'https://acme.atlassian.net/wiki/',
  email: 'bot@acme.test',
  apiToken: new Secret(TOKEN),
};

function expectNoToken(text: string): void {
  for (const secret of [TOKEN, TOKEN_2]) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(Buffer.from(secret).toString('base64'));
    expect(text).not.toContain(Buffer.from(`bot@acme.test:${secret}`).toString('base64'));
  }
}

describe('connector store', () => {
  it('creates a connector with no spaces (fail closed) and a normalised site', async () => {
    const store = memoryStore();
    const info = await store.upsert(base);
    expect(info).toMatchObject({
      name: 'acme',
      siteUrl: 'https://acme.atlassian.net',
      email: 'bot@acme.test',
      spaces: [],
      origin: 'chat',
      isDefault: true,
      tokenCreatedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(Object.keys(info)).not.toContain('token');
    expect(store.getConnection('ACME').apiToken.reveal()).toBe(TOKEN);
  });

  it('never writes, logs, serialises or inspects the token in clear', async () => {
    const lines: string[] = [];
    const logger = createLogger({ destination: { write: (line: string) => lines.push(line) } });
    const store = await openConnectorStore({ dataDir: dir, key: KEY, now });
    await store.upsert({ ...base, spaces: ['ds', '~abc123'] });
    await store.rotateToken('acme', new Secret(TOKEN_2));
    const connection = store.getConnection('acme');
    logger.info({ connection, connectors: store.list() }, 'connection ready');
    const fileText = await readFile(join(dir, CONNECTORS_FILE), 'utf8');
    expectNoToken(fileText);
    expectNoToken(lines.join('\n'));
    expectNoToken(JSON.stringify(connection));
    expectNoToken(inspect(connection, { depth: 5 }));
    expectNoToken(JSON.stringify(store.list()));
    expect(connection.apiToken.reveal()).toBe(TOKEN_2);
    expect((await stat(join(dir, CONNECTORS_FILE))).mode & 0o777).toBe(0o600);
  });

  it('survives a reopen and refuses a different key', async () => {
    const store = await openConnectorStore({ dataDir: dir, key: KEY, now });
    await store.upsert({ ...base, spaces: '*' });
    const reopened = await openConnectorStore({ dataDir: dir, key: KEY, now });
    expect(reopened.getConnection('acme').apiToken.reveal()).toBe(TOKEN);
    expect(reopened.get('acme')?.spaces).toBe('*');
    const wrongKey = await openConnectorStore({ dataDir: dir, key: Buffer.alloc(32, 4), now });
    const error = (() => {
      try {
        wrongKey.getConnection('acme');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(isAppError(error, 'CONFIG_INVALID')).toBe(true);
  });

  it('detects a token copied from another connector', async () => {
    const document = createMemoryDocument(connectorsFileSchema, emptyConnectorsFile());
    const store = createConnectorStore({ document, key: KEY, now });
    await store.upsert(base);
    await store.upsert({ ...base, name: 'other', apiToken: new Secret(TOKEN_2) });
    await document.update((draft) => {
      const [a, b] = draft.connectors;
      if (a && b) {
        b.token = a.token;
      }
    });
    expect(() => store.getConnection('other')).toThrow(expect.objectContaining({ code: 'STORE_CORRUPT' }));
  });

  it('manages spaces with canonical keys', async () => {
    const store = memoryStore();
    await store.upsert(base);
    await store.addSpace('acme', 'eng');
    await store.addSpace('acme', 'ENG');
    await store.addSpace('acme', '~Ab12');
    expect(store.get('acme')?.spaces).toEqual(['ENG', '~Ab12']);
    await store.removeSpace('acme', 'Eng');
    expect(store.get('acme')?.spaces).toEqual(['~Ab12']);
    await store.setSpaces('acme', ['a', 'b', 'A']);
    expect(store.get('acme')?.spaces).toEqual(['A', 'B']);
    await store.setSpaces('acme', '*');
    await store.addSpace('acme', 'X');
    expect(store.get('acme')?.spaces).toBe('*');
    await expect(store.removeSpace('acme', 'X')).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    for (const bad of ['D S', 'DЕV', 'DS\u200b', '*', '', 'a-b']) {
      await expect(store.addSpace('acme', bad)).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    }
    await expect(store.addSpace('nope', 'DS')).rejects.toMatchObject({ code: 'CONNECTOR_NOT_FOUND' });
  });

  it('validates names, emails, site URLs and tokens', async () => {
    const store = memoryStore();
    await expect(store.upsert({ ...base, name: 'bad\u0000name' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
    await expect(store.upsert({ ...base, name: 'x'.repeat(65) })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
    await expect(store.upsert({ ...base, email: 'nope' })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(store.upsert({ ...base, siteUrl: 'http://acme.test' })).rejects.toMatchObject({
      code: 'CONFLUENCE_BAD_SITE_URL',
    });
    await expect(store.upsert({ ...base, apiToken: new Secret('') })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
    expect(store.list()).toEqual([]);
  });

  it('takes a display name with spaces and finds it by name in any case or by its key (issue 10.6)', async () => {
    const store = memoryStore();
    const info = await store.upsert({ ...base, name: '  Contoso   Confluence ' });
    expect(info).toMatchObject({ name: 'Contoso Confluence', key: 'contoso-confluence' });
    for (const spelling of [
      'Contoso Confluence',
      'contoso confluence',
      'contoso-confluence',
      'CONTOSO  Confluence!',
    ]) {
      expect(store.get(spelling)?.name).toBe('Contoso Confluence');
    }
    expect(store.getConnection('contoso-confluence').apiToken.reveal()).toBe(TOKEN);
    await store.rotateToken('contoso-confluence', new Secret(TOKEN_2));
    expect(store.getConnection('Contoso Confluence').apiToken.reveal()).toBe(TOKEN_2);
    const again = await store.upsert({ ...base, name: 'contoso confluence', email: 'other@acme.test' });
    expect(again).toMatchObject({ name: 'Contoso Confluence', email: 'other@acme.test' });
    expect(store.list()).toHaveLength(1);
    expect(await store.remove('contoso-confluence')).toBe(true);
    expect(store.list()).toEqual([]);
  });

  it('still opens connectors stored under the old name rules and decrypts their tokens', async () => {
    const store = memoryStore();
    await store.upsert({ ...base, name: 'Legacy_Name-1' });
    expect(store.get('legacy_name-1')).toMatchObject({ name: 'Legacy_Name-1', key: 'legacy_name-1' });
    expect(store.getConnection('LEGACY_NAME-1').apiToken.reveal()).toBe(TOKEN);
  });

  it('survives a reopen with a display name', async () => {
    const first = await openConnectorStore({ dataDir: dir, key: KEY, now });
    await first.upsert({ ...base, name: 'Zürich Wiki (EU)' });
    const second = await openConnectorStore({ dataDir: dir, key: KEY, now });
    expect(second.get('zurich-wiki-eu')?.name).toBe('Zürich Wiki (EU)');
    expect(second.getConnection('Zürich Wiki (EU)').apiToken.reveal()).toBe(TOKEN);
  });

  it('rotates tokens with timestamps and an optional expiry', async () => {
    const store = memoryStore();
    await store.upsert(base);
    clock = new Date('2025-02-01T00:00:00Z');
    const info = await store.rotateToken('acme', new Secret(TOKEN_2), new Date('2025-06-01T00:00:00Z'));
    expect(info.tokenRotatedAt).toBe('2025-02-01T00:00:00.000Z');
    expect(info.tokenExpiresAt).toBe('2025-06-01T00:00:00.000Z');
    expect(info.tokenCreatedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(store.getConnection('acme').apiToken.reveal()).toBe(TOKEN_2);
    await expect(store.rotateToken('missing', new Secret(TOKEN_2))).rejects.toMatchObject({
      code: 'CONNECTOR_NOT_FOUND',
    });
  });

  it('picks the marked default, else the first, and forgets a removed default', async () => {
    const store = memoryStore();
    expect(store.getDefault()).toBeUndefined();
    await store.upsert(base);
    await store.upsert({ ...base, name: 'second' });
    expect(store.getDefault()?.name).toBe('acme');
    await store.setDefault('SECOND');
    expect(store.getDefault()?.name).toBe('second');
    expect(store.list().map((c) => [c.name, c.isDefault])).toEqual([
      ['acme', false],
      ['second', true],
    ]);
    expect(await store.remove('second')).toBe(true);
    expect(await store.remove('second')).toBe(false);
    expect(store.getDefault()?.name).toBe('acme');
    expect(() => store.getConnection('second')).toThrow(
      expect.objectContaining({ code: 'CONNECTOR_NOT_FOUND' }),
    );
  });

  describe('ensureBootstrap', () => {
    const env = { ...base, name: 'env', spaces: [] as string[] };

    it('does nothing without env settings', async () => {
      const store = memoryStore();
      expect(await store.ensureBootstrap(undefined)).toBeUndefined();
      expect(store.list()).toEqual([]);
    });

    it('creates the env connector with no spaces when CONFLUENCE_SPACES is empty', async () => {
      const store = memoryStore();
      const info = await store.ensureBootstrap(env);
      expect(info).toMatchObject({ name: 'env', origin: 'env', spaces: [] });
    });

    it('keeps admin-added spaces when env has none, replaces them when env lists some', async () => {
      const store = memoryStore();
      await store.ensureBootstrap(env);
      await store.addSpace('env', 'DS');
      expect((await store.ensureBootstrap(env))?.spaces).toEqual(['DS']);
      expect((await store.ensureBootstrap({ ...env, spaces: ['ENG'] }))?.spaces).toEqual(['ENG']);
      expect((await store.ensureBootstrap({ ...env, spaces: '*' }))?.spaces).toBe('*');
    });

    it('re-encrypts only a changed token', async () => {
      const store = memoryStore();
      await store.ensureBootstrap(env);
      clock = new Date('2025-03-01T00:00:00Z');
      expect((await store.ensureBootstrap(env))?.tokenRotatedAt).toBeUndefined();
      const rotated = await store.ensureBootstrap({ ...env, apiToken: new Secret(TOKEN_2) });
      expect(rotated?.tokenRotatedAt).toBe('2025-03-01T00:00:00.000Z');
      expect(store.getConnection('env').apiToken.reveal()).toBe(TOKEN_2);
    });
  });
});
