import type { CloudOption } from '../../scenario/schema.js';
import { monthlyFromHourly } from '../units.js';
import { meanOverHours, type DemandProfile } from './demand-profile.js';

/**
 * MODEL.md §3 cloud: max(minWarmGpus, B / targetUtilization) × 730 × onDemandPerGpuHour,
 * averaged over the profile's hours (§4).
 */
export function cloudCompute(profile: DemandProfile, cloud: CloudOption): number {
  const provisioned = meanOverHours(profile, (busy) => Math.max(cloud.minWarmGpus, busy / cloud.targetUtilization));
  return monthlyFromHourly(provisioned * cloud.onDemandPerGpuHour);
}

/**
 * MODEL.md §3 "overflow priced as cloud": busy GPUs above `capacity`, hour by hour, at
 * overflow / targetUtilization × 730 × onDemandPerGpuHour, with no warm floor.
 */
export function overflowPricedAsCloud(profile: DemandProfile, capacity: number, cloud: CloudOption): number {
  const overflow = meanOverHours(profile, (busy) => Math.max(0, busy - capacity) / cloud.targetUtilization);
  return monthlyFromHourly(overflow * cloud.onDemandPerGpuHour);
}

/** Mean busy GPUs above `capacity` (the shortfall when nothing takes the overflow). */
export function meanShortfall(profile: DemandProfile, capacity: number): number {
  return meanOverHours(profile, (busy) => Math.max(0, busy - capacity));
}
