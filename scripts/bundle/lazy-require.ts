import { relative } from 'node:path';
import type { Plugin } from 'esbuild';

/*
 * Defers CommonJS modules that a dependency requires at load time but uses only inside functions
 * the bot never calls. teams-ai's Application loads its user-authentication classes eagerly, and
 * they load botbuilder-dialogs, whose prompts load the Microsoft text recognizers (number, date-time,
 * choice: megabytes of regular expressions): about half the CPU of a cold start, for sign-in
 * dialogs the bot does not use. In the bundle such a `require` returns a stand-in that loads the
 * real module on first use (a property read, `in`, key listing), so nothing changes for code that
 * does use it, except when it loads.
 */

/** One deferral: `specifier` when required from a file whose path contains `importerPath`. */
export interface LazyRequire {
  readonly specifier: string;
  readonly importerPath: string;
  /**
   * Leave the module out of the bundle: the stand-in requires it from node_modules on first use, so
   * its code is not even parsed at startup. Only for a package nothing else in the bundle imports
   * (it brings its own copies of what it requires when it loads).
   */
  readonly external?: boolean;
}

const NAMESPACE = 'lazy-require';

/** The stand-in module: a Proxy over the real exports, which are required on first use. */
function standIn(specifier: string): string {
  return [
    'let real;',
    `const load = () => (real ??= require(${JSON.stringify(specifier)}));`,
    'module.exports = new Proxy({}, {',
    '  get: (_target, key) => load()[key],',
    '  has: (_target, key) => key in load(),',
    '  ownKeys: () => Reflect.ownKeys(load()),',
    '  getOwnPropertyDescriptor: (_target, key) => {',
    '    const descriptor = Object.getOwnPropertyDescriptor(load(), key);',
    '    return descriptor && { ...descriptor, configurable: true };',
    '  },',
    '});',
  ].join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An esbuild plugin deferring each of `deferrals` (see the note at the top of this file). */
export function lazyRequirePlugin(deferrals: readonly LazyRequire[]): Plugin {
  const specifiers = [...new Set(deferrals.map((d) => d.specifier))];
  const filter = new RegExp(`^(${specifiers.map(escapeRegExp).join('|')})$`);
  return {
    name: 'lazy-require',
    setup(build) {
      const root = build.initialOptions.absWorkingDir ?? process.cwd();
      build.onResolve({ filter, namespace: 'file' }, (args) => {
        const deferred = deferrals.some(
          (d) => d.specifier === args.path && args.importer.includes(d.importerPath),
        );
        if (!deferred || args.kind !== 'require-call') return undefined;
        return {
          path: `${relative(root, args.importer)}::${args.path}`,
          namespace: NAMESPACE,
          pluginData: { specifier: args.path, resolveDir: args.resolveDir },
        };
      });
      // The stand-in's own require of an external deferral: left to Node at run time.
      build.onResolve({ filter, namespace: NAMESPACE }, (args) =>
        deferrals.some((d) => d.specifier === args.path && d.external)
          ? { path: args.path, external: true }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const data = args.pluginData as { specifier: string; resolveDir: string };
        return { contents: standIn(data.specifier), loader: 'js', resolveDir: data.resolveDir };
      });
    },
  };
}
