import type { ChalkInstance } from 'chalk';
import type { MonteCarlo, Spread } from '../core/monte-carlo.js';
import { describeDistribution } from '../scenario/distributions.js';
import { OPTION_LABEL } from './labels.js';
import { money, percentsOfWhole } from './format.js';
import { plainTable } from './plain-table.js';

/** The terminal view of `placement simulate`. */
export function renderSimulation(mc: MonteCarlo, name: string, baseVerdict: string, currency: string, c: ChalkInstance): string {
  const out: string[] = [
    `${c.bold('placement simulate')} · ${name} · ${mc.trials.toLocaleString('en-US')} trials, seed ${mc.seed}`,
    '',
    c.bold.underline('Uncertain inputs'),
    ...mc.fields.map((f) => `  ${f.field}: ${describeDistribution(f.distribution)}`),
    '',
    c.bold.underline('Verdict'),
  ];
  const shown = percentsOfWhole(mc.placements.map((p) => p.probability));
  mc.placements.forEach((p, i) => out.push(`  ${(shown[i] as string).padStart(6)}  ${p.placement}${p.placement === baseVerdict ? c.dim('  (the verdict at the means)') : ''}`));
  const table = plainTable(['', 'P10', 'P50', 'P90', 'mean'], c);
  const cells = (s: Spread): string[] => [s.p10, s.p50, s.p90, s.mean].map((x) => money(x, currency));
  for (const m of mc.monthly) table.push([`${OPTION_LABEL[m.id] ?? m.id} a month`, ...cells(m.spread)]);
  for (const n of mc.npv) table.push([`NPV of ${OPTION_LABEL[n.id] ?? n.id} vs cloud`, ...cells(n.spread)]);
  out.push('', c.bold.underline(`Spread (${currency})`), table.toString());
  return `${out.join('\n')}\n`;
}
