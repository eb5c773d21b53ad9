/**
 * The in-memory approval store for tests and benchmarks: the real store over a persistence that
 * counts writes and can be told to fail the next one.
 */
import { AppError } from '../errors.js';
import { type ApprovalRequest, approvalRequestSchema } from './approval-schema.js';
import { createApprovalStore } from './approval-store.js';
import type { ApprovalStore } from './approval-store-types.js';

/** Test hooks of a memory store. */
export interface MemoryApprovalStore extends ApprovalStore {
  /** Successful writes and removals so far. */
  writes(): number;
  /** Makes the next write or removal fail with `error` (once). */
  failNextWrite(error?: Error): void;
}

/**
 * An in-memory store with the same contract as the file store (queues, validation, memory changed
 * only after a successful "write"). `initial` is validated: throws `AppError('STORE_CORRUPT')` if not.
 */
export function createMemoryApprovalStore(initial: readonly ApprovalRequest[] = []): MemoryApprovalStore {
  const requests = initial.map((request) => {
    const parsed = approvalRequestSchema.safeParse(request);
    if (!parsed.success) {
      throw new AppError('STORE_CORRUPT', {
        message: 'memory approval store: an initial request is invalid',
      });
    }
    return parsed.data;
  });
  let writes = 0;
  let pendingFailure: Error | undefined;
  const step = async () => {
    if (pendingFailure) {
      const failure = pendingFailure;
      pendingFailure = undefined;
      throw failure;
    }
    writes += 1;
  };
  const store = createApprovalStore({ write: step, remove: step }, requests);
  return {
    ...store,
    writes: () => writes,
    failNextWrite(error = new Error('simulated write failure')) {
      pendingFailure = error;
    },
  };
}
