/** The Markdown of the cold-start bench (see cold-start-bench.ts). */
import type { BenchSection } from '../bench-types.js';
import { type ColdStartRun, filesByPackage, median } from './measure.js';

/** Goals from issue 14. */
export const COLD_START_GOAL_MS = 1_500;
export const IDLE_RSS_GOAL_MB = 160;

/** One build in one environment. */
export interface CellFigures {
  readonly artefact: string;
  readonly scenario: string;
  readonly runs: readonly ColdStartRun[];
  /** Files loaded from disk (one counting run of this build). */
  readonly files: readonly string[];
  /** Bundle only: output files loaded at startup and the source modules they hold. */
  readonly bundled?: { readonly files: number; readonly modules: number };
}

export interface ColdStartReport {
  readonly date: string;
  readonly loadBefore: string;
  readonly loadAfter: string;
  readonly runsPerCell: number;
  readonly cells: readonly CellFigures[];
  readonly external: readonly string[];
}

function verdict(value: number, goal: number): string {
  return value <= goal ? 'met' : 'missed';
}

function row(cell: CellFigures): string {
  const wall = median(cell.runs.map((r) => r.msToHealthz));
  const cpu = median(cell.runs.map((r) => r.cpuMsToHealthz));
  const rss = median(cell.runs.map((r) => r.rssMb));
  const heap = median(cell.runs.map((r) => r.heapUsedMb));
  const all = cell.runs.map((r) => r.msToHealthz.toFixed(0)).join(', ');
  const bundled = cell.bundled ? `${cell.bundled.modules} in ${cell.bundled.files} files` : '—';
  return `| ${cell.artefact} | ${cell.scenario} | ${wall.toFixed(0)} (${all}) — ${verdict(wall, COLD_START_GOAL_MS)} | ${cpu.toFixed(0)} | ${rss.toFixed(1)} — ${verdict(rss, IDLE_RSS_GOAL_MB)} | ${heap.toFixed(1)} | ${cell.files.length} | ${bundled} |`;
}

function topPackages(cell: CellFigures): string {
  return [...filesByPackage(cell.files)]
    .slice(0, 10)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}

/** Renders the section: the table, the goals, what is loaded, what stays out of the bundle and why. */
export function renderColdStartSection(report: ColdStartReport): BenchSection {
  const byArtefact = new Map(report.cells.map((cell) => [cell.artefact, cell]));
  const markdown = [
    `Measured ${report.date}, load average (1/5/15 min) ${report.loadBefore} at start and ${report.loadAfter} at the end, by \`tests/bench/cold-start-bench.ts\` (\`npm run bench -- --only cold-start\`).`,
    '',
    `Each run starts \`node <entry>\` as \`npm start\` does (after its build), with a fresh \`DATA_DIR\`, no \`BOT_ID\` (auth off), \`PORT=0\`, and either no Confluence connector or a bootstrap connector pointing to the loopback simulator. Cold start = spawn → first 200 on \`GET /healthz\`; CPU = user + system time of the bot by then (less sensitive to other load than wall time); RSS and heap are read 1.5 s after that, after a forced GC (\`--expose-gc\`). Medians of ${report.runsPerCell} runs, the two builds alternating. Goals (issue 14): cold start ≤ ${COLD_START_GOAL_MS / 1000} s, idle RSS ≤ ${IDLE_RSS_GOAL_MB} MB.`,
    '',
    '| build | environment | cold start, ms: median (runs) | CPU to /healthz, ms | idle RSS, MB | heap used, MB | files loaded from disk | bundled modules in the files loaded at start |',
    '|---|---|---|---:|---|---:|---:|---|',
    ...report.cells.map(row),
    '',
    'Files loaded from disk (ESM through a loader hook, CommonJS from `require.cache`, one separate counting run per build), by package:',
    '',
    ...[...byArtefact.values()].map((cell) => `- ${cell.artefact}: ${topPackages(cell)}`),
    '',
    `Left out of the bundle and loaded from node_modules (\`EXTERNAL_PACKAGES\` in scripts/build.ts): ${report.external.map((name) => `\`${name}\``).join(', ')} — pino starts its transports' worker threads from files inside the package; dtrace-provider is a native addon found by a computed path; restify's body reader calls \`new Buffer()\`, and Node prints DEP0005 for such calls from any file outside node_modules. Loaded only when needed: the Slack edge (Bolt, the Web API client, undici, express: its own chunk, \`import()\`ed when \`SLACK_BOT_TOKEN\` is set); teams-ai's AI stack (OpenAI clients, gpt-tokenizer, prompts — never bundled: \`@microsoft/teams-ai\` resolves to the two files the bot uses); botbuilder-dialogs and the Microsoft text recognizers under it (required by teams-ai's sign-in classes at load time; now required from node_modules on first use, not bundled, so not even parsed at start); the audit verify worker and the page worker (worker threads started on demand).`,
  ].join('\n');
  return { title: 'Cold start and memory', markdown };
}
