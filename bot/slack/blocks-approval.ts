import type { ApprovalData, ApproverView, DiffLineView, MentionView } from '../views/types.js';
import { VERBS } from '../views/verbs.js';
import { actions, button, compact, context, header, message, section } from './blocks-build.js';
import type { Block, BlockMessage } from './blocks-types.js';
import { LIMITS } from './blocks-types.js';
import { markdownToMrkdwn } from './markdown-to-mrkdwn.js';
import { codeText, escapeMrkdwn, linkMrkdwn } from './mrkdwn.js';
import { clipPlain, splitMrkdwn } from './mrkdwn-clip.js';

/** Sections a create preview's text may take. */
const PREVIEW_SECTIONS = 3;
/** Sections an update preview's diff may take. */
const DIFF_SECTIONS = 4;
/** Characters of one diff line shown. */
const DIFF_LINE_MAX = 300;
/** Markdown converted for a preview (the rest could not be shown anyway). */
const PREVIEW_INPUT_MAX = PREVIEW_SECTIONS * LIMITS.sectionText * 4;
/** Characters of a title shown in a section. */
const TITLE_MAX = 300;

/** Options of {@link renderApprovalBlocks}. */
export interface ApprovalRenderOptions {
  /**
   * Whether Approve/Reject buttons are shown (only ever while pending). A Slack message is the same
   * for everyone, so the edge decides: true on the approval message posted for approvers (every
   * click is re-checked on the server and a non-approver gets an ephemeral refusal). Defaults to
   * the view's own `showButtons`.
   */
  readonly showApprovalButtons?: boolean;
}

/** A Slack user id from an approver's chat id (`U…`/`W…`, optionally `slack:`-prefixed), else undefined. */
export function slackUserId(id: string): string | undefined {
  const match = /^(?:slack:)?([UW][A-Z0-9]{2,20})$/.exec(id);
  return match?.[1];
}

/** One approver as mrkdwn: a Slack mention when the id is a Slack user id and `mention`, else the escaped name. */
function approverMrkdwn(name: string, id: string | undefined, mention: boolean): string {
  const user = id !== undefined && mention ? slackUserId(id) : undefined;
  return user ? `<@${user}>` : escapeMrkdwn(name);
}

/**
 * The approvers as mrkdwn: from `approvers` when given (unbuilt data), else from the built
 * `approverLine` (`<at>Name</at>, Other`) with `mentions` giving the ids of the `<at>` names.
 */
function approversMrkdwn(
  approvers: readonly ApproverView[] | undefined,
  line: string | undefined,
  mentions: readonly MentionView[] | undefined,
): string | undefined {
  if (approvers && approvers.length > 0) {
    return approvers.map((a) => approverMrkdwn(a.name, a.id, a.mention)).join(', ');
  }
  if (line === undefined || line === '') return undefined;
  const ids = new Map((mentions ?? []).map((m) => [m.name, m.id]));
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const open = line.indexOf('<at>', from);
    const close = open < 0 ? -1 : line.indexOf('</at>', open + 4);
    if (open < 0 || close < 0) {
      out.push(escapeMrkdwn(line.slice(from)));
      break;
    }
    const name = line.slice(open + 4, close);
    out.push(escapeMrkdwn(line.slice(from, open)), approverMrkdwn(name, ids.get(name), true));
    from = close + 5;
  }
  return out.join('');
}

function statusText(data: ApprovalData, buttons: boolean): string {
  const by = escapeMrkdwn(data.decidedBy ?? 'someone');
  const at = data.decidedAt ? ` at ${escapeMrkdwn(data.decidedAt)}` : '';
  switch (data.status) {
    case 'pending': {
      const lines = [
        '⏳ *Waiting for approval*',
        buttons
          ? 'An approver can approve or reject it with the buttons below.'
          : 'An approver for this channel will approve or reject it.',
      ];
      const approvers = approversMrkdwn(data.approvers, data.approverLine, data.mentions);
      if (approvers) lines.push(`Approvers: ${approvers}`);
      if (data.notInConversation) {
        lines.push(
          `⚠️ Not in this conversation: ${escapeMrkdwn(data.notInConversation)}. They cannot see this message; they can decide it by sending *approvals* to the bot.`,
        );
      }
      return lines.join('\n');
    }
    case 'approved': {
      const link = data.pageUrl ? ` ${linkMrkdwn(data.pageUrl, 'Open page')}` : '';
      return `✅ *Approved by ${by}*${at}\nThe page was written.${link}`;
    }
    case 'rejected':
      return `❌ *Rejected by ${by}*${at}\nNothing was written.`;
    case 'expired':
      return `⌛ *Expired at ${escapeMrkdwn(data.expiresAt)} before anyone decided*\nNothing was written. Ask again if it is still needed.`;
    case 'failed':
      return `⚠️ *Approved, but the write failed*\n${escapeMrkdwn(data.failureReason ?? 'The write did not complete.')}`;
    case 'stale':
      return '🔄 *The page changed since the preview*\nNothing was overwritten. Ask for a fresh preview to review the change against the current page.';
  }
}

/** Diff lines as ``` sections, at most {@link DIFF_SECTIONS}; returns the sections and lines shown. */
function diffSections(diff: readonly DiffLineView[]): { texts: string[]; shown: number } {
  const budget = LIMITS.sectionText - 16;
  const texts: string[] = [];
  let lines: string[] = [];
  let size = 0;
  let shown = 0;
  for (const line of diff) {
    const text = codeText(clipPlain(line.kind === 'gap' ? `  ${line.text}` : line.text, DIFF_LINE_MAX));
    if (size + text.length + 1 > budget) {
      if (texts.length + 1 >= DIFF_SECTIONS) break;
      texts.push(`\`\`\`\n${lines.join('\n')}\n\`\`\``);
      lines = [];
      size = 0;
    }
    lines.push(text);
    size += text.length + 1;
    shown += 1;
  }
  if (lines.length > 0) texts.push(`\`\`\`\n${lines.join('\n')}\n\`\`\``);
  return { texts, shown };
}

function previewBlocks(data: ApprovalData): Block[] {
  const preview = data.preview;
  if (preview.kind === 'create') {
    const parent = preview.parentTitle
      ? ` under ${escapeMrkdwn(clipPlain(preview.parentTitle, TITLE_MAX))}`
      : '';
    const blocks: Block[] = [
      header('Create a page'),
      section(
        `*${escapeMrkdwn(clipPlain(preview.title, TITLE_MAX))}* in ${escapeMrkdwn(preview.spaceKey)}${parent}`,
      ),
    ];
    const cut = preview.markdown.length > PREVIEW_INPUT_MAX;
    const source = cut ? preview.markdown.slice(0, PREVIEW_INPUT_MAX) : preview.markdown;
    const split = splitMrkdwn(markdownToMrkdwn(source).trim(), LIMITS.sectionText, PREVIEW_SECTIONS);
    if (split.chunks.length === 0) blocks.push(section('_(empty page)_'));
    for (const chunk of split.chunks) blocks.push(section(chunk));
    if (preview.truncated || split.truncated || cut) {
      blocks.push(context('… preview truncated; the whole text will be written.'));
    }
    return blocks;
  }
  const blocks: Block[] = [
    header('Update a page'),
    section(
      `*${linkMrkdwn(preview.webUrl, clipPlain(preview.title, TITLE_MAX))}* · ${escapeMrkdwn(clipPlain(preview.summary, 500))} · based on version ${preview.baseVersion} · +${preview.added} / −${preview.removed} lines`,
    ),
  ];
  if (preview.diff.length === 0) {
    blocks.push(section('_No visible change in the text._'));
    return blocks;
  }
  const diff = diffSections(preview.diff);
  for (const text of diff.texts) blocks.push(section(text));
  const notes: string[] = [];
  if (diff.shown < preview.diff.length) {
    notes.push(`Showing the first ${diff.shown} of ${preview.diff.length} diff lines here.`);
  }
  if (preview.omittedLines > 0) {
    notes.push(`… ${preview.omittedLines} more changed ${preview.omittedLines === 1 ? 'line' : 'lines'}.`);
  }
  if (notes.length > 0)
    notes.push(`${linkMrkdwn(preview.webUrl, 'Open the page in Confluence')} for the rest.`);
  if (notes.length > 0) blocks.push(context(notes.join(' ')));
  return blocks;
}

function fallbackText(data: ApprovalData): string {
  const what = `${data.preview.kind === 'create' ? 'Create' : 'Update'} "${escapeMrkdwn(clipPlain(data.preview.title, 100))}"`;
  switch (data.status) {
    case 'pending': {
      const approvers = approversMrkdwn(data.approvers, data.approverLine, data.mentions);
      return `Approval needed: ${what}, requested by ${escapeMrkdwn(data.requester)}${approvers ? ` · approvers: ${approvers}` : ''}`;
    }
    case 'approved':
      return `Approved by ${escapeMrkdwn(data.decidedBy ?? 'someone')}: ${what}`;
    case 'rejected':
      return `Rejected by ${escapeMrkdwn(data.decidedBy ?? 'someone')}: ${what}`;
    case 'expired':
      return `Expired before anyone decided: ${what}`;
    case 'failed':
      return `Approved, but the write failed: ${what}`;
    case 'stale':
      return `The page changed since the preview: ${what}`;
  }
}

/**
 * An approval request as Block Kit: status banner (approvers mentioned while pending when their ids
 * are Slack user ids), the preview (create: the page text; update: the diff in ``` blocks), who
 * asked and when, and the buttons: Approve/Reject while pending and shown, "Show fresh preview"
 * when stale. Button values are `{"requestId":"…"}` only. Teams-only fields (`approverIds`,
 * `overflowNote`) are not shown: a Slack message has no per-user views or 60-person cap.
 */
export function renderApprovalBlocks(data: ApprovalData, options: ApprovalRenderOptions = {}): BlockMessage {
  const pending = data.status === 'pending';
  const buttons = pending && (options.showApprovalButtons ?? data.showButtons);
  const id = { requestId: data.requestId };
  const expires = pending ? ` · expires ${escapeMrkdwn(data.expiresAt)}` : '';
  const link =
    data.status !== 'approved' && data.preview.kind === 'update'
      ? ` · ${linkMrkdwn(data.preview.webUrl, 'Open current page')}`
      : '';
  const blocks = compact([
    section(statusText(data, buttons)),
    ...previewBlocks(data),
    context(
      `Requested by ${escapeMrkdwn(data.requester)} at ${escapeMrkdwn(data.requestedAt)}${expires}${link}`,
    ),
    buttons
      ? actions([
          button('Approve', VERBS.approve, id, 'primary'),
          button('Reject', VERBS.reject, id, 'danger'),
        ])
      : undefined,
    data.status === 'stale' ? actions([button('Show fresh preview', VERBS.freshPreview, id)]) : undefined,
  ]);
  return message(fallbackText(data), blocks);
}
