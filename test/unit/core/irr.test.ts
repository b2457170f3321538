import { describe, expect, test } from 'vitest';
import { discountedPaybackMonths } from '../../../src/core/economics/discounted-payback.js';
import { annualRate, irr } from '../../../src/core/economics/irr.js';
import { npv } from '../../../src/core/economics/npv.js';

// Expected values: Microsoft's support pages for IRR and NPV.
describe('IRR and NPV against the spreadsheet', () => {
  const flows = [-70000, 12000, 15000, 18000, 21000, 26000];
  test('IRR(−70,000, 12,000 … 21,000) = −2.1 %; with 26,000, 8.7 %; the first three, −44.4 %', () => {
    expect(irr(flows.slice(0, 5))).toBeCloseTo(-0.0212, 4);
    expect(irr(flows)).toBeCloseTo(0.0866, 4);
    expect(irr(flows.slice(0, 3))).toBeCloseTo(-0.4435, 4);
  });
  test('NPV(10 %, −10,000, 3,000, 4,200, 6,800) = 1,188.44 (the spreadsheet discounts its first value)', () => {
    expect(npv([0, -10000, 3000, 4200, 6800], 0.1)).toBeCloseTo(1188.44, 2);
  });
  test('NPV at the IRR is zero; no sign change, no IRR', () => {
    expect(npv(flows, irr(flows)!)).toBeCloseTo(0, 6);
    expect(irr([1, 2, 3])).toBeNull();
    expect(irr([-1, -2])).toBeNull();
  });
  test('annual rate from monthly: (1 + r)^12 − 1', () => {
    expect(annualRate(0.01)).toBeCloseTo(0.12682503013196977, 15);
  });
});

describe('discounted payback', () => {
  test('undiscounted: 1,000 back at 300 a month is 3 ⅓ months', () => {
    expect(discountedPaybackMonths([-1000, 300, 300, 300, 300, 300], 0)).toBeCloseTo(10 / 3, 12);
  });
  test('discounting lengthens it; hand-worked at 1 % a month', () => {
    // Discounted: 297.03, 294.09, 291.18, 288.29 → cumulative −117.70 after 3, +170.59 after 4.
    const d = [300 / 1.01, 300 / 1.01 ** 2, 300 / 1.01 ** 3, 300 / 1.01 ** 4];
    const after3 = -1000 + d[0]! + d[1]! + d[2]!;
    expect(discountedPaybackMonths([-1000, 300, 300, 300, 300, 300], 0.01)).toBeCloseTo(3 + -after3 / d[3]!, 12);
    expect(discountedPaybackMonths([-1000, 100, 100], 0)).toBeNull();
    expect(discountedPaybackMonths([0, 50, 50], 0.01)).toBe(0); // never out of pocket
  });
});
