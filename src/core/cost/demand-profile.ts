import { mean } from '../stats/mean.js';

/**
 * Demand as the cost formulas see it: busy GPUs hour by hour, and the mean utilization that
 * prices owned power. MODEL.md §3's flat profile is one hour at X × N; §4's measured profile
 * is every hour of the window.
 */
export interface DemandProfile {
  busyGpus: ReadonlyArray<number>;
  /** ū (or X): the utilization at which owned power is priced. */
  utilization: number;
}

/** MODEL.md §3: the N-GPU fleet running consistently at X. */
export function flatProfile(utilization: number, referenceGpus: number): DemandProfile {
  return { busyGpus: [utilization * referenceGpus], utilization };
}

/** MODEL.md §4: d_t = u_t × N for each hour of the window. */
export function measuredProfile(hourly: ReadonlyArray<number>, referenceGpus: number): DemandProfile {
  return { busyGpus: hourly.map((u) => u * referenceGpus), utilization: mean(hourly) ?? 0 };
}

/** Mean over the profile's hours of f(busy GPUs). */
export function meanOverHours(profile: DemandProfile, f: (busy: number) => number): number {
  let sum = 0;
  for (const busy of profile.busyGpus) sum += f(busy);
  return profile.busyGpus.length === 0 ? 0 : sum / profile.busyGpus.length;
}
