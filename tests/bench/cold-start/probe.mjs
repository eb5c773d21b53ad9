// Preloaded (`node --import`) into the bot by the cold-start bench. It adds no modules of the bot's
// own: on SIGUSR2 it forces a full GC (the bot runs with --expose-gc) and writes the process's memory
// and, when module counting is on, the files loaded so far, as one JSON line to COLD_START_PROBE_OUT.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const out = process.env.COLD_START_PROBE_OUT;
const esmFiles = new Set();

if (process.env.COLD_START_COUNT_MODULES === '1') {
  // ESM files are seen by a load hook (it runs on the loader thread and posts each URL here);
  // CommonJS files are read from require.cache when the report is written.
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => esmFiles.add(url));
  port1.unref();
  register('./count-hooks.mjs', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
}

function report() {
  globalThis.gc?.();
  globalThis.gc?.();
  const cjsFiles = Object.keys(createRequire(import.meta.url).cache).map((path) => `file://${path}`);
  const files = new Set([...esmFiles, ...cjsFiles].filter((url) => url.startsWith('file:')));
  const line = {
    memory: process.memoryUsage(),
    files: process.env.COLD_START_COUNT_MODULES === '1' ? [...files] : undefined,
    builtins: process.moduleLoadList.filter((name) => name.startsWith('NativeModule ')).length,
  };
  if (out) appendFileSync(out, `${JSON.stringify(line)}\n`);
}

process.on('SIGUSR2', report);
