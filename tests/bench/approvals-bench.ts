import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApprovalService } from '../../bot/approvals/approval-service.js';
import {
  APPROVALS_FILE,
  type ApprovalRequest,
  openApprovalStore,
} from '../../bot/approvals/approval-store.js';
import { compactApprovalChange } from '../../bot/assistant/present.js';
import { excerptForPreview } from '../../bot/operations/update-page.js';
import { type BenchSection, formatMs, percentile } from './bench-types.js';

const SUBMITS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const FINAL_STATUSES = ['executed', 'rejected', 'expired', 'cancelled', 'stale', 'failed'] as const;

/** One generated history. */
interface Scenario {
  readonly label: string;
  readonly finished: number;
  readonly pending: number;
  /** Characters of each page body (the reviewer's report used 33 KB). */
  readonly bodyChars: number;
  /** Finished requests were decided evenly over this many days before now. */
  readonly spreadDays: number;
  /** Stored as the new code stores them: previews cut to the change, finished plans compacted. */
  readonly bounded: boolean;
  /** Submit latency measured on the code before this change (commit 64a7d80), for the same file. */
  readonly before?: { readonly p50: number; readonly p99: number };
}

const SCENARIOS: readonly Scenario[] = [
  {
    label: '10,000 finished over 60 days + 1,000 pending, 1 KB pages, old format',
    finished: 10_000,
    pending: 1_000,
    bodyChars: 1_000,
    spreadDays: 60,
    bounded: false,
    before: { p50: 4225, p99: 7294 },
  },
  {
    label: '10,000 finished within 5 days + 1,000 pending, 1 KB pages, old format',
    finished: 10_000,
    pending: 1_000,
    bodyChars: 1_000,
    spreadDays: 5,
    bounded: false,
    before: { p50: 3924, p99: 6397 },
  },
  {
    label: '10,000 finished within 5 days + 1,000 pending, 1 KB pages, new format',
    finished: 10_000,
    pending: 1_000,
    bodyChars: 1_000,
    spreadDays: 5,
    bounded: true,
  },
  {
    label: '600 finished within 5 days + 100 pending, 33 KB pages, new format',
    finished: 600,
    pending: 100,
    bodyChars: 33_000,
    spreadDays: 5,
    bounded: true,
  },
];

function pageBody(i: number, chars: number): string {
  const line = `Line ${i}: the quick brown fox jumps over the lazy dog.\n\n`;
  return line.repeat(Math.ceil(chars / line.length)).slice(0, chars);
}

/**
 * An append plan as the pipeline stored it before this change (storage plus the whole page before
 * and after), or with `bounded` as it stores it now (preview cut to the change).
 */
function plan(i: number, chars: number, bounded: boolean) {
  const markdown = pageBody(i, chars);
  const after = `${markdown}\n\nappended`;
  const preview = bounded ? excerptForPreview(markdown, after) : { before: markdown, after };
  return {
    kind: 'update',
    pageId: String(100_000 + i),
    spaceKey: 'ENG',
    currentTitle: `Page ${i}`,
    title: `Page ${i}`,
    webUrl: `https://example.atlassian.net/wiki/spaces/ENG/pages/${100_000 + i}`,
    baseVersion: 3,
    storage: `<p>${markdown}</p><p>appended</p>`,
    edit: { kind: 'append', markdown: 'appended' },
    summary: 'Append a paragraph',
    beforeMarkdown: preview.before,
    afterMarkdown: preview.after,
    ...(preview.trim ? { previewTrim: preview.trim } : {}),
  };
}

function request(scenario: Scenario, i: number, finished: boolean, ageMs: number): ApprovalRequest {
  const createdAt = new Date(NOW - ageMs);
  const status = finished ? FINAL_STATUSES[i % FINAL_STATUSES.length]! : 'pending';
  const change = {
    plan: plan(i, scenario.bodyChars, scenario.bounded),
    origin: { conversationId: `conv-${i % 50}` },
  };
  return {
    id: `hist${i}`,
    requester: { id: `user-${i % 200}`, name: `User ${i % 200}` },
    conversationId: `conv-${i % 50}`,
    channelKey: `channel-${i % 50}`,
    connector: 'default',
    operation: 'update',
    target: { spaceKey: 'ENG', pageId: String(100_000 + i), title: `Page ${i}` },
    change: finished && scenario.bounded ? compactApprovalChange(change) : change,
    baseVersion: 3,
    createdAt: createdAt.toISOString(),
    expiresAt: new Date(createdAt.getTime() + DAY_MS).toISOString(),
    status,
    ...(finished
      ? {
          decidedBy: { id: 'lead', name: 'Lead' },
          decidedAt: new Date(createdAt.getTime() + 60_000).toISOString(),
        }
      : {}),
  } as ApprovalRequest;
}

/**
 * Writes approvals.json directly: the finished requests decided over the last `spreadDays` days and
 * the pending ones created in the last 20 hours, spread over 50 channels and 200 people.
 */
async function generateStore(dataDir: string, scenario: Scenario): Promise<number> {
  const requests: ApprovalRequest[] = [];
  for (let i = 0; i < scenario.finished; i++)
    requests.push(request(scenario, i, true, ((i + 1) / scenario.finished) * scenario.spreadDays * DAY_MS));
  for (let i = 0; i < scenario.pending; i++)
    requests.push(
      request(scenario, scenario.finished + i, false, ((i + 1) / scenario.pending) * 20 * 60 * 60 * 1000),
    );
  requests.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const file = join(dataDir, APPROVALS_FILE);
  await writeFile(file, JSON.stringify({ requests }, null, 2));
  return (await stat(file)).size;
}

interface Run {
  readonly scenario: Scenario;
  readonly sizeBefore: number;
  readonly sizeAfter: number;
  readonly first: number;
  readonly p50: number;
  readonly p99: number;
  readonly kept: number;
}

async function measure(scenario: Scenario): Promise<Run> {
  const dataDir = await mkdtemp(join(tmpdir(), 'approvals-bench-'));
  try {
    const sizeBefore = await generateStore(dataDir, scenario);
    const store = await openApprovalStore({ dataDir });
    let tick = NOW;
    let seq = 0;
    const service = createApprovalService({
      store,
      now: () => new Date(tick),
      newId: () => `bench${seq++}`,
      compactFinished: compactApprovalChange,
    });
    const latencies: number[] = [];
    for (let i = 0; i < SUBMITS; i++) {
      tick += 1_000;
      const started = performance.now();
      await service.submit({
        requester: { id: `bench-user-${i}`, name: 'Bench' },
        conversationId: 'conv-bench',
        channelKey: `bench-channel-${i}`,
        connector: 'default',
        operation: 'update',
        target: { spaceKey: 'ENG', pageId: '42', title: 'Bench page' },
        change: { plan: plan(i, scenario.bodyChars, true), origin: { conversationId: 'conv-bench' } },
        baseVersion: 3,
      });
      latencies.push(performance.now() - started);
    }
    const sizeAfter = (await stat(join(dataDir, APPROVALS_FILE))).size;
    const [first = Number.NaN, ...rest] = latencies;
    return {
      scenario,
      sizeBefore,
      sizeAfter,
      first,
      p50: percentile(rest, 50),
      p99: percentile(rest, 99),
      kept: store.list().length,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/**
 * Submit latency of the approval service over large generated histories, before and after
 * retention, caps and bounded previews (the whole file is still rewritten on every write).
 */
export async function runBenchmark(): Promise<BenchSection> {
  const runs: Run[] = [];
  for (const scenario of SCENARIOS) runs.push(await measure(scenario));
  const rows = runs.map((r) => {
    const before = r.scenario.before
      ? `${formatMs(r.scenario.before.p50)} / ${formatMs(r.scenario.before.p99)}`
      : '—';
    return `| ${r.scenario.label} | ${mb(r.sizeBefore)} | ${before} | ${formatMs(r.first)} | ${formatMs(r.p50)} / ${formatMs(r.p99)} | ${r.kept.toLocaleString('en')} | ${mb(r.sizeAfter)} |`;
  });
  return {
    title: 'Approvals store',
    markdown: [
      `Each history is written directly to approvals.json (append plans: storage plus before/after Markdown; "old format" = as stored before bounded previews, "new format" = previews cut to the change and finished plans without their storage), then ${SUBMITS} sequential submits on a frozen clock, 1 s apart. "before" was measured on the code before this change (commit 64a7d80) with files of the same counts and dates (44.8 MB; page bodies were then one long line); "first" is the first submit after opening, which also prunes what is past the 7-day retention; p50/p99 exclude it.`,
      '',
      '| history | file | before p50 / p99 (ms) | first (ms) | after p50 / p99 (ms) | requests kept | file after |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      'Every submit still rewrites, re-validates and re-freezes the whole file, so its cost follows the file size: pruning and compaction bound that size (finished requests shrink to their card data and leave after 7 days or beyond the newest 2,000; pending ones are capped at 20 per person and 100 per channel).',
    ].join('\n'),
  };
}
