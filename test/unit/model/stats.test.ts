import { describe, expect, test } from 'vitest';
import { mean } from '../../../src/model/stats/mean.js';
import { olsSlope } from '../../../src/model/stats/ols-slope.js';
import { percentileOfSorted, sortedAscending } from '../../../src/model/stats/percentile.js';
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
