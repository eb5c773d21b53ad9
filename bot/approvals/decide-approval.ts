import { rolesIn } from '../assistant/channel-context.js';
import type { CardActionResult } from '../domain/chat.js';
import { toAppError } from '../errors.js';
import type { ActionTurn } from '../handlers/turn.js';
import { executeApproved } from '../operations/run-approved.js';
import type { ApprovalRequest } from './approval-schema.js';
import { loadRequest, notifyRequester, requestTarget, settled, statusView } from './approval-status.js';

/** The answer to a click on a request whose write a restart interrupted, while the recovery checks it. */
export const BEING_VERIFIED =
  'The bot restarted while this request was being carried out. It is checking in Confluence whether the page was written; the card will show the outcome in a moment.';

/**
 * Approve or reject a request (from its card or from the `approvals` list). The server reloads the
 * request and re-checks everything (the clicker is an approver of the request's channel, not the
 * requester, the request is pending and not expired); the store's compare-and-set makes exactly one
 * click win. The winner of an approval executes it through the operation pipeline's write stage
 * (`executeApproved`: re-decided now, against the previewed version). Every step is audited; the
 * returned card is the request's final state, for everyone. A click on a request a restart
 * interrupted mid-write is refused with a message until the startup recovery has decided it.
 */
export async function decideApproval(
  turn: ActionTurn,
  id: string,
  verdict: 'approve' | 'reject',
): Promise<CardActionResult> {
  const { deps } = turn;
  const before = loadRequest(deps, id);
  const roles = rolesIn(deps, turn.actor, before.channelKey);
  const audit = (
    operation: string,
    facts: Pick<Parameters<ActionTurn['audit']>[0], 'decision' | 'outcome' | 'error'>,
  ) =>
    turn.audit({
      connector: before.connector,
      operation,
      target: requestTarget(before),
      ...facts,
      details: { requestId: id },
    });
  const shown = (request: ApprovalRequest): CardActionResult => ({
    kind: 'view',
    view: statusView(deps, request),
    scope: 'all',
  });
  let decided: ApprovalRequest;
  try {
    decided =
      verdict === 'approve'
        ? await deps.approvals.approve(id, turn.actor, roles)
        : await deps.approvals.reject(id, turn.actor, roles);
  } catch (error) {
    const appError = toAppError(error);
    await audit(verdict, { decision: 'denied', outcome: 'denied', error: appError });
    if (appError.code !== 'APPROVAL_ALREADY_DECIDED' && appError.code !== 'APPROVAL_EXPIRED')
      return { kind: 'message', text: appError.userMessage };
    if (deps.approvals.isInterrupted(id)) return { kind: 'message', text: BEING_VERIFIED };
    const current = await settled(deps, id);
    if (appError.code === 'APPROVAL_EXPIRED') await audit('expire', { decision: 'expired', outcome: 'ok' });
    return shown(current);
  }
  if (verdict === 'reject') {
    await audit('reject', { decision: 'rejected', outcome: 'ok' });
    await notifyRequester(
      deps,
      decided,
      `${turn.actor.name} rejected your request to ${decided.operation} "${decided.target.title}".`,
    );
    return shown(decided);
  }
  await audit('approve', { decision: 'approved', outcome: 'ok' });
  return shown(await executeApproved(turn, decided));
}
