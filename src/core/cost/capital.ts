import type { HardwareLine, OnPremOption } from '../../scenario/schema.js';
import { averageCapital, type OwnedLine } from '../finance/ownership-schedule.js';

/** A hardware line as the ownership schedule reads it: one purchase is unitCost × quantity. */
export const ownedLineOf = (line: HardwareLine): OwnedLine => ({
  name: line.name,
  cost: line.unitCost * line.quantity,
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
 * MODEL.md §3 on-prem capital: depreciation per month plus financing interest, both averaged over
 * the horizon from the ownership schedule (every purchase and re-purchase, by its method; each
 * purchase's loan). For straight-line bought at month 0 the average is exactly §3's rate.
 */
export function capitalPerMonth(onPrem: OnPremOption, horizonMonths: number): CapitalPerMonth {
  // The schedule depends only on the lines, the financing and the horizon, which copies of the
  // option share (the demand path re-prices it every month): computed once per combination.
  const cached = CAPITAL.get(onPrem.hardware)?.find((c) => c.financing === onPrem.financing && c.horizonMonths === horizonMonths);
  if (cached !== undefined) return cached.capital;
  const capital = averageCapital(onPrem.hardware.map(ownedLineOf), onPrem.financing, horizonMonths);
  const entries = CAPITAL.get(onPrem.hardware) ?? [];
  entries.push({ financing: onPrem.financing, horizonMonths, capital });
  CAPITAL.set(onPrem.hardware, entries);
  return capital;
}

const CAPITAL = new WeakMap<OnPremOption['hardware'], Array<{ financing: OnPremOption['financing']; horizonMonths: number; capital: CapitalPerMonth }>>();

/** Σ unitCost × quantity: the base of the support rate. */
export function hardwareCost(onPrem: OnPremOption): number {
  let sum = 0;
  for (const l of onPrem.hardware) sum += l.unitCost * l.quantity;
  return sum;
}
