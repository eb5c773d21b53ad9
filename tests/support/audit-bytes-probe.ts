/**
 * Child process for the bytes-per-append test: in the data directory given as the first argument,
 * appends 1,000 entries one at a time to a fresh log and prints, as one JSON line, the bytes each
 * append wrote at open-segment fills 1, 10, 100, 999 and 1,000 (`measureAppendBytes`), or `null`
 * without /proc/self/io. Runs alone in its process so nothing else's writes are counted.
 */

import { measureAppendBytes } from './audit-append-bytes.js';
import { buildAuditEvent } from './audit-fixtures.js';

const dataDir = process.argv[2];
if (dataDir === undefined) {
  process.stderr.write('usage: audit-bytes-probe <dataDir>\n');
  process.exit(2);
}
const measured = await measureAppendBytes(dataDir, [1, 10, 100, 999, 1_000], (i) =>
  buildAuditEvent({ target: { spaceKey: 'ENG', pageId: String(100_000 + i), title: `Runbook ${i}` } }),
);
process.stdout.write(`${JSON.stringify(measured ?? null)}\n`);
