import type { ModelScenario } from '../inputs.js';
import { cloudCost, cloudParts, priceCloud, type CloudParts } from './cloud-cost.js';
import { dedicatedCost } from './dedicated-cost.js';
import type { DemandProfile } from '../demand/demand-profile.js';
import { edgeCost, edgeParts, priceEdge, type EdgeParts } from './edge-cost.js';
import { reservedCost } from './reserved-cost.js';
import {
  onPremCost,
  onPremFixed,
  onPremParts,
  priceOnPrem,
  type OnPremFixed,
  type OnPremParts,
} from './onprem-cost.js';
import type { OptionCost } from './option-cost.js';

/** The scenario's monthly costs that do not depend on demand: priced once for many profiles. */
export interface FixedCosts {
  onPrem: OnPremFixed | null;
}

export function fixedCosts(s: ModelScenario): FixedCosts {
  return { onPrem: s.options.onPrem ? onPremFixed(s.options.onPrem, s) : null };
}

/**
 * Every option the scenario defines, priced at one demand profile, in the order cloud, dedicated,
 * reserved, onprem, edge. The reserved plan is priced when its GPUs are given: analyze sizes them
 * on the measured hours (they are not in the scenario). `fixed`: fixedCosts(s), when the caller
 * prices the same scenario at many profiles (a demand path).
 */
export function allOptionCosts(
  profile: DemandProfile,
  s: ModelScenario,
  reservedGpus: number | null = null,
  fixed: FixedCosts = fixedCosts(s),
): OptionCost[] {
  const { dedicated, onPrem, edge } = s.options;
  const costs = [cloudCost(profile, s)];
  if (dedicated) costs.push(dedicatedCost(profile, dedicated, s));
  if (dedicated && reservedGpus !== null) costs.push(reservedCost(profile, dedicated, reservedGpus, s));
  if (onPrem) costs.push(onPremCost(profile, onPrem, s, fixed.onPrem ?? undefined));
  if (edge) costs.push(edgeCost(profile, edge, s));
  return costs;
}

/** The records a demand path prices its months into, one per option priced without a cost object. */
export interface MonthParts {
  cloud: CloudParts;
  onPrem: OnPremParts;
  edge: EdgeParts;
}

export const monthParts = (): MonthParts => ({ cloud: cloudParts(), onPrem: onPremParts(), edge: edgeParts() });

/**
 * The same month as allOptionCosts — the same formulas, the same figures — keeping only each
 * option's total and capital line, written at [k] in allOptionCosts' order: the demand path prices
 * up to 48 months a Monte Carlo trial, where a cost object a month was a third of the trial. Cloud,
 * on-prem and the edge (every path's options) are written into `parts`; the rented plans, priced on
 * the path only for analyze's horizon averages, through their cost objects.
 */
export function priceMonth(
  profile: DemandProfile,
  s: ModelScenario,
  reservedGpus: number | null,
  fixed: FixedCosts,
  parts: MonthParts,
  totals: number[],
  capitals: number[],
): void {
  const { dedicated, onPrem, edge } = s.options;
  totals[0] = priceCloud(parts.cloud, profile, s).total;
  capitals[0] = 0;
  let k = 1;
  if (dedicated) {
    const c = dedicatedCost(profile, dedicated, s);
    totals[k] = c.total;
    capitals[k++] = c.capital;
  }
  if (dedicated && reservedGpus !== null) {
    const c = reservedCost(profile, dedicated, reservedGpus, s);
    totals[k] = c.total;
    capitals[k++] = c.capital;
  }
  if (onPrem) {
    const p = priceOnPrem(parts.onPrem, profile, onPrem, s, fixed.onPrem ?? onPremFixed(onPrem, s));
    totals[k] = p.total;
    capitals[k++] = p.capital;
  }
  if (edge) {
    const p = priceEdge(parts.edge, profile, edge, s);
    totals[k] = p.total;
    capitals[k] = p.depreciation;
  }
}

/** The option with the lowest total (the first listed on a tie). */
export function cheapest(costs: ReadonlyArray<OptionCost>): OptionCost {
  return costs.reduce((best, c) => (c.total < best.total ? c : best));
}
