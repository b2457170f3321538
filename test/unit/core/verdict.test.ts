import { describe, expect, test } from 'vitest';
import { optionCost, type OptionCost } from '../../../src/core/cost/option-cost.js';
import type { HybridSizing } from '../../../src/core/hybrid/hybrid-sizing.js';
import { latencyFloors } from '../../../src/core/signals/latency-floors.js';
import type { TokenStats } from '../../../src/core/signals/token-stats.js';
import { profileFromAssumption, type UtilizationProfile } from '../../../src/core/utilization/utilization-profile.js';
import { repatriation } from '../../../src/core/verdict/repatriation.js';
import { verdict, type VerdictInput } from '../../../src/core/verdict/verdict.js';
import { scenario } from '../../helpers/scenario.js';

/** A measured profile with chosen statistics (the verdict reads only these). */
function profile(consistent: number, sustained60: number | null, peakToMedian: number | null = 1.2): UtilizationProfile {
  const p = profileFromAssumption(consistent, [0.4, 0.6, 0.7]);
  return { ...p, kind: 'history', mean: consistent + 0.05, consistent, sustainedDays: { ...p.sustainedDays, '0.6': sustained60 }, peakToMedian, daysBelow: { '0.5': 0 } };
}
const tokens = (cv: number | null, trend = 0.01): TokenStats => ({ days: 90, firstDay: 0, lastDay: 89, dailyMean: 1e9, cv, trendPerMonth: trend, stable: cv === null ? null : cv <= 0.25 && Math.abs(trend) <= 0.1, monthlyTokens: 3e10 });
const costs = (cloud: number, dedicated: number, onprem: number): OptionCost[] => [
  optionCost('cloud', { compute: cloud }), optionCost('dedicated', { reserved: dedicated }), optionCost('onprem', { depreciation: onprem }),
];

function input(over: Partial<VerdictInput> & { u?: UtilizationProfile; egress?: number | null; t?: TokenStats | null } = {}): VerdictInput {
  const s = over.scenario ?? scenario();
  const u = over.u ?? profile(0.5, 10);
  const t = over.t === undefined ? tokens(0.1) : over.t;
  return {
    scenario: s, utilization: u, tokens: t, latency: latencyFloors(s.workload.constraints),
    repatriation: repatriation(u, over.egress === undefined ? 0.15 : over.egress, t),
    measured: over.measured ?? costs(100, 80, 60), onPremPaybackMonths: over.onPremPaybackMonths === undefined ? 12 : over.onPremPaybackMonths,
    hybrid: over.hybrid ?? null,
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
    expect(Object.fromEntries(r.conditions.map((c) => [c.id, c.status]))).toEqual({ utilization: 'not-met', egress: 'not-met', tokens: 'unknown', concurrency: 'not-met' });
    expect(r.conditions[0]?.checks).toEqual([
      { metric: 'utilization.consistent', value: 0.65, comparator: '>=', threshold: 0.6 },
      { metric: 'utilization.sustainedDays.0.6', value: 89, comparator: '>=', threshold: 90 },
    ]);
  });
  test('a falling token trend beyond 10 %/month is not stable', () => {
    expect(repatriation(profile(0.65, 90), 0.2, tokens(0.1, -0.2)).conditions[2]?.status).toBe('not-met');
  });
});

describe('§8 verdict, first rule that applies', () => {
  test('1 sovereignty → on-prem-sovereign, whatever else holds', () => {
    const v = verdict(input({ scenario: scenario({ workload: { constraints: { sovereignty: true, agentic: true } } }), u: profile(0.1, 0) }));
    expect([v.placement, v.governingConstraint, v.rule]).toEqual(['on-prem-sovereign', 'regulatory', 1]);
  });
  test('2 ≥ 20 % of traffic beyond the latency floor → edge', () => {
    const regions = [{ name: 'near', trafficShare: 0.8, rttMs: 10 }, { name: 'far', trafficShare: 0.2, rttMs: 200 }];
    const v = verdict(input({ scenario: scenario({ workload: { constraints: { ttftTargetMs: 300, regions } } }) }));
    expect([v.placement, v.governingConstraint, v.rule]).toEqual(['edge', 'latency-geography', 2]);
    expect(v.reasons[0]?.args).toMatchObject({ farShare: 0.2, targetMs: 300, regions: 'far (350 ms)' });
    const under = [{ name: 'near', trafficShare: 0.81, rttMs: 10 }, { name: 'far', trafficShare: 0.19, rttMs: 200 }];
    expect(verdict(input({ scenario: scenario({ workload: { constraints: { ttftTargetMs: 300, regions: under } } }) })).placement).not.toBe('edge');
  });
  test('3 agentic, or token cv > 0.35 → hybrid-burst', () => {
    expect(verdict(input({ scenario: scenario({ workload: { constraints: { agentic: true } } }) })).placement).toBe('hybrid-burst');
    const v = verdict(input({ t: tokens(0.36) }));
    expect([v.placement, v.rule, v.reasons[0]?.code]).toEqual(['hybrid-burst', 3, 'token-volatile']);
    expect(verdict(input({ t: tokens(0.35) })).placement).not.toBe('hybrid-burst');
  });
  test('4 consistent < 0.40 → cloud-managed', () => {
    const v = verdict(input({ u: profile(0.39, 0) }));
    expect([v.placement, v.rule, v.reasons[0]?.args.consistent]).toEqual(['cloud-managed', 4, 0.39]);
  });
  test('5 repatriation met and payback ≤ 18 → on-prem', () => {
    const v = verdict(input({ u: profile(0.7, 90), onPremPaybackMonths: 18 }));
    expect([v.placement, v.governingConstraint, v.rule]).toEqual(['on-prem', 'repatriation-threshold', 5]);
    expect(v.reasons[1]?.args).toEqual({ paybackMonths: 18, limit: 18 });
  });
  test('6 sustained ≥ 60 % but payback too long → dedicated-reserved, saying why not on-prem', () => {
    const v = verdict(input({ u: profile(0.7, 90), onPremPaybackMonths: 18.5 }));
    expect([v.placement, v.rule]).toEqual(['dedicated-reserved', 6]);
    expect(v.reasons.map((r) => r.code)).toEqual(['utilization-sustained', 'repatriation-met', 'payback-too-long']);
    const noEgress = verdict(input({ u: profile(0.7, 90), egress: 0.05 }));
    expect([noEgress.placement, noEgress.reasons[1]?.code]).toEqual(['dedicated-reserved', 'repatriation-not-met']);
    expect(noEgress.reasons[1]?.args.failing).toBe('egress (not-met)');
  });
  test('7 between the bands: the cheaper of dedicated and cloud at the measured profile', () => {
    const dedicatedCheaper = verdict(input({ u: profile(0.5, 10), measured: costs(100, 80, 60) }));
    expect([dedicatedCheaper.placement, dedicatedCheaper.governingConstraint, dedicatedCheaper.rule]).toEqual(['dedicated-reserved', 'predictability', 7]);
    const cloudCheaper = verdict(input({ u: profile(0.5, 10), measured: costs(70, 80, 60) }));
    expect(cloudCheaper.placement).toBe('cloud-managed');
    const highNotSustained = verdict(input({ u: profile(0.7, 30), measured: costs(100, 80, 60) }));
    expect([highNotSustained.rule, highNotSustained.reasons[0]?.code]).toEqual([7, 'high-not-sustained']);
    const noDedicated = verdict(input({ scenario: scenario({}, ['dedicated']), u: profile(0.5, 10), measured: [optionCost('cloud', { compute: 100 })] }));
    expect([noDedicated.placement, noDedicated.reasons[1]?.code]).toEqual(['cloud-managed', 'no-dedicated-option']);
  });
  test('7 with a hybrid option: hybrid-burst competes when it really bursts (k ≥ 1, ≥ 10 % of hours)', () => {
    const sizing = (baselineGpus: number, burstShareOfHours: number): HybridSizing => ({
      baselineGpus, burstShareOfHours, criticalRatio: 0.55, ownedPerGpuHour: 2.35, cloudPerBusyGpuHour: 4.27, peakBusyGpus: 30, allOwnedMonthly: 90, allCloudMonthly: 100,
    });
    const withHybrid = (hybrid: number): OptionCost[] => [...costs(100, 80, 60).slice(0, 2), optionCost('hybrid', { reserved: hybrid })];
    const wins = verdict(input({ u: profile(0.5, 10), measured: withHybrid(70), hybrid: sizing(12, 0.1) }));
    expect([wins.placement, wins.rule, wins.placementOption]).toEqual(['hybrid-burst', 7, 'hybrid']);
    expect(wins.reasons.map((r) => r.code)).toEqual(['between-bands', 'cheaper-at-measured', 'hybrid-sizing']);
    expect(wins.reasons[1]?.args).toEqual({ option: 'hybrid', total: 70, other: 'dedicated', otherTotal: 80 });
    expect(wins.reasons[2]?.args).toMatchObject({ baselineGpus: 12, burstShare: 0.1, criticalRatio: 0.55 });
    const rare = verdict(input({ u: profile(0.5, 10), measured: withHybrid(70), hybrid: sizing(12, 0.099) }));
    expect([rare.placement, rare.reasons[2]?.code]).toEqual(['dedicated-reserved', 'hybrid-bursts-rarely']);
    expect(rare.note?.args).toMatchObject({ placementOption: 'dedicated', cheapest: 'hybrid' });
    const noBaseline = verdict(input({ u: profile(0.5, 10), measured: withHybrid(70), hybrid: sizing(0, 1) }));
    expect(noBaseline.placement).toBe('dedicated-reserved');
    // A tie goes to the simpler placement listed first.
    expect(verdict(input({ u: profile(0.5, 10), measured: withHybrid(80), hybrid: sizing(12, 0.5) })).placement).toBe('dedicated-reserved');
    // Rule 3 carries its sizing in the reasons and prices the hybrid option.
    const agentic = verdict(input({ scenario: scenario({ workload: { constraints: { agentic: true } } }), measured: withHybrid(70), hybrid: sizing(12, 0.4) }));
    expect([agentic.rule, agentic.placementOption, agentic.reasons.map((r) => r.code)]).toEqual([3, 'hybrid', ['agentic', 'hybrid-sizing']]);
  });
  test('cheapest at measured, and a note when rule and price disagree', () => {
    const v = verdict(input({ u: profile(0.5, 10), measured: costs(100, 80, 60) }));
    expect(v.cheapestAtMeasured).toBe('onprem');
    expect(v.note).toEqual({ code: 'price-disagrees', args: { placementOption: 'dedicated', placementTotal: 80, cheapest: 'onprem', cheapestTotal: 60 } });
    const agree = verdict(input({ u: profile(0.5, 10), measured: costs(100, 50, 60) }));
    expect(agree.note).toBeNull();
  });
  test('co-location advice with the monthly cost of separation', () => {
    const s = scenario({ workload: { retrieval: { gbPerMonth: 40000, indexLocation: 'onprem' } } });
    const v = verdict(input({ scenario: s, u: profile(0.3, 0) })); // cloud-managed, index on-prem
    expect(v.colocation).toEqual({ indexLocation: 'onprem', placementLocation: 'cloud', separationCostPerMonth: 40000 * 0.005 });
    const together = verdict(input({ scenario: scenario({ workload: { retrieval: { gbPerMonth: 40000, indexLocation: 'cloud' } } }), u: profile(0.3, 0) }));
    expect(together.colocation).toBeNull();
  });
});
