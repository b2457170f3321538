/**
 * What pooling saves and who gets it. Each model's stand-alone plan is what it would cost on a
 * fleet of its own; the pool's plan costs that sum or less (the pooling benefit). The pool's
 * cost is shared back in proportion to the stand-alone costs, so every model pays the same
 * fraction of what it would pay alone and the shares add up to the pool's cost.
 */

/** Σ stand-alone − pooled: what serving the models from one fleet saves a month. */
export function poolingBenefit(standAlone: ReadonlyArray<number>, pooled: number): number {
  let sum = 0;
  for (const x of standAlone) sum += x;
  return sum - pooled;
}

/**
 * The pool's month shared in proportion to the stand-alone months (equally when those are all
 * zero). The largest share takes what the others leave, so the shares add up to `pooled` (the
 * rounding of a division lands where it is smallest in proportion).
 */
export function attributeByStandAlone(standAlone: ReadonlyArray<number>, pooled: number): number[] {
  const n = standAlone.length;
  if (n === 0) return [];
  let sum = 0;
  let largest = 0;
  standAlone.forEach((x, i) => {
    sum += x;
    if (x > (standAlone[largest] as number)) largest = i;
  });
  // The fraction first: pooled × x would underflow for a tiny x before the division restores it.
  const shares = standAlone.map((x) => (sum > 0 ? pooled * (x / sum) : pooled / n));
  let others = 0;
  shares.forEach((x, i) => {
    if (i !== largest) others += x;
  });
  shares[largest] = pooled - others;
  return shares;
}
