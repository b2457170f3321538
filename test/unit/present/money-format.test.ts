import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { intlMoney, money, rate } from '../../../src/present/format.js';

describe('money as Intl formats it, without building a formatter', () => {
  test.each([
    [0, '$0'],
    [-0.4, '-$0'],
    [-0.5, '-$1'],
    [0.5, '$1'],
    [1234.5, '$1,235'],
    [-59330.2, '-$59,330'],
    [1e20, '$100,000,000,000,000,000,000'],
  ])('money(%d) = %s', (x, text) => {
    expect(money(x, 'USD')).toBe(text);
    expect(money(x, 'USD')).toBe(intlMoney(x, 'USD', 0));
  });
  test.each([
    [2679.035, '$2,679.04'],
    [1.005, '$1.01'],
    [-1.005, '-$1.01'],
    [0.125, '$0.13'],
    [999.995, '$1,000.00'],
  ])('rate(%d) = %s: the decimal that is written, not the binary just below it', (x, text) => {
    expect(rate(x, 'USD')).toBe(text);
    expect(rate(x, 'USD')).toBe(intlMoney(x, 'USD', 2));
  });
  test('property: every value, three currencies, whole units and cents', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e15, max: 1e15, noNaN: true }),
          fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 200),
        ),
        fc.constantFrom('USD', 'EUR', 'GBP'),
        (x, currency) => {
          expect(money(x, currency)).toBe(intlMoney(x, currency, 0));
          expect(rate(x, currency)).toBe(intlMoney(x, currency, 2));
        },
      ),
      { numRuns: 5000 },
    );
  });
  test('another currency goes to Intl', () => {
    expect(money(1234.5, 'JPY')).toBe(intlMoney(1234.5, 'JPY', 0));
  });
});
