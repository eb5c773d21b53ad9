/**
 * Startup recovery of approved requests whose write was in flight when the previous process died
 * (issue 14): for each, Confluence is asked whether the write landed (`checkInterruptedWrite`, reads
 * only: the write is never run again). Landed → `executed` with the page link and version, audited
 * like a normal execution; not landed → `failed`; cannot tell → `failed` saying it could not be
 * verified. Each card is updated in place and personal-chat requesters are told, as after a click.
 *
 * It runs in the background so startup never waits for Confluence: meanwhile the requests stay
 * `approved` and clicks on them are refused with a message (`isInterrupted`). The work is bounded:
 * at most `maxChecked` requests, `concurrency` at a time, each check cut off after `checkTimeoutMs`.
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

/** How the recovery ended. */
export interface RecoverySummary {
  readonly executed: number;
  readonly failed: number;
  readonly unverified: number;
  /** Left `approved` because the bot was shutting down (the next start checks them). */
  readonly left: number;
}

/** The running recovery: `done` settles when every request is decided; `stop` ends it early. */
export interface InterruptedRecovery {
  readonly done: Promise<RecoverySummary>;
  /** Cancels waits, lets running checks finish and leaves the rest `approved`; resolves when idle. */
  stop(): Promise<void>;
}

/** Which summary figure each verdict adds to. */
const COUNTED_AS = {
  landed: 'executed',
  'not-landed': 'failed',
  unknown: 'unverified',
} as const satisfies Record<WriteCheck['kind'], keyof RecoverySummary>;

const SYSTEM: Actor = { id: 'system', name: 'Confluence Assistant' };
const STOPPED = 'The bot stopped while carrying out this request';

/** The `failed` message of a request the check did not find written. */
export function interruptedErrorOf(check: Exclude<WriteCheck, { kind: 'landed' }>): string {
  return check.kind === 'not-landed'
    ? `${STOPPED}; Confluence shows it was not written (${check.reason}). Check the page before trying again.`
    : `${STOPPED} and could not verify whether it was written (${check.reason}). Check the page before trying again.`;
}

/** `promise`, or `fallback` when it has not settled after `ms`. */
async function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
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
  const maxChecked = options.maxChecked ?? 50;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const checkTimeoutMs = options.checkTimeoutMs ?? 5_000;
  const graceEnds = Date.now() + (options.inFlightGraceMs ?? deps.config.confluenceTimeoutMs);
  const stopping = new AbortController();
  const counts = { executed: 0, failed: 0, unverified: 0, left: 0 };
  const requests = deps.approvals.interrupted();
  if (requests.length > 0) {
    deps.logger.warn(
      { count: requests.length },
      'approved requests interrupted by a restart: checking Confluence for their writes',
    );
  }

  const check = (request: ApprovalRequest) =>
    within(checkInterruptedWrite(deps, request, options.clockSkewMs), checkTimeoutMs, {
      kind: 'unknown',
      reason: `Confluence did not answer within ${checkTimeoutMs / 1000} s`,
    } as const);
  const graceOver = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, graceEnds - Date.now()));
      stopping.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  const recoverOne = async (request: ApprovalRequest, checked: boolean): Promise<void> => {
    let verdict: WriteCheck = checked
      ? await check(request)
      : { kind: 'unknown', reason: `more than ${maxChecked} requests to check` };
    if (checked && verdict.kind !== 'landed' && Date.now() < graceEnds) {
      await graceOver();
      if (stopping.signal.aborted) {
        counts.left += 1;
        return;
      }
      verdict = await check(request);
    }
    try {
      await settle(deps, request, verdict);
      counts[COUNTED_AS[verdict.kind]] += 1;
    } catch (error) {
      counts.left += 1;
      deps.logger.error(
        { err: String(error), requestId: request.id },
        'could not settle an interrupted request',
      );
    }
  };

  const queue = requests.map((request, index) => ({ request, checked: index < maxChecked }));
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (stopping.signal.aborted) counts.left += 1;
      else await recoverOne(next.request, next.checked);
    }
  };
  const done = Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker)).then(() => {
    if (requests.length > 0) deps.logger.warn(counts, 'interrupted approved requests settled');
    return { ...counts };
  });
  return {
    done,
    async stop() {
      stopping.abort();
      await done;
    },
  };
}
