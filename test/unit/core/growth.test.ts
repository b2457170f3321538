import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { measuredProfile } from '../../../src/core/cost/demand-profile.js';
import { demandPath, growthOf, monthRunning } from '../../../src/core/finance/demand-path.js';
import { profileFromAssumption, profileFromHistory } from '../../../src/core/utilization/utilization-profile.js';
import { scenario } from '../../helpers/scenario.js';

const flat = profileFromAssumption(0.5, [0.4, 0.6, 0.7]);

describe('demand growth over the horizon (issue 4)', () => {
  test('growth from the scenario, else fitted from the trend (points per month / mean), else none', () => {
    expect(growthOf(scenario({ workload: { growthPerMonth: 0.02 } }), flat)).toEqual({ perMonth: 0.02, source: 'scenario' });
    expect(growthOf(scenario(), flat)).toEqual({ perMonth: 0, source: 'none' });
    const T0 = Date.UTC(2026, 0, 1);
    const hours = Array.from({ length: 24 * 30 }, (_, i) => ({ hourStart: T0 + i * 3_600_000, utilization: 0.4 + 0.002 * Math.floor(i / 24) }));
    const u = profileFromHistory(hours, 90, 'UTC', []);
    // daily slope 0.002 → 0.06 points a month, on a mean of 0.429
    expect(growthOf(scenario(), u).perMonth).toBeCloseTo(0.06 / u.mean, 9);
  });
  test('cloud grows with demand: month m costs (1 + g)^(m − 1) of the measured month', () => {
    const s = scenario({ horizonMonths: 12, workload: { growthPerMonth: 0.03, egress: { internetGBPerMonth: 0 } } }, ['dedicated', 'onPrem', 'edge']);
    const a = analyze({ scenario: s, utilizationHours: null, tokenDays: null, now: 0 });
    const cloud = a.options[0]!;
    const expected = (cloud.cost.total * Array.from({ length: 12 }, (_, m) => 1.03 ** m).reduce((x, y) => x + y)) / 12;
    expect(cloud.horizonAverageMonthly).toBeCloseTo(expected, 6);
    expect(a.path.months[11]!.factor).toBeCloseTo(1.03 ** 11, 12);
  });
  test('owned capacity stays fixed: demand above it bursts to cloud month by month', () => {
    const s = scenario({ horizonMonths: 24, workload: { growthPerMonth: 0.05 } });
    const path = demandPath(s, measuredProfile([0.5], 32), flat);
    // 16 busy GPUs × 1.05^(m−1) passes the 32 owned in month 16 (1.05^15 = 2.079 → 33.26 busy):
    // burst (33.26 − 32) / 0.7 × 730 × 4.10 = 5,400 a month appears then; before, only power grows.
    const running = path.months.map((m) => monthRunning(m, 'onprem'));
    expect(running[14]! - running[13]!).toBeLessThan(200);
    expect(running[15]! - running[14]!).toBeCloseTo(((16 * 1.05 ** 15 - 32) / 0.7) * 730 * 4.1 + (running[14]! - running[13]!) * 0.4, -2);
    expect(path.months.map((m) => m.servers)).toEqual(Array(24).fill(4));
  });
  test('expansion buys servers of the first line when forecast mean demand passes capacity, after the lead time', () => {
    const s = scenario({ horizonMonths: 24, workload: { growthPerMonth: 0.05 }, options: { onPrem: { expansion: { leadTimeMonths: 3 } } } });
    const path = demandPath(s, measuredProfile([0.5], 32), flat);
    // Forecast for month m + 3 is 16 × 1.05^(m + 2): above 32 first at m = 13 (1.05^15 = 2.079 → 33.3 GPUs → 1 server).
    expect(path.expansions[0]).toMatchObject({ purchaseMonth: 15, cost: 280000, name: 'expansion: 1 × 8x H100 (ordered month 13)' });
    expect(path.months[14]!.servers).toBe(4);
    expect(path.months[15]!.servers).toBe(5);
    const servers = path.months.at(-1)!.servers!;
    expect(servers * 8).toBeGreaterThanOrEqual(16 * 1.05 ** 23); // capacity keeps up with the mean
  });
  test('growth 0 gives exactly MODEL.md §5: a constant saving less the loan payment each month', () => {
    const s = scenario({ workload: { growthPerMonth: 0 } });
    const a = analyze({ scenario: s, utilizationHours: null, tokenDays: null, now: 0 });
    const o = a.options.find((x) => x.cost.id === 'onprem')!;
    expect(o.horizonAverageMonthly).toBeCloseTo(o.cost.total, 6);
    const saving = a.options[0]!.cost.total - (o.cost.total - o.cost.capital);
    const payment = 34582.348489216456; // PMT(7 %/12, 36, 1.12M)
    for (let m = 1; m < 36; m++) expect(o.ownership!.cashFlows[m]).toBeCloseTo(saving - payment, 6);
  });
});
