import { AppError, type ErrorCode, isAppError } from '../errors.js';
import { type PlanEditInput, type PlannedEdit, planStorageEdit } from './plan-storage-edit.js';
import {
  type MarkdownStart,
  type StorageToMarkdownOptions,
  storageToMarkdown,
  storageToMarkdownStart,
} from './storage-to-markdown.js';

/** CPU-heavy page work that may run on the page worker. Plain data only: it crosses threads. */
export type PageJob =
  | { readonly kind: 'markdown'; readonly storage: string; readonly options: StorageToMarkdownOptions }
  | {
      readonly kind: 'markdown-start';
      readonly storage: string;
      readonly maxChars: number;
      readonly options: Pick<StorageToMarkdownOptions, 'baseUrl'>;
    }
  | { readonly kind: 'plan-edit'; readonly input: PlanEditInput };

/** The value each {@link PageJob} kind yields. */
export type PageJobValue<J extends PageJob> = J extends { kind: 'markdown' }
  ? string
  : J extends { kind: 'markdown-start' }
    ? MarkdownStart
    : PlannedEdit;

/** A job as posted to the worker: `id` pairs it with its answer. */
export interface PageJobMessage {
  readonly id: number;
  readonly job: PageJob;
}

/** An error as it crosses the thread boundary: AppErrors keep their code and safe message. */
export interface SerialisedError {
  readonly code?: ErrorCode;
  readonly message: string;
  readonly userMessage?: string;
  readonly details?: Record<string, unknown>;
}

/** The worker's answer to one {@link PageJobMessage}. */
export type PageJobAnswer =
  | { readonly id: number; readonly ok: true; readonly value: string | MarkdownStart | PlannedEdit }
  | { readonly id: number; readonly ok: false; readonly error: SerialisedError };

/**
 * Posted once by a worker when its modules are loaded. Job timeouts start only after it, so the
 * one-off start-up (slow under tsx, which compiles the sources first) is never charged to a job.
 */
export const WORKER_READY = 'page-worker-ready';

/** Runs one job on the current thread. Throws what the underlying conversion or edit throws. */
export function runPageJob<J extends PageJob>(job: J): PageJobValue<J>;
export function runPageJob(job: PageJob): string | MarkdownStart | PlannedEdit {
  switch (job.kind) {
    case 'markdown':
      return storageToMarkdown(job.storage, job.options);
    case 'markdown-start':
      return storageToMarkdownStart(job.storage, job.maxChars, job.options);
    case 'plan-edit':
      return planStorageEdit(job.input);
  }
}

/** Runs a posted job and packs the outcome (value or error) for `postMessage`. Never throws. */
export function answerPageJob(message: PageJobMessage): PageJobAnswer {
  try {
    return { id: message.id, ok: true, value: runPageJob(message.job) };
  } catch (error) {
    if (isAppError(error)) {
      return {
        id: message.id,
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          userMessage: error.userMessage,
          details: { ...error.details },
        },
      };
    }
    return {
      id: message.id,
      ok: false,
      error: { message: error instanceof Error ? error.message : String(error) },
    };
  }
}

/**
 * Rebuilds the error a job threw on the worker: an AppError with the same code, messages and
 * details (so callers cannot tell which thread ran the job), anything else as INTERNAL.
 */
export function reviveError(error: SerialisedError): AppError {
  if (error.code === undefined) {
    return new AppError('INTERNAL', { message: `page worker: ${error.message}` });
  }
  return new AppError(error.code, {
    message: error.message,
    ...(error.userMessage === undefined ? {} : { userMessage: error.userMessage }),
    ...(error.details === undefined ? {} : { details: error.details }),
  });
}
