import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSettingsStore,
  emptySettingsFile,
  openSettingsStore,
  SETTINGS_FILE,
  settingsFileSchema,
} from '../../../bot/policy/settings-store.js';
import { createMemoryDocument } from '../../../bot/stores/json-document.js';

const now = () => new Date('2025-05-05T10:00:00Z');
const CHANNEL = '19:abc@thread.tacv2';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function memoryStore() {
  return createSettingsStore({
    document: createMemoryDocument(settingsFileSchema, emptySettingsFile()),
    now,
  });
}

describe('settings store', () => {
  it('starts empty', () => {
    const store = memoryStore();
    expect(store.getChannel(CHANNEL)).toBeUndefined();
    expect(store.getGlobal()).toEqual({ admins: [] });
  });

  it('creates channel settings on first change and reports before/after', async () => {
    const store = memoryStore();
    const first = await store.setChannelPermission(CHANNEL, 'create', 'denied');
    expect(first.before).toBeUndefined();
    expect(first.after).toEqual({
      channelKey: CHANNEL,
      operations: { create: 'denied' },
      approvers: [],
      updatedAt: '2025-05-05T10:00:00.000Z',
    });
    const second = await store.setChannelPermission(CHANNEL, 'update', 'allowed');
    expect(second.before?.operations).toEqual({ create: 'denied' });
    expect(second.after.operations).toEqual({ create: 'denied', update: 'allowed' });
  });

  it('keeps channels apart, including hostile keys', async () => {
    const store = memoryStore();
    await store.addChannelApprover('__proto__', 'aad-1');
    await store.addChannelApprover('constructor', 'aad-2');
    expect(store.getChannel('__proto__')?.approvers).toEqual(['aad-1']);
    expect(store.getChannel('constructor')?.approvers).toEqual(['aad-2']);
    expect(store.getChannel(CHANNEL)).toBeUndefined();
    expect(({} as Record<string, unknown>).approvers).toBeUndefined();
  });

  it('manages approvers without duplicates and rejects blank ids', async () => {
    const store = memoryStore();
    await store.addChannelApprover(CHANNEL, 'aad-1');
    await store.addChannelApprover(CHANNEL, ' aad-1 ');
    await store.addChannelApprover(CHANNEL, 'aad-2');
    await store.removeChannelApprover(CHANNEL, 'aad-1');
    expect(store.getChannel(CHANNEL)?.approvers).toEqual(['aad-2']);
    await expect(store.addChannelApprover(CHANNEL, '  ')).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(store.addChannelApprover(CHANNEL, 'a b')).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });

  it('narrows spaces with canonical keys and never locks a channel by surprise', async () => {
    const store = memoryStore();
    await expect(store.removeChannelSpace(CHANNEL, 'DS')).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await store.addChannelSpace(CHANNEL, 'ds');
    await store.addChannelSpace(CHANNEL, 'DS');
    await store.addChannelSpace(CHANNEL, '~Me1');
    expect(store.getChannel(CHANNEL)?.spaces).toEqual(['DS', '~Me1']);
    await store.removeChannelSpace(CHANNEL, 'Ds');
    expect(store.getChannel(CHANNEL)?.spaces).toEqual(['~Me1']);
    await expect(store.addChannelSpace(CHANNEL, 'DЕV')).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await store.setChannelSpaces(CHANNEL, undefined);
    expect(store.getChannel(CHANNEL)?.spaces).toBeUndefined();
    await store.setChannelSpaces(CHANNEL, []);
    expect(store.getChannel(CHANNEL)?.spaces).toEqual([]);
  });

  it('sets and clears the channel connector', async () => {
    const store = memoryStore();
    await store.setChannelConnector(CHANNEL, 'acme');
    expect(store.getChannel(CHANNEL)?.connector).toBe('acme');
    await store.setChannelConnector(CHANNEL, undefined);
    expect(store.getChannel(CHANNEL)?.connector).toBeUndefined();
  });

  it('grants admins and sets the approvals conversation; persists across reopen', async () => {
    const store = await openSettingsStore({ dataDir: dir, now });
    const change = await store.addAdmin('aad-9');
    expect(change.before.admins).toEqual([]);
    expect(change.after.admins).toEqual(['aad-9']);
    await store.setApprovalsConversation({
      conversationId: '19:x@thread.tacv2;messageid=1',
      channelKey: '19:x@thread.tacv2',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
    });
    await store.setChannelPermission(CHANNEL, 'get', 'denied');
    const reopened = await openSettingsStore({ dataDir: dir, now });
    expect(reopened.getGlobal().admins).toEqual(['aad-9']);
    expect(reopened.getGlobal().approvalsConversation?.channelKey).toBe('19:x@thread.tacv2');
    expect(reopened.getChannel(CHANNEL)?.operations).toEqual({ get: 'denied' });
    await reopened.removeAdmin('aad-9');
    await reopened.setApprovalsConversation(undefined);
    expect(reopened.getGlobal().admins).toEqual([]);
    expect(reopened.getGlobal().approvalsConversation).toBeUndefined();
    await expect(
      reopened.setApprovalsConversation({ conversationId: 'c', channelKey: 'c', serviceUrl: 'not a url' }),
    ).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });

  it('refuses a hand-edited file with an unknown permission', async () => {
    await writeFile(
      join(dir, SETTINGS_FILE),
      JSON.stringify({
        global: { admins: [] },
        channels: [
          { channelKey: 'c', operations: { get: 'sure' }, approvers: [], updatedAt: now().toISOString() },
        ],
      }),
    );
    await expect(openSettingsStore({ dataDir: dir, now })).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    expect(await readFile(join(dir, SETTINGS_FILE), 'utf8')).toContain('sure');
  });
});
