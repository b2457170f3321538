import { describe, expect, test } from 'vitest';
import { levelPayment } from '../../../src/model/ownership/loan.js';
import {
  hardwareCashFlows,
  ownershipSchedule,
  purchaseTimes,
  type OwnedLine,
} from '../../../src/model/ownership/ownership-schedule.js';

const line = (o: Partial<OwnedLine>): OwnedLine => ({
  name: 'x',
  cost: 1200,
  purchaseMonth: 0,
  usefulLifeMonths: 12,
  residualFraction: 0,
  method: 'straight-line',
  ...o,
});

describe('ownership schedule (issue 4)', () => {
  test('purchase at purchaseMonth, re-purchase at each end of life inside the horizon', () => {
    expect(purchaseTimes(line({ purchaseMonth: 3, usefulLifeMonths: 10 }), 30)).toEqual([3, 13, 23]);
    expect(purchaseTimes(line({ purchaseMonth: 30 }), 30)).toEqual([]);
    const s = ownershipSchedule(
      [line({ purchaseMonth: 2, usefulLifeMonths: 4, residualFraction: 0.25 })],
      undefined,
      0,
      12,
    );
    const m = s.lines[0]!.months;
    expect(m.map((x) => x.purchase)).toEqual([0, 0, 1200, 0, 0, 0, 1200, 0, 0, 0, 1200, 0]);
    expect(m.map((x) => x.depreciation)).toEqual([0, 0, 225, 225, 225, 225, 225, 225, 225, 225, 225, 225]);
    expect(m.map((x) => x.bookValue)).toEqual([0, 0, 975, 750, 525, 300, 975, 750, 525, 300, 975, 750]);
    expect(s.bookValueAtHorizon).toBe(750);
  });
  test('financed with a down payment: cash at purchase, then PMT on the rest, split into interest and principal', () => {
    const s = ownershipSchedule(
      [line({ cost: 10000, usefulLifeMonths: 60 })],
      { annualRate: 0.12, termMonths: 12, downPaymentFraction: 0.2 },
      500,
      24,
    );
    const payment = levelPayment(8000, 0.01, 12); // PMT(1 %, 12, 8,000) = 710.79
    expect(payment).toBeCloseTo(710.79, 2);
    const [first, second] = s.months;
    expect(first).toMatchObject({
      purchases: 10000,
      interest: 80,
      principal: expect.closeTo(payment - 80, 9),
      loanPayment: expect.closeTo(payment, 9),
      opex: 500,
    });
    expect(first!.cashOut).toBeCloseTo(2000 + payment + 500, 9);
    expect(first!.accrualCost).toBeCloseTo(10000 / 60 + 80 + 500, 9);
    expect(second!.interest).toBeCloseTo((8000 - (payment - 80)) * 0.01, 9);
    const principalPaid = s.months.reduce((sum, m) => sum + m.principal, 0);
    expect(principalPaid).toBeCloseTo(8000, 6); // the loan is repaid within the horizon
    expect(s.months[12]!.loanPayment).toBe(0);
    expect(s.balanceAtHorizon).toBe(0);
  });
  test('a loan running past the horizon leaves its balance', () => {
    const s = ownershipSchedule(
      [line({ cost: 1.12e6, usefulLifeMonths: 48 })],
      { annualRate: 0.07, termMonths: 36 },
      0,
      12,
    );
    expect(s.balanceAtHorizon).toBeCloseTo(772400.1873903023, 4); // as computed for MODEL.md §5 NPV
  });
  test('lines of the same shape scale with their price; another shape is not served from the memo', () => {
    const fin = { annualRate: 0.09, termMonths: 24, downPaymentFraction: 0.25 };
    const a = ownershipSchedule([line({ cost: 1000, residualFraction: 0.25, usefulLifeMonths: 10 })], fin, 0, 30);
    const b = ownershipSchedule([line({ cost: 1000, residualFraction: 0, usefulLifeMonths: 10 })], fin, 0, 30);
    const a3 = ownershipSchedule([line({ cost: 3000, residualFraction: 0.25, usefulLifeMonths: 10 })], fin, 0, 30);
    expect(a.months[0]!.depreciation).toBeCloseTo(75, 9); // 1,000 × 0.75 / 10
    expect(b.months[0]!.depreciation).toBeCloseTo(100, 9);
    a.months.forEach((m, i) => {
      for (const k of ['purchases', 'depreciation', 'interest', 'principal', 'loanPayment', 'cashOut'] as const)
        expect(a3.months[i]![k]).toBeCloseTo(3 * m[k], 6);
    });
    expect(a3.balanceAtHorizon).toBeCloseTo(3 * a.balanceAtHorizon, 6);
    const noLoan = ownershipSchedule(
      [line({ cost: 1000, residualFraction: 0.25, usefulLifeMonths: 10 })],
      undefined,
      0,
      30,
    );
    expect(noLoan.months[0]!.loanPayment).toBe(0);
  });
  test('a line that differs in any one part of its shape is not served the memo of another', () => {
    const base = line({
      cost: 1000,
      residualFraction: 0.25,
      usefulLifeMonths: 10,
      method: 'declining-balance',
      factor: 2,
    });
    const variants: Array<Partial<OwnedLine>> = [
      { purchaseMonth: 1 },
      { usefulLifeMonths: 12 },
      { residualFraction: 0.1 },
      { method: 'straight-line' },
      { factor: 1.5 },
    ];
    // The cash flows come from the memo of unit schedules; the schedule computes its own.
    const cashOf = (l: OwnedLine) => hardwareCashFlows([l], undefined, 30);
    const before = cashOf(base);
    for (const v of variants) {
      expect(cashOf({ ...base, ...v })).not.toEqual(before);
      expect(cashOf(base)).toEqual(before); // and the memo still serves the first its own
    }
  });
  test('declining balance depreciates faster early; totals still reach cost − residual per life', () => {
    const db = ownershipSchedule(
      [line({ cost: 2400, residualFraction: 0.125, usefulLifeMonths: 120, method: 'declining-balance' })],
      undefined,
      0,
      120,
    );
    expect(db.months[0]!.depreciation).toBeCloseTo(40, 9); // VDB(2400, 300, 120, 0, 1)
    expect(db.months.reduce((s, m) => s + m.depreciation, 0)).toBeCloseTo(2100, 6);
    expect(db.bookValueAtHorizon).toBeCloseTo(300, 6);
  });
});
