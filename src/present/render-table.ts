/**
 * The terminal view of a report: the decision first, then the numbers behind it. Returns text;
 * colour comes from the chalk instance passed in (level 0 for plain output).
 */
import type { ChalkInstance } from 'chalk';
import type { Report } from '../report/build-report.js';
import { OPTION_LABEL } from './labels.js';
import { compact, fixed, level, money, orDash, percent, windowDays } from './format.js';
import { checkText, STATUS_MARK, triggerLine } from './metric-format.js';
import { sparkline } from './sparkline.js';
import { reservedLine } from './reserved-line.js';
import { decisionLines } from './decision-block.js';
import { DEFAULT_WIDTH, fitLines, fitTable, wrapText } from './fit.js';
import { confidenceLine } from './confidence-line.js';
import { costChart } from './cost-chart.js';
import { breakdownRows } from './breakdown-rows.js';
import { portfolioLines } from './portfolio-section.js';

function describeInput(i: Report['utilization']['input']): string {
  const parts = [
    `${i.format}${i.gzip ? ' (gzip)' : ''}`,
    i.unit,
    `${i.rows.toLocaleString('en-US')} ${i.format === 'prometheus-api' ? 'points averaged by the store' : 'rows'}`,
  ];
  if (i.gpus > 1) parts.push(`${i.gpus} GPUs`);
  if (i.resolutionMs !== null) parts.push(`every ${formatDuration(i.resolutionMs)}`);
  if (i.badRows > 0) parts.push(`${i.badRows} bad rows left out`);
  return parts.join(', ');
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(1)} min`;
  return `${+(ms / 3_600_000).toFixed(1)} h`;
}

/** Triggers a terminal view lists before pointing at --details. */
const TERMINAL_TRIGGERS = 6;

export interface ViewOptions {
  /** Columns of the terminal (or of COLUMNS, 80 when unknown): no line is wider. */
  width: number;
  /** Everything: the hour histogram, the cost chart and the repatriation checks besides the essentials. */
  details: boolean;
}

/** Daily means as a sparkline of at most `room` bars: neighbouring days averaged when there are more. */
function fittedSparkline(values: ReadonlyArray<number>, room: number): string {
  if (values.length <= room) return sparkline(values);
  const per = values.length / room;
  return sparkline(
    Array.from({ length: room }, (_, i) => {
      const part = values.slice(Math.floor(i * per), Math.floor((i + 1) * per));
      return part.reduce((a, b) => a + b, 0) / Math.max(1, part.length);
    }),
  );
}

export function renderTable(
  r: Report,
  c: ChalkInstance,
  view: ViewOptions = { width: DEFAULT_WIDTH, details: true },
): string {
  const cur = r.currency;
  const width = Math.min(view.width, 200);
  const out: string[] = [];
  const section = (title: string): void => {
    out.push('', c.bold.underline(title));
  };
  const prose = (text: string, colour: (s: string) => string = (x) => x, indent = '  '): void => {
    out.push(...wrapText(text, width, indent, '  ').map(colour));
  };
  const v = r.verdict;

  // The decision: never wider than 80 columns, whatever the terminal.
  const blockWidth = Math.min(width, DEFAULT_WIDTH);
  for (const line of decisionLines(r)) {
    if (line.kind === 'headline') {
      const text = line.text.replace(
        / · (PROVISIONAL|firm) · /,
        (_m, st: string) => ` · ${st === 'PROVISIONAL' ? c.bold.yellow(st) : st} · `,
      );
      out.push(c.bold(text.replace(v.placement, c.green(v.placement))));
    } else out.push(...wrapText(line.text, blockWidth).map((l) => (line.kind === 'plan' ? c.bold(l) : l)));
  }
  const confidence = confidenceLine(r);
  if (confidence !== null) out.push(...wrapText(confidence, blockWidth));

  section('Why');
  // The sizing is told under the breakdown.
  for (const reason of v.reasons) if (reason.code !== 'reserved-sizing') prose(`• ${reason.message}`);
  if (v.colocation) {
    prose(
      `! Co-locate inference with the vector index (${v.colocation.indexLocation}): serving from ${v.colocation.placementLocation} costs ${money(v.colocation.separationCostPerMonth, cur)} a month in retrieval traffic`,
      (l) => c.yellow(l),
    );
  }

  out.push(...portfolioLines(r, width, c));

  // Utilization and tokens
  const u = r.utilization;
  section('Utilization');
  const w = u.window;
  const days = windowDays(u);
  prose(
    w.start === null || days === null
      ? `assumed ${percent(u.mean)} flat (no history)`
      : `${u.source}: ${days.first} → ${days.last}, ${w.days}-day window, coverage ${percent(w.coverage as number)}`,
  );
  if (u.input.rows > 0 && u.input.format !== 'samples') prose(`read as ${describeInput(u.input)}`);
  prose(
    `mean ${percent(u.mean)}   consistent (p20) ${percent(u.consistent)}   p50 ${percent(u.percentiles.p50)}   p95 ${percent(u.percentiles.p95)}`,
  );
  // A line of its own: at 80 columns a figure is never parted from its label.
  prose(
    `peak/median ${orDash(u.peakToMedian, fixed)}   trend ${orDash(u.trendPerMonth, (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pts/month`)}`,
  );
  if (u.dailyMeans.length > 1) {
    const label = '  daily means  ';
    out.push(
      `${label}${fittedSparkline(
        u.dailyMeans.map((d) => d.utilization),
        width - label.length,
      )}`,
    );
    out.push(`${' '.repeat(label.length)}${u.dailyMeans[0]?.date} → ${u.dailyMeans.at(-1)?.date}`);
  }
  const most = Math.max(...u.histogram, 0);
  if (view.details && most > 0) {
    u.histogram.forEach((n, i) => {
      out.push(
        `  ${`${i * 10}–${i * 10 + 10}%`.padStart(8)} ${'▇'.repeat(Math.round((n / most) * 30)).padEnd(30)} ${n} h`,
      );
    });
  }
  const streaks = Object.entries(u.sustainedDays)
    .map(([k, d]) => `≥${level(Number(k))}: ${orDash(d, String)}`)
    .join('   ');
  prose(`days held  ${streaks}   below 50%: ${orDash(u.daysBelow['0.5'], String)}`);
  const t = r.tokens;
  prose(
    t.source === null
      ? 'tokens: no history'
      : `tokens: ${t.days} days, ${orDash(t.dailyMean, compact)} tokens/day, cv ${orDash(t.cv, fixed)}, trend ${orDash(t.trendPerMonth, percent)}/month → ${t.stable === null ? 'stability unknown' : t.stable ? 'stable' : 'not stable'}`,
  );
  prose(
    `traffic: ${r.traffic.internetGBPerMonth.toLocaleString('en-US')} GB/month to users, ${r.traffic.retrievalGBPerMonth.toLocaleString('en-US')} GB/month retrieval; egress share of cloud compute ${orDash(r.traffic.egressShare, percent)}${r.traffic.material ? ' (material)' : ''}`,
  );

  // Threshold table
  section(`Monthly cost by utilization (${cur}; * cheapest)`);
  const ids = r.options.map((o) => o.id);
  const head = [
    'option',
    ...r.thresholds.map((row) =>
      row.utilization === 'measured' ? `measured ${percent(u.mean)}` : level(row.utilization),
    ),
  ];
  const rows = ids.map((id) => [
    OPTION_LABEL[id] ?? id,
    ...r.thresholds.map((row) => {
      const text = money(row.monthly[id] as number, cur);
      return row.cheapest === id ? c.green(`${text} *`) : text;
    }),
  ]);
  out.push(fitTable(head, rows, width, c));
  const chart = view.details ? costChart(r) : [];
  if (chart.length > 0)
    out.push('', `  Monthly cost (${cur}) at flat utilization, 0–100 %:`, ...chart.map((l) => `  ${l}`));

  // Breakdown at the measured profile
  section('At the measured profile, per month');
  const breakdown = breakdownRows(r).map((row) =>
    row.strong ? [c.bold(row.label), ...row.cells.map((x) => c.bold(x))] : [row.label, ...row.cells],
  );
  out.push(fitTable(['', ...ids.map((id) => OPTION_LABEL[id] ?? id)], breakdown, width, c));
  const reservedText = reservedLine(r);
  if (reservedText !== null) prose(reservedText);

  // Repatriation conditions: the failing ones always, all four in detail.
  section(`Repatriation threshold: ${r.repatriation.met ? c.green('met') : c.red('not met')}`);
  const mark = {
    met: c.green(STATUS_MARK.met),
    'not-met': c.red(STATUS_MARK['not-met']),
    unknown: c.yellow(STATUS_MARK.unknown),
  } as const;
  for (const cond of r.repatriation.conditions) {
    if (!view.details && cond.status === 'met') continue;
    out.push(
      ...wrapText(
        `${STATUS_MARK[cond.status]} ${cond.id.padEnd(12)} ${cond.checks.map(checkText).join('; ')}`,
        width,
        '  ',
        '    ',
      ).map((l, i) => (i === 0 ? l.replace(STATUS_MARK[cond.status], mark[cond.status]) : l)),
    );
  }

  // None fires in the analysis that made the verdict: each is where the decision should reopen.
  section('When to look again');
  // On a terminal, the triggers a measurement can reach first; --details lists every one.
  const shownTriggers = view.details
    ? r.triggers
    : r.triggers.filter((t) => t.kind === 'metric').slice(0, TERMINAL_TRIGGERS);
  for (const trig of shownTriggers) prose(`○ ${triggerLine(trig, cur)}`);
  if (shownTriggers.length < r.triggers.length)
    prose(c.dim(`… ${r.triggers.length - shownTriggers.length} more, among them the ones reviewed by hand: --details`));

  if (r.billing !== null) {
    const b = r.billing;
    section(`Billing export (${b.input.source}, ${b.months} month${b.months === 1 ? '' : 's'}, ${b.input.costColumn})`);
    prose(
      `per month: data transfer ${Math.round(b.meanMonthly.transferGB).toLocaleString('en-US')} GB for ${money(b.meanMonthly.transferCost, cur)}; GPU compute ${money(b.meanMonthly.gpuComputeCost, cur)}; all charges ${money(b.meanMonthly.totalCost, cur)}`,
    );
    prose(
      b.difference === null
        ? 'no GPU compute rows matched, so the model cannot be reconciled with the bill (set billing.gpuPattern)'
        : `the model's cloud compute ${money(b.modelCloudCompute, cur)}/month is ${money(Math.abs(b.difference), cur)} (${percent(Math.abs(b.relativeDifference as number))}) ${b.difference >= 0 ? 'above' : 'below'} the billed GPU compute`,
    );
  }

  if (r.warnings.length > 0) {
    section('Warnings');
    for (const w2 of r.warnings) prose(`! ${w2.message}`, (l) => c.yellow(l));
  }
  if (!view.details)
    out.push('', c.dim('More: --details (the hour histogram, the cost chart, every repatriation check).'));
  return `${fitLines(out.join('\n'), width)}\n`;
}
