import { describe, expect, it } from 'vitest';
import { createEventDeduper } from '../../../bot/slack/event-dedupe.js';

describe('createEventDeduper', () => {
  it('reports an id as seen the second time within the window', () => {
    let t = 0;
    const dedupe = createEventDeduper({ ttlMs: 1000, now: () => t });
    expect(dedupe.seen('Ev1')).toBe(false);
    t = 999;
    expect(dedupe.seen('Ev1')).toBe(true);
    expect(dedupe.seen('Ev2')).toBe(false);
  });

  it('forgets ids after the window', () => {
    let t = 0;
    const dedupe = createEventDeduper({ ttlMs: 1000, now: () => t });
    dedupe.seen('Ev1');
    t = 1000;
    expect(dedupe.seen('Ev1')).toBe(false);
    expect(dedupe.size()).toBe(1);
  });

  it('stays bounded: the oldest ids are evicted first', () => {
    const dedupe = createEventDeduper({ maxEntries: 3, ttlMs: 60_000, now: () => 0 });
    for (const id of ['a', 'b', 'c', 'd']) dedupe.seen(id);
    expect(dedupe.size()).toBe(3);
    expect(dedupe.seen('d')).toBe(true);
    expect(dedupe.seen('a')).toBe(false);
  });

  it('holds 100,000 distinct ids in bounded memory, quickly', () => {
    let t = 0;
    const dedupe = createEventDeduper({ maxEntries: 10_000, now: () => t });
    const started = performance.now();
    for (let i = 0; i < 100_000; i += 1) {
      t += 1;
      dedupe.seen(`Ev${i}`);
    }
    expect(dedupe.size()).toBe(10_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
