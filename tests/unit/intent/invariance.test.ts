import { describe, expect, it } from 'vitest';
import type { RequestCase } from '../../fixtures/intent/request-labels.js';
import { TRAIN_REQUESTS } from '../../fixtures/intent/requests-train.js';
import { makeRandom } from '../../support/seeded-random.js';
import {
  CHANNEL_VOICE_PERTURBATIONS,
  GREETINGS_ALONE,
  PERTURBATIONS,
  requestKind,
  VOICE_PERTURBATIONS,
} from './perturbations.js';
import { matchesLabel, understand } from './request-eval.js';

/**
 * Invariance (metamorphic testing, issue 13): a training request the parser reads right must still be
 * read right when it is said another way that keeps its meaning — a greeting first, courtesy, chat
 * residue, case, punctuation, spacing, another page noun, a sign-off (perturbations.ts). A seeded
 * sample keeps the run to a few seconds; the floor is the share reached, so a regression fails
 * (ninth round: 8563/9246 = 92.6 % before its fixes, 9233/9246 = 99.9 % after; `INVARIANCE_MISSES=1` lists
 * the misses).
 */
const SEED = 13;
/** Items tried per perturbation (a seeded sample of those it applies to). */
const PER_PERTURBATION = 120;
const FLOOR = 0.995;
/**
 * The tenth round's voice families (chatty, non-native; `VOICE_PERTURBATIONS`), measured and floored
 * on their own, each family's share (tenth round, same training set: chatty 75.3 % → 99.5 %,
 * non-native 68.7 % → 99.7 %).
 */
const VOICE_FLOOR = 0.99;
/**
 * Each family's floor: the tenth round's two and the eleventh round's phone, regional and greetings at
 * `VOICE_FLOOR`; channel habits lower, because "all lower case, no punctuation" takes away the commas
 * that tell a story from a name (eleventh round, same training set: channel 78.8 % → 98.7 %, phone
 * 81.3 % → 99.1 %, regional 76.7 % → 99.3 %, greetings 91.2 % → 99.9 %).
 */
const FAMILY_FLOORS: Readonly<Record<string, number>> = {
  chatty: VOICE_FLOOR,
  'non-native': VOICE_FLOOR,
  channel: 0.98,
  phone: VOICE_FLOOR,
  regional: VOICE_FLOOR,
  greetings: VOICE_FLOOR,
};
/** Items tried per perturbation of the eleventh round's families (fewer, to keep the run short). */
const PER_CHANNEL_PERTURBATION = 80;

function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

function percent(hits: number, total: number): string {
  return `${hits}/${total} = ${total === 0 ? '-' : ((hits / total) * 100).toFixed(1)}%`;
}

describe('invariance: the same request said another way', () => {
  it('reads perturbed training requests as labelled (figures printed)', () => {
    const random = makeRandom(SEED);
    const readRight = TRAIN_REQUESTS.filter((item) => matchesLabel(understand(item.text), item.expect));
    const byPerturbation: string[] = [];
    const byKind = new Map<string, { hits: number; total: number }>();
    const misses: string[] = [];
    let hits = 0;
    let total = 0;
    const byFamily = new Map<string, { hits: number; total: number }>();
    for (const perturbation of [...PERTURBATIONS, ...VOICE_PERTURBATIONS, ...CHANNEL_VOICE_PERTURBATIONS]) {
      const cases = readRight.flatMap((item): { item: RequestCase; text: string }[] => {
        if (!perturbation.kinds.includes(requestKind(item))) return [];
        const text = perturbation.apply(item.text, item);
        return text === undefined || text === item.text ? [] : [{ item, text }];
      });
      let right = 0;
      const count = CHANNEL_VOICE_PERTURBATIONS.includes(perturbation)
        ? PER_CHANNEL_PERTURBATION
        : PER_PERTURBATION;
      const tried = sample(cases, count, random);
      for (const { item, text } of tried) {
        const ok = matchesLabel(understand(text), item.expect);
        const kind = requestKind(item);
        const tally = byKind.get(kind) ?? { hits: 0, total: 0 };
        if (!perturbation.family)
          byKind.set(kind, { hits: tally.hits + (ok ? 1 : 0), total: tally.total + 1 });
        if (ok) right += 1;
        else
          misses.push(`[${perturbation.name}] ${JSON.stringify(text)} → ${JSON.stringify(understand(text))}`);
      }
      const family = perturbation.family ?? 'earlier rounds';
      const tally = byFamily.get(family) ?? { hits: 0, total: 0 };
      byFamily.set(family, { hits: tally.hits + right, total: tally.total + tried.length });
      byPerturbation.push(`  ${perturbation.name}: ${percent(right, tried.length)}`);
      if (perturbation.family) continue;
      hits += right;
      total += tried.length;
    }
    const kinds = [...byKind].map(([kind, tally]) => `  ${kind}: ${percent(tally.hits, tally.total)}`);
    const families = [...byFamily].map(
      ([family, tally]) => `  ${family}: ${percent(tally.hits, tally.total)}`,
    );
    console.log(
      `invariance: ${percent(hits, total)} over ${readRight.length} training items read right\n` +
        `by perturbation:\n${byPerturbation.join('\n')}\nby kind:\n${kinds.join('\n')}\n` +
        `by family:\n${families.join('\n')}`,
    );
    if (process.env.INVARIANCE_MISSES) console.log(misses.join('\n'));
    expect(hits / total).toBeGreaterThanOrEqual(FLOOR);
    for (const [family, floor] of Object.entries(FAMILY_FLOORS)) {
      const tally = byFamily.get(family) ?? { hits: 0, total: 1 };
      expect(tally.hits / tally.total, family).toBeGreaterThanOrEqual(floor);
    }
    // About 20,000 readings (eleventh round): 13 s of CPU, 40 s wall at load average 10 on two cores. A measurement, not a timing.
  }, 120_000);

  it('reads greetings and thanks alone as a greeting, never a search (figures printed)', () => {
    const misses = GREETINGS_ALONE.flatMap((text) => {
      const intent = understand(text);
      return intent.kind === 'greeting' ? [] : [`${JSON.stringify(text)} → ${JSON.stringify(intent)}`];
    });
    const hits = GREETINGS_ALONE.length - misses.length;
    console.log(`greetings alone: ${percent(hits, GREETINGS_ALONE.length)}`);
    if (process.env.INVARIANCE_MISSES) console.log(misses.join('\n'));
    // Eleventh round: 266/315 before its fixes, 315/315 after.
    expect(hits / GREETINGS_ALONE.length).toBeGreaterThanOrEqual(VOICE_FLOOR);
  });
});
