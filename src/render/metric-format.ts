import type { Check, Comparator, Status } from '../core/verdict/check.js';
import { fixed, money, percent } from './format.js';
import { COMPARATOR_SIGN } from './labels.js';

/** A metric's value as people read it: shares as percentages, ratios with two decimals, days whole. */
export function formatMetric(metric: string, value: number): string {
  if (/Ms$/.test(metric)) return `${Math.round(value)} ms`;
  if (/(\.mean|consistent|Share|share|trendPerMonth|p\d\d)\)?$/.test(metric)) return percent(value);
  if (/(cv|peakToMedian)$/.test(metric)) return fixed(value);
  return Number.isInteger(value) ? String(value) : fixed(value);
}

/** A key number of a review: money whole, months with one decimal, shares and break-evens as percentages. */
export function formatKeyNumber(metric: string, value: number, currency: string): string {
  if (metric.endsWith('.monthly')) return money(value, currency);
  if (metric.endsWith('Months')) return value.toFixed(1);
  if (metric.endsWith('Utilization')) return percent(value);
  return formatMetric(metric, value);
}

/** A relative change with its sign: +3.2%, −29.6%. */
export const signedPercent = (x: number): string => `${x >= 0 ? '+' : '−'}${percent(Math.abs(x))}`;

/** A measured value, or "unknown". */
export const metricValue = (metric: string, v: number | null): string => (v === null ? 'unknown' : formatMetric(metric, v));

/** A comparator and its threshold as people write it: "≥ 60.0%". */
export const thresholdText = (metric: string, comparator: Comparator, threshold: number): string => `${COMPARATOR_SIGN[comparator]} ${formatMetric(metric, threshold)}`;

/** One check of a repatriation condition: "utilization.consistent 43.9% (needs ≥ 60.0%)". */
export const checkText = (k: Check): string => `${k.metric} ${metricValue(k.metric, k.value)} (needs ${thresholdText(k.metric, k.comparator, k.threshold)})`;

/** A condition's status as a mark. */
export const STATUS_MARK: Record<Status, string> = { met: '✓', 'not-met': '✗', unknown: '?' };

/** A metric trigger as a line: "<description>: now 51.5%, fires at ≥ 23.1%". */
export const triggerText = (t: { description: string; metric: string | null; current: number | null; comparator: Comparator | null; threshold: number | null }): string =>
  `${t.description}: now ${metricValue(t.metric as string, t.current)}, fires at ${thresholdText(t.metric as string, t.comparator as Comparator, t.threshold as number)}`;
