import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApprovalChange, compactApprovalChange } from '../../bot/approvals/approval-change.js';
import { createApprovalService } from '../../bot/approvals/approval-service.js';
import {
  APPROVALS_DIR,
  APPROVALS_FILE,
  type ApprovalRequest,
  openApprovalStore,
} from '../../bot/approvals/approval-store.js';
import { excerptForPreview } from '../../bot/confluence/plan-storage-edit.js';
import { type BenchSection, formatMs, percentile } from './bench-types.js';

const SUBMITS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const FINAL_STATUSES = ['executed', 'rejected', 'expired', 'cancelled', 'stale', 'failed'] as const;

/** Figures of the single-file store (commit 9536998, one approvals.json) for the same history. */
interface Before {
  readonly open: number;
  readonly p50: number;
  readonly p99: number;
}

/** One generated history. */
interface Scenario {
  readonly label: string;
  readonly finished: number;
  readonly pending: number;
  /** Characters of each page body (the reviewer's report used 33 KB). */
  readonly bodyChars: number;
  /** Finished requests were decided evenly over this many days before now. */
  readonly spreadDays: number;
  /** `files`: one file per request, as the store keeps them; `legacy`: one approvals.json (migration). */
  readonly layout: 'files' | 'legacy';
  readonly before?: Before;
}

const SCENARIOS: readonly Scenario[] = [
  {
    label: '10,000 finished within 5 days + 1,000 pending, 1 KB pages',
    finished: 10_000,
    pending: 1_000,
    bodyChars: 1_000,
    spreadDays: 5,
    layout: 'files',
    before: { open: 1_241, p50: 245, p99: 454 },
  },
  {
    label: '10,000 finished within 5 days + 1,000 pending, 33 KB pages',
    finished: 10_000,
    pending: 1_000,
    bodyChars: 33_000,
    spreadDays: 5,
    layout: 'files',
    before: { open: 794, p50: 1_697, p99: 5_433 },
  },
  {
    label: 'the same 33 KB history in an old approvals.json (first open migrates it)',
    finished: 10_000,
    pending: 1_000,
    bodyChars: 33_000,
    spreadDays: 5,
    layout: 'legacy',
  },
];

function pageBody(i: number, chars: number): string {
  const line = `Line ${i}: the quick brown fox jumps over the lazy dog.\n\n`;
  return line.repeat(Math.ceil(chars / line.length)).slice(0, chars);
}

/** An append plan as the pipeline stores it: storage plus a preview cut to the change. */
function plan(i: number, chars: number): ApprovalChange['plan'] {
  const markdown = pageBody(i, chars);
  const preview = excerptForPreview(markdown, `${markdown}\n\nappended`);
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
  const origin = {
    platform: 'teams' as const,
    conversationId: `conv-${i % 50}`,
    channelKey: `channel-${i % 50}`,
  };
  const change: ApprovalChange = { plan: plan(i, scenario.bodyChars), origin };
  return {
    id: `hist${i}`,
    requester: { id: `user-${i % 200}`, name: `User ${i % 200}` },
    conversationId: `conv-${i % 50}`,
    channelKey: `channel-${i % 50}`,
    connector: 'default',
    operation: 'update',
    target: { spaceKey: 'ENG', pageId: String(100_000 + i), title: `Page ${i}` },
    change: finished ? compactApprovalChange(change) : change,
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
 * Writes the history straight to disk, as the store would have: finished requests decided over the
 * last `spreadDays` days (their plans compacted), pending ones created in the last 20 hours with
 * their storage, spread over 50 channels and 200 people. Returns the bytes written.
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
  if (scenario.layout === 'legacy') {
    const text = JSON.stringify({ requests }, null, 2);
    await writeFile(join(dataDir, APPROVALS_FILE), text, { mode: 0o600 });
    return Buffer.byteLength(text);
  }
  const dir = join(dataDir, APPROVALS_DIR);
  await mkdir(dir, { mode: 0o700 });
  let bytes = 0;
  for (let start = 0; start < requests.length; start += 64) {
    await Promise.all(
      requests.slice(start, start + 64).map((r) => {
        const text = JSON.stringify({ request: r }, null, 2);
        bytes += Buffer.byteLength(text);
        return writeFile(join(dir, `${r.id}.json`), text, { mode: 0o600 });
      }),
    );
  }
  return bytes;
}

interface Run {
  readonly scenario: Scenario;
  readonly bytes: number;
  readonly open: number;
  readonly first: number;
  readonly p50: number;
  readonly p99: number;
  readonly largestWrite: number;
  readonly sweep: number;
  readonly kept: number;
}

async function measure(scenario: Scenario): Promise<Run> {
  const dataDir = await mkdtemp(join(tmpdir(), 'approvals-bench-'));
  try {
    const bytes = await generateStore(dataDir, scenario);
    (globalThis as { gc?: () => void }).gc?.();
    let started = performance.now();
    const store = await openApprovalStore({ dataDir });
    const open = performance.now() - started;
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
      started = performance.now();
      await service.submit({
        requester: { id: `bench-user-${i}`, name: 'Bench' },
        conversationId: 'conv-bench',
        channelKey: `bench-channel-${i}`,
        connector: 'default',
        operation: 'update',
        target: { spaceKey: 'ENG', pageId: '42', title: 'Bench page' },
        change: {
          plan: plan(i, scenario.bodyChars),
          origin: { platform: 'teams', conversationId: 'conv-bench', channelKey: `bench-channel-${i}` },
        },
        baseVersion: 3,
      });
      latencies.push(performance.now() - started);
    }
    const dir = join(dataDir, APPROVALS_DIR);
    const largestWrite = (await stat(join(dir, 'bench0.json'))).size;
    started = performance.now();
    await service.pruneFinished(new Date(tick));
    const sweep = performance.now() - started;
    const kept = (await readdir(dir)).length;
    if (kept !== store.list().length) throw new Error('bench: files and memory disagree');
    const [first = Number.NaN, ...rest] = latencies;
    return {
      scenario,
      bytes,
      open,
      first,
      p50: percentile(rest, 50),
      p99: percentile(rest, 99),
      largestWrite,
      sweep,
      kept,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/**
 * Submit latency and startup (open) time of the approval store over large generated histories,
 * one file per request, against the single-file store's figures for the same histories.
 */
export async function runBenchmark(): Promise<BenchSection> {
  const runs: Run[] = [];
  for (const scenario of SCENARIOS) runs.push(await measure(scenario));
  const rows = runs.map((r) => {
    const b = r.scenario.before;
    const before = b ? `${formatMs(b.open)} | ${formatMs(b.p50)} / ${formatMs(b.p99)}` : '— | —';
    return `| ${r.scenario.label} | ${mb(r.bytes)} | ${before} | ${formatMs(r.open)} | ${formatMs(r.first)} | ${formatMs(r.p50)} / ${formatMs(r.p99)} | ${(r.largestWrite / 1024).toFixed(0)} KB | ${formatMs(r.sweep)} | ${r.kept.toLocaleString('en')} |`;
  });
  return {
    title: 'Approvals store',
    markdown: [
      `Each history is written straight to disk (append plans: storage plus a preview cut to the change; finished plans compacted), as \`approvals/<id>.json\` files, or as one old \`approvals.json\` for the migration row. Then the store is opened ("open": read, validate and index every file; for the last row also the migration), and ${SUBMITS} sequential submits run on a frozen clock, 1 s apart; each writes one file (temp file, fsync, rename, fsync of the folder). "first" is the first submit, which also drops up to 16 finished requests due under the 7-day retention or beyond the newest 2,000; p50/p99 exclude it. "sweep" is the periodic prune that then drops the backlog. "before" = the single-file store (commit 9536998), same history in one approvals.json: every submit cloned, re-validated and rewrote the whole file.`,
      '',
      '| history | on disk | before: open (ms) | before: submit p50 / p99 (ms) | open (ms) | first (ms) | submit p50 / p99 (ms) | one submit writes | sweep (ms) | files after |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      "A submit's work no longer depends on the history: it checks the caps in per-requester and per-channel indexes, writes one file, and drops at most 16 finished files; a transition rewrites one file under its request's own queue. Opening still reads every file, bounded by the caps (2,000 finished, 20 pending per person, 100 per channel).",
    ].join('\n'),
  };
}
