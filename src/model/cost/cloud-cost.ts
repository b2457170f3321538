import type { ModelScenario } from '../inputs.js';
import { cloudCompute } from './cloud-compute.js';
import type { DemandProfile } from '../demand/demand-profile.js';
import { optionCost, PathMonthsOf, type OptionCost, type PathRange } from './option-cost.js';
import { internetEgressCost, retrievalCost, type TrafficCost } from './traffic-cost.js';

/** Cloud's month in parts: its components and their total. */
export interface CloudParts extends TrafficCost {
  compute: number;
  total: number;
}

export const cloudParts = (): CloudParts => ({ compute: 0, internetEgress: 0, retrieval: 0, total: 0 });

/**
 * docs/model.md cloud (on-demand, elastic) at a demand profile, written into `p`; or, given a
 * path's months, at each of them (`p` then holds the last). The loop is here, with the formula,
 * so that V8 compiles the two together: a month then allocates nothing and costs a few tens of
 * nanoseconds (Monte Carlo with growth prices 48 a trial).
 */
export function priceCloud(
  p: CloudParts,
  demand: DemandProfile,
  s: ModelScenario,
  path: PathRange | null = null,
): CloudParts {
  const cloud = s.options.cloud;
  const months = new PathMonthsOf(demand, path);
  for (let i = months.from; i < months.to; i++) {
    if (months.copied(i)) continue;
    const profile = months.profile(i);
    p.internetEgress = internetEgressCost('cloud', s, profile.trafficScale);
    p.retrieval = retrievalCost('cloud', s, profile.trafficScale);
    p.compute = cloudCompute(profile, cloud);
    p.total = 0 + p.compute + p.internetEgress + p.retrieval;
    months.put(i, p.total, p.total);
  }
  return p;
}

/** docs/model.md cloud (on-demand, elastic) at a demand profile. */
export function cloudCost(profile: DemandProfile, s: ModelScenario): OptionCost {
  const { compute, internetEgress, retrieval, total } = priceCloud(cloudParts(), profile, s);
  return optionCost('cloud', { compute, internetEgress, retrieval }, {}, total);
}
