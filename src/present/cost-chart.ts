/**
 * Issue 7: monthly cost against flat utilization as a text chart — one letter per option, each
 * column 2 points of utilization, rows from the highest cost down to 0 — with each option's
 * break-even against cloud marked on the axis below.
 */
import type { Report } from '../report/build-report.js';
import { compact, percent } from './format.js';
import { OPTION_LABEL } from './labels.js';

const MARK: Record<string, string> = { cloud: 'C', dedicated: 'D', reserved: 'R', onprem: 'O', edge: 'E' };
const ROWS = 12;

export function costChart(r: Report): string[] {
  const options = r.options.filter((o) => o.curve.length > 1);
  if (options.length === 0) return [];
  const width = (options[0] as (typeof options)[number]).curve.length;
  const top = Math.max(...options.flatMap((o) => o.curve));
  if (!(top > 0)) return [];
  const grid = Array.from({ length: ROWS }, () => Array<string>(width).fill(' '));
  // Drawn last on top: the first option listed (cloud) wins a shared cell.
  for (const o of [...options].reverse()) {
    o.curve.forEach((cost, x) => {
      const row = ROWS - 1 - Math.min(ROWS - 1, Math.round((cost / top) * (ROWS - 1)));
      (grid[row] as string[])[x] = MARK[o.id] ?? '?';
    });
  }
  const label = (row: number): string => (row === 0 ? compact(top) : row === ROWS - 1 ? '0' : '').padStart(7);
  const lines = grid.map((cells, row) => `${label(row)} ┤${cells.join('')}`);
  lines.push(`${' '.repeat(7)} └${'─'.repeat(width)}`);
  lines.push(
    `${' '.repeat(9)}0%${' '.repeat(Math.max(0, Math.floor(width / 2) - 4))}50%${' '.repeat(Math.max(0, width - Math.floor(width / 2) - 6))}100%`,
  );
  const marks = Array<string>(width).fill(' ');
  const legend: string[] = [];
  for (const o of options) {
    if (o.id === 'cloud') continue;
    if (o.breakEvenUtilization === null) {
      legend.push(`${MARK[o.id]} ${OPTION_LABEL[o.id] ?? o.id}: never below cloud`);
      continue;
    }
    marks[Math.round(o.breakEvenUtilization * (width - 1))] = MARK[o.id] ?? '?';
    legend.push(`${MARK[o.id]} ${OPTION_LABEL[o.id] ?? o.id}: break-even ${percent(o.breakEvenUtilization)}`);
  }
  lines.push(`${' '.repeat(7)} ^${marks.join('')}`);
  // One entry a line: a legend wrapped at the terminal's width must not split an entry.
  lines.push('  ^ marks each break-even with cloud. C cloud', ...legend.map((l) => `  ${l}`));
  return lines;
}
