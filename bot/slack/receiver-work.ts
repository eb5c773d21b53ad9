import type { Logger } from '../logger.js';
import type { SlackInbound } from './inbound.js';

/** The after-the-ack work of a receiver: runs the core's handler, tracked so shutdown can wait. */
export interface EventWork {
  /** Runs `onEvent(event)`; logs a failure (message only) and never rejects. */
  run(event: SlackInbound): Promise<void>;
  /** Resolves when every run started so far has finished. */
  drain(): Promise<void>;
}

/** Shared by the HTTP and Socket Mode receivers so both treat the core's failures alike. */
export function createEventWork(logger: Logger, onEvent: (event: SlackInbound) => Promise<void>): EventWork {
  const running = new Set<Promise<void>>();
  return {
    run(event) {
      const work = (async () => {
        try {
          await onEvent(event);
        } catch (error) {
          logger.error(
            { err: error instanceof Error ? error.message : String(error), slackEvent: event.kind },
            'slack event failed',
          );
        }
      })();
      running.add(work);
      void work.finally(() => running.delete(work));
      return work;
    },
    async drain() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
