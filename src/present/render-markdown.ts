/**
 * Markdown views: a report or a review a person can paste into a document or a
 * pull-request comment, with the threshold table and the reasons.
 */
import { portfolioSection } from './portfolio-section.js';
import { OPTION_LABEL } from './labels.js';
import type { Report } from '../report/build-report.js';
import type { Review } from '../report/compare-reports.js';
import {
  judgedLines,
  limitLines,
  MODEL_CHANGE_HEAD,
  modelChangeRows,
  movementRows,
  reviewHeadline,
} from './review-words.js';
import { fixed, level, money, months, orDash, percent, rate } from './format.js';
import { checkText, STATUS_MARK, triggerLine } from './metric-format.js';
import { reservedLine } from './reserved-line.js';
import { decisionLines } from './decision-block.js';
import { confidenceLine } from './confidence-line.js';

/** A Markdown table; pipes in cells are escaped. */
function table(head: string[], rows: string[][]): string {
  const cell = (s: string): string => s.replaceAll('|', '\\|');
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

function triggerLines(r: Report): string[] {
  return r.triggers.map((t) => `- ○ ${triggerLine(t, r.currency)}`);
}

function portfolioMarkdown(r: Report): string[] {
  const p = portfolioSection(r);
  return p === null ? [] : ['', `### ${p.title}`, '', table(p.head, p.rows), '', ...p.sentences.map((x) => `${x}  `)];
}

export function renderMarkdown(r: Report): string {
  const cur = r.currency;
  const v = r.verdict;
  const confidence = confidenceLine(r);
  const reservedText = reservedLine(r);
  const out: string[] = [
    `## Placement: ${r.scenario.name}`,
    '',
    ...decisionLines(r).map((l) =>
      l.kind === 'headline' ? `**${l.text}**  ` : l.kind === 'plan' ? `**${l.text}**  ` : `${l.text}  `,
    ),
    '',
    ...(confidence === null ? [] : [`${confidence}.`, '']),
    ...v.reasons.map((x) => `- ${x.message}`),
    ...(v.colocation
      ? [
          `- ⚠ Co-locate inference with the vector index (${v.colocation.indexLocation}): serving from ${v.colocation.placementLocation} costs ${money(v.colocation.separationCostPerMonth, cur)} a month`,
        ]
      : []),
    ...portfolioMarkdown(r),
    '',
    `Utilization: mean ${percent(r.utilization.mean)}, consistent (p20) ${percent(r.utilization.consistent)}, peak/median ${orDash(r.utilization.peakToMedian, fixed)}; ` +
      `tokens ${r.tokens.cv === null ? 'without a stable history' : `cv ${fixed(r.tokens.cv)}`}; egress share ${orDash(r.traffic.egressShare, percent)}.`,
    '',
    `### Monthly cost by utilization (${cur})`,
    '',
    table(
      ['option', ...r.thresholds.map((t) => (t.utilization === 'measured' ? 'measured' : level(t.utilization)))],
      r.options.map((o) => [
        OPTION_LABEL[o.id] ?? o.id,
        ...r.thresholds.map((t) => `${money(t.monthly[o.id] as number, cur)}${t.cheapest === o.id ? ' ✓' : ''}`),
      ]),
    ),
    '',
    '✓ cheapest at that level.',
    '',
    '### At the measured profile',
    '',
    table(
      ['', ...r.options.map((o) => OPTION_LABEL[o.id] ?? o.id)],
      [
        ['total a month', ...r.options.map((o) => money(o.monthly.total as number, cur))],
        ['per busy GPU-hour', ...r.options.map((o) => orDash(o.costPerBusyGpuHour, (x) => rate(x, cur)))],
        [
          'break-even utilization',
          ...r.options.map((o) => (o.id === 'cloud' ? '' : orDash(o.breakEvenUtilization, percent))),
        ],
        ['payback', ...r.options.map((o) => orDash(o.paybackMonths, months))],
        ['NPV of owning vs cloud', ...r.options.map((o) => orDash(o.npv, (x) => money(x, cur)))],
      ],
    ),
    ...(reservedText === null ? [] : ['', reservedText]),
    '',
    `### Repatriation threshold: ${r.repatriation.met ? 'met' : 'not met'}`,
    '',
    ...r.repatriation.conditions.map(
      (c) => `- ${STATUS_MARK[c.status]} ${c.id}: ${c.checks.map(checkText).join('; ')}`,
    ),
    '',
    '### Reassessment triggers',
    '',
    ...triggerLines(r),
  ];
  if (r.warnings.length > 0) out.push('', '### Warnings', '', ...r.warnings.map((w) => `- ${w.message}`));
  return `${out.join('\n')}\n`;
}

export function renderReviewMarkdown(
  r: Report,
  review: Review | null,
  exitCode: number,
  ctx: { baseline: string | null },
): string {
  const out: string[] = [`## Placement review: ${r.scenario.name}`, ''];
  if (review === null) out.push(reviewHeadline(r, null, ctx));
  else {
    out.push(review.verdict.changed ? `**${reviewHeadline(r, review, ctx)}**` : reviewHeadline(r, review, ctx));
    out.push('', table(['number', 'previous', 'current', 'change', 'relative'], movementRows(review, r.currency)));
    if (review.models !== null)
      out.push(
        '',
        table(MODEL_CHANGE_HEAD, modelChangeRows(review, r.currency)),
        '',
        "### The portfolio's limits, judged today",
        '',
        ...limitLines(review).map((l) => `- ${l.trim()}`),
      );
  }
  out.push(
    '',
    review === null ? '### When to look again' : '### Triggers of the decision in force, judged today',
    '',
    ...(review === null ? triggerLines(r) : judgedLines(review.triggers, r.currency)),
  );
  out.push('', exitCode === 3 ? '**Reopen the placement decision** (exit 3).' : 'Nothing to act on (exit 0).');
  return `${out.join('\n')}\n`;
}
