/**
 * The decision in words, first in every human view: the placement and how sure it is, the plan a
 * buyer can act on, what it saves against today, what the governing constraint costs, what
 * would make a provisional verdict firm, and when to look again. The reasons follow it in each
 * view. Plain sentences; each view adds its own emphasis and wraps them to its width.
 */
import type { Report } from '../report/build-report.js';
import { mainGroup } from '../model/portfolio/placement-groups.js';
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

type Plan = NonNullable<Verdict['plan']>;

/** The plan in one sentence a buyer can act on. */
export function planSentence(r: Report): string {
  const v = r.verdict;
  const p = v.plan;
  const cur = r.currency;
  if (p === null) return unpricedSentence(v.placement);
  if (p.family !== 'cloud') return sizedPlanSentence(p, cur);
  const n = r.dataQuality.referenceGpus;
  const tau = r.scenario.targetUtilization;
  const p50 = Math.ceil((r.utilization.percentiles.p50 * n) / tau - 1e-9);
  return `Stay on on-demand, GPUs kept ${percent(tau)} busy: about ${p50} provisioned at the median hour, ${p.gpus} at p95: ${money(p.monthly, cur)}/month.`;
}

function unpricedSentence(placement: Verdict['placement']): string {
  const missing =
    placement === 'edge'
      ? 'an edge option'
      : placement.startsWith('on-prem')
        ? 'an on-prem option'
        : 'a dedicated option (reserved rates)';
  return `No option in the scenario prices this placement: add ${missing} to size it.`;
}

/** A plan with a size of its own (reserved, owned, edge; cloud on-demand at p95 otherwise). */
function sizedPlanSentence(p: Plan, cur: string): string {
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
    case 'cloud':
      return `Stay on on-demand, ${gpus(p.gpus)} provisioned at p95: ${month}.`;
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

type Split = NonNullable<NonNullable<Report['portfolio']>['split']>;
const GROUP_WORDS: Record<Split['groups'][number]['id'], string> = {
  sovereign: 'Sovereign, placed apart',
  edge: 'At the edge, placed apart',
  central: 'The rest',
};

/** The group the tables below describe, when models are placed apart. */
const MAIN_GROUP_WORDS: Record<Split['groups'][number]['id'], string> = {
  sovereign: 'For the sovereign models, ',
  edge: 'For the edge models, ',
  central: 'For the rest, ',
};

/** "Sovereign, placed apart (clinical-notes; 16 GPUs): buy 2 × 8-GPU servers …" */
function groupSentence(g: Split['groups'][number], main: string, cur: string): string {
  const who = `${GROUP_WORDS[g.id]} (${g.models.join(', ')}; ${gpus(g.referenceGpus)})`;
  const status = g.status === 'provisional' ? ' PROVISIONAL.' : '';
  const what =
    g.id === 'central' ? main : g.plan === null ? unpricedSentence(g.placement) : sizedPlanSentence(g.plan, cur);
  return `${who}: ${lowerFirst(what)}${status}`;
}

export function decisionLines(r: Report): DecisionLine[] {
  const v = r.verdict;
  const cur = r.currency;
  const lines: DecisionLine[] = [];
  const split = r.portfolio?.split ?? null;
  const provisional = v.status === 'provisional' || (split?.groups.some((g) => g.status === 'provisional') ?? false);
  const status = provisional ? 'PROVISIONAL' : 'firm';
  // Models placed apart: every group's placement and plan, and what the split costs.
  const placements = split === null ? v.placement : split.groups.map((g) => g.placement).join(' + ');
  lines.push({ kind: 'headline', text: `${placements} · ${status} · ${r.scenario.name}` });
  if (split === null) lines.push({ kind: 'plan', text: planSentence(r) });
  else {
    for (const g of split.groups) lines.push({ kind: 'plan', text: groupSentence(g, planSentence(r), cur) });
    const apart = split.groups.filter((g) => g.id !== 'central').flatMap((g) => g.models);
    const together = `one pool of every model on ${optionName(split.togetherCheapest)} (${money(split.togetherMonthly, cur)}/month)`;
    lines.push({
      kind: 'note',
      text:
        split.cost > 0.005
          ? `Together ${money(split.monthly, cur)}/month; placing ${apart.join(', ')} apart costs ${money(split.cost, cur)}/month over ${together}.`
          : `Together ${money(split.monthly, cur)}/month, no more than ${together}.`,
    });
  }
  const c = v.constraintCost;
  if (c !== null) {
    if (c.monthly <= 0.005) lines.push({ kind: 'note', text: 'It is the cheapest option at the measured profile.' });
    else {
      const what =
        split === null
          ? constraintWords(v)
          : `${MAIN_GROUP_WORDS[mainGroup(split.groups).id]}${lowerFirst(constraintWords(v))}`;
      const over = `${what} costs ${money(c.monthly, cur)}/month over ${optionName(c.cheapest)} (${money(c.cheapestMonthly, cur)}/month)`;
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
