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

/** On-prem's month apart from demand: what a demand path prices once for all its months. */
export interface OnPremFixed {
  k: number;
  capacity: number;
  kw: number;
  capital: { depreciation: number; interest: number };
  lease: number;
  facility: number;
  staff: number;
  support: number;
  software: number;
  network: number;
}

export function onPremFixed(o: OnPremOption, s: ModelScenario): OnPremFixed {
  const k = onPremGpus(o);
  const kw = o.servers * o.powerKwPerServer;
  return {
    k,
    // k GPUs serve k × τ busy GPUs at the latency target (docs/model.md): the rest bursts or falls short.
    capacity: k * s.workload.targetUtilization,
    kw,
    capital: capitalPerMonth(o, s.horizonMonths),
    lease: leasePerMonth(o),
    facility: kw * o.facilityPerKwMonth,
    staff: monthlyFromYearly(o.staff.ftes * o.staff.costPerFteYear),
    support: monthlyFromYearly(o.supportRatePerYear * hardwareCost(o)),
    software: monthlyFromYearly(o.softwarePerGpuYear * k),
    network: o.networkPerMonth,
  };
}

/**
 * docs/model.md on-prem at a demand profile: capital (depreciation + financing interest), power at
 * the profile's utilization, facility per provisioned kW, staff, support, software, network, and
 * demand above k × τ busy GPUs priced as cloud (burst: cloud) or reported as a shortfall (none).
 * `fixed`: the parts that do not depend on demand, when the caller has them already.
 */
export function onPremCost(
  profile: DemandProfile,
  o: OnPremOption,
  s: ModelScenario,
  fixed: OnPremFixed = onPremFixed(o, s),
): OptionCost {
  const { k, capacity, kw, capital, lease, facility, staff, support, software, network } = fixed;
  const burstToCloud = o.burst === 'cloud';
  const power = powerCost(kw, o.idlePowerFraction, profile.utilization, o.pue, o.electricityPerKwh);
  const owned =
    capital.depreciation + capital.interest + lease + power + facility + staff + support + software + network;
  const { internetEgress, retrieval } = trafficCost('onprem', s, profile.trafficScale);
  const { depreciation, interest } = capital;
  const goodputLoss = goodputLossUplift(o, owned);
  const supportEffort = supportEffortUplift(o, owned);
  const burst = burstToCloud ? overflowPricedAsCloud(profile, capacity, s.options.cloud) : 0;
  return optionCost(
    'onprem',
    {
      depreciation,
      interest,
      lease,
      power,
      facility,
      staff,
      support,
      software,
      network,
      goodputLoss,
      supportEffort,
      burst,
      internetEgress,
      retrieval,
    },
    {
      capital: depreciation + interest,
      capacityGpus: k,
      shortfallBusyGpus: burstToCloud ? null : meanShortfall(profile, capacity),
      shortfallHours: burstToCloud ? null : shareAbove(profile, capacity) * HOURS_PER_MONTH,
    },
    0 +
      depreciation +
      interest +
      lease +
      power +
      facility +
      staff +
      support +
      software +
      network +
      goodputLoss +
      supportEffort +
      burst +
      internetEgress +
      retrieval,
  );
}
