/**
 * Each option's months along a demand path, in allOptionCosts' order, with exactly the figures
 * of its cost object at each month (a property test holds them bit for bit). Cloud and on-prem,
 * which every path prices and Monte Carlo prices 48 months a trial, loop over the months inside
 * priceCloud / priceOnPrem, next to their formula, into one reused record: compiled together, a
 * month allocates nothing (through cost objects, or calls left out of line that box each number
 * they return, it allocated hundreds of bytes). The edge is priced into a reused record month by
 * month; the rented plans, on a path only for analyze's horizon averages, through their cost
 * objects.
 */
import type { ModelScenario } from '../inputs.js';
import { profileRecord, scaleProfileInto, type DemandProfile } from '../demand/demand-profile.js';
import { cloudParts, priceCloud } from './cloud-cost.js';
import { dedicatedCost } from './dedicated-cost.js';
import { edgeParts, priceEdge } from './edge-cost.js';
import { onPremFixed, onPremParts, priceOnPrem } from './onprem-cost.js';
import type { OptionCost } from './option-cost.js';
import { reservedCost } from './reserved-cost.js';

/** The path's months: demand relative to the measured profile, and on-prem's servers in service. */
export interface PathMonths {
  factors: ReadonlyArray<number>;
  servers: ReadonlyArray<number> | null;
}

/** Month i is month i − 1 again: the same demand and the same servers. */
const sameAsBefore = (m: PathMonths, i: number): boolean =>
  m.factors[i] === m.factors[i - 1] && (m.servers === null || m.servers[i] === m.servers[i - 1]);

/** An option's columns: its month and its month without capital (its running cost). */
interface Columns {
  totals: number[];
  running: number[];
}

function cloudMonths(demand: DemandProfile, s: ModelScenario, m: PathMonths, from: number, c: Columns): void {
  priceCloud(cloudParts(), demand, s, { factors: m.factors, from, to: m.factors.length, ...c });
}

/** The scenario with `servers` on-prem servers in service. */
export function withServers(s: ModelScenario, servers: number): ModelScenario {
  const o = s.options.onPrem;
  return o === undefined || o.servers === servers ? s : { ...s, options: { ...s.options, onPrem: { ...o, servers } } };
}

function onPremMonths(demand: DemandProfile, s: ModelScenario, m: PathMonths, from: number, c: Columns): void {
  const p = onPremParts();
  // One call per fleet size: what does not depend on demand is priced once for its months.
  for (let i = from; i < m.factors.length;) {
    const servers = m.servers?.[i];
    let to = i + 1;
    while (to < m.factors.length && m.servers?.[to] === servers) to++;
    const now = servers === undefined ? s : withServers(s, servers);
    const o = now.options.onPrem!;
    // The run's first month, when it repeats the month before the run (the path's first month,
    // priced by the caller): copied, as priceOnPrem copies the repeats within a run.
    let first = i;
    if (i > 0 && sameAsBefore(m, i)) {
      c.totals[i] = c.totals[i - 1] as number;
      c.running[i] = c.running[i - 1] as number;
      first = i + 1;
    }
    if (first < to) priceOnPrem(p, demand, o, now, onPremFixed(o, now), { factors: m.factors, from: first, to, ...c });
    i = to;
  }
}

function edgeMonths(demand: DemandProfile, s: ModelScenario, m: PathMonths, from: number, c: Columns): void {
  const profile = profileRecord(demand);
  const p = edgeParts();
  for (let i = from; i < m.factors.length; i++) {
    if (i > 0 && sameAsBefore(m, i)) {
      c.totals[i] = c.totals[i - 1] as number;
      c.running[i] = c.running[i - 1] as number;
      continue;
    }
    priceEdge(p, scaleProfileInto(profile, demand, m.factors[i] as number), s.options.edge!, s);
    c.totals[i] = p.total;
    c.running[i] = p.total - p.depreciation;
  }
}

/** The rented plans, priced on a path only for analyze's horizon averages: through their cost objects. */
function rentedMonths(
  price: (profile: DemandProfile) => OptionCost,
  demand: DemandProfile,
  m: PathMonths,
  from: number,
  c: Columns,
): void {
  const profile = profileRecord(demand);
  for (let i = from; i < m.factors.length; i++) {
    const cost = price(scaleProfileInto(profile, demand, m.factors[i] as number));
    c.totals[i] = cost.total;
    c.running[i] = cost.total - cost.capital;
  }
}

/**
 * Months `from`.. of every option of allOptionCosts (in its order) into `columns`: the same
 * figures as allOptionCosts at each month's profile and servers.
 */
export function pricePathMonths(
  demand: DemandProfile,
  s: ModelScenario,
  reservedGpus: number | null,
  months: PathMonths,
  from: number,
  columns: ReadonlyArray<Columns>,
): void {
  const { dedicated, onPrem, edge } = s.options;
  let k = 0;
  const next = (): Columns => columns[k++] as Columns;
  cloudMonths(demand, s, months, from, next());
  if (dedicated) rentedMonths((p) => dedicatedCost(p, dedicated, s), demand, months, from, next());
  if (dedicated && reservedGpus !== null)
    rentedMonths((p) => reservedCost(p, dedicated, reservedGpus, s), demand, months, from, next());
  if (onPrem) onPremMonths(demand, s, months, from, next());
  if (edge) edgeMonths(demand, s, months, from, next());
}
