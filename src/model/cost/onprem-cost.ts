import type { ModelScenario } from '../inputs.js';
import type { OnPremOption } from '../inputs.js';
import { HOURS_PER_MONTH, monthlyFromYearly } from '../units.js';
import { capitalPerMonth, hardwareCost } from './capital.js';
import { meanShortfall, overflowPricedAsCloud } from './cloud-compute.js';
import { shareAbove, type DemandProfile } from '../demand/demand-profile.js';
import { optionCost, type OptionCost } from './option-cost.js';
import { powerCost } from './power-cost.js';
import { internetEgressCost, retrievalCost, type TrafficCost } from './traffic-cost.js';

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

/** On-prem's month in parts: its components in display order, their total and the capital line. */
export interface OnPremParts extends TrafficCost {
  depreciation: number;
  interest: number;
  lease: number;
  power: number;
  facility: number;
  staff: number;
  support: number;
  software: number;
  network: number;
  goodputLoss: number;
  supportEffort: number;
  burst: number;
  total: number;
  capital: number;
}

export const onPremParts = (): OnPremParts => ({
  depreciation: 0,
  interest: 0,
  lease: 0,
  power: 0,
  facility: 0,
  staff: 0,
  support: 0,
  software: 0,
  network: 0,
  goodputLoss: 0,
  supportEffort: 0,
  burst: 0,
  internetEgress: 0,
  retrieval: 0,
  total: 0,
  capital: 0,
});

/**
 * docs/model.md on-prem at a demand profile, written into `p` (the demand path prices every month
 * into one record): capital (depreciation + financing interest), power at the profile's
 * utilization, facility per provisioned kW, staff, support, software, network, and demand above
 * k × τ busy GPUs priced as cloud (burst: cloud) or left as a shortfall (none). `fixed`: the parts
 * that do not depend on demand.
 */
export function priceOnPrem(
  p: OnPremParts,
  profile: DemandProfile,
  o: OnPremOption,
  s: ModelScenario,
  fixed: OnPremFixed,
): OnPremParts {
  const { capacity, kw, capital, lease, facility, staff, support, software, network } = fixed;
  const power = powerCost(kw, o.idlePowerFraction, profile.utilization, o.pue, o.electricityPerKwh);
  const owned =
    capital.depreciation + capital.interest + lease + power + facility + staff + support + software + network;
  p.internetEgress = internetEgressCost('onprem', s, profile.trafficScale);
  p.retrieval = retrievalCost('onprem', s, profile.trafficScale);
  const { depreciation, interest } = capital;
  p.depreciation = depreciation;
  p.interest = interest;
  p.lease = lease;
  p.power = power;
  p.facility = facility;
  p.staff = staff;
  p.support = support;
  p.software = software;
  p.network = network;
  p.goodputLoss = goodputLossUplift(o, owned);
  p.supportEffort = supportEffortUplift(o, owned);
  p.burst = o.burst === 'cloud' ? overflowPricedAsCloud(profile, capacity, s.options.cloud) : 0;
  p.capital = depreciation + interest;
  p.total =
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
    p.goodputLoss +
    p.supportEffort +
    p.burst +
    p.internetEgress +
    p.retrieval;
  return p;
}

/** docs/model.md on-prem at a demand profile (see priceOnPrem), with its capacity and any shortfall. */
export function onPremCost(
  profile: DemandProfile,
  o: OnPremOption,
  s: ModelScenario,
  fixed: OnPremFixed = onPremFixed(o, s),
): OptionCost {
  const p = priceOnPrem(onPremParts(), profile, o, s, fixed);
  const burstToCloud = o.burst === 'cloud';
  return optionCost(
    'onprem',
    {
      depreciation: p.depreciation,
      interest: p.interest,
      lease: p.lease,
      power: p.power,
      facility: p.facility,
      staff: p.staff,
      support: p.support,
      software: p.software,
      network: p.network,
      goodputLoss: p.goodputLoss,
      supportEffort: p.supportEffort,
      burst: p.burst,
      internetEgress: p.internetEgress,
      retrieval: p.retrieval,
    },
    {
      capital: p.capital,
      capacityGpus: fixed.k,
      shortfallBusyGpus: burstToCloud ? null : meanShortfall(profile, fixed.capacity),
      shortfallHours: burstToCloud ? null : shareAbove(profile, fixed.capacity) * HOURS_PER_MONTH,
    },
    p.total,
  );
}
