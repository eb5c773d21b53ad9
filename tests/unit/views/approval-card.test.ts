import { describe, expect, it } from 'vitest';
import { buildApprovalData, MAX_REFRESH_USER_IDS } from '../../../bot/views/build-view-data.js';
import { renderCard } from '../../../bot/views/render-card.js';
import type { ApprovalData, ApprovalStatus } from '../../../bot/views/types.js';
import { VERBS } from '../../../bot/views/verbs.js';
import { CARD_FIXTURES } from './card-fixtures.js';
import { collectObjects, collectStrings, visibleText } from './card-lint.js';

const base: ApprovalData = CARD_FIXTURES.approval[0]!.data;
const STATUSES: readonly ApprovalStatus[] = ['pending', 'approved', 'rejected', 'expired', 'failed', 'stale'];

function withStatus(status: ApprovalStatus, showButtons: boolean): ApprovalData {
  return {
    ...base,
    status,
    showButtons,
    decidedBy: 'Cy Dube',
    decidedAt: '2025-03-01 11:00 UTC',
    pageUrl: 'https://acme.atlassian.net/wiki/spaces/OPS/pages/42',
    failureReason: 'Confluence is not answering right now.',
  };
}

function executeActions(card: unknown, verb?: string) {
  return collectObjects(card, (o) => o.type === 'Action.Execute' && (verb === undefined || o.verb === verb));
}

describe('approval card', () => {
  it('shows Approve and Reject only when pending and showButtons, with data exactly { requestId }', () => {
    const card = renderCard('approval', withStatus('pending', true));
    const approve = executeActions(card.actions, VERBS.approve);
    const reject = executeActions(card.actions, VERBS.reject);
    expect(approve).toHaveLength(1);
    expect(reject).toHaveLength(1);
    expect(approve[0]!.data).toStrictEqual({ requestId: 'req-0001' });
    expect(reject[0]!.data).toStrictEqual({ requestId: 'req-0001' });
    expect(approve[0]!.title).toBe('Approve');
  });

  it.each(STATUSES)('has no decision buttons in the shared view (%s)', (status) => {
    const card = renderCard('approval', withStatus(status, false));
    expect(executeActions(card, VERBS.approve)).toEqual([]);
    expect(executeActions(card, VERBS.reject)).toEqual([]);
  });

  it.each(STATUSES.filter((s) => s !== 'pending'))(
    'has no decision buttons once %s, even if asked',
    (status) => {
      const card = renderCard('approval', withStatus(status, true));
      expect(executeActions(card, VERBS.approve)).toEqual([]);
      expect(executeActions(card, VERBS.reject)).toEqual([]);
    },
  );

  it('carries refresh for approvers while pending (both views)', () => {
    for (const showButtons of [true, false]) {
      const card = renderCard('approval', withStatus('pending', showButtons));
      expect(card.refresh).toStrictEqual({
        action: {
          type: 'Action.Execute',
          title: 'Refresh',
          verb: VERBS.refresh,
          data: { requestId: 'req-0001' },
        },
        userIds: ['29:approver-1', '29:approver-2'],
      });
    }
  });

  it.each(STATUSES.filter((s) => s !== 'pending'))('drops refresh once %s', (status) => {
    const card = renderCard('approval', withStatus(status, false));
    expect('refresh' in card).toBe(false);
  });

  it('drops refresh when no approver ids are known', () => {
    const card = renderCard('approval', { ...withStatus('pending', false), approverIds: [] });
    expect('refresh' in card).toBe(false);
  });

  it('states each outcome in its header', () => {
    const text = (status: ApprovalStatus) => visibleText(renderCard('approval', withStatus(status, false)));
    expect(text('pending')).toContain('Waiting for approval');
    expect(text('approved')).toContain('✅ Approved by Cy Dube at 2025-03-01 11:00 UTC');
    expect(text('rejected')).toContain('❌ Rejected by Cy Dube at 2025-03-01 11:00 UTC');
    expect(text('expired')).toContain('Expired at 2025-03-02 10:00 UTC');
    expect(text('failed')).toContain('Confluence is not answering right now.');
    expect(text('stale')).toContain('The page changed since the preview');
  });

  it('links the written page when approved', () => {
    const card = renderCard('approval', withStatus('approved', false));
    const open = collectObjects(card.actions, (o) => o.type === 'Action.OpenUrl');
    expect(open.map((o) => o.url)).toEqual(['https://acme.atlassian.net/wiki/spaces/OPS/pages/42']);
  });

  it('offers a fresh preview only when stale, with data exactly { requestId }', () => {
    const stale = executeActions(renderCard('approval', withStatus('stale', false)), VERBS.freshPreview);
    expect(stale.map((a) => a.data)).toStrictEqual([{ requestId: 'req-0001' }]);
    for (const status of STATUSES.filter((s) => s !== 'stale')) {
      expect(executeActions(renderCard('approval', withStatus(status, true)), VERBS.freshPreview)).toEqual(
        [],
      );
    }
  });

  it('shows the diff for updates and the content for creates', () => {
    const update = collectStrings(renderCard('approval', withStatus('pending', false)));
    expect(update).toContain('- step 3');
    expect(update).toContain('+ step 3 (changed)');
    const create = renderCard('approval', {
      ...withStatus('pending', false),
      preview: CARD_FIXTURES.approval.find((f) => f.name === 'create preview')!.data.preview,
    });
    expect(collectStrings(create).join('\n')).toContain('**Attendees**');
    expect(collectStrings(create)).toContain('Create a page');
  });
});

describe('buildApprovalData', () => {
  it('dedupes approver ids, drops empty ones and keeps at most 60', () => {
    const ids = ['', ...Array.from({ length: 80 }, (_, i) => `29:user-${i % 70}`)];
    const data = buildApprovalData({ ...base, approverIds: ids });
    expect(data.approverIds).toHaveLength(MAX_REFRESH_USER_IDS);
    expect(new Set(data.approverIds).size).toBe(MAX_REFRESH_USER_IDS);
    expect(data.approverIds[0]).toBe('29:user-0');
  });

  it('forces showButtons off unless pending', () => {
    expect(buildApprovalData({ ...base, status: 'pending', showButtons: true }).showButtons).toBe(true);
    expect(buildApprovalData({ ...base, status: 'approved', showButtons: true }).showButtons).toBe(false);
  });
});
