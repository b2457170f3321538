import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';

/**
 * The one table style of the terminal views: no colours of cli-table3's own (we colour with
 * chalk), one space of padding, no rules between body rows. Headings bold when `c` is given.
 * With `colWidths`, cells wrap to them.
 */
export function plainTable(head: string[], c?: ChalkInstance, colWidths?: number[]): Table.Table {
  return new Table({
    head: c === undefined ? head : head.map((h) => c.bold(h)),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    ...(colWidths !== undefined && { colWidths, wordWrap: true }),
  });
}
