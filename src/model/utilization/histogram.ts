/** Hours by utilization in `bins` equal bins over [0, 1] (the last bin includes 100 %). */
export function histogram(values: ReadonlyArray<number>, bins = 10): number[] {
  const counts = Array<number>(bins).fill(0);
  for (const v of values) {
    const i = Math.min(bins - 1, Math.max(0, Math.floor(v * bins)));
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}
