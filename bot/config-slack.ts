/**
 * The Slack section of the configuration (SLACK_* variables): tokens, signing secret, Web API URL
 * and transport mode. Slack is off when SLACK_BOT_TOKEN is unset.
 */

import { type Env, serviceUrl, text } from './config-values.js';
import { Secret } from './secret.js';

/** The Slack edge (SLACK_* variables). Present only when SLACK_BOT_TOKEN is set. */
export interface SlackConfig {
  /** Bot token (`xoxb-…`) for Web API calls. */
  readonly botToken: Secret;
  /** Verifies `POST /slack/events`; required in HTTP mode, unused in Socket Mode. */
  readonly signingSecret?: Secret;
  /** App-level token (`xapp-…`): when set, events arrive over Socket Mode instead of HTTP. */
  readonly appToken?: Secret;
  /** Where Web API calls go, ending in `/` (default `https://slack.com/api/`). */
  readonly apiUrl: string;
  readonly mode: 'http' | 'socket';
}

/** Slack's Web API base URL when SLACK_API_URL is unset. */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/**
 * SLACK_API_URL as given, checked like a Confluence site: `https://`, or `http://` to a loopback
 * host outside production (the local fake); no credentials, query or fragment. Returns the URL with
 * a trailing `/` (the Web API client appends method names to it).
 */
function slackApiUrl(raw: string, production: boolean, problems: string[]): string | undefined {
  const url = serviceUrl('SLACK_API_URL', raw, 'https://slack.com/api/', production, problems);
  if (url === undefined) return undefined;
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Reads the SLACK_* variables; `undefined` when Slack is off. Problems go to `problems`. */
export function readSlackConfig(env: Env, production: boolean, problems: string[]): SlackConfig | undefined {
  const botToken = text(env, 'SLACK_BOT_TOKEN');
  const signingSecret = text(env, 'SLACK_SIGNING_SECRET');
  const appToken = text(env, 'SLACK_APP_TOKEN');
  const rawApiUrl = text(env, 'SLACK_API_URL');
  if (botToken === undefined) {
    const orphans = [
      signingSecret && 'SLACK_SIGNING_SECRET',
      appToken && 'SLACK_APP_TOKEN',
      rawApiUrl && 'SLACK_API_URL',
    ].filter((name): name is string => typeof name === 'string');
    if (orphans.length > 0)
      problems.push(
        `SLACK_BOT_TOKEN is required when ${orphans.join(', ')} is set (unset all to turn Slack off).`,
      );
    return undefined;
  }
  const before = problems.length;
  if (!botToken.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN must be a bot token (xoxb-…).');
  if (appToken !== undefined && !appToken.startsWith('xapp-'))
    problems.push('SLACK_APP_TOKEN must be an app-level token (xapp-…) with the connections:write scope.');
  if (appToken === undefined && signingSecret === undefined)
    problems.push(
      'SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN for Socket Mode).',
    );
  const apiUrl =
    rawApiUrl === undefined ? DEFAULT_SLACK_API_URL : slackApiUrl(rawApiUrl, production, problems);
  if (problems.length > before || apiUrl === undefined) return undefined;
  return Object.freeze({
    botToken: new Secret(botToken),
    ...(signingSecret !== undefined ? { signingSecret: new Secret(signingSecret) } : {}),
    ...(appToken !== undefined ? { appToken: new Secret(appToken) } : {}),
    apiUrl,
    mode: appToken !== undefined ? 'socket' : 'http',
  });
}
