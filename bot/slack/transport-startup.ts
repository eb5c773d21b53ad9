import type { SlackConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createSlackApi } from './slack-api.js';
import { createSlackEdge, type SlackEdge } from './slack-edge.js';
import { retrySlackAuth, type SlackAuthRetry } from './transport-auth-retry.js';

/*
 * The Slack edge's start, in one module so that the app can import() it only when SLACK_BOT_TOKEN is
 * set: everything under @slack/* (Bolt, the Web API client, undici…) is loaded from here.
 */

/** Options of {@link startSlackEdge}. */
export interface StartSlackEdgeOptions {
  readonly config: SlackConfig;
  readonly logger: Logger;
  /** Backoff steps of the auth.test retries (tests pass short ones). */
  readonly authRetryDelaysMs?: readonly number[];
}

/** The started edge and its auth.test retries (stop them at shutdown). */
export interface StartedSlackEdge {
  readonly edge: SlackEdge;
  readonly auth: SlackAuthRetry;
}

/**
 * Builds the Web API client and the edge, and starts asking auth.test who the bot is, retrying in the
 * background for as long as Slack fails: the caller does not wait for Slack.
 */
export function startSlackEdge(options: StartSlackEdgeOptions): StartedSlackEdge {
  const { config, logger } = options;
  const api = createSlackApi({ botToken: config.botToken, apiUrl: config.apiUrl, logger });
  const secrets = [config.botToken.reveal(), ...(config.appToken ? [config.appToken.reveal()] : [])];
  const auth = retrySlackAuth({
    authTest: () => api.authTest(),
    logger,
    secrets,
    ...(options.authRetryDelaysMs ? { delaysMs: options.authRetryDelaysMs } : {}),
  });
  return { edge: createSlackEdge({ config, logger, api, auth }), auth };
}
