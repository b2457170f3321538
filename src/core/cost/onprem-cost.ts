import type { ResolvedScenario } from '../../scenario/resolve.js';
import type { OnPremOption } from '../../scenario/schema.js';
import { monthlyFromYearly } from '../units.js';
import { capitalPerMonth, hardwareCost } from './capital.js';
import { meanShortfall, overflowPricedAsCloud } from './cloud-compute.js';
import type { DemandProfile } from './demand-profile.js';
import { optionCost, type OptionCost } from './option-cost.js';
import { powerCost } from './power-cost.js';
import { trafficCost } from './traffic-cost.js';

/** GPUs owned on-prem: k = servers × gpusPerServer. */
export const onPremGpus = (o: OnPremOption): number => o.servers * o.gpusPerServer;

/**
 * MODEL.md §3 on-prem at a demand profile: capital (depreciation + financing interest), power at
 * the profile's utilization, facility per provisioned kW, staff, support, software, network, and
 * demand above the k owned GPUs priced as cloud (burst: cloud) or reported as a shortfall (none).
 */
export function onPremCost(profile: DemandProfile, o: OnPremOption, s: ResolvedScenario): OptionCost {
  const k = onPremGpus(o);
  const kw = o.servers * o.powerKwPerServer;
  const capital = capitalPerMonth(o, s.horizonMonths);
  const burstToCloud = o.burst === 'cloud';
  return optionCost(
    'onprem',
    {
      depreciation: capital.depreciation,
      interest: capital.interest,
      power: powerCost(kw, o.idlePowerFraction, profile.utilization, o.pue, o.electricityPerKwh),
      facility: kw * o.facilityPerKwMonth,
      staff: monthlyFromYearly(o.staff.ftes * o.staff.costPerFteYear),
      support: monthlyFromYearly(o.supportRatePerYear * hardwareCost(o)),
      software: monthlyFromYearly(o.softwarePerGpuYear * k),
      network: o.networkPerMonth,
      burst: burstToCloud ? overflowPricedAsCloud(profile, k, s.options.cloud) : 0,
      ...trafficCost('onprem', s),
    },
    {
      capital: capital.depreciation + capital.interest,
      capacityGpus: k,
      shortfallBusyGpus: burstToCloud ? null : meanShortfall(profile, k),
    },
  );
}
