/** One benchmark's contribution to BENCHMARKS.md. */
export interface BenchSection {
  /** Section heading (rendered as `## title`). */
  readonly title: string;
  /** Markdown body: what was measured, how, the figures and whether each target was met. */
  readonly markdown: string;
}

/** What every bench module listed in run-benchmarks.ts exports. */
export interface BenchModule {
  runBenchmark(): Promise<BenchSection>;
}

/** Nearest-rank percentile of `values` (0 < p ≤ 100); NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Milliseconds with sensible precision for a table. */
export function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}
