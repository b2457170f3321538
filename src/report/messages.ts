/** The wording of every coded reason, note and warning (STYLE.md habit 6): one place. */
import { fixed, money, months, orDash, percent, rate } from '../render/format.js';

type Args = Record<string, number | string | boolean | null>;
const num = (a: Args, k: string): number => a[k] as number;
const str = (a: Args, k: string): string => String(a[k]);

const OPTION_NAMES: Record<string, string> = {
  cloud: 'cloud on-demand', dedicated: 'dedicated (reserved)', hybrid: 'hybrid (reserved baseline + cloud burst)', onprem: 'on-prem', edge: 'edge',
};
export const optionName = (id: string): string => OPTION_NAMES[id] ?? id;

const TEXT: Record<string, (a: Args, currency: string) => string> = {
  // Reasons (MODEL.md §8)
  sovereignty: () => 'Data sovereignty is required: regulated data must stay on owned infrastructure, whatever the utilization',
  'far-regions': (a) => `${percent(num(a, 'farShare'))} of traffic comes from regions whose latency floor exceeds the ${str(a, 'targetMs')} ms TTFT target (${str(a, 'regions')}); at ${percent(num(a, 'limit'))} or more, serve them from the edge`,
  agentic: () => 'Agentic multi-step workflows produce unpredictable peak token demand: keep a dedicated baseline and burst to cloud',
  'token-volatile': (a) => `Daily token volume is volatile: cv ${fixed(num(a, 'cv'))} > ${fixed(num(a, 'limit'))}; an owned baseline cannot absorb the peaks economically`,
  'consistent-below': (a) => `Consistent utilization (p20) is ${percent(num(a, 'consistent'))}, below ${percent(num(a, 'limit'))} (mean ${percent(num(a, 'mean'))}): idle owned or reserved capacity would cost its full price`,
  'repatriation-met': () => 'All four repatriation conditions hold: sustained utilization, material egress, stable tokens, flat concurrency',
  'repatriation-not-met': (a) => `Repatriation threshold not met: ${str(a, 'failing')}`,
  'payback-within': (a) => `On-prem hardware pays back in ${months(num(a, 'paybackMonths'))}, within ${num(a, 'limit')}`,
  'payback-too-long': (a) => `On-prem payback ${orDash(a.paybackMonths as number | null, months)} exceeds ${num(a, 'limit')} months`,
  'no-onprem-option': () => 'No on-prem option is priced in the scenario',
  'utilization-sustained': (a) => `Consistent utilization ${percent(num(a, 'consistent'))} ≥ ${percent(num(a, 'limit'))}, sustained ${num(a, 'sustainedDays')} days (≥ ${num(a, 'days')})`,
  'between-bands': (a) => `Consistent utilization ${percent(num(a, 'consistent'))} is between ${percent(num(a, 'low'))} and ${percent(num(a, 'high'))}: economics alone do not decide; predictability does`,
  'high-not-sustained': (a) => a.sustainedDays === null
    ? `Consistent utilization ${percent(num(a, 'consistent'))} is high, but it is an assumption: no history shows it sustained for the ${num(a, 'days')} days needed`
    : `Consistent utilization ${percent(num(a, 'consistent'))} is high but sustained only ${num(a, 'sustainedDays')} day${a.sustainedDays === 1 ? '' : 's'} of the ${num(a, 'days')} needed`,
  'no-dedicated-option': () => 'No dedicated option is priced, so cloud on-demand stays',
  'cheaper-at-measured': (a, c) => `${optionName(str(a, 'option'))} is cheaper at the measured profile: ${money(num(a, 'total'), c)} vs ${money(num(a, 'otherTotal'), c)} a month for ${optionName(str(a, 'other'))}`,
  'hybrid-sizing': (a, c) => `Hybrid baseline: reserve ${num(a, 'baselineGpus')} GPU${num(a, 'baselineGpus') === 1 ? '' : 's'} and burst the rest to cloud (${percent(num(a, 'burstShare'))} of hours burst); the critical fractile is ${rate(num(a, 'ownedPerGpuHour'), c)} reserved ÷ ${rate(num(a, 'cloudPerBusyGpuHour'), c)} per busy cloud GPU-hour = ${percent(num(a, 'criticalRatio'))} of hours above the baseline`,
  'hybrid-bursts-rarely': (a, c) => `Reserving ${num(a, 'baselineGpus')} GPUs (the critical-fractile baseline) instead of ${str(a, 'dedicatedGpus')} would cost ${money(num(a, 'total'), c)} a month, but only ${percent(num(a, 'burstShare'))} of hours would burst (under ${percent(num(a, 'limit'))}): that is a right-sized dedicated baseline, not a hybrid`,
  'price-disagrees': (a, c) => `Rule and price disagree: the placement's option (${optionName(str(a, 'placementOption'))}, ${money(num(a, 'placementTotal'), c)}/month) is not the cheapest at the measured profile (${optionName(str(a, 'cheapest'))}, ${money(num(a, 'cheapestTotal'), c)}/month)`,
  // Warnings
  'assumed-utilization': (a) => `No utilization history: using the assumed ${percent(num(a, 'assumed'))} flat; sustained days, peak-to-median and trends are unknown`,
  'assumed-ignored': (a) => `utilization.assumed (${percent(num(a, 'assumed'))}) is ignored because there is a history`,
  'low-coverage': (a) => `Utilization history covers ${percent(num(a, 'coverage'))} of the window's hours (${num(a, 'hoursPresent')} of ${num(a, 'hoursInWindow')}); missing hours are not counted as idle`,
  'short-history': (a) => `Utilization history has ${num(a, 'daysWithData')} days with data in a ${num(a, 'windowDays')}-day window; sustained-day counts cannot reach the window`,
  'token-history-short': (a) => `Token history has ${num(a, 'days')} day(s): at least 2 are needed for cv and trend, so token stability is unknown`,
  'egress-unpriced': (a) => `${num(a, 'gbPerMonth')} GB/month of traffic but options.cloud.egressTiers is empty: cloud egress is priced at 0`,
  'index-egress-unpriced': () => 'The vector index is on-prem but no onPrem option gives its egressPerGB: retrieval from it is priced at 0',
  'no-latency-target': () => 'Regions are given without workload.constraints.ttftTargetMs: latency floors are reported but not judged',
  'onprem-shortfall': (a) => `On-prem with burst: none leaves ${fixed(num(a, 'busyGpus'))} busy GPUs on average unserved (not priced)`,
  'bad-rows-skipped': (a) => `${str(a, 'file')}: ${num(a, 'badRows')} of ${num(a, 'rows')} rows could not be read and were left out${a.firstLine === null ? '' : ` (first at line ${num(a, 'firstLine')}: ${str(a, 'firstMessage')})`}`,
  'readings-unavailable': (a) => `${str(a, 'file')}: ${num(a, 'rows')} readings were unavailable ([N/A], [Not Supported], NaN) and were left out`,
  'samples-out-of-order': (a) => `${str(a, 'file')}: ${num(a, 'samples')} samples came earlier than the one before them for the same GPU; they were placed by their own time`,
  'samples-duplicated': (a) => `${str(a, 'file')}: ${num(a, 'samples')} samples repeated the previous time of the same GPU and were counted once`,
  'samples-untimestamped': (a) => `${str(a, 'file')}: ${num(a, 'samples')} samples carried no timestamp and were taken as of the run's time`,
  'history-gaps': (a) => `${str(a, 'file')}: ${num(a, 'gaps')} gap(s) in the history, the longest ${num(a, 'longestHours')} hour(s); missing hours are not counted as idle`,
  'egress-from-billing': (a) => `Internet egress taken from the billing export: ${Math.round(num(a, 'gbPerMonth')).toLocaleString('en-US')} GB/month of data transfer (set workload.egress.internetGBPerMonth to override)`,
  'growth-fitted': (a) => `Demand growth of ${percent(num(a, 'perMonth'))}/month over the horizon was fitted from ${num(a, 'days')} days of utilization trend; set workload.growthPerMonth to state it (0 for none)`,
  'price-stale': (a) => `${str(a, 'field')} uses the price-book entry ${str(a, 'id')} dated ${str(a, 'date')}, ${num(a, 'ageDays')} days old: re-check it`,
  'what-if': (a) => `What-if: demand multiplied by ${fixed(num(a, 'multiplier'), 3)} (${str(a, 'levers')}); every figure here is for that demand, not the measured one`,
  'purchase-after-horizon': (a) => `Hardware line ${str(a, 'name')} is bought in month ${num(a, 'purchaseMonth')}, at or after the horizon: it is not counted`,
};

export function messageFor(code: string, args: Args, currency: string): string {
  const f = TEXT[code];
  if (f === undefined) throw new Error(`no wording for message code "${code}"`);
  return f(args, currency);
}
