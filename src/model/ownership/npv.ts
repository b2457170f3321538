import { hardwareCashFlows, type Financing, type OwnedLine } from './ownership-schedule.js';

/** docs/model.md: the monthly rate equivalent to an annual discount rate, (1 + d)^(1/12) − 1. */
export function monthlyDiscountRate(annualRate: number): number {
  return (1 + annualRate) ** (1 / 12) - 1;
}

/** Σ cashFlows[m] / (1 + r)^m, month 0 undiscounted (the spreadsheet's NPV(r, CF1..) + CF0). */
export function npv(cashFlows: ReadonlyArray<number>, monthlyRate: number): number {
  let sum = 0;
  let discount = 1; // (1 + r)^m, month by month
  // Indexed, not for…of: IRR's search calls this 2,000 times as analyze starts, before the
  // compiler has made an iterator free.
  for (let m = 0; m < cashFlows.length; m++) {
    sum += (cashFlows[m] as number) / discount;
    discount *= 1 + monthlyRate;
  }
  return sum;
}

export interface OwnershipInput {
  lines: ReadonlyArray<OwnedLine>;
  financing?: Financing | undefined;
  /** Cloud's month minus the option's month without capital: one figure, or one per month 1..H. */
  monthlySaving: number | ArrayLike<number>;
  horizonMonths: number;
  /** Payments still committed at H (the rest of a lease term), paid then. */
  committedAtHorizon?: number | undefined;
  /** One-time cost of moving, paid at month 0. */
  migrationCost?: number | undefined;
  /**
   * Months 1..n in which cloud is still paid (dual run, remaining commitments): owning adds its
   * running cost (`runningCost`, the month without capital) instead of saving.
   */
  monthsBeforeSaving?: number | undefined;
  runningCost?: number | ArrayLike<number> | undefined;
}

const monthOf = (x: number | ArrayLike<number> | undefined, month: number): number =>
  typeof x === 'number' ? x : (x?.[month - 1] ?? 0);

/**
 * docs/model.md cash flows of owning against cloud, months 0..H, read off the ownership schedule:
 * each purchase when it is made (or, financed, its down payment, then its loan payments; a
 * balance still owed at H is paid off then), re-purchases when hardware reaches its life before
 * H, the monthly saving in months 1..H, and the book value recovered at H. Issue 4 adds the
 * migration: its cost at month 0, and no saving (owning's running cost on top of cloud) while both
 * are paid — the dual run and the cloud commitments still running.
 */
export function ownershipCashFlows(input: OwnershipInput): number[] {
  const h = input.horizonMonths;
  const flows = hardwareCashFlows(input.lines, input.financing, h);
  const before = input.monthsBeforeSaving ?? 0;
  for (let month = 1; month <= h; month++) {
    const saving = month <= before ? -monthOf(input.runningCost, month) : monthOf(input.monthlySaving, month);
    flows[month] = (flows[month] as number) + saving;
  }
  flows[0] = (flows[0] as number) - (input.migrationCost ?? 0);
  flows[h] = (flows[h] as number) - (input.committedAtHorizon ?? 0);
  return flows;
}
