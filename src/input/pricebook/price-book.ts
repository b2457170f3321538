/** The bundled price book: public figures, each with its source and date. */
import { packageFile } from './package-file.js';
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

/** The book shipped with the tool (pricebook/prices.json in the package). */
export function bundledPriceBook(): PriceBook {
  cached ??= JSON.parse(readFileSync(packageFile('pricebook/prices.json'), 'utf8')) as PriceBook;
  return cached;
}
