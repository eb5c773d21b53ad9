import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMoreToken } from '../../bot/assistant/more-token.js';
import type { AuditEntry } from '../../bot/audit/types.js';
import { USERS } from '../support/activities.js';
import { encodeCursor } from '../support/confluence-simulator/responses.js';
import { type Harness, startHarness } from '../support/harness.js';

/** A "More results" token for `words`, continuing the simulator's last search one hit further. */
function nextToken(h: Harness, words: string): string {
  const searches = h.confluence.requests.filter((r) => r.path.endsWith('/rest/api/search'));
  const cql = String(searches.at(-1)?.query.cql);
  return encodeMoreToken(words, undefined, encodeCursor(1, cql));
}

/** "More results" is the search operation again (same pipeline): decided, audited and shown alike. */
describe('More results', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const searchEntries = async (): Promise<AuditEntry[]> => {
    await h.app.audit.flush();
    return (await h.app.audit.tail(50)).filter((entry) => entry.operation === 'search');
  };

  it('audits the next page like the first: the same target and the total count', async () => {
    await h.say('search policy');
    const [firstEntry] = await searchEntries();
    expect(firstEntry!.details).toMatchObject({ results: expect.any(Number) });
    const next = await h.click('moreResults', { token: nextToken(h, 'policy') });
    expect(next.card).toBeDefined();
    const [nextEntry] = await searchEntries();
    expect(nextEntry!.seq).toBeGreaterThan(firstEntry!.seq);
    expect(nextEntry!.target).toEqual(firstEntry!.target);
    expect(nextEntry!.details).toEqual({ ...firstEntry!.details, page: 'next' });
    expect(nextEntry).toMatchObject({ decision: 'allowed', outcome: 'ok' });
  });

  it('is refused, and audited as refused, once search is denied in the channel', async () => {
    await h.say('search policy');
    const token = nextToken(h, 'policy');
    await h.say('/confluence policy search denied', { from: USERS.admin });
    const next = await h.click('moreResults', { token });
    expect(next.text).toMatch(/denied/i);
    const [entry] = await searchEntries();
    expect(entry).toMatchObject({ decision: 'denied', outcome: 'denied' });
  });
});
