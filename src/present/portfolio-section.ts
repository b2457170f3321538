/**
 * A portfolio's section, in every view: each model alone against its share of the pool, what
 * pooling saves, and the residency that serves no traffic. The words are here; each view lays
 * them out.
 */
import type { ChalkInstance } from 'chalk';
import type { Report } from '../report/report-schema.js';
import type { PortfolioOutcome } from '../model/portfolio/portfolio-analysis.js';
import { mainGroup } from '../model/portfolio/placement-groups.js';
import { DEFAULT_WIDTH, fitTable, wrapText } from './fit.js';
import { money, percent, rate } from './format.js';

export interface PortfolioSection {
  title: string;
  head: string[];
  rows: string[][];
  sentences: string[];
}

export function portfolioSection(r: Report): PortfolioSection | null {
  const p = r.portfolio;
  if (p === null) return null;
  const cur = r.currency;
  const split = p.split;
  const pooled = split === null ? 'Pooled, the plan costs' : 'Pooled in their groups, the plans cost';
  const sentences = [
    p.poolingBenefit > 0
      ? `${pooled} ${money(p.pooledMonthly, cur)} a month against ${money(p.standAloneMonthly, cur)} for each model on a fleet of its own: pooling saves ${money(p.poolingBenefit, cur)} a month, shared back in proportion to what each would cost alone.`
      : `${pooled} ${money(p.pooledMonthly, cur)} a month, as much as each model on a fleet of its own (${money(p.standAloneMonthly, cur)}): their peaks coincide.`,
  ];
  if (split !== null)
    for (const g of split.groups)
      if (g.id !== 'central')
        sentences.push(
          `Placed apart, ${APART_WORDS[g.id]}: ${g.models.join(', ')} (${g.placement}, ${money(g.monthly, cur)} a month).`,
        );
  const canaries = p.models.reduce((t, m) => t + m.canaryGpuHours + m.shadowGpuHours, 0);
  sentences.push(
    `${percent(p.notServingShare)} of the resident GPU-hours serve no traffic: warm floors kept above the load${canaries > 0 ? ', canaries and shadow paths' : ''}.`,
  );
  const resident = p.models.reduce(
    (t, m) => t + m.servingGpuHours + m.warmFloorGpuHours + m.canaryGpuHours + m.shadowGpuHours,
    0,
  );
  const idle = p.models.reduce((t, m) => t + m.residencyMonthly.warmFloor, 0);
  const trial = p.models.reduce((t, m) => t + m.residencyMonthly.canary + m.residencyMonthly.shadow, 0);
  if (idle + trial >= 0.5)
    sentences.push(
      `Of the shares, ${[
        idle >= 0.5 ? `warm floors above the load cost ${money(idle, cur)} a month` : '',
        trial >= 0.5 ? `canaries and shadow paths ${money(trial, cur)}` : '',
      ]
        .filter((x) => x !== '')
        .join(', ')}.`,
    );
  if (canaries > 0)
    sentences.push(
      `Canaries and shadow paths after rollouts held ${Math.round(canaries).toLocaleString('en-US')} GPU-hours, ${percent(canaries / resident)} of the pool's.`,
    );
  const priced = p.models.filter((m) => m.costPerMillionTokens !== null);
  if (priced.length > 0)
    sentences.push(
      `Per million tokens, of its share: ${priced.map((m) => `${m.name} ${rate(m.costPerMillionTokens as number, cur)}`).join(', ')}.`,
    );
  const fallbacks = p.models.filter((m) => m.fallbackFor !== null);
  if (fallbacks.length > 0)
    sentences.push(`Kept warm as a fallback: ${fallbacks.map((m) => `${m.name} for ${m.fallbackFor}`).join(', ')}.`);
  if (p.models.some((m) => m.alone.status === 'provisional'))
    sentences.push('* provisional: its own history cannot carry a firm verdict alone.');
  if (p.hoursLeftOut > 0)
    sentences.push(`${p.hoursLeftOut} hours some histories had and others lacked are left out of the pool.`);
  const over = p.checks.filter((c) => c.overLimit);
  sentences.push(
    over.length === 0
      ? `Within the portfolio's limits: canaries kept at most ${days(p.policy.canaryMaxDays)}, no model past its retire-by date, at most ${percent(p.policy.notServingMax)} of the GPU-hours serving no traffic.`
      : `Over the portfolio's limits: ${over.map(limitWords).join('; ')}.`,
  );
  return {
    title:
      split === null
        ? `Portfolio: ${p.models.length} models on one fleet`
        : `Portfolio: ${p.models.length} models, ${p.models.filter((m) => m.group !== 'central').length} placed apart`,
    head: ['model', 'GPUs', 'alone', 'month alone', 'its share'],
    rows: p.models.map((m) => [
      m.name,
      m.warmFloorGpus > 0 ? `${m.referenceGpus}, ${m.warmFloorGpus} warm` : String(m.referenceGpus),
      `${m.alone.placement}${m.alone.status === 'provisional' ? ' *' : ''}`,
      money(m.alone.monthly, cur),
      money(m.attributedMonthly, cur),
    ]),
    sentences,
  };
}

type Check = NonNullable<Report['portfolio']>['checks'][number];

const APART_WORDS = { sovereign: 'for data sovereignty', edge: 'at the edge, for far regions' } as const;

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

/** One limit passed, in words: "agent keeps its canary 21 days after a rollout (limit 14)". */
export function limitWords(
  c: Pick<Check, 'model' | 'value' | 'limit'> & { id: Check['id'] | 'verdict-diverges' },
): string {
  switch (c.id) {
    case 'canary-retention':
      return `${c.model} keeps its canary ${days(c.value)} after a rollout (limit ${c.limit})`;
    case 'past-retire-by':
      return c.value === 0
        ? `${c.model} is due to leave the fleet today`
        : `${c.model} is ${days(c.value)} past its retire-by date, still resident`;
    case 'not-serving-share':
      return `${percent(c.value)} of the resident GPU-hours serve no traffic (limit ${percent(c.limit)})`;
    case 'verdict-diverges':
      return `${c.model}'s own verdict has differed from its pool's for ${days(Math.floor(c.value))} (limit ${c.limit})`;
  }
}

/**
 * For the commands that work on one analysis (sensitivity, schedule, simulate): which of a split
 * portfolio's models it is of, as lines to put first; none when every model is in one pool.
 */
export function scopeLines(p: PortfolioOutcome | null, width = DEFAULT_WIDTH): string[] {
  if (p === null || p.split === null) return [];
  const main = mainGroup(p.split.groups);
  const others = p.split.groups.filter((g) => g !== main);
  const text =
    `For the models placed together: ${main.models.join(', ')} (${main.placement}). Placed apart: ` +
    others.map((g) => `${g.models.join(', ')} (${g.placement})`).join('; ') +
    '; placement analyze shows every group.';
  return wrapText(text, width, '', '  ');
}

/** The section for the terminal and text view, at most `width` columns. */
export function portfolioLines(r: Report, width: number, c: ChalkInstance): string[] {
  const p = portfolioSection(r);
  if (p === null) return [];
  return [
    '',
    c.bold.underline(p.title),
    fitTable(p.head, p.rows, width, c),
    ...p.sentences.flatMap((text) => wrapText(text, width, '  ', '  ')),
  ];
}
