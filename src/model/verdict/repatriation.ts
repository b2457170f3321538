import type { TokenStats } from '../signals/token-stats.js';
import {
  EGRESS_MATERIAL_SHARE,
  PEAK_TO_MEDIAN_MAX,
  SUSTAINED_DAYS,
  SUSTAINED_UTILIZATION,
  TOKEN_STABLE_MAX_CV,
  TOKEN_STABLE_MAX_TREND,
} from '../constants.js';
import type { UtilizationProfile } from '../utilization/utilization-profile.js';
import { thresholdKey } from '../utilization/threshold-key.js';
import { statusOf, type Check, type Status } from './check.js';

/** The sustainedDays key of the repatriation level. */
export const SUSTAINED_KEY = thresholdKey(SUSTAINED_UTILIZATION);
const SUSTAINED_METRIC = `utilization.sustainedDays.${SUSTAINED_KEY}`;

export type RepatriationConditionId = 'utilization' | 'egress' | 'tokens' | 'concurrency';

export interface RepatriationCondition {
  id: RepatriationConditionId;
  checks: Check[];
  status: Status;
}

export interface Repatriation {
  met: boolean;
  conditions: RepatriationCondition[];
}

/** docs/model.md: the compound repatriation threshold; all four conditions must be met. */
export function repatriation(
  u: UtilizationProfile,
  egressShare: number | null,
  tokens: TokenStats | null,
): Repatriation {
  const condition = (id: RepatriationConditionId, checks: Check[]): RepatriationCondition => ({
    id,
    checks,
    status: statusOf(checks),
  });
  const conditions = [
    condition('utilization', [
      { metric: 'utilization.consistent', value: u.consistent, comparator: '>=', threshold: SUSTAINED_UTILIZATION },
      {
        metric: SUSTAINED_METRIC,
        value: u.sustainedDays[SUSTAINED_KEY] ?? null,
        comparator: '>=',
        threshold: SUSTAINED_DAYS,
      },
    ]),
    condition('egress', [
      { metric: 'traffic.egressShare', value: egressShare, comparator: '>=', threshold: EGRESS_MATERIAL_SHARE },
    ]),
    // No token history: stability is not established (unknown, so not met).
    condition('tokens', [
      { metric: 'tokens.cv', value: tokens?.cv ?? null, comparator: '<=', threshold: TOKEN_STABLE_MAX_CV },
      {
        metric: 'abs(tokens.trendPerMonth)',
        value: tokens?.trendPerMonth == null ? null : Math.abs(tokens.trendPerMonth),
        comparator: '<=',
        threshold: TOKEN_STABLE_MAX_TREND,
      },
    ]),
    condition('concurrency', [
      { metric: 'utilization.peakToMedian', value: u.peakToMedian, comparator: '<=', threshold: PEAK_TO_MEDIAN_MAX },
    ]),
  ];
  return { met: conditions.every((c) => c.status === 'met'), conditions };
}
