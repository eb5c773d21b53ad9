import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_VERBS } from '../../bot/views/verbs.js';
import { USERS } from '../support/activities.js';
import { type Harness, startHarness } from '../support/harness.js';

const UNSUPPORTED = /not supported any more/;

/**
 * Every card verb the templates may use reaches a handler in the assistant (the Teams edge routes
 * all of them to it), and an unknown verb gets the clear "not supported" answer. A verb added to
 * VERBS without a handler fails here.
 */
describe('card verbs end to end', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(ALL_VERBS)(
    'verb "%s" has a handler (bad data gets its own answer, not "unsupported")',
    async (verb) => {
      const result = await h.click(verb, { requestId: 'AAAAAAAAAAAAAAAAAAAAAAAA' }, { from: USERS.admin });
      expect(result.status).toBe(200);
      expect(result.text).not.toMatch(UNSUPPORTED);
    },
  );

  it('answers an unknown verb with a clear message', async () => {
    const result = await h.click('launchMissiles', {}, { from: USERS.admin });
    expect(result.status).toBe(200);
    expect(result.text).toMatch(UNSUPPORTED);
  });
});
