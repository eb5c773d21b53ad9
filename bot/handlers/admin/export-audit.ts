import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AssistantDeps } from '../../assistant/deps.js';

/**
 * Writes the whole audit log as `exports/audit-<timestamp>.json` and `.csv` under `DATA_DIR`
 * (folder 0700, files 0600) and resolves to the shared file stem, `audit-<timestamp>`.
 */
export async function exportAuditLog(deps: Pick<AssistantDeps, 'audit' | 'config' | 'now'>): Promise<string> {
  const stem = `audit-${deps.now().toISOString().replace(/[:.]/g, '-')}`;
  const dir = join(deps.config.dataDir, 'exports');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const json = await deps.audit.exportAll('json');
  const csv = await deps.audit.exportAll('csv');
  await writeFile(join(dir, `${stem}.json`), json, { mode: 0o600 });
  await writeFile(join(dir, `${stem}.csv`), csv, { mode: 0o600 });
  return stem;
}
