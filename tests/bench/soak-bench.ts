/**
 * The soak (issue 14): the real bot as a child process (tests/support/soak-bot.ts, `--expose-gc`,
 * memory probe over IPC) against the Confluence simulator and the channel stub in this process, with
 * mixed traffic from several conversations for `SOAK_MINUTES` (default 30). Every minute the bot runs
 * `gc()` and reports heap-used and RSS. Reports the samples, growth after the warm-up (first
 * `SOAK_WARMUP_MINUTES`, default 5) and whether heap and RSS are flat (rule in soak-stats.ts).
 * Opt-in: `npx tsx --expose-gc tests/bench/run-benchmarks.ts --only soak`. `SOAK_SAMPLE_SECONDS`
 * (default 60) shortens the sampling period for a quick try; `SOAK_SNAPSHOTS=<dir>` also writes heap
 * snapshots after the warm-up and at the end, for a diff when something grows (writing one leaves
 * the bot's RSS hundreds of MB higher, so RSS figures of such a run mean nothing).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { USERS } from '../support/activities.js';
import { startChannelStub } from '../support/channel-stub.js';
import { startConfluenceSimulator } from '../support/confluence-simulator/index.js';
import { harnessEnv } from '../support/harness.js';
import type { BenchSection } from './bench-types.js';
import { type SeriesGrowth, type SoakSample, soakGrowth } from './soak-stats.js';
import { newCounters, runTraffic, type TrafficCounters } from './soak-traffic.js';

/** Not run by a plain `npm run bench` (it takes SOAK_MINUTES); name it with `--only soak`. */
export const optIn = true;

const LAUNCHER = 'tests/support/soak-bot.ts';
const CONVERSATIONS = 8;
const THINK_MS: readonly [number, number] = [800, 2_000];

interface Memory {
  readonly heapUsed: number;
  readonly rss: number;
}

type ProbeAnswer =
  | { readonly type: 'listening'; readonly port: number }
  | { readonly type: 'sample'; readonly memory: Memory }
  | { readonly type: 'snapshot'; readonly path: string };

/** The bot child process and its IPC probe (one request at a time). */
class SoakBot {
  readonly child: ChildProcess;
  readonly listening: Promise<number>;
  stderr = '';
  #waiting: ((answer: ProbeAnswer) => void) | undefined;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', LAUNCHER], {
      env,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-8_000);
    });
    this.listening = new Promise((resolve, reject) => {
      this.child.once('exit', (code, signal) =>
        reject(new Error(`soak bot exited (${code ?? signal}): ${this.stderr}`)),
      );
      this.child.on('message', (answer: ProbeAnswer) => {
        if (answer.type === 'listening') resolve(answer.port);
        else {
          const waiting = this.#waiting;
          this.#waiting = undefined;
          waiting?.(answer);
        }
      });
    });
  }

  #ask(request: { type: 'sample' } | { type: 'snapshot'; path: string }): Promise<ProbeAnswer> {
    return new Promise((resolve) => {
      this.#waiting = resolve;
      this.child.send(request);
    });
  }

  async sample(): Promise<Memory> {
    const answer = await this.#ask({ type: 'sample' });
    if (answer.type !== 'sample') throw new Error('soak bot: unexpected probe answer');
    return { heapUsed: answer.memory.heapUsed, rss: answer.memory.rss };
  }

  async snapshot(path: string): Promise<string> {
    const answer = await this.#ask({ type: 'snapshot', path });
    return answer.type === 'snapshot' ? answer.path : path;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGTERM');
    await exited;
  }
}

function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const signedMb = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}`;
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

function growthRow(name: string, growth: SeriesGrowth): string {
  return `| ${name} | ${mb(growth.median)} | ${mb(growth.end)} | ${signedMb(growth.slopePer10Min)} | ${signedMb(growth.total)} | ${mb(growth.allowance)} | ${growth.flat ? 'yes' : '**no**'} |`;
}

interface SoakRun {
  readonly samples: SoakSample[];
  readonly counters: TrafficCounters;
  readonly minutes: number;
  readonly warmup: number;
  readonly startedAt: string;
  readonly loadStart: string;
  readonly loadEnd: string;
  readonly loadMax: number;
  readonly snapshots: string[];
}

function render(run: SoakRun): string {
  const growth = soakGrowth(run.samples, run.warmup);
  const last = run.samples.at(-1);
  const kinds = Object.entries(run.counters.byKind)
    .map(([kind, n]) => `${kind} ${n.toLocaleString('en')}`)
    .join(', ');
  const sampleRows = run.samples.map(
    (s) =>
      `| ${s.minute} | ${mb(s.heapUsed)} | ${mb(s.rss)} | ${s.turns.toLocaleString('en')} | ${s.errors} |`,
  );
  return [
    `Run ${run.startedAt}, ${run.minutes} minutes of traffic, load average ${run.loadStart} at the start, ${run.loadEnd} at the end (highest 1-minute figure seen at a sample: ${run.loadMax.toFixed(2)}; the machine is shared). Command: \`npx tsx --expose-gc tests/bench/run-benchmarks.ts --only soak\` (opt-in; \`SOAK_MINUTES\` sets the length).`,
    '',
    `The real bot runs as a child process (tests/support/soak-bot.ts: \`createApp\` as in production, started with \`--expose-gc\`; a memory probe on the IPC channel runs \`gc()\` twice and reports \`process.memoryUsage()\`, so the production server has no such endpoint) against the Confluence simulator, with a fresh DATA_DIR, keyed audit anchors and \`LOG_LEVEL=warn\`. ${CONVERSATIONS} conversations (channel threads in two channels, group chats, personal chats) each loop over turns drawn from a seeded mix, ${THINK_MS[0]}–${THINK_MS[1]} ms apart: searches, gets (by id and by title), questions, follow-ups (\`open the second one\`, \`more\`, \`and for contractors?\`), creates and updates under \`confirm\` (channel threads only) answered at once with Approve (70 %) or Reject by an approver, \`approvals\` lists and \`/confluence status\`. An error is a non-200 answer, an invoke whose status is not 200, a create or update answered without an approval card, or a reply showing the internal-error text.`,
    '',
    `Turns served: ${(last?.turns ?? run.counters.turns).toLocaleString('en')} messages plus ${run.counters.clicks.toLocaleString('en')} Approve/Reject clicks (${kinds}); errors: ${run.counters.errors}${run.counters.errorSamples.length > 0 ? ` (first: ${run.counters.errorSamples.join('; ')})` : ''}.`,
    '',
    `Flat (the rule): after the ${run.warmup}-minute warm-up, a series is flat when its end value (mean of the last three samples) is at most max(10 %, tolerance) above the median of the post-warm-up samples; tolerance 5 MB for heap-used after GC, 10 MB for RSS. Slope = least-squares fit over the post-warm-up samples; total = last minus first post-warm-up sample.`,
    '',
    '| series (MB) | post-warm-up median | end | slope per 10 min | total | allowance | flat |',
    '|---|---:|---:|---:|---:|---:|---|',
    growthRow('heap used after GC', growth.heap),
    growthRow('RSS', growth.rss),
    '',
    ...(run.snapshots.length > 0 ? [`Heap snapshots: ${run.snapshots.join(', ')}.`, ''] : []),
    'Samples (minute since the traffic started; memory right after forced GC; turns and errors so far):',
    '',
    '| minute | heap used MB | RSS MB | turns | errors |',
    '|---:|---:|---:|---:|---:|',
    ...sampleRows,
  ].join('\n');
}

export async function runBenchmark(): Promise<BenchSection> {
  const minutes = numberFromEnv('SOAK_MINUTES', 30);
  const warmup = numberFromEnv('SOAK_WARMUP_MINUTES', Math.min(5, minutes / 6));
  const sampleMs = numberFromEnv('SOAK_SAMPLE_SECONDS', 60) * 1_000;
  const snapshotDir = process.env.SOAK_SNAPSHOTS;
  const [confluence, channel, dataDir] = await Promise.all([
    startConfluenceSimulator({ validateResponses: false }),
    startChannelStub(),
    mkdtemp(join(tmpdir(), 'soak-')),
  ]);
  channel.setMembers('*', Object.values(USERS));
  const bot = new SoakBot({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: 'test',
    ...harnessEnv(confluence.url, dataDir),
    SECRET_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
  });
  const counters = newCounters();
  const samples: SoakSample[] = [];
  const snapshots: string[] = [];
  let loadMax = 0;
  try {
    const port = await bot.listening;
    const startedAt = new Date().toISOString();
    const loadStart = load();
    const started = Date.now();
    const deadline = started + minutes * 60_000;
    let stopped = false;
    const traffic = runTraffic(
      {
        botUrl: `http://127.0.0.1:${port}`,
        channel,
        confluence,
        conversations: CONVERSATIONS,
        seed: numberFromEnv('SOAK_SEED', 14),
        thinkMs: THINK_MS,
        stop: () => stopped,
      },
      counters,
    );
    const takeSample = async () => {
      const memory = await bot.sample();
      loadMax = Math.max(loadMax, os.loadavg()[0] ?? 0);
      const sample: SoakSample = {
        minute: Math.round(((Date.now() - started) / 60_000) * 10) / 10,
        ...memory,
        turns: counters.turns,
        errors: counters.errors,
      };
      samples.push(sample);
      process.stderr.write(
        `soak: minute ${sample.minute}: heap ${mb(sample.heapUsed)} MB, rss ${mb(sample.rss)} MB, turns ${sample.turns}, errors ${sample.errors}, load ${load()}\n`,
      );
    };
    await takeSample();
    let warmSnapshotTaken = false;
    for (let next = started + sampleMs; next <= deadline + 1_000; next += sampleMs) {
      await new Promise((done) => setTimeout(done, Math.max(0, next - Date.now())));
      await takeSample();
      if (snapshotDir && !warmSnapshotTaken && (Date.now() - started) / 60_000 >= warmup) {
        warmSnapshotTaken = true;
        snapshots.push(await bot.snapshot(join(snapshotDir, 'soak-after-warmup.heapsnapshot')));
      }
    }
    stopped = true;
    await traffic;
    if (snapshotDir) snapshots.push(await bot.snapshot(join(snapshotDir, 'soak-end.heapsnapshot')));
    return {
      title: `Soak, ${minutes} minutes`,
      markdown: render({
        samples,
        counters,
        minutes,
        warmup,
        startedAt,
        loadStart,
        loadEnd: load(),
        loadMax,
        snapshots,
      }),
    };
  } finally {
    await bot.stop();
    await Promise.all([channel.close(), confluence.close()]);
    await rm(dataDir, { recursive: true, force: true });
  }
}
