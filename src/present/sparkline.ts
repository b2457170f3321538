const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of values in [0, 1]: one bar each, unknown as a space. */
export function sparkline(values: ReadonlyArray<number | null>): string {
  return values
    .map((v) => (v === null ? ' ' : BARS[Math.min(BARS.length - 1, Math.max(0, Math.round(v * (BARS.length - 1))))]))
    .join('');
}
