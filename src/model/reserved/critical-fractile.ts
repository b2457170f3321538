/**
 * Sizing the reserved family's plan: reserve k GPUs, which serve up to k × τ busy GPUs, and burst
 * the rest to on-demand. Over the measured hours d_t a month costs
 *   f(k) = 730 × (k × c_r + (c_od / τ) × mean_t max(0, d_t − k × τ)),
 * convex in k, with slope 730 × (c_r − c_od × share(d_t > k × τ)). The newsvendor's critical
 * fractile is where that slope turns non-negative: the share of hours with demand above k × τ
 * equals c_r / c_od, the reserved-to-on-demand price ratio. k is a whole number of GPUs: the
 * cheaper of the two integers around the real optimum (a convex function's integer minimum is
 * next to its real one), the smaller on a tie.
 */
import { meanAbove, type DemandProfile } from '../demand/demand-profile.js';

/** Per-hour cost of k reserved GPUs plus the burst above k × τ (× 730 for a month). */
export function reservedHourlyCost(
  p: DemandProfile,
  k: number,
  reservedPerGpuHour: number,
  onDemandPerGpuHour: number,
  tau: number,
): number {
  return k * reservedPerGpuHour + (onDemandPerGpuHour / tau) * meanAbove(p, k * tau);
}

/**
 * The busy level y* at which share(d > y) first falls to the ratio r: with the n hours sorted
 * ascending and m = ⌊r·n⌋ hours allowed above, y* is the (n − m)-th smallest demand. r ≥ 1
 * (reserving costs more per hour than on-demand): y* = 0.
 */
export function criticalFractileDemand(p: DemandProfile, ratio: number): number {
  const n = p.sorted.length;
  const allowedAbove = Math.floor(ratio * n);
  if (n === 0 || allowedAbove >= n) return 0;
  return Math.max(0, p.scale * (p.sorted[n - 1 - allowedAbove] as number));
}

/** The whole number of reserved GPUs that minimises f(k) for k ≥ 0 (burst with no warm floor). */
export function criticalFractileGpus(
  p: DemandProfile,
  reservedPerGpuHour: number,
  onDemandPerGpuHour: number,
  tau: number,
): number {
  if (!(onDemandPerGpuHour > 0)) return 0;
  const real = criticalFractileDemand(p, reservedPerGpuHour / onDemandPerGpuHour) / tau;
  const low = Math.floor(real);
  const high = Math.ceil(real);
  if (low === high) return low;
  const cost = (k: number): number => reservedHourlyCost(p, k, reservedPerGpuHour, onDemandPerGpuHour, tau);
  return cost(high) < cost(low) ? high : low;
}
