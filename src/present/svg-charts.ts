/**
 * Issue 7's pictures as inline SVG for the HTML view: the cost-versus-utilization chart with the
 * break-evens marked, the daily utilization sparkline and the hourly histogram. Plain strings,
 * no script; every text escaped. Colours are the page's CSS classes (opt-cloud …).
 */
import type { Report } from '../report/build-report.js';
import { compact, level, percent } from './format.js';
import { escapeHtml } from './html-escape.js';
import { OPTION_LABEL } from './labels.js';

const W = 720;
const PAD = { left: 64, right: 16, top: 16, bottom: 40 };
const n = (x: number): string => (Math.round(x * 10) / 10).toString();

/** Round numbers for an axis from 0 to at least `top`: 1, 2 or 5 × 10^k apart. */
export function niceTicks(top: number, count = 5): number[] {
  if (!(top > 0)) return [0];
  const raw = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, i) => i * step);
}

function frame(height: number, title: string, body: string[]): string {
  return `<svg class="chart" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${body.join('')}</svg>`;
}

/** Each option's monthly cost at flat utilization 0–100 % (options[].curve), with its break-even against cloud. */
export function costCurveSvg(r: Report): string | null {
  const options = r.options.filter((o) => o.curve.length > 1);
  const first = options[0];
  if (first === undefined) return null;
  const ticks = niceTicks(Math.max(...options.flatMap((o) => o.curve)));
  const top = ticks.at(-1) as number;
  if (!(top > 0)) return null;
  const h = 320;
  const plotW = W - PAD.left - PAD.right;
  const plotH = h - PAD.top - PAD.bottom;
  const x = (u: number): number => PAD.left + u * plotW;
  const y = (cost: number): number => PAD.top + plotH * (1 - cost / top);
  const body: string[] = [];
  for (const t of ticks) {
    body.push(`<line class="grid" x1="${x(0)}" x2="${x(1)}" y1="${n(y(t))}" y2="${n(y(t))}"/>`);
    body.push(
      `<text class="tick" x="${PAD.left - 6}" y="${n(y(t) + 4)}" text-anchor="end">${escapeHtml(compact(t))}</text>`,
    );
  }
  for (let u = 0; u <= 10; u++)
    body.push(
      `<text class="tick" x="${n(x(u / 10))}" y="${h - PAD.bottom + 16}" text-anchor="middle">${u * 10}%</text>`,
    );
  body.push(`<text class="axis" x="${n(x(0.5))}" y="${h - 4}" text-anchor="middle">flat utilization</text>`);
  // The measured mean, for orientation.
  const mean = r.utilization.mean;
  body.push(
    `<line class="measured" x1="${n(x(mean))}" x2="${n(x(mean))}" y1="${PAD.top}" y2="${PAD.top + plotH}"><title>measured mean ${escapeHtml(percent(mean))}</title></line>`,
  );
  body.push(
    `<text class="tick" x="${n(x(mean) + 4)}" y="${PAD.top + 10}">measured ${escapeHtml(percent(mean))}</text>`,
  );
  for (const o of [...options].reverse()) {
    const steps = o.curve.length - 1;
    const points = o.curve.map((cost, i) => `${n(x(i / steps))},${n(y(cost))}`).join(' ');
    body.push(
      `<polyline class="line opt-${o.id}" points="${points}"><title>${escapeHtml(OPTION_LABEL[o.id] ?? o.id)}</title></polyline>`,
    );
  }
  for (const o of options) {
    const b = o.breakEvenUtilization;
    if (o.id === 'cloud' || b === null) continue;
    const label = `${OPTION_LABEL[o.id] ?? o.id} break-even ${percent(b)}`;
    body.push(
      `<g class="break-even opt-${o.id}" data-option="${o.id}" data-utilization="${b}"><line x1="${n(x(b))}" x2="${n(x(b))}" y1="${PAD.top}" y2="${PAD.top + plotH}"/><circle cx="${n(x(b))}" cy="${PAD.top + plotH}" r="4"/><title>${escapeHtml(label)}</title></g>`,
    );
  }
  return frame(
    h,
    `Monthly cost (${r.currency}) against flat utilization, with each option's break-even against cloud`,
    body,
  );
}

/** Daily mean utilization over the window, with the 40 / 60 / 70 % bands. */
export function dailySparklineSvg(r: Report): string | null {
  const days = r.utilization.dailyMeans;
  if (days.length < 2) return null;
  const h = 200;
  const plotW = W - PAD.left - PAD.right;
  const plotH = h - PAD.top - 24;
  const x = (i: number): number => PAD.left + (i / (days.length - 1)) * plotW;
  const y = (u: number): number => PAD.top + plotH * (1 - Math.min(1, Math.max(0, u)));
  const body: string[] = [];
  for (const t of [0.4, 0.6, 0.7]) {
    body.push(
      `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${n(y(t))}" y2="${n(y(t))}"/><text class="tick" x="${PAD.left - 6}" y="${n(y(t) + 4)}" text-anchor="end">${level(t)}</text>`,
    );
  }
  body.push(
    `<polyline class="line spark" points="${days.map((d, i) => `${n(x(i))},${n(y(d.utilization))}`).join(' ')}"/>`,
  );
  body.push(`<text class="tick" x="${PAD.left}" y="${h - 4}">${escapeHtml(days[0]?.date ?? '')}</text>`);
  body.push(
    `<text class="tick" x="${W - PAD.right}" y="${h - 4}" text-anchor="end">${escapeHtml(days.at(-1)?.date ?? '')}</text>`,
  );
  return frame(h, `Daily mean utilization, ${days.length} days`, body);
}

/** Hours in each 10-point utilization bin. */
export function histogramSvg(r: Report): string | null {
  const bins = r.utilization.histogram;
  const most = Math.max(0, ...bins);
  if (most === 0) return null;
  const h = 180;
  const plotW = W - PAD.left - PAD.right;
  const plotH = h - PAD.top - PAD.bottom;
  const barW = plotW / bins.length;
  const body: string[] = [];
  bins.forEach((hours, i) => {
    const bh = (hours / most) * plotH;
    const label = `${i * 10}–${i * 10 + 10}%: ${hours} h`;
    body.push(
      `<rect class="bar" x="${n(PAD.left + i * barW + 2)}" y="${n(PAD.top + plotH - bh)}" width="${n(barW - 4)}" height="${n(bh)}"><title>${escapeHtml(label)}</title></rect>`,
    );
    body.push(
      `<text class="tick" x="${n(PAD.left + (i + 0.5) * barW)}" y="${h - PAD.bottom + 16}" text-anchor="middle">${i * 10}%</text>`,
    );
  });
  body.push(`<text class="tick" x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${most} h</text>`);
  body.push(
    `<text class="axis" x="${n(PAD.left + plotW / 2)}" y="${h - 4}" text-anchor="middle">hourly utilization</text>`,
  );
  return frame(h, 'Hours at each utilization level', body);
}
