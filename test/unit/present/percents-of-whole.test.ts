import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { percentsOfWhole } from '../../../src/present/format.js';

describe('verdict shares shown so that they add up to 100.0%', () => {
  test('hand-worked cases', () => {
    // 99.65 and 0.35: a tie on the remainder goes to the larger share (plain rounding shows 99.7 + 0.4).
    expect(percentsOfWhole([0.9965, 0.0035])).toEqual(['99.7%', '0.3%']);
    expect(percentsOfWhole([1 / 3, 1 / 3, 1 / 3])).toEqual(['33.4%', '33.3%', '33.3%']);
    expect(percentsOfWhole([0.6, 0.4])).toEqual(['60.0%', '40.0%']);
    // 12.345 and 87.655: the 0.1 left over goes to the larger remainder, .55 against .45.
    expect(percentsOfWhole([0.12345, 0.87655])).toEqual(['12.3%', '87.7%']);
    expect(percentsOfWhole([1])).toEqual(['100.0%']);
  });
  test('any split of trials: the shown tenths add up to 1000, each within 0.1 point of its share', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 6 }), (counts) => {
        const trials = counts.reduce((a, b) => a + b, 0);
        const shares = counts.map((n) => n / trials);
        const shown = percentsOfWhole(shares).map((p) => Math.round(Number.parseFloat(p) * 10));
        expect(shown.reduce((a, b) => a + b, 0)).toBe(1000);
        shown.forEach((t, i) => expect(Math.abs(t - shares[i]! * 1000)).toBeLessThan(1 + 1e-6));
      }),
    );
  });
});
