import { describe, expect, it } from 'vitest';
import { createApprovalService } from '../../../bot/approvals/approval-service.js';
import type { ApprovalRequest } from '../../../bot/approvals/approval-store.js';
import {
  APPROVALS_PAGE_SIZE,
  APPROVALS_TITLE_MAX_CHARS,
  buildApprovalsListData,
  moreApprovals,
  showApprovalsList,
} from '../../../bot/approvals/approvals-list.js';
import { createMemoryApprovalStore } from '../../../bot/approvals/memory-approval-store.js';
import type { AssistantDeps } from '../../../bot/assistant/deps.js';
import type { CardActionRequest, ChatRequest, OutboundMessage } from '../../../bot/domain/chat.js';
import type { Actor } from '../../../bot/domain/types.js';
import { isAppError } from '../../../bot/errors.js';
import { renderCard } from '../../../bot/views/render-card.js';
import { VERBS } from '../../../bot/views/verbs.js';
import { cardOf } from '../../support/card-of.js';
import { collectObjects } from '../views/card-lint.js';
import { createChange } from './sample-change.js';

const NOW = new Date('2025-03-10T09:00:00.000Z');
const lead: Actor = { id: '29:lead', name: 'Lena Lead' };
const TEAMS_CARD_LIMIT = 28 * 1024;
/** A hostile long title: template syntax, quotes, emoji, 300 characters. */
const LONG_TITLE =
  `\${evil} "quoted" 😀 ${'Quarterly infrastructure capacity planning review '.repeat(6)}`.slice(0, 300);

/** Deps with `count` pending requests from 100 people over 20 channels; `lead` approves everywhere. */
async function depsWith(count: number): Promise<AssistantDeps> {
  const requests: ApprovalRequest[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = new Date(NOW.getTime() - (count - i) * 60_000);
    const request: ApprovalRequest = {
      id: `req-${String(i).padStart(4, '0')}`,
      requester: {
        id: `29:user-${i % 100}`,
        name: `Person With A Rather Long Display Name Number ${i % 100} `.repeat(3),
      },
      conversationId: `chan-${i % 20};messageid=1`,
      channelKey: `chan-${i % 20}`,
      connector: 'acme',
      operation: i % 2 === 0 ? 'update' : 'create',
      target: { spaceKey: 'ENG', pageId: String(i), title: `#${i} ${LONG_TITLE}` },
      change: createChange(),
      createdAt: createdAt.toISOString(),
      expiresAt: new Date(NOW.getTime() + 60 * 60_000).toISOString(),
      status: 'pending',
    };
    requests.push(request);
  }
  const store = createMemoryApprovalStore(requests);
  return {
    now: () => NOW,
    approvals: createApprovalService({ store, now: () => NOW }),
    settings: { getChannel: () => undefined, getGlobal: () => ({ admins: [] }) },
    config: { admins: [], approvers: [lead.id] },
  } as unknown as AssistantDeps;
}

function click(offset: unknown, actor: Actor = lead): CardActionRequest {
  return { verb: VERBS.moreApprovals, data: { offset }, actor } as unknown as CardActionRequest;
}

function moreActions(card: unknown) {
  return collectObjects(card, (o) => o.type === 'Action.Execute' && o.verb === VERBS.moreApprovals);
}

describe('approvals list card', () => {
  it('pages 1,000 pending requests with long titles: every card far under the Teams limit, each request once', async () => {
    const deps = await depsWith(1_000);
    const replies: OutboundMessage[] = [];
    await showApprovalsList(deps, { actor: lead } as ChatRequest, async (message) => {
      replies.push(message);
      return undefined;
    });
    let card: unknown = cardOf(replies[0]);
    const seen: string[] = [];
    let largest = 0;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(1_000 / APPROVALS_PAGE_SIZE);
      const text = JSON.stringify(card);
      largest = Math.max(largest, text.length);
      seen.push(...[...text.matchAll(/"#(\d+) /g)].map((m) => m[1]!));
      const more = moreActions(card);
      if (more.length === 0) break;
      expect(more[0]!.data).toEqual({ offset: (pages + 1) * APPROVALS_PAGE_SIZE });
      const next = await moreApprovals(deps, click((more[0]!.data as { offset: number }).offset));
      expect(next).toMatchObject({ kind: 'view', scope: 'clicker' });
      card = cardOf(next);
    }
    expect(largest).toBeLessThan(TEAMS_CARD_LIMIT / 2);
    expect(new Set(seen).size).toBe(1_000);
    expect(JSON.stringify(card)).toContain('Showing 991–1000 of 1000');
  });

  it('clips long titles and names', async () => {
    const data = buildApprovalsListData(await depsWith(3), lead);
    expect(data.items).toHaveLength(3);
    for (const item of data.items) {
      expect(item.title.length).toBeLessThanOrEqual(APPROVALS_TITLE_MAX_CHARS);
      expect(item.title.endsWith('…')).toBe(true);
      expect(item.requester.length).toBeLessThanOrEqual(60);
    }
    expect(data).toMatchObject({ total: 3, first: 1 });
    expect(data.nextOffset).toBeUndefined();
  });

  it('re-lists for the clicker: someone who may decide nothing sees only their own requests', async () => {
    const deps = await depsWith(40);
    const stranger: Actor = { id: '29:user-7', name: 'User 7' };
    const result = await moreApprovals(deps, click(0, stranger));
    const text = JSON.stringify(cardOf(result));
    expect(text).toContain('Showing 1–1 of 1');
    expect(moreActions(cardOf(result))).toHaveLength(0);
  });

  it('an offset past the end shows the last page; a string offset is accepted; bad data is refused', async () => {
    const deps = await depsWith(25);
    expect(JSON.stringify(cardOf(await moreApprovals(deps, click(5_000))))).toContain('Showing 21–25 of 25');
    expect(JSON.stringify(cardOf(await moreApprovals(deps, click('10'))))).toContain('Showing 11–20 of 25');
    for (const bad of [-1, 1.5, 'x', '__proto__', null, 10_000_000]) {
      const error = await moreApprovals(deps, click(bad)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isAppError(error, 'INPUT_INVALID')).toBe(true);
    }
  });

  it('an empty list says so and offers no More', async () => {
    const data = buildApprovalsListData(await depsWith(0), lead);
    expect(data).toMatchObject({ items: [], total: 0 });
    const card = renderCard('approvals-list', data);
    expect(JSON.stringify(card)).toContain('Nothing waiting');
    expect(moreActions(card)).toHaveLength(0);
  });
});
