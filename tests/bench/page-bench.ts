/**
 * Large-page benchmark: the work a `get` and an `update … replace` do on one big page, measured
 * in-process on generated storage (table-, paragraph- and list-heavy, 250 KB and 1 MB) through the
 * API the bot uses. `get` = the page card from the page as the client returns it (storage only; the
 * card converts only the start it shows); `replace` planning = `planUpdate` (the storage edit and the
 * Markdown of the changed region only, on the page worker for big pages) + the approval card's diff
 * (what runs before approval, so even a request that is later refused pays it). `answer` rows
 * convert the whole page on the worker, as answers do for the pages they rank. The longest
 * event-loop block comes from perf_hooks.monitorEventLoopDelay around each run.
 */

import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { previewOf } from '../../bot/approvals/approval-card.js';
import {
  closePageWorker,
  markdownStartOffThread,
  toMarkdownOffThread,
} from '../../bot/confluence/convert-off-thread.js';
import type { Page } from '../../bot/confluence/types.js';
import { isAppError } from '../../bot/errors.js';
import { planUpdate } from '../../bot/operations/update-page.js';
import { buildPageData, PAGE_CARD_CONVERT_CHARS } from '../../bot/views/build-view-data.js';
import { type BenchSection, formatMs } from './bench-types.js';

/** Issue 9: `get` and `replace` on 1 MB take ≤ 250 ms each (answers have no wall-time target). */
const TARGET_MS = 250;
/** Issue 9: no event-loop block over 100 ms. */
const LOOP_TARGET_MS = 100;
/** Our own stricter goal for the event loop. */
const LOOP_GOAL_MS = 20;

/** A table of `cols` columns with rows added until the storage reaches `bytes`; every 10th row says `needle`. */
export function generateTablePage(bytes: number, cols: number): string {
  const parts = [`<h2>Inventory</h2><table><tbody><tr>`];
  for (let c = 0; c < cols; c++) parts.push(`<th>Column ${c + 1}</th>`);
  parts.push('</tr>');
  let size = parts.join('').length;
  for (let row = 0; size < bytes - 30; row++) {
    const cells = [`<tr>`];
    for (let c = 0; c < cols; c++) {
      cells.push(c === 0 && row % 10 === 0 ? `<td>needle ${row}</td>` : `<td>r${row} c${c} data</td>`);
    }
    cells.push('</tr>');
    const line = cells.join('');
    parts.push(line);
    size += line.length;
  }
  parts.push('</tbody></table>');
  return parts.join('');
}

/** Paragraphs of about `paragraphBytes` each (an 80 KB paragraph by default); `needle` every 200 words. */
export function generateParagraphPage(bytes: number, paragraphBytes = 80_000): string {
  const words = ['alpha', 'beta', 'gamma', 'delta', '<strong>bold</strong>', 'epsilon', 'a&amp;b', 'zeta'];
  const parts: string[] = [];
  let size = 0;
  let word = 0;
  while (size < bytes) {
    const paragraph: string[] = ['<p>'];
    let length = 3;
    while (length < paragraphBytes && size + length < bytes) {
      const next = word % 200 === 0 ? 'needle' : (words[word % words.length] ?? 'x');
      paragraph.push(next, ' ');
      length += next.length + 1;
      word++;
    }
    paragraph.push('</p>');
    const text = paragraph.join('');
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}

/** Ordered lists of 50 items, each with a nested bullet list of 3 items (`needle` in every 25th). */
export function generateListPage(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let list = 0; size < bytes; list++) {
    const items: string[] = [`<h3>List ${list}</h3><ol>`];
    for (let i = 0; i < 50; i++) {
      items.push(
        `<li>Step ${i} of list ${list}<ul><li>detail one</li><li>${i % 25 === 0 ? 'needle' : 'detail'} ${i}</li><li>detail <em>three</em></li></ul></li>`,
      );
    }
    items.push('</ol>');
    const text = items.join('');
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}

/** Timing of one synchronous run and the longest event-loop block seen while it ran. */
interface Measured {
  readonly ms: number;
  readonly loopMaxMs: number;
  readonly note: string;
}

async function measure(run: () => string | Promise<string>): Promise<Measured> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  // The monitor measures between its own timer ticks: let it tick before the work starts.
  await new Promise((resolve) => setTimeout(resolve, 25));
  const start = performance.now();
  const note = await new Promise<string>((resolve, reject) =>
    setImmediate(() => Promise.resolve().then(run).then(resolve, reject)),
  );
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 20));
  loop.disable();
  return { ms, loopMaxMs: loop.max / 1e6, note };
}

const WEB_URL = 'https://example.atlassian.net/wiki/x';

function pageOf(storage: string): Page {
  return {
    id: '1',
    title: 'T',
    spaceId: '1',
    spaceKey: 'BENCH',
    status: 'current',
    version: { number: 1, authorId: '', createdAt: '', message: '' },
    ancestors: [],
    storage,
    webUrl: WEB_URL,
  };
}

/** What the get operation does with a loaded page: the card's start (worker for big pages), then the card. */
function getRun(storage: string): () => Promise<string> {
  return async () => {
    const start = await markdownStartOffThread(storage, PAGE_CARD_CONVERT_CHARS);
    const data = buildPageData({ ...pageOf(storage), start });
    return `card: ${data.markdown.length} chars${data.truncated ? ', truncated' : ''}`;
  };
}

function answerRun(storage: string): () => Promise<string> {
  return async () => `${(await toMarkdownOffThread(storage)).length} chars of Markdown`;
}

function replaceOffThreadRun(storage: string, find: string, replaceWith: string): () => Promise<string> {
  return async () => {
    try {
      const plan = await planUpdate(pageOf(storage), { kind: 'replace', find, replaceWith });
      const preview = previewOf(plan);
      if (preview.kind !== 'update') throw new Error('expected an update preview');
      return `${plan.summary.split(' of ')[0]}; excerpt diff +${preview.added}/−${preview.removed}`;
    } catch (error) {
      if (isAppError(error)) return `refused: ${error.code}`;
      throw error;
    }
  };
}

/** One row of the result table. */
export interface PageBenchRow {
  readonly name: string;
  readonly kb: number;
  readonly ms: number;
  readonly loopMaxMs: number;
  readonly note: string;
}

/**
 * Measures every case at each size (KB): the median of `runs` runs after one warm-up, and the
 * largest loop block over those runs. The worker is started (and warmed) before measuring: its
 * one-off start is not part of a request's cost.
 */
export async function measurePages(sizesKb: readonly number[], runs: number): Promise<PageBenchRow[]> {
  const rows: PageBenchRow[] = [];
  buildPageData(pageOf(generateTablePage(20_000, 4)));
  await toMarkdownOffThread(generateListPage(200_000));
  await planUpdate(pageOf(generateListPage(200_000)), {
    kind: 'replace',
    find: 'needle',
    replaceWith: 'pin',
  });
  for (const kb of sizesKb) {
    const bytes = kb * 1024;
    const pages = [
      { kind: 'table (8 cols)', storage: generateTablePage(bytes, 8) },
      { kind: 'paragraphs (80 KB each)', storage: generateParagraphPage(bytes) },
      { kind: 'nested lists', storage: generateListPage(bytes) },
    ];
    for (const page of pages) {
      const cases = [
        { name: `get: ${page.kind}`, run: getRun(page.storage) },
        {
          name: `replace "needle" → "pin": ${page.kind}`,
          run: replaceOffThreadRun(page.storage, 'needle', 'pin'),
        },
        { name: `replace "a" → "b": ${page.kind}`, run: replaceOffThreadRun(page.storage, 'a', 'b') },
        { name: `answer (whole page, worker): ${page.kind}`, run: answerRun(page.storage) },
      ];
      for (const item of cases) {
        const results: Measured[] = [];
        // One forced GC per case, not per run: right after a forced full GC a short synchronous job
        // (the page card) runs 3–5× slower here, which no real request sees.
        (globalThis as { gc?: () => void }).gc?.();
        for (let i = 0; i < runs; i++) results.push(await measure(item.run));
        const times = results.map((r) => r.ms).sort((a, b) => a - b);
        rows.push({
          name: item.name,
          kb: Math.round(page.storage.length / 1024),
          ms: times[Math.floor(times.length / 2)] ?? Number.NaN,
          loopMaxMs: Math.max(...results.map((r) => r.loopMaxMs)),
          note: results[0]?.note ?? '',
        });
        process.stderr.write(`page bench: ${item.name} ${kb} KB: ${formatMs(rows.at(-1)?.ms ?? 0)} ms\n`);
      }
    }
  }
  return rows;
}

/** Formats rows as a Markdown table with target verdicts. */
export function formatRows(rows: readonly PageBenchRow[]): string {
  const lines = [
    `| case | storage KB | median ms | max loop block ms | result | target met | block ≤ ${LOOP_GOAL_MS} ms |`,
    '|---|---:|---:|---:|---|---|---|',
  ];
  for (const row of rows) {
    const timed = !row.name.startsWith('answer');
    const met = (!timed || row.ms <= TARGET_MS) && row.loopMaxMs <= LOOP_TARGET_MS;
    const goal = row.loopMaxMs <= LOOP_GOAL_MS;
    lines.push(
      `| ${row.name} | ${row.kb} | ${formatMs(row.ms)} | ${formatMs(row.loopMaxMs)} | ${row.note} | ${met ? 'yes' : '**no**'} | ${goal ? 'yes' : 'no'} |`,
    );
  }
  return lines.join('\n');
}

/** Runs the large-page benchmark and returns its BENCHMARKS.md section. */
export async function runBenchmark(): Promise<BenchSection> {
  const rows = await measurePages([250, 1024], 5).finally(closePageWorker);
  return {
    title: 'Large pages',
    markdown: [
      'Work per request on generated storage, through the API the bot uses. `get` = the get operation’s card work on the page as the client returns it (storage only: the start the card shows, at most 64 KB of storage, converted on the page worker for pages of 32 KB and more, then the card). `replace` = `planUpdate` (the storage edit, then Markdown of the changed region and its context only — pages of 32 KB and more on the page worker) + the approval card diff (`previewOf`). `answer` = the whole page converted on the worker, as an answer does for each page it ranks. Median of 5 runs after a warm-up (one forced GC before each case); the loop block is the longest event-loop delay (monitorEventLoopDelay, 5 ms resolution) seen in those runs.',
      '',
      formatRows(rows),
      '',
      `Targets (issue 9): \`get\` and \`replace\` ≤ ${TARGET_MS} ms each, and no event-loop block over ${LOOP_TARGET_MS} ms in any case (answers run on the worker and have no wall-time target). Our own goal: no block over ${LOOP_GOAL_MS} ms.`,
    ].join('\n'),
  };
}
