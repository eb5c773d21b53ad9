import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';

const RELATIVE_IMPORT = /from\s+'(\.{1,2}\/[^']+)\.js'/g;

/**
 * Transpiles `entry` (a repo-relative .ts path) and every file it reaches through relative imports
 * into a temp directory that links the repo's node_modules, so a child process can start with plain
 * `node` (about 1 s faster per start than `node --import tsx`). Returns the path of the entry's .js.
 * No type checking; throws if a reached file cannot be read.
 */
export async function compileForNode(entry: string, root = process.cwd()): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'audit-build-'));
  await writeFile(join(out, 'package.json'), '{"type":"module"}\n');
  await symlink(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
  const queue = [normalize(entry)];
  const seen = new Set<string>();
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = await readFile(join(root, file), 'utf8');
    for (const match of source.matchAll(RELATIVE_IMPORT)) {
      if (match[1] !== undefined) queue.push(normalize(join(dirname(file), `${match[1]}.ts`)));
    }
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
    });
    const target = join(out, file.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
  return join(out, entry.replace(/\.ts$/, '.js'));
}
