import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../../bot/config.js';
import { createLogger } from '../../../bot/logger.js';
import { createModelClient, MAX_PROMPT_CHARS, type ModelClient } from '../../../bot/model/model-client.js';
import { retryWaitMs } from '../../../bot/model/retry-after.js';
import { type FakeModel, startFakeModel } from '../../support/fake-model/index.js';

const KEY = 'sk-unit-secret-key-42';
const SCHEMA = z.object({ command: z.string().nullable() });
const PROMPT = [
  {
    role: 'system' as const,
    content: 'You map one chat message, which a Confluence bot did not understand, …',
  },
  { role: 'user' as const, content: 'Message: the private words of the user' },
];

let fake: FakeModel;
let logs: string[];

function clientFor(env: Record<string, string>, maxRetryWaitMs = 2_000): ModelClient {
  const config = loadConfig(env).model;
  if (!config) throw new Error('model config expected');
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  return createModelClient(config, { logger: createLogger({ level: 'debug', destination }), maxRetryWaitMs });
}

function openAi(extra: Record<string, string> = {}): ModelClient {
  return clientFor({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: fake.url, ...extra });
}

beforeAll(async () => {
  fake = await startFakeModel();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.respond(() => ({ kind: 'status', status: 500 }));
  logs = [];
});

/** Log lines never carry the key or the prompt's words. */
function expectCleanLogs(): void {
  const all = logs.join('\n');
  expect(all).not.toContain(KEY);
  expect(all).not.toContain('private words');
}

describe('model client', () => {
  it('OpenAI: Bearer key, model name, JSON response format; the checked content comes back', async () => {
    fake.enqueue({ kind: 'content', content: { command: 'search vpn' } });
    const value = await openAi({ OPENAI_MODEL: 'gpt-test' }).completeJson('reading', PROMPT, SCHEMA);
    expect(value).toEqual({ command: 'search vpn' });
    const [request] = fake.requests;
    expect(request?.route).toBe('openai');
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.headers['api-key']).toBeUndefined();
    expect(request?.body).toMatchObject({ model: 'gpt-test', response_format: { type: 'json_object' } });
    expect(request?.messages).toEqual(PROMPT);
    expectCleanLogs();
    expect(logs.join('')).toContain('model call answered');
  });

  it('Azure: api-key header, deployment path and api-version, no Bearer', async () => {
    fake.enqueue({ kind: 'content', content: { command: null } });
    const client = clientFor({
      AZURE_OPENAI_API_KEY: KEY,
      AZURE_OPENAI_ENDPOINT: fake.url,
      AZURE_OPENAI_DEPLOYMENT: 'dep-1',
      AZURE_OPENAI_API_VERSION: '2024-06-01',
    });
    expect(await client.completeJson('reading', PROMPT, SCHEMA)).toEqual({ command: null });
    const [request] = fake.requests;
    expect(request).toMatchObject({ route: 'azure', deployment: 'dep-1', apiVersion: '2024-06-01' });
    expect(request?.headers['api-key']).toBe(KEY);
    expect(request?.headers.authorization).toBeUndefined();
    expect(client).toMatchObject({ provider: 'azure', model: 'dep-1' });
  });

  it('429 with Retry-After: one retry, then the answer', async () => {
    fake.enqueue(
      { kind: 'status', status: 429, retryAfter: '0' },
      { kind: 'content', content: { command: 'help me' } },
    );
    expect(await openAi().completeJson('reading', PROMPT, SCHEMA)).toEqual({ command: 'help me' });
    expect(fake.requests).toHaveLength(2);
    expect(logs.join('')).toContain('model call retried');
    expectCleanLogs();
  });

  it('at most one retry: 500 then 503 → undefined after two requests', async () => {
    fake.enqueue(
      { kind: 'status', status: 500, retryAfter: '0' },
      { kind: 'status', status: 503, retryAfter: '0' },
    );
    expect(await openAi().completeJson('reading', PROMPT, SCHEMA)).toBeUndefined();
    expect(fake.requests).toHaveLength(2);
    expect(logs.join('')).toContain('status 503');
    expectCleanLogs();
  });

  it('a Retry-After beyond the cap is not waited for: no retry', async () => {
    fake.enqueue({ kind: 'status', status: 429, retryAfter: '30' });
    expect(await openAi().completeJson('reading', PROMPT, SCHEMA)).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
  });

  it('4xx other than 429 is not retried (a bad key stays bad)', async () => {
    fake.enqueue({ kind: 'status', status: 401 });
    expect(await openAi().completeJson('reading', PROMPT, SCHEMA)).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
    expectCleanLogs();
  });

  it('garbage, non-JSON content, content off the schema, a filtered answer → undefined', async () => {
    fake.enqueue(
      { kind: 'garbage' },
      { kind: 'content', content: 'Sure! Here is your command: search vpn' },
      { kind: 'content', content: { command: 42 } },
      { kind: 'content', content: { command: 'x' }, finishReason: 'content_filter' },
    );
    const client = openAi();
    for (let i = 0; i < 4; i += 1)
      expect(await client.completeJson('reading', PROMPT, SCHEMA)).toBeUndefined();
    const all = logs.join('\n');
    for (const reason of [
      'not a chat completion',
      'content is not JSON',
      'does not match the schema',
      'content filtered',
    ])
      expect(all).toContain(reason);
    expectCleanLogs();
  });

  it('a slow server: the call is abandoned at the timeout → undefined', async () => {
    fake.enqueue({ kind: 'slow', delayMs: 5_000, reply: { kind: 'content', content: { command: 'late' } } });
    expect(await openAi({ MODEL_TIMEOUT_MS: '500' }).completeJson('reading', PROMPT, SCHEMA)).toBeUndefined();
    expect(logs.join('')).toContain('timed out');
  });

  it('a server that is down → undefined', async () => {
    const client = clientFor({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'http://127.0.0.1:9' });
    expect(await client.completeJson('reading', PROMPT, SCHEMA)).toBeUndefined();
    expect(logs.join('')).toContain('network error');
  });

  it('a prompt over the cap is never sent', async () => {
    const big = [{ role: 'user' as const, content: 'x'.repeat(MAX_PROMPT_CHARS + 1) }];
    expect(await openAi().completeJson('answer', big, SCHEMA)).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
    expect(logs.join('')).toContain('prompt too long');
  });
});

describe('retryWaitMs', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);
  it('reads retry-after-ms, seconds and dates; a default without a header; undefined beyond the cap', () => {
    expect(retryWaitMs(headers({ 'retry-after-ms': '250' }), 2_000)).toBe(250);
    expect(retryWaitMs(headers({ 'retry-after': '1' }), 2_000)).toBe(1_000);
    expect(
      retryWaitMs(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:01 GMT' }), 2_000, Date.UTC(2026, 0, 1)),
    ).toBe(1_000);
    expect(retryWaitMs(headers({}), 2_000)).toBe(500);
    expect(retryWaitMs(headers({ 'retry-after': '3' }), 2_000)).toBeUndefined();
  });
});
