import { z } from 'zod';
import { rolesIn } from '../assistant/channel-context.js';
import type { AssistantDeps } from '../assistant/deps.js';
import { view, viewOf } from '../assistant/present.js';
import type { CardActionRequest, CardActionResult, ChatRequest, OutboundMessage } from '../domain/chat.js';
import type { Actor } from '../domain/types.js';
import { AppError } from '../errors.js';
import type { ActionTurn } from '../handlers/turn.js';
import { clipLine, formatAgo } from '../views/format.js';
import type { ApprovalListItem, ApprovalsListData } from '../views/types.js';
import type { ApprovalRequest } from './approval-schema.js';
import { updateCard } from './approval-status.js';
import { decideApproval } from './decide-approval.js';

type Reply = (message: OutboundMessage) => Promise<string | undefined>;

/**
 * Requests per `approvals` card. Each item renders to about 1.3 KB with clipped texts, so a page
 * stays near 15 KB, far below the ~28 KB Teams accepts; the rest is one "More" click away.
 */
export const APPROVALS_PAGE_SIZE = 10;

/** Longest page title shown on the list (the approval card itself carries the full title). */
export const APPROVALS_TITLE_MAX_CHARS = 100;

/** Longest requester name shown on the list. */
export const APPROVALS_NAME_MAX_CHARS = 60;

/** Highest offset a More click may ask for: far beyond what the pending caps allow to exist. */
const MAX_OFFSET = 100_000;

const moreDataSchema = z.object({
  offset: z
    .union([
      z.number(),
      z
        .string()
        .regex(/^\d{1,6}$/)
        .transform(Number),
    ])
    .pipe(z.number().int().min(0).max(MAX_OFFSET)),
});

function toItem(deps: AssistantDeps, actor: Actor, request: ApprovalRequest, now: Date): ApprovalListItem {
  const mine = request.requester.id === actor.id;
  return {
    requestId: request.id,
    title: clipLine(request.target.title, APPROVALS_TITLE_MAX_CHARS),
    operation: request.operation,
    spaceKey: request.target.spaceKey,
    requester: clipLine(request.requester.name, APPROVALS_NAME_MAX_CHARS),
    age: formatAgo(request.createdAt, now),
    status: 'pending',
    canCancel: mine,
    canDecide: !mine && rolesIn(deps, actor, request.channelKey).isApprover,
  };
}

/**
 * One page of the `approvals` list for `actor`: pending, unexpired requests they made or can decide,
 * oldest first, starting at `offset` (past the end: the last page). Rights are resolved here, per
 * request's channel, never taken from card data.
 */
export function buildApprovalsListData(
  deps: AssistantDeps,
  actor: Actor,
  offset = 0,
  notice?: string,
): ApprovalsListData {
  const now = deps.now();
  const requests = deps.approvals.listForUser(
    actor,
    (request) => rolesIn(deps, actor, request.channelKey).isApprover,
  );
  const total = requests.length;
  const lastPage = Math.max(0, Math.floor((total - 1) / APPROVALS_PAGE_SIZE) * APPROVALS_PAGE_SIZE);
  const start = Math.min(offset, lastPage);
  const page = requests.slice(start, start + APPROVALS_PAGE_SIZE);
  const next = start + page.length;
  return {
    items: page.map((request) => toItem(deps, actor, request, now)),
    total,
    first: start + 1,
    ...(next < total ? { nextOffset: next } : {}),
    ...(notice ? { notice } : {}),
  };
}

/** The `approvals` command: the first page of pending requests the actor made or can decide. */
export async function showApprovalsList(deps: AssistantDeps, chat: ChatRequest, reply: Reply): Promise<void> {
  await reply(view('approvals-list', buildApprovalsListData(deps, chat.actor)));
}

/**
 * The `moreApprovals` verb: the next page, re-listed for the clicker (card data carries only a
 * position). Replaces the card for the clicker only. Throws AppError('INPUT_INVALID') on bad data.
 */
export async function moreApprovals(
  deps: AssistantDeps,
  action: CardActionRequest,
): Promise<CardActionResult> {
  const parsed = moreDataSchema.safeParse(action.data);
  if (!parsed.success) {
    throw new AppError('INPUT_INVALID', { message: 'moreApprovals card data without a valid offset' });
  }
  return {
    kind: 'view',
    view: viewOf('approvals-list', buildApprovalsListData(deps, action.actor, parsed.data.offset)),
    scope: 'clicker',
  };
}

/** What a decision from the list did, in one line for the top of the re-drawn list. */
function outcomeNotice(request: ApprovalRequest): string {
  const title = `"${clipLine(request.target.title, APPROVALS_TITLE_MAX_CHARS)}"`;
  switch (request.status) {
    case 'executed':
      return `Approved ${title}: the page was written.`;
    case 'approved':
      return `Approved ${title}: it is being written.`;
    case 'rejected':
      return `Rejected ${title}: nothing was written.`;
    case 'stale':
      return `${title} changed since the preview: nothing was written. Its approval card offers a fresh preview.`;
    case 'expired':
      return `${title} expired before anyone decided.`;
    case 'cancelled':
      return `${title} was withdrawn by the requester.`;
    case 'failed':
      return `${title} was not written: ${request.error ?? 'the write failed'}`;
    default:
      return `${title} is ${request.status}.`;
  }
}

/**
 * Approve or reject from the `approvals` list: the same decision as a click on the approval card
 * (`decideApproval` reloads the request and re-checks everything; the card data is only a request
 * id). The approval card is then updated where it lives (if it was ever posted), and the list is
 * re-drawn for the clicker with what happened. A refusal is shown to the clicker only.
 */
export async function decideFromList(
  turn: ActionTurn,
  requestId: string,
  verdict: 'approve' | 'reject',
): Promise<CardActionResult> {
  const result = await decideApproval(turn, requestId, verdict);
  if (result.kind === 'message') return result;
  const request = turn.deps.approvals.get(requestId);
  if (request) await updateCard(turn.deps, request, result.view);
  return {
    kind: 'view',
    view: viewOf(
      'approvals-list',
      buildApprovalsListData(turn.deps, turn.actor, 0, request ? outcomeNotice(request) : undefined),
    ),
    scope: 'clicker',
  };
}
