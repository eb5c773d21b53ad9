import { webApi } from '@slack/bolt';

/*
 * Errors of the Slack Web API client: one class with a code per kind of failure, and the mapping
 * from the SDK's errors to it (with a hint for Slack's common error codes). Nothing here keeps a
 * token, request arguments or a response body.
 */

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

/**
 * The SlackApiError for whatever a Web API call threw: Slack's `ok: false` (with a hint), a 429, no
 * answer (network or timeout), or an unexpected HTTP status or body. A SlackApiError passes as is.
 */
export function toSlackApiError(method: string, error: unknown): SlackApiError {
  if (error instanceof SlackApiError) return error;
  if (error instanceof webApi.WebAPIPlatformError) {
    const slackError = String(error.data.error).slice(0, 80);
    const data = error.data as unknown as Record<string, unknown>;
    const needed = typeof data.needed === 'string' ? ` (needs ${data.needed.slice(0, 80)})` : '';
    const hint = HINTS[slackError];
    return new SlackApiError('SLACK_PLATFORM_ERROR', method, {
      slackError,
      message: `${slackError}${needed}${hint ? `: ${hint}` : ''}`,
    });
  }
  if (error instanceof webApi.WebAPIRateLimitedError)
    return rateLimitedError(method, Math.max(1, Math.ceil(error.retryAfter)));
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

/** SLACK_RATE_LIMITED for `method`, callable again after `retryAfterSeconds`. */
export function rateLimitedError(method: string, retryAfterSeconds: number): SlackApiError {
  return new SlackApiError('SLACK_RATE_LIMITED', method, {
    slackError: 'ratelimited',
    retryAfterSeconds,
    message: `ratelimited: retry after ${retryAfterSeconds} s`,
  });
}
