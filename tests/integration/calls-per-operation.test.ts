import { afterEach, describe, expect, it } from 'vitest';
import { USERS } from '../support/activities.js';
import { requestIdOf } from '../support/approval-cards.js';
import type { RecordedRequest } from '../support/confluence-simulator/index.js';
import { type Harness, startHarness } from '../support/harness.js';

/**
 * Confluence calls per operation, counted in the simulator's request log while the real app runs
 * over HTTP (BENCHMARKS.md, "Confluence calls per operation"). Cold = the first time on a new
 * client (nothing cached), warm = the same operation again. Every simulator answer is delayed by
 * DELAY_MS so calls sent together overlap and calls sent one after another do not: a call's round
 * is one more than the latest round of the calls that had finished before it arrived.
 */
const DELAY_MS = 25;

interface Measured {
  /** Confluence requests the operation made. */
  readonly calls: number;
  /** Sequential round trips (calls in one round were in flight together). */
  readonly rounds: number;
  /** `METHOD path` of each call, in arrival order (for failure messages). */
  readonly log: readonly string[];
}

function roundsOf(requests: readonly RecordedRequest[]): number {
  const round = new Map<RecordedRequest, number>();
  for (const request of requests) {
    let latest = 0;
    for (const earlier of requests) {
      if (earlier === request) break;
      if (earlier.finishedAt !== undefined && earlier.finishedAt <= request.at)
        latest = Math.max(latest, round.get(earlier) ?? 0);
    }
    round.set(request, latest + 1);
  }
  return Math.max(0, ...round.values());
}

async function measure(h: Harness, run: () => Promise<unknown>): Promise<Measured> {
  const before = h.confluence.requests.length;
  await run();
  const requests = h.confluence.requests.slice(before);
  return {
    calls: requests.length,
    rounds: roundsOf(requests),
    log: requests.map((r) => `${r.method} ${r.path}`),
  };
}

/** The counts the bot must not exceed (cold/warm, calls and sequential rounds). */
function expectAtMost(measured: Measured, calls: number, rounds: number): void {
  const shown = `${measured.calls} calls in ${measured.rounds} rounds:\n  ${measured.log.join('\n  ')}`;
  expect(measured.calls, shown).toBeLessThanOrEqual(calls);
  expect(measured.rounds, shown).toBeLessThanOrEqual(rounds);
}

describe('Confluence calls per operation (simulator request log)', () => {
  let h: Harness | undefined;
  const start = async (): Promise<Harness> => {
    h = await startHarness();
    h.confluence.injectFault({ kind: 'delay', ms: DELAY_MS, times: 100_000 });
    return h;
  };
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('get <id> of a page two levels deep: breadcrumbs shown', async () => {
    const harness = await start();
    const page = harness.confluence.findPageByTitle('ENG', 'ADR-012 Event Sourcing for Orders')!;
    let text = '';
    const cold = await measure(harness, async () => {
      text = (await harness.say(`get ${page.id}`)).text;
    });
    expect(text).toContain('Architecture Overview');
    const warm = await measure(harness, () => harness.say(`get ${page.id}`));
    console.info('get', { cold, warm });
    expectAtMost(cold, 5, 2);
    expectAtMost(warm, 3, 2);
  });

  it('create + approve', async () => {
    const harness = await start();
    const run = (title: string) =>
      measure(harness, async () => {
        const asked = await harness.say(`create "${title}" in ENG\nHello`, { from: USERS.writer });
        const approved = await harness.click(
          'approve',
          { requestId: requestIdOf(asked.card) },
          { from: USERS.lead, replyToId: 'card' },
        );
        expect(approved.text).toMatch(/Approved by/);
      });
    const cold = await run('Calls Cold');
    const warm = await run('Calls Warm');
    console.info('create + approve', { cold, warm });
    expectAtMost(cold, 3, 3);
    expectAtMost(warm, 2, 2);
  });

  it('update + approve', async () => {
    const harness = await start();
    const page = harness.confluence.findPageByTitle('ENG', 'Testing Strategy')!;
    const run = (words: string) =>
      measure(harness, async () => {
        const asked = await harness.say(`update ${page.id}\nappend: ${words}`, { from: USERS.writer });
        const approved = await harness.click(
          'approve',
          { requestId: requestIdOf(asked.card) },
          { from: USERS.lead, replyToId: 'card' },
        );
        expect(approved.text).toMatch(/Approved by/);
      });
    const cold = await run('Reviewed once.');
    const warm = await run('Reviewed twice.');
    expect(harness.confluence.getPage(page.id)!.storage).toContain('Reviewed twice.');
    console.info('update + approve', { cold, warm });
    expectAtMost(cold, 4, 4);
    expectAtMost(warm, 3, 3);
  });

  it('search', async () => {
    const harness = await start();
    const cold = await measure(harness, () => harness.say('search deployment'));
    const warm = await measure(harness, () => harness.say('search deployment'));
    console.info('search', { cold, warm });
    expectAtMost(cold, 1, 1);
    expectAtMost(warm, 1, 1);
  });

  it('a question: no ancestor reads', async () => {
    const harness = await start();
    const ask = () => harness.say('how many weeks of parental leave do we get?');
    const cold = await measure(harness, ask);
    const warm = await measure(harness, ask);
    console.info('question', { cold, warm });
    for (const m of [cold, warm]) expect(m.log.filter((l) => l.endsWith('/ancestors'))).toEqual([]);
    expectAtMost(cold, 5, 3);
    expectAtMost(warm, 4, 2);
  });
});
