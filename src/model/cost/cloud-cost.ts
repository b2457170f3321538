import type { ModelScenario } from '../inputs.js';
import { cloudCompute } from './cloud-compute.js';
import type { DemandProfile } from '../demand/demand-profile.js';
import { optionCost, type OptionCost } from './option-cost.js';
import { internetEgressCost, retrievalCost, type TrafficCost } from './traffic-cost.js';

/** Cloud's month in parts: its components and their total. */
export interface CloudParts extends TrafficCost {
  compute: number;
  total: number;
}

export const cloudParts = (): CloudParts => ({ compute: 0, internetEgress: 0, retrieval: 0, total: 0 });

/**
 * docs/model.md cloud (on-demand, elastic) at a demand profile, written into `p`: the demand path
 * prices every month into one record instead of a cost object a month.
 */
export function priceCloud(p: CloudParts, profile: DemandProfile, s: ModelScenario): CloudParts {
  p.internetEgress = internetEgressCost('cloud', s, profile.trafficScale);
  p.retrieval = retrievalCost('cloud', s, profile.trafficScale);
  p.compute = cloudCompute(profile, s.options.cloud);
  p.total = 0 + p.compute + p.internetEgress + p.retrieval;
  return p;
}

/** docs/model.md cloud (on-demand, elastic) at a demand profile. */
export function cloudCost(profile: DemandProfile, s: ModelScenario): OptionCost {
  const { compute, internetEgress, retrieval, total } = priceCloud(cloudParts(), profile, s);
  return optionCost('cloud', { compute, internetEgress, retrieval }, {}, total);
}
