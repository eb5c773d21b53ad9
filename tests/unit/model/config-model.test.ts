import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bot/config.js';
import { DEFAULT_AZURE_API_VERSION } from '../../../bot/config-model.js';
import { AppError } from '../../../bot/errors.js';

const KEY = 'sk-test-0123456789abcdef';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof AppError) return (error.details.problems as string[]) ?? [error.message];
    throw error;
  }
}

function messageOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('model configuration', () => {
  it('no key: the model is off (the default)', () => {
    expect(loadConfig({}).model).toBeUndefined();
    expect(loadConfig({ OPENAI_API_KEY: '  ' }).model).toBeUndefined();
  });

  it('OpenAI: default model and base URL; the key is a Secret that never prints', () => {
    const model = loadConfig({ OPENAI_API_KEY: KEY }).model;
    expect(model).toMatchObject({
      provider: 'openai',
      model: 'gpt-4o-mini',
      url: 'https://api.openai.com/v1/chat/completions',
      timeoutMs: 10_000,
    });
    expect(model?.apiKey.reveal()).toBe(KEY);
    expect(JSON.stringify(model)).not.toContain(KEY);
    expect(inspect(model)).not.toContain(KEY);
    expect(Object.isFrozen(model)).toBe(true);
  });

  it('OpenAI: a chosen model, a loopback http base (the fake) and a timeout', () => {
    const model = loadConfig({
      OPENAI_API_KEY: KEY,
      OPENAI_MODEL: 'gpt-4.1-mini',
      OPENAI_BASE_URL: 'http://127.0.0.1:4567/',
      MODEL_TIMEOUT_MS: '2000',
    }).model;
    expect(model).toMatchObject({
      model: 'gpt-4.1-mini',
      url: 'http://127.0.0.1:4567/v1/chat/completions',
      timeoutMs: 2000,
    });
  });

  it('Azure: endpoint, deployment and api-version make the deployment URL', () => {
    const model = loadConfig({
      AZURE_OPENAI_API_KEY: KEY,
      AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com',
      AZURE_OPENAI_DEPLOYMENT: 'answers-4o',
    }).model;
    expect(model).toMatchObject({
      provider: 'azure',
      model: 'answers-4o',
      url: `https://contoso.openai.azure.com/openai/deployments/answers-4o/chat/completions?api-version=${DEFAULT_AZURE_API_VERSION}`,
    });
    expect(model?.apiKey.reveal()).toBe(KEY);
  });

  it('Azure: endpoint and deployment are required', () => {
    const problems = problemsOf({ AZURE_OPENAI_API_KEY: KEY });
    expect(problems).toContain('AZURE_OPENAI_ENDPOINT is required when AZURE_OPENAI_API_KEY is set.');
    expect(problems).toContain('AZURE_OPENAI_DEPLOYMENT is required when AZURE_OPENAI_API_KEY is set.');
  });

  it('base URLs must be https, or http to a loopback host outside production', () => {
    expect(problemsOf({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'http://models.example.com' })).toEqual([
      'OPENAI_BASE_URL must use https:// (http:// is accepted only for a loopback host, outside production).',
    ]);
    expect(
      problemsOf({
        NODE_ENV: 'production',
        SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
        BOT_ID: '00000000-0000-0000-0000-000000000001',
        BOT_PASSWORD: 'x',
        BOT_TENANT_ID: '00000000-0000-0000-0000-000000000002',
        OPENAI_API_KEY: KEY,
        OPENAI_BASE_URL: 'http://127.0.0.1:4567',
      }),
    ).toContain(
      'OPENAI_BASE_URL must use https:// (http:// is accepted only for a loopback host, outside production).',
    );
    expect(
      problemsOf({
        AZURE_OPENAI_API_KEY: KEY,
        AZURE_OPENAI_ENDPOINT: 'https://user:pw@contoso.openai.azure.com',
        AZURE_OPENAI_DEPLOYMENT: 'd',
      }),
    ).toEqual(['AZURE_OPENAI_ENDPOINT must not carry credentials, a query or a fragment.']);
  });

  it('bad names, versions, both keys, settings without a key: clear problems that never show the key', () => {
    expect(problemsOf({ OPENAI_API_KEY: KEY, OPENAI_MODEL: 'gpt/../../x' })).toEqual([
      'OPENAI_MODEL must be a plain name (letters, digits, . _ : -).',
    ]);
    expect(
      problemsOf({
        AZURE_OPENAI_API_KEY: KEY,
        AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com',
        AZURE_OPENAI_DEPLOYMENT: 'd',
        AZURE_OPENAI_API_VERSION: 'latest',
      }),
    ).toEqual(['AZURE_OPENAI_API_VERSION must look like 2024-10-21 (optionally with -preview).']);
    expect(problemsOf({ OPENAI_API_KEY: KEY, AZURE_OPENAI_API_KEY: KEY })).toEqual([
      'Set either OPENAI_API_KEY or AZURE_OPENAI_API_KEY, not both.',
    ]);
    expect(problemsOf({ OPENAI_MODEL: 'gpt-4o' })).toEqual([
      'OPENAI_MODEL is set but no model key is (set OPENAI_API_KEY or AZURE_OPENAI_API_KEY, or unset them).',
    ]);
    expect(problemsOf({ OPENAI_API_KEY: KEY, MODEL_TIMEOUT_MS: '5' })).toEqual([
      'MODEL_TIMEOUT_MS must be a whole number from 500 to 60000 (got "5").',
    ]);
    const message = messageOf({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'ftp://x', OPENAI_MODEL: '??' });
    expect(message).toContain('Invalid configuration');
    expect(message).not.toContain(KEY);
  });
});
