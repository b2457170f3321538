import { describe, expect, test } from 'vitest';
import { allOptionCosts } from '../../../src/model/cost/all-options.js';
import { flatProfile } from '../../../src/model/demand/demand-profile.js';
import { breakEvenUtilization } from '../../../src/model/cost/break-even.js';
import { lowestCrossing } from '../../../src/model/cost/lowest-crossing.js';
import { monthlyDiscountRate, npv, ownershipCashFlows } from '../../../src/model/ownership/npv.js';
import { paybackMonths } from '../../../src/model/ownership/payback.js';
import type { OwnedLine } from '../../../src/model/ownership/ownership-schedule.js';
import { scenario } from '../../helpers/scenario.js';
import { expectFlows } from '../../helpers/flows.js';

const line = (o: Partial<OwnedLine>): OwnedLine => ({
  name: 'l',
  cost: 0,
  purchaseMonth: 0,
  usefulLifeMonths: 12,
  residualFraction: 0,
  method: 'straight-line',
  ...o,
});
const total = (id: string, x: number, s = scenario()) =>
  allOptionCosts(flatProfile(x, 32), s).find((o) => o.id === id)!.total;

/** Independent check: scan X on a fine grid for the first point where the option is no dearer. */
function bruteForce(id: string, s = scenario()): number | null {
  for (let i = 0; i <= 100000; i++) {
    const x = i / 100000;
    if (total(id, x, s) <= total('cloud', x, s)) return x;
  }
  return null;
}

describe('§5 break-even utilization', () => {
  const s = scenario();
  test('on-prem: hand-worked closed form 47,208.4 / 134,112.6 = 0.35201', () => {
    // on-prem(X) = 48,279.6 + 2,710.3 X (fixed costs + power), cloud(X) = 1,071.2 + 136,822.9 X
    const fixedOnPrem =
      21000 + 124964.54561179753 / 36 + 6120 + 7500 + (0.08 * 1120000) / 12 + 1500 + 60 + 4 * 10.2 * 0.3 * 1.3 * 73;
    const powerSlope = 4 * 10.2 * 0.7 * 1.3 * 73;
    const cloudSlope = (32 / 0.7) * 730 * 4.1;
    const expected = (fixedOnPrem - 1071.2) / (cloudSlope - powerSlope);
    expect(breakEvenUtilization('onprem', 32, s)).toBeCloseTo(expected, 9);
  });
  test.each(['dedicated', 'onprem', 'edge'])('%s agrees with a brute-force scan to 1e-5', (id) => {
    const capacity = id === 'dedicated' ? 32 : id === 'onprem' ? 32 : 8;
    const exact = breakEvenUtilization(id as 'dedicated', capacity, s);
    const scanned = bruteForce(id, s);
    if (scanned === null) expect(exact).toBeNull();
    else expect(Math.abs((exact as number) - scanned)).toBeLessThanOrEqual(1e-5);
  });
  test('null when the option never beats cloud on [0, 1]', () => {
    const dear = scenario({ options: { dedicated: { perGpuHour: 20 } } });
    expect(breakEvenUtilization('dedicated', 32, dear)).toBeNull();
    expect(bruteForce('dedicated', dear)).toBeNull();
  });
  test('0 when the option is cheaper even idle; null for cloud itself', () => {
    const cheap = scenario({ options: { cloud: { minWarmGpus: 32 }, dedicated: { perGpuHour: 1 } } });
    expect(breakEvenUtilization('dedicated', 32, cheap)).toBe(0);
    expect(breakEvenUtilization('cloud', null, s)).toBeNull();
  });
  test('with a warm floor, the kink is honoured (brute force agrees)', () => {
    const warm = scenario({ options: { cloud: { minWarmGpus: 12 } } });
    const exact = breakEvenUtilization('onprem', 32, warm) as number;
    expect(Math.abs(exact - (bruteForce('onprem', warm) as number))).toBeLessThanOrEqual(1e-5);
  });
  test('lowestCrossing solves each linear segment exactly', () => {
    expect(lowestCrossing((x) => 1 - 4 * x, [])).toBeCloseTo(0.25, 15);
    expect(lowestCrossing((x) => (x < 0.5 ? 1 : 1 - 4 * (x - 0.5)), [0.5])).toBeCloseTo(0.75, 15);
    expect(lowestCrossing(() => 1, [0.3])).toBeNull();
  });
});

describe('§5 payback', () => {
  test('hardware ÷ (cloud − option without capital)', () => {
    expect(paybackMonths(1.12e6, 76323.77, 49770, 24471.24)).toBeCloseTo(1.12e6 / (76323.77 - 25298.76), 9); // 21.95
  });
  test('null when owning does not save', () => {
    expect(paybackMonths(1e6, 10000, 30000, 5000)).toBeNull();
  });
});

describe('§5 NPV', () => {
  test('monthly rate (1 + d)^(1/12) − 1', () => {
    expect(monthlyDiscountRate(0.08)).toBeCloseTo(0.00643403011000343, 15);
  });
  test('NPV of flows = spreadsheet NPV(r, CF1..CFn) + CF0', () => {
    expect(npv([-100, 110], 0.1)).toBeCloseTo(0, 12);
    expect(npv([-1000, 500, 500, 500], 0)).toBe(500);
  });
  test('cash purchase, saving and book value at H (hand-worked: 247.48)', () => {
    // 1,200 of hardware, 12-month life, no residual, 150/month saving, H = 6, 10 %/year.
    const flows = ownershipCashFlows({
      lines: [line({ cost: 1200, usefulLifeMonths: 12 })],
      monthlySaving: 150,
      horizonMonths: 6,
    });
    expectFlows(flows, [-1200, 150, 150, 150, 150, 150, 150 + 600]);
    expect(npv(flows, monthlyDiscountRate(0.1))).toBeCloseTo(247.4837086557655, 9);
  });
  test('re-purchase at end of life inside the horizon; residual floor at H', () => {
    const a = line({ cost: 1200, usefulLifeMonths: 4, residualFraction: 0.25 });
    const flows = ownershipCashFlows({ lines: [a], monthlySaving: 0, horizonMonths: 10 });
    expect(flows[0]).toBe(-1200);
    expect(flows[4]).toBe(-1200);
    expect(flows[8]).toBe(-1200);
    expect(flows[10]).toBeCloseTo(750, 9); // the third purchase, 2 months in: 1,200 − 225 × 2
    // At H = 8 the second purchase has reached its residual (300) and none is bought at H.
    expect(ownershipCashFlows({ lines: [a], monthlySaving: 0, horizonMonths: 8 })[8]).toBeCloseTo(300, 9);
  });
  test('financed: no cash at month 0, payments, balance paid off at H', () => {
    const flows = ownershipCashFlows({
      lines: [line({ cost: 1.12e6, usefulLifeMonths: 48, residualFraction: 0.1 })],
      financing: { annualRate: 0.07, termMonths: 36 },
      monthlySaving: 0,
      horizonMonths: 12,
    });
    expect(flows[0]).toBe(0);
    expect(flows[1]).toBeCloseTo(-34582.348489216456, 6);
    // month 12: payment, balance after 12 payments, and book value 1.12M − 21,000 × 12
    expect(flows[12]).toBeCloseTo(-34582.348489216456 - 772400.1873903023 + (1.12e6 - 21000 * 12), 3);
  });
});
