/**
 * Discounted payback in months: when the cumulative discounted cash flows of owning (months 0..H)
 * first reach zero, interpolated within that month; null when they do not within the horizon.
 */
export function discountedPaybackMonths(flows: ReadonlyArray<number>, monthlyRate: number): number | null {
  let cumulative = 0;
  for (let m = 0; m < flows.length; m++) {
    const discounted = (flows[m] as number) / (1 + monthlyRate) ** m;
    const before = cumulative;
    cumulative += discounted;
    if (m > 0 && before < 0 && cumulative >= 0) return m - 1 + -before / discounted;
  }
  return null;
}
