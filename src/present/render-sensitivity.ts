/** The sensitivity tornado: inputs sorted by how far they move the monthly saving. */
import type { ChalkInstance } from 'chalk';
import { DEFAULT_WIDTH, fitLines, fitTable } from './fit.js';
import type { Sensitivity } from '../model/uncertainty/sensitivity.js';
import { money, orDash, percent } from './format.js';

const WIDTH = 24;

export function renderSensitivity(
  s: Sensitivity,
  name: string,
  currency: string,
  c: ChalkInstance,
  width = DEFAULT_WIDTH,
): string {
  const max = Math.max(...s.rows.map((r) => r.swing), 1e-9);
  const rows: string[][] = [];
  const m = (x: number | null): string => orDash(x, (v) => money(v, currency));
  for (const r of s.rows) {
    const bar = '█'.repeat(Math.round((r.swing / max) * WIDTH));
    const be =
      r.low.onPremBreakEven === null && r.high.onPremBreakEven === null
        ? '–'
        : `${orDash(r.low.onPremBreakEven, percent)} → ${orDash(r.high.onPremBreakEven, percent)}`;
    const verdict = r.flipsVerdict ? c.red.bold(`FLIPS: ${r.low.placement} / ${r.high.placement}`) : 'holds';
    rows.push([r.id, m(r.low.monthlySaving), m(r.high.monthlySaving), m(r.swing), bar, be, verdict]);
  }
  const whatIf = s.whatIf.map(
    (w) =>
      `  ${w.lever === 'all' ? 'all levers together' : `${w.lever}=${w.value}`}: demand ×${w.demandMultiplier.toFixed(3)} → verdict ${w.flipsVerdict ? c.red.bold(w.outcome.placement) : w.outcome.placement}, saving ${m(w.outcome.monthlySaving)}`,
  );
  const table = fitTable(
    [
      'input',
      `saving at −${percent(s.range)}`,
      `at +${percent(s.range)}`,
      'swing',
      '',
      'on-prem break-even',
      'verdict',
    ],
    rows,
    width,
    c,
  );
  return `${fitLines(
    `${c.bold('placement sensitivity')} · ${name}: each input moved ±${percent(s.range)}, the model re-run
Base: verdict ${c.bold(s.base.placement)}; monthly saving of the cheapest alternative to cloud ${m(s.base.monthlySaving)}; on-prem break-even ${orDash(s.base.onPremBreakEven, percent)}
${table}
${whatIf.length > 0 ? `${c.bold('What-if levers on demand')}\n${whatIf.join('\n')}` : ''}`,
    width,
  )}\n`;
}
