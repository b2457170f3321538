import type { ModelScenario } from '../inputs.js';
import { cloudCompute } from './cloud-compute.js';
import type { DemandProfile } from '../demand/demand-profile.js';
import { optionCost, type OptionCost } from './option-cost.js';
import { trafficCost } from './traffic-cost.js';

/** docs/model.md cloud (on-demand, elastic) at a demand profile. */
export function cloudCost(profile: DemandProfile, s: ModelScenario): OptionCost {
  const { internetEgress, retrieval } = trafficCost('cloud', s, profile.trafficScale);
  const compute = cloudCompute(profile, s.options.cloud);
  return optionCost('cloud', { compute, internetEgress, retrieval }, {}, 0 + compute + internetEgress + retrieval);
}
