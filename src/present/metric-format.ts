import type { Check, Comparator, Status } from '../model/verdict/check.js';
import { fixed, money, percent } from './format.js';
import { COMPARATOR_SIGN } from './labels.js';

/** Metrics that are shares or utilization levels: shown as percentages, moved in points. */
const SHARE_METRIC = /(\.mean|consistent|Share|share|ShareOfBusyGpuHours|trendPerMonth|p\d\d)\)?$/;
/** Metrics that are money a month or over the horizon. */
const MONEY_METRIC = /(\.npv|savingVsCloud)$/;

/** A metric's value as people read it: shares as percentages, ratios with two decimals, days whole. */
export function formatMetric(metric: string, value: number, currency = 'USD'): string {
  if (MONEY_METRIC.test(metric)) return money(value, currency);
  if (metric.endsWith('Months')) return `${Number.isInteger(value) ? value : value.toFixed(1)} months`;
  if (/Ms$/.test(metric)) return `${Math.round(value)} ms`;
  if (SHARE_METRIC.test(metric)) return percent(value);
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
export const metricValue = (metric: string, v: number | null, currency = 'USD'): string =>
  v === null ? 'unknown' : formatMetric(metric, v, currency);

/** How far a value stands from a threshold, in the metric's own unit: "8.2 points", "60 days", "$20,525". */
export function distanceText(metric: string, distance: number, currency = 'USD'): string {
  const d = Math.abs(distance);
  if (MONEY_METRIC.test(metric)) return money(d, currency);
  if (metric.endsWith('Months')) return `${d.toFixed(1)} months`;
  if (/Ms$/.test(metric)) return `${Math.round(d)} ms`;
  if (/(sustainedDays|daysBelow)\.|Days|days/.test(metric))
    return `${Math.round(d)} day${Math.round(d) === 1 ? '' : 's'}`;
  if (/ModelChanges|modelChanges/.test(metric)) return `${Math.round(d)} change${Math.round(d) === 1 ? '' : 's'}`;
  if (SHARE_METRIC.test(metric)) return `${(d * 100).toFixed(1)} points`;
  return fixed(d);
}

/**
 * A trigger in one line: "Egress share reaches 10 % of cloud compute → one of what on-prem needs
 * (now 1.8%, 8.2 points away)"; a manual one is reviewed by hand.
 */
export function triggerLine(
  t: {
    kind: string;
    description: string;
    effect: string | null;
    metric: string | null;
    current: number | null;
    distance: number | null;
    firing?: boolean;
  },
  currency = 'USD',
): string {
  const effect = t.effect === null ? '' : ` → ${t.effect}`;
  if (t.kind === 'manual' || t.metric === null) return `${t.description}${effect} (reviewed by hand)`;
  const side = t.firing === true ? 'past' : 'away';
  const where =
    t.current === null
      ? 'now unknown'
      : `now ${metricValue(t.metric, t.current, currency)}${t.distance === null ? '' : `, ${distanceText(t.metric, t.distance, currency)} ${side}`}`;
  return `${t.description}${effect} (${where})`;
}

/** A comparator and its threshold as people write it: "≥ 60.0%". */
export const thresholdText = (metric: string, comparator: Comparator, threshold: number): string =>
  `${COMPARATOR_SIGN[comparator]} ${formatMetric(metric, threshold)}`;

/** Metrics named as people say them. */
const METRIC_WORDS: Record<string, string> = {
  'utilization.consistent': 'consistent utilization',
  'traffic.egressShare': 'egress share',
  'tokens.cv': 'token cv',
  'abs(tokens.trendPerMonth)': 'token trend',
  'utilization.peakToMedian': 'peak/median',
  'onprem.paybackMonths': 'payback',
  'latency.farShare': 'far-region traffic',
};

export function metricWords(metric: string): string {
  if (metric.startsWith('utilization.sustainedDays.'))
    return `days at ≥ ${percent(Number(metric.slice('utilization.sustainedDays.'.length)))}`;
  return METRIC_WORDS[metric] ?? metric;
}

/** "egress share 1.8% (needs ≥ 10.0%)", "payback 27.4 months (needs ≤ 18)". */
export function checkWords(c: Check): string {
  const value =
    c.value === null
      ? 'unknown'
      : c.metric.endsWith('Months')
        ? `${c.value.toFixed(1)} months`
        : metricValue(c.metric, c.value);
  return `${metricWords(c.metric)} ${value} (needs ${thresholdText(c.metric, c.comparator, c.threshold)})`;
}

/** One check of a repatriation condition, in words: "egress share 1.8% (needs ≥ 10.0%)". */
export const checkText = (k: Check): string => checkWords(k);

/** A condition's status as a mark. */
export const STATUS_MARK: Record<Status, string> = { met: '✓', 'not-met': '✗', unknown: '?' };
