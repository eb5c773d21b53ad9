import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyRequirePlugin } from '../../../scripts/bundle/lazy-require.js';

/** The build's lazy-require plugin on a tiny package tree: what loads when, bundled or external. */

interface Loaded {
  /** How many times the deferred module's body ran. */
  loads(): number;
  /** The importer's `use()`: reads the deferred module's export. */
  use(): number;
  keys(): string[];
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ca-lazy-require-'));
  await mkdir(join(dir, 'node_modules', 'heavy'), { recursive: true });
  await mkdir(join(dir, 'lib'));
  await writeFile(
    join(dir, 'node_modules', 'heavy', 'index.js'),
    'globalThis.__heavyLoads = (globalThis.__heavyLoads ?? 0) + 1;\nexports.answer = 42;\n',
  );
  // Like teams-ai: required at load time, used only inside a function.
  await writeFile(
    join(dir, 'lib', 'user.js'),
    "const heavy = require('heavy');\nexports.use = () => heavy.answer;\nexports.keys = () => Object.keys(heavy);\n",
  );
  await writeFile(join(dir, 'entry.js'), "module.exports = require('./lib/user.js');\n");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function bundleAndRun(external: boolean): Promise<Loaded> {
  const result = await build({
    absWorkingDir: dir,
    entryPoints: ['entry.js'],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    logLevel: 'silent',
    plugins: [lazyRequirePlugin([{ specifier: 'heavy', importerPath: '/lib/', external }])],
  });
  const code = result.outputFiles[0]!.text;
  (globalThis as { __heavyLoads?: number }).__heavyLoads = 0;
  const module = { exports: {} as Record<string, () => unknown> };
  // The bundle's own `require` for externals resolves from the package tree, as Node would.
  new Function('module', 'exports', 'require', code)(
    module,
    module.exports,
    createRequire(join(dir, 'x.js')),
  );
  return {
    loads: () => (globalThis as { __heavyLoads?: number }).__heavyLoads ?? 0,
    use: () => module.exports.use!() as number,
    keys: () => module.exports.keys!() as string[],
  };
}

describe('lazyRequirePlugin', () => {
  for (const external of [false, true]) {
    it(`${external ? 'external' : 'bundled'}: the module loads on first use, once, and behaves as itself`, async () => {
      const loaded = await bundleAndRun(external);
      expect(loaded.loads()).toBe(0);
      expect(loaded.use()).toBe(42);
      expect(loaded.loads()).toBe(1);
      expect(loaded.keys()).toEqual(['answer']);
      expect(loaded.use()).toBe(42);
      expect(loaded.loads()).toBe(1);
    });
  }

  it('leaves requires from other importers alone (loaded at once)', async () => {
    const result = await build({
      absWorkingDir: dir,
      entryPoints: ['entry.js'],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      logLevel: 'silent',
      plugins: [lazyRequirePlugin([{ specifier: 'heavy', importerPath: '/elsewhere/' }])],
    });
    expect(result.outputFiles[0]!.text).not.toContain('lazy-require');
  });
});
