import type { ApproverReach } from '../assistant/people.js';
import { view } from '../assistant/present.js';
import type { OutboundMessage } from '../domain/chat.js';
import { type WritePlan, writeOperationOf } from '../operations/write-path.js';
import { buildApprovalData } from '../views/build-view-data.js';
import { formatTimestamp } from '../views/format.js';
import type { ApprovalStatus as CardStatus, PreviewBody } from '../views/types.js';
import type { ApprovalRequest, ApprovalStatus } from './approval-schema.js';

/** The preview shown for a plan (the write operation's dry run): the rendered page, or the diff. */
export function previewOf(plan: WritePlan): PreviewBody {
  return writeOperationOf(plan).preview(plan);
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
  return view('approval', data, writeOperationOf(plan).approvalSummary(plan));
}
