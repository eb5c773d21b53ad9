import { AppError } from '../errors.js';
import { SlackApiError } from './slack-api-error.js';

/**
 * A Web API failure as the core's error catalog names it (SLACK_PLATFORM_ERROR, SLACK_RATE_LIMITED,
 * SLACK_UNREACHABLE, SLACK_UNEXPECTED_RESPONSE): the user sees the catalog's safe message; the
 * method and Slack's error code stay in `details` for the log. Anything else is returned as is.
 */
export function toSlackAppError(error: unknown): unknown {
  if (!(error instanceof SlackApiError)) return error;
  return new AppError(error.code, {
    message: error.message,
    details: {
      method: error.method,
      ...(error.slackError !== undefined ? { slackError: error.slackError } : {}),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    },
  });
}
