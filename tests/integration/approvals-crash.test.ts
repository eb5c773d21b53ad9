import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVALS_DIR } from '../../bot/approvals/approval-files.js';
import { deriveAuditAnchorKey, verifyAuditDir } from '../../bot/audit/audit-log.js';
import { actionActivity, CONVERSATIONS, messageActivity, sendToBot, USERS } from '../support/activities.js';
import { buttonsOf, requestIdOf } from '../support/approval-cards.js';
import { compileForNode } from '../support/audit-compile-writer.js';
import { type ChannelStub, startChannelStub } from '../support/channel-stub.js';
import {
  type ConfluenceSimulator,
  type RecordedRequest,
  startConfluenceSimulator,
} from '../support/confluence-simulator/index.js';
import { harnessEnv } from '../support/harness.js';
import { makeRandom } from '../support/seeded-random.js';

/**
 * Contract 3 ("exactly one execution however many clicks arrive") and Contract 4 across kill -9.
 * The real bot runs as a child process (tests/support/approvals-crash-bot.ts, transpiled for plain
 * node) on one DATA_DIR, against the Confluence simulator and the channel stub in this process.
 * Each iteration files create and update requests under `confirm`, clicks Approve on some (double
 * clicks by two approvers included), SIGKILLs the bot before, during or after the Confluence write,
 * restarts it on the same DATA_DIR and checks the approvals, the pages and the audit chain.
 * Delays come from a PRNG seeded per iteration: APPROVALS_CRASH_SEED=<seed> replays a run's choices.
 */

const ITERATIONS = 20;
const NEW_REQUESTS_PER_ITERATION = 3;
/** The simulator holds the first write of an iteration this long when the kill is aimed "during" it. */
const WRITE_DELAY_MS = 500;
const SECRET_KEY = randomBytes(32);
const ANCHOR_KEY = deriveAuditAnchorKey(SECRET_KEY);
const LAUNCHER = 'tests/support/approvals-crash-bot.ts';
/**
 * CONFLUENCE_TIMEOUT_MS of the bot, also how long its startup recovery waits for a write still in
 * flight before calling it not landed (the "during" kills leave one held by the simulator).
 */
const CONFLUENCE_TIMEOUT_MS = 3_000;
/** Pages the update requests edit (ENG/HR/OPS, visible to the bot account); one open request per page. */
const UPDATE_POOL: readonly (readonly [string, string])[] = [
  ['ENG', 'Testing Strategy'],
  ['ENG', 'Team Rituals'],
  ['ENG', 'Feature Flags'],
  ['ENG', 'API Style Guide'],
  ['HR', 'Paid Time Off'],
  ['HR', 'Performance Reviews'],
  ['HR', 'Code of Conduct'],
  ['OPS', 'Laptop Setup'],
  ['OPS', 'Wi-Fi and Printers'],
  ['OPS', 'Password and MFA Policy'],
];

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await sleep(2);
  }
  return true;
}

/** Transpiles the launcher and the bot's worker entries into one folder that finds `cards/`. */
async function buildLauncher(): Promise<{ script: string; dirs: string[] }> {
  const root = process.cwd();
  const script = await compileForNode(LAUNCHER, root);
  const out = script.slice(0, -LAUNCHER.replace(/\.ts$/, '.js').length);
  const dirs = [out];
  for (const worker of ['bot/confluence/page-worker.ts', 'bot/audit/verify-worker.ts']) {
    const built = await compileForNode(worker, root);
    const workerOut = built.slice(0, -worker.replace(/\.ts$/, '.js').length);
    dirs.push(workerOut);
    await cp(join(workerOut, 'bot'), join(out, 'bot'), { recursive: true, force: false });
  }
  await symlink(join(root, 'cards'), join(out, 'cards'), 'dir');
  return { script, dirs };
}

/** One bot process: started as a warm standby (modules loaded), told `go` after the previous one died. */
class BotProcess {
  readonly child: ChildProcess;
  readonly acked: number[] = [];
  readonly loaded: Promise<void>;
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  port = 0;
  stderr = '';
  #listening: Promise<number>;

  constructor(script: string, env: Record<string, string>) {
    this.child = spawn(process.execPath, [script], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let onLoaded: () => void = () => undefined;
    let onListening: (port: number) => void = () => undefined;
    this.loaded = new Promise((done) => {
      onLoaded = done;
    });
    this.#listening = new Promise((done) => {
      onListening = done;
    });
    let buffered = '';
    this.child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'loaded') onLoaded();
        else if (line.startsWith('listening ')) onListening(Number(line.slice(10)));
        else if (line.startsWith('ack ')) this.acked.push(Number(line.slice(4)));
      }
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4_000);
    });
    this.closed = new Promise((done) => this.child.on('close', (code, signal) => done({ code, signal })));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Opens DATA_DIR and listens; resolves with the port (rejects if the process exits first). */
  async go(): Promise<number> {
    await this.loaded;
    this.child.stdin?.write('go\n');
    const exited = this.closed.then(({ code, signal }) => {
      throw new Error(`bot exited during startup (${code ?? signal}): ${this.stderr}`);
    });
    this.port = await Promise.race([this.#listening, exited]);
    return this.port;
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.closed;
  }
}

type Phase = 'before' | 'during' | 'after';

interface Tracked {
  readonly id: string;
  readonly kind: 'create' | 'update';
  readonly title: string;
  readonly spaceKey: string;
  readonly pageId?: string;
  readonly marker: string;
  readonly versionAtFiling?: number;
  readonly filedIn: number;
  clicks: number;
  /** A click answered "Approved by" (the turn finished: the result must be recorded). */
  acknowledgedApproved: boolean;
  final?: string;
}

function isPageWrite(request: RecordedRequest): boolean {
  return (
    (request.method === 'POST' && request.path === '/wiki/api/v2/pages') ||
    (request.method === 'PUT' && /^\/wiki\/api\/v2\/pages\/\d+$/.test(request.path))
  );
}

describe('approvals survive kill -9', () => {
  let confluence: ConfluenceSimulator;
  let channel: ChannelStub;
  let dataDir: string;
  let script: string;
  let buildDirs: string[] = [];
  const processes: BotProcess[] = [];

  beforeAll(async () => {
    [confluence, channel, dataDir] = await Promise.all([
      startConfluenceSimulator({ validateResponses: false }),
      startChannelStub(),
      mkdtemp(join(tmpdir(), 'approvals-crash-')),
    ]);
    channel.setMembers('*', Object.values(USERS));
    ({ script, dirs: buildDirs } = await buildLauncher());
  }, 120_000);

  afterAll(async () => {
    for (const bot of processes)
      if (bot.child.exitCode === null && bot.child.signalCode === null) await bot.kill();
    await Promise.all([channel?.close(), confluence?.close()]);
    for (const dir of [dataDir, ...buildDirs]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(`files, approves and executes exactly once across ${ITERATIONS} kills during approvals`, async () => {
    const started = Date.now();
    const baseSeed = Number(process.env.APPROVALS_CRASH_SEED ?? Date.now() % 1_000_000);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      NODE_ENV: 'test',
      ...harnessEnv(confluence.url, dataDir),
      SECRET_KEY: SECRET_KEY.toString('base64'),
      CONFLUENCE_TIMEOUT_MS: String(CONFLUENCE_TIMEOUT_MS),
      LOG_LEVEL: 'warn',
    };
    const startStandby = () => {
      const bot = new BotProcess(script, env);
      processes.push(bot);
      return bot;
    };
    const auditDir = join(dataDir, 'audit');
    const tracked = new Map<string, Tracked>();
    const figures = {
      planned: { before: 0, during: 0, after: 0 } as Record<Phase, number>,
      observed: { before: 0, during: 0, after: 0 } as Record<Phase, number>,
      filed: { create: 0, update: 0 },
      clicks: 0,
      doubleClicks: 0,
      reClicks: 0,
      pendingAfterClickAndKill: 0,
      unclickedChecked: 0,
      tornTails: 0,
      maxAcked: 0,
      /** Requests left `approved` by a kill (write in flight), and what the restart's recovery made of them. */
      interrupted: 0,
      recoveredExecuted: 0,
      recoveredFailed: 0,
      /** Per restart with interrupted requests: ms from listening to the last one settled. */
      settleMs: [] as number[],
    };

    const requestOf = async (id: string): Promise<{ status: string; error?: string }> => {
      const text = await readFile(join(dataDir, APPROVALS_DIR, `${id}.json`), 'utf8');
      return (JSON.parse(text) as { request: { status: string; error?: string } }).request;
    };
    const statusOf = async (id: string): Promise<string> => (await requestOf(id)).status;
    const writesOf = (record: Tracked): RecordedRequest[] =>
      confluence.requests.filter((request) => {
        if (!isPageWrite(request)) return false;
        if (record.kind === 'create') {
          return request.method === 'POST' && (request.body as { title?: unknown })?.title === record.title;
        }
        return (
          request.path.endsWith(`/${record.pageId}`) &&
          JSON.stringify(request.body ?? '').includes(record.marker)
        );
      });
    const landed = (record: Tracked) => writesOf(record).filter((r) => r.status >= 200 && r.status < 300);

    const say = async (bot: BotProcess, text: string) => {
      const before = channel.calls.length;
      const { status } = await sendToBot(
        bot.url,
        messageActivity(channel.url, text, { from: USERS.writer, conversation: CONVERSATIONS.channel }),
      );
      const posts = channel.calls.slice(before).map((call) => call.activity);
      const withCard = posts.find((p) => (p.attachments as unknown[] | undefined)?.length);
      const card = (withCard?.attachments as { content?: Record<string, unknown> }[] | undefined)?.[0]
        ?.content;
      return { status, card };
    };
    const click = (bot: BotProcess, verb: string, id: string, from = USERS.lead) =>
      sendToBot(
        bot.url,
        actionActivity(
          channel.url,
          verb,
          { requestId: id },
          { from, conversation: CONVERSATIONS.channel, replyToId: `card-${id}` },
        ),
      );

    let current = startStandby();
    await current.go();
    let standby = startStandby();

    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const seed = (baseSeed + iteration * 7_919) >>> 0;
      const random = makeRandom(seed);
      const context = `seed ${baseSeed}, iteration ${iteration} (iteration seed ${seed})`;
      const health = await fetch(`${current.url}/healthz`);
      expect(health.status, context).toBe(200);

      // 1. File new requests under `confirm`: creates and updates (updates on pages nobody else is editing).
      const busyPages = new Set(
        [...tracked.values()].filter((t) => t.final === undefined && t.pageId).map((t) => t.pageId),
      );
      const freePages = UPDATE_POOL.map(([space, title]) => confluence.findPageByTitle(space, title)!).filter(
        (page) => !busyPages.has(page.id),
      );
      const fresh: Tracked[] = [];
      for (let k = 0; k < NEW_REQUESTS_PER_ITERATION; k++) {
        const marker = `m${baseSeed}x${iteration}x${k}`;
        const wantsUpdate = k === 0 ? false : k === 1 ? true : random() < 0.5;
        const page = wantsUpdate
          ? freePages.splice(Math.floor(random() * freePages.length), 1)[0]
          : undefined;
        const title = page ? page.title : `Crash ${baseSeed} ${iteration}.${k}`;
        const text = page
          ? `update ${page.id}\nappend: Crash note ${marker}`
          : `create "${title}" in ENG\nCreated by the crash test, ${marker}.`;
        const asked = await say(current, text);
        expect(asked.status, `${context}: ${text}`).toBe(200);
        const record: Tracked = {
          id: requestIdOf(asked.card),
          kind: page ? 'update' : 'create',
          title,
          spaceKey: page?.spaceKey ?? 'ENG',
          ...(page ? { pageId: page.id, versionAtFiling: page.version } : {}),
          marker,
          filedIn: iteration,
          clicks: 0,
          acknowledgedApproved: false,
        };
        tracked.set(record.id, record);
        fresh.push(record);
        figures.filed[record.kind] += 1;
      }

      // 2. Approve every request left pending by earlier kills and some new ones (at least one new stays untouched).
      const leftovers = [...tracked.values()].filter((t) => t.final === undefined && t.filedIn < iteration);
      const chosenNew = fresh.filter((_, k) => k < fresh.length - 1 && random() < 0.7);
      const toClick = [...leftovers, ...chosenNew];
      const untouched = fresh.filter((t) => !chosenNew.includes(t));
      const planned: Phase = (['before', 'during', 'after'] as const)[Math.floor(random() * 3)] ?? 'before';
      figures.planned[planned] += 1;
      const firstWrite = confluence.requests.length;
      const writesSince = () => confluence.requests.slice(firstWrite).filter(isPageWrite);
      if (planned === 'during') {
        for (const method of ['POST', 'PUT']) {
          confluence.injectFault({
            kind: 'delay',
            ms: WRITE_DELAY_MS,
            times: 1,
            method,
            pathIncludes: '/api/v2/pages',
          });
        }
      }
      const killDelay =
        planned === 'before'
          ? random() * 80
          : planned === 'during'
            ? random() * (WRITE_DELAY_MS - 150)
            : random() * 40;
      const clicks: Promise<unknown>[] = [];
      for (const record of toClick) {
        const double = random() < 0.5;
        const clickers = double ? [USERS.lead, USERS.lead2] : [random() < 0.5 ? USERS.lead : USERS.lead2];
        record.clicks += clickers.length;
        figures.clicks += clickers.length;
        if (double) figures.doubleClicks += 1;
        for (const from of clickers) {
          clicks.push(
            click(current, 'approve', record.id, from).then(
              ({ body }) => {
                if (JSON.stringify(body ?? '').includes('Approved by')) record.acknowledgedApproved = true;
              },
              () => undefined, // the kill cut the connection
            ),
          );
        }
      }

      // 3. Kill -9: before the first write arrives, while it is held by the simulator, or after it was answered.
      if (planned === 'during') await waitFor(() => writesSince().length > 0, 10_000);
      if (planned === 'after') await waitFor(() => writesSince().some((r) => r.status !== 0), 10_000);
      await sleep(killDelay);
      const atKill = writesSince();
      const observed: Phase =
        atKill.length === 0 ? 'before' : atKill.some((r) => r.status === 0) ? 'during' : 'after';
      figures.observed[observed] += 1;
      const untouchedAtKill = await Promise.all(untouched.map((t) => statusOf(t.id)));
      await current.kill();
      await Promise.all(clicks);
      confluence.clearFaults();
      const killContext = `${context}, kill aimed ${planned} the write after ${killDelay.toFixed(0)} ms, landed ${observed}`;
      expect(
        untouchedAtKill.every((s) => s === 'pending'),
        killContext,
      ).toBe(true);

      // 4. Every acknowledged audit entry is on disk and the chain (with its anchors) verifies, before any repair.
      const acked = Math.max(0, ...current.acked);
      figures.maxAcked = Math.max(figures.maxAcked, acked);
      const offline = await verifyAuditDir(auditDir, { anchorKey: ANCHOR_KEY });
      expect(offline, killContext).toMatchObject({ ok: true });
      if (offline.ok) {
        expect(
          offline.entries,
          `${killContext}: entries on disk vs highest acknowledged seq`,
        ).toBeGreaterThanOrEqual(figures.maxAcked);
        if (offline.tornTail) figures.tornTails += 1;
      }

      // 5. Restart on the same DATA_DIR (the standby opens the stores only now) and check it answers.
      const interruptedIds = new Set<string>();
      for (const record of tracked.values())
        if (record.final === undefined && (await statusOf(record.id)) === 'approved')
          interruptedIds.add(record.id);
      figures.interrupted += interruptedIds.size;
      await standby.go();
      const listeningAt = Date.now();
      current = standby;
      standby = startStandby();
      const restarted = await fetch(`${current.url}/healthz`);
      expect(restarted.status, killContext).toBe(200);
      expect(await restarted.json(), killContext).toMatchObject({ status: 'ok' });
      // A write the simulator was holding lands now, with nobody waiting for it.
      expect(await waitFor(() => confluence.requests.every((r) => r.status !== 0), 5_000), killContext).toBe(
        true,
      );
      // The recovery settles interrupted requests in the background: at most the in-flight grace
      // plus a check, well within this bound.
      const settledBy = Date.now() + CONFLUENCE_TIMEOUT_MS + 15_000;
      let pendingRecovery = [...interruptedIds];
      while (pendingRecovery.length > 0 && Date.now() < settledBy) {
        const statuses = await Promise.all(pendingRecovery.map((id) => statusOf(id)));
        pendingRecovery = pendingRecovery.filter((_, k) => statuses[k] === 'approved');
        if (pendingRecovery.length > 0) await sleep(50);
      }
      if (interruptedIds.size > 0) figures.settleMs.push(Date.now() - listeningAt);

      // 6. The approvals after the restart.
      const decidedNow: Tracked[] = [];
      for (const record of [...tracked.values()].filter((t) => t.final === undefined)) {
        const { status, error } = await requestOf(record.id);
        const writes = writesOf(record);
        const done = landed(record);
        const about = `${killContext}: ${record.kind} "${record.title}" (${record.id}, ${record.clicks} clicks) is ${status}, ${writes.length} write(s), ${done.length} landed`;
        expect(status, about).not.toBe('approved');
        expect(writes.length, about).toBeLessThanOrEqual(1);
        if (record.clicks === 0) expect(status, about).toBe('pending');
        if (status === 'pending') {
          expect(writes.length, about).toBe(0);
          if (record.clicks > 0) figures.pendingAfterClickAndKill += 1;
          continue;
        }
        expect(['executed', 'failed'], about).toContain(status);
        // Executed exactly when its write landed: a landed write interrupted by the kill is proven
        // by the restart's recovery (executed), one that did not land ends failed.
        expect(status, about).toBe(done.length === 1 ? 'executed' : 'failed');
        // Failed only because the kill interrupted it, not for another reason.
        if (status === 'failed') expect(error, about).toMatch(/stopped.*not written/i);
        if (interruptedIds.has(record.id)) {
          if (status === 'executed') figures.recoveredExecuted += 1;
          else figures.recoveredFailed += 1;
        }
        if (record.acknowledgedApproved) expect(status, about).toBe('executed');
        if (record.kind === 'create') {
          expect(Boolean(confluence.findPageByTitle(record.spaceKey, record.title)), about).toBe(
            done.length === 1,
          );
        } else {
          const page = confluence.getPage(record.pageId!)!;
          expect(page.storage.split(record.marker).length - 1, about).toBe(done.length);
          expect(page.version - record.versionAtFiling!, about).toBe(done.length);
        }
        record.final = status;
        decidedNow.push(record);
      }

      // 7. Untouched requests are still approvable; decided ones are never executed again, however many clicks.
      for (const record of untouched) {
        const refreshed = await click(current, 'refreshApproval', record.id);
        const card = (refreshed.body as { value?: Record<string, unknown> } | undefined)?.value;
        expect(
          buttonsOf(card).map((b) => b.verb),
          `${killContext}: ${record.id}`,
        ).toEqual(expect.arrayContaining(['approve', 'reject']));
        figures.unclickedChecked += 1;
      }
      const writesBefore = confluence.requests.filter(isPageWrite).length;
      await Promise.all(
        decidedNow.flatMap((record) => [
          click(current, 'approve', record.id, USERS.lead),
          click(current, 'approve', record.id, USERS.lead2),
        ]),
      );
      figures.reClicks += decidedNow.length * 2;
      expect(confluence.requests.filter(isPageWrite).length, `${killContext}: re-clicks wrote`).toBe(
        writesBefore,
      );
      for (const record of decidedNow) expect(await statusOf(record.id), killContext).toBe(record.final);
    }

    // Finally, approve what is still pending with no kill: each executes exactly once.
    const remaining = [...tracked.values()].filter((t) => t.final === undefined);
    await Promise.all(
      remaining.flatMap((record) => [
        click(current, 'approve', record.id, USERS.lead),
        click(current, 'approve', record.id, USERS.lead2),
      ]),
    );
    for (const record of remaining) {
      const about = `seed ${baseSeed}, final approval of ${record.kind} "${record.title}" (${record.id})`;
      expect(await statusOf(record.id), about).toBe('executed');
      expect(writesOf(record).length, about).toBe(1);
      record.final = 'executed';
    }
    current.child.kill('SIGTERM');
    expect((await current.closed).code, `seed ${baseSeed}: clean shutdown`).toBe(0);
    const finalAcked = Math.max(0, ...current.acked);
    const final = await verifyAuditDir(auditDir, { anchorKey: ANCHOR_KEY });
    expect(final, `seed ${baseSeed}`).toMatchObject({ ok: true, anchor: { checked: true } });
    if (final.ok) expect(final.entries).toBeGreaterThanOrEqual(Math.max(finalAcked, figures.maxAcked));

    const ends = [...tracked.values()];
    const failedWithWrite = ends.filter((t) => t.final === 'failed' && landed(t).length === 1).length;
    const summary = {
      seed: baseSeed,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      ...figures,
      requests: ends.length,
      executed: ends.filter((t) => t.final === 'executed').length,
      failed: ends.filter((t) => t.final === 'failed').length,
      failedWithWrite,
      auditEntries: final.ok ? final.entries : undefined,
    };
    process.stderr.write(`approvals-crash: ${JSON.stringify(summary)}\n`);
  }, 300_000);
});
