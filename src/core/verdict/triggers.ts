/**
 * MODEL.md §9: the reassessment triggers of a verdict, one object each, machine-readable.
 * A trigger no metric can check is `kind: "manual"` and never fires on its own.
 */
import type { LatencyAssessment } from '../signals/latency-floors.js';
import type { TokenStats } from '../signals/token-stats.js';
import { MS_PER_DAY } from '../units.js';
import type { UtilizationProfile } from '../utilization/utilization-profile.js';
import { thresholdKey } from '../utilization/threshold-key.js';
import { isoDayStart as dayStart } from '../../time/iso-day.js';
import { compare, type Comparator } from './check.js';
import type { GoverningConstraint, Placement } from './verdict.js';
import {
  BELOW_DAYS, BELOW_UTILIZATION, CHURN_CHANGES, CLOUD_BELOW_CONSISTENT, SUSTAINED_DAYS, CHURN_WINDOW_DAYS, FAR_REGION_SHARE, MODEL_STABLE_DAYS, RESERVED_MAX_BURST_SHARE, TOKEN_STABLE_MAX_CV,
} from '../model-constants.js';

export interface Trigger {
  id: string;
  kind: 'metric' | 'manual';
  description: string;
  metric: string | null;
  comparator: Comparator | null;
  threshold: number | null;
  windowDays: number | null;
  current: number | null;
  firing: boolean;
  /** What crossing it means, coded: the verdict's basis is gone, or another placement competes. */
  effect: { code: 'basis-lost' | 'onprem-competes'; args: { placement: Placement } };
}

export interface TriggerInput {
  placement: Placement;
  /** hybrid-burst for token volatility (rule 3) waits for tokens to settle; for price (rule 7) it watches like dedicated. */
  governingConstraint: GoverningConstraint;
  utilization: UtilizationProfile;
  tokens: TokenStats | null;
  latency: LatencyAssessment;
  /** Dates (YYYY-MM-DD) the serving model changed. */
  modelChanges: ReadonlyArray<string>;
  /** The instant the triggers are judged at: the end of the utilization history, else now. */
  asOf: number;
  /** The reserved plan's share of busy GPU-hours on burst; null without one. */
  reservedBurstShare: number | null;
  onPremBreakEven: number | null;
}

/** Filled in with the verdict's placement by triggers(). */
const BASIS_LOST: Trigger['effect'] = { code: 'basis-lost', args: { placement: 'cloud-managed' } };

function metric(
  id: string, description: string, m: string, comparator: Comparator, threshold: number, current: number | null, windowDays: number | null = null,
): Trigger {
  return { id, kind: 'metric', description, metric: m, comparator, threshold, windowDays, current, firing: current !== null && compare(current, comparator, threshold), effect: BASIS_LOST };
}

function manual(id: string, description: string): Trigger {
  return { id, kind: 'manual', description, metric: null, comparator: null, threshold: null, windowDays: null, current: null, firing: false, effect: BASIS_LOST };
}

/** Whole days from the latest model change to asOf; null when none is recorded. */
export function daysSinceModelChange(changes: ReadonlyArray<string>, asOf: number): number | null {
  const past = changes.map(dayStart).filter((t) => t <= asOf);
  return past.length === 0 ? null : Math.floor((asOf - Math.max(...past)) / MS_PER_DAY);
}

/** Model changes in the `days` days up to asOf. */
export function modelChangesWithin(changes: ReadonlyArray<string>, asOf: number, days: number): number {
  return changes.map(dayStart).filter((t) => t <= asOf && t > asOf - days * MS_PER_DAY).length;
}


export function triggers(t: TriggerInput): Trigger[] {
  const u = t.utilization;
  const uDays = u.window?.days ?? null;
  const list: Trigger[] = [];
  const steady = (): Trigger[] => [
    metric('utilization-below-50', 'Daily mean utilization below 50 % for 60+ consecutive days', `utilization.daysBelow.${thresholdKey(BELOW_UTILIZATION)}`, '>=', BELOW_DAYS, u.daysBelow[thresholdKey(BELOW_UTILIZATION)] ?? null, uDays),
    metric('token-volatility', 'Token volume turns volatile: daily cv above 0.25', 'tokens.cv', '>', TOKEN_STABLE_MAX_CV, t.tokens?.cv ?? null, t.tokens ? t.tokens.days : null),
    metric('model-churn', 'Model churn: 2 or more model changes within 90 days', 'workload.modelChangesWithinWindow', '>=', CHURN_CHANGES, modelChangesWithin(t.modelChanges, t.asOf, CHURN_WINDOW_DAYS), CHURN_WINDOW_DAYS),
  ];
  switch (t.placement) {
    case 'cloud-managed':
      list.push(
        metric('consistent-utilization-40', 'Utilization holds at 40 % or more for 90+ consecutive days', `utilization.sustainedDays.${thresholdKey(CLOUD_BELOW_CONSISTENT)}`, '>=', SUSTAINED_DAYS, u.sustainedDays[thresholdKey(CLOUD_BELOW_CONSISTENT)] ?? null, uDays),
        metric('model-selection-hardens', 'Model selection hardens: no model change for 90+ days', 'workload.daysSinceModelChange', '>=', MODEL_STABLE_DAYS, daysSinceModelChange(t.modelChanges, t.asOf)),
      );
      break;
    case 'dedicated-reserved':
      list.push(...steady());
      break;
    case 'on-prem':
      list.push(...steady(), manual('annual-review', 'Annual review of utilization trend, egress cost model and the amortization schedule'));
      break;
    case 'on-prem-sovereign':
      list.push(
        manual('regulatory-change', 'The regulatory framework that requires sovereignty changes'),
        manual('sovereign-cloud-region', 'A compliant sovereign cloud region becomes available'),
      );
      break;
    case 'edge':
      if (t.latency.largestFloorMs !== null) {
        list.push(metric('latency-target-relaxes', 'The TTFT target relaxes to at least the largest regional latency floor', 'workload.constraints.ttftTargetMs', '>=', t.latency.largestFloorMs, t.latency.targetMs));
      }
      list.push(metric('far-region-share', 'Traffic from regions beyond the latency target falls below 20 %', 'latency.farShare', '<', FAR_REGION_SHARE, t.latency.farShare));
      break;
    case 'hybrid-burst':
      // Volatility chose it (rule 3): it waits for tokens to settle; chosen on price, it is a
      // reservation once burst carries under 10 % of the busy GPU-hours.
      list.push(...(t.governingConstraint === 'token-volatility'
        ? [metric('token-cv-stable', 'Token volume stabilizes: daily cv at or below 0.25', 'tokens.cv', '<=', TOKEN_STABLE_MAX_CV, t.tokens?.cv ?? null, t.tokens ? t.tokens.days : null)]
        : [...steady(), metric('burst-share', 'Burst falls below 10 % of the busy GPU-hours', 'reserved.burstShareOfBusyGpuHours', '<', RESERVED_MAX_BURST_SHARE, t.reservedBurstShare, uDays)]));
      break;
  }
  if (t.onPremBreakEven !== null) {
    const owning = t.placement === 'on-prem' || t.placement === 'on-prem-sovereign';
    list.push(
      owning
        ? metric('onprem-break-even', 'Mean utilization falls below the on-prem break-even', 'utilization.mean', '<', t.onPremBreakEven, u.mean, uDays)
        : { ...metric('onprem-break-even', 'Mean utilization rises to the on-prem break-even', 'utilization.mean', '>=', t.onPremBreakEven, u.mean, uDays), effect: { code: 'onprem-competes', args: { placement: 'on-prem' } } },
    );
  }
  return list.map((x) => (x.effect.code === 'basis-lost' ? { ...x, effect: { code: 'basis-lost', args: { placement: t.placement } } } : x));
}
