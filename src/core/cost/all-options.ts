import type { ResolvedScenario } from '../../scenario/resolve.js';
import { cloudCost } from './cloud-cost.js';
import { dedicatedCost } from './dedicated-cost.js';
import type { DemandProfile } from './demand-profile.js';
import { edgeCost } from './edge-cost.js';
import { hybridCost } from './hybrid-cost.js';
import { onPremCost } from './onprem-cost.js';
import type { OptionCost } from './option-cost.js';

/** Every option the scenario defines, priced at one demand profile, in the order cloud, dedicated, hybrid, onprem, edge. */
export function allOptionCosts(profile: DemandProfile, s: ResolvedScenario): OptionCost[] {
  const { dedicated, hybrid, onPrem, edge } = s.options;
  return [
    cloudCost(profile, s),
    ...(dedicated ? [dedicatedCost(profile, dedicated, s)] : []),
    ...(dedicated && hybrid ? [hybridCost(profile, dedicated, hybrid.baselineGpus, s)] : []),
    ...(onPrem ? [onPremCost(profile, onPrem, s)] : []),
    ...(edge ? [edgeCost(profile, edge, s)] : []),
  ];
}

/** The option with the lowest total (the first listed on a tie). */
export function cheapest(costs: ReadonlyArray<OptionCost>): OptionCost {
  return costs.reduce((best, c) => (c.total < best.total ? c : best));
}
