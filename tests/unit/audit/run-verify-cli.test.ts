import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../bot/audit/audit-log.js';
import { runVerifyCli } from '../../../bot/audit/run-verify-cli.js';
import { segmentFileName } from '../../../bot/audit/segment-format.js';
import { buildAuditEvent, makeDataDir } from '../../support/audit-fixtures.js';

async function dataDirWithEntries(count: number): Promise<string> {
  const dataDir = await makeDataDir('audit-cli-');
  const log = await openAuditLog({ dataDir, segmentMaxEntries: 2 });
  await Promise.all(Array.from({ length: count }, () => log.append(buildAuditEvent())));
  await log.close();
  return dataDir;
}

describe('runVerifyCli', () => {
  it('exits 0 with a summary line and an anchor line for an intact chain (--data-dir)', async () => {
    const dataDir = await dataDirWithEntries(5);
    const result = await runVerifyCli(['--data-dir', dataDir], {});
    expect(result.exitCode).toBe(0);
    expect(result.output).toMatch(
      /^audit:verify: OK — 5 entries in 3 segments, chain intact, head [0-9a-f]{64}/,
    );
    expect(result.output.split('\n')).toHaveLength(2);
  });

  it('uses DATA_DIR when no flag is given, and --data-dir=DIR form', async () => {
    const dataDir = await dataDirWithEntries(1);
    await expect(runVerifyCli([], { DATA_DIR: dataDir })).resolves.toMatchObject({ exitCode: 0 });
    await expect(runVerifyCli([`--data-dir=${dataDir}`], {})).resolves.toMatchObject({ exitCode: 0 });
  });

  it('exits 1 naming the first broken seq and file', async () => {
    const dataDir = await dataDirWithEntries(5);
    const file = join(dataDir, 'audit', segmentFileName(2));
    await writeFile(file, '{"entries":[]}');
    const result = await runVerifyCli(['--data-dir', dataDir], {});
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('BROKEN at seq 3');
    expect(result.output).toContain(join(dataDir, 'audit', segmentFileName(3)));
  });

  it('exits 1 when there is no audit directory and 2 for bad arguments', async () => {
    const dataDir = await makeDataDir();
    await expect(runVerifyCli(['--data-dir', dataDir], {})).resolves.toMatchObject({ exitCode: 1 });
    await expect(runVerifyCli(['--bogus'], {})).resolves.toMatchObject({ exitCode: 2 });
    await expect(runVerifyCli(['--data-dir'], {})).resolves.toMatchObject({ exitCode: 2 });
  });
});
