import type { ModelScenario } from '../inputs.js';
import type { OnPremOption } from '../inputs.js';
import { HOURS_PER_MONTH, monthlyFromYearly } from '../units.js';
import { capitalPerMonth, hardwareCost } from './capital.js';
import { meanShortfall, overflowPricedAsCloud } from './cloud-compute.js';
import { shareAbove, type DemandProfile } from '../demand/demand-profile.js';
import { optionCost, PathMonthsOf, type OptionCost, type PathRange } from './option-cost.js';
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

/** On-prem's month in parts: the lines that depend on demand, the total and the capital line. */
export interface OnPremParts extends TrafficCost {
  power: number;
  goodputLoss: number;
  supportEffort: number;
  burst: number;
  total: number;
  capital: number;
}

export const onPremParts = (): OnPremParts => ({
  power: 0,
  goodputLoss: 0,
  supportEffort: 0,
  burst: 0,
  internetEgress: 0,
  retrieval: 0,
  total: 0,
  capital: 0,
});

/**
 * docs/model.md on-prem at a demand profile, written into `p`: capital (depreciation + financing
 * interest), power at the profile's utilization, facility per provisioned kW, staff, support,
 * software, network, and demand above k × τ busy GPUs priced as cloud (burst: cloud) or left as a
 * shortfall (none). `fixed`: the parts that do not depend on demand. Given a path's months (of one
 * fleet size), at each of them, `p` then holding the last: the loop is here, with the formula, so
 * that V8 compiles the two together and a month allocates nothing (Monte Carlo with growth prices
 * 48 a trial).
 */
export function priceOnPrem(
  p: OnPremParts,
  demand: DemandProfile,
  o: OnPremOption,
  s: ModelScenario,
  fixed: OnPremFixed,
  path: PathRange | null = null,
): OnPremParts {
  const { capacity, kw, capital, lease, facility, staff, support, software, network } = fixed;
  const { depreciation, interest } = capital;
  const { idlePowerFraction, pue, electricityPerKwh } = o;
  const burstToCloud = o.burst === 'cloud';
  const cloud = s.options.cloud;
  const months = new PathMonthsOf(demand, path);
  for (let i = months.from; i < months.to; i++) {
    if (months.copied(i)) continue;
    const profile = months.profile(i);
    const power = powerCost(kw, idlePowerFraction, profile.utilization, pue, electricityPerKwh);
    const owned = depreciation + interest + lease + power + facility + staff + support + software + network;
    const goodputLoss = goodputLossUplift(o, owned);
    const supportEffort = supportEffortUplift(o, owned);
    const burst = burstToCloud ? overflowPricedAsCloud(profile, capacity, cloud) : 0;
    const internetEgress = internetEgressCost('onprem', s, profile.trafficScale);
    const retrieval = retrievalCost('onprem', s, profile.trafficScale);
    // The month's lines that vary; the rest are `fixed`'s (onPremCost reads them there).
    p.power = power;
    p.goodputLoss = goodputLoss;
    p.supportEffort = supportEffort;
    p.burst = burst;
    p.internetEgress = internetEgress;
    p.retrieval = retrieval;
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
      goodputLoss +
      supportEffort +
      burst +
      internetEgress +
      retrieval;
    months.put(i, p.total, p.total - p.capital);
  }
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
      depreciation: fixed.capital.depreciation,
      interest: fixed.capital.interest,
      lease: fixed.lease,
      power: p.power,
      facility: fixed.facility,
      staff: fixed.staff,
      support: fixed.support,
      software: fixed.software,
      network: fixed.network,
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
