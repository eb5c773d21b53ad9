import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditDir } from '../../bot/audit/audit-log.js';
import { CONVERSATIONS, USERS } from '../support/activities.js';
import { buttonsOf, requestIdOf } from '../support/approval-cards.js';
import { type Harness, startHarness } from '../support/harness.js';

/** Contract 3 over HTTP: preview card, server-side re-checks, exactly-once execution, in-place updates. */
describe('approvals end to end', () => {
  let h: Harness;
  let clock = new Date('2026-11-28T12:00:00Z');
  beforeAll(async () => {
    h = await startHarness({}, { now: () => clock });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('posts a preview card without buttons, and shows approvers the buttons on refresh', async () => {
    const asked = await h.say('create "Q4 Offsite Plan" in HR\n## Agenda\n\n1. Goals\n2. Budget');
    expect(asked.text).toContain('Q4 Offsite Plan');
    expect(asked.text).toMatch(/Waiting for approval/i);
    expect(buttonsOf(asked.card).map((b) => b.verb)).not.toContain('approve');
    const id = requestIdOf(asked.card);
    expect(h.confluence.findPageByTitle('HR', 'Q4 Offsite Plan')).toBeUndefined();

    const approverView = await h.click('refreshApproval', { requestId: id }, { from: USERS.lead });
    const buttons = buttonsOf(approverView.card);
    expect(buttons.map((b) => b.verb)).toEqual(expect.arrayContaining(['approve', 'reject']));
    for (const button of buttons.filter((b) => b.verb === 'approve' || b.verb === 'reject')) {
      expect(button.data).toEqual({ requestId: id });
    }
    expect(approverView.updates).toHaveLength(0);

    const readerView = await h.click('refreshApproval', { requestId: id }, { from: USERS.reader });
    expect(buttonsOf(readerView.card).map((b) => b.verb)).not.toContain('approve');
    const selfView = await h.click('refreshApproval', { requestId: id }, { from: USERS.writer });
    expect(buttonsOf(selfView.card).map((b) => b.verb)).not.toContain('approve');
  });

  it('refuses approval by a non-approver and by the requester, then approves exactly once under a burst of clicks', async () => {
    const asked = await h.say('create "Burst Test Page" in ENG\nHello');
    const id = requestIdOf(asked.card);
    const cardId = asked.posts[0]?.id as string | undefined;
    const userIds = (asked.card?.refresh as { userIds?: string[] } | undefined)?.userIds;
    expect(userIds).toContain('29:lead');
    expect(userIds).toContain('29:lead2');

    const stranger = await h.click('approve', { requestId: id }, { from: USERS.reader });
    expect(stranger.text).toMatch(/Only an approver/);
    const self = await h.click('approve', { requestId: id }, { from: USERS.writer });
    expect(self.text).toMatch(/approver|own request/i);

    const writesBefore = h.confluence.requests.filter((r) => r.method === 'POST').length;
    const clicks = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        h.click(
          'approve',
          { requestId: id },
          { from: i % 2 ? USERS.lead : USERS.lead2, replyToId: cardId ?? 'card-1' },
        ),
      ),
    );
    const writes = h.confluence.requests.filter((r) => r.method === 'POST').length - writesBefore;
    expect(writes).toBe(1);
    expect(h.confluence.findPageByTitle('ENG', 'Burst Test Page')).toBeDefined();
    for (const click of clicks) {
      expect(click.status).toBe(200);
      expect(click.text).toMatch(/Approved by/);
    }
    expect(clicks.some((c) => c.updates.length > 0)).toBe(true);
  });

  it('rejects: nothing is written and the card says who rejected', async () => {
    const asked = await h.say('create "Rejected Idea" in ENG\nNope');
    const id = requestIdOf(asked.card);
    const rejected = await h.click('reject', { requestId: id }, { from: USERS.lead, replyToId: 'c' });
    expect(rejected.text).toMatch(/Rejected by/);
    expect(rejected.text).toContain('Lee Lead');
    const late = await h.click('approve', { requestId: id }, { from: USERS.lead2 });
    expect(late.text).toMatch(/Rejected/);
    expect(h.confluence.findPageByTitle('ENG', 'Rejected Idea')).toBeUndefined();
  });

  it('never clobbers: an update whose page changed since the preview goes stale, then a fresh preview can be approved', async () => {
    const page = h.confluence.findPageByTitle('ENG', 'Testing Strategy')!;
    const asked = await h.say(`update ${page.id}\nappend: Reviewed in Q4.`);
    expect(asked.text).toMatch(/version/i);
    const id = requestIdOf(asked.card);
    h.confluence.editPageAsHuman(page.id, `${page.storage}<p>Human edit</p>`);
    const versionAfterHuman = h.confluence.getPage(page.id)!.version;

    const approved = await h.click('approve', { requestId: id }, { from: USERS.lead, replyToId: 'c' });
    expect(approved.text).toMatch(/changed since the preview/i);
    expect(h.confluence.getPage(page.id)!.version).toBe(versionAfterHuman);
    expect(h.confluence.getPage(page.id)!.storage).toContain('Human edit');
    expect(h.confluence.getPage(page.id)!.storage).not.toContain('Reviewed in Q4.');

    const fresh = await h.click('freshPreview', { requestId: id }, { from: USERS.writer, replyToId: 'c' });
    const freshId = requestIdOf(fresh.card);
    expect(freshId).not.toBe(id);
    const done = await h.click('approve', { requestId: freshId }, { from: USERS.lead, replyToId: 'c' });
    expect(done.text).toMatch(/Approved by/);
    const final = h.confluence.getPage(page.id)!;
    expect(final.storage).toContain('Human edit');
    expect(final.storage).toContain('Reviewed in Q4.');
  });

  it('expires pending requests: the card updates in place and approval is refused', async () => {
    const asked = await h.say('create "Will Expire" in ENG\nlate');
    const id = requestIdOf(asked.card);
    clock = new Date(clock.getTime() + 25 * 60 * 60 * 1000);
    const updatesBefore = h.channel.updated().length;
    expect(await h.app.sweepExpired()).toBeGreaterThanOrEqual(1);
    const update = h.channel.updated().slice(updatesBefore).at(-1);
    expect(JSON.stringify(update?.activity)).toMatch(/[Ee]xpired/);
    const late = await h.click('approve', { requestId: id }, { from: USERS.lead });
    expect(late.text).toMatch(/[Ee]xpired/);
    expect(h.confluence.findPageByTitle('ENG', 'Will Expire')).toBeUndefined();
  });

  it('routes a personal-chat write to the approvals conversation, or refuses with advice when none is set', async () => {
    const refused = await h.say('create "From DM" in ENG\nhello', { conversation: CONVERSATIONS.personal });
    expect(refused.text).toMatch(/approvals here/);

    const set = await h.say('/confluence approvals here', {
      from: USERS.admin,
      conversation: CONVERSATIONS.approvals,
    });
    expect(set.text).toMatch(/Approvals conversation set/);
    const asked = await h.say('create "From DM" in ENG\nhello', { conversation: CONVERSATIONS.personal });
    expect(asked.text).toMatch(/Sent for approval/);
    const approvalsPost = h.channel.posted('19:approvals@thread.tacv2').at(-1);
    expect(approvalsPost).toBeDefined();
    const card = (approvalsPost!.activity.attachments as { content: Record<string, unknown> }[])[0]!.content;
    const id = requestIdOf(card);
    const approved = await h.click(
      'approve',
      { requestId: id },
      { from: USERS.lead, conversation: CONVERSATIONS.approvals, replyToId: 'x' },
    );
    expect(approved.text).toMatch(/Approved by/);
    expect(
      h.channel
        .posted(CONVERSATIONS.personal.id)
        .some((c) => JSON.stringify(c.activity).includes('approved your request')),
    ).toBe(true);
  });

  it('rejects card data that is not a request id', async () => {
    const bad = await h.click('approve', { requestId: '../../etc/passwd' }, { from: USERS.lead });
    expect(bad.text).toMatch(/no longer exists/);
    const missing = await h.click('approve', {}, { from: USERS.lead });
    expect(missing.status).toBe(200);
  });

  it('audits every step in a chain that verifies', async () => {
    await h.app.audit.flush();
    const result = await verifyAuditDir(`${h.dataDir}/audit`);
    expect(result.ok).toBe(true);
    const entries = await h.app.audit.tail(500);
    const ops = new Set(entries.map((e) => `${e.operation}:${e.decision}:${e.outcome}`));
    expect(ops).toContain('create:confirm:pending');
    expect(ops).toContain('approve:approved:ok');
    expect(ops).toContain('create:approved:ok');
    expect(ops).toContain('reject:rejected:ok');
    expect(ops).toContain('expire:expired:ok');
    expect(ops).toContain('update:approved:error');
  });
});

describe('approval buttons for everyone (clients without per-user refresh)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ APPROVALS_BUTTONS_FOR_ALL: 'true' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('puts Approve/Reject on the shared card and still refuses clicks from non-approvers', async () => {
    const asked = await h.say('create "Shared Buttons" in ENG\nhello');
    const id = requestIdOf(asked.card);
    expect(buttonsOf(asked.card).map((b) => b.verb)).toEqual(expect.arrayContaining(['approve', 'reject']));
    const stranger = await h.click('approve', { requestId: id }, { from: USERS.reader });
    expect(stranger.text).toMatch(/Only an approver/);
    expect(h.confluence.findPageByTitle('ENG', 'Shared Buttons')).toBeUndefined();
    const approved = await h.click('approve', { requestId: id }, { from: USERS.lead, replyToId: 'c' });
    expect(approved.text).toMatch(/Approved by/);
    expect(buttonsOf(approved.card).map((b) => b.verb)).not.toContain('approve');
  });
});
