import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../bot/logger.js';
import type { SlackSelf } from '../../../bot/slack/inbound.js';
import { retrySlackAuth, SLACK_AUTH_RETRY_DELAYS_MS } from '../../../bot/slack/transport-auth-retry.js';

const SELF: SlackSelf = { botUserId: 'U0BOT', botId: 'B0BOT' };
const TOKEN = 'xoxb-secret-token-123';

function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

/** auth.test that fails `failures` times (with the token in the message), then answers. */
function flakyAuthTest(failures: number) {
  let calls = 0;
  const authTest = async (): Promise<SlackSelf> => {
    calls += 1;
    if (calls <= failures) throw new Error(`Slack auth.test failed: could not reach (token ${TOKEN})`);
    return SELF;
  };
  return { authTest, calls: () => calls };
}

describe('retrySlackAuth', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries after each backoff step, logs each failure once without the token, then resolves', async () => {
    const { logger, lines } = recordingLogger();
    const slack = flakyAuthTest(3);
    const retry = retrySlackAuth({ authTest: slack.authTest, logger, secrets: [TOKEN] });
    let ready: SlackSelf | undefined;
    void retry.ready.then((self) => {
      ready = self;
    });

    await vi.advanceTimersByTimeAsync(0);
    expect(slack.calls()).toBe(1);
    expect(retry.current()).toBeUndefined();
    // Just before each step ends nothing new happens; at its end the next attempt runs.
    for (const [index, delay] of SLACK_AUTH_RETRY_DELAYS_MS.slice(0, 3).entries()) {
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(slack.calls()).toBe(index + 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(slack.calls()).toBe(index + 2);
    }
    expect(ready).toEqual(SELF);
    expect(retry.current()).toEqual(SELF);

    const warnings = lines.filter((line) => line.level === 40);
    expect(warnings.map((line) => [line.attempt, line.retryInMs])).toEqual([
      [1, 1_000],
      [2, 2_000],
      [3, 5_000],
    ]);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
    expect(JSON.stringify(warnings[0])).toContain('[redacted]');
    expect(lines.some((line) => line.msg === 'Slack auth.test succeeded')).toBe(true);
  });

  it('keeps the last delay once the steps are used up', async () => {
    const { logger, lines } = recordingLogger();
    const slack = flakyAuthTest(100);
    retrySlackAuth({ authTest: slack.authTest, logger, delaysMs: [10, 20] });
    await vi.advanceTimersByTimeAsync(10 + 20 + 20 + 20);
    expect(slack.calls()).toBe(5);
    expect(lines.map((line) => line.retryInMs)).toEqual([10, 20, 20, 20, 20]);
  });

  it('stop() cancels the pending retry', async () => {
    const { logger } = recordingLogger();
    const slack = flakyAuthTest(100);
    const retry = retrySlackAuth({ authTest: slack.authTest, logger, delaysMs: [10] });
    await vi.advanceTimersByTimeAsync(0);
    retry.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(slack.calls()).toBe(1);
    expect(retry.current()).toBeUndefined();
  });
});
