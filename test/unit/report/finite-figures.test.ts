import { describe, expect, test } from 'vitest';
import { holdsNonFinite } from '../../../src/report/finite-figures.js';

describe('the last guard against an overflowed figure', () => {
  test('finds a non-finite number at any depth, in objects, arrays and typed arrays', () => {
    expect(holdsNonFinite({ a: 1, b: [2, { c: 3 }], d: 'x', e: null, f: true })).toBe(false);
    expect(holdsNonFinite({ a: 1, b: [2, { c: Infinity }] })).toBe(true);
    expect(holdsNonFinite([[[NaN]]])).toBe(true);
    expect(holdsNonFinite({ columns: Float64Array.of(1, -Infinity) })).toBe(true);
    expect(holdsNonFinite({ columns: Float64Array.of(1, 2) })).toBe(false);
    // Text that reads "Infinity" is not a figure.
    expect(holdsNonFinite({ note: 'Infinity', n: '1e400' })).toBe(false);
  });
});
