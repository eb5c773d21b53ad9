/**
 * Child process for the soak benchmark: the real bot (`createApp`, as `bot/index.ts` builds it)
 * configured from the environment, with the harness's test seams (no expiry timer, no real DNS,
 * short Confluence timeouts), plus a memory probe on the IPC channel, so the production server
 * gets no such endpoint. Start it with `--expose-gc` and an IPC channel. Prints `listening <port>`
 * when it serves. IPC messages:
 * - `{ type: 'sample' }` → runs `gc()` twice and answers `{ type: 'sample', memory }` with
 *   `process.memoryUsage()` right after;
 * - `{ type: 'snapshot', path }` → writes a heap snapshot there, answers `{ type: 'snapshot', path }`.
 * SIGTERM or a closed IPC channel closes the app and exits.
 */
import { writeHeapSnapshot } from 'node:v8';
import { createChildApp } from './child-app.js';

/** A request from the bench process. */
type ProbeRequest = { readonly type: 'sample' } | { readonly type: 'snapshot'; readonly path: string };

const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) {
  process.stderr.write('soak-bot: start with --expose-gc\n');
  process.exit(2);
}
if (process.send === undefined) {
  process.stderr.write('soak-bot: start with an IPC channel\n');
  process.exit(2);
}
const send = process.send.bind(process);

const app = await createChildApp('the soak', 5_000);

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);

process.on('message', (message: ProbeRequest) => {
  if (message.type === 'sample') {
    // Two collections: the first may only queue finalizers whose memory the second frees.
    collect();
    collect();
    send({ type: 'sample', memory: process.memoryUsage() });
  } else if (message.type === 'snapshot') {
    collect();
    send({ type: 'snapshot', path: writeHeapSnapshot(message.path) });
  }
});

const port = await app.http.listen(Number(process.env.PORT ?? '0'), '127.0.0.1');
send({ type: 'listening', port });
process.stdout.write(`listening ${port}\n`);
