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
  return between(sorted[lo] as number, sorted[hi] as number, rank - lo);
}

/** The value a fraction `f` of the way from the rank below (a) to the rank above (b). */
const between = (a: number, b: number, f: number): number => a + (b - a) * f;

/**
 * The same percentiles as percentileOfSorted of the values sorted, each p in [0, 1], ps
 * ascending — found by selection, not a sort: Monte Carlo asks three of each column of
 * 100,000 trials, where sorting each took a twentieth of the run. Reorders `values`, which
 * must hold at least one value and no NaN (a typed-array sort puts NaN last; selection has no
 * place for it).
 */
export function percentilesByRank(values: Float64Array, ps: ReadonlyArray<number>): number[] {
  const n = values.length;
  const out: number[] = [];
  // Each selection leaves everything from its rank on at least that rank's value, so the next,
  // higher rank is looked for only there.
  let from = 0;
  for (const p of ps) {
    const rank = (n - 1) * p;
    const lo = Math.floor(rank);
    const hi = Math.ceil(rank);
    selectRank(values, lo, from, n - 1);
    from = lo;
    let b = values[lo] as number;
    if (hi > lo) {
      // The next rank up is the smallest value after lo.
      b = values[hi] as number;
      for (let i = hi + 1; i < n; i++) if ((values[i] as number) < b) b = values[i] as number;
    }
    out.push(between(values[lo] as number, b, rank - lo));
  }
  return out;
}

/**
 * Reorders a[left..right] so that a[k] holds the value a sort would put there, everything before it
 * no larger and everything after no smaller (Hoare's selection, median-of-three pivots; a range
 * that keeps splitting badly is sorted instead, so it never takes quadratic time).
 */
function selectRank(a: Float64Array, k: number, left: number, right: number): void {
  let budget = 2 * Math.ceil(Math.log2(right - left + 2));
  while (right > left) {
    if (budget-- === 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    const mid = (left + right) >>> 1;
    const x = a[left] as number;
    const y = a[mid] as number;
    const z = a[right] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[left..j] ≤ pivot ≤ a[i..right], and a[j+1..i-1] (if any) equal the pivot.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** Ascending copy, for repeated percentile look-ups (a typed-array sort is numeric and fast). */
export function sortedAscending(values: ReadonlyArray<number>): number[] {
  return Array.from(Float64Array.from(values).sort());
}
