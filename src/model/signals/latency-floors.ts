import type { ModelWorkload } from '../inputs.js';

export interface RegionFloor {
  name: string;
  trafficShare: number;
  rttMs: number;
  /** rttMs + retrievalLatencyMs + servingTtftMs. */
  floorMs: number;
  /** floor > ttftTargetMs: this region cannot be served from the central site. */
  exceedsTarget: boolean | null;
}

export interface LatencyAssessment {
  targetMs: number | null;
  regions: RegionFloor[];
  /** Traffic share of the regions whose floor exceeds the target; null without a target. */
  farShare: number | null;
  largestFloorMs: number | null;
}

/** docs/model.md: latency floor per region = rttMs + retrievalLatencyMs + servingTtftMs. */
export function latencyFloors(c: ModelWorkload['constraints']): LatencyAssessment {
  const target = c.ttftTargetMs ?? null;
  const regions = c.regions.map((r) => {
    const floorMs = r.rttMs + c.retrievalLatencyMs + c.servingTtftMs;
    return {
      name: r.name,
      trafficShare: r.trafficShare,
      rttMs: r.rttMs,
      floorMs,
      exceedsTarget: target === null ? null : floorMs > target,
    };
  });
  return {
    targetMs: target,
    regions,
    farShare: target === null ? null : regions.filter((r) => r.exceedsTarget).reduce((s, r) => s + r.trafficShare, 0),
    largestFloorMs: regions.length === 0 ? null : Math.max(...regions.map((r) => r.floorMs)),
  };
}
