/**
 * Discounted payback in months: when the cumulative discounted cash flows of owning (months 0..H)
 * first come back to zero from below, interpolated within that month. 0 when they are never below
 * zero (nothing paid up front, e.g. fully financed with a saving from month 1); null when they do
 * not come back within the horizon.
 */
export function discountedPaybackMonths(flows: ReadonlyArray<number>, monthlyRate: number): number | null {
  let cumulative = 0;
  let underwater = false;
  for (let m = 0; m < flows.length; m++) {
    const discounted = (flows[m] as number) / (1 + monthlyRate) ** m;
    const before = cumulative;
    cumulative += discounted;
    if (cumulative < 0) underwater = true;
    if (m > 0 && before < 0 && cumulative >= 0) return m - 1 + -before / discounted;
  }
  return underwater ? null : 0;
}
