import type { ChalkInstance } from 'chalk';
import type { MonteCarlo, Spread } from '../model/uncertainty/monte-carlo.js';
import { describeDistribution } from '../model/uncertainty/distributions.js';
import { OPTION_LABEL } from './labels.js';
import { money, percentsOfWhole } from './format.js';
import { DEFAULT_WIDTH, fitLines, fitTable } from './fit.js';

/** The terminal view of `placement simulate`. */
export function renderSimulation(
  mc: MonteCarlo,
  name: string,
  baseVerdict: string,
  currency: string,
  c: ChalkInstance,
  width = DEFAULT_WIDTH,
): string {
  const out: string[] = [
    `${c.bold('placement simulate')} · ${name} · ${mc.trials.toLocaleString('en-US')} trials, seed ${mc.seed}`,
    '',
    c.bold.underline('Uncertain inputs'),
    ...mc.fields.map((f) => `  ${f.field}: ${describeDistribution(f.distribution)}`),
    '',
    c.bold.underline('Verdict'),
  ];
  const shown = percentsOfWhole(mc.placements.map((p) => p.probability));
  mc.placements.forEach((p, i) =>
    out.push(
      `  ${(shown[i] as string).padStart(6)}  ${p.placement}${p.placement === baseVerdict ? c.dim('  (the verdict at the means)') : ''}`,
    ),
  );
  const cells = (s: Spread): string[] => [s.p10, s.p50, s.p90, s.mean].map((x) => money(x, currency));
  const rows = [
    ...mc.monthly.map((m) => [`${OPTION_LABEL[m.id] ?? m.id} a month`, ...cells(m.spread)]),
    ...mc.npv.map((n) => [`NPV of ${OPTION_LABEL[n.id] ?? n.id} vs cloud`, ...cells(n.spread)]),
  ];
  out.push('', c.bold.underline(`Spread (${currency})`), fitTable(['', 'P10', 'P50', 'P90', 'mean'], rows, width, c));
  return `${fitLines(out.join('\n'), width)}\n`;
}
