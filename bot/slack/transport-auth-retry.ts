import type { Logger } from '../logger.js';
import type { SlackSelf } from './inbound.js';

/*
 * Who the bot is on Slack (auth.test) is needed before any Slack event can be served, but Slack being
 * unreachable or refusing the token must not stop the Teams side of the bot. So auth.test is retried
 * in the background with a growing delay until it answers.
 */

/** Delays between attempts: the last one repeats for as long as Slack keeps failing. */
export const SLACK_AUTH_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

/** Options of {@link retrySlackAuth}. */
export interface SlackAuthRetryOptions {
  readonly authTest: () => Promise<SlackSelf>;
  readonly logger: Logger;
  /** Backoff steps (default {@link SLACK_AUTH_RETRY_DELAYS_MS}); tests pass short ones. */
  readonly delaysMs?: readonly number[];
  /** Strings that must never reach a log line (the tokens), replaced if an error message held one. */
  readonly secrets?: readonly string[];
}

/** The background attempts: `ready` resolves with the bot's identity once auth.test succeeds. */
export interface SlackAuthRetry {
  /** Never rejects; stays pending after `stop()` if Slack never answered. */
  readonly ready: Promise<SlackSelf>;
  /** The identity, once known. */
  current(): SlackSelf | undefined;
  /** Cancels the pending retry (shutdown). */
  stop(): void;
}

function describeFailure(error: unknown, secrets: readonly string[]): string {
  let text = error instanceof Error ? error.message : String(error);
  for (const secret of secrets) if (secret !== '') text = text.split(secret).join('[redacted]');
  return text;
}

/**
 * Calls `authTest` now and, after each failure, again after the next backoff delay. Each failure is
 * logged once, as a warning with the attempt number and the delay before the next one; the first
 * success is logged at info. Timers are unref'd: a pending retry never keeps the process alive.
 */
export function retrySlackAuth(options: SlackAuthRetryOptions): SlackAuthRetry {
  const delays = options.delaysMs ?? SLACK_AUTH_RETRY_DELAYS_MS;
  const secrets = options.secrets ?? [];
  let self: SlackSelf | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let resolveReady: (value: SlackSelf) => void = () => {};
  const ready = new Promise<SlackSelf>((resolve) => {
    resolveReady = resolve;
  });

  const attempt = async (attemptNumber: number): Promise<void> => {
    if (stopped) return;
    try {
      self = await options.authTest();
    } catch (error) {
      if (stopped) return;
      const delayMs = delays[Math.min(attemptNumber - 1, delays.length - 1)] ?? 60_000;
      options.logger.warn(
        { attempt: attemptNumber, retryInMs: delayMs, err: describeFailure(error, secrets) },
        'Slack auth.test failed; Slack events are refused with 503 until it succeeds (Teams is not affected)',
      );
      timer = setTimeout(() => void attempt(attemptNumber + 1), delayMs);
      timer.unref();
      return;
    }
    if (attemptNumber > 1) options.logger.info({ attempt: attemptNumber }, 'Slack auth.test succeeded');
    resolveReady(self);
  };
  void attempt(1);

  return {
    ready,
    current: () => self,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
