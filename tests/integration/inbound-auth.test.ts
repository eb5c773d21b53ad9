import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, sendToBot } from '../support/activities.js';
import { type Harness, startHarness } from '../support/harness.js';

/** With BOT_ID set, the Bot Framework adapter authenticates every inbound request before any turn runs. */
describe('inbound authentication', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      BOT_ID: '00000000-0000-0000-0000-000000000001',
      BOT_PASSWORD: 'not-a-real-secret',
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses requests without a token, and ones with a token that is not a JWT, and runs no turn', async () => {
    const before = h.confluence.requests.length;
    const anonymous = await sendToBot(h.botUrl, messageActivity(h.channel.url, 'search vpn'));
    expect(anonymous.status).toBe(401);
    const garbage = await sendToBot(h.botUrl, messageActivity(h.channel.url, 'search vpn'), {
      authorization: 'Bearer abc.def.ghi',
    });
    expect(garbage.status).toBe(401);
    expect(h.confluence.requests.length).toBe(before);
    expect(h.channel.calls).toHaveLength(0);
  });

  it('never logs the bot password', () => {
    expect(h.logs.join('\n')).not.toContain('not-a-real-secret');
  });
});
