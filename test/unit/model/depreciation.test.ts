import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  decliningBalance,
  depreciationSchedule,
  straightLine,
  sumOfYearsDigits,
} from '../../../src/model/ownership/depreciation.js';

const sum = (xs: number[], from = 0, to = xs.length) => xs.slice(from, to).reduce((a, b) => a + b, 0);

// Expected values: the worked examples on Microsoft's support pages for the SLN, SYD, DDB and VDB
// functions (cost 2,400, salvage 300, life 10 years / 120 months; SYD: 30,000, 7,500, 10 years),
// and Google Sheets' VDB page (100, 33, 20). Months are the periods here.
describe('depreciation methods against the spreadsheet functions', () => {
  test('SLN(30000, 7500, 10) = 2,250', () => {
    expect(straightLine(30000, 7500, 10)).toEqual(Array(10).fill(2250));
  });
  test('SYD(30000, 7500, 10, 1) = 4,090.91 and SYD(…, 10) = 409.09', () => {
    const s = sumOfYearsDigits(30000, 7500, 10);
    expect(s[0]).toBeCloseTo(4090.91, 2);
    expect(s[9]).toBeCloseTo(409.09, 2);
    expect(sum(s)).toBeCloseTo(22500, 9);
  });
  test('VDB(2400, 300, 120, 0, 1) = 40.00; VDB(2400, 300, 10, 0, 1) = 480.00', () => {
    expect(decliningBalance(2400, 300, 120)[0]).toBeCloseTo(40, 9);
    expect(decliningBalance(2400, 300, 10)[0]).toBeCloseTo(480, 9);
  });
  test('VDB(2400, 300, 120, 6, 18) = 396.31 (months 7–18); with factor 1.5, 311.81', () => {
    expect(sum(decliningBalance(2400, 300, 120), 6, 18)).toBeCloseTo(396.31, 2);
    expect(sum(decliningBalance(2400, 300, 120, 1.5), 6, 18)).toBeCloseTo(311.81, 2);
  });
  test('DDB(2400, 300, 10, 10) = 22.12: the tenth year of double-declining', () => {
    // Without the switch, year 10 is 22.12; with it (VDB), the last years are straight-line.
    let book = 2400;
    const ddb: number[] = [];
    for (let p = 0; p < 10; p++) {
      const d = Math.min(book * 0.2, book - 300);
      ddb.push(d);
      book -= d;
    }
    expect(ddb[9]).toBeCloseTo(22.12, 2);
    expect(sum(decliningBalance(2400, 300, 10))).toBeCloseTo(2100, 9); // the switch reaches salvage exactly
  });
  test('never below the residual: VDB(100, 33, 20, 10, 11) = 1.87', () => {
    expect(decliningBalance(100, 33, 20)[10]).toBeCloseTo(1.87, 2);
  });
  test('property: every method depreciates exactly cost − salvage over the life, never negative', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom('straight-line', 'declining-balance', 'sum-of-years-digits' as const),
        fc.double({ min: 1, max: 3, noNaN: true }),
        (cost, residualFraction, lifeMonths, method, factor) => {
          const s = depreciationSchedule({ cost, residualFraction, lifeMonths, method, factor });
          expect(s).toHaveLength(lifeMonths);
          expect(sum(s)).toBeCloseTo(cost * (1 - residualFraction), 4);
          for (const x of s) expect(x).toBeGreaterThanOrEqual(-1e-9);
        },
      ),
    );
  });
});
