import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBackoff, DEFAULT_BACKOFF, parseRetryAfter } from '../../../bot/confluence/retry.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['5', 5000],
    [' 120 ', 120_000],
    ['Sun, 01 Mar 2026 12:00:30 GMT', 30_000],
    ['Sun, 01 Mar 2026 11:59:00 GMT', 0],
  ])('%j -> %d ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each([null, undefined, '', '-1', '1.5', 'soon', '12abc', '2026-13-45'])('%j -> undefined', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});

describe('computeBackoff', () => {
  it('doubles the ceiling per attempt up to the cap', () => {
    const top = () => 0.999999;
    expect(computeBackoff(0, top)).toBe(499);
    expect(computeBackoff(1, top)).toBe(999);
    expect(computeBackoff(3, top)).toBe(3999);
    expect(computeBackoff(10, top)).toBe(9999);
    expect(computeBackoff(3, () => 0)).toBe(0);
    expect(computeBackoff(2, () => 0.5)).toBe(1000);
  });

  it('uses Retry-After as a floor', () => {
    expect(computeBackoff(0, () => 0, DEFAULT_BACKOFF, 7000)).toBe(7000);
    expect(computeBackoff(5, () => 0.9, DEFAULT_BACKOFF, 100)).toBe(9000);
  });

  it('property: stays within [floor, max(floor, min(cap, base*2^n))]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 0, max: 60_000 }),
        (attempt, r, floor) => {
          const delay = computeBackoff(attempt, () => r, DEFAULT_BACKOFF, floor);
          const ceiling = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** attempt);
          expect(delay).toBeGreaterThanOrEqual(floor);
          expect(delay).toBeLessThanOrEqual(Math.max(floor, ceiling));
          expect(Number.isInteger(delay)).toBe(true);
        },
      ),
    );
  });
});
