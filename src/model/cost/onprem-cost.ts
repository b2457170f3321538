import type { ModelScenario } from '../inputs.js';
import type { OnPremOption } from '../inputs.js';
import { HOURS_PER_MONTH, monthlyFromYearly } from '../units.js';
import { capitalPerMonth, hardwareCost } from './capital.js';
import { meanShortfall, overflowPricedAsCloud } from './cloud-compute.js';
import { shareAbove, type DemandProfile } from '../demand/demand-profile.js';
import { optionCost, type OptionCost } from './option-cost.js';
import { powerCost } from './power-cost.js';
import { trafficCost } from './traffic-cost.js';

/** A lease instead of a purchase: servers × monthlyPerServer, as opex. */
export const leasePerMonth = (o: OnPremOption): number =>
  o.lease === undefined ? 0 : o.servers * o.lease.monthlyPerServer;

/**
 * Hidden costs of owning on the owned cost (capital, lease, power, facility, staff, support,
 * software, network): lost goodput f means 1 / (1 − f) of the capacity buys the same useful hours,
 * an uplift of f / (1 − f).
 */
export function goodputLossUplift(o: OnPremOption, ownedCost: number): number {
  const f = o.uplifts?.goodputLossFraction ?? 0;
  return (ownedCost * f) / (1 - f);
}

/** Support effort: its share of the owned cost. */
export const supportEffortUplift = (o: OnPremOption, ownedCost: number): number =>
  ownedCost * (o.uplifts?.supportFraction ?? 0);

/** GPUs owned on-prem: k = servers × gpusPerServer. */
export const onPremGpus = (o: OnPremOption): number => o.servers * o.gpusPerServer;

/**
 * docs/model.md on-prem at a demand profile: capital (depreciation + financing interest), power at
 * the profile's utilization, facility per provisioned kW, staff, support, software, network, and
 * demand above k × τ busy GPUs priced as cloud (burst: cloud) or reported as a shortfall (none).
 */
export function onPremCost(profile: DemandProfile, o: OnPremOption, s: ModelScenario): OptionCost {
  const k = onPremGpus(o);
  // k GPUs serve k × τ busy GPUs at the latency target (docs/model.md): the rest bursts or falls short.
  const capacity = k * s.workload.targetUtilization;
  const kw = o.servers * o.powerKwPerServer;
  const capital = capitalPerMonth(o, s.horizonMonths);
  const burstToCloud = o.burst === 'cloud';
  const lease = leasePerMonth(o);
  const power = powerCost(kw, o.idlePowerFraction, profile.utilization, o.pue, o.electricityPerKwh);
  const facility = kw * o.facilityPerKwMonth;
  const staff = monthlyFromYearly(o.staff.ftes * o.staff.costPerFteYear);
  const support = monthlyFromYearly(o.supportRatePerYear * hardwareCost(o));
  const software = monthlyFromYearly(o.softwarePerGpuYear * k);
  const network = o.networkPerMonth;
  const owned =
    capital.depreciation + capital.interest + lease + power + facility + staff + support + software + network;
  const traffic = trafficCost('onprem', s, profile.trafficScale);
  return optionCost(
    'onprem',
    {
      depreciation: capital.depreciation,
      interest: capital.interest,
      lease,
      power,
      facility,
      staff,
      support,
      software,
      network,
      goodputLoss: goodputLossUplift(o, owned),
      supportEffort: supportEffortUplift(o, owned),
      burst: burstToCloud ? overflowPricedAsCloud(profile, capacity, s.options.cloud) : 0,
      internetEgress: traffic.internetEgress,
      retrieval: traffic.retrieval,
    },
    {
      capital: capital.depreciation + capital.interest,
      capacityGpus: k,
      shortfallBusyGpus: burstToCloud ? null : meanShortfall(profile, capacity),
      shortfallHours: burstToCloud ? null : shareAbove(profile, capacity) * HOURS_PER_MONTH,
    },
  );
}
