import type { AuditListData, PolicyData, PolicyRowView, StatusData } from '../views/types.js';
import {
  compact,
  context,
  cutNote,
  fieldsSection,
  fitItems,
  header,
  message,
  packLines,
  plural,
  section,
  titleText,
} from './blocks-build.js';
import type { BlockMessage } from './blocks-types.js';
import { LIMITS } from './blocks-types.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { clipMrkdwn, clipPlain } from './mrkdwn-clip.js';
import { alignedTable } from './mrkdwn-table.js';

/* Block Kit for the admin views: connector status, the channel policy and the audit log. */

/** Characters of one audit line shown. */
const AUDIT_LINE_MAX = 600;

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

/** The `status` card: connectors (fitted to one message), then this conversation's policy and approvers. */
export function renderStatus(data: StatusData): BlockMessage {
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
      `*${titleText(connector.name)}*${connector.expiryWarning ? '\n⚠️ The API token expires within 14 days. Run /confluence rotate.' : ''}`,
    ),
  ]);
  const blocks = compact([
    ...head,
    ...connectors.blocks,
    cutNote(connectors.shown, data.connectors.length, 'connectors'),
    ...tail,
  ]);
  return message(`Confluence status: ${plural(data.connectors.length, 'connector', 'connectors')}`, blocks);
}

/** The `policy` card: the policy table and its explanation lines. */
export function renderPolicy(data: PolicyData): BlockMessage {
  const explain = packLines(
    data.explain.map((line) => escapeMrkdwn(line)),
    5,
  );
  const blocks = compact([
    header('Policy'),
    context(escapeMrkdwn(data.channelName)),
    section(data.rows.length > 0 ? policyTable(data.rows) : '_No operations listed._'),
    ...explain.texts.map((text) => section(text)),
    cutNote(explain.shown, data.explain.length, 'explanation lines'),
    context(
      'Change with /confluence policy &lt;search|get|create|update&gt; &lt;allowed|confirm|denied&gt;.',
    ),
  ]);
  return message(`Policy of ${escapeMrkdwn(clipPlain(data.channelName, 200))}`, blocks);
}

const OUTCOME_MARK: Readonly<Record<string, string>> = { ok: '✅', pending: '⏳' };

/** The `audit-list` card: the latest entries packed into sections, with how to export and verify. */
export function renderAuditList(data: AuditListData): BlockMessage {
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
    cutNote(packed.shown, data.entries.length, 'entries', 'Ask for fewer, or use /confluence audit export.'),
    context(
      'Export the whole log with /confluence audit export; verify the hash chain with npm run audit:verify.',
    ),
  ]);
  return message(`Audit log: last ${data.entries.length} of ${data.total} entries`, blocks);
}
