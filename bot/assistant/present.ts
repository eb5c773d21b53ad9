import { randomUUID } from 'node:crypto';
import type { ApprovalRequest } from '../approvals/approval-store.js';
import type { OutboundMessage, View } from '../domain/chat.js';
import type { Operation } from '../domain/types.js';
import { type AppError, toAppError } from '../errors.js';
import { type CreatePlan, createPlanSchema } from '../operations/create-page.js';
import { type UpdatePlan, updatePlanSchema } from '../operations/update-page.js';
import type { Decision } from '../policy/decide.js';
import { buildUpdatePreviewBody } from '../views/build-diff.js';
import { buildApprovalData, buildCreatePreviewBody } from '../views/build-view-data.js';
import { formatTimestamp } from '../views/format.js';
import type {
  ApprovalStatus,
  CardData,
  CardKind,
  DiffLineView,
  PreviewBody,
  UpdatePreviewBody,
} from '../views/types.js';
import type { ApproverReach } from './people.js';

/** The view of `kind` with its typed data (each edge renders it: Adaptive Card, Block Kit). */
export function viewOf<K extends CardKind>(kind: K, data: CardData[K]): View {
  return { kind, data } as View;
}

/** A message showing the view of `kind`, with an optional one-line summary for notifications. */
export function view<K extends CardKind>(kind: K, data: CardData[K], summary?: string): OutboundMessage {
  return { kind: 'view', view: viewOf(kind, data), ...(summary ? { summary } : {}) };
}

/** What to tell a person for each failure: the catalog message plus a next step. */
export function hintFor(error: AppError): string | undefined {
  switch (error.code) {
    case 'CONFLUENCE_RATE_LIMITED': {
      const seconds = Number(error.details.retryAfterSeconds);
      return Number.isFinite(seconds) && seconds > 0
        ? `Try again in ${Math.ceil(seconds)} s.`
        : 'Try again shortly.';
    }
    case 'CONFLUENCE_UNAUTHORIZED':
      return 'The admins have been told. Until the token is rotated, Confluence cannot be reached.';
    case 'CONFLUENCE_NOT_FOUND':
      return 'Check the page id or link. Pages the connector account cannot see look exactly like missing ones.';
    case 'CONNECTOR_MISSING':
      return 'Ask a bot admin to connect Confluence.';
    default:
      return undefined;
  }
}

/** The error card for any failure, with a short correlation id that is also logged. */
export function errorMessage(error: unknown, correlationId = randomUUID().slice(0, 8)): OutboundMessage {
  const appError = toAppError(error);
  const hint = hintFor(appError);
  return view(
    'error',
    { message: appError.userMessage, ...(hint ? { hint } : {}), correlationId },
    appError.userMessage,
  );
}

/** The refusal card: what was refused, the chain of reasons and who can change it. */
export function denialMessage(what: string, operation: Operation, decision: Decision): OutboundMessage {
  const remedy =
    decision.code === 'SPACE_NOT_ALLOWED'
      ? 'A bot admin can allow the space with `/confluence spaces add <KEY>`.'
      : `A bot admin can change this with \`/confluence policy ${operation} allowed\` or \`confirm\`.`;
  return view('denial', { what, reasons: [...decision.reasons].reverse(), remedy }, `Refused: ${what}`);
}

/** The plan stored with an approval request, parsed back (stored files are a boundary too). */
export function planOf(request: ApprovalRequest): CreatePlan | UpdatePlan {
  const change = request.change as { plan?: unknown } | undefined;
  const raw = change?.plan;
  const create = createPlanSchema.safeParse(raw);
  if (create.success) return create.data;
  return updatePlanSchema.parse(raw);
}

/**
 * A finished request's `change` without what only execution needed: the plan's `storage` (often
 * the largest part) is dropped and marked `storageOmitted`, so the execute functions refuse it.
 * Everything the card shows stays. Anything not shaped `{ plan: { storage } }` is returned as is.
 * Wire as the approval service's `compactFinished`.
 */
export function compactApprovalChange(change: unknown): unknown {
  if (typeof change !== 'object' || change === null) return change;
  const plan = (change as { plan?: unknown }).plan;
  if (typeof plan !== 'object' || plan === null) return change;
  const storage = (plan as { storage?: unknown }).storage;
  if (typeof storage !== 'string' || storage === '') return change;
  return { ...change, plan: { ...plan, storage: '', storageOmitted: true } };
}

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
export function previewOf(plan: CreatePlan | UpdatePlan): PreviewBody {
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

const CARD_STATUS: Partial<Record<string, ApprovalStatus>> = {
  pending: 'pending',
  approved: 'pending',
  executed: 'approved',
  rejected: 'rejected',
  expired: 'expired',
  cancelled: 'failed',
  stale: 'stale',
  failed: 'failed',
};

/**
 * The approval card for a request in its current state. `showButtons` gives the approvers' view
 * (only meaningful while pending); `approverIds` drive Teams' per-user refresh; `reach` names the
 * approvers on the card (mentioning those with a known chat id) and who cannot see it.
 */
export function approvalMessage(
  request: ApprovalRequest,
  options: { showButtons: boolean; approverIds: readonly string[]; reach?: ApproverReach },
): OutboundMessage {
  const plan = planOf(request);
  const status = CARD_STATUS[request.status] ?? 'failed';
  const result = request.result as { webUrl?: string } | undefined;
  const failureReason =
    request.status === 'cancelled'
      ? 'The requester withdrew it.'
      : request.status === 'approved'
        ? 'Running…'
        : request.error;
  const data = buildApprovalData({
    requestId: request.id,
    status,
    preview: previewOf(plan),
    requester: request.requester.name,
    requestedAt: formatTimestamp(request.createdAt),
    expiresAt: formatTimestamp(request.expiresAt),
    ...(request.decidedBy ? { decidedBy: request.decidedBy.name } : {}),
    ...(request.decidedAt ? { decidedAt: formatTimestamp(request.decidedAt) } : {}),
    ...(result?.webUrl ? { pageUrl: result.webUrl } : {}),
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
