/**
 * The two builds the cold-start bench compares, each in a scratch folder under dist/ (inside the
 * repository, so node_modules and cards/ are found as in `npm start`): the esbuild bundle that
 * `npm run build` makes, and the plain `tsc` output that `npm run build` produced before it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { buildBundle, ROOT_DIR } from '../../../scripts/build.js';

/** A build ready to start. */
export interface Artefact {
  readonly label: string;
  /** The entry `node` runs. */
  readonly entry: string;
  /** esbuild's metafile (bundle only). */
  readonly metafile?: Metafile;
  /** Removes the scratch folder. */
  remove(): Promise<void>;
}

const SCRATCH = join(ROOT_DIR, 'dist', '.bench-cold-start');

export async function buildBundled(): Promise<Artefact> {
  const outDir = join(SCRATCH, 'bundle');
  const { metafile } = await buildBundle(outDir);
  return {
    label: 'esbuild bundle (`npm run build`)',
    entry: join(outDir, 'index.js'),
    metafile,
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}

/** The former build: `tsc -p tsconfig.build.json`, one .js file per source file. */
export async function buildTsc(): Promise<Artefact> {
  const outDir = join(SCRATCH, 'tsc');
  await rm(outDir, { recursive: true, force: true });
  const tsc = join(ROOT_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], {
    cwd: ROOT_DIR,
    encoding: 'utf8',
  });
  const entry = join(outDir, 'bot', 'index.js');
  // tsc emits even with type errors (work in progress elsewhere in the tree); only a missing entry fails.
  if (!existsSync(entry)) throw new Error(`tsc produced no ${entry}: ${result.stdout}${result.stderr}`);
  return {
    label: 'tsc output (the former build)',
    entry,
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}

/** Source modules in the bundle files loaded at startup (the entry and its static imports). */
export function startupModules(
  metafile: Metafile,
  entryName = 'index.js',
): { files: number; modules: number } {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((path) => path.endsWith(`/${entryName}`));
  const seen = new Set<string>();
  const queue = entry ? [entry] : [];
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const imported of outputs[path]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) queue.push(imported.path);
  }
  const modules = [...seen].reduce((sum, path) => sum + Object.keys(outputs[path]?.inputs ?? {}).length, 0);
  return { files: seen.size, modules };
}
