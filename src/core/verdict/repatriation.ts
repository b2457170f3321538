import type { TokenStats } from '../signals/token-stats.js';
import { TOKEN_STABLE_MAX_CV, TOKEN_STABLE_MAX_TREND } from '../signals/token-stats.js';
import { EGRESS_MATERIAL_SHARE } from '../signals/egress-share.js';
import type { UtilizationProfile } from '../utilization/utilization-profile.js';
import { thresholdKey } from '../utilization/threshold-key.js';
import { statusOf, type Check, type Status } from './check.js';

export const REPATRIATION_UTILIZATION = 0.6;
export const REPATRIATION_SUSTAINED_DAYS = 90;
export const REPATRIATION_PEAK_TO_MEDIAN = 1.5;
/** The sustainedDays key of the repatriation level. */
export const SUSTAINED_KEY = thresholdKey(REPATRIATION_UTILIZATION);
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

/** MODEL.md §7: the compound repatriation threshold; all four conditions must be met. */
export function repatriation(u: UtilizationProfile, egressShare: number | null, tokens: TokenStats | null): Repatriation {
  const condition = (id: RepatriationConditionId, checks: Check[]): RepatriationCondition => ({ id, checks, status: statusOf(checks) });
  const conditions = [
    condition('utilization', [
      { metric: 'utilization.consistent', value: u.consistent, comparator: '>=', threshold: REPATRIATION_UTILIZATION },
      {
        metric: SUSTAINED_METRIC,
        value: u.sustainedDays[SUSTAINED_KEY] ?? null,
        comparator: '>=', threshold: REPATRIATION_SUSTAINED_DAYS,
      },
    ]),
    condition('egress', [{ metric: 'traffic.egressShare', value: egressShare, comparator: '>=', threshold: EGRESS_MATERIAL_SHARE }]),
    // No token history: stability is not established (unknown, so not met).
    condition('tokens', [
      { metric: 'tokens.cv', value: tokens?.cv ?? null, comparator: '<=', threshold: TOKEN_STABLE_MAX_CV },
      {
        metric: 'abs(tokens.trendPerMonth)',
        value: tokens?.trendPerMonth == null ? null : Math.abs(tokens.trendPerMonth),
        comparator: '<=', threshold: TOKEN_STABLE_MAX_TREND,
      },
    ]),
    condition('concurrency', [
      { metric: 'utilization.peakToMedian', value: u.peakToMedian, comparator: '<=', threshold: REPATRIATION_PEAK_TO_MEDIAN },
    ]),
  ];
  return { met: conditions.every((c) => c.status === 'met'), conditions };
}
