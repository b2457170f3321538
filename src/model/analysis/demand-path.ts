/**
 * Demand growth over the horizon (docs/model.md): none unless the scenario asks. A stated rate g is
 * compounded, d × (1 + g)^(m − 1); `fitted` continues the measured trend in a straight line,
 * d × max(0, 1 + (m − 1) × trend / ū) (month 1 is the measured profile). Cloud grows with them; owned capacity stays
 * fixed and overflow bursts to cloud, unless onPrem.expansion buys servers when the forecast mean
 * demand exceeds capacity, arriving after the lead time. Each option's running cost (its month
 * without capital) is priced month by month; capital comes from the ownership schedule.
 */
import type { ModelScenario } from '../inputs.js';
import { allOptionCosts, fixedCosts, type FixedCosts } from '../cost/all-options.js';
import { scaledProfile, type DemandProfile } from '../demand/demand-profile.js';
import type { OptionCost, OptionId } from '../cost/option-cost.js';
import type { UtilizationProfile } from '../utilization/utilization-profile.js';
import type { OwnedLine } from '../ownership/ownership-schedule.js';
import { ownedLineOf } from '../cost/capital.js';

export interface Growth {
  /** Stated: the compounded monthly rate. Fitted: the trend relative to the mean, added linearly. */
  perMonth: number;
  source: 'scenario' | 'fitted' | 'none';
}

const NO_GROWTH: Growth = { perMonth: 0, source: 'none' };

/** The measured trend as linear growth relative to the mean; null when there is no trend to continue. */
export function fittedGrowth(u: UtilizationProfile): Growth | null {
  return u.trendPerMonth !== null && u.mean > 0 ? { perMonth: u.trendPerMonth / u.mean, source: 'fitted' } : null;
}

/** The growth the scenario asks for: a stated rate, the fitted trend, or none (the default). */
export function growthOf(s: ModelScenario, u: UtilizationProfile): Growth {
  const g = s.workload.growthPerMonth;
  if (g === 'fitted') return fittedGrowth(u) ?? NO_GROWTH;
  return g === 0 ? NO_GROWTH : { perMonth: g, source: 'scenario' };
}

/** Demand in month m relative to the measured profile. */
export function growthFactor(g: Growth, month: number): number {
  return g.source === 'fitted' ? Math.max(0, 1 + (month - 1) * g.perMonth) : (1 + g.perMonth) ** (month - 1);
}

/** A month of the path; months[i] is month i + 1, and equal months are one shared object. */
export interface PathMonth {
  /** Demand relative to the measured profile (growthFactor). */
  factor: number;
  /** On-prem servers in service this month (bought and expansions arrived); null without on-prem. */
  servers: number | null;
  /** The options priced, in allOptionCosts' order (one array shared by every month). */
  ids: ReadonlyArray<OptionId>;
  /**
   * Each option's month at the month's demand and its capital line, in `ids`' order: all the
   * path is read for, kept as numbers (a month's cost objects, kept for 48 months of 100 000
   * Monte Carlo trials, were most of what its threads spent collecting garbage).
   */
  totals: number[];
  capitals: number[];
}

function indexIn(m: PathMonth, id: OptionId): number {
  const i = m.ids.indexOf(id);
  if (i < 0) throw new Error(`demand path: option ${id} is not priced on it`);
  return i;
}

/** The option's full month as priced (for cloud, the whole bill). */
export const monthTotal = (m: PathMonth, id: OptionId): number => m.totals[indexIn(m, id)] as number;

/** The option's month without capital: its running cost. */
export const monthRunning = (m: PathMonth, id: OptionId): number => {
  const i = indexIn(m, id);
  return (m.totals[i] as number) - (m.capitals[i] as number);
};

export interface DemandPath {
  growth: Growth;
  months: PathMonth[];
  /** The first month's costs in full (each option's line of the path's first month). */
  firstMonth: OptionCost[];
  /** Servers bought by onPrem.expansion, as extra hardware lines for the schedule. */
  expansions: OwnedLine[];
}

const NO_ARRIVALS: ReadonlyMap<number, number> = new Map();

/** Servers ordered so that capacity keeps up with the forecast mean demand lead-time months ahead. */
function plannedExpansions(
  s: ModelScenario,
  meanBusy: number,
  g: Growth,
): { lines: OwnedLine[]; arrivals: ReadonlyMap<number, number> } {
  const o = s.options.onPrem;
  const template = o?.hardware[0];
  if (o === undefined || o.expansion === undefined || template === undefined)
    return { lines: [], arrivals: NO_ARRIVALS };
  const arrivals = new Map<number, number>();
  const lines: OwnedLine[] = [];
  const lead = o.expansion.leadTimeMonths;
  // A server's GPUs serve τ of their count in busy GPUs at the latency target (docs/model.md).
  const perServer = o.gpusPerServer * s.workload.targetUtilization;
  let capacity = o.servers * perServer;
  for (let m = 1; m + lead <= s.horizonMonths; m++) {
    const forecast = meanBusy * growthFactor(g, m + lead);
    if (forecast <= capacity) continue;
    const servers = Math.ceil((forecast - capacity) / perServer - 1e-9);
    const arrive = m + lead; // in service from this schedule month
    capacity += servers * perServer;
    arrivals.set(arrive, (arrivals.get(arrive) ?? 0) + servers);
    const unit = ownedLineOf({ ...template, quantity: servers, purchaseMonth: arrive - 1 });
    lines.push({ ...unit, name: `expansion: ${servers} × ${template.name} (ordered month ${m})` });
  }
  return { lines, arrivals };
}

/** The scenario as month m sees it: the on-prem servers in service (traffic grows with the profile). */
function withServers(s: ModelScenario, servers: number): ModelScenario {
  const o = s.options.onPrem;
  return o === undefined || o.servers === servers ? s : { ...s, options: { ...s.options, onPrem: { ...o, servers } } };
}

/** The horizon's months at the scenario's growth, or at `growth` when given (what the trend would do). */
export function demandPath(
  s: ModelScenario,
  demand: DemandProfile,
  u: UtilizationProfile,
  growth: Growth = growthOf(s, u),
  /** The reserved plan's GPUs, when it is priced too. */
  reservedGpus: number | null = null,
): DemandPath {
  const meanBusy = demand.utilization * s.workload.referenceGpus;
  const { lines, arrivals } = plannedExpansions(s, meanBusy, growth);
  const months: PathMonth[] = [];
  let servers = s.options.onPrem?.servers ?? 0;
  // Compounded growth multiplies month by month (a power a month cost Monte Carlo a tenth of a
  // trial); a fitted trend is linear.
  const fitted = growth.source === 'fitted';
  let factor = 1;
  let firstMonth: OptionCost[] | null = null;
  let ids: OptionId[] = [];
  let fixedFor: ModelScenario | null = null;
  let fixed: FixedCosts | undefined;
  for (
    let m = 1;
    m <= s.horizonMonths;
    m++, factor = fitted ? growthFactor(growth, m) : factor * (1 + growth.perMonth)
  ) {
    servers += arrivals.get(m) ?? 0;
    const inService = s.options.onPrem ? servers : null;
    // Without growth every month is the first again: price it once.
    const previous = months.at(-1);
    if (previous !== undefined && previous.factor === factor && previous.servers === inService) {
      months.push(previous);
      continue;
    }
    const profile = scaledProfile(demand, factor);
    const scaled = withServers(s, servers);
    // What does not depend on demand is priced once per fleet size, not once a month.
    if (scaled !== fixedFor) {
      fixedFor = scaled;
      fixed = fixedCosts(scaled);
    }
    const costs = allOptionCosts(profile, scaled, reservedGpus, fixed);
    if (firstMonth === null) {
      firstMonth = costs;
      ids = costs.map((c) => c.id);
    }
    // Plain loops: Array.map here cost Monte Carlo with growth a third of its time.
    const totals: number[] = [];
    const capitals: number[] = [];
    for (const c of costs) {
      totals.push(c.total);
      capitals.push(c.capital);
    }
    months.push({ factor, servers: inService, ids, totals, capitals });
  }
  return { growth, months, firstMonth: firstMonth ?? [], expansions: lines };
}
