import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfluenceClient } from '../../bot/confluence/client.js';
import type { ConfluenceClient } from '../../bot/confluence/types.js';
import { resolvePageName } from '../../bot/operations/resolve-page-name.js';
import { searchPages } from '../../bot/operations/search-pages.js';
import type { EffectiveSpaces } from '../../bot/policy/decide.js';
import { Secret } from '../../bot/secret.js';
import type { RequestCase } from '../fixtures/intent/request-labels.js';
import { HELD_OUT_REQUESTS } from '../fixtures/intent/requests-held-out.js';
import { TRAIN_REQUESTS } from '../fixtures/intent/requests-train.js';
import {
  type ConfluenceSimulator,
  DEFAULT_ACCOUNTS,
  startConfluenceSimulator,
} from '../support/confluence-simulator/index.js';
import { matchesLabel, understand } from '../unit/intent/request-eval.js';

/**
 * The requests evaluation of issue 13 scored by what the bot then does, beside the strict score of
 * tests/unit/intent/requests.test.ts (which wants the labelled words). A reading whose words differ
 * from the label still counts when, run against the simulator as the bot runs it, it does the same
 * thing: a search shows the same first three pages, a page named by title resolves to the same page
 * (or the same pick list), an update also carries the labelled edit. It counts only when the label's
 * own reading finds something; a reading that differs in kind, space-free words that find nothing,
 * or any other difference is a miss. Misses are not printed (the held-out set is not looked at).
 */
const SPACES: EffectiveSpaces = { kind: 'list', keys: ['ENG', 'HR', 'OPS'] };
/** The figures reached (BENCHMARKS.md, "Understanding — requests"). */
const FLOOR = { train: 0.997, heldOut: 0.945 };

type Reading = Readonly<Record<string, unknown>>;
type Request = Readonly<Record<string, unknown>> & { operation?: string; words?: string; spaceKey?: string };

/** The pages a search shows first, or a page name resolves to; empty when it finds nothing. */
async function pagesOf(client: ConfluenceClient, reading: Reading): Promise<string[]> {
  const request = reading.request as Request | undefined;
  if (reading.kind === 'operation' && request?.operation === 'search') {
    const { results } = await searchPages(client, {
      words: String(request.words),
      ...(request.spaceKey ? { spaceKey: request.spaceKey } : {}),
      spaces: SPACES,
    });
    return results.hits.slice(0, 3).map((hit) => hit.pageId);
  }
  if (reading.kind === 'page-by-name' && request) {
    const ref = request.ref as { words: string; spaceKey?: string };
    const resolution = await resolvePageName(
      client,
      { kind: 'title-search', words: ref.words, ...(ref.spaceKey ? { spaceKey: ref.spaceKey } : {}) },
      SPACES,
    );
    // A write by a shortened name is only offered to pick (bot/handlers/intents/page-by-name.ts): not done.
    if (resolution.kind === 'found')
      return resolution.shortened !== undefined && request.operation === 'update'
        ? []
        : [resolution.page.pageId];
    if (resolution.kind === 'several') return resolution.candidates.map((page) => page.pageId);
  }
  return [];
}

/** Whether `actual` does what `expected` (a label, partial) asks, judged by its effect. */
async function doesTheSame(client: ConfluenceClient, actual: Reading, expected: Reading): Promise<boolean> {
  if (matchesLabel(actual, expected)) return true;
  const want = expected.request as Request | undefined;
  const got = actual.request as Request | undefined;
  if (actual.kind !== expected.kind || !want || !got || want.operation !== got.operation) return false;
  if (want.operation === 'update' && !matchesLabel(got.edit, want.edit)) return false;
  if (!['search', 'get', 'update'].includes(String(want.operation))) return false;
  const [wanted, found] = await Promise.all([pagesOf(client, expected), pagesOf(client, actual)]);
  return wanted.length > 0 && wanted.join(' ') === found.join(' ');
}

async function score(
  client: ConfluenceClient,
  set: readonly RequestCase[],
): Promise<{ strict: number; outcome: number }> {
  let strict = 0;
  let outcome = 0;
  for (const item of set) {
    const actual = understand(item.text) as Reading;
    if (matchesLabel(actual, item.expect)) strict += 1;
    if (await doesTheSame(client, actual, item.expect)) outcome += 1;
  }
  return { strict, outcome };
}

const percent = (hits: number, total: number): string =>
  `${hits}/${total} = ${((hits / total) * 100).toFixed(1)}%`;

describe('requests evaluation by outcome', () => {
  let sim: ConfluenceSimulator;
  let client: ConfluenceClient;
  beforeAll(async () => {
    sim = await startConfluenceSimulator();
    client = createConfluenceClient(
      {
        siteUrl: sim.url,
        email: DEFAULT_ACCOUNTS.bot.email,
        apiToken: new Secret(DEFAULT_ACCOUNTS.bot.apiToken),
      },
      // Retries as in production: over some 5,000 searches a kept-alive connection the simulator has just
      // closed can reset one GET on a loaded machine (CI saw one ECONNRESET); the bot retries GETs, so here too.
      { maxRetries: 2, timeoutMs: 10_000 },
    );
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('scores a reading by what it does: never below the strict score, and a wrong page is a miss', async () => {
    const label = {
      kind: 'page-by-name',
      request: { operation: 'get', ref: { kind: 'title-search', words: 'VPN Setup Guide' } },
    };
    const same = {
      kind: 'page-by-name',
      request: { operation: 'get', ref: { kind: 'title-search', words: 'the vpn guide' } },
    };
    const other = {
      kind: 'page-by-name',
      request: { operation: 'get', ref: { kind: 'title-search', words: 'on-call rota' } },
    };
    const search = { kind: 'operation', request: { operation: 'search', words: 'VPN Setup Guide' } };
    expect(await doesTheSame(client, label, label)).toBe(true);
    expect(await doesTheSame(client, other, label)).toBe(false);
    expect(await doesTheSame(client, search, label)).toBe(false);
    expect(matchesLabel(same, label)).toBe(false);
    expect(await doesTheSame(client, same, label)).toBe(true);
    const nowhere = { kind: 'operation', request: { operation: 'search', words: 'zebra quantum' } };
    expect(
      await doesTheSame(
        client,
        { kind: 'operation', request: { operation: 'search', words: 'zebra' } },
        nowhere,
      ),
    ).toBe(false);
  });

  it('train and held-out: the share that does what was asked', async () => {
    const train = await score(client, TRAIN_REQUESTS);
    const heldOut = await score(client, HELD_OUT_REQUESTS);
    console.log(
      `requests by outcome: train ${percent(train.outcome, TRAIN_REQUESTS.length)} (strict ${percent(train.strict, TRAIN_REQUESTS.length)}), held-out ${percent(heldOut.outcome, HELD_OUT_REQUESTS.length)} (strict ${percent(heldOut.strict, HELD_OUT_REQUESTS.length)})`,
    );
    expect(train.outcome).toBeGreaterThanOrEqual(train.strict);
    expect(heldOut.outcome).toBeGreaterThanOrEqual(heldOut.strict);
    expect(train.outcome / TRAIN_REQUESTS.length).toBeGreaterThanOrEqual(FLOOR.train);
    expect(heldOut.outcome / HELD_OUT_REQUESTS.length).toBeGreaterThanOrEqual(FLOOR.heldOut);
    expect(sim.schemaViolations).toEqual([]);
  }, 120_000);
});
