import type { EgressTier } from '../inputs.js';

/**
 * docs/model.md: internet egress through the cloud's tiers, applied in order and cumulatively:
 * a tier's `uptoGB` is the cumulative bound, the last tier takes everything above.
 * No tiers means egress is not priced.
 */
export function tieredEgressCost(gb: number, tiers: ReadonlyArray<EgressTier>): number {
  let cost = 0;
  let floor = 0;
  for (const tier of tiers) {
    const ceiling = tier.uptoGB ?? Infinity;
    const inTier = Math.min(gb, ceiling) - floor;
    if (inTier <= 0) break;
    cost += inTier * tier.perGB;
    floor = ceiling;
  }
  return cost;
}
