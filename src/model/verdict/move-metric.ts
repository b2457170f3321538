/**
 * The rules re-run with one input moved: where a trigger's threshold comes from and what
 * crossing it does. Each metric a trigger watches maps to the part of the verdict's input it
 * stands for; everything derived from it (the repatriation conditions, the latency floors) is
 * recomputed, everything else held as measured.
 */
import { latencyFloors } from '../signals/latency-floors.js';
import type { TokenStats } from '../signals/token-stats.js';
import { TOKEN_STABLE_MAX_CV, TOKEN_STABLE_MAX_TREND } from '../constants.js';
import { optionCost } from '../cost/option-cost.js';
import { repatriation } from './repatriation.js';
import type { VerdictInput } from './verdict.js';

/** The metrics triggers watch, by the ids the report and a later review use. */
export const METRIC = {
  consistent: 'utilization.consistent',
  mean: 'utilization.mean',
  peakToMedian: 'utilization.peakToMedian',
  tokenCv: 'tokens.cv',
  tokenTrend: 'abs(tokens.trendPerMonth)',
  egressShare: 'traffic.egressShare',
  payback: 'onprem.paybackMonths',
  onPremNpv: 'onprem.npv',
  farShare: 'latency.farShare',
  ttftTarget: 'workload.constraints.ttftTargetMs',
  modelChanges: 'workload.modelChangesWithinWindow',
  daysSinceModelChange: 'workload.daysSinceModelChange',
  burstShare: 'reserved.burstShareOfBusyGpuHours',
  reservedSaving: 'reserved.savingVsCloud',
} as const;

export const sustainedMetric = (key: string): string => `utilization.sustainedDays.${key}`;
export const belowMetric = (key: string): string => `utilization.daysBelow.${key}`;

/** Token statistics with a cv (and trend) set; a history of one value when there was none. */
function tokensWith(t: TokenStats | null, cv: number | null, trend: number | null): TokenStats {
  const base: TokenStats = t ?? {
    days: 0,
    firstDay: 0,
    lastDay: 0,
    dailyMean: 0,
    cv: null,
    trendPerMonth: 0,
    stable: null,
    monthlyTokens: 0,
  };
  const c = cv ?? base.cv;
  const tr = trend ?? base.trendPerMonth;
  return {
    ...base,
    cv: c,
    trendPerMonth: tr,
    stable: c === null || tr === null ? null : c <= TOKEN_STABLE_MAX_CV && Math.abs(tr) <= TOKEN_STABLE_MAX_TREND,
  };
}

/** The verdict's input with `metric` at `value`; an input the rules do not read returns unchanged. */
export function withMetric(v: VerdictInput, metric: string, value: number): VerdictInput {
  let { utilization: u, tokens, egressShare, latency, reserved, costs } = v;
  let { onPremPaybackMonths, onPremNpv } = v;
  if (metric === METRIC.consistent) u = { ...u, consistent: value };
  else if (metric === METRIC.peakToMedian) u = { ...u, peakToMedian: value };
  else if (metric.startsWith('utilization.sustainedDays.'))
    u = { ...u, sustainedDays: { ...u.sustainedDays, [metric.slice('utilization.sustainedDays.'.length)]: value } };
  else if (metric === METRIC.tokenCv) tokens = tokensWith(tokens, value, null);
  else if (metric === METRIC.tokenTrend) tokens = tokensWith(tokens, null, value);
  else if (metric === METRIC.egressShare) egressShare = value;
  else if (metric === METRIC.payback) onPremPaybackMonths = value;
  else if (metric === METRIC.onPremNpv) onPremNpv = value;
  else if (metric === METRIC.farShare) latency = { ...latency, farShare: value };
  else if (metric === METRIC.ttftTarget)
    latency = latencyFloors({ ...v.scenario.workload.constraints, ttftTargetMs: value });
  else if (metric === METRIC.burstShare && reserved !== null)
    reserved = { ...reserved, burstShareOfBusyGpuHours: value };
  else if (metric === METRIC.reservedSaving && reserved !== null) {
    // The reserved plan's month moved against cloud's: no saving means no reservation pays (k = 0).
    const cloud = costs[0]?.total ?? 0;
    reserved = { ...reserved, gpus: value > 0 ? Math.max(1, reserved.gpus) : 0 };
    costs = costs.map((o) =>
      o.id === 'reserved'
        ? { ...o, ...optionCost('reserved', { reserved: cloud - value }), capacityGpus: reserved?.gpus ?? 0 }
        : o,
    );
  } else return v;
  return {
    ...v,
    utilization: u,
    tokens,
    egressShare,
    latency,
    reserved,
    costs,
    onPremPaybackMonths,
    onPremNpv,
    repatriation: repatriation(u, egressShare, tokens),
  };
}

/** The verdict's input with a constraint switched on (the manual triggers: sovereignty, agentic). */
export function withConstraint(v: VerdictInput, constraint: 'sovereignty' | 'agentic', on: boolean): VerdictInput {
  const c = v.scenario.workload.constraints;
  return {
    ...v,
    scenario: { ...v.scenario, workload: { ...v.scenario.workload, constraints: { ...c, [constraint]: on } } },
  };
}
