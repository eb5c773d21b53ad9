import { chmod, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openJsonDocument } from '../../../bot/stores/json-document.js';
import { secureDataDir } from '../../../bot/stores/secure-data-dir.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

describe('secureDataDir', () => {
  it('repairs an existing DATA_DIR: directories 0700, store files, audit segments and exports 0600', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ca-modes-'));
    dirs.push(root);
    const dataDir = join(root, 'data');
    await mkdir(join(dataDir, 'audit'), { recursive: true });
    await mkdir(join(dataDir, 'exports'), { recursive: true });
    const files = [
      'settings.json',
      'people.json',
      'connectors.json',
      'approvals.json',
      join('audit', 'segment-000001.json'),
      join('exports', 'audit-1.csv'),
    ];
    for (const file of files) await writeFile(join(dataDir, file), '{}', { mode: 0o644 });
    for (const dir of ['', 'audit', 'exports']) await chmod(join(dataDir, dir), 0o755);
    const outside = join(root, 'outside.txt');
    await writeFile(outside, 'x', { mode: 0o644 });
    await symlink(outside, join(dataDir, 'link.txt'));

    const result = await secureDataDir(dataDir);
    expect(result).toEqual({ directories: 3, files: files.length });
    for (const dir of ['', 'audit', 'exports']) expect(await modeOf(join(dataDir, dir))).toBe(0o700);
    for (const file of files) expect(await modeOf(join(dataDir, file))).toBe(0o600);
    expect(await modeOf(outside)).toBe(0o644);
    expect(await secureDataDir(dataDir)).toEqual({ directories: 0, files: 0 });
  });

  it('creates a missing DATA_DIR with mode 0700', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ca-modes-'));
    dirs.push(root);
    await secureDataDir(join(root, 'fresh'));
    expect(await modeOf(join(root, 'fresh'))).toBe(0o700);
  });
});

describe('openJsonDocument file modes', () => {
  it('writes 0600 by default and repairs an existing 0644 file on open', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ca-modes-'));
    dirs.push(root);
    const schema = z.object({ n: z.number() });
    const file = join(root, 'settings.json');
    await writeFile(file, '{"n":1}', { mode: 0o644 });
    const doc = await openJsonDocument(file, schema, { n: 0 });
    expect(await modeOf(file)).toBe(0o600);
    await chmod(file, 0o644);
    await doc.update((d) => {
      d.n = 2;
    });
    expect(await modeOf(file)).toBe(0o600);
    const fresh = join(root, 'people.json');
    const other = await openJsonDocument(fresh, schema, { n: 0 });
    await other.update((d) => {
      d.n = 1;
    });
    expect(await modeOf(fresh)).toBe(0o600);
  });
});
