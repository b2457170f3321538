/**
 * A portfolio's section, in every view: each model alone against its share of the pool, what
 * pooling saves, and the residency that serves no traffic. The words are here; each view lays
 * them out.
 */
import type { ChalkInstance } from 'chalk';
import type { Report } from '../report/report-schema.js';
import { fitTable, wrapText } from './fit.js';
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
  const sentences = [
    p.poolingBenefit > 0
      ? `Pooled, the plan costs ${money(p.pooledMonthly, cur)} a month against ${money(p.standAloneMonthly, cur)} for each model on a fleet of its own: pooling saves ${money(p.poolingBenefit, cur)} a month, shared back in proportion to what each would cost alone.`
      : `Pooled, the plan costs ${money(p.pooledMonthly, cur)} a month, as much as each model on a fleet of its own (${money(p.standAloneMonthly, cur)}): their peaks coincide.`,
  ];
  const canaries = p.models.reduce((t, m) => t + m.canaryGpuHours + m.shadowGpuHours, 0);
  sentences.push(
    `${percent(p.notServingShare)} of the resident GPU-hours serve no traffic: warm floors kept above the load${canaries > 0 ? ', canaries and shadow paths' : ''}.`,
  );
  const resident = p.models.reduce(
    (t, m) => t + m.servingGpuHours + m.warmFloorGpuHours + m.canaryGpuHours + m.shadowGpuHours,
    0,
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
  return {
    title: `Portfolio: ${p.models.length} models on one fleet`,
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
