import type { ResolvedScenario } from '../../scenario/resolve.js';
import type { OnPremOption } from '../../scenario/schema.js';
import { monthlyFromYearly } from '../units.js';
import { capitalPerMonth, hardwareCost } from './capital.js';
import { meanShortfall, overflowPricedAsCloud } from './cloud-compute.js';
import type { DemandProfile } from './demand-profile.js';
import { optionCost, type OptionCost } from './option-cost.js';
import { powerCost } from './power-cost.js';
import { trafficCost } from './traffic-cost.js';

/** A lease instead of a purchase: servers × monthlyPerServer, as opex (issue 4). */
export const leasePerMonth = (o: OnPremOption): number => (o.lease === undefined ? 0 : o.servers * o.lease.monthlyPerServer);

/**
 * Hidden costs of owning on the owned cost (capital, lease, power, facility, staff, support,
 * software, network): lost goodput f means 1 / (1 − f) of the capacity buys the same useful hours,
 * an uplift of f / (1 − f); support effort is its share of that cost.
 */
export function uplifts(o: OnPremOption, ownedCost: number): { goodputLoss: number; supportEffort: number } {
  const f = o.uplifts?.goodputLossFraction ?? 0;
  return { goodputLoss: (ownedCost * f) / (1 - f), supportEffort: ownedCost * (o.uplifts?.supportFraction ?? 0) };
}

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
  const owned = {
    depreciation: capital.depreciation,
    interest: capital.interest,
    lease: leasePerMonth(o),
    power: powerCost(kw, o.idlePowerFraction, profile.utilization, o.pue, o.electricityPerKwh),
    facility: kw * o.facilityPerKwMonth,
    staff: monthlyFromYearly(o.staff.ftes * o.staff.costPerFteYear),
    support: monthlyFromYearly(o.supportRatePerYear * hardwareCost(o)),
    software: monthlyFromYearly(o.softwarePerGpuYear * k),
    network: o.networkPerMonth,
  };
  return optionCost(
    'onprem',
    {
      ...owned,
      ...uplifts(o, Object.values(owned).reduce((a, b) => a + b, 0)),
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
