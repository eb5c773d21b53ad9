/**
 * A bot under test as a child process (its own CPU, separate from the driver): started with tsx,
 * it reports `{ listening: port }` over IPC once it serves, answers `cpu` with its
 * process.cpuUsage() (all its threads: main, workers, libuv pool), and stops on SIGTERM. Its stdout
 * (our bot's log lines) is read and counted, as a log collector would.
 */
import { type ChildProcess, fork } from 'node:child_process';

export interface BotProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Bytes the bot wrote to stdout so far (log lines). */
  readonly stdoutBytes: number;
  /** CPU time (user + system) the process has used so far, in ms. */
  cpuMs(): Promise<number>;
  /** CPU time the process has used so far, in ms, split into user and system (kernel: I/O, fsync). */
  cpuSplitMs(): Promise<{ readonly user: number; readonly system: number }>;
  /** Sends `message` over IPC and resolves with the first answer `pick` accepts. */
  ask<T>(message: unknown, pick: (answer: unknown) => T | undefined, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export interface BotProcessOptions {
  readonly name: string;
  readonly script: string;
  readonly env: Record<string, string>;
  /** Extra node flags (e.g. `--cpu-prof`). */
  readonly nodeFlags?: readonly string[];
  readonly startTimeoutMs?: number;
}

function waitForMessage<T>(
  child: ChildProcess,
  pick: (message: unknown) => T | undefined,
  timeoutMs: number,
) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`no answer from child ${child.pid} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: unknown) => {
      const value = pick(message);
      if (value === undefined) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(value);
    };
    child.on('message', onMessage);
  });
}

/** Starts `script` under tsx and resolves once it listens. */
export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const child = fork(options.script, [], {
    // tsx resolved from here, not from the working directory, so the bench runs from anywhere.
    execArgv: ['--import', import.meta.resolve('tsx'), ...(options.nodeFlags ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stdoutBytes = 0;
  child.stdout?.on('data', (chunk: Buffer) => {
    stdoutBytes += chunk.length;
  });
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    errors.push(String(chunk));
    process.stderr.write(`[${options.name}] ${chunk}`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await Promise.race([
    waitForMessage(
      child,
      (message) => (message as { listening?: number }).listening,
      options.startTimeoutMs ?? 60_000,
    ),
    exited.then(() => {
      throw new Error(`${options.name} exited before listening: ${errors.join('')}`);
    }),
  ]);
  const cpuSplitMs = async () => {
    const answer = waitForMessage(child, (message) => (message as { cpu?: NodeJS.CpuUsage }).cpu, 10_000);
    child.send('cpu');
    const cpu = await answer;
    return { user: cpu.user / 1000, system: cpu.system / 1000 };
  };
  return {
    name: options.name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    get stdoutBytes() {
      return stdoutBytes;
    },
    async cpuMs() {
      const split = await cpuSplitMs();
      return split.user + split.system;
    },
    cpuSplitMs,
    ask(message, pick, timeoutMs = 30_000) {
      const answer = waitForMessage(child, pick, timeoutMs);
      child.send(message as never);
      return answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
