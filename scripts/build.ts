import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
import { type LazyRequire, lazyRequirePlugin } from './bundle/lazy-require.js';

/**
 * `npm run build`: bundles the server with esbuild into `dist/bot/` (or `--outdir DIR`):
 * `index.js` (the entry `npm start` runs), `page-worker.js` and `verify-worker.js` (the worker
 * threads; convert-off-thread.ts and verify-chain.ts find them beside the code that starts them, so
 * every output file lands in the one folder) and shared chunks, which `import()` loads only when a
 * lazily used part (the Slack edge) is first needed. Type checking stays with `npm run typecheck`.
 */

export const ROOT_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Packages left out of the bundle and loaded from node_modules at run time, each for a reason:
 * - `pino`: its transports and `thread-stream` start worker threads from files inside the package.
 * - `dtrace-provider` (restify's optional tracing): a native addon, picked by a computed path.
 * - `restify`: its body reader calls the deprecated `new Buffer()`; Node warns (DEP0005) on every
 *   such call outside node_modules, so bundled it would print a deprecation warning at the first
 *   request.
 */
export const EXTERNAL_PACKAGES: readonly string[] = ['pino', 'dtrace-provider', 'restify'];

/**
 * The bundle is ESM, but many dependencies are CommonJS and call `require` (for Node built-ins and
 * each other's JSON): give every output file a real `require` bound to its own location.
 */
const REQUIRE_BANNER = [
  "import { createRequire as __bundleCreateRequire } from 'node:module';",
  'const require = __bundleCreateRequire(import.meta.url);',
].join('\n');

/** `@microsoft/teams-ai` → scripts/bundle/teams-ai-slim.ts (why: see that file). */
const teamsAiSlim: Plugin = {
  name: 'teams-ai-slim',
  setup(pluginBuild) {
    const slim = join(ROOT_DIR, 'scripts', 'bundle', 'teams-ai-slim.ts');
    pluginBuild.onResolve({ filter: /^@microsoft\/teams-ai$/ }, () => ({ path: slim }));
  },
};

/**
 * Modules loaded on first use instead of at startup (see scripts/bundle/lazy-require.ts): teams-ai's
 * sign-in classes need botbuilder-dialogs (and through it the text recognizers) only when a sign-in
 * dialog runs, which this bot never configures. botbuilder-dialogs is also left out of the bundle:
 * bundled, its 5.6 MB (with the recognizers) would still be parsed at every start. Nothing else
 * imports it; if a sign-in dialog is ever configured, it loads from node_modules with its own copy
 * of botbuilder-core (then bundle it instead: drop `external`).
 */
const TEAMS_AI_LIB = '/node_modules/@microsoft/teams-ai/lib/';
const LAZY_REQUIRES: readonly LazyRequire[] = [
  { specifier: 'botbuilder-dialogs', importerPath: TEAMS_AI_LIB, external: true },
  { specifier: './TeamsBotSsoPrompt', importerPath: TEAMS_AI_LIB },
];

/**
 * Rewrites every non-ASCII character of an output file as a `\uXXXX` escape (esbuild leaves some in
 * comments and regular expressions). V8 keeps a script's whole source in memory for lazy compilation,
 * and one non-ASCII character makes it a two-byte string: twice the memory for the 8 MB entry. The
 * escape means the same character in strings, templates, regular expressions and identifiers (only
 * `String.raw` would see the difference).
 */
async function asciiOnly(file: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!/[\u0080-\uffff]/.test(text)) return;
  // `\é` would become `\\u00e9` (a backslash, then text): refuse rather than change a meaning.
  if (/\\[\u0080-\uffff]/.test(text)) throw new Error(`${file}: a backslash before a non-ASCII character`);
  const escaped = text.replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  await writeFile(file, escaped);
}

/** What a build produced, for the benchmark's module counts. */
export interface BuildResult {
  readonly outDir: string;
  readonly metafile: Metafile;
}

/** Bundles the bot into `outDir` (emptied first) and writes esbuild's metafile beside it as `meta.json`. */
export async function buildBundle(outDir: string = join(ROOT_DIR, 'dist', 'bot')): Promise<BuildResult> {
  await rm(outDir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT_DIR,
    entryPoints: {
      index: 'bot/index.ts',
      'page-worker': 'bot/confluence/page-worker.ts',
      'verify-worker': 'bot/audit/verify-worker.ts',
    },
    outdir: outDir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    metafile: true,
    external: [...EXTERNAL_PACKAGES],
    banner: { js: REQUIRE_BANNER },
    plugins: [teamsAiSlim, lazyRequirePlugin(LAZY_REQUIRES)],
    logLevel: 'warning',
  });
  const scripts = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
  await Promise.all(scripts.map((file) => asciiOnly(resolve(ROOT_DIR, file))));
  await writeFile(join(outDir, 'meta.json'), JSON.stringify(result.metafile));
  return { outDir, metafile: result.metafile };
}

function outDirFromArgs(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--outdir');
  const value = index >= 0 ? argv[index + 1] : undefined;
  return value ? resolve(value) : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const { outDir, metafile } = await buildBundle(outDirFromArgs(process.argv.slice(2)));
  const outputs = Object.keys(metafile.outputs).filter((file) => file.endsWith('.js'));
  process.stdout.write(
    `Bundled ${Object.keys(metafile.inputs).length} modules into ${outputs.length} files in ${relative(ROOT_DIR, outDir) || '.'} (${Date.now() - started} ms)\n`,
  );
}
