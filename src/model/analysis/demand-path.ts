/**
 * Demand growth over the horizon (docs/model.md): none unless the scenario asks. A stated rate g is
 * compounded, d × (1 + g)^(m − 1); `fitted` continues the measured trend in a straight line,
 * d × max(0, 1 + (m − 1) × trend / ū) (month 1 is the measured profile). Cloud grows with them; owned capacity stays
 * fixed and overflow bursts to cloud, unless onPrem.expansion buys servers when the forecast mean
 * demand exceeds capacity, arriving after the lead time. Each option's running cost (its month
 * without capital) is priced month by month; capital comes from the ownership schedule.
 */
import type { ModelScenario } from '../inputs.js';
import { allOptionCosts } from '../cost/all-options.js';
import { pricePathMonths, withServers } from '../cost/path-months.js';
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

/**
 * The horizon's months, month m at index m − 1, kept as columns of numbers: a month's cost objects,
 * kept for 48 months of 100 000 Monte Carlo trials, were most of what its threads spent
 * allocating and collecting. Plain arrays, not Float64Array: a typed array this long has its
 * memory outside the heap, and allocating four a trial made flat Monte Carlo 40 % slower.
 */
export interface DemandPath {
  growth: Growth;
  /** Demand relative to the measured profile (growthFactor), month by month. */
  factors: number[];
  /** On-prem servers in service each month (bought and expansions arrived); null without on-prem. */
  servers: number[] | null;
  /** The options priced, in allOptionCosts' order. */
  ids: ReadonlyArray<OptionId>;
  /**
   * Each option's full month (for cloud, the whole bill), in `ids`' order: one entry, the first
   * month, when the path is steady.
   */
  totals: number[][];
  /** Each option's month without capital: its running cost (one entry when steady). */
  running: number[][];
  /** Every month is the first (no growth, no expansion): one month stands for them all. */
  steady: boolean;
  /** The first month's costs in full (each option's line of the path's first month). */
  firstMonth: OptionCost[];
  /** Servers bought by onPrem.expansion, as extra hardware lines for the schedule. */
  expansions: OwnedLine[];
}

function indexIn(p: DemandPath, id: OptionId): number {
  const i = p.ids.indexOf(id);
  if (i < 0) throw new Error(`demand path: option ${id} is not priced on it`);
  return i;
}

/** The option's full month (for cloud, the whole bill): month by month, or one figure for a steady path. */
export function pathTotals(p: DemandPath, id: OptionId): number | number[] {
  const t = p.totals[indexIn(p, id)] as number[];
  return p.steady ? (t[0] as number) : t;
}

/** The option's month without capital, its running cost: month by month, or one figure for a steady path. */
export function pathRunning(p: DemandPath, id: OptionId): number | number[] {
  const r = p.running[indexIn(p, id)] as number[];
  return p.steady ? (r[0] as number) : r;
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

/** The horizon's months at the scenario's growth, or at `growth` when given (what the trend would do). */
export function demandPath(
  s: ModelScenario,
  demand: DemandProfile,
  u: UtilizationProfile,
  growth: Growth = growthOf(s, u),
  /** The reserved plan's GPUs, when it is priced too. */
  reservedGpus: number | null = null,
  /**
   * allOptionCosts(demand, s, reservedGpus), when the caller has it: the first month's costs
   * whenever that month is the measured profile with the scenario's servers (Monte Carlo
   * otherwise prices it twice a trial).
   */
  measured: ReadonlyArray<OptionCost> | null = null,
): DemandPath {
  const meanBusy = demand.utilization * s.workload.referenceGpus;
  const { lines, arrivals } = plannedExpansions(s, meanBusy, growth);
  const h = s.horizonMonths;
  // Columns sized once: a column grown by push was copied three times on the way to 48 months.
  const column = (): number[] => new Array<number>(h);
  const factors = column();
  const inService = s.options.onPrem !== undefined ? column() : null;
  const servers0 = s.options.onPrem?.servers ?? 0;
  let servers = servers0;
  // Compounded growth multiplies month by month (a power a month cost Monte Carlo a tenth of a
  // trial); a fitted trend is linear.
  const fitted = growth.source === 'fitted';
  let factor = 1;
  let steady = true;
  for (let i = 0; i < h; i++, factor = fitted ? growthFactor(growth, i + 1) : factor * (1 + growth.perMonth)) {
    if (arrivals.size > 0) servers += arrivals.get(i + 1) ?? 0;
    factors[i] = factor;
    if (inService !== null) inService[i] = servers;
    if (i > 0 && (factor !== factors[i - 1] || (inService !== null && servers !== inService[i - 1]))) steady = false;
  }
  // The first month in full (the report shows its lines), the others as numbers.
  // Month 1's factor is 1, and scaledProfile by 1 is the profile itself unless its utilization is
  // above 1 (capped there).
  const firstIsMeasured = (inService === null || inService[0] === servers0) && demand.utilization <= 1;
  const firstMonth =
    h === 0
      ? []
      : measured !== null && firstIsMeasured
        ? [...measured]
        : allOptionCosts(
            scaledProfile(demand, factors[0] as number),
            inService === null ? s : withServers(s, inService[0] as number),
            reservedGpus,
          );
  // A steady path keeps its first month only (Monte Carlo without growth: no column to fill).
  const columns = firstMonth.map((c) => {
    const totals = steady ? [] : column();
    const running = steady ? [] : column();
    totals[0] = c.total;
    running[0] = c.total - c.capital;
    return { totals, running };
  });
  if (!steady) pricePathMonths(demand, s, reservedGpus, { factors, servers: inService }, 1, columns);
  const ids = firstMonth.map((c) => c.id);
  const totals = columns.map((c) => c.totals);
  const running = columns.map((c) => c.running);
  return { growth, factors, servers: inService, ids, totals, running, steady, firstMonth, expansions: lines };
}
