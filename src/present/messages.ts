/** The wording of every coded reason, note and warning (STYLE.md habit 6): one place. */
import type { ReportWords } from '../report/build-report.js';
import { fixed, money, months, orDash, percent, rate } from './format.js';

type Args = Record<string, number | string | boolean | null>;
const num = (a: Args, k: string): number => a[k] as number;
const str = (a: Args, k: string): string => String(a[k]);
const gpus = (n: number): string => `${n} GPU${n === 1 ? '' : 's'}`;

const OPTION_NAMES: Record<string, string> = {
  cloud: 'cloud on-demand',
  dedicated: 'dedicated (reserved)',
  reserved: 'the reserved plan',
  onprem: 'on-prem',
  edge: 'edge',
};
export const optionName = (id: string): string => OPTION_NAMES[id] ?? id;

const TEXT: Record<string, (a: Args, currency: string) => string> = {
  // Reasons (docs/model.md)
  sovereignty: () =>
    'Data sovereignty is required: regulated data must stay on owned infrastructure, whatever the utilization',
  'far-regions': (a) =>
    `${percent(num(a, 'farShare'))} of traffic comes from regions whose latency floor exceeds the ${str(a, 'targetMs')} ms TTFT target (${str(a, 'regions')}); at ${percent(num(a, 'limit'))} or more, serve them from the edge`,
  agentic: () =>
    'Agentic multi-step workflows produce unpredictable peak token demand: keep a dedicated baseline and burst to cloud',
  'token-volatile': (a) =>
    `Daily token volume is volatile: cv ${fixed(num(a, 'cv'))} > ${fixed(num(a, 'limit'))}; an owned baseline cannot absorb the peaks economically`,
  'consistent-below': (a) =>
    `Consistent utilization (p20) is ${percent(num(a, 'consistent'))}, below ${percent(num(a, 'limit'))} (mean ${percent(num(a, 'mean'))}): idle owned or reserved capacity would cost its full price`,
  'repatriation-met': () =>
    'All four repatriation conditions hold: sustained utilization, material egress, stable tokens, flat concurrency',
  'payback-within': (a) =>
    `On-prem hardware pays back in ${months(num(a, 'paybackMonths'))}, within ${num(a, 'limit')}`,
  'utilization-sustained': (a) =>
    `Consistent utilization ${percent(num(a, 'consistent'))} has held ≥ ${percent(num(a, 'limit'))} for ${num(a, 'sustainedDays')} days (${num(a, 'days')} needed): reserve rather than pay on-demand`,
  'between-bands': (a) =>
    `Consistent utilization ${percent(num(a, 'consistent'))} is between ${percent(num(a, 'low'))} and ${percent(num(a, 'high'))}: economics alone do not decide; predictability does`,
  'high-not-sustained': (a) =>
    a.sustainedDays === null
      ? `Consistent utilization ${percent(num(a, 'consistent'))} is high, but it is an assumption: no history shows it sustained for the ${num(a, 'days')} days needed`
      : `Consistent utilization ${percent(num(a, 'consistent'))} is high but sustained only ${num(a, 'sustainedDays')} day${a.sustainedDays === 1 ? '' : 's'} of the ${num(a, 'days')} needed`,
  'no-dedicated-option': () => 'No dedicated option is priced, so cloud on-demand stays',
  'no-reservation-pays': (a, c) =>
    `No reservation is cheaper than on-demand at the measured profile (reserved ${orDash(a.reservedPerGpuHour as number | null, (x) => rate(x, c))} vs on-demand ${rate(num(a, 'onDemandPerGpuHour'), c)} per GPU-hour)`,
  'cheaper-at-measured': (a, c) =>
    `At the measured profile ${optionName(str(a, 'option'))} costs ${money(num(a, 'total'), c)} a month against ${money(num(a, 'otherTotal'), c)} for ${optionName(str(a, 'other'))}`,
  'reserved-sizing': (a, c) =>
    `Reserving ${num(a, 'gpus')} GPU${num(a, 'gpus') === 1 ? '' : 's'} minimises the measured month: on-demand carries ${percent(num(a, 'burstShareOfBusyGpuHours'))} of the busy GPU-hours in ${percent(num(a, 'burstShareOfHours'))} of the hours (reserved ${rate(num(a, 'reservedPerGpuHour'), c)} ÷ on-demand ${rate(num(a, 'onDemandPerGpuHour'), c)} = ${percent(num(a, 'criticalRatio'))})`,
  // What would make a provisional verdict firm
  'need-measured-utilization': (a) =>
    `Measure utilization: an nvidia-smi or DCGM history of at least ${num(a, 'days')} days`,
  'need-longer-history': (a) =>
    `${num(a, 'more')} more days of history (it spans ${num(a, 'days')} of the ${num(a, 'needed')} needed)`,
  'need-coverage': (a) =>
    `Coverage ${percent(num(a, 'coverage'))}: fill the gaps (${percent(num(a, 'needed'))} needed) or shorten --window`,
  'need-gpus-match': (a) =>
    `The export shows ${gpus(num(a, 'gpusSeen'))} but the scenario says ${num(a, 'referenceGpus')}: fix workload.referenceGpus or export every GPU`,
  'need-repatriation-input': (a) =>
    `Every other repatriation condition holds: give the ${str(a, 'condition') === 'tokens' ? 'token history (workload.tokens)' : str(a, 'condition')} to settle it`,
  // What crossing a trigger means
  'effect-basis-lost': (a) => `the basis of ${str(a, 'placement')} no longer holds: reopen the decision`,
  'effect-verdict-becomes': (a) => `the verdict would become ${str(a, 'placement')}`,
  'effect-towards': (a) =>
    num(a, 'others') === 0
      ? `the verdict would become ${str(a, 'placement')}`
      : `one of what ${str(a, 'placement')} needs (${num(a, 'others')} more still fall${num(a, 'others') === 1 ? 's' : ''} short)`,
  // Warnings
  'assumed-utilization': (a) =>
    `No utilization history: using the assumed ${percent(num(a, 'assumed'))} flat; sustained days, peak-to-median and trends are unknown`,
  'assumed-ignored': (a) => `utilization.assumed (${percent(num(a, 'assumed'))}) is ignored because there is a history`,
  'low-coverage': (a) =>
    `Utilization history covers ${percent(num(a, 'coverage'))} of the window's hours (${num(a, 'hoursPresent')} of ${num(a, 'hoursInWindow')}); missing hours are not counted as idle`,
  'short-history': (a) =>
    `Utilization history has ${num(a, 'daysWithData')} days with data in a ${num(a, 'windowDays')}-day window; sustained-day counts cannot reach the window`,
  'token-history-short': (a) =>
    `Token history has ${num(a, 'days')} day(s): at least 2 are needed for cv and trend, so token stability is unknown`,
  'egress-unpriced': (a) =>
    `${num(a, 'gbPerMonth')} GB/month of traffic but options.cloud.egressTiers is empty: cloud egress is priced at 0`,
  'index-egress-unpriced': () =>
    'The vector index is on-prem but no onPrem option gives its egressPerGB: retrieval from it is priced at 0',
  'no-latency-target': () =>
    'Regions are given without workload.constraints.ttftTargetMs: latency floors are reported but not judged',
  'onprem-shortfall': (a) =>
    `On-prem without burst leaves ${fixed(num(a, 'busyGpus'))} busy GPUs on average unserved, in ${Math.round(num(a, 'hours'))} hours a month (not priced)`,
  'mixed-units': (a) =>
    `${str(a, 'file')}: read as percent (values above 1), but ${num(a, 'values')} values look like fractions${a.line === null ? '' : ` (first at line ${num(a, 'line')})`}: one file should keep one unit; set unit: percent or fraction`,
  'metric-not-utilization': (a) =>
    `${str(a, 'file')}: the answer is for ${str(a, 'metrics')}, which does not look like GPU utilization (DCGM_FI_DEV_GPU_UTIL): check the query`,
  'sovereign-no-burst': () =>
    'Sovereign data may not burst to a public cloud: on-prem is priced without burst, whatever onPrem.burst says',
  'no-option-for-plan': (a) =>
    `The verdict ${str(a, 'placement')} has no priced option to size it: add the option to the scenario`,
  'current-unpriced': (a) =>
    `workload.currentPlacement is ${str(a, 'current')} but the scenario prices no such option: no saving against today`,
  'gpus-differ': (a) =>
    `The utilization export shows ${gpus(num(a, 'gpusSeen'))}; the scenario's referenceGpus is ${num(a, 'referenceGpus')}`,
  'histories-overlap-little': (a) =>
    `Token and utilization histories share only ${num(a, 'overlapDays')} days (${num(a, 'tokenDays')} and ${num(a, 'utilizationDays')} days long)`,
  'bad-rows-skipped': (a) =>
    `${str(a, 'file')}: ${num(a, 'badRows')} of ${num(a, 'rows')} rows could not be read and were left out${a.firstLine === null ? '' : ` (first at line ${num(a, 'firstLine')}: ${str(a, 'firstMessage')})`}`,
  'readings-unavailable': (a) =>
    `${str(a, 'file')}: ${num(a, 'rows')} readings were unavailable ([N/A], [Not Supported], NaN) and were left out`,
  'samples-out-of-order': (a) =>
    `${str(a, 'file')}: ${num(a, 'samples')} samples came earlier than the one before them for the same GPU; they were placed by their own time`,
  'samples-duplicated': (a) =>
    `${str(a, 'file')}: ${num(a, 'samples')} samples repeated the previous time of the same GPU and were counted once`,
  'samples-untimestamped': (a) =>
    `${str(a, 'file')}: ${num(a, 'samples')} samples carried no timestamp and were taken as of the run's time`,
  'store-note': (a) => `${str(a, 'file')} warned: ${str(a, 'note')}`,
  'portfolio-past-retire-by': (a) =>
    `model ${str(a, 'model')} was to leave the fleet by ${str(a, 'date')} and is still in the portfolio: its residency is priced with the rest`,
  'portfolio-hours-left-out': (a) =>
    `${num(a, 'hours')} hours that some models' histories have and others lack are left out of the pooled demand: compare the models on the hours they share`,
  'history-gaps': (a) =>
    `${str(a, 'file')}: ${num(a, 'gaps')} gap(s) in the history, the longest ${num(a, 'longestHours')} hour(s); missing hours are not counted as idle`,
  'egress-from-billing': (a) =>
    `Internet egress taken from the billing export: ${Math.round(num(a, 'gbPerMonth')).toLocaleString('en-US')} GB/month of data transfer (set workload.egress.internetGBPerMonth to override)`,
  'growth-fitted': (a) =>
    `Demand growth of ${percent(num(a, 'perMonth'))}/month over the horizon was fitted from ${num(a, 'days')} days of utilization trend; set workload.growthPerMonth to state it (0 for none)`,
  'prices-stale': (a) =>
    num(a, 'count') === 1
      ? `The price-book entry ${str(a, 'oldestId')} is ${num(a, 'oldestDays')} days old (${str(a, 'oldestDate')}): re-check it`
      : `${num(a, 'count')} price-book entries are over ${num(a, 'limitDays')} days old, the oldest ${str(a, 'oldestId')} at ${num(a, 'oldestDays')} days: re-check them (placement prices)`,
  'what-if': (a) =>
    `What-if: demand multiplied by ${fixed(num(a, 'multiplier'), 3)} (${str(a, 'levers')}); every figure here is for that demand, not the measured one`,
  'purchase-after-horizon': (a) =>
    `Hardware line ${str(a, 'name')} is bought in month ${num(a, 'purchaseMonth')}, at or after the horizon: it is not counted`,
};

export function messageFor(code: string, args: Args, currency: string): string {
  const f = TEXT[code];
  if (f === undefined) throw new Error(`no wording for message code "${code}"`);
  return f(args, currency);
}

type TriggerLike = {
  id: string;
  threshold: number | null;
  hysteresis: { comparator: string; threshold: number } | null;
};

/** Each trigger in words, by id; the threshold is the trigger's own (a target in ms, a day count). */
const TRIGGER: Record<string, (t: TriggerLike) => string> = {
  'utilization-below-50': () => 'Daily mean utilization below 50 % for 60 days in a row',
  'token-volatility': () => 'Token volume turns volatile: daily cv above 0.25',
  'model-churn': () => 'Model churn: 2 or more model changes within 90 days',
  'consistent-utilization-40': () => 'Daily mean utilization holds at 40 % or more for 90 days',
  'consistent-reaches-40': () => 'Consistent utilization (p20) reaches 40 %',
  'model-selection-hardens': () => 'Model selection hardens: no model change for 90 days',
  'reservation-pays': () => 'A reservation starts saving against on-demand',
  'reserved-stops-saving': () => 'The reserved plan stops saving against on-demand',
  'regulatory-change': () => 'The regulation that requires sovereignty changes',
  'sovereign-cloud-region': () => 'A compliant sovereign cloud region becomes available',
  'latency-target-relaxes': (t) => `The TTFT target relaxes to ${orDash(t.threshold, (x) => String(Math.round(x)))} ms`,
  'far-region-share': () => 'Traffic from regions beyond the latency target falls below 20 %',
  'far-region-share-rises': () => 'Traffic from regions beyond the latency target reaches 20 %',
  'onprem-below-break-even': () => 'Mean utilization falls below the on-prem break-even',
  'onprem-payback-beyond': () => 'On-prem payback rises above 18 months',
  'onprem-npv-negative': () => 'Owning stops paying: on-prem NPV falls to 0',
  'egress-immaterial': () => 'Egress falls below 10 % of cloud compute',
  'concurrency-peaks': () => 'Demand grows peaky: p95 / p50 above 1.5',
  'annual-review': () => 'Annual review of the utilization trend, egress and the amortization schedule',
  'token-cv-stable': () => 'Token volume settles: daily cv at or below 0.25',
  'stops-agentic': () => 'The workload stops being agentic',
  'burst-share': () => 'On-demand burst falls below 10 % of the busy GPU-hours',
  'burst-share-rises': () => 'On-demand burst reaches 10 % of the busy GPU-hours',
  'becomes-sovereign': () => 'The data becomes regulated: sovereignty required',
  'becomes-agentic': () => 'The workload becomes agentic',
  'token-cv-volatile': () => 'Token volume turns volatile: daily cv above 0.35',
  'consistent-below-40': () => 'Consistent utilization (p20) falls below 40 %',
  'onprem-consistent-60': () => 'Consistent utilization (p20) reaches 60 %',
  'onprem-sustained-60': () => 'Daily mean utilization holds at 60 % for 90 days',
  'egress-share-material': () => 'Egress share reaches 10 % of cloud compute',
  'onprem-token-cv': () => 'Token volume steadies: daily cv at or below 0.25',
  'onprem-token-trend': () => 'Token trend flattens to within 10 % a month',
  'concurrency-flat': () => 'Demand flattens: p95 / p50 at or below 1.5',
  'onprem-payback-within': () => 'On-prem payback falls to 18 months',
  'onprem-npv-positive': () => 'Owning starts paying: on-prem NPV above 0',
  'consistent-reaches-60': () => 'Consistent utilization (p20) reaches 60 %',
  'sustained-60': () => 'Daily mean utilization holds at 60 % for 90 days',
};

/** Where an exit stands apart from the entry on purpose, the description says so. */
const HYSTERESIS: Record<string, string> = {
  'utilization-below-50': 'in at 60 % for 90 days: a deliberate gap, so the verdict does not flap',
  'token-volatility': 'volatile starts above 0.35: a deliberate gap, so the verdict does not flap',
  'token-cv-stable': 'in above 0.35: a deliberate gap, so the verdict does not flap',
};

export function triggerDescription(t: TriggerLike): string {
  const words = TRIGGER[t.id];
  if (words === undefined) throw new Error(`no wording for trigger "${t.id}"`);
  const note = t.hysteresis !== null ? HYSTERESIS[t.id] : undefined;
  return note === undefined ? words(t) : `${words(t)} (${note})`;
}

/** What a report needs to say its codes in words. */
export const reportWords: ReportWords = { message: messageFor, triggerDescription };
