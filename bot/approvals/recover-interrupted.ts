/**
 * Startup recovery of approved requests whose write was in flight when the previous process died
 * (issue 14): for each, Confluence is asked whether the write landed (`checkInterruptedWrite`, reads
 * only: the write is never run again). Landed → `executed` with the page link and version, audited
 * like a normal execution; not landed → `failed`; cannot tell → `failed` saying it could not be
 * verified. Each card is updated in place and personal-chat requesters are told, as after a click.
 *
 * It runs in the background so startup never waits for Confluence: meanwhile the requests stay
 * `approved` and clicks on them are refused with a message (`isInterrupted`). The work is bounded
 * (see `recovery-schedule.ts`).
 */
import { recordAudit } from '../assistant/audit-events.js';
import type { AssistantDeps } from '../assistant/deps.js';
import type { Actor } from '../domain/types.js';
import { pageTarget } from '../operations/operation.js';
import { writeOperationOf } from '../operations/write-path.js';
import type { ApprovalRequest } from './approval-schema.js';
import { notifyRequester, statusView, updateCard } from './approval-status.js';
import { checkInterruptedWrite } from './check-interrupted-write.js';
import type { WriteCheck } from './judge-interrupted-write.js';
import { type InterruptedRecovery, scheduleRecovery } from './recovery-schedule.js';

/** Bounds of the recovery; every field has a default. */
export interface RecoveryOptions {
  /** Requests checked at most; the rest end `failed` as not verified (default 50). */
  readonly maxChecked?: number;
  /** Checks running at once (default 4). */
  readonly concurrency?: number;
  /** One check's time limit; past it the answer is `unknown` (default 5 s). */
  readonly checkTimeoutMs?: number;
  /**
   * A write the old process sent just before it died may still be running at Confluence: an answer
   * other than `landed` is trusted only this long after the recovery started, and re-checked once
   * then (default CONFLUENCE_TIMEOUT_MS, as long as the bot itself would have waited for the write).
   */
  readonly inFlightGraceMs?: number;
  /** Allowed clock skew between the bot and Confluence (default CLOCK_SKEW_MS). */
  readonly clockSkewMs?: number;
}

const SYSTEM: Actor = { id: 'system', name: 'Confluence Assistant' };
const STOPPED = 'The bot stopped while carrying out this request';

/** The `failed` message of a request the check did not find written. */
export function interruptedErrorOf(check: Exclude<WriteCheck, { kind: 'landed' }>): string {
  return check.kind === 'not-landed'
    ? `${STOPPED}; Confluence shows it was not written (${check.reason}). Check the page before trying again.`
    : `${STOPPED} and could not verify whether it was written (${check.reason}). Check the page before trying again.`;
}

/** Records the verdict: result, audit entry (written first, like a normal execution), card, requester. */
async function settle(deps: AssistantDeps, request: ApprovalRequest, check: WriteCheck): Promise<void> {
  const { plan } = request.change;
  const actor = request.decidedBy ?? SYSTEM;
  const audit = {
    actor,
    conversationId: request.card?.conversationId ?? request.conversationId,
    connector: request.connector,
    operation: plan.kind,
    decision: 'approved' as const,
  };
  const facts = { requestId: request.id, requester: request.requester.id };
  if (check.kind === 'landed') {
    const { page } = check;
    await recordAudit(deps, {
      ...audit,
      target: pageTarget(page),
      outcome: 'ok',
      details: { ...facts, confirmedAfterRestart: 'the write had landed before the bot stopped' },
    });
    const done = await deps.approvals.recordResult(request.id, {
      ok: true,
      result: { pageId: page.id, webUrl: page.webUrl, version: page.version.number },
    });
    await updateCard(deps, done, statusView(deps, done));
    await notifyRequester(deps, done, `${actor.name} approved your request: ${page.title} — ${page.webUrl}`);
    return;
  }
  const error = interruptedErrorOf(check);
  await recordAudit(deps, {
    ...audit,
    target: writeOperationOf(plan).pendingTarget(plan),
    outcome: 'error',
    details: { ...facts, interruptedByRestart: check.kind, reason: check.reason },
  });
  const failed = await deps.approvals.recordResult(request.id, { ok: false, error });
  await updateCard(deps, failed, statusView(deps, failed));
  await notifyRequester(deps, failed, `Your approved request may not have been carried out: ${error}`);
}

/**
 * Starts checking every interrupted request (`approvals.interrupted()`) in the background. Call it
 * once, at startup, before any click can arrive.
 */
export function startInterruptedRecovery(
  deps: AssistantDeps,
  options: RecoveryOptions = {},
): InterruptedRecovery {
  const requests = deps.approvals.interrupted();
  if (requests.length > 0) {
    deps.logger.warn(
      { count: requests.length },
      'approved requests interrupted by a restart: checking Confluence for their writes',
    );
  }
  const recovery = scheduleRecovery(
    requests,
    {
      check: (request) => checkInterruptedWrite(deps, request, options.clockSkewMs),
      settle: (request, verdict) => settle(deps, request, verdict),
      onError: (request, error) =>
        deps.logger.error(
          { err: String(error), requestId: request.id },
          'could not settle an interrupted request',
        ),
    },
    {
      maxChecked: options.maxChecked ?? 50,
      concurrency: options.concurrency ?? 4,
      checkTimeoutMs: options.checkTimeoutMs ?? 5_000,
      graceEndsAt: Date.now() + (options.inFlightGraceMs ?? deps.config.confluenceTimeoutMs),
    },
  );
  if (requests.length > 0)
    void recovery.done.then((summary) => deps.logger.warn(summary, 'interrupted approved requests settled'));
  return recovery;
}
