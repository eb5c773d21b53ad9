import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeActionsOf } from '../support/card-of.js';
import { type Harness, startHarness, USERS } from '../support/harness.js';

function confluenceCalls(h: Harness): number {
  return h.confluence.requests.length;
}

/** Issue 13, requests: pages by name, pick cards, did-you-mean and follow-ups, end to end over HTTP. */
describe('understanding requests over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens a page named by its title without quotes, id or space', async () => {
    const result = await h.say('open the VPN Setup Guide');
    expect(result.text).toContain('VPN Setup Guide');
    expect(executeActionsOf(result.card).some((a) => a.verb === 'pickPage')).toBe(false);
    const searches = h.confluence.requests.filter((r) => r.path.endsWith('/rest/api/search'));
    expect(String(searches.at(-1)?.query.cql)).toMatch(/space IN \("ENG","HR","OPS"\)/);
    expect(String(searches.at(-1)?.query.cql)).toContain('AND title ~ "VPN Setup Guide"');
  });

  it('previews an update of a page named by title (the write goes through approval)', async () => {
    const result = await h.say('add a line to the VPN Setup Guide saying split tunnelling is off');
    expect(result.text).toContain('VPN Setup Guide');
    expect(result.text).toContain('split tunnelling is off');
    expect(executeActionsOf(result.card).map((a) => a.verb)).toContain('refreshApproval');
  });

  it('a name with a word the title lacks: a get opens the closest title saying so, a write only offers it', async () => {
    const opened = await h.say('open the Zyzzyva Testing Strategy');
    expect(opened.posts.length).toBe(2);
    expect(opened.text).toContain(
      'No page is titled "Zyzzyva Testing Strategy"; opening the closest title, "Testing Strategy".',
    );
    const get = (await h.app.audit.tail(1))[0];
    expect([get?.operation, get?.outcome]).toEqual(['get', 'ok']);
    const searches = h.confluence.requests.filter((r) => r.path.endsWith('/rest/api/search')).slice(-2);
    // The whole name, then the name without its last word, then without its first.
    expect(searches.map((r) => String(r.query.cql).match(/title ~ "([^"]*)"/)?.[1])).toEqual([
      'Zyzzyva Testing',
      'Testing Strategy',
    ]);

    const before = (await h.app.audit.tail(1))[0]?.seq;
    const write = await h.say('add a line to the Testing Strategy overview saying run the smoke suite first');
    const picks = executeActionsOf(write.card).filter((a) => a.verb === 'pickPage');
    expect(write.text).toContain('No page titled "Testing Strategy overview"');
    expect(picks.length).toBe(1);
    expect(write.text).toContain('Testing Strategy');
    const entries = (await h.app.audit.tail(3)).filter((e) => e.seq > (before ?? 0));
    expect(entries.map((e) => [e.operation, e.outcome])).toEqual([['update', 'ok']]);
    expect(entries[0]?.details).toMatchObject({ titleSearch: 'none', candidates: 1 });
  });

  it('a search no page holds wholly is retried with a word fewer, says so, and More goes on with those words', async () => {
    const result = await h.say('search kafka consumer zyzzyva');
    expect(result.text).toContain(
      'No page has every word of "kafka consumer zyzzyva", so these are the pages with "kafka consumer".',
    );
    expect(result.text).toContain('Runbook: Kafka Consumer Lag');
    expect(result.text).not.toContain('No pages matched');
    const searched = h.confluence.requests
      .filter((r) => r.path.endsWith('/rest/api/search'))
      .slice(-2)
      .map((r) => String(r.query.cql).match(/text ~ "([^"]*)"/)?.[1]);
    expect(searched).toEqual(['kafka consumer zyzzyva', 'kafka consumer']);
    const entry = (await h.app.audit.tail(1))[0];
    expect(entry).toMatchObject({ operation: 'search', target: { query: 'kafka consumer zyzzyva' } });
    expect(entry?.details).toMatchObject({ fewerWords: 'kafka consumer' });

    const none = await h.say('search zyzzyva quux');
    expect(none.text).toContain('No pages matched');
    expect(none.text).not.toContain('No page has every word');
  });

  it('several matches → a pick card; picking one previews the change on that page', async () => {
    const asked = await h.say('add a line saying check the dashboards first to the runbook');
    const picks = executeActionsOf(asked.card).filter((a) => a.verb === 'pickPage');
    expect(picks.length).toBeGreaterThan(1);
    expect(asked.text).toContain('Runbook: Kafka Consumer Lag');
    for (const pick of picks) expect(Object.keys(pick.data).sort()).toEqual(['pageId', 'request']);
    const target = picks[1]!;
    const clicked = await h.click('pickPage', target.data, { from: USERS.writer });
    const posted = clicked.posts.map((p) => JSON.stringify(p)).join('\n');
    expect(posted).toContain('check the dashboards first');
    expect(posted).toContain('refreshApproval');
    expect(posted).toContain(`/pages/${String(target.data.pageId)}`);
    const pending = (await h.app.audit.tail(3)).find((e) => e.outcome === 'pending');
    expect(pending?.target.pageId).toBe(target.data.pageId);
  });

  it('re-decides a pick for the clicker: a forged edit is parsed like card data and a denied update is refused', async () => {
    const asked = await h.say('open the runbook');
    const pick = executeActionsOf(asked.card).find((a) => a.verb === 'pickPage')!;
    const forged = await h.click('pickPage', { ...pick.data, request: '{"operation":"delete"}' });
    expect(forged.text).toMatch(/could not be read/i);
    await h.say('/confluence policy update denied', { from: USERS.admin });
    const denied = await h.click('pickPage', {
      ...pick.data,
      request: JSON.stringify({ operation: 'update', edit: { kind: 'append', markdown: 'x' } }),
    });
    expect(denied.text).toMatch(/^Refused: Update page \d+/);
    await h.say('/confluence policy update confirm', { from: USERS.admin });
  });

  it('refuses a title in a space outside the list before any call, like a quoted title', async () => {
    const before = confluenceCalls(h);
    const named = await h.say('get Contract Templates in LEGAL');
    expect(confluenceCalls(h)).toBe(before);
    const quoted = await h.say('get "Contract Templates" in LEGAL');
    expect(named.text).toMatch(/LEGAL/);
    expect(quoted.text).toMatch(/LEGAL/);
    expect(named.text.replace(/Open the page titled "Contract Templates" in LEGAL/, 'X')).toBe(
      quoted.text.replace(/Open "Contract Templates" in LEGAL/, 'X'),
    );
  });

  it('answers a page that exists only in a disallowed space exactly like a missing one', async () => {
    const hidden = await h.say('open the Contract Templates');
    const missing = await h.say('open the Zyzzyva Templates');
    expect(hidden.text).toMatch(/No page titled "Contract Templates"/);
    expect(hidden.text).not.toMatch(/LEGAL/);
    expect(hidden.text.replace('Contract Templates', 'T')).toBe(
      missing.text.replace('Zyzzyva Templates', 'T'),
    );
  });

  it('did you mean: offers readings as buttons; a click runs the reading for the clicker', async () => {
    const asked = await h.say('serchh vpn');
    const readings = executeActionsOf(asked.card).filter((a) => a.verb === 'runReading');
    expect(readings.map((a) => a.data)).toEqual([{ text: 'search vpn' }]);
    const ran = await h.click('runReading', readings[0]!.data, { from: USERS.reader });
    expect(ran.posts.map((p) => JSON.stringify(p)).join('\n')).toContain('VPN Setup Guide');
    const entries = (await h.app.audit.tail(5)).filter((e) => e.operation === 'search');
    expect(entries.at(-1)?.actor.id).toBe(USERS.reader.id);
  });

  it('did you mean never runs an admin command from a button', async () => {
    const before = await h.app.audit.tail(1);
    const ran = await h.click('runReading', { text: '/confluence spaces add LEGAL' }, { from: USERS.admin });
    expect(ran.text).toMatch(/cannot be run from a button/);
    const after = await h.app.audit.tail(1);
    expect(after[0]?.seq).toBe(before[0]?.seq);
  });

  it('follows up on the last results of the conversation: "open the second one", "and the next one"', async () => {
    const search = await h.say('search runbook');
    const titles = executeActionsOf(search.card)
      .filter((a) => a.verb === 'showPage')
      .map((a) => String(a.data.pageId));
    expect(titles.length).toBeGreaterThan(2);
    const second = await h.say('open the second one');
    const next = await h.say('and the next one');
    await h.app.audit.flush();
    const gets = (await h.app.audit.tail(4))
      .filter((e) => e.operation === 'get')
      .sort((a, b) => a.seq - b.seq);
    expect(second.card).toBeDefined();
    expect(next.card).toBeDefined();
    expect(gets.map((e) => e.target.pageId)).toEqual([titles[1], titles[2]]);
  });
});
