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
  const traffic = trafficCost('cloud', s, profile.trafficScale);
  return optionCost(
    'dedicated',
    {
      reserved: d.gpus * monthlyFromHourly(d.perGpuHour),
      upfront: (d.gpus * d.upfront) / d.termMonths,
      overflow: overflowPricedAsCloud(profile, d.gpus * s.workload.targetUtilization, s.options.cloud),
      internetEgress: traffic.internetEgress,
      retrieval: traffic.retrieval,
    },
    { capacityGpus: d.gpus },
  );
}
