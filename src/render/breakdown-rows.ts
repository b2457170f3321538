/**
 * The table of each option at the measured profile — its components, total and the figures of
 * owning — as plain text cells, for the terminal and the HTML views alike.
 */
import type { Report } from '../report/build-report.js';
import { money, months, orDash, percent, rate } from './format.js';

/** Display names, in display order: what the capacity costs, then the traffic. */
export const COMPONENT_NAMES: Record<string, string> = {
  compute: 'compute', reserved: 'reserved capacity', upfront: 'upfront (spread)', overflow: 'overflow to cloud',
  depreciation: 'depreciation', interest: 'financing interest', lease: 'lease', power: 'power', facility: 'facility / colo',
  staff: 'staff', support: 'support', software: 'software', network: 'network',
  goodputLoss: 'lost goodput (uplift)', supportEffort: 'support effort (uplift)', burst: 'burst to cloud',
  opex: 'site opex', backhaul: 'backhaul', internetEgress: 'internet egress', retrieval: 'retrieval traffic',
};

export interface BreakdownRow {
  label: string;
  /** One per option, in the report's order. */
  cells: string[];
  /** The total line. */
  strong: boolean;
}

export function breakdownRows(r: Report): BreakdownRow[] {
  const cur = r.currency;
  const rows: BreakdownRow[] = [];
  const row = (label: string, cells: string[], strong = false): void => {
    rows.push({ label, cells, strong });
  };
  for (const name of Object.keys(COMPONENT_NAMES)) {
    if (r.options.every((o) => !o.monthly[name])) continue;
    row(COMPONENT_NAMES[name] ?? name, r.options.map((o) => (o.monthly[name] === undefined ? '' : money(o.monthly[name], cur))));
  }
  row('total', r.options.map((o) => money(o.monthly.total as number, cur)), true);
  const g = r.utilization.growth.perMonth;
  if (g !== 0) row(`average month over the horizon (growth ${percent(g)}/month)`, r.options.map((o) => money(o.horizonAverageMonthly, cur)));
  row('per busy GPU-hour', r.options.map((o) => orDash(o.costPerBusyGpuHour, (x) => rate(x, cur))));
  if (r.options.some((o) => o.costPerMillionTokens !== null)) row('per 1M tokens', r.options.map((o) => orDash(o.costPerMillionTokens, (x) => rate(x, cur))));
  row('break-even utilization', r.options.map((o) => (o.id === 'cloud' ? '' : orDash(o.breakEvenUtilization, percent))));
  row('payback', r.options.map((o) => orDash(o.paybackMonths, months)));
  row('discounted payback', r.options.map((o) => orDash(o.discountedPaybackMonths, months)));
  row('NPV of owning vs cloud', r.options.map((o) => orDash(o.npv, (x) => money(x, cur))));
  row('IRR of owning vs cloud', r.options.map((o) => orDash(o.irr, percent)));
  return rows;
}
