/**
 * Issue 7: the hybrid baseline from the measured demand distribution (critical fractile), and
 * what it is worth beside the two pure answers: every GPU reserved for the peak, and all cloud.
 */
import type { ResolvedScenario } from '../../scenario/resolve.js';
import { cloudCost } from '../cost/cloud-cost.js';
import { dedicatedCost } from '../cost/dedicated-cost.js';
import { peakBusy, shareAbove, type DemandProfile } from '../cost/demand-profile.js';
import { baselinePerGpuHour, hybridCost } from '../cost/hybrid-cost.js';
import { criticalFractileBaseline } from './critical-fractile.js';

export interface HybridSizing {
  /** k: whole GPUs reserved. */
  baselineGpus: number;
  /** Owned cost per GPU-hour ÷ cloud cost per busy GPU-hour: the share of hours that should burst. */
  criticalRatio: number;
  ownedPerGpuHour: number;
  cloudPerBusyGpuHour: number;
  /** Share of the measured hours with busy GPUs above k. */
  burstShareOfHours: number;
  peakBusyGpus: number;
  /** Every GPU reserved: ⌈peak busy GPUs⌉ at the dedicated rates, no burst. */
  allOwnedMonthly: number;
  /** The cloud option's month at the measured profile. */
  allCloudMonthly: number;
}

/** The scenario's hybrid sizing at the measured profile; null without a dedicated option to price the baseline. */
export function sizeHybrid(measured: DemandProfile, s: ResolvedScenario): HybridSizing | null {
  const d = s.options.dedicated;
  if (d === undefined) return null;
  const owned = baselinePerGpuHour(d);
  const cloud = s.options.cloud.onDemandPerGpuHour / s.options.cloud.targetUtilization;
  // f(k) is convex for k ≥ 1, so its whole-GPU minimum there is max(1, the fractile's k); k = 0
  // carries cloud's warm floor on top, so it is priced on its own and kept only when cheaper.
  const allCloud = cloudCost(measured, s).total;
  const k1 = Math.max(1, criticalFractileBaseline(measured, owned, cloud));
  const k = hybridCost(measured, d, k1, s).total < allCloud ? k1 : 0;
  const peak = peakBusy(measured);
  return {
    baselineGpus: k,
    criticalRatio: owned / cloud,
    ownedPerGpuHour: owned,
    cloudPerBusyGpuHour: cloud,
    burstShareOfHours: shareAbove(measured, k),
    peakBusyGpus: peak,
    allOwnedMonthly: dedicatedCost(measured, { ...d, gpus: Math.ceil(peak) }, s).total,
    allCloudMonthly: allCloud,
  };
}
