import type {
  AdminHelpData,
  DenialData,
  DisconnectConfirmData,
  ErrorData,
  HelpData,
  NoticeData,
  WelcomeData,
} from '../views/types.js';
import { VERBS } from '../views/verbs.js';
import {
  actions,
  button,
  compact,
  context,
  cutNote,
  header,
  message,
  packLines,
  section,
} from './blocks-build.js';
import type { BlockMessage } from './blocks-types.js';
import { LIMITS } from './blocks-types.js';
import { markdownToMrkdwn } from './markdown-to-mrkdwn.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { clipMrkdwn, clipPlain } from './mrkdwn-clip.js';
import { inlineMrkdwn } from './mrkdwn-inline.js';
import { alignedTable } from './mrkdwn-table.js';

/*
 * Block Kit for the short messages: a refusal, an error, help, admin help, the welcome, a notice
 * (with its before/after table) and the disconnect confirmation.
 */

/** The `denial` card: what was refused, the reasons (packed into 3 sections at most), the remedy. */
export function renderDenial(data: DenialData): BlockMessage {
  const reasons = packLines(
    data.reasons.map((reason) => `• ${escapeMrkdwn(reason)}`),
    3,
  );
  const blocks = compact([
    section(`🚫 *Not allowed here*\n*${escapeMrkdwn(clipPlain(data.what, 1000))}*`),
    ...reasons.texts.map((text) => section(text)),
    cutNote(reasons.shown, data.reasons.length, 'reasons'),
    data.remedy.trim() !== '' ? context(markdownToMrkdwn(data.remedy)) : undefined,
  ]);
  return message(`Not allowed here: ${escapeMrkdwn(clipPlain(data.what, 200))}`, blocks);
}

/** The `error` card: the safe message, an optional hint and the reference id. */
export function renderError(data: ErrorData): BlockMessage {
  const blocks = compact([
    section(`*${inlineMrkdwn(clipPlain(data.message, 1000), true)}*`),
    data.hint ? section(markdownToMrkdwn(data.hint)) : undefined,
    context(`Reference: ${escapeMrkdwn(data.correlationId)}`),
  ]);
  return message(escapeMrkdwn(clipPlain(data.message, 300)), blocks);
}

/** The `help` card: what a user can ask, with examples in a space they may use. */
export function renderHelp(data: HelpData): BlockMessage {
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

/** The `admin-help` card: the `/confluence` admin commands. */
export function renderAdminHelp(data: AdminHelpData): BlockMessage {
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

/** The `welcome` card shown when the bot is added. */
export function renderWelcome(data: WelcomeData): BlockMessage {
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

const TONE: Readonly<Record<NoticeData['tone'], string>> = { good: '✅', warning: '⚠️', info: 'ℹ️' };

/** The `notice` card: title with its tone, text, and the settings it changed as a table. */
export function renderNotice(data: NoticeData): BlockMessage {
  const changes =
    data.changes.length > 0
      ? alignedTable([
          ['Setting', 'Before', 'After'],
          ...data.changes.map((change) => [change.label, change.before, change.after]),
        ])
      : undefined;
  const blocks = compact([
    section(`${TONE[data.tone]} *${escapeMrkdwn(clipPlain(data.title, 1000))}*`),
    data.text.trim() !== '' ? section(markdownToMrkdwn(data.text)) : undefined,
    changes ? section(clipMrkdwn(changes, LIMITS.sectionText)) : undefined,
  ]);
  return message(escapeMrkdwn(clipPlain(data.title, 300)), blocks);
}

/** The `disconnect-confirm` card: what disconnecting does and a Disconnect button. */
export function renderDisconnectConfirm(data: DisconnectConfirmData): BlockMessage {
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
