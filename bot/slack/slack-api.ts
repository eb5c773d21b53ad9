import { setTimeout as delay } from 'node:timers/promises';
import { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { Secret } from '../secret.js';
import type { SlackSelf } from './inbound.js';
import { toSlackLogger } from './slack-logger.js';

/** What went wrong talking to Slack. */
export type SlackApiErrorCode =
  /** Slack answered `ok: false`; `slackError` holds its code (`channel_not_found`, `invalid_auth`, …). */
  | 'SLACK_PLATFORM_ERROR'
  /** Slack said 429; `retryAfterSeconds` says when the method may be called again. */
  | 'SLACK_RATE_LIMITED'
  /** No answer: network failure or timeout. Whether a write happened is unknown. */
  | 'SLACK_UNREACHABLE'
  /** An HTTP status other than 200/429, or a body that is not a Web API result. */
  | 'SLACK_UNEXPECTED_RESPONSE';

const HINTS: Readonly<Record<string, string>> = {
  not_authed: 'no bot token was sent',
  invalid_auth: 'the bot token is not valid (check SLACK_BOT_TOKEN)',
  account_inactive: 'the bot token belongs to a deleted user or uninstalled app',
  token_revoked: 'the bot token was revoked (reinstall the app)',
  missing_scope: 'the app lacks a scope (compare its scopes with appPackage/slack-manifest.json)',
  channel_not_found: 'the channel does not exist or the bot cannot see it',
  not_in_channel: 'the bot is not a member of the channel (invite it)',
  is_archived: 'the channel is archived',
  message_not_found: 'the message to update does not exist',
  cant_update_message: 'only messages the bot posted can be updated',
  invalid_blocks: 'the Block Kit blocks are not valid (over 50 blocks, or a text or value too long)',
  msg_too_long: 'the message text is too long',
  no_text: 'the message has no text',
  user_not_found: 'no such user',
  users_not_found: 'no user has that email address',
  user_not_in_channel: 'the user is not in that channel',
  expired_trigger_id: 'the trigger expired (a modal must open within 3 seconds of the click)',
  invalid_trigger_id: 'the trigger id is not valid',
  ratelimited: 'Slack is rate limiting this method',
};

/**
 * A failed Web API call. The message names the method and Slack's error code with a hint; it never
 * contains the token, the request arguments or the response body, and no cause is kept (the SDK's
 * errors can hold request details).
 */
export class SlackApiError extends Error {
  readonly code: SlackApiErrorCode;
  readonly method: string;
  readonly slackError?: string;
  readonly retryAfterSeconds?: number;

  constructor(
    code: SlackApiErrorCode,
    method: string,
    detail: { slackError?: string; retryAfterSeconds?: number; message: string },
  ) {
    super(`Slack ${method} failed: ${detail.message}`);
    this.name = 'SlackApiError';
    this.code = code;
    this.method = method;
    if (detail.slackError !== undefined) this.slackError = detail.slackError;
    if (detail.retryAfterSeconds !== undefined) this.retryAfterSeconds = detail.retryAfterSeconds;
  }

  /** Log form: code, method, Slack's error, retry-after; nothing else. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      method: this.method,
      slackError: this.slackError,
      retryAfterSeconds: this.retryAfterSeconds,
      message: this.message,
    };
  }
}

/** Is `value` a SlackApiError for Slack's error code `slackError` (e.g. `channel_not_found`)? */
export function isSlackError(value: unknown, slackError?: string): value is SlackApiError {
  return value instanceof SlackApiError && (slackError === undefined || value.slackError === slackError);
}

/** A Block Kit block or view, as built by the renderer (checked by Slack, not here). */
export type SlackBlock = object;

/** A message to post or to put in place of another. `text` is the notification fallback: always set. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks?: readonly SlackBlock[];
}

/** A Slack user as `users.info` describes them. */
export interface SlackUser {
  readonly id: string;
  /** Display name, else real name, else the handle. */
  readonly name: string;
  /** Present with the users:read.email scope and when the user has one. */
  readonly email?: string;
  readonly isBot: boolean;
  readonly deleted: boolean;
  readonly teamId?: string;
}

/** The Web API calls the Slack edge makes. Every method rejects with SlackApiError only. */
export interface SlackApi {
  /** Posts a message; in a thread when `threadTs` is given. Resolves to the channel and the new `ts`. */
  postMessage(
    channel: string,
    message: SlackMessage,
    options?: { threadTs?: string },
  ): Promise<{ channel: string; ts: string }>;
  /** Replaces a message the bot posted (an approval decided in place). */
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  /** Shows a message to one user in a channel (a refusal to a clicker). Resolves to its `message_ts`. */
  postEphemeral(
    channel: string,
    user: string,
    message: SlackMessage,
    options?: { threadTs?: string },
  ): Promise<string | undefined>;
  /** Opens a modal for the person behind `triggerId` (valid for 3 seconds). Resolves to the view id. */
  viewsOpen(triggerId: string, view: SlackBlock): Promise<string>;
  /** Looks a user up by id. */
  usersInfo(userId: string): Promise<SlackUser>;
  /** The user id for an email address, or `undefined` when no user has it (`users_not_found`). */
  lookupByEmail(email: string): Promise<string | undefined>;
  /** Who the bot token belongs to (call once at startup: the receiver needs the bot user id). */
  authTest(): Promise<SlackSelf & { readonly url?: string }>;
}

/** Options for `createSlackApi`. */
export interface SlackApiOptions {
  readonly botToken: Secret;
  /** SLACK_API_URL (config guarantees https, or http to loopback, and a trailing `/`). */
  readonly apiUrl: string;
  readonly logger: Logger;
  /** Per-call timeout (default 10 s). */
  readonly timeoutMs?: number;
  /**
   * After a 429, a call waits out `Retry-After` when it is at most this long (default 5 s) and is
   * tried once more; a longer wait fails at once with SLACK_RATE_LIMITED instead of holding a user's
   * request. Either way no call to that method is sent before `Retry-After` has passed.
   */
  readonly maxRateLimitWaitMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

type Result = Record<string, unknown>;

function str(result: Result, key: string): string | undefined {
  const value = result[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function obj(result: Result, key: string): Result {
  const value = result[key];
  return value !== null && typeof value === 'object' ? (value as Result) : {};
}

function mapError(method: string, error: unknown): SlackApiError {
  if (error instanceof SlackApiError) return error;
  if (error instanceof webApi.WebAPIPlatformError) {
    const slackError = String(error.data.error).slice(0, 80);
    const data = error.data as unknown as Result;
    const needed = typeof data.needed === 'string' ? ` (needs ${data.needed.slice(0, 80)})` : '';
    const hint = HINTS[slackError];
    return new SlackApiError('SLACK_PLATFORM_ERROR', method, {
      slackError,
      message: `${slackError}${needed}${hint ? `: ${hint}` : ''}`,
    });
  }
  if (error instanceof webApi.WebAPIRateLimitedError)
    return rateLimited(method, Math.max(1, Math.ceil(error.retryAfter)));
  if (error instanceof webApi.WebAPIRequestError) {
    const timedOut = /abort|timeout/i.test(error.original.name) || /timeout/i.test(error.original.message);
    return new SlackApiError('SLACK_UNREACHABLE', method, {
      message: timedOut ? 'Slack did not answer in time' : 'Slack could not be reached',
    });
  }
  if (error instanceof webApi.WebAPIHTTPError)
    return new SlackApiError('SLACK_UNEXPECTED_RESPONSE', method, { message: `HTTP ${error.statusCode}` });
  return new SlackApiError('SLACK_UNEXPECTED_RESPONSE', method, { message: 'unexpected answer' });
}

function rateLimited(method: string, retryAfterSeconds: number): SlackApiError {
  return new SlackApiError('SLACK_RATE_LIMITED', method, {
    slackError: 'ratelimited',
    retryAfterSeconds,
    message: `ratelimited: retry after ${retryAfterSeconds} s`,
  });
}

function messageArgs(message: SlackMessage): Result {
  return {
    text: message.text,
    ...(message.blocks !== undefined ? { blocks: message.blocks } : {}),
  };
}

/**
 * The Web API client of the Slack edge: Bolt's WebClient (it serialises arguments the way Slack
 * expects, sends the token only as a Bearer header, refuses redirects and, with `allowAbsoluteUrls`
 * off, never sends the token anywhere but `apiUrl`) pointed at SLACK_API_URL, with the SDK's own
 * retries off (a retried `chat.postMessage` can post twice) and 429s handled here (see
 * `maxRateLimitWaitMs`). Slack's `ok: false` answers become SlackApiError with a clear message.
 */
export function createSlackApi(options: SlackApiOptions): SlackApi {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const maxWaitMs = options.maxRateLimitWaitMs ?? 5_000;
  const client = new webApi.WebClient(options.botToken.reveal(), {
    slackApiUrl: options.apiUrl,
    logger: toSlackLogger(options.logger),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    allowAbsoluteUrls: false,
    maxRequestConcurrency: 20,
  });
  const blockedUntil = new Map<string, number>();

  const waitIfBlocked = async (method: string) => {
    const wait = (blockedUntil.get(method) ?? 0) - now();
    if (wait <= 0) return;
    if (wait > maxWaitMs) throw rateLimited(method, Math.ceil(wait / 1000));
    await sleep(wait);
  };

  const call = async (method: string, args: Result): Promise<Result> => {
    for (let attempt = 0; ; attempt += 1) {
      await waitIfBlocked(method);
      try {
        return (await client.apiCall(method, args)) as unknown as Result;
      } catch (error) {
        const mapped = mapError(method, error);
        if (mapped.code !== 'SLACK_RATE_LIMITED') throw mapped;
        const waitMs = (mapped.retryAfterSeconds ?? 1) * 1000;
        blockedUntil.set(method, Math.max(blockedUntil.get(method) ?? 0, now() + waitMs));
        options.logger.warn({ method, retryAfterSeconds: mapped.retryAfterSeconds }, 'slack rate limited');
        if (attempt > 0 || waitMs > maxWaitMs) throw mapped;
      }
    }
  };

  const required = (method: string, value: string | undefined, field: string): string => {
    if (value === undefined)
      throw new SlackApiError('SLACK_UNEXPECTED_RESPONSE', method, { message: `no ${field} in the answer` });
    return value;
  };

  return {
    async postMessage(channel, message, postOptions = {}) {
      const result = await call('chat.postMessage', {
        channel,
        ...messageArgs(message),
        ...(postOptions.threadTs !== undefined ? { thread_ts: postOptions.threadTs } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      return {
        channel: str(result, 'channel') ?? channel,
        ts: required('chat.postMessage', str(result, 'ts'), 'ts'),
      };
    },
    async update(channel, ts, message) {
      await call('chat.update', { channel, ts, ...messageArgs(message) });
    },
    async postEphemeral(channel, user, message, postOptions = {}) {
      const result = await call('chat.postEphemeral', {
        channel,
        user,
        ...messageArgs(message),
        ...(postOptions.threadTs !== undefined ? { thread_ts: postOptions.threadTs } : {}),
      });
      return str(result, 'message_ts');
    },
    async viewsOpen(triggerId, view) {
      const result = await call('views.open', { trigger_id: triggerId, view });
      return required('views.open', str(obj(result, 'view'), 'id'), 'view id');
    },
    async usersInfo(userId) {
      const result = await call('users.info', { user: userId });
      const user = obj(result, 'user');
      const profile = obj(user, 'profile');
      const id = required('users.info', str(user, 'id'), 'user id');
      const email = str(profile, 'email');
      const teamId = str(user, 'team_id');
      return {
        id,
        name:
          str(profile, 'display_name') ??
          str(profile, 'real_name') ??
          str(user, 'real_name') ??
          str(user, 'name') ??
          id,
        ...(email !== undefined ? { email } : {}),
        isBot: user.is_bot === true,
        deleted: user.deleted === true,
        ...(teamId !== undefined ? { teamId } : {}),
      };
    },
    async lookupByEmail(email) {
      try {
        const result = await call('users.lookupByEmail', { email });
        return required('users.lookupByEmail', str(obj(result, 'user'), 'id'), 'user id');
      } catch (error) {
        if (isSlackError(error, 'users_not_found')) return undefined;
        throw error;
      }
    },
    async authTest() {
      const result = await call('auth.test', {});
      const botId = str(result, 'bot_id');
      const teamId = str(result, 'team_id');
      const url = str(result, 'url');
      return {
        botUserId: required('auth.test', str(result, 'user_id'), 'user_id'),
        ...(botId !== undefined ? { botId } : {}),
        ...(teamId !== undefined ? { teamId } : {}),
        ...(url !== undefined ? { url } : {}),
      };
    },
  };
}
