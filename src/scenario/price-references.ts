/**
 * Price-book references in a scenario (issue 6): wherever a number is expected, `{price: ID}`
 * stands for that entry's value. They are replaced before validation, and each use is recorded
 * so the report can say which entries (and how old) the analysis used.
 */
import type { PriceBook, PriceEntry } from '../pricebook/price-book.js';
import { closestName } from './closest-name.js';

export interface PriceReference {
  /** Dotted field path in the scenario. */
  field: string;
  id: string;
  value: number;
  unit: string;
  date: string;
  source: string;
}

export interface UnknownPrice {
  path: (string | number)[];
  id: string;
  message: string;
}

const isReference = (v: unknown): v is { price: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && 'price' in v;

function dotted(path: ReadonlyArray<string | number>): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** A copy of the scenario data with every reference replaced by its value. */
export function resolvePriceReferences(data: unknown, book: PriceBook): { data: unknown; used: PriceReference[]; unknown: UnknownPrice[] } {
  const byId = new Map<string, PriceEntry>(book.entries.map((e) => [e.id, e]));
  const used: PriceReference[] = [];
  const unknown: UnknownPrice[] = [];
  const walk = (v: unknown, path: (string | number)[]): unknown => {
    if (isReference(v)) {
      const id = String(v.price);
      const entry = byId.get(id);
      if (entry === undefined) {
        const guess = closestName(id, [...byId.keys()]);
        unknown.push({ path, id, message: `no price-book entry "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}; \`placement prices\` lists them` });
        return v;
      }
      used.push({ field: dotted(path), id, value: entry.value, unit: entry.unit, date: entry.date, source: entry.source });
      return entry.value;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k])]));
    return v;
  };
  return { data: walk(data, []), used, unknown };
}
