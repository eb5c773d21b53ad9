import type {
  AdminHelpData,
  ApprovalListItem,
  ApprovalsListData,
  AuditListData,
  CardData,
  CardKind,
  DenialData,
  DisconnectConfirmData,
  ErrorData,
  ExcerptRunView,
  HelpData,
  NoticeData,
  PageData,
  PolicyData,
  PolicyRowView,
  SearchHitView,
  SearchResultsData,
  StatusData,
  WelcomeData,
} from '../views/types.js';
import { VERBS } from '../views/verbs.js';
import { type ApprovalRenderOptions, renderApprovalBlocks } from './blocks-approval.js';
import {
  actions,
  button,
  compact,
  context,
  fieldsSection,
  fitItems,
  header,
  message,
  packLines,
  section,
  showingNote,
} from './blocks-build.js';
import { renderFormMessage } from './blocks-modal.js';
import type { Block, BlockMessage } from './blocks-types.js';
import { LIMITS } from './blocks-types.js';
import { markdownToMrkdwn } from './markdown-to-mrkdwn.js';
import { escapeMrkdwn, linkMrkdwn } from './mrkdwn.js';
import { clipMrkdwn, clipPlain, splitMrkdwn } from './mrkdwn-clip.js';
import { inlineMrkdwn } from './mrkdwn-inline.js';
import { alignedTable } from './mrkdwn-table.js';

/**
 * Block Kit rendering of the core's view data: the Slack twin of `cards/*.json`. One renderer per
 * card kind in a record TypeScript checks is complete. Every message stays within Slack's limits
 * whatever the data size (≤ 50 blocks, section text ≤ 3,000, header ≤ 150, ≤ 10 fields, button
 * value ≤ 2,000): long lists and texts are cut with a visible `…` and a note saying what was left
 * out. User and page text is escaped (`&<>`), so nothing in it can mention or ping anyone. Work is
 * linear in the input and bounded by what one message can show.
 */

/** The view the core hands an edge (structurally the core's `View`). */
export type CardView = { [K in CardKind]: { readonly kind: K; readonly data: CardData[K] } }[CardKind];

/** Options of {@link renderBlocks}. */
export interface RenderBlocksOptions extends ApprovalRenderOptions {}

/** Sections a page's text may take. */
const PAGE_SECTIONS = 4;
/** Markdown converted for a page (the rest could not be shown anyway). */
const PAGE_INPUT_MAX = PAGE_SECTIONS * LIMITS.sectionText * 4;
/** Characters of a title inside a section. */
const TITLE_MAX = 300;
/** Characters of a search excerpt shown. */
const EXCERPT_MAX = 600;
/** Characters of one audit line shown. */
const AUDIT_LINE_MAX = 600;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const title = (text: string): string => escapeMrkdwn(clipPlain(text, TITLE_MAX));

/** A Teams TextBlock's Markdown as mrkdwn (one short text: a message, a hint, a notice). */
const textBlock = (markdown: string): string => markdownToMrkdwn(markdown);

/** Excerpt runs as mrkdwn, highlights bold (spaces kept outside the `*` so Slack bolds them). */
function excerptMrkdwn(runs: readonly ExcerptRunView[]): string {
  const out: string[] = [];
  let size = 0;
  for (const run of runs) {
    if (size >= EXCERPT_MAX) break;
    const text = clipPlain(run.text, EXCERPT_MAX - size + 1);
    size += text.length;
    const core = text.trim();
    if (!run.highlight || core === '') {
      out.push(escapeMrkdwn(text));
      continue;
    }
    const lead = text.slice(0, text.length - text.trimStart().length);
    const tail = text.slice(text.trimEnd().length);
    out.push(`${lead}*${escapeMrkdwn(core)}*${tail}`);
  }
  return out.join('');
}

function hitBlocks(hit: SearchHitView): Block[] {
  const lines = [
    `*${linkMrkdwn(hit.webUrl, clipPlain(hit.title, TITLE_MAX))}*`,
    `${escapeMrkdwn(hit.spaceKey)} · updated ${escapeMrkdwn(hit.lastModified)}`,
  ];
  const excerpt = excerptMrkdwn(hit.excerpt);
  if (excerpt.trim() !== '') lines.push(excerpt);
  return [section(lines.join('\n'), button('Show here', VERBS.showPage, { pageId: hit.pageId }))];
}

function renderSearchResults(data: SearchResultsData): BlockMessage {
  const found = `${escapeMrkdwn(data.spaceFilter)} · ${plural(data.total, 'page', 'pages')} found`;
  const head = [header(`Search: ${data.query}`), context(found)];
  const more = data.nextToken
    ? button('More results', VERBS.moreResults, { token: data.nextToken })
    : undefined;
  const tail: Block[] = [];
  if (data.hits.length === 0) {
    tail.push(section('No pages matched. Try fewer or different words, or search in another space.'));
  }
  const room = LIMITS.messageBlocks - head.length - 2;
  const hits = fitItems(data.hits, room, hitBlocks);
  const notes: string[] = [];
  if (hits.shown < data.hits.length) {
    notes.push(showingNote(hits.shown, data.hits.length, 'results', 'Narrow the search to see the others.'));
  }
  if (data.nextToken && !more) notes.push('More results exist: narrow the search to see them.');
  if (notes.length > 0) tail.push(context(notes.join(' ')));
  const moreBlock = more ? actions([more]) : undefined;
  if (moreBlock) tail.push(moreBlock);
  return message(`Search: ${escapeMrkdwn(clipPlain(data.query, 200))} — ${found}`, [
    ...head,
    ...hits.blocks,
    ...tail,
  ]);
}

function renderPage(data: PageData): BlockMessage {
  const open = linkMrkdwn(data.webUrl, 'Open in Confluence');
  const cut = data.markdown.length > PAGE_INPUT_MAX;
  let source = cut ? data.markdown.slice(0, PAGE_INPUT_MAX) : data.markdown;
  if (cut) source = source.slice(0, Math.max(source.lastIndexOf('\n'), 0)) || source;
  const split = splitMrkdwn(markdownToMrkdwn(source).trim(), LIMITS.sectionText, PAGE_SECTIONS);
  const body =
    split.chunks.length > 0
      ? split.chunks.map((chunk) => section(chunk))
      : [section('_This page has no text content._')];
  const truncated = data.truncated || cut || split.truncated;
  const blocks = compact([
    data.breadcrumb !== '' ? context(escapeMrkdwn(data.breadcrumb)) : undefined,
    header(data.title),
    context(
      `${escapeMrkdwn(data.spaceKey)} · version ${data.version} by ${escapeMrkdwn(data.author)} · ${escapeMrkdwn(data.updatedAt)} · ${open}`,
    ),
    ...body,
    truncated
      ? context(`… truncated — ${linkMrkdwn(data.webUrl, 'open the page in Confluence')} for the rest.`)
      : undefined,
  ]);
  return message(`${escapeMrkdwn(clipPlain(data.title, 200))} (${escapeMrkdwn(data.spaceKey)})`, blocks);
}

function renderDenial(data: DenialData): BlockMessage {
  const reasons = packLines(
    data.reasons.map((reason) => `• ${escapeMrkdwn(reason)}`),
    3,
  );
  const blocks = compact([
    section(`🚫 *Not allowed here*\n*${escapeMrkdwn(clipPlain(data.what, 1000))}*`),
    ...reasons.texts.map((text) => section(text)),
    reasons.shown < data.reasons.length
      ? context(showingNote(reasons.shown, data.reasons.length, 'reasons', ''))
      : undefined,
    data.remedy.trim() !== '' ? context(textBlock(data.remedy)) : undefined,
  ]);
  return message(`Not allowed here: ${escapeMrkdwn(clipPlain(data.what, 200))}`, blocks);
}

function renderError(data: ErrorData): BlockMessage {
  const blocks = compact([
    section(`*${inlineMrkdwn(clipPlain(data.message, 1000), true)}*`),
    data.hint ? section(textBlock(data.hint)) : undefined,
    context(`Reference: ${escapeMrkdwn(data.correlationId)}`),
  ]);
  return message(escapeMrkdwn(clipPlain(data.message, 300)), blocks);
}

function renderHelp(data: HelpData): BlockMessage {
  const space = escapeMrkdwn(data.exampleSpace);
  const facts = [
    `*search* — search vpn setup in ${space}`,
    `*get* — get 123456 · get "Onboarding" in ${space} · get ‹page link›`,
    `*create* — create "Meeting notes 3 March" in ${space} under "Meetings" — the page body goes on the next lines (Markdown)`,
    `*update* — update "Runbook" in ${space}, then on the next line: append: …, replace "old" with "new", section "Heading": …, body: … or title: …`,
    '*approvals* — requests you can decide or made',
    '*ask* — how many weeks of parental leave do we get?',
    `*spaces* — ${escapeMrkdwn(data.spaces)}`,
  ];
  const blocks = compact([
    header('Confluence Assistant'),
    section(
      `Search, read and write Confluence pages from chat.${data.inChannel ? ' In a channel, @mention me first.' : ''} The leading / is optional.`,
    ),
    section(facts.join('\n')),
    context(
      "Writes may need an approver's OK first: you will see a preview, and the page is written only after approval.",
    ),
    data.isAdmin ? context('You are a bot admin: /confluence help lists the admin commands.') : undefined,
  ]);
  return message('Confluence Assistant: what you can ask', blocks);
}

function renderAdminHelp(data: AdminHelpData): BlockMessage {
  const facts = [
    ['status', "connectors, token expiry, this channel's policy and approvers"],
    ['test', 'check the connector credentials against Confluence'],
    ['connect', 'add a connector (opens a form; the API token is never typed into chat)'],
    ['rotate', "replace a connector's API token (opens a form)"],
    ['disconnect', 'remove a connector'],
    ['policy', "show this channel's policy; policy create confirm; policy explain update HR"],
    ['spaces', 'spaces · spaces add HR · spaces remove HR'],
    ['approvers', 'approvers · approvers add @Ana · approvers remove @Ana'],
    ['admins', 'admins · admins add @Bo · admins remove @Bo'],
    ['approvals here', 'send approval requests for direct-message requests to this channel'],
    ['audit', 'audit 20 · audit export'],
  ].map(([name, text]) => `*${name}* — ${text}`);
  const blocks = compact([
    header('Admin commands'),
    data.connectorCount === 0
      ? section('⚠️ No Confluence connector yet: start with /confluence connect.')
      : undefined,
    section(facts.join('\n')),
    context(
      'Prefix each with /confluence, e.g. /confluence policy update confirm. Permissions: allowed, confirm (needs an approver), denied.',
    ),
  ]);
  return message('Confluence Assistant admin commands', blocks);
}

function renderWelcome(data: WelcomeData): BlockMessage {
  return message("Hi, I'm Confluence Assistant", [
    header("👋 Hi, I'm Confluence Assistant"),
    section(
      "I search and show Confluence pages here, and can create or update pages — with an approver's OK when this channel asks for one.",
    ),
    section(
      data.inChannel
        ? 'Mention me to start, e.g. @Confluence Assistant search holiday policy.'
        : 'Try: search holiday policy, or type help.',
    ),
  ]);
}

function approvalItemBlocks(item: ApprovalListItem): Block[] {
  const id = { requestId: item.requestId };
  const pending = item.status === 'pending';
  return compact([
    section(
      `*${title(item.title)}* · ${escapeMrkdwn(item.operation)} in ${escapeMrkdwn(item.spaceKey)}\n${escapeMrkdwn(item.status)} · by ${escapeMrkdwn(item.requester)} · ${escapeMrkdwn(item.age)}`,
    ),
    actions([
      ...(item.canDecide && pending
        ? [
            button('Approve', VERBS.approveFromList, id, 'primary'),
            button('Reject', VERBS.rejectFromList, id, 'danger'),
          ]
        : []),
      ...(item.canCancel && pending ? [button('Cancel request', VERBS.cancel, id)] : []),
    ]),
  ]);
}

function renderApprovalsList(data: ApprovalsListData): BlockMessage {
  const head = compact([
    header('Approval requests'),
    data.notice ? section(textBlock(data.notice)) : undefined,
    data.items.length === 0
      ? section('_Nothing waiting: no pending request you can decide or made._')
      : undefined,
    data.total !== undefined && data.items.length > 0
      ? context(
          `Showing ${data.first ?? 1}–${(data.first ?? 1) + data.items.length - 1} of ${data.total}, oldest first.`,
        )
      : undefined,
  ]);
  const room = LIMITS.messageBlocks - head.length - 2;
  const items = fitItems(data.items, room, approvalItemBlocks);
  const more =
    data.nextOffset !== undefined
      ? actions([button('More', VERBS.moreApprovals, { offset: data.nextOffset })])
      : undefined;
  const blocks = compact([
    ...head,
    ...items.blocks,
    items.shown < data.items.length
      ? context(
          showingNote(items.shown, data.items.length, 'requests', 'Send approvals again to see the rest.'),
        )
      : undefined,
    more,
  ]);
  const total = data.total ?? data.items.length;
  return message(`Approval requests: ${plural(total, 'request', 'requests')}`, blocks);
}

const TONE: Readonly<Record<NoticeData['tone'], string>> = { good: '✅', warning: '⚠️', info: 'ℹ️' };

function renderNotice(data: NoticeData): BlockMessage {
  const changes =
    data.changes.length > 0
      ? alignedTable([
          ['Setting', 'Before', 'After'],
          ...data.changes.map((change) => [change.label, change.before, change.after]),
        ])
      : undefined;
  const blocks = compact([
    section(`${TONE[data.tone]} *${escapeMrkdwn(clipPlain(data.title, 1000))}*`),
    data.text.trim() !== '' ? section(textBlock(data.text)) : undefined,
    changes ? section(clipMrkdwn(changes, LIMITS.sectionText)) : undefined,
  ]);
  return message(escapeMrkdwn(clipPlain(data.title, 300)), blocks);
}

function renderDisconnectConfirm(data: DisconnectConfirmData): BlockMessage {
  const disconnect = button(
    'Disconnect',
    VERBS.disconnectConfirm,
    { connector: data.connectorName },
    'danger',
  );
  return message(
    `Disconnect Confluence connector ${escapeMrkdwn(data.connectorName)}?`,
    compact([
      header('Disconnect Confluence?'),
      section(`Connector *${escapeMrkdwn(data.connectorName)}* · ${escapeMrkdwn(data.siteUrl)}`),
      section(
        'Its stored API token is deleted and pending requests that use it can no longer run. The audit log is kept.',
      ),
      actions([disconnect]),
    ]),
  );
}

const PERMISSION_MARK: Readonly<Record<string, string>> = { allowed: '🟢', confirm: '🟡', denied: '🔴' };

/** Policy rows as an aligned table (allowed / confirm / denied marked for a colour-free table). */
function policyTable(rows: readonly PolicyRowView[]): string {
  return clipMrkdwn(
    alignedTable([
      ['Operation', 'Permission', 'Set by'],
      ...rows.map((row) => [
        row.operation,
        `${PERMISSION_MARK[row.permission] ?? '·'} ${row.permission}`,
        row.source,
      ]),
    ]),
    LIMITS.sectionText,
  );
}

function renderStatus(data: StatusData): BlockMessage {
  const tail = compact([
    header('This conversation'),
    context(escapeMrkdwn(data.channelName)),
    data.policy.length > 0 ? section(policyTable(data.policy)) : undefined,
    section(
      [
        `*Approvers:* ${data.approvers.length === 0 ? 'none named — writes under confirm cannot be approved here' : escapeMrkdwn(data.approvers.join(', '))}`,
        `*Approvals for direct-message requests go to:* ${data.approvalsConversation ? escapeMrkdwn(data.approvalsConversation) : 'not set (run /confluence approvals here)'}`,
        ...(data.audit ? [`*Audit log:* ${escapeMrkdwn(data.audit)}`] : []),
      ].join('\n'),
    ),
  ]);
  const head = compact([
    header('Confluence status'),
    data.connectors.length === 0 ? section('⚠️ No connector is set up. Run /confluence connect.') : undefined,
  ]);
  const room = LIMITS.messageBlocks - head.length - tail.length - 1;
  const connectors = fitItems(data.connectors, room, (connector) => [
    fieldsSection(
      [
        `*Site*\n${escapeMrkdwn(connector.siteUrl)}`,
        `*Account*\n${escapeMrkdwn(connector.account)}`,
        `*Token age*\n${escapeMrkdwn(connector.tokenAge)}`,
        `*Token expiry*\n${escapeMrkdwn(connector.tokenExpiry)}`,
        `*Spaces*\n${escapeMrkdwn(connector.spaces)}`,
      ],
      `*${title(connector.name)}*${connector.expiryWarning ? '\n⚠️ The API token expires within 14 days. Run /confluence rotate.' : ''}`,
    ),
  ]);
  const blocks = compact([
    ...head,
    ...connectors.blocks,
    connectors.shown < data.connectors.length
      ? context(showingNote(connectors.shown, data.connectors.length, 'connectors', ''))
      : undefined,
    ...tail,
  ]);
  return message(`Confluence status: ${plural(data.connectors.length, 'connector', 'connectors')}`, blocks);
}

function renderPolicy(data: PolicyData): BlockMessage {
  const explain = packLines(
    data.explain.map((line) => escapeMrkdwn(line)),
    5,
  );
  const blocks = compact([
    header('Policy'),
    context(escapeMrkdwn(data.channelName)),
    section(data.rows.length > 0 ? policyTable(data.rows) : '_No operations listed._'),
    ...explain.texts.map((text) => section(text)),
    explain.shown < data.explain.length
      ? context(showingNote(explain.shown, data.explain.length, 'explanation lines', ''))
      : undefined,
    context(
      'Change with /confluence policy &lt;search|get|create|update&gt; &lt;allowed|confirm|denied&gt;.',
    ),
  ]);
  return message(`Policy of ${escapeMrkdwn(clipPlain(data.channelName, 200))}`, blocks);
}

const OUTCOME_MARK: Readonly<Record<string, string>> = { ok: '✅', pending: '⏳' };

function renderAuditList(data: AuditListData): BlockMessage {
  const lines = data.entries.map((entry) =>
    clipMrkdwn(
      `*#${entry.seq}* ${escapeMrkdwn(entry.at)} · ${escapeMrkdwn(entry.actor)} · ${escapeMrkdwn(entry.operation)}\n${escapeMrkdwn(entry.target)} · ${escapeMrkdwn(entry.decision)} → ${OUTCOME_MARK[entry.outcome] ?? '⚠️'} ${escapeMrkdwn(entry.outcome)}`,
      AUDIT_LINE_MAX,
    ),
  );
  const head = compact([
    header(`Audit log — last ${data.entries.length} of ${data.total}`),
    data.entries.length === 0 ? section('_The audit log is empty._') : undefined,
  ]);
  const packed = packLines(lines, LIMITS.messageBlocks - head.length - 2);
  const blocks = compact([
    ...head,
    ...packed.texts.map((text) => section(text)),
    packed.shown < data.entries.length
      ? context(
          showingNote(
            packed.shown,
            data.entries.length,
            'entries',
            'Ask for fewer, or use /confluence audit export.',
          ),
        )
      : undefined,
    context(
      'Export the whole log with /confluence audit export; verify the hash chain with npm run audit:verify.',
    ),
  ]);
  return message(`Audit log: last ${data.entries.length} of ${data.total} entries`, blocks);
}

type Renderers = {
  readonly [K in CardKind]: (data: CardData[K], options: RenderBlocksOptions) => BlockMessage;
};

/** One renderer per card kind; the mapped type makes a missing kind a compile error. */
const RENDERERS: Renderers = {
  'search-results': renderSearchResults,
  page: renderPage,
  approval: renderApprovalBlocks,
  denial: renderDenial,
  error: renderError,
  help: renderHelp,
  'admin-help': renderAdminHelp,
  welcome: renderWelcome,
  'approvals-list': renderApprovalsList,
  notice: renderNotice,
  'connect-form': (data) => renderFormMessage({ kind: 'connect-form', data }),
  'rotate-form': (data) => renderFormMessage({ kind: 'rotate-form', data }),
  'disconnect-confirm': renderDisconnectConfirm,
  status: renderStatus,
  policy: renderPolicy,
  'audit-list': renderAuditList,
};

/**
 * Renders a view as a Slack message: `blocks` within Block Kit's limits and `text`, the
 * notification fallback (always set, escaped, ≤ 500 characters). Buttons carry a card verb as
 * `action_id` and the verb's card data as a JSON `value` (see `blocks-actions.ts`). Form kinds
 * (`connect-form`, `rotate-form`) render an "Open the form" button: open `renderModal` on its click.
 * Never throws for any data the types allow.
 */
export function renderBlocks(view: CardView, options: RenderBlocksOptions = {}): BlockMessage {
  // The record is complete per kind; TypeScript cannot correlate `view.kind` with `view.data` here.
  const render = RENDERERS[view.kind] as (
    data: CardData[CardKind],
    options: RenderBlocksOptions,
  ) => BlockMessage;
  return render(view.data, options);
}
