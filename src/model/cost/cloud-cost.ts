import type { ModelScenario } from '../inputs.js';
import { cloudCompute } from './cloud-compute.js';
import { profileRecord, scaleProfileInto, type DemandProfile } from '../demand/demand-profile.js';
import { optionCost, type OptionCost, type PathRange } from './option-cost.js';
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
  const record = path === null ? null : profileRecord(demand);
  const to = path === null ? 1 : path.to;
  for (let i = path === null ? 0 : path.from; i < to; i++) {
    if (path !== null && i > path.from && path.factors[i] === path.factors[i - 1]) {
      path.totals[i] = path.totals[i - 1] as number;
      path.running[i] = path.running[i - 1] as number;
      continue;
    }
    const profile =
      record === null ? demand : scaleProfileInto(record, demand, (path as PathRange).factors[i] as number);
    p.internetEgress = internetEgressCost('cloud', s, profile.trafficScale);
    p.retrieval = retrievalCost('cloud', s, profile.trafficScale);
    p.compute = cloudCompute(profile, cloud);
    p.total = 0 + p.compute + p.internetEgress + p.retrieval;
    if (path !== null) {
      path.totals[i] = p.total;
      path.running[i] = p.total;
    }
  }
  return p;
}

/** docs/model.md cloud (on-demand, elastic) at a demand profile. */
export function cloudCost(profile: DemandProfile, s: ModelScenario): OptionCost {
  const { compute, internetEgress, retrieval, total } = priceCloud(cloudParts(), profile, s);
  return optionCost('cloud', { compute, internetEgress, retrieval }, {}, total);
}
