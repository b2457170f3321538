import { plainTable } from '../render/plain-table.js';
import { bundledPriceBook } from '../pricebook/price-book.js';
import { ageInDays } from '../time/iso-day.js';
import type { Io } from './io.js';

/** `placement prices [filter]`: the price book, with each entry's age as of a date. */
export function pricesCommand(filter: string | undefined, format: string, asOf: number, io: Io): number {
  const book = bundledPriceBook();
  const needle = filter?.toLowerCase();
  const entries = book.entries.filter((e) => needle === undefined || e.id.toLowerCase().includes(needle) || e.description.toLowerCase().includes(needle));
  if (format === 'json') {
    io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
    return 0;
  }
  const t = plainTable(['id', 'value', 'unit', 'date', 'age (days)', 'source']);
  for (const e of entries) {
    const age = ageInDays(e.date, asOf);
    t.push([e.id, String(e.value), e.unit, e.precision === 'day' ? e.date : e.precision === 'month' ? e.date.slice(0, 7) : e.date.slice(0, 4), String(age), `${e.source}${e.secondary && !e.source.includes('secondary') ? ' (secondary)' : ''}`]);
  }
  io.stdout(`${t.toString()}\nPrice book ${book.version}: ${entries.length} of ${book.entries.length} entries. Use one in a scenario as {price: ID}.\n`);
  return 0;
}
