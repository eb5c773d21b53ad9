/** The side-by-side bench's figures as a BENCHMARKS.md section body. */
import os from 'node:os';
import { formatProfiles, type ProfileSummary } from './profile-summary.js';

/** One timed run of one bot. */
export interface RunResult {
  readonly bot: string;
  readonly conversations: number;
  readonly replies: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly cpuMsPerTurn: number;
  /** The kernel's part of it (socket and file I/O, fsync). */
  readonly systemMsPerTurn: number;
  /** Median round trip of a turn (POST → answer) seen by the driver. */
  readonly latencyP50Ms: number;
  readonly logBytesPerTurn: number;
  readonly failures: number;
  /** 1-minute load average when the run started. */
  readonly load1: number;
}

export interface ReportInput {
  readonly results: readonly RunResult[];
  readonly startedAt: Date;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
  readonly seconds: number;
  readonly warmupMs: number;
  readonly delayMs: number;
  readonly recorded: number;
  readonly misses: number;
  readonly profiles?: { readonly floor?: ProfileSummary; readonly ours: ProfileSummary };
}

/** Throughput goal: ours ≥ 0.8 × the floor. CPU goal: ≤ 2.2 ms per search turn. */
const RATIO_GOAL = 0.8;
const CPU_GOAL_MS = 2.2;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function pick(results: readonly RunResult[], bot: string, conversations: number): RunResult[] {
  return results.filter((r) => r.bot === bot && r.conversations === conversations);
}

function loads(values: readonly number[]): string {
  return values.map((n) => n.toFixed(2)).join(' / ');
}

function met(ok: boolean): string {
  return ok ? 'met' : '**missed**';
}

/** The section body: method, ratio table, CPU table, every run. */
export function formatRunsMarkdown(input: ReportInput): string {
  const levels = [...new Set(input.results.map((r) => r.conversations))];
  const cpus = os.cpus();
  const ratioRows = levels.map((n) => {
    const floor = median(pick(input.results, 'floor', n).map((r) => r.perSecond));
    const ours = median(pick(input.results, 'ours', n).map((r) => r.perSecond));
    const ratio = ours / floor;
    const floorP50 = median(pick(input.results, 'floor', n).map((r) => r.latencyP50Ms));
    const oursP50 = median(pick(input.results, 'ours', n).map((r) => r.latencyP50Ms));
    return `| ${n} | ${floor.toFixed(0)} | ${ours.toFixed(0)} | ${ratio.toFixed(2)}× | ≥ ${RATIO_GOAL}×: ${met(ratio >= RATIO_GOAL)} | ${floorP50.toFixed(1)} / ${oursP50.toFixed(1)} |`;
  });
  const cpuRows = levels.map((n) => {
    const floor = median(pick(input.results, 'floor', n).map((r) => r.cpuMsPerTurn));
    const ours = median(pick(input.results, 'ours', n).map((r) => r.cpuMsPerTurn));
    const log = median(pick(input.results, 'ours', n).map((r) => r.logBytesPerTurn));
    const floorSystem = median(pick(input.results, 'floor', n).map((r) => r.systemMsPerTurn));
    const oursSystem = median(pick(input.results, 'ours', n).map((r) => r.systemMsPerTurn));
    return `| ${n} | ${floor.toFixed(2)} (${floorSystem.toFixed(2)}) | ${ours.toFixed(2)} (${oursSystem.toFixed(2)}) | ≤ ${CPU_GOAL_MS} ms: ${met(ours <= CPU_GOAL_MS)} | ${log.toFixed(0)} |`;
  });
  const runRows = input.results.map(
    (r, i) =>
      `| ${i + 1} | ${r.bot} | ${r.conversations} | ${r.replies} | ${r.perSecond.toFixed(0)} | ${r.latencyP50Ms.toFixed(1)} | ${r.cpuMsPerTurn.toFixed(2)} | ${r.systemMsPerTurn.toFixed(2)} | ${r.failures} | ${r.load1.toFixed(2)} |`,
  );
  return [
    `Run ${input.startedAt.toISOString()} on ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, Node ${process.version}; load average (1/5/15 min) ${loads(input.loadBefore)} before, ${loads(input.loadAfter)} after. Command: \`npx tsx --expose-gc tests/bench/run-benchmarks.ts --only side-by-side\`.`,
    '',
    `Method: the floor (tests/bench/floor-bot.ts, a teams-ai v1 Application on restify that answers every message with one Adaptive Card expanded once at startup from our search-results template with ten hits) and our bot (createApp as in production, LOG_LEVEL=info to stdout, inbound auth off) each run in their own child process; the driver (load, channel and Confluence replay) is the parent process. Confluence is replayed at fixed cost: the simulator's answers to the calls a \`search\` turn makes were recorded once through our bot (${input.recorded} distinct requests), then served byte for byte after ${input.delayMs} ms with the simulator stopped (${input.misses} unrecorded requests during the runs). Each run: N personal conversations, each sending \`search <words>\` turns back to back (four queries in turn), ${input.warmupMs / 1000} s warm-up, then ${input.seconds} s counted: replies = message activities received by the channel. After one untimed run of each bot (JIT warm-up), runs alternate floor, ours, floor, ours…; the tables give the medians. CPU per turn = the bot process's process.cpuUsage() (all threads, user + system; system = the kernel's part: sockets, file writes, fsync) over the counted window ÷ replies in it.`,
    '',
    '| conversations | floor req/s | ours req/s | ours/floor | goal | turn p50 ms floor / ours |',
    '|---:|---:|---:|---:|---|---:|',
    ...ratioRows,
    '',
    '| conversations | floor CPU ms/turn (system) | ours CPU ms/turn (system) | goal | ours log bytes/turn |',
    '|---:|---:|---:|---|---:|',
    ...cpuRows,
    '',
    'Every run, in order:',
    '',
    '| # | bot | conversations | replies | req/s | turn p50 ms | CPU ms/turn | system ms/turn | non-200 | load (1 min) at start |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runRows,
    ...(input.profiles
      ? [
          '',
          '### Where a search turn’s milliseconds go',
          '',
          formatProfiles(input.profiles.floor, input.profiles.ours),
        ]
      : []),
  ].join('\n');
}
