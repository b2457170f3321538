import { type Asset, straightLinePerMonth } from '../cost/capital.js';
import { balanceAfter, levelPayment, monthlyRateOf } from '../cost/loan.js';

/** MODEL.md §5: the monthly rate equivalent to an annual discount rate, (1 + d)^(1/12) − 1. */
export function monthlyDiscountRate(annualRate: number): number {
  return (1 + annualRate) ** (1 / 12) - 1;
}

/** Σ cashFlows[m] / (1 + r)^m, month 0 undiscounted (the spreadsheet's NPV(r, CF1..) + CF0). */
export function npv(cashFlows: ReadonlyArray<number>, monthlyRate: number): number {
  return cashFlows.reduce((sum, cf, m) => sum + cf / (1 + monthlyRate) ** m, 0);
}

/** Book value `age` months after purchase, straight-line, never below the residual. */
export function bookValue(a: Asset, age: number): number {
  return Math.max(a.cost * a.residualFraction, a.cost - straightLinePerMonth(a) * age);
}

export interface OwnershipInput {
  assets: ReadonlyArray<Asset>;
  financing?: { annualRate: number; termMonths: number } | undefined;
  /** Cloud's month minus the option's month without capital, at the measured profile. */
  monthlySaving: number;
  horizonMonths: number;
}

/**
 * MODEL.md §5 cash flows of owning against cloud, months 0..H: each purchase (or, financed, its
 * loan payments; a balance still owed at H is paid off then), re-purchases in cash when hardware
 * reaches its life before H, the monthly saving in months 1..H, and the book value recovered at H.
 */
export function ownershipCashFlows(input: OwnershipInput): number[] {
  const h = input.horizonMonths;
  const flows = Array<number>(h + 1).fill(0);
  for (let m = 1; m <= h; m++) flows[m] = input.monthlySaving;
  const add = (m: number, amount: number): void => {
    flows[m] = (flows[m] as number) + amount;
  };
  for (const a of input.assets) {
    if (a.purchaseMonth >= h) continue;
    let lastPurchase = a.purchaseMonth;
    if (input.financing === undefined) add(a.purchaseMonth, -a.cost);
    else {
      const r = monthlyRateOf(input.financing.annualRate);
      const n = input.financing.termMonths;
      const payment = levelPayment(a.cost, r, n);
      for (let m = a.purchaseMonth + 1; m <= Math.min(h, a.purchaseMonth + n); m++) add(m, -payment);
      add(h, -balanceAfter(a.cost, r, n, h - a.purchaseMonth));
    }
    for (let m = a.purchaseMonth + a.usefulLifeMonths; m < h; m += a.usefulLifeMonths) {
      add(m, -a.cost);
      lastPurchase = m;
    }
    add(h, bookValue(a, h - lastPurchase));
  }
  return flows;
}
