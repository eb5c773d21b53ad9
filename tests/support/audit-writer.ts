/**
 * Child process for the audit crash test: opens the audit log in the data directory given as the first
 * argument (segment size as the optional second, the anchor key in hex as the optional third), prints
 * `ready`, then appends continuously from
 * several concurrent writers and prints `ack <seq>` for every acknowledged append. Runs until killed.
 */
import { openAuditLog } from '../../bot/audit/audit-log.js';

const dataDir = process.argv[2];
if (dataDir === undefined) {
  process.stderr.write('usage: audit-writer <dataDir> [segmentMaxEntries]\n');
  process.exit(2);
}
const anchorKeyHex = process.argv[4];
const log = await openAuditLog({
  dataDir,
  segmentMaxEntries: Number(process.argv[3] ?? '25'),
  ...(anchorKeyHex ? { anchorKey: Buffer.from(anchorKeyHex, 'hex'), anchorEveryEntries: 40 } : {}),
});
process.stdout.write('ready\n');

async function writeForever(writer: number): Promise<void> {
  for (let n = 0; ; n++) {
    const entry = await log.append({
      actor: { id: `29:writer-${writer}`, name: `Writer ${writer}` },
      conversationId: `conv-${writer}`,
      connector: 'default',
      operation: n % 2 === 0 ? 'search' : 'update',
      target: { spaceKey: 'ENG', pageId: String(n), title: `Crash test ${writer}/${n}` },
      decision: 'allowed',
      outcome: 'ok',
      details: { pid: process.pid, n },
    });
    process.stdout.write(`ack ${entry.seq}\n`);
  }
}

await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(writeForever));
