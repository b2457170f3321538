/**
 * docs/model.md: the statistics of the hourly utilization history in the trailing window, or of
 * a flat assumption when there is no history.
 */
import { dayNumberStart, localDayNumber } from '../time/zone.js';
import { mean } from '../stats/mean.js';
import { olsSlope } from '../stats/ols-slope.js';
import { percentileOfSorted, sortedAscending } from '../stats/percentile.js';
import { BELOW_UTILIZATION as BELOW_LEVEL } from '../constants.js';
import { MS_PER_HOUR, TREND_DAYS_PER_MONTH } from '../units.js';
import { dailyMeans, type DailyMean } from './daily-means.js';
import type { HourlyPoint } from './hourly-accumulator.js';
import { streakDays } from './streak-days.js';
import { reportedLevels, thresholdKey } from './threshold-key.js';

export const PERCENTILES = { p10: 0.1, p25: 0.25, p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95, p99: 0.99 } as const;
export type PercentileName = keyof typeof PERCENTILES;
/** "The level the fleet is at or above 80 % of the time." */
export const CONSISTENT_PERCENTILE = 0.2;

export interface UtilizationWindow {
  /** Epoch ms: local midnight of the first calendar day in the window. */
  start: number;
  /** Epoch ms, exclusive: the end of the hour of the last sample. */
  end: number;
  days: number;
  /** Hours with a sample / hours from start to end. */
  coverage: number;
  hoursPresent: number;
  hoursInWindow: number;
  /** Calendar days from the first to the last sample inside the window (a day without samples still counts). */
  spanDays: number;
  /** Hours with a sample / hours from the first sample's hour to the last's, inclusive. */
  spanCoverage: number;
}

export interface UtilizationProfile {
  kind: 'history' | 'assumed';
  window: UtilizationWindow | null;
  mean: number;
  consistent: number;
  percentiles: Record<PercentileName, number>;
  /** Keyed by thresholdKey(level); null when unknown (no history). */
  sustainedDays: Record<string, number | null>;
  daysBelow: Record<string, number | null>;
  peakToMedian: number | null;
  trendPerMonth: number | null;
  /** The hourly utilizations in the window, in time order: the measured profile. */
  hourly: number[];
  daily: DailyMean[];
}

export function profileFromHistory(
  allHours: ReadonlyArray<HourlyPoint>,
  windowDays: number,
  timeZone: string,
  thresholds: ReadonlyArray<number>,
): UtilizationProfile {
  const last = allHours[allHours.length - 1];
  if (last === undefined) throw new Error('profileFromHistory needs at least one hour');
  const lastDay = localDayNumber(last.hourStart, timeZone);
  const start = dayNumberStart(lastDay - windowDays + 1, timeZone);
  const end = last.hourStart + MS_PER_HOUR;
  const hours = allHours.filter((h) => h.hourStart >= start);
  const values = hours.map((h) => h.utilization);
  const sorted = sortedAscending(values);
  const pct = (p: number): number => percentileOfSorted(sorted, p) as number;
  const daily = dailyMeans(hours, timeZone);
  const hoursInWindow = Math.round((end - Math.ceil(start / MS_PER_HOUR) * MS_PER_HOUR) / MS_PER_HOUR);
  const first = (hours[0] as HourlyPoint).hourStart;
  const spanDays = lastDay - localDayNumber(first, timeZone) + 1;
  const spanHours = Math.round((end - first) / MS_PER_HOUR);

  const sustainedDays: Record<string, number | null> = {};
  for (const level of reportedLevels(thresholds)) {
    sustainedDays[thresholdKey(level)] = streakDays(daily, lastDay, (u) => u >= level);
  }
  const slope = olsSlope(
    daily.map((d) => d.day),
    daily.map((d) => d.utilization),
  );
  const p50 = pct(0.5);
  return {
    kind: 'history',
    window: {
      start,
      end,
      days: windowDays,
      coverage: hours.length / hoursInWindow,
      hoursPresent: hours.length,
      hoursInWindow,
      spanDays,
      spanCoverage: hours.length / spanHours,
    },
    mean: mean(values) as number,
    consistent: pct(CONSISTENT_PERCENTILE),
    percentiles: mapPercentiles(pct),
    sustainedDays,
    daysBelow: { [BELOW_KEY]: streakDays(daily, lastDay, (u) => u < BELOW_LEVEL) },
    // Demand is u × N, so p95/p50 of demand is p95/p50 of utilization.
    peakToMedian: p50 > 0 ? pct(0.95) / p50 : null,
    trendPerMonth: slope === null ? null : slope * TREND_DAYS_PER_MONTH,
    hourly: values,
    daily,
  };
}

/** With only `assumed`, the level statistics are that value and the history ones are unknown. */
export function profileFromAssumption(assumed: number, thresholds: ReadonlyArray<number>): UtilizationProfile {
  return assumedProfiles(thresholds)(assumed);
}

const BELOW_KEY = thresholdKey(BELOW_LEVEL);

/**
 * profileFromAssumption for one set of thresholds, as a function of the level: what does not
 * depend on the level (the unknown day counts) is built once. Monte Carlo makes one per run and
 * calls it once per trial of an uncertain assumed level.
 */
export function assumedProfiles(thresholds: ReadonlyArray<number>): (assumed: number) => UtilizationProfile {
  const unknown: Record<string, null> = Object.fromEntries(
    reportedLevels(thresholds).map((l) => [thresholdKey(l), null]),
  );
  return (assumed) => ({
    kind: 'assumed',
    window: null,
    mean: assumed,
    consistent: assumed,
    percentiles: mapPercentiles(() => assumed),
    sustainedDays: { ...unknown },
    daysBelow: { [BELOW_KEY]: null },
    peakToMedian: null,
    trendPerMonth: null,
    hourly: [assumed],
    daily: [],
  });
}

function mapPercentiles(pct: (p: number) => number): Record<PercentileName, number> {
  // A copy of PERCENTILES overwritten in place: V8 builds it in 105 ns where an empty object given
  // seven new keys took 177 (Monte Carlo builds one per trial of an uncertain assumed level).
  const out: Record<PercentileName, number> = { ...PERCENTILES };
  for (const k in out) out[k as PercentileName] = pct(out[k as PercentileName]);
  return out;
}
