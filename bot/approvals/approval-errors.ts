/**
 * The errors of refused approval transitions: already decided (saying by whom and when) and expired.
 */
import { AppError } from '../errors.js';
import type { ApprovalRequest, ApprovalStatus } from './approval-schema.js';

const STATUS_TEXT: Record<ApprovalStatus, string> = {
  pending: 'is still pending',
  approved: 'was approved',
  rejected: 'was rejected',
  expired: 'expired',
  cancelled: 'was cancelled',
  stale: 'was stopped because the page changed',
  executed: 'was approved and carried out',
  failed: 'was approved but failed',
};
/** AppError('APPROVAL_ALREADY_DECIDED') for `request`, its message saying what became of it, by whom and when. */
export function alreadyDecided(request: ApprovalRequest): AppError {
  const by = request.decidedBy ? ` by ${request.decidedBy.name}` : '';
  const when = request.decidedAt ? ` at ${request.decidedAt}` : '';
  return new AppError('APPROVAL_ALREADY_DECIDED', {
    userMessage: `That request ${STATUS_TEXT[request.status]}${by}${when}.`,
    details: {
      requestId: request.id,
      status: request.status,
      ...(request.decidedBy ? { decidedBy: request.decidedBy.name } : {}),
      ...(request.decidedAt ? { decidedAt: request.decidedAt } : {}),
    },
  });
}
/** AppError('APPROVAL_EXPIRED') for `request`. */
export function expiredError(request: ApprovalRequest): AppError {
  return new AppError('APPROVAL_EXPIRED', {
    details: { requestId: request.id, status: request.status, expiresAt: request.expiresAt },
  });
}
