import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../bot/audit/types.js';
import { CONVERSATIONS, USERS } from '../support/activities.js';
import { requestIdOf } from '../support/approval-cards.js';
import { type Harness, startHarness } from '../support/harness.js';

/** A card's visible text without its per-message correlation id. */
const withoutCorrelation = (text: string) => text.replace(/[0-9a-f]{8}/g, '<id>');

/**
 * Issue 9 items 1–3 over HTTP: rules hold at the moment of writing (an approved request re-decides
 * with the current policy, spaces and page), every page read goes through the one scoped loader,
 * and a page outside the allowed spaces is answered exactly like a missing page.
 * Connector spaces: ENG, HR, OPS; SALES and LEGAL exist but are not allowed.
 */
describe('governance at the moment of writing', () => {
  let h: Harness;
  const clock = new Date('2026-11-28T09:00:00Z');
  beforeAll(async () => {
    h = await startHarness({}, { now: () => clock });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The latest audit entries, newest first. */
  const auditTail = async (n = 20): Promise<AuditEntry[]> => {
    await h.app.audit.flush();
    return h.app.audit.tail(n);
  };
  const putsTo = (pageId: string) =>
    h.confluence.requests.filter((r) => r.method === 'PUT' && r.path.includes(`/pages/${pageId}`)).length;

  /** A fresh ENG page for one test (titles must be unique in a space). */
  let seq = 0;
  const newEngPage = async (): Promise<string> => {
    seq += 1;
    const title = `Governance Page ${seq}`;
    const asked = await h.say(`create "${title}" in ENG\nFirst line.`, { from: USERS.writer });
    await h.click('approve', { requestId: requestIdOf(asked.card) }, { from: USERS.lead });
    const page = h.confluence.findPageByTitle('ENG', title);
    if (!page) throw new Error('setup: page was not created');
    return page.id;
  };

  const askUpdate = async (pageId: string) => {
    const asked = await h.say(`update ${pageId}\nappend: Added by the assistant.`, { from: USERS.writer });
    expect(asked.text).toMatch(/Waiting for approval/i);
    return requestIdOf(asked.card);
  };

  beforeEach(async () => {
    await h.say('/confluence policy update confirm', { from: USERS.admin });
    await h.say('/confluence spaces add ENG', { from: USERS.admin });
  });

  it('does not write an approved update after the admin removed the space', async () => {
    const pageId = await newEngPage();
    const requestId = await askUpdate(pageId);
    const removed = await h.say('/confluence spaces remove ENG', { from: USERS.admin });
    expect(removed.status).toBe(200);
    const before = h.confluence.getPage(pageId)!.version;

    const approved = await h.click('approve', { requestId }, { from: USERS.lead });
    expect(approved.text).toMatch(/Not written/);
    expect(h.confluence.getPage(pageId)!.version).toBe(before);
    expect(putsTo(pageId)).toBe(0);
    const refusal = (await auditTail()).find((e) => e.operation === 'update');
    expect(refusal).toMatchObject({ decision: 'denied', outcome: 'denied' });
    expect(refusal?.details).toMatchObject({ requestId });
  });

  it('does not write an approved update after update was set to denied in that channel', async () => {
    const pageId = await newEngPage();
    const requestId = await askUpdate(pageId);
    await h.say('/confluence policy update denied', { from: USERS.admin });

    const approved = await h.click('approve', { requestId }, { from: USERS.lead });
    expect(approved.text).toMatch(/Not written/);
    expect(approved.text).toMatch(/update is denied here/);
    expect(putsTo(pageId)).toBe(0);
    expect((await auditTail()).find((e) => e.operation === 'update')).toMatchObject({
      decision: 'denied',
      outcome: 'denied',
    });
  });

  it('does not write into a page that moved to a disallowed space before Approve, and never names it', async () => {
    const pageId = await newEngPage();
    const requestId = await askUpdate(pageId);
    h.confluence.movePageAsHuman(pageId, 'SALES');

    const approved = await h.click('approve', { requestId }, { from: USERS.lead });
    expect(approved.text).toMatch(/Not written/);
    expect(approved.text).not.toContain('SALES');
    expect(putsTo(pageId)).toBe(0);
    const refusal = (await auditTail()).find((e) => e.operation === 'update');
    expect(refusal).toMatchObject({ decision: 'denied', outcome: 'denied' });
    expect(refusal?.details).toMatchObject({ spaceKey: 'SALES' });
  });

  it('still writes an approved update when nothing changed, re-reading the page once', async () => {
    const pageId = await newEngPage();
    const requestId = await askUpdate(pageId);
    const start = h.confluence.requests.length;
    const approved = await h.click('approve', { requestId }, { from: USERS.lead });
    expect(approved.text).toMatch(/Approved by/);
    expect(h.confluence.getPage(pageId)!.storage).toContain('Added by the assistant.');
    const calls = h.confluence.requests.slice(start);
    const put = calls.findIndex((r) => r.method === 'PUT');
    const recheck = calls
      .slice(0, put)
      .filter((r) => r.method === 'GET' && r.path.endsWith(`/pages/${pageId}`));
    expect(recheck).toHaveLength(1);
  });

  it('refuses a fresh preview of a page that moved to a disallowed space and files nothing', async () => {
    const pageId = await newEngPage();
    const requestId = await askUpdate(pageId);
    h.confluence.editPageAsHuman(pageId, '<p>Someone else edited this. SECRET-SALES-TEXT</p>');
    const stale = await h.click('approve', { requestId }, { from: USERS.lead });
    expect(stale.text).toMatch(/changed since the preview/i);
    h.confluence.movePageAsHuman(pageId, 'SALES');

    const fresh = await h.click('freshPreview', { requestId }, { from: USERS.writer });
    expect(fresh.text).not.toContain('SECRET-SALES-TEXT');
    expect(fresh.text).not.toContain('SALES');
    expect(fresh.text).toMatch(/does not exist|cannot see/i);
    expect(fresh.posts).toHaveLength(0);
    expect(fresh.updates).toHaveLength(0);
    const pending = await h.say('approvals', { from: USERS.lead });
    expect(pending.text).not.toContain(`Governance Page ${seq}`);
  });

  it('answers a page by id or URL in a disallowed space exactly like a missing page', async () => {
    const sales = h.confluence.findPageByTitle('SALES', 'Pricing and Discounts')!;
    const missing = await h.say('get 99999999');
    const byId = await h.say(`get ${sales.id}`);
    const byUrl = await h.say(`get ${h.confluence.url}/wiki/spaces/HR/pages/${sales.id}/Pricing`);
    expect(withoutCorrelation(byId.text)).toBe(withoutCorrelation(missing.text));
    expect(withoutCorrelation(byUrl.text)).toBe(withoutCorrelation(missing.text));
    for (const text of [byId.text, byUrl.text]) {
      expect(text).not.toContain('SALES');
      expect(text).not.toContain('Pricing');
    }
    const entry = (await auditTail()).find((e) => e.operation === 'get');
    expect(entry).toMatchObject({ decision: 'denied', outcome: 'denied' });
    expect(entry?.target).toMatchObject({ spaceKey: 'SALES' });
  });

  it('answers an update of a page in a disallowed space like a missing page, filing nothing', async () => {
    const sales = h.confluence.findPageByTitle('SALES', 'Pricing and Discounts')!;
    const missing = await h.say('update 99999999\nappend: x');
    const asked = await h.say(`update ${sales.id}\nappend: x`);
    expect(withoutCorrelation(asked.text)).toBe(withoutCorrelation(missing.text));
    expect(asked.text).not.toMatch(/Waiting for approval/i);
  });

  it('answers a create under a parent in a disallowed space like a missing parent', async () => {
    const sales = h.confluence.findPageByTitle('SALES', 'Pricing and Discounts')!;
    const missing = await h.say('create "Child A" in ENG under 99999999\nHello');
    const asked = await h.say(`create "Child B" in ENG under ${sales.id}\nHello`);
    expect(withoutCorrelation(asked.text)).toBe(withoutCorrelation(missing.text));
    expect(asked.text).not.toContain('SALES');
  });

  it('does not create under a parent that moved to a disallowed space before Approve', async () => {
    const parentId = await newEngPage();
    const asked = await h.say(`create "Moved Parent Child" in ENG under ${parentId}\nHello`);
    const requestId = requestIdOf(asked.card);
    h.confluence.movePageAsHuman(parentId, 'SALES');
    const approved = await h.click('approve', { requestId }, { from: USERS.lead });
    expect(approved.text).toMatch(/Not written/);
    expect(approved.text).not.toContain('SALES');
    expect(h.confluence.findPageByTitle('ENG', 'Moved Parent Child')).toBeUndefined();
    expect(h.confluence.findPageByTitle('SALES', 'Moved Parent Child')).toBeUndefined();
  });

  it('"Show here" on a page in a disallowed space posts nothing to the channel', async () => {
    const sales = h.confluence.findPageByTitle('SALES', 'Pricing and Discounts')!;
    const shown = await h.click('showPage', { pageId: sales.id }, { from: USERS.reader });
    expect(shown.posts).toHaveLength(0);
    expect(shown.text).not.toContain('Pricing');
    expect(shown.text).not.toContain('SALES');
    expect(shown.text).toMatch(/does not exist|cannot see/i);
  });

  it('keeps the rules for requests from a personal chat: the chat that asked governs the write', async () => {
    await h.say('/confluence approvals here', { from: USERS.admin, conversation: CONVERSATIONS.approvals });
    const pageId = await newEngPage();
    const asked = await h.say(`update ${pageId}\nappend: From my chat.`, {
      from: USERS.writer,
      conversation: CONVERSATIONS.personal,
    });
    expect(asked.text).toMatch(/Sent for approval/i);
    const post = h.channel.posted('19:approvals@thread.tacv2').at(-1);
    const card = (post?.activity.attachments as { content: Record<string, unknown> }[] | undefined)?.[0];
    const requestId = requestIdOf(card?.content);
    h.confluence.movePageAsHuman(pageId, 'SALES');
    const approved = await h.click(
      'approve',
      { requestId },
      { from: USERS.lead, conversation: CONVERSATIONS.approvals },
    );
    expect(approved.text).toMatch(/Not written/);
    expect(putsTo(pageId)).toBe(0);
  });
});
