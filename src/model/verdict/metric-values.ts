/**
 * The value of every metric a trigger may watch, from one analysis: what a trigger recorded in
 * an earlier report is judged on today. Keys are the metric ids the report carries.
 */
import type { OptionCost } from '../cost/option-cost.js';
import type { ReservedSizing } from '../reserved/reserved-sizing.js';
import type { LatencyAssessment } from '../signals/latency-floors.js';
import type { TokenStats } from '../signals/token-stats.js';
import type { UtilizationProfile } from '../utilization/utilization-profile.js';
import { CHURN_WINDOW_DAYS } from '../constants.js';
import { METRIC, belowMetric, sustainedMetric } from './move-metric.js';
import { daysSinceModelChange, modelChangesWithin } from './triggers.js';

export interface MetricSources {
  utilization: UtilizationProfile;
  tokens: TokenStats | null;
  egressShare: number | null;
  latency: LatencyAssessment;
  reserved: ReservedSizing | null;
  costs: ReadonlyArray<OptionCost>;
  onPrem: { paybackMonths: number | null; npv: number | null; breakEvenUtilization: number | null } | null;
  modelChanges: ReadonlyArray<string>;
  /** The instant the triggers are judged at: the end of the history, or the run. */
  asOf: number;
}

export function metricValues(m: MetricSources): Record<string, number | null> {
  const u = m.utilization;
  const cloud = m.costs.find((o) => o.id === 'cloud');
  const reserved = m.costs.find((o) => o.id === 'reserved');
  const out: Record<string, number | null> = {
    [METRIC.consistent]: u.consistent,
    [METRIC.mean]: u.mean,
    [METRIC.peakToMedian]: u.peakToMedian,
    [METRIC.tokenCv]: m.tokens?.cv ?? null,
    [METRIC.tokenTrend]: m.tokens?.trendPerMonth == null ? null : Math.abs(m.tokens.trendPerMonth),
    [METRIC.egressShare]: m.egressShare,
    [METRIC.payback]: m.onPrem?.paybackMonths ?? null,
    [METRIC.onPremNpv]: m.onPrem?.npv ?? null,
    'onprem.breakEvenUtilization': m.onPrem?.breakEvenUtilization ?? null,
    [METRIC.farShare]: m.latency.farShare,
    [METRIC.ttftTarget]: m.latency.targetMs,
    [METRIC.modelChanges]: modelChangesWithin(m.modelChanges, m.asOf, CHURN_WINDOW_DAYS),
    [METRIC.daysSinceModelChange]: daysSinceModelChange(m.modelChanges, m.asOf),
    [METRIC.burstShare]: m.reserved?.burstShareOfBusyGpuHours ?? null,
    [METRIC.reservedSaving]: cloud === undefined || reserved === undefined ? null : cloud.total - reserved.total,
  };
  for (const [k, d] of Object.entries(u.sustainedDays)) out[sustainedMetric(k)] = d;
  for (const [k, d] of Object.entries(u.daysBelow)) out[belowMetric(k)] = d;
  return out;
}
