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
  const ownedTotal = owned.depreciation + owned.interest + owned.lease + owned.power + owned.facility + owned.staff + owned.support + owned.software + owned.network;
  const hidden = uplifts(o, ownedTotal);
  const traffic = trafficCost('onprem', s);
  return optionCost(
    'onprem',
    {
      // Spelled out: spreading `owned` into a 15-key literal is slow enough to matter in Monte Carlo.
      depreciation: owned.depreciation, interest: owned.interest, lease: owned.lease, power: owned.power, facility: owned.facility,
      staff: owned.staff, support: owned.support, software: owned.software, network: owned.network,
      goodputLoss: hidden.goodputLoss,
      supportEffort: hidden.supportEffort,
      burst: burstToCloud ? overflowPricedAsCloud(profile, k, s.options.cloud) : 0,
      internetEgress: traffic.internetEgress,
      retrieval: traffic.retrieval,
    },
    {
      capital: capital.depreciation + capital.interest,
      capacityGpus: k,
      shortfallBusyGpus: burstToCloud ? null : meanShortfall(profile, k),
    },
  );
}
