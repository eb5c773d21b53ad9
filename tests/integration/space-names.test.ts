import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATIONS } from '../support/activities.js';
import type { RecordedRequest } from '../support/confluence-simulator/index.js';
import { type Harness, startHarness, USERS } from '../support/harness.js';

const isSearch = (r: RecordedRequest): boolean => r.path.endsWith('/rest/api/search');
const isSpaceList = (r: RecordedRequest): boolean => r.path === '/wiki/api/v2/spaces';

/**
 * Issue 13: spaces named in words ("in the engineering space") resolve to their keys over HTTP,
 * against the spaces the connector (ENG, HR, OPS) and the channel allow — a name never widens access.
 */
describe('spaces named in words over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('"search <words> in the engineering space" searches ENG only', async () => {
    const before = h.confluence.requests.length;
    const result = await h.say('search code freeze in the engineering space');
    const calls = since(h, before);
    const searches = calls.filter(isSearch);
    // Nothing holds both words, so fewer words are searched after: in ENG only, like the first.
    expect(String(searches[0]!.query.cql)).toContain('text ~ "code freeze"');
    for (const search of searches) {
      const cql = String(search.query.cql);
      expect(cql).toContain('space IN ("ENG")');
      expect(cql).not.toMatch(/engineering|space ~/i);
    }
    expect(calls.filter(isSpaceList)).toHaveLength(1);
    expect(result.text).not.toMatch(/ENGINEERING/);
  });

  it('a page named in a space named in words: the title search runs in that space', async () => {
    const before = h.confluence.requests.length;
    const result = await h.say("open the Onboarding page from the People & HR's wiki");
    const searches = since(h, before).filter(isSearch);
    expect(String(searches[0]?.query.cql)).toContain('space IN ("HR")');
    expect(String(searches[0]?.query.cql)).toContain('title ~ "Onboarding"');
    expect(result.text).toContain('Onboarding');
    expect(since(h, before).filter(isSpaceList)).toHaveLength(0);
  });

  it('the space directory is cached: a second named space asks Confluence for no names', async () => {
    const before = h.confluence.requests.length;
    await h.say('search vpn in the IT & Operations space');
    const calls = since(h, before);
    expect(calls.filter(isSpaceList)).toHaveLength(0);
    expect(String(calls.find(isSearch)?.query.cql)).toContain('space IN ("OPS")');
  });

  it('a key typed as a key costs no look-up (the calls per search do not change)', async () => {
    const before = h.confluence.requests.length;
    await h.say('search deployment in ENG');
    await h.say('search deployment');
    expect(since(h, before).map((r) => r.path)).toEqual(['/wiki/rest/api/search', '/wiki/rest/api/search']);
  });

  it('a "did you mean" button reads a space named in words as typing it would', async () => {
    const before = h.confluence.requests.length;
    const ran = await h.click(
      'runReading',
      { text: 'search vpn in the IT & Operations space' },
      { from: USERS.reader },
    );
    expect(ran.text).toContain('Ran: search vpn');
    expect(String(since(h, before).find(isSearch)?.query.cql)).toContain('space IN ("OPS")');
  });

  it('a space outside the allowed set is never resolved by its name', async () => {
    const before = h.confluence.requests.length;
    const sales = await h.say('search pricing in the sales space');
    expect(sales.text).toMatch(/SALES/);
    expect(sales.text).toMatch(/not allowed|outside|only/i);
    const legal = await h.say("search contract templates in Legal's wiki");
    const calls = since(h, before);
    const searches = calls.filter(isSearch);
    expect(String(searches[0]!.query.cql)).toContain('text ~ "contract templates');
    for (const search of searches) expect(String(search.query.cql)).toContain('space IN ("ENG","HR","OPS")');
    expect(JSON.stringify(calls.map((r) => r.query))).not.toMatch(/SALES|LEGAL/);
    expect(legal.text).not.toContain('Contract Templates');
  });

  it("a channel's narrower list is the directory: a name of a space it left out is refused before any search", async () => {
    await h.app.deps.settings.setChannelSpaces('19:group-chat@thread.v2', ['HR']);
    const before = h.confluence.requests.length;
    const refused = await h.say('search code freeze in the engineering space', {
      conversation: CONVERSATIONS.group,
    });
    expect(refused.text).toMatch(/ENGINEERING/);
    const allowed = await h.say('search parental leave in the People space', {
      conversation: CONVERSATIONS.group,
    });
    const searches = since(h, before).filter(isSearch);
    expect(searches).toHaveLength(1);
    expect(String(searches[0]!.query.cql)).toContain('space IN ("HR")');
    expect(allowed.text).toMatch(/leave/i);
    await h.app.deps.settings.setChannelSpaces('19:group-chat@thread.v2', undefined);
  });
});

describe('spaces named in words when Confluence fails', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a failed directory look-up does not fail the turn: the message is read as typed', async () => {
    h.confluence.injectFault({
      kind: 'status',
      status: 500,
      times: 3,
      method: 'GET',
      pathIncludes: '/api/v2/spaces',
    });
    const before = h.confluence.requests.length;
    const result = await h.say('search code freeze in the engineering space', { from: USERS.reader });
    expect(result.status).toBe(200);
    expect(result.text).toMatch(/ENGINEERING/);
    expect(since(h, before).filter(isSearch)).toHaveLength(0);
    const again = await h.say('search code freeze in the engineering space');
    expect(String(since(h, before).find(isSearch)?.query.cql)).toContain('space IN ("ENG")');
    expect(again.text).not.toMatch(/ENGINEERING/);
  });
});

function since(h: Harness, before: number): RecordedRequest[] {
  return h.confluence.requests.slice(before);
}
