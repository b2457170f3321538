import type { ModelScenario } from '../inputs.js';
import type { EdgeOption } from '../inputs.js';
import type { OwnedLine } from '../ownership/ownership-schedule.js';
import { straightLinePerMonth } from './capital.js';
import { overflowPricedAsCloud } from './cloud-compute.js';
import type { DemandProfile } from '../demand/demand-profile.js';
import { optionCost, type OptionCost } from './option-cost.js';
import { powerCost } from './power-cost.js';
import { internetEgressCost, retrievalCost, type TrafficCost } from './traffic-cost.js';

/** GPUs at the edge: E = sites × gpusPerSite. */
export const edgeGpus = (e: EdgeOption): number => e.sites * e.gpusPerSite;

/** All sites' hardware, bought at month 0, straight-line (docs/model.md). */
export const edgeAsset = (e: EdgeOption): OwnedLine => ({
  name: 'edge sites',
  method: 'straight-line',
  cost: e.sites * e.hardwareCostPerSite,
  purchaseMonth: 0,
  usefulLifeMonths: e.usefulLifeMonths,
  residualFraction: e.residualFraction,
});

/** The edge's month in parts: its components in display order, their total and the capital line. */
export interface EdgeParts extends TrafficCost {
  depreciation: number;
  opex: number;
  power: number;
  backhaul: number;
  overflow: number;
  total: number;
}

export const edgeParts = (): EdgeParts => ({
  depreciation: 0,
  opex: 0,
  power: 0,
  backhaul: 0,
  overflow: 0,
  internetEgress: 0,
  retrieval: 0,
  total: 0,
});

/**
 * docs/model.md edge, written into `p` (the demand path prices every month into one record):
 * sites × (hardware straight-line + opex + power at the profile's utilization, no PUE at a site)
 * + backhaul × egressPerGB; busy GPUs above E × τ priced as cloud. The capital line is the
 * depreciation.
 */
export function priceEdge(p: EdgeParts, profile: DemandProfile, e: EdgeOption, s: ModelScenario): EdgeParts {
  p.depreciation = straightLinePerMonth(edgeAsset(e));
  p.internetEgress = internetEgressCost('edge', s, profile.trafficScale);
  p.retrieval = retrievalCost('edge', s, profile.trafficScale);
  p.opex = e.sites * e.opexPerSiteMonth;
  p.power = powerCost(e.sites * e.powerKwPerSite, e.idlePowerFraction, profile.utilization, 1, e.electricityPerKwh);
  p.backhaul = e.backhaulGBPerMonth * e.egressPerGB;
  p.overflow = overflowPricedAsCloud(profile, edgeGpus(e) * s.workload.targetUtilization, s.options.cloud);
  p.total = 0 + p.depreciation + p.opex + p.power + p.backhaul + p.overflow + p.internetEgress + p.retrieval;
  return p;
}

/** docs/model.md edge at a demand profile (see priceEdge). */
export function edgeCost(profile: DemandProfile, e: EdgeOption, s: ModelScenario): OptionCost {
  const { depreciation, opex, power, backhaul, overflow, internetEgress, retrieval, total } = priceEdge(
    edgeParts(),
    profile,
    e,
    s,
  );
  return optionCost(
    'edge',
    { depreciation, opex, power, backhaul, overflow, internetEgress, retrieval },
    { capital: depreciation, capacityGpus: edgeGpus(e) },
    total,
  );
}
