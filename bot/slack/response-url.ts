import type { Logger } from '../logger.js';
import { context } from './blocks-build.js';
import { type BlockMessage, LIMITS } from './blocks-types.js';

/*
 * A slash command's `response_url`: where its reply goes, shown to the user only, when the bot cannot
 * post in the channel (it is not a member). Slack accepts up to 5 posts there within 30 minutes.
 * Only Slack's own hooks host (or the configured SLACK_API_URL's origin, the tests' fake) is ever
 * called: the URL arrives in a request and is otherwise not trusted. No token is sent.
 */

/** Where Slack's response URLs live. */
export const SLACK_HOOKS_ORIGIN = 'https://hooks.slack.com';

/** Posts Slack accepts on one response URL. */
export const RESPONSE_URL_MAX_POSTS = 5;

/** Slack's errors for a post in a channel the bot is not in (or cannot see). */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

/** The note shown above a reply that went to the response URL (the manifest's bot name: Confluence). */
export const NOT_IN_CHANNEL_NOTE =
  ":information_source: I'm not a member of this channel, so only you can see this reply. " +
  'Invite me with `/invite @Confluence` to get public replies here.';

/** Is `error` (an AppError from the Slack port, or a SlackApiError) Slack's "not in this channel"? */
export function isNotInChannel(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const record = error as { slackError?: unknown; details?: { slackError?: unknown } };
  const code = record.slackError ?? record.details?.slackError;
  return typeof code === 'string' && NOT_A_MEMBER.has(code);
}

/** Is `url` an https URL on Slack's hooks host, or on the origin of `apiUrl` (SLACK_API_URL)? */
export function isAllowedResponseUrl(url: string, apiUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.origin === SLACK_HOOKS_ORIGIN) return true;
  if (apiUrl === undefined) return false;
  try {
    return parsed.origin === new URL(apiUrl).origin;
  } catch {
    return false;
  }
}

/** `content` with the not-in-channel note first (kept within Slack's 50 blocks). */
export function withNotInChannelNote(content: BlockMessage): BlockMessage {
  const blocks = [context(NOT_IN_CHANNEL_NOTE), ...content.blocks].slice(0, LIMITS.messageBlocks);
  return { text: content.text, blocks };
}

/** Options of {@link createResponseUrlPoster}. */
export interface ResponseUrlOptions {
  readonly url: string;
  /** SLACK_API_URL: its origin is allowed beside hooks.slack.com. */
  readonly apiUrl?: string;
  readonly logger: Logger;
  /** Per-post timeout (default 5 s). */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/**
 * A poster of ephemeral replies to one response URL. Each post resolves to whether Slack took it;
 * a refused URL, a sixth post, a timeout or an error answer is logged (origin only: the URL itself
 * lets anyone post for 30 minutes) and never thrown.
 */
export function createResponseUrlPoster(
  options: ResponseUrlOptions,
): (content: BlockMessage) => Promise<boolean> {
  const send = options.fetch ?? fetch;
  const allowed = isAllowedResponseUrl(options.url, options.apiUrl);
  const origin = (() => {
    try {
      return new URL(options.url).origin;
    } catch {
      return 'invalid';
    }
  })();
  let posts = 0;
  return async (content) => {
    if (!allowed) {
      options.logger.warn({ origin }, 'slack response_url refused: not a Slack host');
      return false;
    }
    if (posts >= RESPONSE_URL_MAX_POSTS) {
      options.logger.warn({ origin }, 'slack response_url: post limit reached');
      return false;
    }
    posts += 1;
    try {
      const response = await send(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
          response_type: 'ephemeral',
          text: content.text,
          blocks: content.blocks,
        }),
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      });
      await response.body?.cancel();
      if (!response.ok) {
        options.logger.warn({ origin, status: response.status }, 'slack response_url post failed');
        return false;
      }
      return true;
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      options.logger.warn({ origin, err: name }, 'slack response_url post failed');
      return false;
    }
  };
}
