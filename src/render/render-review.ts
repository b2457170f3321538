/** Views of a quarterly review (issue 5): the comparison, cron's one-line-per-trigger check, and the history. */
import type { ChalkInstance } from 'chalk';
import { plainTable } from './plain-table.js';
import type { HistoryRead } from '../history/history-file.js';
import type { Report } from '../report/build-report.js';
import type { JudgedTrigger, Review } from '../report/compare-reports.js';
import { judgedLines } from './render-markdown.js';
import { reviewHeadline } from './review-words.js';
import { percent } from './format.js';
import { distanceText, formatKeyNumber, signedPercent, triggerLine } from './metric-format.js';
import { sparkline } from './sparkline.js';

const reviewValue = (metric: string, v: number | null, currency: string): string => (v === null ? '–' : formatKeyNumber(metric, v, currency));

export function renderReviewTable(report: Report, review: Review | null, exitCode: number, ctx: { baseline: string | null }, c: ChalkInstance): string {
  const out: string[] = [`${c.bold('placement review')} · ${report.scenario.name}`];
  const headline = reviewHeadline(report, review, ctx);
  out.push(review?.verdict.changed === true && !review.verdict.insideHysteresis ? c.red.bold(headline) : headline);
  if (review !== null) {
    const t = plainTable(['number', 'previous', 'current', 'change', 'relative'], c);
    for (const m of review.movements) {
      const change = m.change === null ? '–' : `${m.change >= 0 ? '+' : '−'}${reviewValue(m.metric, Math.abs(m.change), report.currency)}`;
      t.push([m.metric, reviewValue(m.metric, m.previous, report.currency), reviewValue(m.metric, m.current, report.currency), change, m.relativeChange === null ? '–' : signedPercent(m.relativeChange)]);
    }
    out.push('', t.toString(), '', c.bold('Triggers of the decision in force, judged today'));
    for (const line of judgedLines(review.triggers, report.currency)) out.push(line.includes('FIRING') ? c.red.bold(`  ${line.slice(2)}`) : `  ${line.slice(2)}`);
  } else {
    out.push('', c.bold('When to look again'));
    for (const t of report.triggers) out.push(`  ○ ${triggerLine(t, report.currency)}`);
  }
  out.push('', exitCode === 3 ? c.red.bold('Exit 3: reopen the placement decision.') : 'Exit 0: nothing to act on.');
  return `${out.join('\n')}\n`;
}

/** `placement check`: one line per trigger of the decision in force, FIRING first, then whether the verdict moved. */
export function renderCheck(
  scenario: string, triggers: ReadonlyArray<JudgedTrigger>, verdict: { inForce: string; today: string; changed: boolean; insideHysteresis: boolean }, noDecision: boolean, currency: string,
): string {
  const state = (t: JudgedTrigger): string => (t.firing ? 'FIRING' : t.kind === 'manual' ? 'manual' : 'ok');
  const lines = [...triggers.filter((t) => t.firing), ...triggers.filter((t) => !t.firing)]
    .map((t) => `${state(t).padEnd(6)} ${scenario} ${t.id}: ${triggerLine({ ...t, current: t.today }, currency)}`);
  if (noDecision) lines.push(`note   ${scenario}: no decision in force was given (--previous): these are today's own triggers, which never fire in the analysis that made them`);
  else if (verdict.changed) {
    lines.push(verdict.insideHysteresis
      ? `note   ${scenario}: today's rules would give ${verdict.today}; no trigger of the decision in force (${verdict.inForce}) has fired: inside the hysteresis band`
      : `note   ${scenario}: today's rules give ${verdict.today}, not ${verdict.inForce}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The trigger that stood nearest to firing at a review, relative to its threshold: "burst-share 2.1 points". */
function nearest(e: HistoryRead['entries'][number]): string {
  const waiting = (e.triggers ?? []).filter((t) => !t.firing && t.distance !== null && t.threshold !== null);
  if (waiting.length === 0) return '–';
  const rel = (t: (typeof waiting)[number]): number => Math.abs(t.distance as number) / Math.max(Math.abs(t.threshold as number), 1e-9);
  const n = waiting.reduce((a, b) => (rel(b) < rel(a) ? b : a));
  return `${n.id} ${distanceText(n.metric ?? '', n.distance as number)}`;
}

export function renderHistory(h: HistoryRead, c: ChalkInstance): string {
  const t = plainTable(['date', 'verdict', 'changed', 'mean util.', 'consistent', 'firing', 'nearest to firing', 'exit'], c);
  for (const e of h.entries) {
    const k = e.keyNumbers;
    const pct = (x: number | null | undefined): string => (x == null ? '–' : percent(x));
    t.push([e.date.slice(0, 10), e.verdict.placement, e.verdict.changed === null ? '–' : e.verdict.changed ? 'yes' : 'no', pct(k['utilization.mean']), pct(k['utilization.consistent']), e.triggersFiring.join(', ') || '–', nearest(e), String(e.exitCode)]);
  }
  const out = [t.toString(), `mean utilization, review by review: ${sparkline(h.entries.map((e) => e.keyNumbers['utilization.mean'] ?? null))}`];
  for (const s of h.skipped) out.push(c.yellow(`! line ${s.line} skipped: ${s.reason}`));
  return `${out.join('\n')}\n`;
}
