/**
 * The reserved family's plan (docs/model.md) sized on the measured demand: the whole number of
 * reserved GPUs k that minimises the measured month, with what it is worth beside the two pure
 * answers: every GPU reserved for the peak, and all on-demand.
 */
import type { ModelScenario } from '../inputs.js';
import { cloudCost } from '../cost/cloud-cost.js';
import { dedicatedCost } from '../cost/dedicated-cost.js';
import { meanAbove, peakBusy, shareAbove, type DemandProfile } from '../demand/demand-profile.js';
import { reservedCost, reservedPerGpuHour } from '../cost/reserved-cost.js';
import { criticalFractileGpus } from './critical-fractile.js';

export interface ReservedSizing {
  /** k: whole GPUs reserved (0: the cloud plan is cheaper than any reservation). */
  gpus: number;
  /** Reserved ÷ on-demand price per GPU-hour: about the share of hours above k × τ at the optimum. */
  criticalRatio: number;
  reservedPerGpuHour: number;
  onDemandPerGpuHour: number;
  /** Share of the measured hours with busy GPUs above k × τ. */
  burstShareOfHours: number;
  /** Σ max(0, d_t − k × τ) ÷ Σ d_t: the share of the busy GPU-hours that burst. */
  burstShareOfBusyGpuHours: number;
  peakBusyGpus: number;
  /** GPUs that serve the peak at the latency target: ⌈peak / τ⌉. */
  peakGpus: number;
  /** Every GPU reserved: ⌈peak / τ⌉ at the dedicated rates, no burst. */
  allReservedMonthly: number;
  /** The cloud option's month at the measured profile. */
  allCloudMonthly: number;
}

/** The sized plan at the measured profile; null without a dedicated option to price a reservation. */
export function sizeReserved(demand: DemandProfile, s: ModelScenario): ReservedSizing | null {
  const d = s.options.dedicated;
  if (d === undefined) return null;
  const tau = s.workload.targetUtilization;
  const reserved = reservedPerGpuHour(d);
  const onDemand = s.options.cloud.onDemandPerGpuHour;
  // f(k) is convex for k ≥ 1, so its whole-GPU minimum there is max(1, the fractile's k); k = 0
  // carries cloud's warm floor on top, so it is priced on its own and kept only when cheaper.
  const allCloud = cloudCost(demand, s).total;
  const k1 = Math.max(1, criticalFractileGpus(demand, reserved, onDemand, tau));
  const k = reservedCost(demand, d, k1, s).total < allCloud ? k1 : 0;
  const peak = peakBusy(demand);
  const meanBusy = meanAbove(demand, 0);
  const peakGpus = Math.ceil(peak / tau);
  return {
    gpus: k,
    criticalRatio: reserved / onDemand,
    reservedPerGpuHour: reserved,
    onDemandPerGpuHour: onDemand,
    burstShareOfHours: shareAbove(demand, k * tau),
    burstShareOfBusyGpuHours: meanBusy > 0 ? meanAbove(demand, k * tau) / meanBusy : 0,
    peakBusyGpus: peak,
    peakGpus,
    allReservedMonthly: dedicatedCost(demand, { ...d, gpus: peakGpus }, s).total,
    allCloudMonthly: allCloud,
  };
}
