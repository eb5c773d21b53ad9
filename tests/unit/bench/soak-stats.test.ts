import { describe, expect, it } from 'vitest';
import { median, type SoakSample, seriesGrowth, slope, soakGrowth } from '../../bench/soak-stats.js';

const MB = 2 ** 20;

function samples(heapMb: readonly number[], rssMb: readonly number[]): SoakSample[] {
  return heapMb.map((heap, minute) => ({
    minute,
    heapUsed: heap * MB,
    rss: (rssMb[minute] ?? 0) * MB,
    turns: minute * 100,
    errors: 0,
  }));
}

describe('soak statistics', () => {
  it('fits a least-squares slope and takes medians', () => {
    expect(slope([0, 1, 2, 3], [10, 12, 14, 16])).toBeCloseTo(2);
    expect(slope([5], [1])).toBe(0);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('calls noise around a level flat and ignores the warm-up', () => {
    const heap = [40, 60, 80, 95, 99, 100, 101, 99, 100, 102, 100, 101];
    const growth = soakGrowth(
      samples(
        heap,
        heap.map((h) => h + 150),
      ),
      5,
    );
    expect(growth.points).toBe(7);
    expect(growth.heap.flat).toBe(true);
    expect(growth.rss.flat).toBe(true);
    expect(Math.abs(growth.heap.slopePer10Min)).toBeLessThan(5 * MB);
  });

  it('calls steady growth beyond the allowance not flat, with its slope per 10 minutes', () => {
    const points = Array.from({ length: 26 }, (_, i) => ({ minute: 5 + i, value: (100 + i) * MB }));
    const growth = seriesGrowth(points, 5 * MB);
    expect(growth.slopePer10Min).toBeCloseTo(10 * MB);
    expect(growth.total).toBe(25 * MB);
    expect(growth.allowance).toBeCloseTo(11.25 * MB);
    expect(growth.flat).toBe(false);
  });

  it('uses the absolute tolerance when 10 % of the median is smaller', () => {
    const points = [10, 10, 10, 10, 14, 14, 14].map((v, i) => ({ minute: i, value: v * MB }));
    expect(seriesGrowth(points, 5 * MB)).toMatchObject({ allowance: 5 * MB, flat: true });
    expect(seriesGrowth(points, 3 * MB).flat).toBe(false);
  });
});
