import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, ROOT_DIR } from '../../scripts/build.js';
import { CONVERSATIONS, messageActivity, sendToBot } from '../support/activities.js';
import { type ChannelStub, startChannelStub } from '../support/channel-stub.js';
import { type ConfluenceSimulator, startConfluenceSimulator } from '../support/confluence-simulator/index.js';
import { harnessEnv, visibleText } from '../support/harness.js';
import { FAKE_USERS, startSlackFake } from '../support/slack-fake/index.js';
import {
  appMentionEvent,
  slackEventRequest,
  TEST_SIGNING_SECRET,
  toFetchInit,
} from '../support/slack-requests.js';

/**
 * What `npm start` runs: the esbuild bundle, built once into a scratch folder under dist/, started as
 * a child process against the Confluence simulator. Checks that it serves /healthz, a search, a `get`
 * of a page big enough for the page worker, and that the bundled audit verify worker runs.
 */

const BUILD_TIMEOUT_MS = 120_000;

function waitForPort(child: ChildProcess, output: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      output.push(line);
      if (!line.includes('is listening')) return;
      resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`bot exited with ${code}: ${output.join('\n')}`)));
  });
}

/** A page of about 100 KB (the page worker takes pages over 32 KB), starting with `marker`. */
function bigStorage(marker: string): string {
  const paragraphs = Array.from(
    { length: 800 },
    (_, i) => `<p>Paragraph ${i}: routers, tunnels and <strong>certificates</strong>.</p>`,
  );
  return `<h1>${marker}</h1>${paragraphs.join('')}`;
}

describe('the built artefact (npm run build)', () => {
  let outDir: string;
  let dataDir: string;
  let confluence: ConfluenceSimulator;
  let channel: ChannelStub;
  let bot: ChildProcess | undefined;
  let slackBot: ChildProcess | undefined;
  let botUrl: string;
  const output: string[] = [];

  beforeAll(async () => {
    outDir = join(ROOT_DIR, 'dist', `.test-build-${process.pid}`);
    await buildBundle(outDir);
    confluence = await startConfluenceSimulator();
    channel = await startChannelStub();
    dataDir = await mkdtemp(join(tmpdir(), 'ca-built-'));
    bot = startBot({ ...harnessEnv(confluence.url, dataDir), LOG_LEVEL: 'info' });
    botUrl = `http://127.0.0.1:${await waitForPort(bot, output)}`;
  }, BUILD_TIMEOUT_MS);

  const startBot = (env: Record<string, string>): ChildProcess =>
    spawn(process.execPath, [join(outDir, 'index.js')], {
      cwd: ROOT_DIR,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });

  afterAll(async () => {
    for (const child of [bot, slackBot]) {
      if (!child || child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await confluence?.close();
    await channel?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  const say = async (text: string): Promise<string> => {
    const before = channel.calls.length;
    const { status } = await sendToBot(
      botUrl,
      messageActivity(channel.url, text, { conversation: CONVERSATIONS.personal }),
    );
    expect(status).toBe(200);
    return channel.calls
      .slice(before)
      .map((call) => visibleText(call.activity))
      .join('\n');
  };

  it('is one entry, two worker entries and chunks in one folder', () => {
    for (const file of ['index.js', 'page-worker.js', 'verify-worker.js'])
      expect(existsSync(join(outDir, file))).toBe(true);
  });

  it('is ASCII only (V8 then keeps each script source as a one-byte string: half the memory)', async () => {
    const scripts = (await readdir(outDir)).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const name of scripts)
      expect(await readFile(join(outDir, name), 'utf8')).not.toMatch(/[\u0080-\uffff]/);
  });

  it('serves /healthz', async () => {
    const response = await fetch(`${botUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', connectors: 1 });
  });

  it('answers a search', async () => {
    expect(await say('search vpn')).toContain('VPN Setup Guide');
  });

  it('shows a large page (converted on the page worker)', async () => {
    const page = confluence.findPageByTitle('OPS', 'VPN Setup Guide');
    if (!page) throw new Error('the corpus has no VPN Setup Guide');
    confluence.editPageAsHuman(page.id, bigStorage('Built artefact marker'));
    const text = await say(`get ${page.id}`);
    expect(text).toContain('Built artefact marker');
    expect(text).toContain('Paragraph 1');
    expect(output.join('\n')).not.toMatch(/worker (failed|exited|error)/i);
  });

  it('runs the bundled audit verify worker over the audit segments', async () => {
    const auditDir = join(dataDir, 'audit');
    const paths = (await readdir(auditDir))
      .filter((name) => name.startsWith('segment-'))
      .map((name) => join(auditDir, name));
    expect(paths.length).toBeGreaterThan(0);
    const worker = new Worker(pathToFileURL(join(outDir, 'verify-worker.js')), {
      workerData: { paths, checkpoints: [], tornTailOk: true },
    });
    const result = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(result).toMatchObject({ ok: true });
    expect((result as { entries: number }).entries).toBeGreaterThan(0);
  });

  it('loads the Slack edge (its own chunk) when SLACK_BOT_TOKEN is set, and answers a mention', async () => {
    const fake = await startSlackFake();
    const slackDataDir = await mkdtemp(join(tmpdir(), 'ca-built-slack-'));
    try {
      slackBot = startBot({
        ...harnessEnv(confluence.url, slackDataDir),
        LOG_LEVEL: 'info',
        SLACK_BOT_TOKEN: fake.token,
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
      });
      const slackUrl = `http://127.0.0.1:${await waitForPort(slackBot, [])}`;
      const event = appMentionEvent({
        text: `<@${FAKE_USERS.bot.id}> search vpn`,
        user: FAKE_USERS.linus.id,
      });
      const response = await fetch(`${slackUrl}/slack/events`, toFetchInit(slackEventRequest(event)));
      expect(response.status).toBe(200);
      for (let i = 0; i < 100 && fake.callsTo('chat.postMessage').length === 0; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(JSON.stringify(fake.callsTo('chat.postMessage'))).toContain('VPN Setup Guide');
    } finally {
      await fake.close();
      await rm(slackDataDir, { recursive: true, force: true });
    }
  });
});
