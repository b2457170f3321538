import { DEFAULT_WIDTH, fitLines, fitTable } from '../present/fit.js';
import { bundledPriceBook } from '../input/pricebook/price-book.js';
import { ageInDays } from '../model/time/iso-day.js';
import type { Io } from './io.js';

/** `placement prices [filter]`: the price book, with each entry's age as of a date. */
export function pricesCommand(filter: string | undefined, format: string, asOf: number, io: Io): number {
  const book = bundledPriceBook();
  const needle = filter?.toLowerCase();
  const entries = book.entries.filter(
    (e) => needle === undefined || e.id.toLowerCase().includes(needle) || e.description.toLowerCase().includes(needle),
  );
  if (format === 'json') {
    io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
    return 0;
  }
  const rows = entries.map((e) => [
    e.id,
    String(e.value),
    e.unit,
    e.precision === 'day' ? e.date : e.precision === 'month' ? e.date.slice(0, 7) : e.date.slice(0, 4),
    String(ageInDays(e.date, asOf)),
    `${e.source}${e.secondary && !e.source.includes('secondary') ? ' (secondary)' : ''}`,
  ]);
  const width = io.width ?? DEFAULT_WIDTH;
  if (entries.length === 0) {
    io.stdout(
      `No price-book entry matches "${filter ?? ''}". \`placement prices\` lists all ${book.entries.length}.\n`,
    );
    return 0;
  }
  io.stdout(
    `${fitTable(['id', 'value', 'unit', 'date', 'age (days)', 'source'], rows, width)}\n${fitLines(`Price book ${book.version}: ${entries.length} of ${book.entries.length} entries. Use one in a scenario as {price: ID}.`, width)}\n`,
  );
  return 0;
}
