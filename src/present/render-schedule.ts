/** The ownership schedule as a table, CSV (one row per month) or JSON. */
import type { ChalkInstance } from 'chalk';
import { DEFAULT_WIDTH, fitLines, fitTable } from './fit.js';
import type { OwnershipSchedule } from '../model/ownership/ownership-schedule.js';
import { money } from './format.js';

const TOTAL_COLUMNS = [
  'purchases',
  'depreciation',
  'interest',
  'principal',
  'loanPayment',
  'opex',
  'cashOut',
  'accrualCost',
] as const;

/** The schedule as JSON: lines with their months, and the months in total. */
export function scheduleJson(s: OwnershipSchedule, meta: Record<string, unknown>): string {
  return `${JSON.stringify(
    {
      ...meta,
      lines: s.lines.map((l) => ({
        name: l.name,
        method: l.method,
        factor: l.factor,
        months: l.months.map(({ month, purchase, depreciation, bookValue }) => ({
          month,
          purchase,
          depreciation,
          bookValue,
        })),
      })),
      months: s.months.map((m) => ({ ...m, bookValue: bookValueAt(s, m.month) })),
      bookValueAtHorizon: s.bookValueAtHorizon,
      balanceAtHorizon: s.balanceAtHorizon,
    },
    null,
    2,
  )}\n`;
}

const bookValueAt = (s: OwnershipSchedule, month: number): number =>
  s.lines.reduce((sum, l) => sum + (l.months[month - 1]?.bookValue ?? 0), 0);

/** CSV, one row per month: the totals, book value, then each line's depreciation and book value. */
export function scheduleCsv(s: OwnershipSchedule): string {
  const lineCols = s.lines.flatMap((l, i) => [`line${i + 1}_depreciation`, `line${i + 1}_bookValue`]);
  const rows = [['month', ...TOTAL_COLUMNS, 'bookValue', ...lineCols].join(',')];
  for (const m of s.months) {
    rows.push(
      [
        m.month,
        ...TOTAL_COLUMNS.map((c) => m[c]),
        bookValueAt(s, m.month),
        ...s.lines.flatMap((l) => {
          const lm = l.months[m.month - 1];
          return [lm?.depreciation ?? 0, lm?.bookValue ?? 0];
        }),
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}

export function scheduleTable(
  s: OwnershipSchedule,
  currency: string,
  analyzeMonthly: number,
  c: ChalkInstance,
  width = DEFAULT_WIDTH,
): string {
  const out: string[] = [];
  for (const l of s.lines)
    out.push(`${c.bold(l.name)}: ${l.method}${l.factor === null ? '' : ` (factor ${l.factor})`}`);
  const m$ = (x: number): string => money(x, currency);
  const rows = s.months.map((m) => [
    String(m.month),
    m.purchases ? m$(m.purchases) : '',
    m$(m.depreciation),
    m$(bookValueAt(s, m.month)),
    m.loanPayment ? m$(m.loanPayment) : '',
    m.interest ? m$(m.interest) : '',
    m.principal ? m$(m.principal) : '',
    m$(m.opex),
    m$(m.cashOut),
    m$(m.accrualCost),
  ]);
  const sum = (k: (typeof TOTAL_COLUMNS)[number]): number => s.months.reduce((a, m) => a + m[k], 0);
  rows.push([
    c.bold('total'),
    m$(sum('purchases')),
    m$(sum('depreciation')),
    '',
    m$(sum('loanPayment')),
    m$(sum('interest')),
    m$(sum('principal')),
    m$(sum('opex')),
    c.bold(m$(sum('cashOut'))),
    c.bold(m$(sum('accrualCost'))),
  ]);
  out.push(
    fitTable(
      [
        'month',
        'purchases',
        'depreciation',
        'book value',
        'loan payment',
        'interest',
        'principal',
        'opex',
        'cash out',
        'accrual cost',
      ],
      rows,
      width,
      c,
    ),
  );
  const h = s.months.length;
  out.push(
    `Book value at month ${h}: ${m$(s.bookValueAtHorizon)}${s.balanceAtHorizon >= 0.005 ? `; loan balance still owed: ${m$(s.balanceAtHorizon)}` : ''}`,
  );
  out.push(
    `Accrual cost over ${h} months ${m$(sum('accrualCost'))} = ${h} × ${m$(analyzeMonthly)}, the on-prem month averaged over the horizon in \`placement analyze\` (horizonAverageMonthly)`,
  );
  return `${fitLines(out.join('\n'), width)}\n`;
}
