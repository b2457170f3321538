import type { ResolvedScenario } from '../../scenario/resolve.js';
import type { DedicatedOption } from '../../scenario/schema.js';
import { HOURS_PER_MONTH, monthlyFromHourly } from '../units.js';
import { cloudCompute, overflowPricedAsCloud } from './cloud-compute.js';
import type { DemandProfile } from './demand-profile.js';
import { optionCost, type OptionCost } from './option-cost.js';
import { trafficCost } from './traffic-cost.js';

/** Owned (reserved) cost of one baseline GPU-hour: the dedicated rate plus its upfront spread over the term. */
export function baselinePerGpuHour(d: DedicatedOption): number {
  return d.perGpuHour + d.upfront / (d.termMonths * HOURS_PER_MONTH);
}

/**
 * Issue 7 hybrid: `baselineGpus` reserved at the dedicated option's rates (MODEL.md §3 dedicated
 * with gpus = k), and every busy GPU above them burst to cloud hour by hour ("overflow priced
 * as cloud": the reserved GPUs keep the endpoint warm). With no baseline nothing else is warm,
 * so k = 0 is the cloud option itself, warm floor included. Pays the cloud's traffic.
 */
export function hybridCost(profile: DemandProfile, d: DedicatedOption, baselineGpus: number, s: ResolvedScenario): OptionCost {
  const traffic = trafficCost('cloud', s, profile.trafficScale);
  return optionCost(
    'hybrid',
    {
      reserved: baselineGpus * monthlyFromHourly(d.perGpuHour),
      upfront: (baselineGpus * d.upfront) / d.termMonths,
      burst: baselineGpus === 0 ? cloudCompute(profile, s.options.cloud) : overflowPricedAsCloud(profile, baselineGpus, s.options.cloud),
      internetEgress: traffic.internetEgress,
      retrieval: traffic.retrieval,
    },
    { capacityGpus: baselineGpus },
  );
}
