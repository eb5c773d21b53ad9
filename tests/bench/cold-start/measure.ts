/**
 * Measures one cold start of the built bot as a child process: time from spawn to the first 200 on
 * GET /healthz, then (after it has idled) RSS and heap after a forced GC, and optionally every file
 * it loaded. The child gets a clean environment (no NODE_OPTIONS from tsx or vitest) and a fresh
 * DATA_DIR, so each run is a first start.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./probe.mjs', import.meta.url));

/** How long the bot idles after its first 200 before memory is read. */
const SETTLE_MS = 1_500;
/** Longest a start may take before the run counts as failed. */
const START_TIMEOUT_MS = 30_000;

/** What one run saw. */
export interface ColdStartRun {
  /** Spawn → first 200 on /healthz. */
  readonly msToHealthz: number;
  /** CPU time (user + system) the bot had used by its first 200: less sensitive to other load than wall time. */
  readonly cpuMsToHealthz: number;
  /** Resident set size after startup, the settle time and a forced GC. */
  readonly rssMb: number;
  readonly heapUsedMb: number;
  /** Files (file: URLs) the bot had loaded by then; only when counting was asked for. */
  readonly files?: readonly string[];
  /** Node built-in modules loaded (process.moduleLoadList). */
  readonly builtins: number;
}

export interface ColdStartOptions {
  /** The built entry, e.g. `dist/bot/index.js`. */
  readonly entry: string;
  /** Extra environment (Confluence bootstrap, Slack…); PORT, HOST and DATA_DIR are set here. */
  readonly env?: Readonly<Record<string, string>>;
  /** Count loaded files through a loader hook (slows the start: use a separate run for timing). */
  readonly countModules?: boolean;
  /** Working directory of the child (default: this process's). */
  readonly cwd?: string;
}

interface ProbeReport {
  readonly memory: NodeJS.MemoryUsage;
  readonly files?: string[];
  readonly builtins: number;
}

const MB = 1024 * 1024;
/** USER_HZ: 100 on every Linux the bot targets. */
const CLOCK_TICKS_PER_SECOND = 100;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves with the port from the bot's "listening" log line (pino JSON on stdout). */
function waitForPort(child: ChildProcess, stderr: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no listening line within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.includes('is listening')) return;
      const port = (JSON.parse(line) as { port?: number }).port;
      if (typeof port !== 'number') return;
      clearTimeout(timer);
      resolve(port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code} before listening: ${stderr().slice(0, 500)}`));
    });
  });
}

async function waitForHealthy(port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return;
    await sleep(5);
  }
  throw new Error('/healthz never answered 200');
}

/** User + system CPU milliseconds of a live process, from /proc (Linux); NaN elsewhere. */
async function cpuMsOf(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

async function readProbe(file: string): Promise<ProbeReport> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const text = await readFile(file, 'utf8').catch(() => '');
    const line = text.split('\n').find((l) => l.trim() !== '');
    if (line) return JSON.parse(line) as ProbeReport;
    await sleep(10);
  }
  throw new Error('the memory probe never reported');
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts the bot once and measures it; the child is always stopped and its DATA_DIR removed. */
export async function measureColdStart(options: ColdStartOptions): Promise<ColdStartRun> {
  const dir = await mkdtemp(join(tmpdir(), 'ca-coldstart-'));
  const probeOut = join(dir, 'probe.jsonl');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    ...options.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: join(dir, 'data'),
    COLD_START_PROBE_OUT: probeOut,
    ...(options.countModules ? { COLD_START_COUNT_MODULES: '1' } : {}),
  };
  const started = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', '--import', PROBE, options.entry], {
    env,
    cwd: options.cwd ?? process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  try {
    const port = await waitForPort(child, () => stderr);
    await waitForHealthy(port);
    const msToHealthz = performance.now() - started;
    const cpuMsToHealthz = await cpuMsOf(child.pid);
    await sleep(SETTLE_MS);
    child.kill('SIGUSR2');
    const report = await readProbe(probeOut);
    return {
      msToHealthz,
      cpuMsToHealthz,
      rssMb: report.memory.rss / MB,
      heapUsedMb: report.memory.heapUsed / MB,
      builtins: report.builtins,
      ...(report.files ? { files: report.files } : {}),
    };
  } finally {
    await stop(child);
    await rm(dir, { recursive: true, force: true });
  }
}

/** The median of `values` (mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Groups loaded file URLs by package (`node_modules/<name>` or `@scope/name`), the bot's own as `(bot)`. */
export function filesByPackage(files: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of files) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = match ? match[1]! : '(bot)';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Map([...counts.entries()].sort((a, b) => b[1] - a[1]));
}
