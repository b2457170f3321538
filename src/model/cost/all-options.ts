import type { ModelScenario } from '../inputs.js';
import { cloudCost } from './cloud-cost.js';
import { dedicatedCost } from './dedicated-cost.js';
import type { DemandProfile } from '../demand/demand-profile.js';
import { edgeCost } from './edge-cost.js';
import { reservedCost } from './reserved-cost.js';
import { onPremCost, onPremFixed, type OnPremFixed } from './onprem-cost.js';
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

/** The option with the lowest total (the first listed on a tie). */
export function cheapest(costs: ReadonlyArray<OptionCost>): OptionCost {
  return costs.reduce((best, c) => (c.total < best.total ? c : best));
}
