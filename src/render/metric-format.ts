import { fixed, percent } from './format.js';

/** A metric's value as people read it: shares as percentages, ratios with two decimals, days whole. */
export function formatMetric(metric: string, value: number): string {
  if (/Ms$/.test(metric)) return `${Math.round(value)} ms`;
  if (/(\.mean|consistent|Share|share|trendPerMonth|p\d\d)\)?$/.test(metric)) return percent(value);
  if (/(cv|peakToMedian)$/.test(metric)) return fixed(value);
  return Number.isInteger(value) ? String(value) : fixed(value);
}
