import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';
import {
  type PageJob,
  type PageJobAnswer,
  type PageJobValue,
  reviveError,
  runPageJob,
  WORKER_READY,
} from './page-jobs.js';
import type { PlanEditInput, PlannedEdit } from './plan-storage-edit.js';
import type { MarkdownStart, StorageToMarkdownOptions } from './storage-to-markdown.js';
import { MAX_STORAGE_CHARS } from './storage-tree.js';

/**
 * Inputs smaller than this (storage characters) are converted on the calling thread. Measured on
 * the shared 2-core machine (warm, loaded): 32 KB of table, paragraph or list storage takes 10–35 ms
 * to convert or plan inline, 64 KB up to about 55 ms; the worker round trip itself is about a
 * millisecond, but a small job would wait behind a big one there, so small pages stay inline and
 * the longest inline block stays well under the 100 ms event-loop budget.
 */
export const OFF_THREAD_MIN_CHARS = 32 * 1024;

/** Big jobs that may wait behind the running one; the next is refused, so a burst cannot pile up. */
export const MAX_WAITING_JOBS = 8;

/**
 * Longest a job may run on the worker. Conversion is linear and a 2 MB page (the cap) takes a few
 * seconds at worst, so a job still running after this is stuck; the worker is restarted.
 */
export const JOB_TIMEOUT_MS = 10_000;

/** Heap cap of the worker: a runaway job kills the worker (answered as PAGE_TOO_LARGE), not the bot. */
const WORKER_HEAP_MB = 1024;

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const PAGE_WORKER_URL = new URL(FROM_SOURCE ? './page-worker.ts' : './page-worker.js', import.meta.url);

/** Options of {@link createPageConverter}; the defaults are the constants above. */
export interface PageConverterOptions {
  /** Inputs below this many characters run inline. */
  readonly minChars?: number;
  /** Jobs that may wait behind the running one. */
  readonly maxWaiting?: number;
  /** Per-job limit on the worker, from the moment a started worker is handed the job. */
  readonly timeoutMs?: number;
  /** The worker entry (a `.ts` file is loaded through tsx); tests pass a fake. */
  readonly workerUrl?: URL;
}

/**
 * Converts and plans big pages on one long-lived worker thread so the event loop stays free.
 * Results are identical to the inline functions (same code, plain data across the boundary).
 */
export interface PageConverter {
  /** `storageToMarkdown(storage, options)`; throws what it throws, plus the worker errors below. */
  toMarkdown(storage: string, options?: StorageToMarkdownOptions): Promise<string>;
  /**
   * `storageToMarkdownStart(storage, maxChars, options)` (the page card's start: its cost is bounded
   * by a 64 KB prefix, but that is still tens of milliseconds, so big pages run it on the worker).
   */
  toMarkdownStart(
    storage: string,
    maxChars: number,
    options?: Pick<StorageToMarkdownOptions, 'baseUrl'>,
  ): Promise<MarkdownStart>;
  /** `planStorageEdit(input)`; throws what it throws, plus the worker errors below. */
  planEdit(input: PlanEditInput, pageUrl?: string): Promise<PlannedEdit>;
  /** Stops the worker and refuses what is queued; a later job starts a new worker. */
  close(): Promise<void>;
}

interface QueuedJob {
  readonly id: number;
  readonly job: PageJob;
  readonly pageUrl: string | undefined;
  readonly resolve: (value: string | MarkdownStart | PlannedEdit) => void;
  readonly reject: (error: unknown) => void;
}

/** Starts the worker; from TypeScript sources it registers tsx first (Node 20 workers do not inherit loaders). */
function spawnWorker(url: URL): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

function tooLarge(reason: string, pageUrl: string | undefined, userMessage?: string): AppError {
  const link = pageUrl ? `: ${pageUrl}` : '.';
  return new AppError('PAGE_TOO_LARGE', {
    message: `page worker: ${reason}`,
    userMessage: userMessage ?? `This page is too large to preview here — open it in Confluence${link}`,
    details: { reason },
  });
}

/** How much work a plan is: the page plus any new text the edit brings. */
function planSize(input: PlanEditInput): number {
  const edit = input.edit;
  const added =
    edit.kind === 'replace'
      ? edit.find.length + edit.replaceWith.length
      : 'markdown' in edit
        ? edit.markdown.length
        : 0;
  return input.storage.length + added;
}

/**
 * Creates a {@link PageConverter}. The worker starts on the first big job, runs one job at a time
 * and stays up for the next; while idle it is unreferenced, so it never keeps the process alive. Failures are
 * AppError('PAGE_TOO_LARGE') with a user message pointing to Confluence and `details.reason`:
 * `busy` (more than `maxWaiting` jobs waiting), `timeout` (the worker is restarted), `worker-died`
 * (it crashed or ran out of memory; the next job starts a new one). Inputs below `minChars`, title
 * edits and inputs over MAX_STORAGE_CHARS (refused at once) run inline.
 */
export function createPageConverter(options: PageConverterOptions = {}): PageConverter {
  const minChars = options.minChars ?? OFF_THREAD_MIN_CHARS;
  const maxWaiting = options.maxWaiting ?? MAX_WAITING_JOBS;
  const timeoutMs = options.timeoutMs ?? JOB_TIMEOUT_MS;
  const workerUrl = options.workerUrl ?? PAGE_WORKER_URL;
  const waiting: QueuedJob[] = [];
  let worker: Worker | undefined;
  let running: { readonly queued: QueuedJob; timer?: NodeJS.Timeout } | undefined;
  let ready = false;
  let nextId = 1;

  const takeRunning = (): QueuedJob | undefined => {
    const current = running;
    running = undefined;
    if (current) clearTimeout(current.timer);
    return current?.queued;
  };

  const drop = (lost: Worker | undefined): void => {
    if (lost === undefined || lost !== worker) return;
    worker = undefined;
    void lost.terminate();
  };

  const start = (): Worker => {
    const created = spawnWorker(workerUrl);
    created.on('message', (answer: PageJobAnswer | typeof WORKER_READY) => {
      if (created !== worker) return;
      if (answer === WORKER_READY) {
        ready = true;
        if (running) running.timer ??= setTimeout(onTimeout, timeoutMs);
        return;
      }
      if (answer.id !== running?.queued.id) return;
      const job = takeRunning();
      if (answer.ok) job?.resolve(answer.value);
      else job?.reject(reviveError(answer.error));
      pump();
    });
    const lose = () => {
      if (created !== worker) return;
      drop(created);
      const job = takeRunning();
      job?.reject(tooLarge('worker-died', job.pageUrl));
      pump();
    };
    created.on('error', lose);
    created.on('exit', lose);
    return created;
  };

  const onTimeout = (): void => {
    const job = takeRunning();
    drop(worker);
    job?.reject(tooLarge('timeout', job.pageUrl));
    pump();
  };

  function pump(): void {
    if (running) return;
    const next = waiting.shift();
    if (next === undefined) {
      worker?.unref();
      return;
    }
    try {
      if (worker === undefined) {
        ready = false;
        worker = start();
      }
    } catch (error) {
      next.reject(new AppError('INTERNAL', { message: 'page worker could not start', cause: error }));
      pump();
      return;
    }
    worker.ref();
    running = ready ? { queued: next, timer: setTimeout(onTimeout, timeoutMs) } : { queued: next };
    worker.postMessage({ id: next.id, job: next.job });
  }

  const enqueue = <J extends PageJob>(job: J, pageUrl: string | undefined): Promise<PageJobValue<J>> =>
    new Promise((resolve, reject) => {
      if (waiting.length >= maxWaiting) {
        reject(
          tooLarge(
            'busy',
            pageUrl,
            `The bot is busy preparing other large pages — try again in a minute, or open this one in Confluence${pageUrl ? `: ${pageUrl}` : '.'}`,
          ),
        );
        return;
      }
      waiting.push({ id: nextId++, job, pageUrl, resolve: resolve as QueuedJob['resolve'], reject });
      pump();
    });

  return {
    async toMarkdown(storage, markdownOptions = {}) {
      const job = { kind: 'markdown', storage, options: markdownOptions } as const;
      if (storage.length < minChars || storage.length > MAX_STORAGE_CHARS) return runPageJob(job);
      return enqueue(job, markdownOptions.pageUrl);
    },
    async toMarkdownStart(storage, maxChars, markdownOptions = {}) {
      const job = { kind: 'markdown-start', storage, maxChars, options: markdownOptions } as const;
      if (storage.length < minChars) return runPageJob(job);
      return enqueue(job, undefined);
    },
    async planEdit(input, pageUrl) {
      const job = { kind: 'plan-edit', input } as const;
      const size = planSize(input);
      if (input.edit.kind === 'title' || size < minChars || input.storage.length > MAX_STORAGE_CHARS) {
        return runPageJob(job);
      }
      return enqueue(job, pageUrl);
    },
    async close() {
      const stopping = worker;
      worker = undefined;
      const refused = [takeRunning(), ...waiting.splice(0)];
      for (const job of refused) job?.reject(new AppError('INTERNAL', { message: 'page converter closed' }));
      await stopping?.terminate();
    },
  };
}

let shared: PageConverter | undefined;

function sharedConverter(): PageConverter {
  shared ??= createPageConverter();
  return shared;
}

/**
 * `storageToMarkdown` for a page read: big pages are converted on the shared page worker, small
 * ones inline. Same output and errors, plus the PAGE_TOO_LARGE worker errors of {@link createPageConverter}.
 */
export function toMarkdownOffThread(
  storage: string,
  options: StorageToMarkdownOptions = {},
): Promise<string> {
  return sharedConverter().toMarkdown(storage, options);
}

/** The page card's Markdown start on the shared page worker for big pages (see {@link toMarkdownOffThread}). */
export function markdownStartOffThread(
  storage: string,
  maxChars: number,
  options: Pick<StorageToMarkdownOptions, 'baseUrl'> = {},
): Promise<MarkdownStart> {
  return sharedConverter().toMarkdownStart(storage, maxChars, options);
}

/** `planStorageEdit` on the shared page worker for big pages (see {@link toMarkdownOffThread}). */
export function planEditOffThread(input: PlanEditInput, pageUrl?: string): Promise<PlannedEdit> {
  return sharedConverter().planEdit(input, pageUrl);
}

/** Stops the shared page worker (app shutdown). Safe to call when none runs; a later job restarts it. */
export async function closePageWorker(): Promise<void> {
  await shared?.close();
}
