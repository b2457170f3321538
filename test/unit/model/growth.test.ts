import { describe, expect, test } from 'vitest';
import { analyze, fittedGrowthRefusal } from '../../../src/model/analysis/analyze.js';
import { monthlyDiscountRate, npv } from '../../../src/model/ownership/npv.js';
import { measuredProfile } from '../../../src/model/demand/demand-profile.js';
import { allOptionCosts } from '../../../src/model/cost/all-options.js';
import { demandPath, growthFactor, growthOf, pathRunning } from '../../../src/model/analysis/demand-path.js';
import { profileFromAssumption, profileFromHistory } from '../../../src/model/utilization/utilization-profile.js';
import { scenario } from '../../helpers/scenario.js';

const flat = profileFromAssumption(0.5, [0.4, 0.6, 0.7]);

describe('demand growth over the horizon: opt-in', () => {
  const T0 = Date.UTC(2026, 0, 1);
  /** Daily means rising 0.002 a day from 0.4: 0.06 points a month. */
  const rising = (days: number) =>
    profileFromHistory(
      Array.from({ length: 24 * days }, (_, i) => ({
        hourStart: T0 + i * 3_600_000,
        utilization: 0.4 + 0.002 * Math.floor(i / 24),
      })),
      90,
      'UTC',
      [],
    );
  test('none by default, even with a trend; a stated rate is compounded', () => {
    expect(growthOf(scenario(), rising(30))).toEqual({ perMonth: 0, source: 'none' });
    expect(growthOf(scenario({ workload: { growthPerMonth: 0.02 } }), flat)).toEqual({
      perMonth: 0.02,
      source: 'scenario',
    });
    expect(growthFactor({ perMonth: 0.02, source: 'scenario' }, 13)).toBeCloseTo(1.02 ** 12, 12);
  });
  test('"fitted" continues the trend in a straight line in busy GPUs, never below zero', () => {
    const u = rising(90);
    const g = growthOf(scenario({ workload: { growthPerMonth: 'fitted' } }), u);
    // daily slope 0.002 → 0.06 points a month, on a mean of 0.4 + 0.002 × 44.5 = 0.489
    expect(g.source).toBe('fitted');
    expect(g.perMonth).toBeCloseTo(0.06 / 0.489, 9);
    expect(growthFactor(g, 1)).toBe(1);
    expect(growthFactor(g, 11)).toBeCloseTo(1 + 10 * (0.06 / 0.489), 9); // linear, not (1 + g)^10
    expect(growthFactor({ perMonth: -0.3, source: 'fitted' }, 5)).toBe(0); // 1 − 4 × 0.3 < 0
  });
  test('"fitted" is refused without 90 days of history at 80 % coverage, with the reason', () => {
    const fitted = scenario({ workload: { growthPerMonth: 'fitted' } });
    expect(fittedGrowthRefusal(fitted, rising(30))).toEqual({
      reason: 'thin-history',
      spanDays: 30,
      coverage: 1,
      neededDays: 90,
      neededCoverage: 0.8,
    });
    expect(fittedGrowthRefusal(fitted, rising(90))).toBeNull();
    expect(fittedGrowthRefusal(fitted, flat)).toEqual({ reason: 'no-history' });
    expect(fittedGrowthRefusal(scenario(), rising(30))).toBeNull();
  });
  test('the report says what the trend would do, without applying it', () => {
    const s = scenario({ horizonMonths: 12 }, ['onPrem', 'edge']);
    const hours = Array.from({ length: 24 * 30 }, (_, i) => ({
      hourStart: T0 + i * 3_600_000,
      utilization: 0.4 + 0.002 * Math.floor(i / 24),
    }));
    const a = analyze({ scenario: s, utilizationHours: hours, tokenDays: null, now: 0 });
    expect(a.growth).toMatchObject({ applied: false, perMonth: 0, source: 'none' });
    const cloud = a.options[0]!;
    expect(cloud.horizonAverageMonthly).toBeCloseTo(cloud.cost.total, 6);
    const ifTrend = a.growth.ifTrendContinues!;
    expect(ifTrend.perMonth).toBeCloseTo(0.06 / a.utilization.mean, 9);
    expect(ifTrend.options.find((o) => o.id === 'cloud')!.horizonAverageMonthly).toBeGreaterThan(cloud.cost.total);
    expect(
      analyze({ scenario: s, utilizationHours: null, tokenDays: null, now: 0 }).growth.ifTrendContinues,
    ).toBeNull();
  });
  test('cloud grows with demand: month m costs (1 + g)^(m − 1) of the measured month', () => {
    const s = scenario({ horizonMonths: 12, workload: { growthPerMonth: 0.03, egress: { internetGBPerMonth: 0 } } }, [
      'dedicated',
      'onPrem',
      'edge',
    ]);
    const a = analyze({ scenario: s, utilizationHours: null, tokenDays: null, now: 0 });
    const cloud = a.options[0]!;
    const expected = (cloud.cost.total * Array.from({ length: 12 }, (_, m) => 1.03 ** m).reduce((x, y) => x + y)) / 12;
    expect(cloud.horizonAverageMonthly).toBeCloseTo(expected, 6);
    expect(a.path.factors[11]!).toBeCloseTo(1.03 ** 11, 12);
  });
  test('owned capacity stays fixed: demand above it bursts to cloud month by month', () => {
    const s = scenario({ horizonMonths: 24, workload: { growthPerMonth: 0.05 } });
    const path = demandPath(s, measuredProfile([0.5], 32), flat);
    // 16 busy GPUs × 1.05^(m−1) passes the 32 × 0.7 = 22.4 the servers serve in month 8
    // (1.05^7 = 1.407 → 22.51 busy): burst (22.51 − 22.4) / 0.7 × 730 × 4.10 = 489 a month appears
    // then; before, only power and egress grow, 5 % a month.
    const running = pathRunning(path, 'onprem') as number[];
    expect(running[6]! - running[5]!).toBeLessThan(200);
    expect(running[7]! - running[6]!).toBeCloseTo(
      ((16 * 1.05 ** 7 - 22.4) / 0.7) * 730 * 4.1 + (running[6]! - running[5]!) * 1.05,
      -2,
    );
    expect([...path.servers!]).toEqual(Array(24).fill(4));
  });
  test('expansion buys servers of the first line when forecast mean demand passes capacity, after the lead time', () => {
    const s = scenario({
      horizonMonths: 24,
      workload: { growthPerMonth: 0.05 },
      options: { onPrem: { expansion: { leadTimeMonths: 3 } } },
    });
    const path = demandPath(s, measuredProfile([0.5], 32), flat);
    // Forecast for month m + 3 is 16 × 1.05^(m + 2): above the 22.4 busy GPUs 4 servers serve first
    // at m = 5 (1.05^7 = 1.407 → 22.5 busy → 1 more server of 5.6).
    expect(path.expansions[0]).toMatchObject({
      purchaseMonth: 7,
      cost: 280000,
      name: 'expansion: 1 × 8x H100 (ordered month 5)',
    });
    expect(path.servers![6]).toBe(4);
    expect(path.servers![7]).toBe(5);
    const servers = path.servers!.at(-1)!;
    expect(servers * 8 * 0.7).toBeGreaterThanOrEqual(16 * 1.05 ** 23); // capacity at τ keeps up with the mean
  });
  test('the measured month handed in is taken as the first month only when it is that month', () => {
    const cases: Array<[Parameters<typeof scenario>[0], number]> = [
      [{ workload: { growthPerMonth: 0 } }, 0.5],
      [{ workload: { growthPerMonth: 0.05 } }, 0.5],
      // Servers arriving in month 1 (no lead time): month 1 is not the measured fleet.
      [{ workload: { growthPerMonth: 0.05 }, options: { onPrem: { expansion: { leadTimeMonths: 0 } } } }, 0.9],
      // Busy above the fleet (utilization capped at 1 in each month's profile).
      [{ workload: { growthPerMonth: 0.02 } }, 1.25],
    ];
    for (const [overrides, level] of cases) {
      const s = scenario({ horizonMonths: 12, ...overrides });
      const demand = measuredProfile([level], 32);
      const u = profileFromAssumption(Math.min(level, 1), [0.4, 0.6, 0.7]);
      const measured = allOptionCosts(demand, s, 20);
      expect(demandPath(s, demand, u, undefined, 20, measured)).toEqual(demandPath(s, demand, u, undefined, 20));
    }
  });
  test('growth 0: the unlevered flows are a constant saving; financedNpv takes the loan payment off each month', () => {
    const s = scenario({ workload: { growthPerMonth: 0 } });
    const a = analyze({ scenario: s, utilizationHours: null, tokenDays: null, now: 0 });
    const o = a.options.find((x) => x.cost.id === 'onprem')!;
    expect(o.horizonAverageMonthly).toBeCloseTo(o.cost.total, 6);
    const saving = a.options[0]!.cost.total - (o.cost.total - o.cost.capital);
    // Cash purchase: −1.12M at month 0, the saving months 1..36, the book value 1.12M − 36 × 21,000 back at 36.
    const cash = [-1.12e6, ...Array(35).fill(saving), saving + 1.12e6 - 36 * 21000];
    expect(o.ownership!.cashFlows).toHaveLength(37);
    o.ownership!.cashFlows.forEach((cf, m) => expect(cf).toBeCloseTo(cash[m]!, 6));
    const r = monthlyDiscountRate(0.08);
    expect(o.npv).toBeCloseTo(npv(cash, r), 6);
    // Financed (no down payment): nothing at month 0, the saving less PMT(7 %/12, 36, 1.12M) each month.
    const payment = 34582.348489216456;
    const financed = [0, ...Array(35).fill(saving - payment), saving - payment + 1.12e6 - 36 * 21000];
    expect(o.financedNpv).toBeCloseTo(npv(financed, r), 4);
    expect(o.financedNpv).not.toBeCloseTo(o.npv!, 0);
    expect(a.options.find((x) => x.cost.id === 'edge')!.financedNpv).toBeNull(); // no financing
    // Against the best rented option: the reserved plan is cheaper than cloud here, so owning
    // saves less each month than against on-demand.
    const reserved = a.options.find((x) => x.cost.id === 'reserved')!.cost.total;
    expect(reserved).toBeLessThan(a.options[0]!.cost.total);
    const vsReserved = reserved - (o.cost.total - o.cost.capital);
    expect(o.npvVsBestRented).toBeCloseTo(
      npv([-1.12e6, ...Array(35).fill(vsReserved), vsReserved + 1.12e6 - 36 * 21000], r),
      4,
    );
    expect(o.npvVsBestRented!).toBeLessThan(o.npv!);
  });
});
