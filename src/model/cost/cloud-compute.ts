import type { CloudOption } from '../inputs.js';
import { monthlyFromHourly } from '../units.js';
import { meanAbove, type DemandProfile } from '../demand/demand-profile.js';

/**
 * docs/model.md cloud: max(minWarmGpus, B / targetUtilization) × 730 × onDemandPerGpuHour,
 * averaged over the profile's hours. Per hour max(m, d / t) = m + max(0, d − m·t) / t.
 */
export function cloudCompute(profile: DemandProfile, cloud: CloudOption): number {
  const t = cloud.targetUtilization;
  const provisioned = cloud.minWarmGpus + meanAbove(profile, cloud.minWarmGpus * t) / t;
  return monthlyFromHourly(provisioned * cloud.onDemandPerGpuHour);
}

/**
 * docs/model.md "overflow priced as cloud": busy GPUs above `capacity`, hour by hour, at
 * overflow / targetUtilization × 730 × onDemandPerGpuHour, with no warm floor.
 */
export function overflowPricedAsCloud(profile: DemandProfile, capacity: number, cloud: CloudOption): number {
  return monthlyFromHourly((meanAbove(profile, capacity) / cloud.targetUtilization) * cloud.onDemandPerGpuHour);
}

/** Mean busy GPUs above `capacity` (the shortfall when nothing takes the overflow). */
export function meanShortfall(profile: DemandProfile, capacity: number): number {
  return meanAbove(profile, capacity);
}
