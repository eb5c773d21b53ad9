import type { ApproverReach } from '../assistant/people.js';
import { view } from '../assistant/present.js';
import type { OutboundMessage } from '../domain/chat.js';
import type { UpdatePlan } from '../operations/update-page.js';
import type { WritePlan } from '../operations/write-path.js';
import { buildUpdatePreviewBody } from '../views/build-diff.js';
import { buildApprovalData, buildCreatePreviewBody } from '../views/build-view-data.js';
import { formatTimestamp } from '../views/format.js';
import type {
  ApprovalStatus as CardStatus,
  DiffLineView,
  PreviewBody,
  UpdatePreviewBody,
} from '../views/types.js';
import type { ApprovalRequest, ApprovalStatus } from './approval-schema.js';

function gapOf(count: number): DiffLineView {
  return { kind: 'gap', text: `… ${count} unchanged ${count === 1 ? 'line' : 'lines'}` };
}

/** Notes on a diff built from a trimmed plan preview (see `excerptForPreview`). */
function withTrim(body: UpdatePreviewBody, trim: UpdatePlan['previewTrim']): UpdatePreviewBody {
  if (!trim) return body;
  const diff: DiffLineView[] = [...body.diff];
  if (trim.leadingLines > 0 && diff.length > 0) diff.unshift(gapOf(trim.leadingLines));
  if (trim.trailingLines > 0 && diff.length > 0 && body.omittedLines === 0)
    diff.push(gapOf(trim.trailingLines));
  if (trim.shortened)
    diff.push({ kind: 'gap', text: '… preview shortened: approving writes the whole change' });
  return { ...body, diff };
}

/** The preview shown for a plan: the rendered page for a create, the diff for an update. */
export function previewOf(plan: WritePlan): PreviewBody {
  if (plan.kind === 'create') {
    const body = buildCreatePreviewBody({
      title: plan.title,
      spaceKey: plan.spaceKey,
      ...(plan.parentTitle ? { parentTitle: plan.parentTitle } : {}),
      markdown: plan.markdown,
    });
    return plan.markdownShortened ? { ...body, truncated: true } : body;
  }
  const body = buildUpdatePreviewBody({
    title: plan.title,
    webUrl: plan.webUrl,
    baseVersion: plan.baseVersion,
    summary: plan.summary,
    before: plan.beforeMarkdown,
    after: plan.afterMarkdown,
  });
  return withTrim(body, plan.previewTrim);
}

const CARD_STATUS: Readonly<Record<ApprovalStatus, CardStatus>> = {
  pending: 'pending',
  approved: 'pending',
  executed: 'approved',
  rejected: 'rejected',
  expired: 'expired',
  cancelled: 'failed',
  stale: 'stale',
  failed: 'failed',
};

/** What the card says about how a request ended (nothing while it is pending). */
function failureReasonOf(request: ApprovalRequest): string | undefined {
  if (request.status === 'cancelled') return 'The requester withdrew it.';
  if (request.status === 'approved') return 'Running…';
  return request.error;
}

/**
 * The approval card for a request in its current state. `showButtons` gives the approvers' view
 * (only meaningful while pending); `approverIds` drive Teams' per-user refresh; `reach` names the
 * approvers on the card (mentioning those with a known chat id) and who cannot see it.
 */
export function approvalMessage(
  request: ApprovalRequest,
  options: { showButtons: boolean; approverIds: readonly string[]; reach?: ApproverReach },
): OutboundMessage {
  const { plan } = request.change;
  const status = CARD_STATUS[request.status];
  const failureReason = failureReasonOf(request);
  const data = buildApprovalData({
    requestId: request.id,
    status,
    preview: previewOf(plan),
    requester: request.requester.name,
    requestedAt: formatTimestamp(request.createdAt),
    expiresAt: formatTimestamp(request.expiresAt),
    ...(request.decidedBy ? { decidedBy: request.decidedBy.name } : {}),
    ...(request.decidedAt ? { decidedAt: formatTimestamp(request.decidedAt) } : {}),
    ...(request.result?.webUrl ? { pageUrl: request.result.webUrl } : {}),
    ...(failureReason && status !== 'pending' ? { failureReason } : {}),
    showButtons: options.showButtons,
    approverIds: options.approverIds,
    ...(options.reach
      ? {
          approvers: options.reach.reachable.map((a) => ({ id: a.id, name: a.name, mention: a.mentionable })),
          absentApprovers: options.reach.absent,
          approverOverflow: options.reach.overflow,
        }
      : {}),
  });
  const summary =
    plan.kind === 'create'
      ? `Approval: create "${plan.title}" in ${plan.spaceKey}`
      : `Approval: update "${plan.title}"`;
  return view('approval', data, summary);
}
