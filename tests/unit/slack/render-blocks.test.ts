import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseButtonValue, SLACK_VERBS } from '../../../bot/slack/blocks-actions.js';
import type { Block, BlockMessage, ButtonElement, TextObject } from '../../../bot/slack/blocks-types.js';
import { type CardView, renderBlocks } from '../../../bot/slack/render-blocks.js';
import type { ApprovalData, CardData, CardKind, DiffLineView } from '../../../bot/views/types.js';
import { CARD_KINDS } from '../../../bot/views/types.js';
import { ALL_VERBS, VERBS } from '../../../bot/views/verbs.js';
import { CARD_FIXTURES } from '../views/card-fixtures.js';

const view = <K extends CardKind>(kind: K, data: CardData[K]): CardView => ({ kind, data }) as CardView;

function buttonsOf(blocks: readonly Block[]): ButtonElement[] {
  return blocks.flatMap((block) =>
    block.type === 'actions'
      ? [...block.elements]
      : block.type === 'section' && block.accessory
        ? [block.accessory]
        : [],
  );
}

function textsOf(block: Block): TextObject[] {
  switch (block.type) {
    case 'section':
      return [...(block.text ? [block.text] : []), ...(block.fields ?? [])];
    case 'context':
      return [...block.elements];
    case 'header':
      return [block.text];
    case 'actions':
      return block.elements.map((element) => element.text);
    case 'divider':
      return [];
  }
}

/** Every mrkdwn text of a message, the fallback first. */
function mrkdwnOf(message: BlockMessage): string[] {
  return [
    message.text,
    ...message.blocks.flatMap((block) =>
      textsOf(block)
        .filter((t) => t.type === 'mrkdwn')
        .map((t) => t.text),
    ),
  ];
}

/** `<` that do not open a renderer-made link `<http…|…>` or (when allowed) a `<@U…>` mention. */
function rawAngles(text: string, mentions = false): string[] {
  const found: string[] = [];
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    const rest = text.slice(at, at + 4000);
    if (/^<https?:\/\/[^|<>\s]+\|[^<>]*>/.test(rest)) continue;
    if (mentions && /^<@[UW][A-Z0-9]+>/.test(rest)) continue;
    found.push(rest.slice(0, 30));
  }
  return found;
}

const KNOWN_ACTIONS = new Set<string>([...ALL_VERBS, ...Object.values(SLACK_VERBS)]);

/** Every Block Kit limit the renderer promises, as a list of violations (empty = within limits). */
function violations(message: BlockMessage): string[] {
  const out: string[] = [];
  const fail = (what: string) => out.push(what);
  if (message.text.trim() === '' || message.text.length > 500)
    fail(`fallback text length ${message.text.length}`);
  if (message.blocks.length > 50) fail(`${message.blocks.length} blocks`);
  message.blocks.forEach((block, i) => {
    const at = `block ${i} (${block.type})`;
    for (const text of textsOf(block)) {
      if (text.text.trim() === '') fail(`${at}: empty text`);
      if ((text.text.split('```').length - 1) % 2 !== 0) fail(`${at}: unbalanced code fence`);
    }
    if (block.type === 'section') {
      if (block.text && block.text.text.length > 3000) fail(`${at}: text ${block.text.text.length}`);
      if (block.fields && block.fields.length > 10) fail(`${at}: ${block.fields.length} fields`);
      for (const field of block.fields ?? [])
        if (field.text.length > 2000) fail(`${at}: field ${field.text.length}`);
      if (!block.text && !block.fields) fail(`${at}: no text`);
    }
    if (block.type === 'header' && block.text.text.length > 150)
      fail(`${at}: header ${block.text.text.length}`);
    if (block.type === 'context') {
      if (block.elements.length > 10 || block.elements.length === 0)
        fail(`${at}: ${block.elements.length} elements`);
      for (const element of block.elements)
        if (element.text.length > 3000) fail(`${at}: ${element.text.length}`);
    }
    if (block.type === 'actions' && (block.elements.length > 25 || block.elements.length === 0)) {
      fail(`${at}: ${block.elements.length} elements`);
    }
    const ids = new Set<string>();
    for (const button of buttonsOf([block])) {
      if (button.text.text.length > 75) fail(`${at}: button text ${button.text.text.length}`);
      if (button.action_id.length > 255 || !KNOWN_ACTIONS.has(button.action_id))
        fail(`${at}: ${button.action_id}`);
      if (ids.has(button.action_id)) fail(`${at}: duplicate action_id ${button.action_id}`);
      ids.add(button.action_id);
      if (button.value === undefined || button.value.length > 2000)
        fail(`${at}: value ${button.value?.length}`);
      else if (parseButtonValue(button.value) === undefined) fail(`${at}: value not a flat JSON object`);
    }
  });
  return out;
}

/** The data keys each verb carries on the Teams cards (`Action.Execute` in `cards/*.json`). */
function templateDataKeys(): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && typeof record.verb === 'string') {
        keys.set(record.verb, Object.keys((record.data as object | undefined) ?? {}).sort());
      }
      Object.values(record).forEach(visit);
    }
  };
  const dir = path.resolve(import.meta.dirname, '../../../cards');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    visit(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
  }
  return keys;
}

const LONG = 'Very long title '.repeat(200).slice(0, 3000);
const MB = 1_000_000;

function hugeMarkdown(): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < MB; i += 1) {
    const part = [
      `## Section ${i} <!here>`,
      `Some **bold** text & a [link](https://acme.example/${i}) with <@U123> in it.`,
      '- a list item',
      '| a | b |',
      '| --- | --- |',
      `| ${i} | <!channel> |`,
      '```',
      `code ${i} \`\`\` <b>`,
      '```',
      '',
    ].join('\n');
    parts.push(part);
    size += part.length;
  }
  return parts.join('\n');
}

const diffLines: DiffLineView[] = Array.from({ length: 10_000 }, (_, i) => ({
  kind: i % 3 === 0 ? 'added' : i % 3 === 1 ? 'removed' : 'context',
  text: `${i % 3 === 0 ? '+ ' : i % 3 === 1 ? '- ' : '  '}line ${i} ${'x'.repeat(i % 500)} <!here> \`\`\``,
}));

const hugeApproval: ApprovalData = {
  requestId: 'req-huge',
  status: 'pending',
  preview: {
    kind: 'update',
    title: LONG,
    webUrl: 'https://acme.atlassian.net/wiki/spaces/OPS/pages/42',
    baseVersion: 3,
    summary: LONG,
    diff: diffLines,
    omittedLines: 12_345,
    added: 5000,
    removed: 5000,
  },
  requester: LONG,
  requestedAt: '2025-03-01 10:00 UTC',
  expiresAt: '2025-03-02 10:00 UTC',
  showButtons: true,
  approverIds: [],
  approvers: Array.from({ length: 300 }, (_, i) => ({
    id: `U${1000 + i}`,
    name: LONG,
    mention: i % 2 === 0,
  })),
  notInConversation: LONG,
};

/** Data far beyond what one message can show, for every kind. */
const HUGE: { readonly [K in CardKind]: CardData[K] } = {
  'search-results': {
    query: LONG,
    spaceFilter: LONG,
    total: 100_000,
    hits: Array.from({ length: 500 }, (_, i) => ({
      pageId: String(i),
      title: LONG,
      spaceKey: 'HR',
      excerpt: [
        { text: LONG, highlight: false },
        { text: LONG, highlight: true },
      ],
      lastModified: '2025-01-01 00:00 UTC',
      webUrl: `https://acme.atlassian.net/wiki/spaces/HR/pages/${i}`,
    })),
    nextToken: 't'.repeat(5000),
  },
  page: {
    title: LONG,
    breadcrumb: LONG,
    spaceKey: 'HR',
    version: 9,
    author: LONG,
    updatedAt: '2025-01-01 00:00 UTC',
    markdown: hugeMarkdown(),
    truncated: false,
    webUrl: 'https://acme.atlassian.net/wiki/spaces/HR/pages/1',
  },
  approval: hugeApproval,
  denial: { what: LONG, reasons: Array.from({ length: 500 }, () => LONG), remedy: LONG },
  error: { message: LONG, hint: LONG.repeat(3), correlationId: LONG },
  help: { isAdmin: true, exampleSpace: LONG, spaces: LONG, inChannel: true },
  'admin-help': { connectorCount: 0 },
  welcome: { inChannel: false },
  'approvals-list': {
    items: Array.from({ length: 300 }, (_, i) => ({
      requestId: `req-${i}`,
      title: LONG,
      operation: 'update',
      spaceKey: 'OPS',
      requester: LONG,
      age: '2 hours',
      status: 'pending',
      canCancel: true,
      canDecide: true,
    })),
    total: 5000,
    first: 1,
    nextOffset: 300,
    notice: LONG,
  },
  notice: {
    title: LONG,
    text: LONG.repeat(5),
    tone: 'warning',
    changes: Array.from({ length: 500 }, () => ({ label: LONG, before: LONG, after: LONG })),
  },
  'connect-form': { name: LONG, siteUrl: LONG, email: LONG, spaces: LONG, problem: LONG },
  'rotate-form': { connectorName: LONG, siteUrl: LONG, problem: LONG },
  'disconnect-confirm': { connectorName: LONG, siteUrl: LONG },
  status: {
    connectors: Array.from({ length: 200 }, () => ({
      name: LONG,
      siteUrl: LONG,
      account: LONG,
      tokenAge: LONG,
      tokenExpiry: LONG,
      expiryWarning: true,
      spaces: LONG,
    })),
    channelName: LONG,
    policy: Array.from({ length: 300 }, () => ({ operation: LONG, permission: 'denied', source: LONG })),
    approvers: Array.from({ length: 500 }, () => LONG),
    approvalsConversation: LONG,
    audit: LONG,
  },
  policy: {
    channelName: LONG,
    rows: Array.from({ length: 300 }, () => ({ operation: LONG, permission: 'confirm', source: LONG })),
    explain: Array.from({ length: 500 }, () => LONG),
  },
  'audit-list': {
    total: 100_000,
    entries: Array.from({ length: 300 }, (_, i) => ({
      seq: i + 1,
      at: '2025-03-01 10:00 UTC',
      actor: LONG,
      operation: 'update',
      target: LONG,
      decision: 'confirm',
      outcome: 'error',
    })),
  },
  'pick-page': {
    heading: LONG,
    action: LONG,
    request: LONG,
    options: Array.from({ length: 300 }, (_, i) => ({
      pageId: String(i),
      title: LONG,
      spaceKey: 'OPS',
      webUrl: `https://acme.atlassian.net/wiki/x/${i}`,
    })),
  },
  'did-you-mean': { message: LONG, readings: [LONG, LONG, LONG] },
};

describe('renderBlocks: every kind', () => {
  it('has fixtures and a huge case for every card kind', () => {
    expect(Object.keys(CARD_FIXTURES).sort()).toEqual([...CARD_KINDS].sort());
    expect(Object.keys(HUGE).sort()).toEqual([...CARD_KINDS].sort());
  });

  const cases = CARD_KINDS.flatMap((kind) =>
    CARD_FIXTURES[kind].map((fixture) => ({
      kind,
      name: fixture.name,
      data: fixture.data as CardData[CardKind],
    })),
  );

  it.each(cases)('$kind — $name: within Block Kit limits, nothing unescaped', ({ kind, data }) => {
    const message = renderBlocks(view(kind, data));
    expect(violations(message)).toEqual([]);
    expect(message.blocks.length).toBeGreaterThan(0);
    for (const text of mrkdwnOf(message)) expect(rawAngles(text)).toEqual([]);
  });

  it.each(CARD_KINDS)('%s — huge data: still within the limits, with a visible cut', (kind) => {
    const message = renderBlocks(view(kind, HUGE[kind]));
    expect(violations(message)).toEqual([]);
    for (const text of mrkdwnOf(message)) expect(rawAngles(text, kind === 'approval')).toEqual([]);
  });

  it.each(CARD_KINDS)('%s — snapshot', (kind) => {
    const fixture = CARD_FIXTURES[kind][0]!;
    expect(renderBlocks(view(kind, fixture.data as CardData[CardKind]))).toMatchSnapshot();
  });
});

describe('renderBlocks: cuts are visible', () => {
  const all = (message: BlockMessage) => mrkdwnOf(message).join('\n');

  it('search results: shows the first hits and says how many', () => {
    const message = renderBlocks(view('search-results', HUGE['search-results']));
    const hits = buttonsOf(message.blocks).filter((b) => b.action_id === VERBS.showPage);
    expect(hits.length).toBeGreaterThan(10);
    expect(all(message)).toContain(`Showing the first ${hits.length} of 500 results`);
    expect(buttonsOf(message.blocks).some((b) => b.action_id === VERBS.moreResults)).toBe(false);
    expect(all(message)).toContain('More results exist');
  });

  it('page: a 1 MB page is cut with a link to Confluence for the rest', () => {
    const message = renderBlocks(view('page', HUGE.page));
    expect(message.blocks.length).toBeLessThanOrEqual(10);
    expect(all(message)).toContain('open the page in Confluence>');
    expect(all(message)).toContain('for the rest');
    expect(all(message)).toContain('*Section 0 &lt;!here&gt;*');
  });

  it('approval: a 10,000-line diff is cut and counted', () => {
    const message = renderBlocks(view('approval', hugeApproval));
    expect(all(message)).toMatch(/Showing the first \d+ of 10000 diff lines here\./);
    expect(all(message)).toContain('… 12345 more changed lines.');
  });

  it('audit list: 300 entries packed into sections, the rest counted', () => {
    const message = renderBlocks(view('audit-list', HUGE['audit-list']));
    expect(all(message)).toMatch(/Showing the first \d+ of 300 entries here/);
    expect(all(message)).toContain('*#1*');
  });

  it('approvals list: items cut to fit, More kept', () => {
    const message = renderBlocks(view('approvals-list', HUGE['approvals-list']));
    expect(all(message)).toMatch(/Showing the first \d+ of 300 requests here/);
    const more = buttonsOf(message.blocks).find((b) => b.action_id === VERBS.moreApprovals);
    expect(more?.value).toBe('{"offset":300}');
  });

  it('header titles are clipped with …', () => {
    const message = renderBlocks(view('page', HUGE.page));
    const header = message.blocks.find((b) => b.type === 'header');
    expect(header?.type === 'header' && header.text.text.endsWith('…')).toBe(true);
  });
});

describe('renderBlocks: escaping', () => {
  const evil = [
    '<!here>',
    '<!channel>',
    '<@U123>',
    'a & b <script>',
    '*bold*',
    '<https://evil.example|click>',
  ];

  it.each(evil)('%s in every user-text field is shown, never interpreted', (text) => {
    const escaped = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const messages = [
      renderBlocks(
        view('search-results', {
          query: text,
          spaceFilter: text,
          total: 1,
          hits: [
            {
              pageId: '1',
              title: text,
              spaceKey: 'HR',
              excerpt: [{ text, highlight: true }],
              lastModified: text,
              webUrl: 'https://acme.example/1',
            },
          ],
        }),
      ),
      renderBlocks(
        view('page', { ...HUGE.page, title: text, breadcrumb: text, author: text, markdown: text }),
      ),
      renderBlocks(view('denial', { what: text, reasons: [text], remedy: text })),
      renderBlocks(view('error', { message: text, hint: text, correlationId: text })),
      renderBlocks(
        view('notice', {
          title: text,
          text,
          tone: 'info',
          changes: [{ label: text, before: text, after: text }],
        }),
      ),
      renderBlocks(
        view('approval', {
          ...hugeApproval,
          preview: {
            kind: 'create',
            title: text,
            spaceKey: 'HR',
            parentTitle: text,
            markdown: text,
            truncated: false,
          },
          requester: text,
          approvers: [{ id: 'aad-1', name: text, mention: true }],
          notInConversation: text,
        }),
      ),
      renderBlocks(
        view('audit-list', {
          total: 1,
          entries: [
            { seq: 1, at: text, actor: text, operation: text, target: text, decision: text, outcome: text },
          ],
        }),
      ),
      renderBlocks(view('disconnect-confirm', { connectorName: text, siteUrl: text })),
      renderBlocks(view('rotate-form', { connectorName: text, siteUrl: text, problem: text })),
    ];
    for (const message of messages) {
      const texts = mrkdwnOf(message);
      for (const t of texts) expect(rawAngles(t)).toEqual([]);
      if (text.includes('<') || text.includes('&')) expect(texts.join('\n')).toContain(escaped);
    }
  });

  it('links to page URLs are http(s) only', () => {
    const message = renderBlocks(
      view('search-results', {
        ...HUGE['search-results'],
        hits: [{ ...HUGE['search-results'].hits[0]!, title: 'T', webUrl: 'javascript:alert(1)' }],
      }),
    );
    expect(mrkdwnOf(message).join('\n')).not.toContain('javascript:');
  });
});

describe('renderBlocks: buttons', () => {
  const pending = CARD_FIXTURES.approval.find((f) => f.name === 'pending approver view')!.data;

  it('approve and reject carry exactly {"requestId":…}', () => {
    const buttons = buttonsOf(renderBlocks(view('approval', pending)).blocks);
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      [VERBS.approve, '{"requestId":"req-0001"}'],
      [VERBS.reject, '{"requestId":"req-0001"}'],
    ]);
    expect(parseButtonValue(buttons[0]!.value!)).toEqual({ requestId: 'req-0001' });
  });

  it('the edge decides whether approval buttons show; never once decided', () => {
    const shared = { ...pending, showButtons: false };
    expect(buttonsOf(renderBlocks(view('approval', shared)).blocks)).toHaveLength(0);
    expect(
      buttonsOf(renderBlocks(view('approval', shared), { showApprovalButtons: true }).blocks),
    ).toHaveLength(2);
    expect(
      buttonsOf(renderBlocks(view('approval', pending), { showApprovalButtons: false }).blocks),
    ).toHaveLength(0);
    for (const status of ['approved', 'rejected', 'expired', 'failed'] as const) {
      const decided = renderBlocks(view('approval', { ...pending, status }), { showApprovalButtons: true });
      expect(buttonsOf(decided.blocks)).toHaveLength(0);
    }
    const stale = buttonsOf(renderBlocks(view('approval', { ...pending, status: 'stale' })).blocks);
    expect(stale.map((b) => [b.action_id, b.value])).toEqual([
      [VERBS.freshPreview, '{"requestId":"req-0001"}'],
    ]);
  });

  it('every button value has exactly the data keys the Teams card sends for its verb', () => {
    const keys = templateDataKeys();
    const seen = new Set<string>();
    for (const kind of CARD_KINDS) {
      for (const fixture of [...CARD_FIXTURES[kind], { name: 'huge', data: HUGE[kind] }]) {
        const message = renderBlocks(view(kind, fixture.data as CardData[CardKind]), {
          showApprovalButtons: true,
        });
        for (const button of buttonsOf(message.blocks)) {
          if (button.action_id === SLACK_VERBS.openForm) continue;
          seen.add(button.action_id);
          expect(Object.keys(parseButtonValue(button.value!)!).sort()).toEqual(keys.get(button.action_id));
        }
      }
    }
    expect([...seen].sort()).toEqual(
      [
        VERBS.approve,
        VERBS.reject,
        VERBS.freshPreview,
        VERBS.showPage,
        VERBS.moreResults,
        VERBS.approveFromList,
        VERBS.rejectFromList,
        VERBS.cancel,
        VERBS.moreApprovals,
        VERBS.disconnectConfirm,
        VERBS.pickPage,
        VERBS.runReading,
      ].sort(),
    );
  });

  it('form kinds in a message offer "Open the form" naming the form', () => {
    const connect = buttonsOf(
      renderBlocks(view('connect-form', CARD_FIXTURES['connect-form'][0]!.data)).blocks,
    );
    expect(connect.map((b) => [b.action_id, b.value, b.text.text])).toEqual([
      [SLACK_VERBS.openForm, '{"form":"connect-form"}', 'Open the form'],
    ]);
    const rotate = buttonsOf(renderBlocks(view('rotate-form', CARD_FIXTURES['rotate-form'][0]!.data)).blocks);
    expect(rotate.map((b) => b.value)).toEqual(['{"form":"rotate-form","connector":"default"}']);
  });
});

describe('renderBlocks: approvers', () => {
  const base = CARD_FIXTURES.approval.find((f) => f.name === 'pending shared view')!.data;

  it('mentions approvers whose ids are Slack user ids; others by escaped name', () => {
    const message = renderBlocks(
      view('approval', {
        ...base,
        approvers: [
          { id: 'U0123ABC', name: 'Lee', mention: true },
          { id: 'slack:W0456', name: 'Lou', mention: true },
          { id: 'U0789', name: 'Quiet', mention: false },
          { id: '29:teams-mri', name: '<!here> Rae', mention: true },
        ],
      }),
    );
    const text = mrkdwnOf(message).join('\n');
    expect(text).toContain('Approvers: <@U0123ABC>, <@W0456>, Quiet, &lt;!here&gt; Rae');
    expect(message.text).toContain('<@U0123ABC>');
  });

  it('reads the built approverLine: <at> names become mentions when their id is a Slack user', () => {
    const message = renderBlocks(
      view('approval', {
        ...base,
        approverLine: '<at>Lee</at>, <at>Bo <x></at>, Plain & Co',
        mentions: [
          { id: 'U0123ABC', name: 'Lee' },
          { id: '29:mri', name: 'Bo <x>' },
        ],
      }),
    );
    expect(mrkdwnOf(message).join('\n')).toContain('Approvers: <@U0123ABC>, Bo &lt;x&gt;, Plain &amp; Co');
  });
});
