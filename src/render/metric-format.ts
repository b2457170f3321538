import { fixed, money, percent } from './format.js';

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
