/**
 * Depreciation of one purchase, month by month over its useful life (docs/model.md for
 * straight-line). The results are the spreadsheet functions' for the same inputs, with months as
 * periods: SLN, SYD, and VDB (declining balance with the switch to straight-line).
 */
export const DEPRECIATION_METHODS = ['straight-line', 'declining-balance', 'sum-of-years-digits'] as const;
export type DepreciationMethod = (typeof DEPRECIATION_METHODS)[number];

export interface DepreciationInput {
  cost: number;
  /** Value left at the end of life, as a share of cost. */
  residualFraction: number;
  lifeMonths: number;
  method: DepreciationMethod;
  /** Declining-balance rate multiple (2 = double-declining). */
  factor?: number;
}

/** SLN: (cost − salvage) / life each period. */
export function straightLine(cost: number, salvage: number, life: number): number[] {
  return Array.from({ length: life }, () => (cost - salvage) / life);
}

/** SYD: (cost − salvage) × (life − p + 1) × 2 / (life × (life + 1)) in period p. */
export function sumOfYearsDigits(cost: number, salvage: number, life: number): number[] {
  return Array.from({ length: life }, (_, i) => ((cost - salvage) * (life - i) * 2) / (life * (life + 1)));
}

/**
 * VDB with no_switch = FALSE, period by period: the declining-balance amount (rate factor / life
 * on the book value, never taking the book below salvage), or straight-line on what is left when
 * that gives more, from then on.
 */
export function decliningBalance(cost: number, salvage: number, life: number, factor = 2): number[] {
  const rate = Math.min(1, factor / life);
  const out: number[] = [];
  let book = cost;
  let remaining = cost - salvage; // still to depreciate
  let straight: number | null = null;
  for (let p = 1; p <= life; p++) {
    if (straight === null) {
      const db = Math.max(0, Math.min(book * rate, book - salvage));
      const sl = remaining / (life - p + 1);
      if (sl > db) straight = sl;
      else {
        out.push(db);
        book -= db;
        remaining -= db;
        continue;
      }
    }
    out.push(straight);
  }
  return out;
}

/** Depreciation in months 1..lifeMonths of one purchase. */
export function depreciationSchedule(d: DepreciationInput): number[] {
  const salvage = d.cost * d.residualFraction;
  switch (d.method) {
    case 'straight-line':
      return straightLine(d.cost, salvage, d.lifeMonths);
    case 'sum-of-years-digits':
      return sumOfYearsDigits(d.cost, salvage, d.lifeMonths);
    case 'declining-balance':
      return decliningBalance(d.cost, salvage, d.lifeMonths, d.factor ?? 2);
  }
}
