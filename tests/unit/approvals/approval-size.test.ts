import { describe, expect, it } from 'vitest';
import { approvalMessage, previewOf } from '../../../bot/approvals/approval-card.js';
import { compactApprovalChange } from '../../../bot/approvals/approval-change.js';
import { createApprovalService } from '../../../bot/approvals/approval-service.js';
import { createMemoryApprovalStore } from '../../../bot/approvals/memory-approval-store.js';
import { excerptForPreview, PLAN_PREVIEW_MAX_CHARS } from '../../../bot/confluence/plan-storage-edit.js';
import type { Actor } from '../../../bot/domain/types.js';
import { isAppError } from '../../../bot/errors.js';
import { CREATE_PREVIEW_MAX_CHARS, executeCreate, planCreate } from '../../../bot/operations/create-page.js';
import { executeUpdate, planUpdate, type UpdatePlan } from '../../../bot/operations/update-page.js';
import { buildUpdatePreviewBody } from '../../../bot/views/build-diff.js';
import type { UpdatePreviewBody } from '../../../bot/views/types.js';
import { cardOf } from '../../support/card-of.js';
import { createFakeConfluence, makePage } from '../operations/fake-confluence.js';

const NOW = new Date('2025-03-10T09:00:00.000Z');
const rita: Actor = { id: '29:rita', name: 'Rita' };
const alan: Actor = { id: '29:alan', name: 'Alan' };
/** What Teams accepts for one card (about 28 KB). */
const TEAMS_CARD_LIMIT = 28 * 1024;

/** A page of `paragraphs` paragraphs of about 80 characters each (400 ≈ 33 KB of storage). */
function bigPage(paragraphs: number) {
  const storage = Array.from(
    { length: paragraphs },
    (_, i) => `<p>Paragraph ${i}: the VPN gateway rotates its certificates every ninety days here.</p>`,
  ).join('');
  return makePage({ id: '77', title: 'Runbook', spaceKey: 'ENG', storage, version: 5 });
}

function service() {
  const store = createMemoryApprovalStore();
  let seq = 0;
  return createApprovalService({
    store,
    now: () => NOW,
    newId: () => `req-${++seq}`,
    compactFinished: compactApprovalChange,
  });
}

async function submitUpdate(approvals: ReturnType<typeof service>, plan: UpdatePlan) {
  return approvals.submit({
    requester: rita,
    conversationId: 'chan;messageid=1',
    channelKey: 'chan',
    connector: 'acme',
    operation: 'update',
    target: { spaceKey: plan.spaceKey, pageId: plan.pageId, title: plan.title },
    change: { plan, origin: { platform: 'teams', conversationId: 'chan', channelKey: 'chan' } },
    baseVersion: plan.baseVersion,
  });
}

const diffTexts = (body: ReturnType<typeof previewOf>) => (body as UpdatePreviewBody).diff.map((l) => l.text);

describe('stored request size', () => {
  it('an append to a 33 KB page stores the storage once and a few lines of preview', async () => {
    const page = bigPage(400);
    expect(page.storage.length).toBeGreaterThan(33_000);
    const plan = await planUpdate(page, { kind: 'append', markdown: 'One more line.' });
    expect(plan.storage.length).toBeGreaterThan(page.storage.length);
    expect(plan.beforeMarkdown.length + plan.afterMarkdown.length).toBeLessThan(1_000);
    const approvals = service();
    const pending = await submitUpdate(approvals, plan);
    expect(JSON.stringify(pending).length).toBeLessThan(plan.storage.length + 3_000);
    const rejected = await approvals.reject(pending.id, alan, { isApprover: true });
    expect(JSON.stringify(rejected).length).toBeLessThan(3_000);
    const card = cardOf(approvalMessage(rejected, { showButtons: false, approverIds: [] }));
    expect(JSON.stringify(card)).toMatch(/One more line/);
    expect(JSON.stringify(card)).toMatch(/… 797 unchanged lines/);
  });

  it('the card diff of a trimmed plan equals the diff of the whole page text', async () => {
    const page = bigPage(300);
    const plan = await planUpdate(page, {
      kind: 'replace',
      find: 'Paragraph 150: the VPN',
      replaceWith: 'Paragraph 150: the new VPN',
    });
    expect(plan.previewTrim).toMatchObject({ shortened: false });
    expect(plan.previewTrim!.leadingLines).toBeGreaterThan(200);
    expect(plan.previewTrim!.trailingLines).toBeGreaterThan(200);
    const full = await planUpdate(
      { ...page },
      { kind: 'replace', find: 'Paragraph 150: the VPN', replaceWith: 'Paragraph 150: the new VPN' },
    );
    const whole = buildUpdatePreviewBody({
      title: full.title,
      webUrl: full.webUrl,
      baseVersion: full.baseVersion,
      summary: full.summary,
      before: page.markdown,
      after: page.markdown.replace('Paragraph 150: the VPN', 'Paragraph 150: the new VPN'),
    });
    expect(diffTexts(previewOf(plan))).toEqual(whole.diff.map((l) => l.text));
  });

  it('a whole-body rewrite keeps the storage whole, cuts the preview with a note, card under the Teams limit', async () => {
    const page = bigPage(400);
    const markdown = Array.from(
      { length: 500 },
      (_, i) => `New paragraph ${i} with a fair amount of text in it.`,
    ).join('\n\n');
    const plan = await planUpdate(page, { kind: 'body', markdown });
    expect(plan.storage).toContain('New paragraph 499');
    expect(plan.beforeMarkdown.length).toBeLessThanOrEqual(PLAN_PREVIEW_MAX_CHARS);
    expect(plan.afterMarkdown.length).toBeLessThanOrEqual(PLAN_PREVIEW_MAX_CHARS);
    expect(plan.previewTrim?.shortened).toBe(true);
    const request = await submitUpdate(service(), plan);
    const card = JSON.stringify(
      cardOf(approvalMessage(request, { showButtons: true, approverIds: ['29:alan'] })),
    );
    expect(card).toContain('preview shortened');
    expect(card.length).toBeLessThan(TEAMS_CARD_LIMIT);
  });

  it('a create keeps the whole storage and at most CREATE_PREVIEW_MAX_CHARS of Markdown', async () => {
    const fake = createFakeConfluence();
    const markdown = 'Words and more words. '.repeat(2_000);
    const plan = await planCreate(fake, { title: 'Big', spaceKey: 'ENG', markdown });
    expect(plan.storage).toContain(markdown.trim().slice(-30));
    expect(plan.markdown.length).toBe(CREATE_PREVIEW_MAX_CHARS);
    expect(plan.markdownShortened).toBe(true);
    expect(previewOf(plan)).toMatchObject({ kind: 'create', truncated: true });
  });

  it('small edits keep the plan exactly as before (no trim)', () => {
    expect(excerptForPreview('a\nb', 'a\nc')).toEqual({ before: 'a\nb', after: 'a\nc' });
    expect(excerptForPreview('same', 'same')).toEqual({ before: 'same', after: 'same' });
  });
});

describe('a finished plan without its storage', () => {
  it('still renders its card and can never be executed', async () => {
    const approvals = service();
    const plan = await planUpdate(bigPage(50), { kind: 'append', markdown: 'Done.' });
    const request = await submitUpdate(approvals, plan);
    const cancelled = await approvals.cancel(request.id, rita, { isAdmin: false });
    const stored = cancelled.change.plan;
    expect(stored).toMatchObject({ storage: '', storageOmitted: true });
    expect(
      JSON.stringify(cardOf(approvalMessage(cancelled, { showButtons: false, approverIds: [] }))),
    ).toContain('Done.');
    const fake = createFakeConfluence();
    const update = await executeUpdate(fake, stored as UpdatePlan).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAppError(update, 'INTERNAL')).toBe(true);
    const create = await executeCreate(fake, {
      kind: 'create',
      spaceKey: 'ENG',
      title: 'x',
      markdown: 'x',
      storage: '',
      storageOmitted: true,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAppError(create, 'INTERNAL')).toBe(true);
    expect(fake.calls).toEqual([]);
  });
});
