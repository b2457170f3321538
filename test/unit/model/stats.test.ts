import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mean } from '../../../src/model/stats/mean.js';
import { olsSlope } from '../../../src/model/stats/ols-slope.js';
import { percentileOfSorted, percentilesByRank, sortedAscending } from '../../../src/model/stats/percentile.js';
import { sampleStdev } from '../../../src/model/stats/sample-stdev.js';

describe('percentile (linear between closest ranks, = numpy default / PERCENTILE.INC)', () => {
  const xs = sortedAscending([4, 1, 3, 2]);
  test.each([
    [0, 1],
    [0.5, 2.5],
    [0.2, 1.6],
    [0.95, 3.85],
    [1, 4],
  ])('p%s of 1..4 is %s', (p, expected) => {
    expect(percentileOfSorted(xs, p)).toBeCloseTo(expected, 12);
  });
  test('one value is every percentile; none is null', () => {
    expect(percentileOfSorted([0.7], 0.2)).toBe(0.7);
    expect(percentileOfSorted([], 0.5)).toBeNull();
  });
  test('numeric sort, not lexicographic', () => {
    expect(sortedAscending([10, 9, 100])).toEqual([9, 10, 100]);
  });
  test('property: by selection, the same percentiles as sorting, bit for bit', () => {
    // Few distinct values (Monte Carlo columns that no draw moves are constant), runs already in
    // order or reversed, and wide random doubles.
    const column = fc.oneof(
      fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 300 }),
      fc.array(fc.constantFrom(1, 2, 2.5, 1e6), { minLength: 1, maxLength: 300 }),
      fc.integer({ min: 1, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => i * 0.5)),
      fc.integer({ min: 1, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => n - i)),
    );
    const ps = fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(column, ps, (xs, raw) => {
        const wanted = [...raw].sort((a, b) => a - b);
        const sorted = Float64Array.from(xs).sort();
        const expected = wanted.map((p) => percentileOfSorted(sorted, p) as number);
        const got = percentilesByRank(Float64Array.from(xs), wanted);
        // Equal as numbers (a sort may order 0 and −0 either way; they print alike).
        got.forEach((x, i) => expect(x === expected[i] || Object.is(x, expected[i])).toBe(true));
      }),
      { numRuns: 1000 },
    );
  });
  test('a column of 200,000 equal values, or in order: selection does not degrade', () => {
    const same = new Float64Array(200_000).fill(3);
    expect(percentilesByRank(same, [0.1, 0.5, 0.9])).toEqual([3, 3, 3]);
    const rising = Float64Array.from({ length: 200_001 }, (_, i) => i);
    expect(percentilesByRank(rising, [0.1, 0.5, 0.9])).toEqual([20_000, 100_000, 180_000]);
  });
});

describe('mean, sample stdev, OLS slope', () => {
  test('hand-worked', () => {
    expect(mean([100, 200, 300])).toBe(200);
    expect(sampleStdev([100, 200, 300])).toBeCloseTo(100, 12); // √((100²+0+100²)/2)
    expect(olsSlope([0, 1, 2], [100, 200, 300])).toBeCloseTo(100, 12);
    expect(olsSlope([1, 2, 3, 4], [2, 1, 4, 3])).toBeCloseTo(0.6, 12); // Sxy 3 / Sxx 5
  });
  test('undefined cases are null', () => {
    expect(mean([])).toBeNull();
    expect(sampleStdev([5])).toBeNull();
    expect(olsSlope([3], [1])).toBeNull();
    expect(olsSlope([2, 2], [1, 3])).toBeNull();
  });
});
