import { mean } from '../stats/mean.js';
import { olsSlope } from '../stats/ols-slope.js';
import { sampleStdev } from '../stats/sample-stdev.js';
import { DAYS_PER_MONTH, TREND_DAYS_PER_MONTH } from '../units.js';
import type { DailyTotal } from './daily-token-totals.js';

import { TOKEN_STABLE_MAX_CV, TOKEN_STABLE_MAX_TREND } from '../constants.js';

export interface TokenStats {
  /** Days with data in the window. */
  days: number;
  firstDay: number;
  lastDay: number;
  dailyMean: number;
  /** Sample stdev (n − 1) / mean; null below two days or with a zero mean. */
  cv: number | null;
  /** OLS slope of daily totals × 30 / mean; null below two days. */
  trendPerMonth: number | null;
  /** cv ≤ 0.25 and |trendPerMonth| ≤ 0.10; null when either is unknown. */
  stable: boolean | null;
  /** dailyMean × 730 / 24: the tokens in a 730-hour month. */
  monthlyTokens: number;
}

/** docs/model.md token statistics over the trailing `windowDays` ending at the last day with tokens. */
export function tokenStats(daily: ReadonlyArray<DailyTotal>, windowDays: number): TokenStats | null {
  const last = daily[daily.length - 1];
  if (last === undefined) return null;
  const inWindow = daily.filter((d) => d.day > last.day - windowDays);
  const values = inWindow.map((d) => d.tokens);
  const m = mean(values) as number;
  const sd = sampleStdev(values);
  const cv = sd === null || m === 0 ? null : sd / m;
  const slope = olsSlope(
    inWindow.map((d) => d.day),
    values,
  );
  const trendPerMonth = slope === null || m === 0 ? null : (slope * TREND_DAYS_PER_MONTH) / m;
  return {
    days: inWindow.length,
    firstDay: (inWindow[0] as DailyTotal).day,
    lastDay: last.day,
    dailyMean: m,
    cv,
    trendPerMonth,
    stable:
      cv === null || trendPerMonth === null
        ? null
        : cv <= TOKEN_STABLE_MAX_CV && Math.abs(trendPerMonth) <= TOKEN_STABLE_MAX_TREND,
    monthlyTokens: m * DAYS_PER_MONTH,
  };
}
