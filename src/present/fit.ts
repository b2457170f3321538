/**
 * Fitting terminal output to its width: prose wraps at word boundaries with its indentation kept,
 * and a table that would be wider than the terminal is split into several tables of fewer
 * columns, each repeating the first (the row labels) — nothing is dropped, nothing overflows.
 */
import { stripVTControlCharacters } from 'node:util';
import type { ChalkInstance } from 'chalk';
import { plainTable } from './plain-table.js';

/** The width a terminal view is laid out for: the terminal's, else COLUMNS, else 80. */
export const DEFAULT_WIDTH = 80;
/** Narrower than this, nothing reads well: lay out for this at least. */
const MIN_WIDTH = 40;

export const visibleLength = (s: string): number => [...stripVTControlCharacters(s)].length;

/** Words wrapped to `width` columns; continuation lines indented by `indent` + `hanging`. */
export function wrapText(text: string, width: number, indent = '', hanging = '  '): string[] {
  const w = Math.max(MIN_WIDTH, width);
  const out: string[] = [];
  let line = indent;
  let empty = true;
  for (const word of text.split(' ')) {
    const next = empty ? `${line}${word}` : `${line} ${word}`;
    if (!empty && visibleLength(next) > w) {
      out.push(line);
      line = `${indent}${hanging}${word}`;
    } else line = next;
    empty = false;
  }
  out.push(line);
  return out;
}

/** Every line of a view within `width`: a longer plain line wraps under its own indentation; table lines are fitted where the table is built. */
export function fitLines(text: string, width: number): string {
  const w = Math.max(MIN_WIDTH, width);
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (visibleLength(line) <= w) {
      out.push(line);
      continue;
    }
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    out.push(...wrapText(line.slice(indent.length), w, indent, '  '));
  }
  return out.join('\n');
}

/**
 * A table no wider than `width`: as one table when it fits; otherwise the columns after the
 * first are split into groups, each shown as a table of its own with the first column repeated.
 * A single column too wide even alone wraps its cells.
 */
export function fitTable(head: string[], rows: string[][], width: number, c?: ChalkInstance): string {
  const w = Math.max(MIN_WIDTH, width);
  const render = (cols: number[], colWidths?: number[]): string => {
    const t = plainTable(
      cols.map((i) => head[i] ?? ''),
      c,
      colWidths,
    );
    for (const r of rows) t.push(cols.map((i) => r[i] ?? ''));
    return t.toString();
  };
  const widest = (s: string): number => Math.max(...s.split('\n').map(visibleLength));
  const all = head.map((_, i) => i);
  const whole = render(all);
  if (widest(whole) <= w) return whole;
  const parts: string[] = [];
  let group: number[] = [];
  for (let i = 1; i < head.length; i++) {
    const trial = [0, ...group, i];
    if (group.length === 0 || widest(render(trial)) <= w) group.push(i);
    else {
      parts.push(renderGroup(group));
      group = [i];
    }
  }
  if (group.length > 0) parts.push(renderGroup(group));
  return parts.join('\n');

  function renderGroup(g: number[]): string {
    const cols = [0, ...g];
    const text = render(cols);
    if (widest(text) <= w) return text;
    // One column and the labels still too wide: share the width, wrapping the cells.
    const share = Math.floor((w - 1) / cols.length) - 1;
    return render(
      cols,
      cols.map(() => Math.max(6, share)),
    );
  }
}
