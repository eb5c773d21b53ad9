import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../bot/app.js';
import { openAuditLog } from '../../bot/audit/audit-log.js';
import { loadConfig } from '../../bot/config.js';
import { isAppError } from '../../bot/errors.js';
import { createSilentLogger } from '../../bot/logger.js';
import { buildAuditEvent } from '../support/audit-fixtures.js';
import { harnessEnv } from '../support/harness.js';
import { CAN_LIST_OPEN_FILES, listOpenFilesUnder } from '../support/open-files.js';

/** A startup that fails on a corrupt store must not leave files of DATA_DIR open behind it. */
describe('createApp failing on a corrupt store', () => {
  let dataDir: string | undefined;
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  it.runIf(CAN_LIST_OPEN_FILES)('keeps no audit segment open once it has thrown', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'startup-failure-'));
    // A chain from before anchors: opening it with the key anchors it and appends (opening the segment).
    const old = await openAuditLog({ dataDir });
    await old.append(buildAuditEvent());
    await old.close();
    await writeFile(join(dataDir, 'people.json'), '{"people": [', { mode: 0o600 });
    const config = loadConfig(harnessEnv('http://127.0.0.1:9', dataDir));

    await expect(createApp(config, createSilentLogger())).rejects.toSatisfy(
      (error: unknown) => isAppError(error, 'STORE_CORRUPT') && /people\.json/.test((error as Error).message),
    );
    expect(await listOpenFilesUnder(dataDir)).toEqual([]);
  });
});
