import type { OptionCost } from '../cost/option-cost.js';

/**
 * docs/model.md egressShare: (cloud internet egress + cloud retrieval cost) / cloud compute cost,
 * at the measured profile. null when cloud compute is zero.
 */
export function egressShare(cloudAtMeasured: OptionCost): number | null {
  const c = cloudAtMeasured.components;
  const compute = c.compute ?? 0;
  return compute > 0 ? ((c.internetEgress ?? 0) + (c.retrieval ?? 0)) / compute : null;
}
