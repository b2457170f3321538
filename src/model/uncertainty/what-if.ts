/**
 * What-if levers on demand, from the seeds' cost levers: a batching or quantization
 * gain g serves the same requests with 1/g of the GPU time, a cache hit rate h leaves 1 − h of
 * them to serve, a smaller model costs a share f of the compute. Their product scales demand.
 */
import type { AnalysisInput } from '../analysis/analyze.js';

export const LEVERS = ['batching', 'quantization', 'cache', 'model'] as const;
export type Lever = (typeof LEVERS)[number];
export interface LeverSetting {
  lever: Lever;
  value: number;
}

/** The demand multiplier of one lever. */
export function leverMultiplier(l: LeverSetting): number {
  switch (l.lever) {
    case 'batching':
    case 'quantization':
      return 1 / l.value;
    case 'cache':
      return 1 - l.value;
    case 'model':
      return l.value;
  }
}

export const combinedMultiplier = (levers: ReadonlyArray<LeverSetting>): number =>
  levers.reduce((m, l) => m * leverMultiplier(l), 1);

/** The input with demand multiplied by f: every hour of history, or the assumption; capped at 100 %. */
export function scaleDemand(i: AnalysisInput, f: number): AnalysisInput {
  const u = i.scenario.workload.utilization;
  return {
    ...i,
    utilizationHours: i.utilizationHours?.map((h) => ({ ...h, utilization: Math.min(1, h.utilization * f) })) ?? null,
    scenario: {
      ...i.scenario,
      workload: {
        ...i.scenario.workload,
        utilization: { ...u, ...(u.assumed !== undefined && { assumed: Math.min(1, u.assumed * f) }) },
      },
    },
  };
}
