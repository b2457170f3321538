import { mean } from '../stats/mean.js';

/** One month of a cloud bill, in the bill's currency. */
export interface BillingMonth {
  /** YYYY-MM of ChargePeriodStart, UTC. */
  month: string;
  transferGB: number;
  transferCost: number;
  gpuComputeCost: number;
  totalCost: number;
}

export interface BillingReconciliation {
  months: number;
  meanMonthly: { transferGB: number; transferCost: number; gpuComputeCost: number; totalCost: number };
  /** The model's cloud compute at the measured profile (docs/model.md), per month. */
  modelCloudCompute: number;
  /** modelCloudCompute − billed GPU compute, per month; null when the bill has no GPU compute. */
  difference: number | null;
  /** difference / billed GPU compute. */
  relativeDifference: number | null;
}

/**
 * The real bill beside the model: mean monthly data transfer and GPU compute spend over the
 * months in the export, and how far the model's cloud compute is from the billed GPU compute.
 */
export function reconcileBilling(
  months: ReadonlyArray<BillingMonth>,
  modelCloudCompute: number,
): BillingReconciliation {
  const avg = (f: (m: BillingMonth) => number): number => mean(months.map(f)) ?? 0;
  const billed = avg((m) => m.gpuComputeCost);
  const difference = billed > 0 ? modelCloudCompute - billed : null;
  return {
    months: months.length,
    meanMonthly: {
      transferGB: avg((m) => m.transferGB),
      transferCost: avg((m) => m.transferCost),
      gpuComputeCost: billed,
      totalCost: avg((m) => m.totalCost),
    },
    modelCloudCompute,
    difference,
    relativeDifference: difference === null ? null : difference / billed,
  };
}
