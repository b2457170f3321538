import type { ModelScenario } from '../inputs.js';
import type { DedicatedOption } from '../inputs.js';
import { monthlyFromHourly } from '../units.js';
import { overflowPricedAsCloud } from './cloud-compute.js';
import type { DemandProfile } from '../demand/demand-profile.js';
import { optionCost, type OptionCost } from './option-cost.js';
import { trafficCost } from './traffic-cost.js';

/**
 * docs/model.md dedicated: gpus × 730 × (perGpuHour + upfront / (termMonths × 730)), shown as the
 * reserved rate and the upfront spread over the term; busy GPUs above gpus × τ (the same latency
 * headroom cloud keeps) priced as cloud.
 */
export function dedicatedCost(profile: DemandProfile, d: DedicatedOption, s: ModelScenario): OptionCost {
  const { internetEgress, retrieval } = trafficCost('cloud', s, profile.trafficScale);
  const reserved = d.gpus * monthlyFromHourly(d.perGpuHour);
  const upfront = (d.gpus * d.upfront) / d.termMonths;
  const overflow = overflowPricedAsCloud(profile, d.gpus * s.workload.targetUtilization, s.options.cloud);
  return optionCost(
    'dedicated',
    { reserved, upfront, overflow, internetEgress, retrieval },
    { capacityGpus: d.gpus },
    0 + reserved + upfront + overflow + internetEgress + retrieval,
  );
}
