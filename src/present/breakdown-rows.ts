/**
 * The table of each option at the measured profile — its components, total and the figures of
 * owning — as plain text cells, for the terminal and the HTML views alike.
 */
import type { Report } from '../report/build-report.js';
import { money, months, orDash, percent, rate } from './format.js';
import { signedPercent } from './metric-format.js';

/** Display names, in display order: what the capacity costs, then the traffic. */
export const COMPONENT_NAMES: Record<string, string> = {
  compute: 'compute',
  reserved: 'reserved capacity',
  upfront: 'upfront (spread)',
  overflow: 'overflow to cloud',
  depreciation: 'depreciation',
  interest: 'financing interest',
  lease: 'lease',
  power: 'power',
  facility: 'facility / colo',
  staff: 'staff',
  support: 'support',
  software: 'software',
  network: 'network',
  goodputLoss: 'lost goodput (uplift)',
  supportEffort: 'support effort (uplift)',
  burst: 'burst to cloud',
  opex: 'site opex',
  backhaul: 'backhaul',
  internetEgress: 'internet egress',
  retrieval: 'retrieval traffic',
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
    row(
      COMPONENT_NAMES[name] ?? name,
      r.options.map((o) => (o.monthly[name] === undefined ? '' : money(o.monthly[name], cur))),
    );
  }
  row(
    'total',
    r.options.map((o) => money(o.monthly.total as number, cur)),
    true,
  );
  const g = r.growth;
  if (g.applied) {
    const how =
      g.source === 'fitted' ? `trend ${signedPercent(g.perMonth)}/month` : `growth ${percent(g.perMonth)}/month`;
    row(
      `horizon average (${how})`,
      r.options.map((o) => money(o.horizonAverageMonthly, cur)),
    );
  }
  row(
    'per busy GPU-hour',
    r.options.map((o) => orDash(o.costPerBusyGpuHour, (x) => rate(x, cur))),
  );
  if (r.options.some((o) => o.costPerMillionTokens !== null))
    row(
      'per 1M tokens',
      r.options.map((o) => orDash(o.costPerMillionTokens, (x) => rate(x, cur))),
    );
  row(
    'break-even utilization',
    r.options.map((o) => (o.id === 'cloud' ? '' : orDash(o.breakEvenUtilization, percent))),
  );
  row(
    'payback',
    r.options.map((o) => orDash(o.paybackMonths, months)),
  );
  row(
    'discounted payback',
    r.options.map((o) => orDash(o.discountedPaybackMonths, months)),
  );
  row(
    'NPV of owning vs cloud',
    r.options.map((o) => orDash(o.npv, (x) => money(x, cur))),
  );
  row(
    'IRR of owning vs cloud',
    r.options.map((o) => (o.irr !== null ? percent(o.irr) : (o.irrNote ?? '–'))),
  );
  if (r.options.some((o) => o.npvVsBestRented !== null && o.npvVsBestRented !== o.npv)) {
    row(
      'NPV vs best rented',
      r.options.map((o) => orDash(o.npvVsBestRented, (x) => money(x, cur))),
    );
  }
  if (r.options.some((o) => o.financedNpv !== null))
    row(
      'NPV with financing',
      r.options.map((o) => orDash(o.financedNpv, (x) => money(x, cur))),
    );
  return rows;
}
