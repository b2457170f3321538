/**
 * Issue 7, hybrid sizing: own (reserve) k GPUs and burst the rest to cloud. Over the measured
 * hours d_t the month costs  f(k) = 730 × (k × c_owned + c_cloud × mean_t max(0, d_t − k)),
 * convex in k, with slope c_owned − c_cloud × share(d_t > k). The newsvendor's critical fractile
 * is where that slope turns non-negative: share of hours with demand above k = c_owned / c_cloud.
 * k is a whole number of GPUs: the cheaper of the two integers around the real optimum
 * (a convex function's integer minimum is next to its real one); the smaller on a tie.
 */
import { meanAbove, type DemandProfile } from '../cost/demand-profile.js';

/** Per-hour cost of k owned GPUs plus the burst above them (× 730 for a month). */
export function hybridHourlyCost(p: DemandProfile, k: number, ownedPerGpuHour: number, cloudPerBusyGpuHour: number): number {
  return k * ownedPerGpuHour + cloudPerBusyGpuHour * meanAbove(p, k);
}

/**
 * The real k* at which share(d > k) first falls to the critical ratio r = c_owned / c_cloud: with
 * the n hours sorted ascending and m = ⌊r·n⌋ hours allowed above, k* is the (n − m)-th smallest
 * demand. r ≥ 1 (owning costs more per hour than cloud does per busy hour): k* = 0.
 */
export function criticalFractileDemand(p: DemandProfile, ratio: number): number {
  const n = p.sorted.length;
  const allowedAbove = Math.floor(ratio * n);
  if (n === 0 || allowedAbove >= n) return 0;
  return Math.max(0, p.scale * (p.sorted[n - 1 - allowedAbove] as number));
}

/** The whole-GPU baseline that minimises f(k). */
export function criticalFractileBaseline(p: DemandProfile, ownedPerGpuHour: number, cloudPerBusyGpuHour: number): number {
  if (!(cloudPerBusyGpuHour > 0)) return 0;
  const real = criticalFractileDemand(p, ownedPerGpuHour / cloudPerBusyGpuHour);
  const low = Math.floor(real);
  const high = Math.ceil(real);
  if (low === high) return low;
  const cost = (k: number): number => hybridHourlyCost(p, k, ownedPerGpuHour, cloudPerBusyGpuHour);
  return cost(high) < cost(low) ? high : low;
}
