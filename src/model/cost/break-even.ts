import type { ModelScenario } from '../inputs.js';
import { allOptionCosts } from './all-options.js';
import { flatProfile } from '../demand/demand-profile.js';
import type { OptionId } from './option-cost.js';
import { lowestCrossing } from './lowest-crossing.js';

/** The option's total minus cloud's at a flat utilization X (docs/model.md), every option priced once. */
function marginOverCloud(id: OptionId, x: number, s: ModelScenario, reservedGpus: number | null): number {
  const costs = allOptionCosts(flatProfile(x, s.workload.referenceGpus), s, reservedGpus);
  return (costs.find((c) => c.id === id)?.total ?? NaN) - (costs.find((c) => c.id === 'cloud')?.total ?? NaN);
}

/**
 * docs/model.md breakEvenUtilization: the lowest X in [0, 1] at which the option's flat-profile
 * monthly total is ≤ cloud on-demand's; null when there is none (and for cloud itself).
 * `capacityGpus`: the option's GPUs; its overflow starts at capacityGpus × τ (a kink of its cost line).
 */
export function breakEvenUtilization(id: OptionId, capacityGpus: number | null, s: ModelScenario): number | null {
  // The reserved plan with no GPUs reserved is the cloud plan itself: nothing to break even.
  if (id === 'cloud' || (id === 'reserved' && capacityGpus === 0)) return null;
  const n = s.workload.referenceGpus;
  const { minWarmGpus, targetUtilization } = s.options.cloud;
  // The option's overflow starts where its GPUs are τ busy (docs/model.md).
  const kinks = [
    (minWarmGpus * targetUtilization) / n,
    ...(capacityGpus === null ? [] : [(capacityGpus * targetUtilization) / n]),
  ];
  // The reserved plan's own GPUs are its capacity.
  const reservedGpus = id === 'reserved' ? capacityGpus : null;
  return lowestCrossing((x) => marginOverCloud(id, x, s, reservedGpus), kinks);
}
