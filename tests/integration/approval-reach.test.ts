import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOT,
  CONVERSATIONS,
  installActivity,
  sendToBot,
  type TestConversation,
  type TestUser,
  USERS,
} from '../support/activities.js';
import { buttonsOf, requestIdOf } from '../support/approval-cards.js';
import { type Harness, startHarness, visibleText } from '../support/harness.js';

/** An approver who has never written to the bot: only the roster knows their MRI. */
const NEWBIE = { id: '29:newbie', name: 'Nia Newbie', aadObjectId: 'aad-newbie' } satisfies TestUser;
/** An approver who is in no conversation the bot is in. */
const STRANGER_AAD = 'aad-stranger';
const LEAD_DM = { type: 'personal', id: 'a:personal-lead' } satisfies TestConversation;
const ENG_CHANNEL = '19:eng-channel@thread.tacv2';
const APPROVALS_CHANNEL = '19:approvals@thread.tacv2';

function cardOf(activity: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return (activity?.attachments as { content?: Record<string, unknown> }[] | undefined)?.[0]?.content;
}

/** Issue 10 items 4 and 5 over HTTP: roster-resolved approvers, mentions, honest post failures. */
describe('approval cards reach approvers', () => {
  let h: Harness;
  const clock = new Date('2026-11-28T12:00:00Z');
  beforeAll(async () => {
    h = await startHarness(
      { BOT_APPROVERS: `${NEWBIE.aadObjectId},${STRANGER_AAD},${USERS.lead.aadObjectId}` },
      { now: () => clock },
    );
    h.channel.setMembers('*', [...Object.values(USERS), NEWBIE]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('resolves an approver who never wrote to the bot through the roster: MRI in refresh.userIds, @mentioned by name', async () => {
    const asked = await h.say('create "Roster Page" in ENG\nhello');
    const posted = h.channel.posted().find((call) => call.activity === asked.posts.find((p) => cardOf(p)));
    expect(posted?.refreshUserIds).toContain(NEWBIE.id);
    expect(posted?.honouredUserIds).toEqual(expect.arrayContaining([NEWBIE.id, USERS.lead.id]));
    expect(posted?.refreshUserIds).not.toContain(NEWBIE.aadObjectId);
    expect(h.channel.rosterLookups).toEqual(
      expect.arrayContaining([
        { conversationId: ENG_CHANNEL, userId: NEWBIE.aadObjectId, status: 200 },
        { conversationId: ENG_CHANNEL, userId: STRANGER_AAD, status: 404 },
      ]),
    );

    const card = asked.card!;
    const entities = (card.msteams as { entities?: unknown[] }).entities;
    expect(entities).toContainEqual({
      type: 'mention',
      text: `<at>${NEWBIE.name}</at>`,
      mentioned: { id: NEWBIE.id, name: NEWBIE.name },
    });
    expect(asked.text).toContain(`<at>${NEWBIE.name}</at>`);
    expect(asked.text).toContain(`<at>${USERS.lead.name}</at>`);
    expect(asked.text).toMatch(/Not in this conversation: aad-stranger/);
    expect(asked.text).not.toContain(NEWBIE.aadObjectId);

    const view = await h.click('refreshApproval', { requestId: requestIdOf(card) }, { from: NEWBIE });
    expect(buttonsOf(view.card).map((b) => b.verb)).toEqual(expect.arrayContaining(['approve', 'reject']));
  });

  it('shows approvers by name and names the missing one in /confluence status', async () => {
    const status = await h.say('/confluence status', { from: USERS.admin });
    expect(status.text).toContain(NEWBIE.name);
    expect(status.text).toMatch(/aad-stranger \(not in this conversation\)/);
  });

  it('says so on the card when more approvers exist than Teams shows buttons to (60)', async () => {
    const many = Array.from({ length: 65 }, (_, i) => ({
      id: `29:m${i}`,
      name: `Member ${i}`,
      aadObjectId: `aad-m${i}`,
    }));
    const local = await startHarness({ BOT_APPROVERS: many.map((m) => m.aadObjectId).join(',') });
    try {
      local.channel.setMembers('*', [...Object.values(USERS), ...many]);
      const asked = await local.say('create "Crowded" in ENG\nhello');
      const userIds = (asked.card?.refresh as { userIds?: string[] } | undefined)?.userIds ?? [];
      expect(userIds).toHaveLength(60);
      expect(userIds.every((id) => id.startsWith('29:m'))).toBe(true);
      expect(asked.text).toMatch(/5 more approvers do not get the buttons/);
    } finally {
      await local.close();
    }
  });

  it('posts through the real conversation reference (the bot id the channel used)', async () => {
    await h.say('/confluence approvals here', { from: USERS.admin, conversation: CONVERSATIONS.approvals });
    await h.say('create "Via Reference" in ENG\nhello', { conversation: CONVERSATIONS.personal });
    const post = h.channel.posted(APPROVALS_CHANNEL).at(-1);
    expect(post).toBeDefined();
    expect((post!.activity.from as { id: string }).id).toBe(BOT.id);
    expect((post!.activity.conversation as { conversationType?: string }).conversationType).toBe('channel');
    expect(post!.honouredUserIds).toContain(NEWBIE.id);
  });

  it('never claims a failed approval post: tells the requester, audits it, and approvers decide from `approvals`', async () => {
    h.channel.failConversation(APPROVALS_CHANNEL, 400);
    try {
      const asked = await h.say('create "Stuck Card" in ENG\nhello', {
        conversation: CONVERSATIONS.personal,
      });
      expect(asked.text).toMatch(/could not post the approval card to the approvers' channel/);
      expect(asked.text).toMatch(/approvals/);
      expect(asked.text).not.toMatch(/Sent for approval/);
      expect(h.channel.refused.some((c) => c.conversationId.startsWith(APPROVALS_CHANNEL))).toBe(true);

      await h.app.audit.flush();
      const failure = (await h.app.audit.tail(50)).find(
        (e) => e.outcome === 'error' && (e.details as { reason?: string })?.reason?.includes('approval card'),
      );
      expect(failure?.operation).toBe('create');
      expect(failure?.target).toMatchObject({ title: 'Stuck Card' });

      const requestId = String((failure?.details as { requestId?: string } | undefined)?.requestId);
      const list = await h.say('approvals', { from: USERS.lead, conversation: LEAD_DM });
      expect(list.text).toContain('Stuck Card');
      const decide = buttonsOf(list.card).filter(
        (b) =>
          (b.verb === 'approveFromList' || b.verb === 'rejectFromList') &&
          (b.data as { requestId?: string }).requestId === requestId,
      );
      expect(decide.map((b) => b.verb)).toEqual(['approveFromList', 'rejectFromList']);
      for (const button of decide) expect(button.data).toStrictEqual({ requestId });

      const writerList = await h.say('approvals', {
        from: USERS.writer,
        conversation: CONVERSATIONS.personal,
      });
      expect(buttonsOf(writerList.card).map((b) => b.verb)).not.toContain('approveFromList');
      const forged = await h.click(
        'approveFromList',
        { requestId },
        { from: USERS.reader, conversation: LEAD_DM },
      );
      expect(forged.text).toMatch(/Only an approver/);
      const self = await h.click(
        'approveFromList',
        { requestId },
        { from: USERS.writer, conversation: LEAD_DM },
      );
      expect(self.text).toMatch(/approver|own request/i);
      expect(h.confluence.findPageByTitle('ENG', 'Stuck Card')).toBeUndefined();

      const approved = await h.click(
        'approveFromList',
        { requestId },
        { from: USERS.lead, conversation: LEAD_DM },
      );
      expect(approved.body?.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(approved.text).toMatch(/Approved "Stuck Card": the page was written/);
      expect(approved.updates).toHaveLength(0);
      expect(h.confluence.findPageByTitle('ENG', 'Stuck Card')).toBeDefined();
      expect(
        h.channel
          .posted(CONVERSATIONS.personal.id)
          .some((c) => JSON.stringify(c.activity).includes('approved your request')),
      ).toBe(true);
    } finally {
      h.channel.failConversation(APPROVALS_CHANNEL, undefined);
    }
  });

  it('updates the approval card in place when it is decided from the list', async () => {
    const asked = await h.say('create "Decided Elsewhere" in ENG\nhello');
    const requestId = requestIdOf(asked.card);
    const rejected = await h.click(
      'rejectFromList',
      { requestId },
      { from: USERS.lead, conversation: LEAD_DM },
    );
    expect(rejected.text).toMatch(/Rejected "Decided Elsewhere"/);
    const update = h.channel
      .updated(CONVERSATIONS.channel.id)
      .find((c) => visibleText(c.activity).includes('Decided Elsewhere'));
    expect(visibleText(update?.activity)).toMatch(/Rejected by[\s\S]*Lee Lead/);
  });

  it('"Show here" says so when the post fails, and "Posted" only when it succeeded', async () => {
    const page = h.confluence.findPageByTitle('OPS', 'VPN Setup Guide')!;
    const ok = await h.click(
      'showPage',
      { pageId: page.id },
      { from: USERS.writer, conversation: CONVERSATIONS.group },
    );
    expect(ok.text).toBe('Posted the page below.');
    expect(
      h.channel
        .posted(CONVERSATIONS.group.id)
        .some((c) => visibleText(c.activity).includes('VPN Setup Guide')),
    ).toBe(true);

    h.channel.failConversation(CONVERSATIONS.group.id, 400);
    try {
      const failed = await h.click(
        'showPage',
        { pageId: page.id },
        { from: USERS.writer, conversation: CONVERSATIONS.group },
      );
      expect(failed.text).toMatch(/could not post the page/);
      expect(failed.text).not.toMatch(/Posted/);
    } finally {
      h.channel.failConversation(CONVERSATIONS.group.id, undefined);
    }
  });

  it('welcomes a personal chat without "Mention me"', async () => {
    const before = h.channel.calls.length;
    await sendToBot(h.botUrl, installActivity(h.channel.url, CONVERSATIONS.personal));
    const personal = h.channel.calls
      .slice(before)
      .map((c) => visibleText(c.activity))
      .join('\n');
    expect(personal).toMatch(/Try: search/);
    expect(personal).not.toMatch(/Mention me/);
    const again = h.channel.calls.length;
    await sendToBot(h.botUrl, installActivity(h.channel.url, CONVERSATIONS.channel));
    expect(
      h.channel.calls
        .slice(again)
        .map((c) => visibleText(c.activity))
        .join('\n'),
    ).toMatch(/Mention me/);
  });
});
