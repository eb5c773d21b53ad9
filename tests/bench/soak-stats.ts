/**
 * Figures of the soak from its per-minute memory samples: growth after warm-up (least-squares
 * slope per 10 minutes, and last minus first) and the flatness verdict. Pure.
 *
 * The flatness rule (written into the report): after the warm-up, a series is flat when its value
 * at the end (the mean of the last three samples, to ride over one GC's timing) is at most
 * max(10 %, `toleranceBytes`) above the median of the post-warm-up samples. Heap-used after GC uses
 * a 5 MB tolerance; RSS, which also holds freed-but-kept pages and code, 10 MB.
 */

/** One memory sample, taken right after forced GCs in the bot process. */
export interface SoakSample {
  /** Minutes since the traffic started. */
  readonly minute: number;
  readonly heapUsed: number;
  readonly rss: number;
  /** Turns served so far (cumulative). */
  readonly turns: number;
  /** Errors so far (cumulative). */
  readonly errors: number;
}

/** Growth of one series after warm-up. */
export interface SeriesGrowth {
  /** Median of the post-warm-up samples (bytes). */
  readonly median: number;
  /** Mean of the last three samples (bytes). */
  readonly end: number;
  /** Least-squares slope, bytes per 10 minutes. */
  readonly slopePer10Min: number;
  /** Last post-warm-up sample minus the first (bytes). */
  readonly total: number;
  /** The allowed rise above the median: max(10 % of it, tolerance). */
  readonly allowance: number;
  readonly flat: boolean;
}

/** Least-squares slope of `ys` over `xs` (0 for fewer than two points). */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return 0;
  const meanX = xs.slice(0, n).reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.slice(0, n).reduce((sum, y) => sum + y, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - meanX;
    covariance += dx * ((ys[i] ?? 0) - meanY);
    variance += dx * dx;
  }
  return variance === 0 ? 0 : covariance / variance;
}

/** Median of `values` (mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Growth and verdict of one series given its post-warm-up points. */
export function seriesGrowth(
  points: readonly { readonly minute: number; readonly value: number }[],
  toleranceBytes: number,
): SeriesGrowth {
  const values = points.map((point) => point.value);
  const mid = median(values);
  const last = values.slice(-3);
  const end = last.reduce((sum, v) => sum + v, 0) / Math.max(1, last.length);
  const allowance = Math.max(0.1 * mid, toleranceBytes);
  return {
    median: mid,
    end,
    slopePer10Min:
      slope(
        points.map((point) => point.minute),
        values,
      ) * 10,
    total: (values.at(-1) ?? 0) - (values[0] ?? 0),
    allowance,
    flat: values.length > 0 && end <= mid + allowance,
  };
}

/** Heap and RSS growth after `warmupMinutes` (samples at or after that minute count). */
export function soakGrowth(
  samples: readonly SoakSample[],
  warmupMinutes: number,
): { readonly heap: SeriesGrowth; readonly rss: SeriesGrowth; readonly points: number } {
  const after = samples.filter((sample) => sample.minute >= warmupMinutes);
  return {
    heap: seriesGrowth(
      after.map((s) => ({ minute: s.minute, value: s.heapUsed })),
      5 * 2 ** 20,
    ),
    rss: seriesGrowth(
      after.map((s) => ({ minute: s.minute, value: s.rss })),
      10 * 2 ** 20,
    ),
    points: after.length,
  };
}
