import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATIONS, USERS } from '../support/activities.js';
import { type Harness, startHarness } from '../support/harness.js';

/**
 * End to end over HTTP: Bot Framework activities in, channel-stub posts out, the real Confluence
 * client against the simulator. Connector spaces: ENG, HR, OPS (SALES, LEGAL, ~jdoe not allowed).
 */
describe('operations end to end', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ CONFLUENCE_POLICY: 'search=allowed,get=allowed,create=allowed,update=allowed' });
  });
  afterAll(async () => {
    await h?.close();
  });

  const searchCalls = () => h.confluence.requests.filter((r) => r.path.endsWith('/rest/api/search'));

  it('answers GET /healthz with 200 and JSON', async () => {
    const response = await fetch(`${h.botUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', connectors: 1 });
  });

  it('searches the allowed spaces and shows titles, spaces and excerpts', async () => {
    const result = await h.say('search parental leave');
    expect(result.status).toBe(200);
    expect(result.card?.type).toBe('AdaptiveCard');
    expect(result.text).toContain('Parental Leave Policy');
    const cql = String(searchCalls().at(-1)?.query.cql);
    expect(cql).toContain('space IN ("ENG","HR","OPS")');
    expect(cql).toContain('text ~ "parental leave"');
  });

  it('refuses a search in a space outside the allowed set before calling Confluence', async () => {
    const before = searchCalls().length;
    const result = await h.say('search contract in LEGAL');
    expect(result.text).toMatch(/LEGAL/);
    expect(result.text).toMatch(/not one of the usable spaces|not allowed/i);
    expect(searchCalls().length).toBe(before);
    expect(h.confluence.requests.some((r) => JSON.stringify(r.query).includes('LEGAL'))).toBe(false);
  });

  it('keeps CQL injection inside one text literal', async () => {
    const result = await h.say('search vpn" OR space = "LEGAL');
    expect(result.status).toBe(200);
    const cql = String(searchCalls().at(-1)?.query.cql);
    expect(cql).toMatch(
      /^type = page AND space IN \("ENG","HR","OPS"\) AND text ~ "(?:[^"\\]|\\.)*" ORDER BY lastmodified DESC$/,
    );
    expect(result.text).not.toMatch(/Litigation|Trademark|Contract Templates/);
  });

  it('opens a page by id, by URL and by "Title" in SPACE', async () => {
    const page = h.confluence.findPageByTitle('HR', 'Parental Leave Policy')!;
    const byId = await h.say(`get ${page.id}`);
    expect(byId.text).toContain('Parental Leave Policy');
    expect(byId.text).toContain('16 weeks');
    const byUrl = await h.say(
      `open ${h.confluence.url}/wiki/spaces/HR/pages/${page.id}/Parental+Leave+Policy`,
    );
    expect(byUrl.text).toContain('16 weeks');
    const byTitle = await h.say('show "Parental Leave Policy" in HR');
    expect(byTitle.text).toContain('16 weeks');
  });

  it('refuses a page by id whose space is not allowed and shows nothing of it', async () => {
    const page = h.confluence.findPageByTitle('SALES', 'Pricing and Discounts')!;
    const result = await h.say(`get ${page.id}`);
    expect(result.text).toMatch(/does not exist|cannot see/i);
    expect(result.text).not.toContain('SALES');
    expect(result.text).not.toContain('Pricing and Discounts');
    expect(result.text).not.toContain(page.storage.slice(20, 60));
  });

  it('names the author of the version shown, looked up once per person', async () => {
    const page = h.confluence.findPageByTitle('HR', 'Parental Leave Policy')!;
    const lookups = () => h.confluence.requests.filter((r) => r.path === '/wiki/rest/api/user').length;
    const first = await h.say(`get ${page.id}`);
    expect(first.text).toMatch(/by (Jane Doe|Marcus Smith|Priya Chen|Olu Okoro|Lucia Garcia)/);
    expect(first.text).not.toMatch(/a Confluence user/);
    expect(lookups()).toBeGreaterThanOrEqual(1);
    const before = lookups();
    await h.say(`get ${page.id}`);
    expect(lookups()).toBe(before);
  });

  it('refuses a page named by title in a disallowed space without fetching it', async () => {
    const before = h.confluence.requests.length;
    const result = await h.say('get "Pricing and Discounts" in SALES');
    expect(result.text).toMatch(/SALES/);
    expect(h.confluence.requests.length).toBe(before);
  });

  it('treats hidden and missing pages alike', async () => {
    const hidden = await h.say('get 99999999');
    expect(hidden.text).toMatch(/does not exist|cannot see/i);
  });

  it('creates a page at once under allowed and converts Markdown safely', async () => {
    const result = await h.say(
      'create "Team Lunch Notes" in ENG\n# Lunch\n\n- pizza\n- <script>alert(1)</script>',
    );
    expect(result.text).toContain('Page created');
    const page = h.confluence.findPageByTitle('ENG', 'Team Lunch Notes')!;
    expect(page).toBeDefined();
    expect(page.storage).toContain('<h1>Lunch</h1>');
    expect(page.storage).not.toContain('<script>');
  });

  it('creates a page under a parent named without quotes, and asks when the parent cannot be read', async () => {
    const result = await h.say(
      'create a page DNS Checks in OPS under Incident Runbooks: check the resolvers first',
    );
    expect(result.text).toContain('Page created');
    const parent = h.confluence.findPageByTitle('OPS', 'Incident Runbooks')!;
    expect(h.confluence.findPageByTitle('OPS', 'DNS Checks')?.parentId).toBe(parent.id);
    const unread = await h.say(
      'make a subpage of Incident Runbooks in OPS called NTP Checks: check the clocks',
    );
    expect(unread.text).toMatch(/Which page should the new page go under\?/);
    expect(h.confluence.findPageByTitle('OPS', 'NTP Checks')).toBeUndefined();
    expect(h.confluence.findPageByTitle('OPS', 'Incident Runbooks')?.id).toBe(parent.id);
  });

  it('refuses a create under a parent page in another space', async () => {
    const parent = h.confluence.findPageByTitle('HR', 'Policies')!;
    const result = await h.say(`create "Sneaky" in ENG under ${parent.id}\nbody`);
    expect(result.text).toMatch(/parent page is in space HR/);
    expect(h.confluence.findPageByTitle('ENG', 'Sneaky')).toBeUndefined();
  });

  it('refuses a create in a disallowed space before calling Confluence', async () => {
    const before = h.confluence.requests.length;
    const result = await h.say('create "Leak" in LEGAL\nbody');
    expect(result.text).toMatch(/LEGAL/);
    expect(h.confluence.requests.length).toBe(before);
  });

  it('appends to a page editing storage in place: macros and everything else survive byte for byte', async () => {
    const page = h.confluence.findPageByTitle('OPS', 'Runbook: Database Failover')!;
    const before = page.storage;
    const result = await h.say(`update ${page.id}\nappend: Checked by **on-call** on 2026-11-28.`);
    expect(result.text).toContain('Page updated');
    const after = h.confluence.getPage(page.id)!;
    expect(after.version).toBe(page.version + 1);
    expect(after.storage.startsWith(before)).toBe(true);
    expect(after.storage).toContain('<strong>on-call</strong>');
    for (const macro of before.match(/<ac:structured-macro[\s\S]*?<\/ac:structured-macro>/g) ?? []) {
      expect(after.storage).toContain(macro);
    }
  });

  it('replaces text in a page and reports text that is not there', async () => {
    const page = h.confluence.findPageByTitle('ENG', 'Feature Flags')!;
    const missing = await h.say(`update ${page.id}\nreplace "no such words anywhere" with "x"`);
    expect(missing.text).toMatch(/not found/i);
    expect(h.confluence.getPage(page.id)!.version).toBe(page.version);
  });

  it('answers a question with quoted passages and links', async () => {
    const result = await h.say('how many weeks of parental leave do we get?', {
      conversation: CONVERSATIONS.group,
    });
    expect(result.text).toContain('16 weeks');
    expect(result.text).toMatch(/\[Parental Leave Policy\]\(http/);
  });

  it('gives help for unparseable input', async () => {
    const result = await h.say('asdf qwer zxcv');
    expect(result.text.length).toBeGreaterThan(20);
  });

  it('refuses reads everywhere when the policy denies them', async () => {
    const admin = await h.say('/confluence policy get denied', { from: USERS.admin });
    expect(admin.text).toMatch(/Policy updated/);
    const page = h.confluence.findPageByTitle('HR', 'Parental Leave Policy')!;
    const before = h.confluence.requests.length;
    const result = await h.say(`get ${page.id}`);
    expect(result.text).toMatch(/denied/i);
    expect(h.confluence.requests.length).toBe(before);
    await h.say('/confluence policy get allowed', { from: USERS.admin });
  });

  it('refuses an update when the policy denies updates, without calling Confluence', async () => {
    await h.say('/confluence policy update denied', { from: USERS.admin });
    const page = h.confluence.findPageByTitle('ENG', 'Feature Flags')!;
    const before = h.confluence.requests.length;
    const result = await h.say(`update ${page.id}\nappend: should not land`);
    expect(result.text).toMatch(/update is denied here/);
    expect(h.confluence.requests.length).toBe(before);
    expect(h.confluence.getPage(page.id)!.storage).not.toContain('should not land');
    await h.say('/confluence policy update allowed', { from: USERS.admin });
  });

  it('keeps the simulator answers valid against the official OpenAPI specs', () => {
    expect(h.confluence.schemaViolations).toEqual([]);
  });
});
