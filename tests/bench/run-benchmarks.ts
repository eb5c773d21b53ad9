/**
 * Bench runner. `npm run bench` runs every module in BENCHES that is not opt-in, in order, and merges
 * their sections into BENCHMARKS.md: a section whose `## title` matches is replaced, new ones are
 * appended, and the sections written by tests (the understanding and calls-per-operation figures) are
 * kept as they are. `--only a,b` runs the named modules (opt-in ones too) and prints their sections
 * without touching the file; add `--write` to merge them into it.
 * To add a benchmark: one module exporting `runBenchmark(): Promise<BenchSection>` and one line here.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { BenchModule, BenchSection } from './bench-types.js';

interface BenchEntry {
  readonly name: string;
  readonly load: () => Promise<BenchModule>;
  /** Runs only when named with `--only` (e.g. the 30-minute soak). */
  readonly optIn?: boolean;
}

const BENCHES: readonly BenchEntry[] = [
  { name: 'audit', load: () => import('./audit-bench.js') },
  { name: 'bot', load: () => import('./bot-bench.js') },
  { name: 'pages', load: () => import('./page-bench.js') },
  { name: 'approvals', load: () => import('./approvals-bench.js') },
  { name: 'parse', load: () => import('./parse-bench.js') },
  { name: 'soak', load: () => import('./soak-bench.js'), optIn: true },
  { name: 'side-by-side', load: () => import('./side-by-side-bench.js') },
  { name: 'cold-start', load: () => import('./cold-start-bench.js') },
];

const BENCHMARKS_FILE = join(process.cwd(), 'BENCHMARKS.md');
const HEADER = `# Benchmarks\n\nWritten by \`npm run bench\` (tests/bench/run-benchmarks.ts), which replaces the sections it measures and keeps the others (those written from test output name their test). Each section gives its own date and load average.\n`;

function describeMachine(): string {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} logical cores (available parallelism ${os.availableParallelism()})`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()}), Node ${process.version}`,
    `- Sections last merged by \`npm run bench\`: ${new Date().toISOString()}, load average then (1/5/15 min) ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ')} — other work on the machine inflates wall-clock figures`,
  ].join('\n');
}

/** Splits a BENCHMARKS.md body into its `## ` sections, in order (title → full text). */
export function splitSections(doc: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = doc.split(/^## /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    const title = (newline < 0 ? part : part.slice(0, newline)).trim();
    sections.set(title, `## ${part.trimEnd()}\n`);
  }
  return sections;
}

/** The file with the machine section and `fresh` sections replaced or appended, the rest kept. */
export function mergeSections(existing: string, fresh: readonly BenchSection[], machine: string): string {
  const sections = splitSections(existing);
  sections.set('Machine', `## Machine\n\n${machine}\n`);
  for (const section of fresh)
    sections.set(section.title, `## ${section.title}\n\n${section.markdown.trim()}\n`);
  return `${HEADER}\n${[...sections.values()].join('\n')}`;
}

async function main(argv: readonly string[]): Promise<void> {
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? new Set((argv[onlyIndex + 1] ?? '').split(',')) : undefined;
  const write = only === undefined || argv.includes('--write');
  const selected = BENCHES.filter((bench) => (only === undefined ? !bench.optIn : only.has(bench.name)));
  const sections: BenchSection[] = [];
  for (const bench of selected) {
    process.stderr.write(`bench: running ${bench.name}…\n`);
    sections.push(await (await bench.load()).runBenchmark());
  }
  if (!write) {
    process.stdout.write(`${sections.map((s) => `## ${s.title}\n\n${s.markdown.trim()}\n`).join('\n')}\n`);
    return;
  }
  const existing = await readFile(BENCHMARKS_FILE, 'utf8').catch(() => '');
  await writeFile(BENCHMARKS_FILE, mergeSections(existing, sections, describeMachine()));
  process.stderr.write(`bench: merged ${sections.length} section(s) into BENCHMARKS.md\n`);
}

if (process.argv[1]?.endsWith('run-benchmarks.ts')) await main(process.argv.slice(2));
