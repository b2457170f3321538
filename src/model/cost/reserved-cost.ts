import type { ModelScenario } from '../inputs.js';
import type { DedicatedOption } from '../inputs.js';
import { HOURS_PER_MONTH, monthlyFromHourly } from '../units.js';
import { cloudCompute, overflowPricedAsCloud } from './cloud-compute.js';
import type { DemandProfile } from '../demand/demand-profile.js';
import { optionCost, type OptionCost } from './option-cost.js';
import { trafficCost } from './traffic-cost.js';

/** Reserved cost of one GPU-hour: the dedicated rate plus its upfront spread over the term. */
export function reservedPerGpuHour(d: DedicatedOption): number {
  return d.perGpuHour + d.upfront / (d.termMonths * HOURS_PER_MONTH);
}

/**
 * The reserved family's plan (docs/model.md): k GPUs reserved at the dedicated option's rates, which
 * serve up to k × τ busy GPUs at the latency target, and every busy GPU above that burst to
 * on-demand hour by hour ("overflow priced as cloud": the reserved GPUs keep the endpoint warm).
 * With k = 0 nothing else is warm, so it is the cloud option itself, warm floor included.
 * Pays the cloud's traffic.
 */
export function reservedCost(profile: DemandProfile, d: DedicatedOption, gpus: number, s: ModelScenario): OptionCost {
  const { internetEgress, retrieval } = trafficCost('cloud', s, profile.trafficScale);
  const cloud = s.options.cloud;
  const reserved = gpus * monthlyFromHourly(d.perGpuHour);
  const upfront = (gpus * d.upfront) / d.termMonths;
  const burst =
    gpus === 0 ? cloudCompute(profile, cloud) : overflowPricedAsCloud(profile, gpus * cloud.targetUtilization, cloud);
  return optionCost(
    'reserved',
    { reserved, upfront, burst, internetEgress, retrieval },
    { capacityGpus: gpus },
    0 + reserved + upfront + burst + internetEgress + retrieval,
  );
}
