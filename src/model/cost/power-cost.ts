import { monthlyFromHourly } from '../units.js';

/**
 * Energy a month for kW of equipment at utilization X: kW × (idle + (1 − idle) × X) × pue × 730
 * × price per kWh (docs/model.md; edge sites have no PUE, pass 1).
 */
export function powerCost(
  kw: number,
  idlePowerFraction: number,
  utilization: number,
  pue: number,
  perKwh: number,
): number {
  return monthlyFromHourly(kw * (idlePowerFraction + (1 - idlePowerFraction) * utilization) * pue * perKwh);
}
