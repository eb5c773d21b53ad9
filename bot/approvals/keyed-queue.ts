/**
 * Runs tasks one after another per key and tasks of different keys concurrently. The approval store
 * serializes every change of one request (a compare-and-set is then a plain read-check-write) without
 * making changes of unrelated requests wait for each other's disk writes.
 */
export interface KeyedQueue {
  /**
   * Runs `task` once every task queued earlier under `key` has settled; resolves or rejects with
   * the task's own outcome (a failed task does not stop the ones queued after it).
   */
  run<R>(key: string, task: () => Promise<R>): Promise<R>;
}

/** A keyed queue whose bookkeeping holds only keys with queued or running work. */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  return {
    run<R>(key: string, task: () => Promise<R>): Promise<R> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
