import type { ModelScenario } from '../inputs.js';
import { tieredEgressCost } from './tiered-egress.js';

/** Where an option serves from, for egress and retrieval gravity. */
export type Location = 'cloud' | 'onprem' | 'edge';

export interface TrafficCost {
  internetEgress: number;
  retrieval: number;
}

/**
 * docs/model.md traffic, added to every option's month: internet egress and retrieval (below).
 * `scale`: the month's traffic relative to those volumes (the profile's, on the demand path).
 */
export function trafficCost(location: Location, s: ModelScenario, scale = 1): TrafficCost {
  return { internetEgress: internetEgressCost(location, s, scale), retrieval: retrievalCost(location, s, scale) };
}

/**
 * Internet egress: cloud-located options pay the tiered cloud rate, on-prem pays
 * onPrem.egressPerGB, edge pays none (served locally; its backhaul is priced in the option).
 */
export function internetEgressCost(location: Location, s: ModelScenario, scale = 1): number {
  const internetGB = s.workload.egress.internetGBPerMonth * scale;
  if (location === 'cloud') return tieredEgressCost(internetGB, s.options.cloud.egressTiers);
  return location === 'onprem' ? internetGB * (s.options.onPrem?.egressPerGB ?? 0) : 0;
}

/**
 * Retrieval: in the same place as the index, crossZonePerGB in the cloud or nothing on-prem;
 * away from it, the sending (index) side's egress rate on retrieval.gbPerMonth. (Two functions:
 * the first is small enough to be compiled into each option's month, which most scenarios, with
 * no retrieval, leave at that.)
 */
export function retrievalCost(location: Location, s: ModelScenario, scale = 1): number {
  const r = s.workload.retrieval;
  return r === undefined ? 0 : retrievalOf(r, location, s, scale);
}

function retrievalOf(
  r: NonNullable<ModelScenario['workload']['retrieval']>,
  location: Location,
  s: ModelScenario,
  scale: number,
): number {
  const cloud = s.options.cloud;
  const gb = r.gbPerMonth * scale;
  if (location === r.indexLocation) return location === 'cloud' ? gb * cloud.crossZonePerGB : 0;
  return r.indexLocation === 'cloud'
    ? tieredEgressCost(gb, cloud.egressTiers)
    : gb * (s.options.onPrem?.egressPerGB ?? 0);
}
