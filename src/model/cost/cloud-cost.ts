import type { ModelScenario } from '../inputs.js';
import { cloudCompute } from './cloud-compute.js';
import type { DemandProfile } from '../demand/demand-profile.js';
import { optionCost, type OptionCost } from './option-cost.js';
import { trafficCost } from './traffic-cost.js';

/** docs/model.md cloud (on-demand, elastic) at a demand profile. */
export function cloudCost(profile: DemandProfile, s: ModelScenario): OptionCost {
  const traffic = trafficCost('cloud', s, profile.trafficScale);
  return optionCost('cloud', {
    compute: cloudCompute(profile, s.options.cloud),
    internetEgress: traffic.internetEgress,
    retrieval: traffic.retrieval,
  });
}
