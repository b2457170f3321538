/** The bundled price book: public figures, each with its source and date. */
import { readFileSync } from 'node:fs';

export interface PriceEntry {
  id: string;
  value: number;
  unit: string;
  description: string;
  source: string;
  /** YYYY-MM-DD; `precision` says how much of it the source gives. */
  date: string;
  precision: 'day' | 'month' | 'year';
  secondary: boolean;
}

export interface PriceBook {
  version: string;
  entries: PriceEntry[];
}

let cached: PriceBook | undefined;

/** The book shipped with the tool (pricebook/prices.json beside dist/). */
export function bundledPriceBook(): PriceBook {
  cached ??= JSON.parse(readFileSync(new URL('../../../pricebook/prices.json', import.meta.url), 'utf8')) as PriceBook;
  return cached;
}
