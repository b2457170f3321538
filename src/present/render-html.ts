/**
 * Issue 7: the report as one self-contained HTML page — the verdict and its reasons, the tables of
 * the terminal view and its charts as inline SVG. No script, no stylesheet or font to fetch: it
 * opens the same offline, attached to an e-mail or archived with a quarterly review.
 */
import { portfolioSection } from './portfolio-section.js';
import type { Report } from '../report/build-report.js';
import { breakdownRows } from './breakdown-rows.js';
import { confidenceLine } from './confidence-line.js';
import { fixed, level, money, orDash, percent, windowDays } from './format.js';
import { reservedLine } from './reserved-line.js';
import { decisionLines } from './decision-block.js';
import { escapeHtml as e } from './html-escape.js';
import { OPTION_LABEL } from './labels.js';
import { checkText, STATUS_MARK, triggerLine } from './metric-format.js';
import { costCurveSvg, dailySparklineSvg, histogramSvg } from './svg-charts.js';

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 2rem auto; max-width: 1000px; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin-bottom: .2rem; } h2 { font-size: 1.1rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
.verdict { font-size: 1.2rem; } .verdict code { background: #dafbe1; padding: .1rem .4rem; border-radius: 4px; }
.meta, .note { color: #57606a; } .warn { color: #9a6700; } .firing { color: #cf222e; font-weight: 600; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { padding: .25rem .6rem; border-bottom: 1px solid #eaeef2; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; } td.cheapest { background: #dafbe1; font-weight: 600; }
tr.strong td { font-weight: 600; border-top: 1px solid #8c959f; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .5rem 0; }
svg .grid { stroke: #eaeef2; } svg .tick, svg .axis { font-size: 11px; fill: #57606a; }
svg .line { fill: none; stroke-width: 2; } svg .measured { stroke: #8c959f; stroke-dasharray: 2 3; }
svg .break-even line { stroke-dasharray: 5 4; stroke-width: 1.2; } svg .bar { fill: #54aeff; } svg .spark { stroke: #0969da; }
.opt-cloud { stroke: #0969da; fill: #0969da; } .opt-dedicated { stroke: #8250df; fill: #8250df; } .opt-reserved { stroke: #bf8700; fill: #bf8700; }
.opt-onprem { stroke: #1a7f37; fill: #1a7f37; } .opt-edge { stroke: #cf222e; fill: #cf222e; }
.legend span { margin-right: 1rem; } .legend i { display: inline-block; width: 1rem; height: .2rem; vertical-align: middle; margin-right: .3rem; }
`;

const LEGEND_COLOUR: Record<string, string> = {
  cloud: '#0969da',
  dedicated: '#8250df',
  reserved: '#bf8700',
  onprem: '#1a7f37',
  edge: '#cf222e',
};

function table(
  head: string[],
  rows: string[][],
  opts: { numeric?: boolean; rowClass?: (i: number) => string; cellClass?: (row: number, col: number) => string } = {},
): string {
  const num = (col: number): string => (opts.numeric && col > 0 ? 'num' : '');
  const cls = (...names: string[]): string => {
    const list = names.filter((x) => x !== '').join(' ');
    return list === '' ? '' : ` class="${list}"`;
  };
  return `<table><thead><tr>${head.map((h, col) => `<th${cls(num(col))}>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (r, i) =>
        `<tr${cls(opts.rowClass?.(i) ?? '')}>${r.map((cell, col) => `<td${cls(num(col), opts.cellClass?.(i, col) ?? '')}>${e(cell)}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

const list = (items: string[], cls = ''): string =>
  items.length === 0 ? '' : `<ul${cls === '' ? '' : ` class="${cls}"`}>${items.join('')}</ul>`;

function portfolioHtml(r: Report): string[] {
  const p = portfolioSection(r);
  return p === null
    ? []
    : [`<h2>${e(p.title)}</h2>`, table(p.head, p.rows), ...p.sentences.map((x) => `<p>${e(x)}</p>`)];
}

export function renderHtml(r: Report): string {
  const cur = r.currency;
  const v = r.verdict;
  const u = r.utilization;
  const ids = r.options.map((o) => o.id);
  const label = (id: string): string => OPTION_LABEL[id] ?? id;
  const confidence = confidenceLine(r);
  const reservedText = reservedLine(r);
  const curve = costCurveSvg(r);
  const spark = dailySparklineSvg(r);
  const hist = histogramSvg(r);
  const breakdown = breakdownRows(r);
  const days = windowDays(u);
  const window =
    u.window.start === null || days === null
      ? `assumed ${percent(u.mean)} flat (no history)`
      : `${u.source}: ${days.first} → ${days.last}, ${u.window.days}-day window, coverage ${percent(u.window.coverage as number)}`;

  const body: string[] = [
    `<h1>placement · ${e(r.scenario.name)}</h1>`,
    `<p class="meta">${e(r.scenario.file)} · generated ${e(r.generatedAt)} · placement ${e(r.tool.version)} · ${e(cur)}</p>`,
    ...decisionLines(r).map((l) =>
      l.kind === 'headline'
        ? `<p class="verdict">${e(l.text)}</p>`
        : l.kind === 'plan'
          ? `<p><strong>${e(l.text)}</strong></p>`
          : `<p>${e(l.text)}</p>`,
    ),
    confidence === null ? '' : `<p><strong>${e(confidence)}</strong></p>`,
    list([
      ...v.reasons.map((x) => `<li>${e(x.message)}</li>`),
      ...(v.colocation
        ? [
            `<li class="warn">${e(`Co-locate inference with the vector index (${v.colocation.indexLocation}): serving from ${v.colocation.placementLocation} costs ${money(v.colocation.separationCostPerMonth, cur)} a month in retrieval traffic`)}</li>`,
          ]
        : []),
    ]),

    ...portfolioHtml(r),
    '<h2>Utilization</h2>',
    `<p>${e(window)}</p>`,
    `<p>${e(`mean ${percent(u.mean)} · consistent (p20) ${percent(u.consistent)} · p50 ${percent(u.percentiles.p50 as number)} · p95 ${percent(u.percentiles.p95 as number)} · peak/median ${orDash(u.peakToMedian, fixed)}`)}</p>`,
    spark ?? '',
    hist ?? '',

    `<h2>Monthly cost by utilization (${e(cur)})</h2>`,
    table(
      [
        'option',
        ...r.thresholds.map((t) =>
          t.utilization === 'measured' ? `measured (mean ${percent(u.mean)})` : level(t.utilization),
        ),
      ],
      ids.map((id) => [label(id), ...r.thresholds.map((t) => money(t.monthly[id] as number, cur))]),
      {
        numeric: true,
        cellClass: (row, col) => (col > 0 && r.thresholds[col - 1]?.cheapest === ids[row] ? 'cheapest' : ''),
      },
    ),
    '<p class="note">Shaded: the cheapest option at that level.</p>',
    curve ?? '',
    curve === null
      ? ''
      : `<p class="legend">${r.options
          .filter((o) => o.curve.length > 1)
          .map(
            (o) =>
              `<span><i style="background:${LEGEND_COLOUR[o.id] ?? '#000'}"></i>${e(label(o.id))}${o.id !== 'cloud' && o.breakEvenUtilization !== null ? e(` — break-even ${percent(o.breakEvenUtilization)}`) : ''}</span>`,
          )
          .join('')}</p>`,

    '<h2>At the measured profile, per month</h2>',
    table(
      ['', ...ids.map(label)],
      breakdown.map((row) => [row.label, ...row.cells]),
      { numeric: true, rowClass: (i) => (breakdown[i]?.strong ? 'strong' : '') },
    ),
    reservedText === null ? '' : `<p>${e(reservedText)}</p>`,

    `<h2>Repatriation threshold: ${r.repatriation.met ? 'met' : 'not met'}</h2>`,
    list(
      r.repatriation.conditions.map(
        (c) => `<li>${STATUS_MARK[c.status]} ${e(c.id)}: ${e(c.checks.map(checkText).join('; '))}</li>`,
      ),
    ),

    '<h2>Reassessment triggers</h2>',
    list(r.triggers.map((t) => `<li>○ ${e(triggerLine(t, cur))}</li>`)),
    r.warnings.length === 0
      ? ''
      : `<h2>Warnings</h2>${list(r.warnings.map((w) => `<li class="warn">${e(w.message)}</li>`))}`,
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>placement · ${e(r.scenario.name)} · ${e(v.placement)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.filter((x) => x !== '').join('\n')}
</body>
</html>
`;
}
