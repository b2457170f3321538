import type { HardwareLine, OnPremOption } from '../../scenario/schema.js';
import { interestPaid, monthlyRateOf } from './loan.js';

/** A purchase of depreciable hardware, as on-prem lines and edge sites both describe it. */
export interface Asset {
  cost: number;
  purchaseMonth: number;
  usefulLifeMonths: number;
  residualFraction: number;
}

export const assetOfLine = (line: HardwareLine): Asset => ({
  cost: line.unitCost * line.quantity,
  purchaseMonth: line.purchaseMonth,
  usefulLifeMonths: line.usefulLifeMonths,
  residualFraction: line.residualFraction,
});

/**
 * Straight-line depreciation per month: cost × (1 − residualFraction) / usefulLifeMonths.
 * Hardware past its life is bought again at the same price, so the rate holds over any horizon.
 */
export function straightLinePerMonth(a: Asset): number {
  return (a.cost * (1 - a.residualFraction)) / a.usefulLifeMonths;
}

/** Share of the horizon an asset bought at purchaseMonth is in service: 1 when bought at month 0. */
export function inServiceShare(a: Asset, horizonMonths: number): number {
  return Math.max(0, horizonMonths - a.purchaseMonth) / horizonMonths;
}

export interface CapitalPerMonth {
  depreciation: number;
  interest: number;
}

/**
 * MODEL.md §3 on-prem capital: Σ depreciation per month, plus financing interest averaged over
 * the horizon (each purchase's loan interest in its months 1..min(n, horizon), ÷ horizonMonths).
 * A line bought after month 0 counts for the share of the horizon it is in service.
 */
export function capitalPerMonth(onPrem: OnPremOption, horizonMonths: number): CapitalPerMonth {
  let depreciation = 0;
  let interest = 0;
  for (const asset of onPrem.hardware.map(assetOfLine)) {
    depreciation += straightLinePerMonth(asset) * inServiceShare(asset, horizonMonths);
    if (onPrem.financing !== undefined && asset.purchaseMonth < horizonMonths) {
      const { annualRate, termMonths } = onPrem.financing;
      interest += interestPaid(asset.cost, monthlyRateOf(annualRate), termMonths, horizonMonths - asset.purchaseMonth);
    }
  }
  return { depreciation, interest: interest / horizonMonths };
}

/** Σ unitCost × quantity: the base of the support rate. */
export function hardwareCost(onPrem: OnPremOption): number {
  return onPrem.hardware.reduce((sum, l) => sum + l.unitCost * l.quantity, 0);
}
