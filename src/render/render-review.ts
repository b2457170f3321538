/** Views of a quarterly review (issue 5): the comparison, cron's one-line-per-trigger check, and the history. */
import type { ChalkInstance } from 'chalk';
import { plainTable } from './plain-table.js';
import type { Comparator } from '../core/verdict/check.js';
import type { HistoryRead } from '../history/history-file.js';
import type { Report } from '../report/build-report.js';
import type { Review } from '../report/compare-reports.js';
import { percent } from './format.js';
import { formatKeyNumber, metricValue, signedPercent, thresholdText } from './metric-format.js';
import { sparkline } from './sparkline.js';

const reviewValue = (metric: string, v: number | null, currency: string): string => (v === null ? '–' : formatKeyNumber(metric, v, currency));

export function renderReviewTable(report: Report, review: Review | null, exitCode: number, c: ChalkInstance): string {
  const out: string[] = [`${c.bold('placement review')} · ${report.scenario.name}`];
  if (review === null) out.push(`Verdict: ${c.bold(report.verdict.placement)} (no previous report to compare with)`);
  else {
    const v = review.verdict;
    out.push(v.changed
      ? c.red.bold(`Verdict changed: ${v.previous} → ${v.current}`)
      : `Verdict unchanged: ${c.bold(v.current)} (previous report ${review.previousGeneratedAt.slice(0, 10)})`);
    const t = plainTable(['number', 'previous', 'current', 'change', 'relative'], c);
    for (const m of review.movements) {
      const change = m.change === null ? '–' : `${m.change >= 0 ? '+' : '−'}${reviewValue(m.metric, Math.abs(m.change), report.currency)}`;
      t.push([m.metric, reviewValue(m.metric, m.previous, report.currency), reviewValue(m.metric, m.current, report.currency), change, m.relativeChange === null ? '–' : signedPercent(m.relativeChange)]);
    }
    out.push('', t.toString());
  }
  out.push('', c.bold('Triggers'));
  for (const trig of report.triggers) {
    const before = review?.triggers.find((x) => x.id === trig.id);
    const was = before === undefined || before.previous === null ? '' : ` (was ${metricValue(trig.metric ?? '', before.previous)})`;
    const rule = trig.kind === 'manual' ? '(manual)' : `now ${metricValue(trig.metric as string, trig.current)}${was}, fires at ${thresholdText(trig.metric as string, trig.comparator as Comparator, trig.threshold as number)}`;
    const line = `${trig.id}: ${trig.description}: ${rule}`;
    out.push(trig.firing ? c.red.bold(`  ● ${before?.startedFiring ? 'STARTED FIRING' : 'FIRING'} ${line}`) : `  ○ ${line}`);
  }
  out.push('', exitCode === 3 ? c.red.bold('Exit 3: reopen the placement decision.') : 'Exit 0: nothing to act on.');
  return `${out.join('\n')}\n`;
}

/** `placement check`: one line per trigger, FIRING first. */
export function renderCheck(report: Report): string {
  const lines = report.triggers.map((t) => {
    const state = t.firing ? 'FIRING' : t.kind === 'manual' ? 'manual' : 'ok';
    const detail = t.kind === 'manual' ? '' : ` (now ${metricValue(t.metric as string, t.current)}, fires at ${thresholdText(t.metric as string, t.comparator as Comparator, t.threshold as number)})`;
    return `${state.padEnd(6)} ${report.scenario.name} ${t.id}: ${t.description}${detail}`;
  });
  return `${[...lines.filter((l) => l.startsWith('FIRING')), ...lines.filter((l) => !l.startsWith('FIRING'))].join('\n')}\n`;
}

export function renderHistory(h: HistoryRead, c: ChalkInstance): string {
  const t = plainTable(['date', 'verdict', 'changed', 'mean util.', 'consistent', 'on-prem break-even', 'firing', 'exit'], c);
  for (const e of h.entries) {
    const k = e.keyNumbers;
    const pct = (x: number | null | undefined): string => (x == null ? '–' : percent(x));
    t.push([e.date.slice(0, 10), e.verdict.placement, e.verdict.changed === null ? '–' : e.verdict.changed ? 'yes' : 'no', pct(k['utilization.mean']), pct(k['utilization.consistent']), pct(k['onprem.breakEvenUtilization']), e.triggersFiring.join(', ') || '–', String(e.exitCode)]);
  }
  const out = [t.toString(), `mean utilization, review by review: ${sparkline(h.entries.map((e) => e.keyNumbers['utilization.mean'] ?? null))}`];
  for (const s of h.skipped) out.push(c.yellow(`! line ${s.line} skipped: ${s.reason}`));
  return `${out.join('\n')}\n`;
}
