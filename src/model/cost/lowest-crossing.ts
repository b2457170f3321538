/**
 * The lowest x in [0, 1] with f(x) ≤ 0, for f linear between the given breakpoints (every
 * flat-profile cost of docs/model.md is: its kinks are where a max() switches). Exact: each
 * segment's root is solved in closed form. null when f > 0 on all of [0, 1].
 */
export function lowestCrossing(f: (x: number) => number, breakpoints: ReadonlyArray<number>): number | null {
  const xs = [...new Set([0, 1, ...breakpoints.filter((b) => b > 0 && b < 1)])].sort((a, b) => a - b);
  let a = xs[0] as number;
  let fa = f(a);
  if (fa <= 0) return a;
  for (const b of xs.slice(1)) {
    const fb = f(b);
    if (fb <= 0) return a + ((b - a) * fa) / (fa - fb);
    a = b;
    fa = fb;
  }
  return null;
}
