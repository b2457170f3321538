/**
 * Demand as the cost formulas see it. Every hour-by-hour term of docs/model.md — cloud's warm
 * floor, overflow, burst, shortfall — is one quantity: the mean over hours of max(0, d_t − c),
 * busy GPUs above a level c. The hours are kept sorted with suffix sums, so that mean costs a
 * binary search, and demand scaled by a factor (growth, what-if) shares the same arrays:
 * mean max(0, f·d − c) = f · mean max(0, d − c / f).
 */
import { mean } from '../stats/mean.js';

export interface DemandProfile {
  /** Busy GPUs per hour at scale 1, ascending. */
  readonly sorted: Float64Array;
  /** above[i] = Σ sorted[i..n−1]; above[n] = 0. */
  readonly above: Float64Array;
  /** The profile's busy GPUs are `scale` × `sorted`. */
  readonly scale: number;
  /** ū (or X): the utilization at which owned power is priced. */
  readonly utilization: number;
  /** Traffic (internet egress, retrieval) relative to the scenario's monthly volumes: it grows with demand on the path. */
  readonly trafficScale: number;
}

/** A profile from busy GPUs per hour, in any order. */
export function profileFromBusy(busy: ArrayLike<number>, utilization: number): DemandProfile {
  const sorted = Float64Array.from(busy).sort();
  const above = new Float64Array(sorted.length + 1);
  for (let i = sorted.length - 1; i >= 0; i--) above[i] = (above[i + 1] as number) + (sorted[i] as number);
  return { sorted, above, scale: 1, utilization, trafficScale: 1 };
}

/** docs/model.md: the N-GPU fleet running consistently at X. */
export function flatProfile(utilization: number, referenceGpus: number): DemandProfile {
  return profileFromBusy([utilization * referenceGpus], utilization);
}

/** docs/model.md: d_t = u_t × N for each hour of the window. */
export function measuredProfile(
  hourly: ReadonlyArray<number>,
  referenceGpus: number,
  /** The hours' mean, when the caller has it already (the utilization profile's). */
  meanUtilization: number = mean(hourly) ?? 0,
): DemandProfile {
  return profileFromBusy(
    hourly.map((u) => u * referenceGpus),
    meanUtilization,
  );
}

/** A profile the demand path rewrites month after month (scaleProfileInto). */
export type ProfileRecord = { -readonly [K in keyof DemandProfile]: DemandProfile[K] };

/**
 * The same hours with every busy count and the traffic × factor, owned power's utilization capped
 * at 100 %, written into `into` (the demand path's one record for all its months).
 */
export function scaleProfileInto(into: ProfileRecord, p: DemandProfile, factor: number): DemandProfile {
  into.sorted = p.sorted;
  into.above = p.above;
  into.scale = p.scale * factor;
  into.utilization = Math.min(1, p.utilization * factor);
  into.trafficScale = p.trafficScale * factor;
  return into;
}

/** A record to scale `p` into: a literal of profileFromBusy's shape, so the formulas reading it see one shape. */
export const profileRecord = (p: DemandProfile): ProfileRecord => ({
  sorted: p.sorted,
  above: p.above,
  scale: p.scale,
  utilization: p.utilization,
  trafficScale: p.trafficScale,
});

/** The same hours with every busy count and the traffic × factor (see scaleProfileInto). */
export function scaledProfile(p: DemandProfile, factor: number): DemandProfile {
  return scaleProfileInto(profileRecord(p), p, factor);
}

/** Index of the first sorted hour strictly above x (binary search). */
function firstAbove(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Mean over the profile's hours of max(0, busy − level). */
export function meanAbove(p: DemandProfile, level: number): number {
  const n = p.sorted.length;
  if (n === 0 || p.scale === 0) return 0;
  const x = level / p.scale;
  const i = firstAbove(p.sorted, x);
  return (p.scale * ((p.above[i] as number) - x * (n - i))) / n;
}

/** Share of the profile's hours with busy GPUs above `level`. */
export function shareAbove(p: DemandProfile, level: number): number {
  const n = p.sorted.length;
  if (n === 0) return 0;
  return p.scale === 0 ? (level < 0 ? 1 : 0) : (n - firstAbove(p.sorted, level / p.scale)) / n;
}

/** The busiest hour's busy GPUs (0 without hours). */
export function peakBusy(p: DemandProfile): number {
  return p.sorted.length === 0 ? 0 : p.scale * (p.sorted[p.sorted.length - 1] as number);
}
