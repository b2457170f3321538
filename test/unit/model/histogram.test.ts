import { describe, expect, test } from 'vitest';
import { histogram } from '../../../src/model/utilization/histogram.js';

describe('utilization histogram', () => {
  test('ten bins of 10 points; 100 % in the last; a value on a boundary goes up', () => {
    expect(histogram([0, 0.05, 0.1, 0.55, 0.999, 1])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(histogram([])).toEqual(Array(10).fill(0));
  });
});
