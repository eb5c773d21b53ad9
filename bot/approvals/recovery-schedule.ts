/**
 * How the startup recovery spends its time, apart from what a check and a verdict do: at most
 * `maxChecked` requests are checked (the rest are settled as not verified at once), `concurrency`
 * at a time, each check cut off after `checkTimeoutMs`. A write the old process sent just before it
 * died may still be running at Confluence, so an answer other than `landed` given before
 * `graceEndsAt` is checked once more at that time. `stop()` cancels the waits and leaves what is
 * not decided yet to the next start.
 */
import type { ApprovalRequest } from './approval-schema.js';
import type { WriteCheck } from './judge-interrupted-write.js';

/** The recovery's bounds. */
export interface RecoveryBounds {
  readonly maxChecked: number;
  readonly concurrency: number;
  readonly checkTimeoutMs: number;
  /** Epoch ms before which a verdict other than `landed` is not final. */
  readonly graceEndsAt: number;
}

/** What the schedule runs for each request. */
export interface RecoverySteps {
  /** Asks Confluence (reads only). */
  check(request: ApprovalRequest): Promise<WriteCheck>;
  /** Records the verdict (result, audit, card); a throw leaves the request for the next start. */
  settle(request: ApprovalRequest, verdict: WriteCheck): Promise<void>;
  /** A `settle` that threw. */
  onError(request: ApprovalRequest, error: unknown): void;
}

/** How the recovery ended. */
export interface RecoverySummary {
  readonly executed: number;
  readonly failed: number;
  readonly unverified: number;
  /** Left `approved` (shutting down, or settling failed): the next start checks them again. */
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

/** Resolves at `at` (epoch ms) or when `signal` aborts, whichever comes first. */
function until(at: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, at - Date.now()));
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** Runs the recovery of `requests` in the background within `bounds`. */
export function scheduleRecovery(
  requests: readonly ApprovalRequest[],
  steps: RecoverySteps,
  bounds: RecoveryBounds,
): InterruptedRecovery {
  const stopping = new AbortController();
  const counts = { executed: 0, failed: 0, unverified: 0, left: 0 };
  const check = (request: ApprovalRequest) =>
    within(steps.check(request), bounds.checkTimeoutMs, {
      kind: 'unknown',
      reason: `Confluence did not answer within ${bounds.checkTimeoutMs / 1000} s`,
    } as const);

  const recoverOne = async (request: ApprovalRequest, checked: boolean): Promise<void> => {
    let verdict: WriteCheck = checked
      ? await check(request)
      : { kind: 'unknown', reason: `more than ${bounds.maxChecked} requests to check` };
    if (checked && verdict.kind !== 'landed' && Date.now() < bounds.graceEndsAt) {
      await until(bounds.graceEndsAt, stopping.signal);
      if (stopping.signal.aborted) {
        counts.left += 1;
        return;
      }
      verdict = await check(request);
    }
    try {
      await steps.settle(request, verdict);
      counts[COUNTED_AS[verdict.kind]] += 1;
    } catch (error) {
      counts.left += 1;
      steps.onError(request, error);
    }
  };

  const queue = requests.map((request, index) => ({ request, checked: index < bounds.maxChecked }));
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (stopping.signal.aborted) counts.left += 1;
      else await recoverOne(next.request, next.checked);
    }
  };
  const workers = Math.min(Math.max(1, bounds.concurrency), queue.length);
  const done = Promise.all(Array.from({ length: workers }, worker)).then(() => ({ ...counts }));
  return {
    done,
    async stop() {
      stopping.abort();
      await done;
    },
  };
}
