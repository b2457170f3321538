import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { discountedPaybackMonths } from '../../../src/model/ownership/discounted-payback.js';
import { annualRate, irr } from '../../../src/model/ownership/irr.js';
import { npv } from '../../../src/model/ownership/npv.js';

// Expected values: Microsoft's support pages for IRR and NPV.
describe('IRR and NPV against the spreadsheet', () => {
  const flows = [-70000, 12000, 15000, 18000, 21000, 26000];
  test('IRR(−70,000, 12,000 … 21,000) = −2.1 %; with 26,000, 8.7 %; the first three, −44.4 %', () => {
    expect(irr(flows.slice(0, 5)).rate).toBeCloseTo(-0.0212, 4);
    expect(irr(flows).rate).toBeCloseTo(0.0866, 4);
    expect(irr(flows.slice(0, 3)).rate).toBeCloseTo(-0.4435, 4);
  });
  test('NPV(10 %, −10,000, 3,000, 4,200, 6,800) = 1,188.44 (the spreadsheet discounts its first value)', () => {
    expect(npv([0, -10000, 3000, 4200, 6800], 0.1)).toBeCloseTo(1188.44, 2);
  });
  test('NPV at the IRR is zero; no sign change, no IRR', () => {
    expect(npv(flows, irr(flows).rate!)).toBeCloseTo(0, 6);
    expect(irr([1, 2, 3])).toEqual({ rate: null, note: 'no sign change' });
    expect(irr([-1, -2])).toEqual({ rate: null, note: 'no sign change' });
  });
  test('several rates: −1,000, +2,300, −1,320 has NPV 0 at 10 % and at 20 %: no IRR is reported', () => {
    // NPV(r) = −1000 + 2300 / (1 + r) − 1320 / (1 + r)²: roots where 1 + r = 1.1 and 1.2.
    expect(npv([-1000, 2300, -1320], 0.1)).toBeCloseTo(0, 9);
    expect(npv([-1000, 2300, -1320], 0.2)).toBeCloseTo(0, 9);
    expect(irr([-1000, 2300, -1320])).toEqual({ rate: null, note: 'several rates' });
  });
  test('money in first (a loan, not an investment): NPV rises through its root, no IRR', () => {
    // +1,000 now, −1,100 in a month: NPV(r) = 1000 − 1100 / (1 + r), negative below 10 %.
    expect(irr([1000, -1100])).toEqual({ rate: null, note: 'money in first' });
  });
  test('signs that change but an NPV that never crosses zero in (−99 %, +1000 %) a month', () => {
    // −1 then +1,000,000: NPV(r) > 0 even at 1000 % a month (1e6 / 11 ≫ 1).
    expect(irr([-1, 1e6])).toEqual({ rate: null, note: 'no sign change' });
  });
  test('property: where there is an IRR, irr > r exactly when NPV(r) > 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 2, maxLength: 30 }),
        fc.double({ min: -0.05, max: 0.3, noNaN: true }),
        (cash, r) => {
          const result = irr(cash);
          if (result.rate === null) return;
          const value = npv(cash, r);
          if (Math.abs(r - result.rate) < 1e-9 || Math.abs(value) < 1e-6) return;
          expect(result.rate > r).toBe(value > 0);
        },
      ),
      { numRuns: 500 },
    );
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
