import { approverReachOf } from '../assistant/channel-context.js';
import type { AssistantDeps } from '../assistant/deps.js';
import type { View } from '../domain/chat.js';
import { AppError } from '../errors.js';
import { approvalMessage } from './approval-card.js';
import { type ApprovalRequest, cardTargetOf } from './approval-schema.js';

/** The request `id`, or AppError('APPROVAL_NOT_FOUND'). */
export function loadRequest(deps: Pick<AssistantDeps, 'approvals'>, id: string): ApprovalRequest {
  const request = deps.approvals.get(id);
  if (!request) throw new AppError('APPROVAL_NOT_FOUND');
  return request;
}

/**
 * The request once it leaves `approved` (the winner of a click burst is still writing): later
 * clickers wait briefly so every card shows the final outcome, never a half-finished state.
 */
export async function settled(deps: AssistantDeps, id: string, waitMs = 8_000): Promise<ApprovalRequest> {
  const deadline = Date.now() + waitMs;
  let current = loadRequest(deps, id);
  while (current.status === 'approved' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    current = loadRequest(deps, id);
  }
  return current;
}

/**
 * The approval card for `request` as it stands, naming its approvers from what is known (chat ids,
 * names, roster absences): no roster call, so a click or refresh answers at once.
 */
export function statusView(deps: AssistantDeps, request: ApprovalRequest, showButtons = false): View {
  const reach = approverReachOf(deps, request.channelKey);
  const message = approvalMessage(request, {
    showButtons: showButtons || deps.config.approvalButtonsForAll,
    approverIds: reach.reachable.map((approver) => approver.id),
    reach,
  });
  if (message.kind !== 'view') throw new Error('an approval message is always a view');
  return message.view;
}

/** Replaces the request's card where it lives (if it was ever posted); a failure is only logged. */
export async function updateCard(deps: AssistantDeps, request: ApprovalRequest, view: View): Promise<void> {
  if (!request.card) return;
  try {
    await deps.port.update(cardTargetOf(request), request.card.activityId, { kind: 'view', view });
  } catch (error) {
    deps.logger.warn({ err: String(error), requestId: request.id }, 'could not update the approval card');
  }
}

/**
 * The channel whose rules govern a request: the one it was asked in (a personal chat's request is
 * shown in the approvals channel but is still governed by the chat it came from).
 */
export function governingChannel(request: ApprovalRequest): string {
  return request.change.origin?.channelKey ?? request.channelKey;
}

/** Tells the requester the outcome when the card lives in another conversation (personal-chat requests). */
export async function notifyRequester(
  deps: AssistantDeps,
  request: ApprovalRequest,
  text: string,
): Promise<void> {
  const origin = request.change.origin;
  if (!origin || origin.conversationId === request.card?.conversationId) return;
  try {
    await deps.port.post(origin, { kind: 'text', text });
  } catch (error) {
    deps.logger.warn({ err: String(error), requestId: request.id }, 'could not notify the requester');
  }
}

/** The audit target of a request (what it would write). */
export function requestTarget(request: ApprovalRequest) {
  return {
    spaceKey: request.target.spaceKey,
    title: request.target.title,
    ...(request.target.pageId ? { pageId: request.target.pageId } : {}),
  };
}
