import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNTS } from '../support/confluence-simulator/index.js';
import { FAKE_CHANNELS, FAKE_USERS } from '../support/slack-fake/index.js';
import { SLACK_PEOPLE, type SlackHarness, startSlackHarness } from '../support/slack-harness.js';

const WRONG_TOKEN = 'ATATT-slack-modal-secret-31337';

/** Approvals with Block Kit buttons and the /confluence admin commands, end to end over HTTP. */
describe('Slack: approvals and admin commands', () => {
  let h: SlackHarness;
  let n = 0;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const general = FAKE_CHANNELS.general.id;
  const writes = () => h.base.confluence.requests.filter((r) => r.method !== 'GET').length;

  /** Linus asks for a create in #general (create = confirm by default); returns the card's ts and request id. */
  const requestCreate = async () => {
    n += 1;
    const turn = await h.mention(`create "Slack approval ${n}" in ENG\nSome body ${n}`);
    const card = turn.posts.find((p) => JSON.stringify(p).includes('"action_id":"approve"'));
    const ts = h.slack.messages(general).at(-1)!.ts;
    const requestId = /\\"requestId\\":\\"([^\\]+)\\"/.exec(JSON.stringify(card))?.[1];
    expect(requestId).toBeDefined();
    return { ts, requestId: requestId! };
  };

  it('10 concurrent Approve clicks: exactly one write, one chat.update with the decision', async () => {
    const { ts, requestId } = await requestCreate();
    const before = writes();
    const updatesBefore = h.slack.callsTo('chat.update').length;
    await Promise.all(Array.from({ length: 10 }, () => h.click('approve', { requestId }, { messageTs: ts })));
    expect(writes() - before).toBe(1);
    const updates = h.slack.callsTo('chat.update').slice(updatesBefore);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.args).toMatchObject({ channel: general, ts });
    const message = h.slack.message(general, ts)!;
    expect(message.text).toMatch(/Approved by Grace Hopper/);
    expect(JSON.stringify(message.blocks)).not.toContain('"action_id":"approve"');
    const approvals = (await h.base.app.audit.tail(30)).filter((e) => e.operation === 'approve');
    expect(approvals.filter((e) => e.decision === 'approved')).toHaveLength(1);
    expect(approvals.at(-1)?.actor.id).toBe(`slack:${SLACK_PEOPLE.approver.id}`);
  });

  it('a non-approver who clicks gets an ephemeral explanation; the message is not touched', async () => {
    const { ts, requestId } = await requestCreate();
    const turn = await h.click('approve', { requestId }, { messageTs: ts, user: SLACK_PEOPLE.admin.id });
    expect(turn.updates).toHaveLength(0);
    expect(turn.posts).toHaveLength(0);
    expect(turn.ephemerals).toHaveLength(1);
    expect(turn.ephemerals[0]).toMatchObject({ channel: general, user: SLACK_PEOPLE.admin.id });
    expect(turn.text).toMatch(/Only an approver/);
    const self = await h.click('approve', { requestId }, { messageTs: ts, user: SLACK_PEOPLE.user.id });
    expect(self.ephemerals[0]?.user).toBe(SLACK_PEOPLE.user.id);
    expect(self.updates).toHaveLength(0);
  });

  it('a stale page is not written; the message says so and a fresh preview can be approved', async () => {
    const page = h.base.confluence.findPageByTitle('ENG', 'Team Rituals')!;
    const asked = await h.mention(`update ${page.id}\nappend: slack stale line`);
    const ts = asked.posts.length > 0 ? h.slack.messages(general).at(-1)!.ts : '';
    const requestId = /\\"requestId\\":\\"([^\\]+)\\"/.exec(JSON.stringify(asked.posts))?.[1] ?? '';
    h.base.confluence.editPageAsHuman(page.id, `${page.storage}<p>Human edit</p>`);
    const before = writes();
    const approved = await h.click('approve', { requestId }, { messageTs: ts });
    expect(writes()).toBe(before);
    expect(approved.updates).toHaveLength(1);
    expect(approved.text).toMatch(/changed since the preview/i);
    expect(JSON.stringify(approved.updates[0])).toContain('"action_id":"freshPreview"');
    const fresh = await h.click('freshPreview', { requestId }, { messageTs: ts });
    expect(fresh.text).toMatch(/Waiting for approval/);
    const freshId = /\\"requestId\\":\\"([^\\]+)\\"/.exec(JSON.stringify(fresh.updates))?.[1];
    expect(freshId).toBeDefined();
    expect(freshId).not.toBe(requestId);
  });

  it('/confluence approvers add <@U…> stores slack:U…, and that person can then approve', async () => {
    const added = await h.send(
      (await import('../support/slack-requests.js')).slashCommandRequest({
        text: `approvers add <@${FAKE_USERS.linus.id}|linus>`,
        userId: SLACK_PEOPLE.admin.id,
        channelId: FAKE_CHANNELS.private.id,
      }),
    );
    expect(added.status).toBe(200);
    expect(h.base.app.deps.settings.getChannel(FAKE_CHANNELS.private.id)?.approvers).toEqual([
      `slack:${FAKE_USERS.linus.id}`,
    ]);
    const entry = (await h.base.app.audit.tail(1))[0];
    expect(entry).toMatchObject({ operation: 'admin', actor: { id: `slack:${SLACK_PEOPLE.admin.id}` } });
    expect(entry?.conversationId).toBe(FAKE_CHANNELS.private.id);
  });

  it('a non-admin is refused admin commands (audited)', async () => {
    const turn = await h.command('policy create allowed', { user: SLACK_PEOPLE.user.id });
    expect(turn.text).toMatch(/Only bot admins/);
    const entry = (await h.base.app.audit.tail(1))[0];
    expect(entry).toMatchObject({ decision: 'denied', actor: { id: `slack:${SLACK_PEOPLE.user.id}` } });
  });

  it('/confluence connect opens a modal; a wrong token comes back named, a right one connects; the token is never in Slack, logs or audit', async () => {
    const opened = await h.command('connect');
    expect(opened.posts).toHaveLength(0);
    expect(opened.modals).toHaveLength(1);
    const view = opened.modals[0]!.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('connectSubmit');
    const values = (token: string) => ({
      connectorName: { connectorName: 'slackconn' },
      siteUrl: { siteUrl: h.base.confluence.url },
      accountEmail: { accountEmail: DEFAULT_ACCOUNTS.bot.email },
      apiToken: { apiToken: token },
      allowedSpaces: { allowedSpaces: 'ENG' },
    });
    const wrong = await h.submit({
      callbackId: 'connectSubmit',
      privateMetadata: view.private_metadata,
      values: values(WRONG_TOKEN),
      userId: SLACK_PEOPLE.admin.id,
    });
    expect(wrong.status).toBe(200);
    expect(wrong.ephemerals).toHaveLength(1);
    expect(wrong.text).toMatch(/Open the form/);
    const empty = await h.submit({
      callbackId: 'connectSubmit',
      privateMetadata: view.private_metadata,
      values: values(''),
      userId: SLACK_PEOPLE.admin.id,
    });
    expect(JSON.parse(empty.body)).toMatchObject({
      response_action: 'errors',
      errors: { apiToken: expect.any(String) },
    });
    const right = await h.submit({
      callbackId: 'connectSubmit',
      privateMetadata: view.private_metadata,
      values: values(DEFAULT_ACCOUNTS.bot.apiToken),
      userId: SLACK_PEOPLE.admin.id,
    });
    expect(right.text).toMatch(/Confluence connected/);
    expect(right.posts[0]?.channel).toBe(general);
    expect(h.base.app.deps.connectors.get('slackconn')).toBeDefined();
    const everything = [
      JSON.stringify(h.slack.calls),
      h.base.logs.join('\n'),
      await h.base.app.audit.exportAll('json'),
    ].join('\n');
    for (const secret of [WRONG_TOKEN, DEFAULT_ACCOUNTS.bot.apiToken])
      expect(everything).not.toContain(secret);
  });

  it('connect asked without a trigger (a mention) posts "Open the form"; its click re-checks the clicker is an admin', async () => {
    const asked = await h.mention('/confluence connect', { user: SLACK_PEOPLE.admin.id });
    expect(asked.modals).toHaveLength(0);
    expect(JSON.stringify(asked.posts)).toContain('"action_id":"openForm"');
    const byUser = await h.click('openForm', { form: 'connect-form' }, { user: SLACK_PEOPLE.user.id });
    expect(byUser.modals).toHaveLength(0);
    expect(byUser.ephemerals).toHaveLength(1);
    expect(byUser.text).toMatch(/Only bot admins/);
    const byAdmin = await h.click('openForm', { form: 'connect-form' }, { user: SLACK_PEOPLE.admin.id });
    expect(byAdmin.modals).toHaveLength(1);
    expect(byAdmin.ephemerals).toHaveLength(0);
  });

  it('status, policy, spaces, audit and help answer in the channel', async () => {
    for (const [command, expected] of [
      ['status', /Confluence status/],
      ['policy', /search/],
      ['spaces', /ENG/],
      ['audit 5', /Audit/i],
      ['help', /\/confluence/],
    ] as const) {
      const turn = await h.command(command);
      expect(turn.posts[0]?.channel, command).toBe(general);
      expect(turn.text, command).toMatch(expected);
    }
  });
});
