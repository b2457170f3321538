import type { ModelScenario } from '../inputs.js';
import type { EdgeOption } from '../inputs.js';
import type { OwnedLine } from '../ownership/ownership-schedule.js';
import { straightLinePerMonth } from './capital.js';
import { overflowPricedAsCloud } from './cloud-compute.js';
import type { DemandProfile } from '../demand/demand-profile.js';
import { optionCost, type OptionCost } from './option-cost.js';
import { powerCost } from './power-cost.js';
import { trafficCost } from './traffic-cost.js';

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

/**
 * docs/model.md edge: sites × (hardware straight-line + opex + power at the profile's utilization,
 * no PUE at a site) + backhaul × egressPerGB; busy GPUs above E × τ priced as cloud.
 */
export function edgeCost(profile: DemandProfile, e: EdgeOption, s: ModelScenario): OptionCost {
  const depreciation = straightLinePerMonth(edgeAsset(e));
  const { internetEgress, retrieval } = trafficCost('edge', s, profile.trafficScale);
  const opex = e.sites * e.opexPerSiteMonth;
  const power = powerCost(e.sites * e.powerKwPerSite, e.idlePowerFraction, profile.utilization, 1, e.electricityPerKwh);
  const backhaul = e.backhaulGBPerMonth * e.egressPerGB;
  const overflow = overflowPricedAsCloud(profile, edgeGpus(e) * s.workload.targetUtilization, s.options.cloud);
  return optionCost(
    'edge',
    { depreciation, opex, power, backhaul, overflow, internetEgress, retrieval },
    { capital: depreciation, capacityGpus: edgeGpus(e) },
    0 + depreciation + opex + power + backhaul + overflow + internetEgress + retrieval,
  );
}
