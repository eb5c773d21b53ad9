import { parentPort, workerData } from 'node:worker_threads';
import { verifyRange } from './verify-range.js';

/** Worker entry for `verifyAuditDir`: verifies one unanchored slice of segment files and posts the result. */
const { paths, checkpoints, tornTailOk } = workerData as {
  paths: string[];
  checkpoints?: number[];
  tornTailOk?: boolean;
};
parentPort?.postMessage(await verifyRange(paths, undefined, checkpoints ?? [], tornTailOk ?? false));
