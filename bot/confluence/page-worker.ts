import { parentPort } from 'node:worker_threads';
import { answerPageJob, type PageJobMessage, WORKER_READY } from './page-jobs.js';

/**
 * Entry of the page worker started by `convert-off-thread.ts`: answers each posted page job in
 * order. Jobs are synchronous, so one worker runs one job at a time; the parent queues the rest.
 */
parentPort?.on('message', (message: PageJobMessage) => {
  parentPort?.postMessage(answerPageJob(message));
});
parentPort?.postMessage(WORKER_READY);
