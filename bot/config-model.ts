/**
 * The optional language model section of the configuration (OPENAI_* or AZURE_OPENAI_* variables).
 * No key = no model: the offline path is the default and does everything on its own.
 */

import { type Env, integer, serviceUrl, text } from './config-values.js';
import { Secret } from './secret.js';

/** Which chat completions API the model is reached through. */
export type ModelProvider = 'openai' | 'azure';

/** A configured model: where its chat completions endpoint is and the key that opens it. */
export interface ModelConfig {
  readonly provider: ModelProvider;
  /** The model name (OpenAI) or the deployment name (Azure), as recorded in the audit log. */
  readonly model: string;
  /** The full chat completions URL (Azure: with its api-version query). */
  readonly url: string;
  readonly apiKey: Secret;
  /** How long one call may take, retry included (MODEL_TIMEOUT_MS). */
  readonly timeoutMs: number;
}

export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com';
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

/** Model and deployment names go into a URL path and the audit log: a plain, short name only. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const API_VERSION = /^\d{4}-\d{2}-\d{2}(?:-preview)?$/;

/**
 * A base URL checked like a Confluence site: `https://`, or `http://` to a loopback host outside
 * production (the fake model server in tests); no credentials, query or fragment. Returns it
 * without a trailing `/`, or `undefined` with a problem naming `name` (never the key).
 */
function baseUrl(name: string, raw: string, production: boolean, problems: string[]): string | undefined {
  return serviceUrl(name, raw, 'https://example.com', production, problems)?.href.replace(/\/+$/, '');
}

function checkedName(variable: string, value: string, problems: string[]): string | undefined {
  if (NAME.test(value)) return value;
  problems.push(`${variable} must be a plain name (letters, digits, . _ : -).`);
  return undefined;
}

function readOpenAi(env: Env, key: string, production: boolean, timeoutMs: number, problems: string[]) {
  const model = checkedName('OPENAI_MODEL', text(env, 'OPENAI_MODEL') ?? DEFAULT_OPENAI_MODEL, problems);
  const base = baseUrl(
    'OPENAI_BASE_URL',
    text(env, 'OPENAI_BASE_URL') ?? DEFAULT_OPENAI_BASE_URL,
    production,
    problems,
  );
  if (model === undefined || base === undefined) return undefined;
  const config: ModelConfig = {
    provider: 'openai',
    model,
    url: `${base}/v1/chat/completions`,
    apiKey: new Secret(key),
    timeoutMs,
  };
  return Object.freeze(config);
}

function readAzure(env: Env, key: string, production: boolean, timeoutMs: number, problems: string[]) {
  const endpoint = text(env, 'AZURE_OPENAI_ENDPOINT');
  const deployment = text(env, 'AZURE_OPENAI_DEPLOYMENT');
  const apiVersion = text(env, 'AZURE_OPENAI_API_VERSION') ?? DEFAULT_AZURE_API_VERSION;
  if (endpoint === undefined)
    problems.push('AZURE_OPENAI_ENDPOINT is required when AZURE_OPENAI_API_KEY is set.');
  if (deployment === undefined)
    problems.push('AZURE_OPENAI_DEPLOYMENT is required when AZURE_OPENAI_API_KEY is set.');
  if (!API_VERSION.test(apiVersion))
    problems.push('AZURE_OPENAI_API_VERSION must look like 2024-10-21 (optionally with -preview).');
  const base =
    endpoint === undefined ? undefined : baseUrl('AZURE_OPENAI_ENDPOINT', endpoint, production, problems);
  const name =
    deployment === undefined ? undefined : checkedName('AZURE_OPENAI_DEPLOYMENT', deployment, problems);
  if (base === undefined || name === undefined || !API_VERSION.test(apiVersion)) return undefined;
  const config: ModelConfig = {
    provider: 'azure',
    model: name,
    url: `${base}/openai/deployments/${encodeURIComponent(name)}/chat/completions?api-version=${apiVersion}`,
    apiKey: new Secret(key),
    timeoutMs,
  };
  return Object.freeze(config);
}

/**
 * Reads the model variables; `undefined` when no key is set (model off, the default) or, with
 * problems, when the settings are incomplete or bad. Setting both providers' keys is a problem:
 * which one answers must never be a guess.
 */
export function readModelConfig(env: Env, production: boolean, problems: string[]): ModelConfig | undefined {
  const openAiKey = text(env, 'OPENAI_API_KEY');
  const azureKey = text(env, 'AZURE_OPENAI_API_KEY');
  const timeoutMs = integer(env, 'MODEL_TIMEOUT_MS', 10_000, 500, 60_000, problems);
  if (openAiKey !== undefined && azureKey !== undefined) {
    problems.push('Set either OPENAI_API_KEY or AZURE_OPENAI_API_KEY, not both.');
    return undefined;
  }
  if (openAiKey !== undefined) return readOpenAi(env, openAiKey, production, timeoutMs, problems);
  if (azureKey !== undefined) return readAzure(env, azureKey, production, timeoutMs, problems);
  const orphans = [
    'OPENAI_MODEL',
    'OPENAI_BASE_URL',
    'AZURE_OPENAI_ENDPOINT',
    'AZURE_OPENAI_DEPLOYMENT',
    'AZURE_OPENAI_API_VERSION',
  ].filter((name) => text(env, name) !== undefined);
  if (orphans.length > 0)
    problems.push(
      `${orphans.join(', ')} ${orphans.length === 1 ? 'is' : 'are'} set but no model key is (set OPENAI_API_KEY or AZURE_OPENAI_API_KEY, or unset them).`,
    );
  return undefined;
}
