/**
 * Percentile by linear interpolation between closest ranks (docs/model.md): numpy's default,
 * DuckDB's quantile_cont, the spreadsheet's PERCENTILE.INC. `sorted` must be ascending.
 * p in [0, 1]. null for an empty list.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = (n - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

/** Ascending copy, for repeated percentile look-ups (a typed-array sort is numeric and fast). */
export function sortedAscending(values: ReadonlyArray<number>): number[] {
  return Array.from(Float64Array.from(values).sort());
}
