/**
 * Side by side with the framework's floor (issue 14): our bot and a minimal teams-ai bot
 * (floor-bot.ts: one fixed card from a template expanded once) driven the same way, each in its own
 * child process, with Confluence replayed at fixed cost (replay-confluence.ts: the simulator's
 * answers to the search calls, recorded once, then served byte for byte after a fixed delay).
 * Runs alternate floor, ours, floor, ours… at 10 and 50 concurrent conversations; replies are
 * counted at the channel. The result is the ratio ours/floor of the medians, and CPU per turn.
 *
 * Environment knobs: SIDE_BY_SIDE_SECONDS (measured seconds per run, default 10),
 * SIDE_BY_SIDE_RUNS (runs per bot and level, default 3), SIDE_BY_SIDE_LEVELS (default "10,50"),
 * SIDE_BY_SIDE_PROFILE (path prefix of the .cpuprofile files the extra profiled runs write:
 * `<prefix>-floor.cpuprofile`, `<prefix>-ours.cpuprofile`; default a temp folder; `off` = no profiled runs).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startConfluenceSimulator } from '../support/confluence-simulator/index.js';
import { harnessEnv } from '../support/harness.js';
import { type BenchSection, percentile } from './bench-types.js';
import { type BotProcess, startBotProcess } from './side-by-side/bot-process.js';
import { type CountingChannel, startCountingChannel } from './side-by-side/counting-channel.js';
import { driveLoad, SEARCH_WORDS, searchActivity } from './side-by-side/drive-load.js';
import { type CpuProfile, type ProfileSummary, summariseProfile } from './side-by-side/profile-summary.js';
import { type ReplayConfluence, startReplayConfluence } from './side-by-side/replay-confluence.js';
import { formatRunsMarkdown, type RunResult } from './side-by-side/report.js';

/** Fixed cost of each replayed Confluence answer (ms); SIDE_BY_SIDE_CONFLUENCE_MS overrides it (0 allowed). */
const CONFLUENCE_DELAY_MS = confluenceDelayFromEnv();
const WARMUP_MS = 2_000;
const JIT_WARMUP_SECONDS = 3;

function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function confluenceDelayFromEnv(): number {
  const raw = process.env.SIDE_BY_SIDE_CONFLUENCE_MS;
  const value = raw === undefined || raw === '' ? 5 : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : 5;
}

function load1(): number {
  return os.loadavg()[0] ?? 0;
}

/** One timed run: warm-up, then `seconds` of counted replies and bot CPU. */
async function measure(
  bot: BotProcess,
  channel: CountingChannel,
  conversations: number,
  seconds: number,
): Promise<RunResult> {
  const stop = new AbortController();
  const loadAtStart = load1();
  const latencies: number[] = [];
  let counting = false;
  const running = driveLoad({
    botUrl: bot.url,
    channelUrl: channel.url,
    conversations,
    signal: stop.signal,
    onTurn: (ms) => {
      if (counting) latencies.push(ms);
    },
  });
  await sleep(WARMUP_MS);
  counting = true;
  const startReplies = channel.replies;
  const startCpu = await bot.cpuSplitMs();
  const startLog = bot.stdoutBytes;
  const startAt = performance.now();
  await sleep(seconds * 1000);
  const replies = channel.replies - startReplies;
  const endCpu = await bot.cpuSplitMs();
  counting = false;
  const cpu = endCpu.user + endCpu.system - startCpu.user - startCpu.system;
  const systemCpu = endCpu.system - startCpu.system;
  const elapsed = (performance.now() - startAt) / 1000;
  const logBytes = bot.stdoutBytes - startLog;
  stop.abort();
  const { failures } = await running;
  return {
    bot: bot.name,
    conversations,
    replies,
    seconds: elapsed,
    perSecond: replies / elapsed,
    cpuMsPerTurn: replies > 0 ? cpu / replies : Number.NaN,
    systemMsPerTurn: replies > 0 ? systemCpu / replies : Number.NaN,
    latencyP50Ms: percentile(latencies, 50),
    logBytesPerTurn: replies > 0 ? logBytes / replies : Number.NaN,
    failures,
    load1: loadAtStart,
  };
}

/**
 * One extra run of `bot` under the inspector's CPU profiler (not counted in the tables: the
 * profiler slows the bot), summarised into where each millisecond of a search turn goes.
 */
async function profileRun(
  bot: BotProcess,
  channel: CountingChannel,
  conversations: number,
  seconds: number,
  path: string,
): Promise<ProfileSummary> {
  const stop = new AbortController();
  const running = driveLoad({ botUrl: bot.url, channelUrl: channel.url, conversations, signal: stop.signal });
  await sleep(WARMUP_MS);
  await bot.ask({ profileStart: true }, (answer) => (answer as { profiling?: boolean }).profiling);
  const startReplies = channel.replies;
  const startCpu = await bot.cpuMs();
  await sleep(seconds * 1000);
  const turns = channel.replies - startReplies;
  const cpuMs = (await bot.cpuMs()) - startCpu;
  await bot.ask({ profileStop: path }, (answer) => (answer as { profiled?: string }).profiled);
  stop.abort();
  await running;
  process.stderr.write(`side-by-side: profile of ${bot.name} ×${conversations} written to ${path}\n`);
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  return summariseProfile(profile, { turns, cpuMs, conversations });
}

/** Sends each search once through `bot` and waits for every reply (recording, then checking the replay). */
async function searchEachOnce(bot: BotProcess, channel: CountingChannel): Promise<void> {
  const before = channel.replies;
  for (let turn = 0; turn < SEARCH_WORDS.length; turn++) {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: searchActivity(channel.url, 0, turn),
    });
    await response.text();
    if (response.status !== 200) throw new Error(`${bot.name}: search turn answered ${response.status}`);
  }
  if (channel.replies - before !== SEARCH_WORDS.length) {
    throw new Error(`${bot.name}: expected ${SEARCH_WORDS.length} replies, got ${channel.replies - before}`);
  }
}

/** Records the search answers through our bot, then freezes the replay and checks it serves them. */
async function recordSearches(replay: ReplayConfluence, ours: BotProcess, channel: CountingChannel) {
  await searchEachOnce(ours, channel);
  await searchEachOnce(ours, channel);
  replay.freeze();
  await searchEachOnce(ours, channel);
  if (replay.misses > 0) throw new Error(`the replay missed ${replay.misses} request(s) a search makes`);
}

/** Runs the side-by-side benchmark and returns its BENCHMARKS.md section. */
export async function runBenchmark(): Promise<BenchSection> {
  const seconds = numberFromEnv('SIDE_BY_SIDE_SECONDS', 10);
  const runs = numberFromEnv('SIDE_BY_SIDE_RUNS', 3);
  const levels = (process.env.SIDE_BY_SIDE_LEVELS ?? '10,50').split(',').map(Number);
  const profileSetting = process.env.SIDE_BY_SIDE_PROFILE;
  const loadBefore = os.loadavg();
  const startedAt = new Date();

  const simulator = await startConfluenceSimulator();
  const replay = await startReplayConfluence(simulator.url, CONFLUENCE_DELAY_MS);
  const channel = await startCountingChannel();
  const dataDir = await mkdtemp(join(os.tmpdir(), 'ca-side-by-side-'));
  const bots: BotProcess[] = [];
  let simulatorOpen = true;
  try {
    const ours = await startBotProcess({
      name: 'ours',
      script: join(import.meta.dirname, 'side-by-side', 'ours-bot.ts'),
      env: { ...harnessEnv(replay.url, dataDir), LOG_LEVEL: 'info' },
    });
    bots.push(ours);
    const floor = await startBotProcess({
      name: 'floor',
      script: join(import.meta.dirname, 'floor-bot.ts'),
      env: {},
    });
    bots.push(floor);
    await recordSearches(replay, ours, channel);
    await simulator.close();
    simulatorOpen = false;
    await searchEachOnce(floor, channel);

    // One untimed run of each first, so neither bot's first counted run pays for its JIT warm-up.
    for (const bot of [floor, ours]) await measure(bot, channel, levels.at(-1) ?? 10, JIT_WARMUP_SECONDS);
    const results: RunResult[] = [];
    for (const conversations of levels) {
      for (let run = 0; run < runs; run++) {
        for (const bot of [floor, ours]) {
          const result = await measure(bot, channel, conversations, seconds);
          process.stderr.write(
            `side-by-side: ${bot.name} ×${conversations}: ${result.perSecond.toFixed(0)} req/s, ${result.cpuMsPerTurn.toFixed(2)} ms CPU/turn (load ${result.load1.toFixed(2)})\n`,
          );
          results.push(result);
        }
      }
    }
    const profileLevel = levels[0] ?? 10;
    const profileBase = profileSetting ?? join(dataDir, 'profile');
    const profiles =
      profileSetting === 'off'
        ? undefined
        : {
            floor: await profileRun(floor, channel, profileLevel, seconds, `${profileBase}-floor.cpuprofile`),
            ours: await profileRun(ours, channel, profileLevel, seconds, `${profileBase}-ours.cpuprofile`),
          };
    return {
      title: 'Side by side with the framework’s floor',
      markdown: formatRunsMarkdown({
        results,
        startedAt,
        loadBefore,
        loadAfter: os.loadavg(),
        seconds,
        warmupMs: WARMUP_MS,
        delayMs: CONFLUENCE_DELAY_MS,
        recorded: replay.recorded,
        misses: replay.misses,
        ...(profiles ? { profiles } : {}),
      }),
    };
  } finally {
    for (const bot of bots) await bot.stop();
    await replay.close();
    await channel.close();
    if (simulatorOpen) await simulator.close();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
}
