/**
 * Child process for the approvals crash test: the real bot (`createApp`, as `bot/index.ts` builds it)
 * configured from the environment, with the harness's test seams (no expiry timer, no real DNS, short
 * Confluence timeouts). It loads its modules, prints `loaded` and waits for a line `go` on stdin
 * before it opens anything under DATA_DIR, so a test can start the next process while the current
 * one still runs and kill -9 the current one first (a restart without paying for module loading on a
 * loaded machine; the stores are opened only after the kill). Then it listens on 127.0.0.1 (PORT,
 * default any free port) and prints `listening <port>` once /healthz answers, then `ack <seq>` each
 * time an audit append resolved (the entry is durable). Logs go to stderr. Runs until killed
 * (SIGTERM closes it cleanly) or until its stdin closes.
 */
import { createInterface } from 'node:readline';
import type { AuditEntry, AuditEventInput } from '../../bot/audit/types.js';
import { createChildApp } from './child-app.js';

process.stdout.write('loaded\n');
// stdin stays open for the process's life: when the test process goes away, so does the bot.
const lines = createInterface({ input: process.stdin });
lines.on('close', () => process.exit(0));
await new Promise<void>((resolve) => {
  lines.on('line', (line) => {
    if (line.trim() === 'go') resolve();
  });
});

const app = await createChildApp('tests', 3_000);

// Every append of the bot goes through `deps.audit.append` at call time: wrap it to report each
// acknowledged entry. The line is written after the append resolved, so a kill can only lose acks.
const audit = app.audit as { append: (event: AuditEventInput) => Promise<AuditEntry> };
const append = audit.append.bind(app.audit);
audit.append = async (event) => {
  const entry = await append(event);
  process.stdout.write(`ack ${entry.seq}\n`);
  return entry;
};

const port = await app.http.listen(Number(process.env.PORT ?? '0'), '127.0.0.1');
process.stdout.write(`listening ${port}\n`);
process.on('SIGTERM', () => {
  void app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
