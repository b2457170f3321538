/** Views of a quarterly review: the comparison, cron's one-line-per-trigger check, and the history. */
import type { ChalkInstance } from 'chalk';
import { DEFAULT_WIDTH, fitLines, fitTable } from './fit.js';
import type { HistoryRead } from '../report/history-file.js';
import type { Report } from '../report/build-report.js';
import type { JudgedTrigger, Review } from '../report/compare-reports.js';
import {
  judgedLines,
  limitLines,
  MODEL_CHANGE_HEAD,
  modelChangeRows,
  movementRows,
  reviewHeadline,
} from './review-words.js';
import { percent } from './format.js';
import { distanceText, triggerLine } from './metric-format.js';
import { sparkline } from './sparkline.js';

export function renderReviewTable(
  report: Report,
  review: Review | null,
  exitCode: number,
  ctx: { baseline: string | null },
  c: ChalkInstance,
  width = DEFAULT_WIDTH,
): string {
  const out: string[] = [`${c.bold('placement review')} · ${report.scenario.name}`];
  const headline = reviewHeadline(report, review, ctx);
  out.push(review?.verdict.changed === true && !review.verdict.insideHysteresis ? c.red.bold(headline) : headline);
  if (review !== null) {
    out.push(
      '',
      fitTable(
        ['number', 'previous', 'current', 'change', 'relative'],
        movementRows(review, report.currency),
        width,
        c,
      ),
      ...(review.models === null
        ? []
        : [
            '',
            fitTable(MODEL_CHANGE_HEAD, modelChangeRows(review, report.currency), width, c),
            '',
            c.bold("The portfolio's limits, judged today"),
            ...limitLines(review).map((l) => (l.startsWith('  NEW') ? c.red.bold(l) : l)),
          ]),
      '',
      c.bold('Triggers of the decision in force, judged today'),
    );
    for (const line of judgedLines(review.triggers, report.currency))
      out.push(line.includes('FIRING') ? c.red.bold(`  ${line.slice(2)}`) : `  ${line.slice(2)}`);
  } else {
    out.push('', c.bold('When to look again'));
    for (const t of report.triggers) out.push(`  ○ ${triggerLine(t, report.currency)}`);
  }
  out.push('', exitCode === 3 ? c.red.bold('Exit 3: reopen the placement decision.') : 'Exit 0: nothing to act on.');
  return `${fitLines(out.join('\n'), width)}\n`;
}

/** `placement check`: one line per trigger of the decision in force, FIRING first, then whether the verdict moved. */
export function renderCheck(
  scenario: string,
  triggers: ReadonlyArray<JudgedTrigger>,
  verdict: { inForce: string; today: string; changed: boolean; insideHysteresis: boolean },
  noDecision: boolean,
  currency: string,
  width = DEFAULT_WIDTH,
): string {
  const state = (t: JudgedTrigger): string => (t.firing ? 'FIRING' : t.kind === 'manual' ? 'manual' : 'ok');
  const lines = [...triggers.filter((t) => t.firing), ...triggers.filter((t) => !t.firing)].map(
    (t) => `${state(t).padEnd(6)} ${scenario} ${t.id}: ${triggerLine({ ...t, current: t.today }, currency)}`,
  );
  if (noDecision)
    lines.push(
      `note   ${scenario}: no decision in force was given (--previous): these are today's own triggers, which never fire in the analysis that made them`,
    );
  else if (verdict.changed) {
    lines.push(
      verdict.insideHysteresis
        ? `note   ${scenario}: today's rules would give ${verdict.today}; no trigger of the decision in force (${verdict.inForce}) has fired: inside the hysteresis band`
        : `note   ${scenario}: today's rules give ${verdict.today}, not ${verdict.inForce}`,
    );
  }
  return `${fitLines(lines.join('\n'), width)}\n`;
}

/** The trigger that stood nearest to firing at a review, relative to its threshold: "burst-share 2.1 points". */
function nearest(e: HistoryRead['entries'][number]): string {
  const waiting = (e.triggers ?? []).filter((t) => !t.firing && t.distance !== null && t.threshold !== null);
  if (waiting.length === 0) return '–';
  const rel = (t: (typeof waiting)[number]): number =>
    Math.abs(t.distance as number) / Math.max(Math.abs(t.threshold as number), 1e-9);
  const n = waiting.reduce((a, b) => (rel(b) < rel(a) ? b : a));
  return `${n.id} ${distanceText(n.metric ?? '', n.distance as number)}`;
}

export function renderHistory(h: HistoryRead, c: ChalkInstance, width = DEFAULT_WIDTH): string {
  const pct = (x: number | null | undefined): string => (x == null ? '–' : percent(x));
  const rows = h.entries.map((e) => [
    e.date.slice(0, 10),
    e.verdict.placement,
    e.verdict.changed === null ? '–' : e.verdict.changed ? 'yes' : 'no',
    pct(e.keyNumbers['utilization.mean']),
    e.triggersFiring.join(', ') || '–',
    nearest(e),
    String(e.exitCode),
  ]);
  const out = [
    fitTable(['date', 'verdict', 'changed', 'mean util.', 'firing', 'nearest to firing', 'exit'], rows, width, c),
    `mean utilization, review by review: ${sparkline(h.entries.map((e) => e.keyNumbers['utilization.mean'] ?? null))}`,
  ];
  for (const s of h.skipped) out.push(c.yellow(`! line ${s.line} skipped: ${s.reason}`));
  return `${fitLines(out.join('\n'), width)}\n`;
}
