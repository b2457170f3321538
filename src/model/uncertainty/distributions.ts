/**
 * Uncertain inputs: wherever the scenario takes a number it may give a distribution —
 * `{triangular: [min, mode, max]}`, `{uniform: [a, b]}` or `{normal: {mean, sd}}`. The analysis
 * itself uses each one's mean (as spreadsheet risk tools use the expected value for the static
 * run); Monte Carlo draws from them. A normal is truncated at mean ± 3 sd, so that every draw
 * can be checked against the field's rules up front.
 */
import type { Distribution } from '../inputs.js';

export type { Distribution, UncertainField } from '../inputs.js';

/** Normal draws outside mean ± this many sd are drawn again. */
export const NORMAL_TRUNCATION_SD = 3;

const KEYS = ['triangular', 'uniform', 'normal'] as const;

/** The object is meant as a distribution: exactly one key, one of the three. */
export function isDistributionLike(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    KEYS.includes(Object.keys(v)[0] as (typeof KEYS)[number])
  );
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** A distribution from its scenario form, or the reason it is not one. */
export function readDistribution(v: Record<string, unknown>): Distribution | string {
  if ('triangular' in v) {
    const a = v.triangular;
    if (!Array.isArray(a) || a.length !== 3 || !a.every(finite))
      return 'triangular takes [min, mode, max], three numbers';
    const [min, mode, max] = a as [number, number, number];
    if (!(min <= mode && mode <= max && min < max))
      return `triangular needs min ≤ mode ≤ max and min < max, got [${min}, ${mode}, ${max}]`;
    return { kind: 'triangular', min, mode, max };
  }
  if ('uniform' in v) {
    const a = v.uniform;
    if (!Array.isArray(a) || a.length !== 2 || !a.every(finite)) return 'uniform takes [a, b], two numbers';
    const [min, max] = a as [number, number];
    if (!(min < max)) return `uniform needs a < b, got [${min}, ${max}]`;
    return { kind: 'uniform', min, max };
  }
  const n = v.normal;
  if (typeof n !== 'object' || n === null || Array.isArray(n) || Object.keys(n).sort().join() !== 'mean,sd')
    return 'normal takes {mean, sd}';
  const { mean, sd } = n as { mean: unknown; sd: unknown };
  if (!finite(mean) || !finite(sd) || !(sd > 0)) return 'normal needs a number mean and sd > 0';
  return { kind: 'normal', mean, sd };
}

export function meanOf(d: Distribution): number {
  switch (d.kind) {
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
      return d.mean;
  }
}

/** The ends of the values a distribution can take (a normal's truncation points). */
export function supportOf(d: Distribution): [number, number] {
  return d.kind === 'normal'
    ? [d.mean - NORMAL_TRUNCATION_SD * d.sd, d.mean + NORMAL_TRUNCATION_SD * d.sd]
    : [d.min, d.max];
}

export function describeDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'triangular':
      return `triangular [${d.min}, ${d.mode}, ${d.max}]`;
    case 'uniform':
      return `uniform [${d.min}, ${d.max}]`;
    case 'normal':
      return `normal mean ${d.mean}, sd ${d.sd}`;
  }
}

/** Uniform [0, 1) numbers; the caller seeds it. */
export type Random = () => number;

/** One draw by inverse transform (triangular, uniform) or Box–Muller with rejection (normal). */
export function draw(d: Distribution, random: Random): number {
  switch (d.kind) {
    case 'uniform':
      return d.min + (d.max - d.min) * random();
    case 'triangular': {
      const u = random();
      const { min: a, mode: c, max: b } = d;
      const split = (c - a) / (b - a);
      return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'normal': {
      for (;;) {
        const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
        if (Math.abs(z) <= NORMAL_TRUNCATION_SD) return d.mean + d.sd * z;
      }
    }
  }
}
