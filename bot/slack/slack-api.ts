import { setTimeout as delay } from 'node:timers/promises';
import { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { Secret } from '../secret.js';
import type { SlackSelf } from './inbound.js';
import { isSlackError, SlackApiError } from './slack-api-error.js';
import { toSlackLogger } from './slack-logger.js';
import { createRateLimitedCall } from './slack-rate-limit.js';

/*
 * The Slack Web API calls the edge makes, as a typed interface, and its client over Bolt's
 * WebClient: arguments in Slack's names, answers read into typed values. Errors are defined in
 * slack-api-error.ts, 429 handling in slack-rate-limit.ts.
 */

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
  const call = createRateLimitedCall(
    async (method: string, args: Result) => (await client.apiCall(method, args)) as unknown as Result,
    { logger: options.logger, now, sleep, maxWaitMs },
  );

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
