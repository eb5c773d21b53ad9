/**
 * Counts the bytes this process writes to files, per file, by wrapping the `node:fs` write calls the
 * bot's stores use: `fs.promises.open` (to learn each handle's path) with the handle's `write`,
 * `writev`, `writeFile` and `appendFile`, and the path-based `fs.promises.writeFile`/`appendFile`
 * and `fs.writeFileSync`/`appendFileSync`. Unlike /proc/self/io `wchar`, socket writes (the HTTP
 * traffic of a test) are not counted, so a whole chat turn can be measured in the test process.
 * Temp files (`.name.tmp`, `name.tmp-…`) are counted under the file they replace.
 */
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { basename, dirname, join } from 'node:path';

/** Bytes written per file (path as given, temp names mapped to their target). */
export type WrittenBytes = Map<string, number>;

/** The key under which writes through a handle of unknown path are counted. */
export const UNKNOWN_FILE = '(a file opened before the meter started)';

/** A running meter; `stop` restores the original functions. */
export interface FileWriteMeter {
  /** Bytes written per file since the meter started (or since the last `reset`). */
  snapshot(): WrittenBytes;
  /** Sum of `snapshot()`. */
  total(): number;
  reset(): void;
  stop(): void;
}

/** Names temp files by the file they replace: steno's `.x.json.tmp`, ours `x.json.tmp-…` / `x.tmp`. */
export function targetOf(path: string): string {
  const name = basename(path);
  const steno = /^\.(.+)\.tmp$/.exec(name);
  if (steno?.[1]) return join(dirname(path), steno[1]);
  const ours = /^(.+?)\.tmp(?:-[\w.-]*)?$/.exec(name);
  if (ours?.[1]) return join(dirname(path), ours[1]);
  return path;
}

function byteLengthOf(data: unknown, encoding?: unknown): number {
  if (typeof data === 'string') {
    return Buffer.byteLength(data, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  }
  if (ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/** Length a `handle.write(buffer, offset, length)` call asks for (or the whole buffer/string). */
function writeCallBytes(args: unknown[]): number {
  const [data, second, third] = args;
  if (typeof data === 'string') return byteLengthOf(data, typeof third === 'string' ? third : undefined);
  if (ArrayBuffer.isView(data)) {
    if (typeof third === 'number') return third;
    if (typeof second === 'number') return data.byteLength - second;
    return data.byteLength;
  }
  return 0;
}

type AnyFn = (...args: unknown[]) => unknown;

/** Starts counting. Only one meter may run at a time in a process. */
export async function startFileWriteMeter(): Promise<FileWriteMeter> {
  const counts: WrittenBytes = new Map();
  const paths = new WeakMap<object, string>();
  const add = (path: unknown, bytes: number) => {
    if (bytes <= 0) return;
    // A handle opened before the meter started has no known path: counted, not dropped.
    const key = typeof path === 'string' ? targetOf(path) : UNKNOWN_FILE;
    counts.set(key, (counts.get(key) ?? 0) + bytes);
  };
  const restore: (() => void)[] = [];
  const patch = (target: Record<string, unknown>, name: string, wrap: (original: AnyFn) => AnyFn) => {
    const original = target[name] as AnyFn;
    target[name] = wrap(original);
    restore.push(() => {
      target[name] = original;
    });
  };

  const probe = await fs.promises.open(process.execPath, 'r');
  const handleProto = Object.getPrototypeOf(probe) as Record<string, unknown>;
  await probe.close();

  const promises = fs.promises as unknown as Record<string, unknown>;
  patch(promises, 'open', (original) => async (...args) => {
    const handle = (await original(...args)) as FileHandle;
    if (typeof args[0] === 'string') paths.set(handle, args[0]);
    return handle;
  });
  patch(
    handleProto,
    'write',
    (original) =>
      function (this: object, ...args: unknown[]) {
        add(paths.get(this), writeCallBytes(args));
        return original.apply(this, args);
      },
  );
  patch(
    handleProto,
    'writev',
    (original) =>
      function (this: object, ...args: unknown[]) {
        const buffers = (args[0] as ArrayBufferView[]) ?? [];
        add(
          paths.get(this),
          buffers.reduce((sum, b) => sum + b.byteLength, 0),
        );
        return original.apply(this, args);
      },
  );
  for (const name of ['writeFile', 'appendFile']) {
    patch(
      handleProto,
      name,
      (original) =>
        function (this: object, ...args: unknown[]) {
          add(paths.get(this), byteLengthOf(args[0], optionEncoding(args[1])));
          return original.apply(this, args);
        },
    );
    patch(promises, name, (original) => (...args) => {
      add(args[0], byteLengthOf(args[1], optionEncoding(args[2])));
      return original(...args);
    });
  }
  const sync = fs as unknown as Record<string, unknown>;
  for (const name of ['writeFileSync', 'appendFileSync']) {
    patch(sync, name, (original) => (...args) => {
      add(args[0], byteLengthOf(args[1], optionEncoding(args[2])));
      return original(...args);
    });
  }
  syncBuiltinESMExports();

  return {
    snapshot: () => new Map(counts),
    total: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
    reset: () => counts.clear(),
    stop() {
      for (const undo of restore.reverse()) undo();
      restore.length = 0;
      syncBuiltinESMExports();
    },
  };
}

function optionEncoding(options: unknown): string | undefined {
  if (typeof options === 'string') return options;
  if (options && typeof options === 'object' && 'encoding' in options) {
    const encoding = (options as { encoding?: unknown }).encoding;
    return typeof encoding === 'string' ? encoding : undefined;
  }
  return undefined;
}
