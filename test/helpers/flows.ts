import { expect } from 'vitest';

/**
 * Cash flows equal to hand-worked ones to 1e-9: the flows scale a per-unit-of-price schedule
 * by the price, so a book value of 1,200 × (1 − 6 × 1/12) may land an ulp or two off 600.
 */
export function expectFlows(actual: ReadonlyArray<number>, expected: ReadonlyArray<number>): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((x, i) => expect(actual[i], `month ${i}`).toBeCloseTo(x, 9));
}
