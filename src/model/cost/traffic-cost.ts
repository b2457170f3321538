import type { ModelScenario } from '../inputs.js';
import { tieredEgressCost } from './tiered-egress.js';

/** Where an option serves from, for egress and retrieval gravity. */
export type Location = 'cloud' | 'onprem' | 'edge';

export interface TrafficCost {
  internetEgress: number;
  retrieval: number;
}

/**
 * docs/model.md traffic, added to every option's month.
 * Internet egress: cloud-located options pay the tiered cloud rate, on-prem pays
 * onPrem.egressPerGB, edge pays none (served locally; its backhaul is priced in the option).
 * Retrieval: in the same place as the index, crossZonePerGB in the cloud or nothing on-prem;
 * away from it, the sending (index) side's egress rate on retrieval.gbPerMonth.
 * `scale`: the month's traffic relative to those volumes (the profile's, on the demand path).
 */
export function trafficCost(location: Location, s: ModelScenario, scale = 1): TrafficCost {
  const cloud = s.options.cloud;
  const onPremEgressPerGB = s.options.onPrem?.egressPerGB ?? 0;
  const internetGB = s.workload.egress.internetGBPerMonth * scale;
  const internetEgress =
    location === 'cloud'
      ? tieredEgressCost(internetGB, cloud.egressTiers)
      : location === 'onprem'
        ? internetGB * onPremEgressPerGB
        : 0;

  const r = s.workload.retrieval;
  let retrieval = 0;
  if (r !== undefined) {
    const gb = r.gbPerMonth * scale;
    if (location === r.indexLocation) {
      retrieval = location === 'cloud' ? gb * cloud.crossZonePerGB : 0;
    } else {
      retrieval = r.indexLocation === 'cloud' ? tieredEgressCost(gb, cloud.egressTiers) : gb * onPremEgressPerGB;
    }
  }
  return { internetEgress, retrieval };
}
