/**
 * The decision in words, first in every human view: the placement and how sure it is, the plan a
 * buyer can act on, what it saves against today, what the governing constraint costs, what
 * would make a provisional verdict firm, and when to look again. The reasons follow it in each
 * view. Plain sentences; each view adds its own emphasis and wraps them to its width.
 */
import type { Report } from '../report/build-report.js';
import { optionName } from './messages.js';
import { money, percent, rate } from './format.js';
import { checkWords, metricWords } from './metric-format.js';

type Verdict = Report['verdict'];
type Check = NonNullable<Verdict['constraintCost']>['failing'][number];

export interface DecisionLine {
  /** headline: placement and status; plan; note: the others. */
  kind: 'headline' | 'plan' | 'note';
  text: string;
}

/** The checks that fail, then the ones with no data in one group: "egress share 1.8% (needs ≥ 10.0%); no data yet for token cv, peak/median". */
export function failingWords(checks: ReadonlyArray<Check>): string {
  const known = checks.filter((c) => c.value !== null).map(checkWords);
  const unknown = [...new Set(checks.filter((c) => c.value === null).map((c) => metricWords(c.metric)))];
  return [...known, ...(unknown.length === 0 ? [] : [`no data yet for ${unknown.join(', ')}`])].join('; ');
}

const CONSTRAINT_WORDS: Record<Verdict['governingConstraint'], string> = {
  regulatory: 'Sovereignty',
  'latency-geography': 'Serving far regions from the edge',
  'token-volatility': 'Token volatility',
  'utilization-economics': 'Staying off owned hardware',
  'repatriation-threshold': 'Owning',
  predictability: 'Predictability',
};

function constraintWords(v: Verdict): string {
  // Rule 4 keeps cloud because consistent utilization is too low for anything fixed.
  if (v.governingConstraint === 'utilization-economics' && v.plan?.family === 'cloud')
    return 'Staying elastic at low consistent utilization';
  if (v.governingConstraint === 'token-volatility' && v.reasons.some((r) => r.code === 'agentic'))
    return 'Agentic demand';
  return CONSTRAINT_WORDS[v.governingConstraint];
}

function gpus(n: number): string {
  return `${n.toLocaleString('en-US')} GPU${n === 1 ? '' : 's'}`;
}

/** The plan in one sentence a buyer can act on. */
export function planSentence(r: Report): string {
  const v = r.verdict;
  const p = v.plan;
  const cur = r.currency;
  if (p === null) {
    const missing =
      v.placement === 'edge'
        ? 'an edge option'
        : v.placement.startsWith('on-prem')
          ? 'an on-prem option'
          : 'a dedicated option (reserved rates)';
    return `No option in the scenario prices this placement: add ${missing} to size it.`;
  }
  const month = `${money(p.monthly, cur)}/month`;
  switch (p.family) {
    case 'reserved': {
      const upfront = p.upfront > 0 ? `, ${money(p.upfront, cur)} upfront` : '';
      const burst = p.burstShareOfBusyGpuHours ?? 0;
      return (
        `Reserve ${gpus(p.gpus)} for ${p.termMonths} months at ${rate(p.perGpuHour ?? 0, cur)}/GPU-h${upfront}; ` +
        `on-demand burst carries ${percent(burst)} of the GPU-hours: ${month}.`
      );
    }
    case 'cloud': {
      const n = r.dataQuality.referenceGpus;
      const tau = r.scenario.targetUtilization;
      const p50 = Math.ceil((r.utilization.percentiles.p50 * n) / tau - 1e-9);
      return `Stay on on-demand, GPUs kept ${percent(tau)} busy: about ${p50} provisioned at the median hour, ${p.gpus} at p95: ${month}.`;
    }
    case 'onprem': {
      const perServer = p.servers === null || p.servers === 0 ? p.gpus : p.gpus / p.servers;
      const upfront = p.upfront > 0 ? `, ${money(p.upfront, cur)} at month 0` : ', leased';
      const right =
        p.rightSizeServers !== null && p.rightSizeServers !== p.servers
          ? ` (${p.rightSizeServers} servers would minimise the month)`
          : '';
      return `Buy ${p.servers} × ${perServer}-GPU servers${upfront}: ${month}${right}.`;
    }
    case 'edge': {
      const perSite = p.servers === null || p.servers === 0 ? p.gpus : p.gpus / p.servers;
      return `Run ${p.servers} edge sites of ${gpus(perSite)}, ${money(p.upfront, cur)} at month 0: ${month}.`;
    }
  }
}

export function decisionLines(r: Report): DecisionLine[] {
  const v = r.verdict;
  const cur = r.currency;
  const lines: DecisionLine[] = [];
  const status = v.status === 'provisional' ? 'PROVISIONAL' : 'firm';
  lines.push({ kind: 'headline', text: `${v.placement} · ${status} · ${r.scenario.name}` });
  lines.push({ kind: 'plan', text: planSentence(r) });
  const s = v.savingVsCurrent;
  if (s !== null) {
    const today = `Against today (${optionName(s.current)}, ${money(s.currentMonthly, cur)}/month)`;
    lines.push({
      kind: 'note',
      text:
        Math.abs(s.monthly) < 0.5
          ? `${today}: the same cost.`
          : s.monthly > 0
            ? `${today}: saves ${money(s.monthly, cur)}/month, ${money(s.yearly, cur)}/year.`
            : `${today}: costs ${money(-s.monthly, cur)}/month more, ${money(-s.yearly, cur)}/year.`,
    });
  }
  const c = v.constraintCost;
  if (c !== null) {
    if (c.monthly <= 0.005) lines.push({ kind: 'note', text: 'It is the cheapest option at the measured profile.' });
    else {
      const over = `${constraintWords(v)} costs ${money(c.monthly, cur)}/month over ${optionName(c.cheapest)} (${money(c.cheapestMonthly, cur)}/month)`;
      lines.push({
        kind: 'note',
        text: c.failing.length === 0 ? `${over}.` : `${over}; not chosen: ${failingWords(c.failing)}.`,
      });
    }
  }
  if (v.needs.length > 0)
    lines.push({ kind: 'note', text: `To make it firm: ${v.needs.map((n) => lowerFirst(n.message)).join('; ')}.` });
  // A history that ended long ago gives a review date already past: say the data is stale.
  const overdue = v.nextReview < r.generatedAt.slice(0, 10);
  lines.push({
    kind: 'note',
    text: overdue
      ? `Look again by ${v.nextReview}: already past, the history ends ${r.utilization.dailyMeans.at(-1)?.date ?? 'long ago'}; measure again.`
      : `Look again by ${v.nextReview}, or when a trigger below fires.`,
  });
  return lines;
}

const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s);
