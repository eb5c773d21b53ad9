import { parentPort } from 'node:worker_threads';
import { answerPageJob, type PageJobMessage, WORKER_READY } from '../../../bot/confluence/page-jobs.js';

/**
 * A page worker that misbehaves on request, for the converter's failure tests: a page containing
 * `<!--hang-->` never answers (a stuck job), `<!--die-->` ends the thread; anything else is answered
 * by the real job runner.
 */
parentPort?.on('message', (message: PageJobMessage) => {
  const storage = message.job.kind === 'plan-edit' ? message.job.input.storage : message.job.storage;
  if (storage.includes('<!--hang-->')) return;
  if (storage.includes('<!--die-->')) process.exit(3);
  parentPort?.postMessage(answerPageJob(message));
});
parentPort?.postMessage(WORKER_READY);
