import { buildUpdatePreviewBody } from '../../../bot/views/build-diff.js';
import {
  buildApprovalData,
  buildCreatePreviewBody,
  buildPageData,
  buildSearchResultsData,
} from '../../../bot/views/build-view-data.js';
import type { ApprovalData, ApprovalStatus, CardData, CardKind } from '../../../bot/views/types.js';

/** Strings that must reach the card literally. */
export const EVIL = {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal templating expression is the test input
  template: '${requester} ${$root.requestId} ${if(true, "x", "y")}',
  markdown: '**not bold** _x_ [link](https://evil.example) <at>all</at> # hash `tick` \\ |a|b|',
  unicode: 'Ünïcødé — 日本語のページ 🚀 עברית \u200b',
  dollar: 'costs $5 {braces} $ {x} \uE000 \uE001',
};

const HUGE = `${'A long paragraph with words. '.repeat(120)}\n\n`.repeat(20);

const pageBefore = [
  '# Runbook',
  'Intro line',
  ...Array.from({ length: 30 }, (_, i) => `step ${i + 1}`),
  'Footer',
].join('\n');
const pageAfter = pageBefore.replace('step 3\n', 'step 3 (changed)\n').replace('Footer', 'Footer\nNew line');

const updateBody = buildUpdatePreviewBody({
  title: 'Ops Runbook',
  webUrl: 'https://acme.atlassian.net/wiki/spaces/OPS/pages/42/Ops+Runbook',
  baseVersion: 7,
  summary: 'Append 1 line, replace "step 3"',
  before: pageBefore,
  after: pageAfter,
});

const createBody = buildCreatePreviewBody({
  title: 'Meeting notes 3 March',
  spaceKey: 'ENG',
  parentTitle: 'Meetings',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal templating expression is the test input
  markdown: '## Attendees\n- Ana\n- Bo\n\n## Decisions\n1. Ship it\n\n```\ncode ${x}\n```',
});

function approval(status: ApprovalStatus, extra: Partial<ApprovalData> = {}): ApprovalData {
  return buildApprovalData({
    requestId: 'req-0001',
    status,
    preview: updateBody,
    requester: 'Ana Lopez',
    requestedAt: '2025-03-01 10:00 UTC',
    expiresAt: '2025-03-02 10:00 UTC',
    showButtons: false,
    approverIds: ['29:approver-1', '29:approver-2'],
    ...extra,
  });
}

/** Named view data for every card kind: realistic cases first, then edge cases. */
export const CARD_FIXTURES: { readonly [K in CardKind]: readonly { name: string; data: CardData[K] }[] } = {
  'search-results': [
    {
      name: 'two hits with next page',
      data: buildSearchResultsData({
        query: 'vpn setup',
        spaceKeys: ['IT'],
        results: {
          totalSize: 27,
          nextCursor: 'cursor-abc',
          hits: [
            {
              pageId: '1001',
              title: 'VPN setup (Windows)',
              spaceKey: 'IT',
              excerpt: [
                { text: 'Install the ', highlight: false },
                { text: 'VPN', highlight: true },
                { text: ' client, then run ', highlight: false },
                { text: 'setup', highlight: true },
              ],
              lastModified: '2025-02-10T08:15:00.000Z',
              webUrl: 'https://acme.atlassian.net/wiki/spaces/IT/pages/1001',
            },
            {
              pageId: '1002',
              title: EVIL.template,
              spaceKey: 'IT',
              excerpt: [],
              lastModified: '2024-12-31T23:59:00.000Z',
              webUrl: 'https://acme.atlassian.net/wiki/spaces/IT/pages/1002',
            },
          ],
        },
      }),
    },
    {
      name: 'empty',
      data: buildSearchResultsData({
        query: EVIL.dollar,
        spaceKeys: [],
        results: { totalSize: 0, hits: [] },
      }),
    },
    {
      name: 'fewer words searched',
      data: {
        ...buildSearchResultsData({
          query: 'kafka consumer',
          spaceKeys: ['ENG', 'OPS'],
          results: {
            totalSize: 1,
            hits: [
              {
                pageId: '3001',
                title: 'Runbook: Kafka Consumer Lag',
                spaceKey: 'OPS',
                excerpt: [{ text: 'Kafka', highlight: true }],
                lastModified: '2025-01-01T00:00:00Z',
                webUrl: 'https://acme.atlassian.net/wiki/spaces/OPS/pages/3001',
              },
            ],
          },
        }),
        notice: `No page has every word of "kafka consumer ${EVIL.markdown}", so these are the pages with "kafka consumer".`,
      },
    },
    {
      name: 'ten long hits',
      data: buildSearchResultsData({
        query: EVIL.unicode,
        spaceKeys: ['HR', 'ENG'],
        results: {
          totalSize: 5000,
          nextCursor: 'c'.repeat(300),
          hits: Array.from({ length: 10 }, (_, i) => ({
            pageId: String(2000 + i),
            title: `${EVIL.markdown} ${i}`.repeat(3),
            spaceKey: 'HR',
            excerpt: [
              { text: HUGE.slice(0, 600), highlight: false },
              { text: 'match', highlight: true },
            ],
            lastModified: '2025-01-01T00:00:00Z',
            webUrl: `https://acme.atlassian.net/wiki/spaces/HR/pages/${2000 + i}`,
          })),
        },
      }),
    },
  ],
  page: [
    {
      name: 'normal',
      data: buildPageData(
        {
          title: 'Parental leave',
          spaceKey: 'HR',
          ancestors: [
            { id: '1', title: 'HR Home' },
            { id: '2', title: 'Policies' },
          ],
          version: { number: 12, authorId: 'acc-1', createdAt: '2025-02-01T09:30:00Z', message: '' },
          markdown: '# Parental leave\n\nYou get **16 weeks**.\n\n![diagram](https://x/y.png)',
          webUrl: 'https://acme.atlassian.net/wiki/spaces/HR/pages/3',
        },
        { authorName: 'Ana Lopez' },
      ),
    },
    {
      name: 'huge evil',
      data: buildPageData({
        title: EVIL.template,
        spaceKey: 'HR',
        ancestors: [{ id: '1', title: EVIL.unicode }],
        version: { number: 1, authorId: 'acc-1', createdAt: 'not a date', message: '' },
        markdown: `${EVIL.dollar}\n\n${HUGE}`,
        webUrl: 'https://acme.atlassian.net/wiki/spaces/HR/pages/4',
      }),
    },
    {
      name: 'empty top-level',
      data: buildPageData({
        title: 'Empty',
        spaceKey: 'HR',
        ancestors: [],
        version: { number: 1, authorId: 'acc-1', createdAt: '2025-02-01T09:30:00Z', message: '' },
        markdown: '',
        webUrl: 'https://acme.atlassian.net/wiki/spaces/HR/pages/5',
      }),
    },
  ],
  approval: [
    { name: 'pending approver view', data: approval('pending', { showButtons: true }) },
    { name: 'pending shared view', data: approval('pending') },
    {
      name: 'pending create',
      data: approval('pending', { preview: createBody, showButtons: true }),
    },
    {
      name: 'approved',
      data: approval('approved', {
        decidedBy: 'Cy Dube',
        decidedAt: '2025-03-01 11:00 UTC',
        pageUrl: 'https://acme.atlassian.net/wiki/spaces/OPS/pages/42',
      }),
    },
    {
      name: 'rejected',
      data: approval('rejected', { decidedBy: EVIL.template, decidedAt: '2025-03-01 11:00 UTC' }),
    },
    { name: 'expired', data: approval('expired') },
    { name: 'failed', data: approval('failed', { failureReason: EVIL.markdown }) },
    { name: 'stale', data: approval('stale') },
    { name: 'pending no approvers', data: approval('pending', { approverIds: [] }) },
    {
      name: 'pending with named approvers, one missing, overflow',
      data: approval('pending', {
        approvers: [
          { id: '29:approver-1', name: 'Lee Lead', mention: true },
          { id: 'aad-unresolved', name: 'aad-unresolved', mention: false },
          { id: '29:approver-2', name: EVIL.template, mention: true },
        ],
        absentApprovers: ['Rae Reader', EVIL.markdown],
        approverOverflow: 7,
      }),
    },
    { name: 'create preview', data: approval('pending', { preview: createBody }) },
    {
      name: 'create preview: huge evil, no parent',
      data: approval('pending', {
        preview: buildCreatePreviewBody({
          title: EVIL.template,
          spaceKey: 'ENG',
          markdown: HUGE + EVIL.markdown,
        }),
        requester: EVIL.template,
      }),
    },
    {
      name: 'update preview: rewrite everything',
      data: approval('pending', {
        preview: buildUpdatePreviewBody({
          title: EVIL.unicode,
          webUrl: 'https://acme.atlassian.net/wiki/spaces/OPS/pages/43',
          baseVersion: 1,
          summary: `replace "${EVIL.template}" with "${EVIL.dollar}"`,
          before: HUGE,
          after: HUGE.toUpperCase(),
        }),
      }),
    },
    {
      name: 'update preview: no change',
      data: approval('pending', {
        preview: buildUpdatePreviewBody({
          title: 'Same',
          webUrl: 'https://acme.atlassian.net/wiki/spaces/OPS/pages/44',
          baseVersion: 2,
          summary: 'title: Same',
          before: 'a\nb',
          after: 'a\nb',
        }),
      }),
    },
  ],
  denial: [
    {
      name: 'normal',
      data: {
        what: 'Create "Q3 plan" in HR',
        reasons: ['create is denied in this channel', 'HR is not an allowed space'],
        remedy: 'A bot admin can run `/confluence policy create confirm`.',
      },
    },
    { name: 'evil', data: { what: EVIL.template, reasons: [], remedy: EVIL.dollar } },
  ],
  error: [
    {
      name: 'with hint',
      data: {
        message: 'Confluence is not answering right now.',
        hint: 'Try again in a minute.',
        correlationId: 'c-1',
      },
    },
    { name: 'no hint', data: { message: EVIL.template, correlationId: EVIL.dollar } },
  ],
  help: [
    { name: 'user', data: { isAdmin: false, exampleSpace: 'ENG', spaces: 'ENG, HR, OPS', inChannel: true } },
    {
      name: 'admin',
      data: {
        isAdmin: true,
        exampleSpace: 'SPACE',
        spaces: 'every space the connector account can see',
        inChannel: false,
      },
    },
  ],
  'admin-help': [
    { name: 'none', data: { connectorCount: 0 } },
    { name: 'one', data: { connectorCount: 1 } },
  ],
  welcome: [
    { name: 'channel', data: { inChannel: true } },
    { name: 'personal', data: { inChannel: false } },
  ],
  'approvals-list': [
    {
      name: 'two',
      data: {
        items: [
          {
            requestId: 'req-1',
            title: 'Ops Runbook',
            operation: 'update',
            spaceKey: 'OPS',
            requester: 'Ana',
            age: '2 hours',
            status: 'pending',
            canCancel: true,
            canDecide: false,
          },
          {
            requestId: 'req-2',
            title: EVIL.template,
            operation: 'create',
            spaceKey: 'ENG',
            requester: 'Bo',
            age: '5 minutes',
            status: 'pending',
            canCancel: false,
            canDecide: true,
          },
        ],
      },
    },
    { name: 'empty', data: { items: [] } },
    {
      name: 'after a decision',
      data: { items: [], notice: `Approved "${EVIL.template}": the page was written.` },
    },
  ],
  notice: [
    {
      name: 'policy change',
      data: {
        title: 'Policy updated',
        text: 'create is now **confirm** in this channel.',
        tone: 'good',
        changes: [{ label: 'create', before: 'allowed', after: 'confirm' }],
      },
    },
    { name: 'evil plain', data: { title: EVIL.template, text: '', tone: 'warning', changes: [] } },
  ],
  'connect-form': [
    { name: 'first show', data: { name: 'default', siteUrl: '', email: '', spaces: '' } },
    {
      name: 're-show with problem',
      data: {
        name: EVIL.template,
        siteUrl: 'http://acme.atlassian.net',
        email: 'bot@acme.com',
        spaces: 'HR, ENG',
        problem: 'The Confluence site URL must be an https:// URL.',
      },
    },
  ],
  'rotate-form': [
    { name: 'normal', data: { connectorName: 'default', siteUrl: 'https://acme.atlassian.net' } },
    { name: 'problem', data: { connectorName: EVIL.template, siteUrl: 'https://x', problem: EVIL.dollar } },
  ],
  'disconnect-confirm': [
    { name: 'normal', data: { connectorName: 'default', siteUrl: 'https://acme.atlassian.net' } },
  ],
  status: [
    {
      name: 'one connector warning',
      data: {
        connectors: [
          {
            name: 'default',
            siteUrl: 'https://acme.atlassian.net',
            account: 'bot@acme.com',
            tokenAge: '80 days',
            tokenExpiry: '2025-03-10 (in 9 days)',
            expiryWarning: true,
            spaces: 'HR, ENG',
          },
        ],
        channelName: 'Team Writers › General',
        policy: [
          { operation: 'search', permission: 'allowed', source: 'default' },
          { operation: 'get', permission: 'allowed', source: 'default' },
          { operation: 'create', permission: 'confirm', source: 'channel' },
          { operation: 'update', permission: 'denied', source: 'channel' },
        ],
        approvers: ['Ana Lopez', 'Bo Chen'],
        approvalsConversation: 'Team Writers › Approvals',
      },
    },
    {
      name: 'nothing set',
      data: { connectors: [], channelName: EVIL.template, policy: [], approvers: [] },
    },
  ],
  policy: [
    {
      name: 'with explain',
      data: {
        channelName: 'General',
        rows: [
          { operation: 'search', permission: 'allowed', source: 'default' },
          { operation: 'update', permission: 'confirm', source: 'channel' },
        ],
        explain: ['update in HR: confirm (channel policy)', 'HR is an allowed space of connector default'],
      },
    },
    { name: 'no explain', data: { channelName: 'Chat', rows: [], explain: [] } },
  ],
  'audit-list': [
    {
      name: 'three',
      data: {
        total: 120,
        entries: [
          {
            seq: 118,
            at: '2025-03-01 10:00 UTC',
            actor: 'Ana',
            operation: 'update',
            target: 'OPS / Ops Runbook v7',
            decision: 'confirm',
            outcome: 'pending',
          },
          {
            seq: 119,
            at: '2025-03-01 11:00 UTC',
            actor: 'Cy',
            operation: 'approve',
            target: 'OPS / Ops Runbook v7',
            decision: 'approved',
            outcome: 'ok',
          },
          {
            seq: 120,
            at: '2025-03-01 11:01 UTC',
            actor: EVIL.template,
            operation: 'admin',
            target: EVIL.dollar,
            decision: 'denied',
            outcome: 'denied',
          },
        ],
      },
    },
    { name: 'empty', data: { total: 0, entries: [] } },
  ],
  'pick-page': [
    {
      name: 'several',
      data: {
        heading: 'Several pages match "runbook". Which one?',
        action: 'Open it',
        request: '{"operation":"get"}',
        options: [
          {
            pageId: '101',
            title: 'Runbook: Database Failover',
            spaceKey: 'OPS',
            webUrl: 'https://acme.atlassian.net/wiki/spaces/OPS/pages/101',
          },
          {
            pageId: '102',
            title: EVIL.template,
            spaceKey: 'OPS',
            webUrl: 'https://acme.atlassian.net/wiki/x/2',
          },
        ],
      },
    },
    {
      name: 'no buttons',
      data: {
        heading: 'No page titled "rota". The closest titles:',
        action: EVIL.markdown,
        options: [
          {
            pageId: '7',
            title: 'On-call Rota',
            spaceKey: 'OPS',
            webUrl: 'https://acme.atlassian.net/wiki/x/7',
          },
        ],
      },
    },
  ],
  'did-you-mean': [
    {
      name: 'two readings',
      data: { message: 'I am not sure what to do with `srech vpn`.', readings: ['search vpn', 'help'] },
    },
    { name: 'evil', data: { message: EVIL.markdown, readings: [EVIL.template] } },
  ],
};
