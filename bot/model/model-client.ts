/**
 * One call to a chat completions API (OpenAI or Azure OpenAI) over Node's fetch, asking for a JSON
 * object and checking it against a zod schema. Every failure — timeout, refusal, rate limit,
 * garbage — resolves to `undefined`, so callers fall back to the offline path. Log lines name the
 * purpose, sizes and a short hash of the prompt, never the key or the prompt's text.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ModelConfig, ModelProvider } from '../config-model.js';
import type { Logger } from '../logger.js';
import { retryWaitMs } from './retry-after.js';

/** One message of a prompt. */
export interface ModelMessage {
  readonly role: 'system' | 'user';
  readonly content: string;
}

/** The model as the core sees it: who it is (for the audit) and one bounded, checked call. */
export interface ModelClient {
  readonly provider: ModelProvider;
  readonly model: string;
  /**
   * Sends `messages`, parses the reply's content as JSON and checks it with `schema`;
   * `undefined` on any failure. `purpose` names the call in logs ("reading", "answer").
   */
  completeJson<T>(
    purpose: string,
    messages: readonly ModelMessage[],
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  ): Promise<T | undefined>;
}

/** Most characters of a prompt (all messages together); prompt builders stay under it. */
export const MAX_PROMPT_CHARS = 16_000;
/** Most tokens the model may answer with (answers are short; a reading is one line). */
const MAX_OUTPUT_TOKENS = 700;
/** Largest response body read (a chat completion with 700 tokens is far smaller). */
const MAX_RESPONSE_BYTES = 64 * 1024;
/** Statuses worth one more try: rate limited or a passing server fault. */
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/** The part of a chat completion we read. */
const COMPLETION = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullable().optional() }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
});

/** Seams for tests: fetch, and the longest Retry-After honoured. */
export interface ModelClientOptions {
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
  /** A Retry-After longer than this is not waited for: the call fails at once (default 2 s). */
  readonly maxRetryWaitMs?: number;
}

/** Why a call failed, for the log line. */
class ModelFailure extends Error {
  constructor(
    readonly reason: string,
    readonly status?: number,
    /** The failed response's headers (for Retry-After). */
    readonly headers?: Headers,
  ) {
    super(reason);
  }
}

function promptHash(messages: readonly ModelMessage[]): string {
  const hash = createHash('sha256');
  for (const message of messages) hash.update(`${message.role}\n${message.content}\n`);
  return hash.digest('hex').slice(0, 12);
}

/** Headers of one request: the key goes only here, in the provider's own header. */
function headersFor(config: ModelConfig): Record<string, string> {
  const auth: Record<string, string> =
    config.provider === 'azure'
      ? { 'api-key': config.apiKey.reveal() }
      : { authorization: `Bearer ${config.apiKey.reveal()}` };
  return { 'content-type': 'application/json', accept: 'application/json', ...auth };
}

function bodyFor(config: ModelConfig, messages: readonly ModelMessage[]): string {
  return JSON.stringify({
    ...(config.provider === 'openai' ? { model: config.model } : {}),
    messages,
    temperature: 0,
    max_tokens: MAX_OUTPUT_TOKENS,
    response_format: { type: 'json_object' },
  });
}

async function readCapped(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_RESPONSE_BYTES) throw new ModelFailure('response too large', response.status);
  const text = await response.text();
  if (Buffer.byteLength(text) > MAX_RESPONSE_BYTES)
    throw new ModelFailure('response too large', response.status);
  return text;
}

/** The content of a completion, parsed as JSON and checked; throws ModelFailure otherwise. */
function contentOf<T>(raw: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T {
  let completion: z.infer<typeof COMPLETION>;
  try {
    completion = COMPLETION.parse(JSON.parse(raw));
  } catch {
    throw new ModelFailure('not a chat completion');
  }
  const choice = completion.choices[0];
  if (choice?.finish_reason === 'content_filter') throw new ModelFailure('content filtered');
  const content = choice?.message.content;
  if (!content) throw new ModelFailure('empty content');
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    throw new ModelFailure('content is not JSON');
  }
  const checked = schema.safeParse(value);
  if (!checked.success) throw new ModelFailure('content does not match the schema');
  return checked.data;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new ModelFailure('timed out'));
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new ModelFailure('timed out'));
      },
      { once: true },
    );
  });
}

/** Creates the client for a configured model. */
export function createModelClient(config: ModelConfig, options: ModelClientOptions): ModelClient {
  const doFetch = options.fetch ?? fetch;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 2_000;
  const log = options.logger.child({ model: { provider: config.provider, name: config.model } });

  /** One attempt: the body of a 2xx answer; otherwise throws a ModelFailure (with status and headers). */
  async function attempt(body: string, signal: AbortSignal): Promise<string> {
    let response: Response;
    try {
      response = await doFetch(config.url, { method: 'POST', headers: headersFor(config), body, signal });
    } catch {
      throw new ModelFailure(signal.aborted ? 'timed out' : 'network error');
    }
    const raw = await readCapped(response).catch((error: unknown) => {
      throw error instanceof ModelFailure
        ? error
        : new ModelFailure(signal.aborted ? 'timed out' : 'body unreadable');
    });
    if (!response.ok) {
      throw new ModelFailure(`status ${response.status}`, response.status, response.headers);
    }
    return raw;
  }

  async function completeJson<T>(
    purpose: string,
    messages: readonly ModelMessage[],
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  ): Promise<T | undefined> {
    const promptChars = messages.reduce((sum, message) => sum + message.content.length, 0);
    const facts = { purpose, promptChars, promptHash: promptHash(messages) };
    if (promptChars > MAX_PROMPT_CHARS) {
      log.warn({ ...facts, reason: 'prompt too long' }, 'model call skipped');
      return undefined;
    }
    const started = Date.now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs);
    const body = bodyFor(config, messages);
    try {
      let raw: string;
      try {
        raw = await attempt(body, controller.signal);
      } catch (error) {
        const wait = retryDecision(error, maxRetryWaitMs);
        if (wait === undefined) throw error;
        log.info({ ...facts, status: (error as ModelFailure).status, waitMs: wait }, 'model call retried');
        await sleep(wait, controller.signal);
        raw = await attempt(body, controller.signal);
      }
      const value = contentOf(raw, schema);
      log.info({ ...facts, ms: Date.now() - started }, 'model call answered');
      return value;
    } catch (error) {
      const failure = error instanceof ModelFailure ? error : new ModelFailure('unexpected error');
      log.warn(
        { ...facts, reason: failure.reason, status: failure.status, ms: Date.now() - started },
        'model call failed; using the offline path',
      );
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  return { provider: config.provider, model: config.model, completeJson };
}

/** How long to wait before the one retry, or `undefined` when the failure is not worth one. */
function retryDecision(error: unknown, maxRetryWaitMs: number): number | undefined {
  if (!(error instanceof ModelFailure) || error.status === undefined || !RETRYABLE.has(error.status))
    return undefined;
  return retryWaitMs(error.headers, maxRetryWaitMs);
}
