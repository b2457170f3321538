/**
 * Price-book references in a scenario: wherever a number is expected, `{price: ID}`
 * stands for that entry's value. They are replaced before validation, and each use is recorded
 * so the report can say which entries (and how old) the analysis used.
 */
import type { PriceBook, PriceEntry } from '../pricebook/price-book.js';
import { formatPath } from '../../errors.js';
import { closestName } from './closest-name.js';
import { replaceNodes } from '../../model/uncertainty/replace-nodes.js';
import type { PriceReference } from '../../model/inputs.js';

export type { PriceReference };

export interface UnknownPrice {
  path: (string | number)[];
  id: string;
  message: string;
}

const isReference = (v: unknown): v is { price: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && 'price' in v;

/** A copy of the scenario data with every reference replaced by its value. */
export function resolvePriceReferences(
  data: unknown,
  book: PriceBook,
): { data: unknown; used: PriceReference[]; unknown: UnknownPrice[] } {
  const byId = new Map<string, PriceEntry>(book.entries.map((e) => [e.id, e]));
  const used: PriceReference[] = [];
  const unknown: UnknownPrice[] = [];
  const resolved = replaceNodes(data, (v, path) => {
    if (!isReference(v)) return undefined;
    const id = String(v.price);
    const entry = byId.get(id);
    if (entry === undefined) {
      const guess = closestName(id, [...byId.keys()]);
      unknown.push({
        path,
        id,
        message: `no price-book entry "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}; \`placement prices\` lists them`,
      });
      return v;
    }
    used.push({
      field: formatPath(path),
      id,
      value: entry.value,
      unit: entry.unit,
      date: entry.date,
      source: entry.source,
    });
    return entry.value;
  });
  return { data: resolved, used, unknown };
}
