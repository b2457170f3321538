import { describe, expect, test } from 'vitest';
import { optionCost, type OptionCost } from '../../../src/model/cost/option-cost.js';
import type { ReservedSizing } from '../../../src/model/reserved/reserved-sizing.js';
import { latencyFloors } from '../../../src/model/signals/latency-floors.js';
import type { TokenStats } from '../../../src/model/signals/token-stats.js';
import { profileFromAssumption, type UtilizationProfile } from '../../../src/model/utilization/utilization-profile.js';
import { repatriation } from '../../../src/model/verdict/repatriation.js';
import { verdict, type VerdictInput } from '../../../src/model/verdict/verdict.js';
import { scenario } from '../../helpers/scenario.js';

/** A measured profile with chosen statistics (the verdict reads only these). */
function profile(
  consistent: number,
  sustained60: number | null,
  peakToMedian: number | null = 1.2,
): UtilizationProfile {
  const p = profileFromAssumption(consistent, [0.4, 0.6, 0.7]);
  return {
    ...p,
    kind: 'history',
    mean: consistent + 0.05,
    consistent,
    sustainedDays: { ...p.sustainedDays, '0.6': sustained60 },
    peakToMedian,
    daysBelow: { '0.5': 0 },
  };
}
const tokens = (cv: number | null, trend = 0.01): TokenStats => ({
  days: 90,
  firstDay: 0,
  lastDay: 89,
  dailyMean: 1e9,
  cv,
  trendPerMonth: trend,
  stable: cv === null ? null : cv <= 0.25 && Math.abs(trend) <= 0.1,
  monthlyTokens: 3e10,
});
/** Months at the measured profile: cloud, dedicated as configured, the reserved plan, on-prem. */
const costs = (cloud: number, dedicated: number, reserved: number, onprem: number): OptionCost[] => [
  optionCost('cloud', { compute: cloud }),
  optionCost('dedicated', { reserved: dedicated }),
  optionCost('reserved', { reserved }),
  optionCost('onprem', { depreciation: onprem }),
];
/** The reserved plan's size: k GPUs, and the share of the busy GPU-hours that bursts. */
const sizing = (gpus: number, burstShareOfBusyGpuHours: number): ReservedSizing => ({
  gpus,
  burstShareOfBusyGpuHours,
  burstShareOfHours: 0.7,
  criticalRatio: 2.6 / 4.1,
  reservedPerGpuHour: 2.6,
  onDemandPerGpuHour: 4.1,
  peakBusyGpus: 30,
  peakGpus: 43,
  allReservedMonthly: 90,
  allCloudMonthly: 100,
});

function input(
  over: Partial<VerdictInput> & { u?: UtilizationProfile; egress?: number | null; t?: TokenStats | null } = {},
): VerdictInput {
  const s = over.scenario ?? scenario();
  const u = over.u ?? profile(0.5, 10);
  const t = over.t === undefined ? tokens(0.1) : over.t;
  return {
    scenario: s,
    utilization: u,
    tokens: t,
    latency: latencyFloors(s.workload.constraints),
    repatriation: repatriation(u, over.egress === undefined ? 0.15 : over.egress, t),
    egressShare: over.egress === undefined ? 0.15 : over.egress,
    costs: over.costs ?? costs(100, 80, 75, 60),
    onPremPaybackMonths: over.onPremPaybackMonths === undefined ? 12 : over.onPremPaybackMonths,
    onPremNpv: over.onPremNpv === undefined ? 1000 : over.onPremNpv,
    reserved: over.reserved === undefined ? sizing(20, 0.05) : over.reserved,
  };
}

describe('§7 repatriation conditions', () => {
  test('all four met', () => {
    const r = repatriation(profile(0.65, 90), 0.1, tokens(0.2));
    expect(r.met).toBe(true);
    expect(r.conditions.map((c) => c.status)).toEqual(['met', 'met', 'met', 'met']);
  });
  test('each condition with its values; unknown is not met', () => {
    const r = repatriation(profile(0.65, 89, 1.6), 0.09, null);
    expect(r.met).toBe(false);
    expect(Object.fromEntries(r.conditions.map((c) => [c.id, c.status]))).toEqual({
      utilization: 'not-met',
      egress: 'not-met',
      tokens: 'unknown',
      concurrency: 'not-met',
    });
    expect(r.conditions[0]?.checks).toEqual([
      { metric: 'utilization.consistent', value: 0.65, comparator: '>=', threshold: 0.6 },
      { metric: 'utilization.sustainedDays.0.6', value: 89, comparator: '>=', threshold: 90 },
    ]);
  });
  test('a falling token trend beyond 10 %/month is not stable', () => {
    expect(repatriation(profile(0.65, 90), 0.2, tokens(0.1, -0.2)).conditions[2]?.status).toBe('not-met');
  });
});

describe('§8 verdict: the family by the first rule that applies, then its cheapest plan', () => {
  const sovereign = scenario({ workload: { constraints: { sovereignty: true, agentic: true } } });
  test('1 sovereignty → on-prem-sovereign: the servers, what is bought at month 0, and what sovereignty costs', () => {
    const v = verdict(input({ scenario: sovereign, u: profile(0.1, 0), costs: costs(100, 80, 70, 90) }));
    expect([v.placement, v.governingConstraint, v.rule]).toEqual(['on-prem-sovereign', 'regulatory', 1]);
    expect(v.plan).toMatchObject({
      family: 'onprem',
      option: 'onprem',
      servers: 4,
      gpus: 32,
      upfront: 4 * 280000,
      monthly: 90,
      termMonths: null,
    });
    // 90 for on-prem against the reserved plan's 70: sovereignty costs 20 a month.
    expect(v.constraintCost).toEqual({
      monthly: 20,
      cheapest: 'reserved',
      cheapestMonthly: 70,
      constraint: 'regulatory',
      failing: [],
    });
    // No on-prem option: the placement stands, with no plan to size.
    expect(
      verdict(
        input({
          scenario: scenario({ workload: { constraints: { sovereignty: true } } }, ['onPrem']),
          costs: costs(100, 80, 70, 90).slice(0, 3),
        }),
      ).plan,
    ).toBeNull();
  });
  test('2 ≥ 20 % of traffic beyond the latency floor → edge', () => {
    const regions = [
      { name: 'near', trafficShare: 0.8, rttMs: 10 },
      { name: 'far', trafficShare: 0.2, rttMs: 200 },
    ];
    const withEdge = [...costs(100, 80, 75, 60), optionCost('edge', { depreciation: 50 })];
    const v = verdict(
      input({ scenario: scenario({ workload: { constraints: { ttftTargetMs: 300, regions } } }), costs: withEdge }),
    );
    expect([v.placement, v.governingConstraint, v.rule]).toEqual(['edge', 'latency-geography', 2]);
    expect(v.reasons[0]?.args).toMatchObject({ farShare: 0.2, targetMs: 300, regions: 'far (350 ms)' });
    expect(v.plan).toMatchObject({ family: 'edge', gpus: 8, servers: 4, upfront: 4 * 90000, monthly: 50 });
    expect(v.constraintCost?.monthly).toBe(0);
    const under = [
      { name: 'near', trafficShare: 0.81, rttMs: 10 },
      { name: 'far', trafficShare: 0.19, rttMs: 200 },
    ];
    expect(
      verdict(input({ scenario: scenario({ workload: { constraints: { ttftTargetMs: 300, regions: under } } }) }))
        .placement,
    ).not.toBe('edge');
  });
  test('3 agentic, or token cv > 0.35 → always hybrid-burst, even when burst is small', () => {
    const agentic = verdict(
      input({ scenario: scenario({ workload: { constraints: { agentic: true } } }), reserved: sizing(20, 0.02) }),
    );
    expect([agentic.placement, agentic.rule, agentic.reasons.map((r) => r.code)]).toEqual([
      'hybrid-burst',
      3,
      ['agentic', 'reserved-sizing'],
    ]);
    expect(agentic.plan).toMatchObject({
      family: 'reserved',
      option: 'reserved',
      gpus: 20,
      termMonths: 12,
      burstShareOfBusyGpuHours: 0.02,
      monthly: 75,
      perGpuHour: 2.6,
    });
    const v = verdict(input({ t: tokens(0.36) }));
    expect([v.placement, v.rule, v.reasons[0]?.code]).toEqual(['hybrid-burst', 3, 'token-volatile']);
    expect(verdict(input({ t: tokens(0.35) })).placement).not.toBe('hybrid-burst');
    // Without a dedicated option there are no reserved rates: the placement, and no plan.
    const unpriced = verdict(
      input({
        t: tokens(0.5),
        scenario: scenario({}, ['dedicated']),
        costs: [optionCost('cloud', { compute: 100 })],
        reserved: null,
      }),
    );
    expect([unpriced.placement, unpriced.plan]).toEqual(['hybrid-burst', null]);
  });
  test('4 consistent < 0.40 → cloud-managed: GPUs for p95 demand at τ, and what staying elastic costs over the reserved plan', () => {
    const v = verdict(input({ u: profile(0.39, 0) }));
    expect([v.placement, v.rule, v.reasons[0]?.args.consistent]).toEqual(['cloud-managed', 4, 0.39]);
    // p95 0.39 × 32 = 12.48 busy GPUs / 0.7 = 17.8 → 18 GPUs.
    expect(v.plan).toMatchObject({
      family: 'cloud',
      option: 'cloud',
      gpus: 18,
      monthly: 100,
      upfront: 0,
      perGpuHour: 4.1,
    });
    expect(v.constraintCost).toEqual({
      monthly: 40,
      cheapest: 'onprem',
      cheapestMonthly: 60,
      constraint: 'utilization-economics',
      failing: [
        { metric: 'utilization.consistent', value: 0.39, comparator: '>=', threshold: 0.6 },
        { metric: 'utilization.sustainedDays.0.6', value: 0, comparator: '>=', threshold: 90 },
      ],
    });
    const reservedCheapest = verdict(input({ u: profile(0.39, 0), costs: costs(100, 80, 75, 90) }));
    expect(reservedCheapest.constraintCost).toMatchObject({
      monthly: 25,
      cheapest: 'reserved',
      failing: [{ metric: 'utilization.consistent', value: 0.39, comparator: '>=', threshold: 0.4 }],
    });
    // The warm floor is the least provisioned.
    const warm = verdict(
      input({ scenario: scenario({ options: { cloud: { minWarmGpus: 20 } } }), u: profile(0.39, 0) }),
    );
    expect(warm.plan?.gpus).toBe(20);
  });
  test('5 repatriation met, payback ≤ 18 and npv > 0 → on-prem', () => {
    const v = verdict(input({ u: profile(0.7, 90), onPremPaybackMonths: 18 }));
    expect([v.placement, v.governingConstraint, v.rule]).toEqual(['on-prem', 'repatriation-threshold', 5]);
    expect(v.reasons[1]?.args).toEqual({ paybackMonths: 18, limit: 18 });
    expect(v.plan).toMatchObject({ family: 'onprem', servers: 4, monthly: 60 });
    expect(verdict(input({ u: profile(0.7, 90), onPremPaybackMonths: 18, onPremNpv: -1 })).placement).toBe(
      'dedicated-reserved',
    );
    // A lease pays back at once (payback 0).
    expect(verdict(input({ u: profile(0.7, 90), onPremPaybackMonths: 0 })).placement).toBe('on-prem');
  });
  test('6 sustained ≥ 60 %: the reserved plan; dedicated-reserved under 10 % of busy GPU-hours on burst, else hybrid-burst', () => {
    const v = verdict(input({ u: profile(0.7, 90), onPremPaybackMonths: 18.5, reserved: sizing(20, 0.0999) }));
    expect([v.placement, v.rule, v.placementOption]).toEqual(['dedicated-reserved', 6, 'reserved']);
    expect(v.reasons.map((r) => r.code)).toEqual(['utilization-sustained', 'reserved-sizing']);
    // On-prem at 60 is cheaper than the plan's 75: what reserving instead costs, and why on-prem was not chosen.
    expect(v.constraintCost).toEqual({
      monthly: 15,
      cheapest: 'onprem',
      cheapestMonthly: 60,
      constraint: 'utilization-economics',
      failing: [{ metric: 'onprem.paybackMonths', value: 18.5, comparator: '<=', threshold: 18 }],
    });
    expect(
      verdict(input({ u: profile(0.7, 90), onPremPaybackMonths: 18.5, reserved: sizing(20, 0.1) })).placement,
    ).toBe('hybrid-burst');
    const noEgress = verdict(input({ u: profile(0.7, 90), egress: 0.05 }));
    expect(noEgress.constraintCost?.failing).toEqual([
      { metric: 'traffic.egressShare', value: 0.05, comparator: '>=', threshold: 0.1 },
    ]);
    const unpriced = verdict(
      input({
        u: profile(0.7, 90),
        onPremPaybackMonths: 20,
        scenario: scenario({}, ['dedicated']),
        costs: [optionCost('cloud', { compute: 100 })],
        reserved: null,
      }),
    );
    expect([unpriced.placement, unpriced.plan]).toEqual(['dedicated-reserved', null]);
  });
  test('7 between the bands: the cheaper of the cloud plan and the reserved plan', () => {
    const reserved = verdict(input({ u: profile(0.5, 10), costs: costs(100, 80, 75, 90), reserved: sizing(12, 0.3) }));
    expect([reserved.placement, reserved.governingConstraint, reserved.rule]).toEqual([
      'hybrid-burst',
      'predictability',
      7,
    ]);
    expect(reserved.reasons[1]).toEqual({
      code: 'cheaper-at-measured',
      args: { option: 'reserved', total: 75, other: 'cloud', otherTotal: 100 },
    });
    expect(verdict(input({ u: profile(0.5, 10), reserved: sizing(12, 0.05) })).placement).toBe('dedicated-reserved');
    // k = 0: no reservation pays, so the reserved family's plan is the cloud plan.
    const none = verdict(input({ u: profile(0.5, 10), costs: costs(100, 120, 100, 110), reserved: sizing(0, 1) }));
    expect([none.placement, none.plan?.family, none.reasons[1]?.code]).toEqual([
      'cloud-managed',
      'cloud',
      'no-reservation-pays',
    ]);
    const highNotSustained = verdict(input({ u: profile(0.7, 30) }));
    expect([highNotSustained.rule, highNotSustained.reasons[0]?.code]).toEqual([7, 'high-not-sustained']);
    const noDedicated = verdict(
      input({
        scenario: scenario({}, ['dedicated']),
        u: profile(0.5, 10),
        costs: [optionCost('cloud', { compute: 100 })],
        reserved: null,
      }),
    );
    expect([noDedicated.placement, noDedicated.reasons[1]?.code, noDedicated.plan?.family]).toEqual([
      'cloud-managed',
      'no-dedicated-option',
      'cloud',
    ]);
  });
  test('the cheapest option is never hidden: constraintCost is 0 exactly when the plan is the cheapest', () => {
    const cheapest = verdict(input({ u: profile(0.5, 10), costs: costs(100, 80, 55, 60) }));
    expect(cheapest.constraintCost).toEqual({
      monthly: 0,
      cheapest: 'reserved',
      cheapestMonthly: 55,
      constraint: 'predictability',
      failing: [],
    });
    expect(cheapest.cheapestAtMeasured).toBe('reserved');
  });
  test('against today: the month and the year saved against workload.currentPlacement', () => {
    const v = verdict(input({ scenario: scenario({ workload: { currentPlacement: 'cloud' } }), u: profile(0.5, 10) }));
    expect(v.savingVsCurrent).toEqual({ current: 'cloud', currentMonthly: 100, monthly: 25, yearly: 300 });
    expect(verdict(input({ u: profile(0.5, 10) })).savingVsCurrent).toBeNull(); // none by default
    // Today on the dedicated reservation as configured (80): the plan (75) saves 5 a month.
    expect(
      verdict(input({ scenario: scenario({ workload: { currentPlacement: 'dedicated' } }), u: profile(0.5, 10) }))
        .savingVsCurrent?.monthly,
    ).toBe(5);
  });
  test('co-location advice with the monthly cost of separation', () => {
    const s = scenario({ workload: { retrieval: { gbPerMonth: 40000, indexLocation: 'onprem' } } });
    const v = verdict(input({ scenario: s, u: profile(0.3, 0) })); // cloud-managed, index on-prem
    expect(v.colocation).toEqual({
      indexLocation: 'onprem',
      placementLocation: 'cloud',
      separationCostPerMonth: 40000 * 0.005,
    });
    const together = verdict(
      input({
        scenario: scenario({ workload: { retrieval: { gbPerMonth: 40000, indexLocation: 'cloud' } } }),
        u: profile(0.3, 0),
      }),
    );
    expect(together.colocation).toBeNull();
  });
});
