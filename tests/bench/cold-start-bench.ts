/**
 * Cold start and memory (issue 14): the built bot started as `npm start` starts it, timed from spawn
 * to its first 200 on GET /healthz, with the files it loaded and its RSS after start-up and a forced
 * GC; the esbuild bundle against the former tsc build, runs alternating so both see the same load.
 */
import os from 'node:os';
import { EXTERNAL_PACKAGES } from '../../scripts/build.js';
import { DEFAULT_ACCOUNTS, startConfluenceSimulator } from '../support/confluence-simulator/index.js';
import type { BenchSection } from './bench-types.js';
import { type Artefact, buildBundled, buildTsc, startupModules } from './cold-start/artefacts.js';
import { type ColdStartRun, measureColdStart } from './cold-start/measure.js';
import { type CellFigures, renderColdStartSection } from './cold-start/report.js';

const RUNS = 5;

/** A typical environment: no BOT_ID, a fresh DATA_DIR, with or without a bootstrap connector. */
interface Scenario {
  readonly label: string;
  readonly env: Readonly<Record<string, string>>;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
}

export async function runBenchmark(): Promise<BenchSection> {
  const started = new Date();
  const loadBefore = loadAverage();
  const confluence = await startConfluenceSimulator();
  const artefacts: Artefact[] = [];
  try {
    artefacts.push(await buildBundled(), await buildTsc());
    const scenarios: Scenario[] = [
      { label: 'no connector', env: {} },
      {
        label: 'connector → loopback simulator',
        env: {
          CONFLUENCE_SITE_URL: confluence.url,
          CONFLUENCE_EMAIL: DEFAULT_ACCOUNTS.bot.email,
          CONFLUENCE_API_TOKEN: DEFAULT_ACCOUNTS.bot.apiToken,
          CONFLUENCE_SPACES: 'ENG,HR,OPS',
        },
      },
    ];
    const runs = new Map<string, ColdStartRun[]>();
    const key = (artefact: Artefact, scenario: Scenario) => `${artefact.label}|${scenario.label}`;
    for (let round = 0; round < RUNS; round += 1) {
      for (const scenario of scenarios) {
        for (const artefact of artefacts) {
          const run = await measureColdStart({ entry: artefact.entry, env: scenario.env });
          runs.set(key(artefact, scenario), [...(runs.get(key(artefact, scenario)) ?? []), run]);
        }
      }
    }
    const cells: CellFigures[] = [];
    for (const artefact of artefacts) {
      const counted = await measureColdStart({
        entry: artefact.entry,
        env: scenarios[1]!.env,
        countModules: true,
      });
      for (const scenario of scenarios)
        cells.push({
          artefact: artefact.label,
          scenario: scenario.label,
          runs: runs.get(key(artefact, scenario)) ?? [],
          files: counted.files ?? [],
          ...(artefact.metafile ? { bundled: startupModules(artefact.metafile) } : {}),
        });
    }
    return renderColdStartSection({
      date: started.toISOString(),
      loadBefore,
      loadAfter: loadAverage(),
      runsPerCell: RUNS,
      cells,
      external: EXTERNAL_PACKAGES,
    });
  } finally {
    await confluence.close();
    for (const artefact of artefacts) await artefact.remove();
  }
}
