import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOT,
  CONVERSATIONS,
  installActivity,
  messageActivity,
  sendToBot,
  USERS,
} from '../support/activities.js';
import { DEFAULT_ACCOUNTS } from '../support/confluence-simulator/index.js';
import { type Harness, startHarness } from '../support/harness.js';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]),
    ),
  );
  return files.flat();
}

const NEW_TOKEN = 'sim-token-rotated-7f3a9c2e';

/** Admin commands, bad input of every kind, Confluence failures, and the secret-leak scan. */
describe('admin commands and robustness', () => {
  let h: Harness;
  /** Frozen one minute before midnight UTC: date-only expiries must still count whole calendar days. */
  const clock = new Date('2026-11-28T23:59:00Z');
  beforeAll(async () => {
    h = await startHarness(
      { CONFLUENCE_POLICY: 'search=allowed,get=allowed,create=allowed,update=confirm' },
      { now: () => clock },
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it('welcomes when added to a conversation', async () => {
    const before = h.channel.calls.length;
    const { status } = await sendToBot(h.botUrl, installActivity(h.channel.url));
    expect(status).toBeLessThan(300);
    expect(h.channel.calls.length).toBe(before + 1);
  });

  it('refuses admin commands from non-admins and audits the refusal', async () => {
    const result = await h.say('/confluence policy search denied', { from: USERS.writer });
    expect(result.text).toMatch(/Only bot admins/);
    const entries = await h.app.audit.tail(5);
    expect(
      entries.some(
        (e) => e.operation === 'admin' && e.outcome === 'denied' && e.actor.id === USERS.writer.id,
      ),
    ).toBe(true);
    const search = await h.say('search vpn');
    expect(search.text).toMatch(/VPN/);
  });

  it.each([
    'help',
    'status',
    'test',
    'connect',
    'disconnect',
    'rotate',
    'policy',
    'policy create allowed',
    'policy explain create ENG',
    'spaces',
    'spaces add LEGAL',
    'approvers add 29:reader',
    'admins add 29:writer',
    'approvals here',
    'audit 5',
    'audit export',
  ])('refuses /confluence %s from a non-admin, changes nothing and audits it', async (command) => {
    const before = (await h.app.audit.tail(1))[0]?.seq ?? 0;
    const settingsBefore = JSON.stringify(h.app.deps.settings.getGlobal());
    const connectorsBefore = JSON.stringify(h.app.deps.connectors.list());
    const result = await h.say(`/confluence ${command}`, { from: USERS.reader });
    expect(result.text).toMatch(/Only bot admins/);
    expect(JSON.stringify(h.app.deps.settings.getGlobal())).toBe(settingsBefore);
    expect(JSON.stringify(h.app.deps.connectors.list())).toBe(connectorsBefore);
    const entries = await h.app.audit.tail(5);
    expect(entries.some((e) => e.seq > before && e.operation === 'admin' && e.outcome === 'denied')).toBe(
      true,
    );
  });

  it('shows status, policy and explain to admins', async () => {
    const status = await h.say('/confluence status', { from: USERS.admin });
    expect(status.text).toContain(h.confluence.url);
    expect(status.text).toContain(DEFAULT_ACCOUNTS.bot.email);
    const explain = await h.say('/confluence policy explain create LEGAL', { from: USERS.admin });
    expect(explain.text).toMatch(/LEGAL/);
    expect(explain.text).toMatch(/denied/);
  });

  it('adds and removes approvers by mention, and spaces by key, auditing before/after', async () => {
    const added = await h.say('/confluence approvers add <at>Rae Reader</at>', {
      from: USERS.admin,
      mentions: [USERS.reader],
    });
    expect(added.text).toMatch(/Added Rae Reader/);
    const space = await h.say('/confluence spaces add SALES', { from: USERS.admin });
    expect(space.text).toMatch(/SALES/);
    const sales = h.confluence.findPageByTitle('SALES', 'Pricing and Discounts')!;
    const read = await h.say(`get ${sales.id}`);
    expect(read.text).toContain('Pricing and Discounts');
    await h.say('/confluence spaces remove SALES', { from: USERS.admin });
    const again = await h.say(`get ${sales.id}`);
    expect(again.text).not.toContain('Pricing and Discounts');
    const entries = await h.app.audit.tail(20);
    const change = entries.find(
      (e) => e.operation === 'admin' && JSON.stringify(e.details).includes('SALES'),
    );
    expect(change?.details).toHaveProperty('before');
    expect(change?.details).toHaveProperty('after');
  });

  it('live-tests the connector and tells wrong tokens, scoped tokens and no-access accounts apart', async () => {
    const ok = await h.say('/confluence test', { from: USERS.admin });
    expect(ok.text).toMatch(/Connection works/);
    const form = await h.say('/confluence connect', { from: USERS.admin });
    expect(JSON.stringify(form.card)).toMatch(/"style":"Password"/);

    const submit = (data: Record<string, string>) =>
      h.click(
        'connectSubmit',
        {
          connectorName: 'second',
          siteUrl: h.confluence.url,
          accountEmail: DEFAULT_ACCOUNTS.bot.email,
          apiToken: 'x',
          allowedSpaces: 'ENG',
          ...data,
        },
        { from: USERS.admin },
      );
    const wrong = await submit({ apiToken: 'definitely-wrong-token' });
    expect(wrong.text).toMatch(/rejected the email or API token/);
    expect(JSON.stringify(wrong.body)).not.toContain('definitely-wrong-token');
    const scoped = await submit({
      accountEmail: DEFAULT_ACCOUNTS.scoped.email,
      apiToken: DEFAULT_ACCOUNTS.scoped.apiToken,
    });
    expect(scoped.text).toMatch(/scoped API token/);
    expect(scoped.text).toContain(`/ex/confluence/${h.confluence.cloudId}`);
    const noAccess = await submit({
      accountEmail: DEFAULT_ACCOUNTS.noAccess.email,
      apiToken: DEFAULT_ACCOUNTS.noAccess.apiToken,
    });
    expect(noAccess.text).toMatch(/no Confluence access/);
    const badUrl = await submit({ siteUrl: 'http://evil.example.com' });
    expect(badUrl.text).toMatch(/https/);
    const inFiveDays = '2026-12-03';
    const good = await submit({ apiToken: DEFAULT_ACCOUNTS.bot.apiToken, tokenExpiry: inFiveDays });
    expect(good.text).toMatch(/Confluence connected/);
    expect(good.text).toMatch(/Northwind|bot/i);
    const nonAdmin = await h.click(
      'connectSubmit',
      { connectorName: 'x', siteUrl: h.confluence.url, accountEmail: 'a@b.c', apiToken: 'zzz' },
      { from: USERS.writer },
    );
    expect(nonAdmin.text).toMatch(/Only bot admins/);
  });

  it('warns admins, in the conversation where a connector was set up, before its token expires', async () => {
    const before = h.channel.posted(CONVERSATIONS.channel.id).length;
    expect(await h.app.checkTokens()).toEqual(['second']);
    const notices = h.channel.posted(CONVERSATIONS.channel.id).slice(before);
    expect(JSON.stringify(notices)).toMatch(/expires in 5 days/);
    expect(await h.app.checkTokens()).toEqual([]);
    const status = await h.say('/confluence status', { from: USERS.admin });
    expect(status.text).toMatch(/in 5 days/);
  });

  it('warns about a pasted API token without echoing or storing it', async () => {
    const pasted =
      'ATATT3xFfGF0T4nJq9vZk2LmQw8RtYp6Hs1Dc5Xb7Nv0Ua3Ie9Oo2Kj4Gh6Fd8Sa1Zx3Cv5Bn7Mm9Ll0Pp2Qq4Ww6Ee8Rr0Tt=ABCD1234';
    const result = await h.say(`here is my token ${pasted}`);
    expect(result.text).toMatch(/looks like an API token/);
    expect(result.text).not.toContain(pasted);
  });

  it('refuses to rotate to a token Confluence rejects, without echoing it', async () => {
    const form = await h.say('/confluence rotate', { from: USERS.admin });
    expect(JSON.stringify(form.card)).toMatch(/"style":"Password"/);
    const bad = await h.click(
      'rotateSubmit',
      { connector: 'default', apiToken: NEW_TOKEN },
      { from: USERS.admin },
    );
    expect(bad.text).toMatch(/rejected/);
    expect(JSON.stringify(bad.body)).not.toContain(NEW_TOKEN);
  });

  it('keeps running after malformed activities', async () => {
    const cases: unknown[] = [
      'not json at all',
      '[]',
      {},
      { type: 'message' },
      { type: 'message', text: 'hi', from: {}, conversation: {} },
    ];
    for (const body of cases) {
      const { status } = await sendToBot(h.botUrl, body);
      expect(status).toBeGreaterThanOrEqual(200);
      expect(status).toBeLessThan(600);
    }
    const huge = await sendToBot(h.botUrl, messageActivity(h.channel.url, `search ${'a'.repeat(50_000)}`));
    expect(huge.status).toBe(200);
    const odd = await h.say('search \u0000\u202e\u{1F600} "\\"');
    expect(odd.status).toBe(200);
    const health = await fetch(`${h.botUrl}/healthz`);
    expect(health.status).toBe(200);
  });

  it('turns Confluence 429, 503 and 401 into clear replies', async () => {
    h.confluence.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 1, times: 3 });
    const limited = await h.say('search vpn');
    expect(limited.text).toMatch(/rate limiting/i);
    expect(limited.text).toMatch(/Try again in 1 s/);
    h.confluence.clearFaults();
    h.confluence.injectFault({ kind: 'status', status: 503, times: 3, html: true });
    const down = await h.say('get "Parental Leave Policy" in HR');
    expect(down.text).toMatch(/not answering|try again/i);
    h.confluence.clearFaults();
    await h.say('/confluence approvals here', { from: USERS.admin, conversation: CONVERSATIONS.approvals });
    h.confluence.injectFault({ kind: 'status', status: 401, times: 1 });
    const unauthorized = await h.say('search vpn again');
    expect(unauthorized.text).toMatch(/rotate/);
    const adminNotice = h.channel.posted('19:approvals@thread.tacv2').at(-1);
    expect(JSON.stringify(adminNotice?.activity)).toMatch(/rejected the API token/);
    h.confluence.clearFaults();
  });

  it('never writes the API token to logs, replies, the audit or any file under DATA_DIR', async () => {
    await h.app.audit.flush();
    const secrets = [
      DEFAULT_ACCOUNTS.bot.apiToken,
      NEW_TOKEN,
      Buffer.from(`${DEFAULT_ACCOUNTS.bot.email}:${DEFAULT_ACCOUNTS.bot.apiToken}`).toString('base64'),
    ];
    const haystacks: [string, string][] = [
      ['logs', h.logs.join('\n')],
      ['channel', JSON.stringify(h.channel.calls)],
    ];
    for (const file of await filesUnder(h.dataDir)) haystacks.push([file, await readFile(file, 'utf8')]);
    expect(haystacks.length).toBeGreaterThan(4);
    for (const [where, text] of haystacks) {
      for (const secret of secrets) expect(text.includes(secret), `${where} contains a secret`).toBe(false);
    }
  });

  it('answers a conversation it has never seen in a channel thread with the channel settings', async () => {
    const result = await h.say('search vpn', { conversation: CONVERSATIONS.channelThread2 });
    expect(result.text).toMatch(/VPN/);
    expect(BOT.id).toMatch(/^28:/);
  });
});
