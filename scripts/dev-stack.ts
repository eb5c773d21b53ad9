import { type ChildProcess, spawn } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ConfluenceSimulator,
  startConfluenceSimulator,
} from '../tests/support/confluence-simulator/index.js';

/** Repository root (this file lives in `<root>/scripts`). */
export const ROOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The project's loopback-only network guard, preloaded into every child the stack starts. */
export const LOOPBACK_GUARD = join(ROOT_DIR, 'scripts', 'loopback-guard.cjs');

/** Default ports: the bot (Contract 1), the simulator (`npm run simulator`), the Playground's own default. */
export const DEFAULT_PORTS = { bot: 3978, simulator: 8090, playground: 56150 } as const;

/** Options of {@link startDevStack}. Ports 0 mean "any free port" (the simulator and the bot report theirs). */
export interface DevStackOptions {
  /** Where the bot keeps its stores; the Playground runs in `<dataDir>/playground`. */
  readonly dataDir: string;
  readonly botPort?: number;
  readonly simulatorPort?: number;
  readonly playgroundPort?: number;
  /** Extra bot environment, applied last (wins over everything). */
  readonly botEnv?: Readonly<Record<string, string>>;
  /** Receives every output line of the children, prefixed with `[bot]` or `[playground]`. */
  readonly onLog?: (line: string) => void;
  /** How long to wait for each part to become ready (default 60 s). */
  readonly readyTimeoutMs?: number;
}

/** A running stack. `stop()` is idempotent and never throws. */
export interface DevStack {
  readonly simulator: ConfluenceSimulator;
  /** e.g. `http://127.0.0.1:3978` (append `/api/messages` or `/healthz`). */
  readonly botUrl: string;
  /** The page to open in a browser, e.g. `http://localhost:56150`. */
  readonly playgroundUrl: string;
  /** Resolves with a description when any child exits before `stop()` was called. */
  readonly unexpectedExit: Promise<string>;
  stop(): Promise<void>;
}

interface ManagedChild {
  readonly name: string;
  readonly process: ChildProcess;
  readonly exited: Promise<void>;
}

function forwardLines(child: ChildProcess, name: string, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(`[${name}] ${line}`);
    });
  }
}

function spawnManaged(
  name: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  onLine: (line: string) => void,
): ManagedChild {
  const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  forwardLines(child, name, onLine);
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  return { name, process: child, exited };
}

async function stopChild(child: ManagedChild, graceMs = 5_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** Asks the OS for a free TCP port on 127.0.0.1 (closed again before returning). */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/**
 * Polls `url` until it answers 200, failing early when `child` exits. Throws an Error naming `what`
 * after `timeoutMs`.
 */
async function waitForHttp(url: string, what: string, child: ManagedChild, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${what} exited before it was ready (exit code ${child.process.exitCode}).`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  throw new Error(`${what} was not ready at ${url} after ${Math.round(timeoutMs / 1000)} s.`);
}

/** Resolves with the first capture of `pattern` in the child's stdout; rejects on exit or timeout. */
function waitForOutput(
  child: ManagedChild,
  pattern: RegExp,
  what: string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolveMatch, reject) => {
    let seen = '';
    const onData = (chunk: Buffer | string): void => {
      seen = (seen + chunk.toString()).slice(-4_000);
      const match = pattern.exec(seen);
      if (match) {
        cleanup();
        resolveMatch(match[1] ?? match[0]);
      }
    };
    const onExit = (): void => {
      cleanup();
      reject(new Error(`${what} exited before it was ready (exit code ${child.process.exitCode}).`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${what} did not report readiness within ${Math.round(timeoutMs / 1000)} s.`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      child.process.stdout?.off('data', onData);
      child.process.off('exit', onExit);
    };
    child.process.stdout?.on('data', onData);
    child.process.once('exit', onExit);
  });
}

/** Path of the Playground's CLI inside node_modules (throws if the devDependency is missing). */
export function resolvePlaygroundCli(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@microsoft/m365agentsplayground/package.json');
  return join(dirname(manifest), 'cli.js');
}

/** NODE_OPTIONS that preload the loopback guard, keeping whatever options the caller already had. */
export function withLoopbackGuard(existing: string | undefined): string {
  return [existing, `--require ${JSON.stringify(LOOPBACK_GUARD)}`].filter(Boolean).join(' ');
}

/**
 * Environment for the bot child: the caller's environment, `env/.env.local` defaults (read by the bot
 * itself through APP_ENV=local), then the stack's fixed overrides: loopback host, the simulator URL,
 * DATA_DIR, and auth off (the Playground sends no Authorization header), then `extra`.
 */
export function buildBotEnv(
  base: NodeJS.ProcessEnv,
  parts: { port: number; simulatorUrl: string; dataDir: string },
  extra: Readonly<Record<string, string>> = {},
): NodeJS.ProcessEnv {
  return {
    ...base,
    APP_ENV: 'local',
    NODE_ENV: 'development',
    PORT: String(parts.port),
    HOST: '127.0.0.1',
    DATA_DIR: parts.dataDir,
    BOT_ID: '',
    BOT_PASSWORD: '',
    CONFLUENCE_SITE_URL: parts.simulatorUrl,
    NODE_OPTIONS: withLoopbackGuard(base.NODE_OPTIONS),
    ...extra,
  };
}

/** Command-line arguments that start the Agents Playground against `botUrl`, offline. */
export function buildPlaygroundArgs(cli: string, botUrl: string, port: number): string[] {
  return [cli, '-e', `${botUrl}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(port)];
}

/**
 * Starts the seeded Confluence simulator (in this process), the bot (`node --import tsx bot/index.ts`)
 * and the Microsoft 365 Agents Playground, each child with the loopback guard preloaded, and waits until
 * all three answer HTTP. Throws (after stopping whatever started) when a part fails or times out.
 */
export async function startDevStack(options: DevStackOptions): Promise<DevStack> {
  const onLog = options.onLog ?? (() => undefined);
  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const dataDir = resolve(options.dataDir);
  const children: ManagedChild[] = [];
  let simulator: ConfluenceSimulator | undefined;
  let stopping = false;

  const stop = async (): Promise<void> => {
    stopping = true;
    await Promise.all(children.map((child) => stopChild(child)));
    await simulator?.close().catch(() => undefined);
  };

  try {
    simulator = await startConfluenceSimulator({
      port: options.simulatorPort ?? DEFAULT_PORTS.simulator,
      validateResponses: true,
    });

    const botPort = options.botPort === 0 ? await findFreePort() : (options.botPort ?? DEFAULT_PORTS.bot);
    const botEnv = buildBotEnv(
      process.env,
      { port: botPort, simulatorUrl: simulator.url, dataDir },
      options.botEnv,
    );
    const bot = spawnManaged(
      'bot',
      ['--import', 'tsx', 'bot/index.ts'],
      { cwd: ROOT_DIR, env: botEnv },
      onLog,
    );
    children.push(bot);
    const botUrl = `http://127.0.0.1:${botPort}`;
    await waitForHttp(`${botUrl}/healthz`, 'The bot', bot, timeoutMs);

    const playgroundDir = join(dataDir, 'playground');
    await mkdir(playgroundDir, { recursive: true });
    await copyFile(
      join(ROOT_DIR, 'scripts', 'playground', '.m365agentsplayground.yml'),
      join(playgroundDir, '.m365agentsplayground.yml'),
    );
    const requestedPort =
      options.playgroundPort === 0
        ? await findFreePort()
        : (options.playgroundPort ?? DEFAULT_PORTS.playground);
    const playground = spawnManaged(
      'playground',
      buildPlaygroundArgs(resolvePlaygroundCli(), botUrl, requestedPort),
      {
        cwd: playgroundDir,
        env: {
          ...process.env,
          TEAMSAPPTESTER_BROWSER: 'none',
          LOOPBACK_GUARD_QUIET: '1',
          NODE_OPTIONS: withLoopbackGuard(process.env.NODE_OPTIONS),
        },
      },
      onLog,
    );
    children.push(playground);
    const playgroundPort = await waitForOutput(playground, /Listening on (\d+)/, 'The Playground', timeoutMs);
    const playgroundUrl = `http://localhost:${playgroundPort}`;
    await waitForHttp(`http://127.0.0.1:${playgroundPort}/`, 'The Playground', playground, timeoutMs);

    const unexpectedExit = Promise.race(
      children.map((child) =>
        child.exited.then(() =>
          stopping
            ? new Promise<string>(() => undefined)
            : `${child.name} exited (code ${child.process.exitCode ?? child.process.signalCode})`,
        ),
      ),
    );
    return { simulator, botUrl, playgroundUrl, unexpectedExit, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
