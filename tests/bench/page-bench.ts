/**
 * Large-page benchmark: the work a `get` and an `update … replace` do on one big page, measured
 * in-process on generated storage (table-, paragraph- and list-heavy, 250 KB and 1 MB), twice:
 * inline (the synchronous functions, as before the page worker) and through the page worker API
 * the bot uses (`toMarkdownOffThread`, `planUpdate`).
 * `get` = storage → Markdown; `replace` planning = Markdown of the page + the storage edit +
 * Markdown of the result + the preview diff (what runs before approval, so even a request that is
 * later refused pays it). The longest event-loop block comes from perf_hooks.monitorEventLoopDelay
 * around each run.
 */

import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { previewOf } from '../../bot/assistant/present.js';
import { closePageWorker, toMarkdownOffThread } from '../../bot/confluence/convert-off-thread.js';
import { applyStorageEdit } from '../../bot/confluence/storage-edit.js';
import { storageToMarkdown } from '../../bot/confluence/storage-to-markdown.js';
import type { Page } from '../../bot/confluence/types.js';
import { isAppError } from '../../bot/errors.js';
import { planUpdate } from '../../bot/operations/update-page.js';
import { buildUpdatePreviewBody } from '../../bot/views/build-diff.js';
import { type BenchSection, formatMs } from './bench-types.js';

const TARGET_MS = 250;
const LOOP_TARGET_MS = 100;

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

function getRun(storage: string): () => string {
  return () => `${storageToMarkdown(storage).length} chars of Markdown`;
}

function replaceRun(storage: string, find: string, replaceWith: string): () => string {
  return () => {
    try {
      const result = applyStorageEdit(storage, { kind: 'replace', find, replaceWith });
      const before = storageToMarkdown(storage);
      const after = storageToMarkdown(result.storage);
      const preview = buildUpdatePreviewBody({
        title: 'T',
        webUrl: 'https://example.atlassian.net/wiki/x',
        baseVersion: 1,
        summary: result.summary,
        before,
        after,
      });
      return `${result.summary.split(' of ')[0]}; diff +${preview.added}/−${preview.removed}`;
    } catch (error) {
      if (isAppError(error)) return `refused: ${error.code}`;
      throw error;
    }
  };
}

const WEB_URL = 'https://example.atlassian.net/wiki/x';

function pageOf(storage: string, markdown: string): Page {
  return {
    id: '1',
    title: 'T',
    spaceId: '1',
    spaceKey: 'BENCH',
    status: 'current',
    version: { number: 1, authorId: '', createdAt: '', message: '' },
    ancestors: [],
    storage,
    markdown,
    webUrl: WEB_URL,
  };
}

function getOffThreadRun(storage: string): () => Promise<string> {
  return async () => `${(await toMarkdownOffThread(storage)).length} chars of Markdown`;
}

function replaceOffThreadRun(storage: string, find: string, replaceWith: string): () => Promise<string> {
  return async () => {
    try {
      const page = pageOf(storage, await toMarkdownOffThread(storage));
      const plan = await planUpdate(page, { kind: 'replace', find, replaceWith });
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
 * largest loop block over those runs. `get` times storage → Markdown only; the inline replace rows
 * time the edit first (a refused replace stops there) and then the Markdown before and after and
 * the diff (the page's Markdown is recomputed, as a fresh read would); the worker rows time the
 * page's Markdown, `planUpdate` and the diff of its excerpt. The worker is started (and warmed)
 * before measuring: its one-off start is not part of a request's cost.
 */
export async function measurePages(sizesKb: readonly number[], runs: number): Promise<PageBenchRow[]> {
  const rows: PageBenchRow[] = [];
  storageToMarkdown(generateTablePage(20_000, 4));
  await toMarkdownOffThread(generateListPage(200_000));
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
        { name: `replace "needle" → "pin": ${page.kind}`, run: replaceRun(page.storage, 'needle', 'pin') },
        { name: `replace "a" → "b": ${page.kind}`, run: replaceRun(page.storage, 'a', 'b') },
        { name: `worker get: ${page.kind}`, run: getOffThreadRun(page.storage) },
        {
          name: `worker replace "needle" → "pin": ${page.kind}`,
          run: replaceOffThreadRun(page.storage, 'needle', 'pin'),
        },
        { name: `worker replace "a" → "b": ${page.kind}`, run: replaceOffThreadRun(page.storage, 'a', 'b') },
      ];
      for (const item of cases) {
        const results: Measured[] = [];
        for (let i = 0; i < runs; i++) {
          (globalThis as { gc?: () => void }).gc?.();
          results.push(await measure(item.run));
        }
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
    '| case | storage KB | median ms | max loop block ms | result | target met |',
    '|---|---:|---:|---:|---|---|',
  ];
  for (const row of rows) {
    const met = row.ms <= TARGET_MS && row.loopMaxMs <= LOOP_TARGET_MS;
    lines.push(
      `| ${row.name} | ${row.kb} | ${formatMs(row.ms)} | ${formatMs(row.loopMaxMs)} | ${row.note} | ${met ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}

/** Runs the large-page benchmark and returns its BENCHMARKS.md section. */
export async function runBenchmark(): Promise<BenchSection> {
  const rows = await measurePages([250, 1024], 3).finally(closePageWorker);
  return {
    title: 'Large pages',
    markdown: [
      'Work per request on generated storage: `get` = storage → Markdown; `replace` = the storage edit + Markdown before and after + the preview diff (what an update costs before approval). Plain rows call the synchronous functions inline (the bot before the page worker); `worker` rows go through the API the bot uses (`toMarkdownOffThread`, `planUpdate`: pages of 32 KB and more run on the page worker thread; the diff is of the stored excerpt). Median of 3 runs after a warm-up; the loop block is the longest event-loop delay (monitorEventLoopDelay, 5 ms resolution) seen in those runs.',
      '',
      formatRows(rows),
      '',
      `Targets: ≤ ${TARGET_MS} ms per case and no event-loop block over ${LOOP_TARGET_MS} ms.`,
    ].join('\n'),
  };
}
