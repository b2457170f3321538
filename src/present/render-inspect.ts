/** The `inspect` view: what was read from one input, for a person to check before trusting it. */
import type { ChalkInstance } from 'chalk';
import type { TokenStats } from '../model/signals/token-stats.js';
import type { UtilizationProfile } from '../model/utilization/utilization-profile.js';
import type { Warning } from '../model/warning.js';
import type { BillingMonth } from '../model/signals/billing-reconciliation.js';
import type { UtilizationSummary } from '../input/read-utilization.js';
import type { RowCounts } from '../input/readers/row-reader.js';
import { messageFor } from './messages.js';
import { dayNumberToIso } from '../model/time/zone.js';
import { compact, fixed, level, money, orDash, percent } from './format.js';
import { formatDuration } from './render-table.js';

export type Inspection =
  | {
      kind: 'utilization';
      file: string;
      timezone: string;
      summary: UtilizationSummary;
      profile: UtilizationProfile;
      warnings: Warning[];
    }
  | { kind: 'tokens'; file: string; timezone: string; format: string; counts: RowCounts; stats: TokenStats | null }
  | {
      kind: 'billing';
      file: string;
      costColumn: string;
      currency: string | null;
      counts: RowCounts;
      months: BillingMonth[];
    };

const iso = (ms: number | null): string =>
  ms === null || !Number.isFinite(ms) ? '–' : new Date(ms).toISOString().replace('.000Z', 'Z');

function badRowLines(counts: RowCounts, c: ChalkInstance): string[] {
  if (counts.badRows === 0) return [];
  const out = [c.yellow(`  ${counts.badRows} bad rows left out, e.g.:`)];
  for (const b of counts.badExamples)
    out.push(
      c.yellow(
        `    ${b.line === null ? (b.location ?? '') : `line ${b.line}`}${b.column ? `:${b.column}` : ''}: ${b.field ? `${b.field}: ` : ''}${b.message}`,
      ),
    );
  return out;
}

/** The rows that gave no sample or a doubtful one, those there are; or that there are none. */
function rowProblems(s: UtilizationSummary): string {
  const problems = (
    [
      [s.unavailableRows, 'unavailable'],
      [s.badRows, 'bad'],
      [s.duplicates, 'duplicate'],
      [s.outOfOrder, 'out of order'],
    ] as const
  ).filter(([n]) => n > 0);
  return problems.length === 0
    ? ', all readable, none repeated, in order'
    : `; ${problems.map(([n, what]) => `${n.toLocaleString('en-US')} ${what}`).join(', ')}`;
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export function renderInspect(i: Inspection, c: ChalkInstance): string {
  const out: string[] = [`${c.bold(i.file)} — ${i.kind}`];
  if (i.kind === 'utilization') {
    const s = i.summary;
    const p = i.profile;
    const w = p.window;
    out.push(
      `  format      ${s.format}${s.gzip ? ' (gzip)' : ''}, unit ${s.unit}, times in ${i.timezone}`,
      s.format === 'prometheus-api'
        ? `  points      ${s.rows.toLocaleString('en-US')}, each averaged by the store over its step`
        : `  rows        ${s.rows.toLocaleString('en-US')} (${s.samples.toLocaleString('en-US')} sample${s.samples === 1 ? '' : 's'}${rowProblems(s)})`,
      `  GPUs        ${s.gpus}`,
      `  range       ${iso(s.first)} → ${iso(s.last)}`,
      `  resolution  ${s.resolutionMs === null ? '–' : formatDuration(s.resolutionMs)}`,
    );
    if (w !== null)
      out.push(
        `  window      last ${w.days} days: ${iso(w.start)} → ${iso(w.end)}`,
        `              ${w.hoursPresent.toLocaleString('en-US')} of ${w.hoursInWindow.toLocaleString('en-US')} hours (coverage ${percent(w.coverage)})`,
      );
    out.push(
      ...badRowLines(
        {
          dataRows: s.rows,
          badRows: s.badRows,
          unavailableRows: s.unavailableRows,
          badExamples: s.badExamples,
          currentLine: null,
        },
        c,
      ),
    );
    out.push(
      '',
      c.bold('  Statistics of hourly fleet utilization'),
      // Two lines of at most five figures each: a label never parted from its value at 80 columns.
      ...chunks(
        [
          `mean ${percent(p.mean)}`,
          `consistent (p20) ${percent(p.consistent)}`,
          ...Object.entries(p.percentiles).map(([k, v]) => `${k} ${percent(v)}`),
        ],
        5,
      ).map((line) => `  ${line.join('   ')}`),
      `  peak/median ${orDash(p.peakToMedian, fixed)}   trend ${orDash(p.trendPerMonth, (x) => `${(x * 100).toFixed(1)} pts/month`)}   days with data ${p.daily.length}`,
      `  days sustained   ${Object.entries(p.sustainedDays)
        .map(([k, d]) => `≥${level(Number(k))}: ${orDash(d, String)}`)
        .join('   ')}   below 50%: ${orDash(p.daysBelow['0.5'], String)}`,
    );
    if (i.warnings.length > 0)
      out.push('', ...i.warnings.map((x) => c.yellow(`  ! ${messageFor(x.code, x.args, 'USD')}`)));
  } else if (i.kind === 'tokens') {
    const t = i.stats;
    out.push(
      `  format      ${i.format}, ${i.counts.dataRows.toLocaleString('en-US')} rows, days in ${i.timezone}`,
      ...badRowLines(i.counts, c),
    );
    if (t !== null) {
      out.push(
        `  days        ${t.days} (${dayNumberToIso(t.firstDay)} → ${dayNumberToIso(t.lastDay)})`,
        `  daily mean  ${compact(t.dailyMean)} tokens   cv ${orDash(t.cv, fixed)}   trend ${orDash(t.trendPerMonth, percent)}/month   → ${t.stable === null ? 'stability unknown' : t.stable ? 'stable' : 'not stable'}`,
      );
    }
  } else {
    const cur = i.currency ?? 'USD';
    out.push(
      `  ${i.counts.dataRows.toLocaleString('en-US')} rows, cost from ${i.costColumn}${i.currency === null ? ' (no BillingCurrency column: shown as USD)' : ''}`,
      ...badRowLines(i.counts, c),
    );
    for (const m of i.months) {
      out.push(
        `  ${m.month}  data transfer ${Math.round(m.transferGB).toLocaleString('en-US')} GB (${money(m.transferCost, cur)})   GPU compute ${money(m.gpuComputeCost, cur)}   all charges ${money(m.totalCost, cur)}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
