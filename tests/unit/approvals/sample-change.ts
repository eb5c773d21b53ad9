import type { ApprovalChange, ApprovalResult } from '../../../bot/approvals/approval-change.js';
import type { UpdatePlan } from '../../../bot/operations/update-page.js';

/** An update plan as stored with a request (override any field). */
export function updatePlan(overrides: Partial<UpdatePlan> = {}): UpdatePlan {
  return {
    kind: 'update',
    pageId: '123',
    spaceKey: 'DS',
    currentTitle: 'Runbook',
    title: 'Runbook',
    webUrl: 'https://acme.atlassian.net/wiki/spaces/DS/pages/123',
    baseVersion: 7,
    storage: '<p>the whole new page</p>',
    edit: { kind: 'append', markdown: '## New section' },
    summary: 'Append',
    beforeMarkdown: 'Old text',
    afterMarkdown: 'Old text\n\n## New section',
    ...overrides,
  };
}

/** A request's change: an update plan (override its fields), asked nowhere in particular. */
export function updateChange(overrides: Partial<UpdatePlan> = {}): ApprovalChange {
  return { plan: updatePlan(overrides) };
}

/** A request's change: a create plan. */
export function createChange(title = 'T', spaceKey = 'DS'): ApprovalChange {
  return { plan: { kind: 'create', spaceKey, title, markdown: '# hi', storage: '<h1>hi</h1>' } };
}

/** What an executed request records. */
export function resultOf(pageId = '123', version = 8): ApprovalResult {
  return { pageId, webUrl: `https://acme.atlassian.net/wiki/spaces/DS/pages/${pageId}`, version };
}
