import { mean } from './mean.js';

/** Sample standard deviation (n − 1 denominator, docs/model.md); null below two values. */
export function sampleStdev(values: ReadonlyArray<number>): number | null {
  if (values.length < 2) return null;
  const m = mean(values) as number;
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  return Math.sqrt(ss / (values.length - 1));
}
