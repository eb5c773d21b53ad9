import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../support/activities.js';
import { type Harness, startHarness } from '../support/harness.js';

/**
 * Issue 10 item 7: `confirm` previews writes, so a read cannot be set to confirm, and
 * `policy explain` gives the pipeline's own verdict (both come from bot/policy).
 */
describe('confirm applies to writes only', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses `/confluence policy search confirm` and leaves the policy as it was', async () => {
    const refused = await h.say('/confluence policy search confirm', { from: USERS.admin });
    expect(refused.text).toMatch(/Not changed: search cannot be "confirm"/);
    const shown = await h.say('/confluence policy', { from: USERS.admin });
    expect(shown.text).toMatch(/search/);
    const search = await h.say('search vpn');
    expect(search.text).toMatch(/pages found/);
  });

  it('explains a write under confirm as allowed after approval, the same verdict the pipeline gives', async () => {
    const explained = await h.say('/confluence policy explain create ENG', { from: USERS.admin });
    expect(explained.text).toMatch(/create in "ENG": allowed after approval/);
    const asked = await h.say('create "Explained Page" in ENG\nHello');
    expect(asked.text).toMatch(/Waiting for approval/i);
  });
});
