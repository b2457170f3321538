/**
 * Ordinary least-squares slope of y against x; null below two points or when all x are equal.
 * Used for the daily trends of docs/model.md (x in days).
 */
export function olsSlope(xs: ReadonlyArray<number>, ys: ReadonlyArray<number>): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] as number;
    sy += ys[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    sxy += dx * ((ys[i] as number) - my);
    sxx += dx * dx;
  }
  return sxx === 0 ? null : sxy / sxx;
}
