import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AppendBytes } from '../../support/audit-append-bytes.js';
import { compileForNode } from '../../support/audit-compile-writer.js';
import { makeDataDir } from '../../support/audit-fixtures.js';

const run = promisify(execFile);

describe('bytes written per append', () => {
  it.skipIf(!existsSync('/proc/self/io'))(
    'stay under 2 KiB for a normal entry, about the entry itself, whatever the open segment holds',
    async () => {
      const probe = await compileForNode('tests/support/audit-bytes-probe.ts');
      const { stdout } = await run(process.execPath, [probe, await makeDataDir('audit-bytes-')]);
      const rows = JSON.parse(stdout) as AppendBytes[];
      expect(rows.map((row) => row.fill)).toEqual([1, 10, 100, 999, 1_000]);
      for (const row of rows) {
        expect(row.bytes, `fill ${row.fill}`).toBeLessThanOrEqual(2_048);
        expect(row.bytes, `fill ${row.fill}`).toBeGreaterThanOrEqual(row.entryBytes);
        // Separator, closing, the new file's header (fill 1), and libuv's 8-byte thread-pool wake-ups.
        expect(row.bytes - row.entryBytes, `fill ${row.fill}`).toBeLessThanOrEqual(128);
      }
    },
    120_000,
  );
});
