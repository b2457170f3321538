import type { HardwareLine, OnPremOption } from '../inputs.js';
import { averageCapital, type OwnedLine } from '../ownership/ownership-schedule.js';

/** One purchase of a hardware line: unitCost × quantity. */
export const purchaseCost = (line: HardwareLine): number => line.unitCost * line.quantity;

/** A hardware line as the ownership schedule reads it. */
export const ownedLineOf = (line: HardwareLine): OwnedLine => ({
  name: line.name,
  cost: purchaseCost(line),
  purchaseMonth: line.purchaseMonth,
  usefulLifeMonths: line.usefulLifeMonths,
  residualFraction: line.residualFraction,
  method: line.method,
  factor: line.factor,
});

/**
 * Straight-line depreciation per month: cost × (1 − residualFraction) / usefulLifeMonths.
 * Hardware past its life is bought again at the same price, so the rate holds over any horizon.
 */
export function straightLinePerMonth(a: Pick<OwnedLine, 'cost' | 'residualFraction' | 'usefulLifeMonths'>): number {
  return (a.cost * (1 - a.residualFraction)) / a.usefulLifeMonths;
}

export interface CapitalPerMonth {
  depreciation: number;
  interest: number;
}

/**
 * docs/model.md on-prem capital: depreciation per month plus financing interest, both averaged over
 * the horizon from the ownership schedule (every purchase and re-purchase, by its method; each
 * purchase's loan). For straight-line bought at month 0 the average is exactly the straight-line rate.
 */
export function capitalPerMonth(onPrem: OnPremOption, horizonMonths: number): CapitalPerMonth {
  return averageCapital(onPrem.hardware, purchaseCost, onPrem.financing, horizonMonths);
}

/** Σ unitCost × quantity: the base of the support rate. */
export function hardwareCost(onPrem: OnPremOption): number {
  let sum = 0;
  for (const l of onPrem.hardware) sum += purchaseCost(l);
  return sum;
}
