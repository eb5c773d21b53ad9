import { recordAudit } from '../assistant/audit-events.js';
import type { AssistantDeps } from '../assistant/deps.js';
import { notifyRequester, requestTarget, statusView, updateCard } from './approval-status.js';

/** Expires due requests, audits each, updates their cards in place and tells requesters. Run periodically. */
export async function expireDueApprovals(deps: AssistantDeps): Promise<number> {
  const expired = await deps.approvals.expireDue(deps.now());
  for (const request of expired) {
    await recordAudit(deps, {
      actor: { id: 'system', name: 'Confluence Assistant' },
      conversationId: request.conversationId,
      connector: request.connector,
      operation: 'expire',
      target: requestTarget(request),
      decision: 'expired',
      outcome: 'ok',
      details: { requestId: request.id },
    });
    await updateCard(deps, request, statusView(deps, request));
    await notifyRequester(
      deps,
      request,
      `Your request to ${request.operation} "${request.target.title}" expired before anyone approved it.`,
    );
  }
  return expired.length;
}
