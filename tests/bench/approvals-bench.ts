import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApprovalService } from '../../bot/approvals/approval-service.js';
import {
  APPROVALS_FILE,
  type ApprovalRequest,
  openApprovalStore,
} from '../../bot/approvals/approval-store.js';
import { type BenchSection, formatMs, percentile } from './bench-types.js';

const FINISHED = 10_000;
const PENDING = 1_000;
const SUBMITS = 30;
/** Size of the generated page bodies in history (the reviewer's report used 33 KB; kept small so the bench fits in memory). */
const BODY_CHARS = 1_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const FINAL_STATUSES = ['executed', 'rejected', 'expired', 'cancelled', 'stale', 'failed'] as const;

function body(i: number, chars: number): string {
  const line = `Line ${i}: the quick brown fox jumps over the lazy dog. `;
  return line.repeat(Math.ceil(chars / line.length)).slice(0, chars);
}

/** An update plan as the pipeline stores it (storage plus before/after Markdown of the same size). */
function plan(i: number, chars: number) {
  const markdown = body(i, chars);
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
    beforeMarkdown: markdown,
    afterMarkdown: `${markdown}\n\nappended`,
  };
}

function request(i: number, finished: boolean, ageMs: number): ApprovalRequest {
  const createdAt = new Date(NOW - ageMs);
  const status = finished ? FINAL_STATUSES[i % FINAL_STATUSES.length]! : 'pending';
  return {
    id: `hist${i}`,
    requester: { id: `user-${i % 200}`, name: `User ${i % 200}` },
    conversationId: `conv-${i % 50}`,
    channelKey: `channel-${i % 50}`,
    connector: 'default',
    operation: 'update',
    target: { spaceKey: 'ENG', pageId: String(100_000 + i), title: `Page ${i}` },
    change: { plan: plan(i, BODY_CHARS), origin: { conversationId: `conv-${i % 50}` } },
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
 * Writes approvals.json directly: `FINISHED` final requests decided over the last `spreadDays` days
 * and `PENDING` pending ones created in the last 20 hours, spread over 50 channels and 200 people.
 */
async function generateStore(dataDir: string, spreadDays: number): Promise<number> {
  const requests: ApprovalRequest[] = [];
  for (let i = 0; i < FINISHED; i++)
    requests.push(request(i, true, ((i + 1) / FINISHED) * spreadDays * DAY_MS));
  for (let i = 0; i < PENDING; i++)
    requests.push(request(FINISHED + i, false, ((i + 1) / PENDING) * 20 * 60 * 60 * 1000));
  requests.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const file = join(dataDir, APPROVALS_FILE);
  await writeFile(file, JSON.stringify({ requests }, null, 2));
  return (await stat(file)).size;
}

interface Run {
  readonly label: string;
  readonly sizeBefore: number;
  readonly sizeAfter: number;
  readonly first: number;
  readonly p50: number;
  readonly p99: number;
  readonly kept: number;
}

async function measure(label: string, spreadDays: number): Promise<Run> {
  const dataDir = await mkdtemp(join(tmpdir(), 'approvals-bench-'));
  try {
    const sizeBefore = await generateStore(dataDir, spreadDays);
    const store = await openApprovalStore({ dataDir });
    let tick = NOW;
    let seq = 0;
    const service = createApprovalService({
      store,
      now: () => new Date(tick),
      newId: () => `bench${seq++}`,
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
        change: { plan: plan(i, BODY_CHARS), origin: { conversationId: 'conv-bench' } },
        baseVersion: 3,
      });
      latencies.push(performance.now() - started);
    }
    const sizeAfter = (await stat(join(dataDir, APPROVALS_FILE))).size;
    const [first = Number.NaN, ...rest] = latencies;
    return {
      label,
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

/** Submit latency of the approval service over a large history (the whole file is rewritten per write). */
export async function runBenchmark(): Promise<BenchSection> {
  const runs = [
    await measure('finished decided over the last 60 days', 60),
    await measure('finished all decided in the last 5 days (within retention)', 5),
  ];
  const rows = runs.map(
    (r) =>
      `| ${r.label} | ${mb(r.sizeBefore)} | ${formatMs(r.first)} | ${formatMs(r.p50)} | ${formatMs(r.p99)} | ${r.kept} | ${mb(r.sizeAfter)} |`,
  );
  return {
    title: 'Approvals store',
    markdown: [
      `History written directly to approvals.json: ${FINISHED.toLocaleString('en')} finished and ${PENDING.toLocaleString('en')} pending update requests (page bodies of ${BODY_CHARS.toLocaleString('en')} characters: storage plus before/after Markdown), then ${SUBMITS} sequential submits on a frozen clock (1 s apart). p50/p99 exclude the first submit, shown separately (it carries the retention prune).`,
      '',
      '| history | file before | first submit (ms) | submit p50 (ms) | submit p99 (ms) | requests kept | file after |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...rows,
    ].join('\n'),
  };
}
