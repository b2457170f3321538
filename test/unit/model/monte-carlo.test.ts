import { describe, expect, test } from 'vitest';
import { analyze, decide, measure, type AnalysisInput } from '../../../src/model/analysis/analyze.js';
import { measuredProfile } from '../../../src/model/demand/demand-profile.js';
import { monthlyDiscountRate, npv } from '../../../src/model/ownership/npv.js';
import {
  BLOCK_TRIALS,
  blockSeed,
  monteCarlo,
  runTrials,
  summarizeTrials,
} from '../../../src/model/uncertainty/monte-carlo.js';
import { seededRandom } from '../../../src/model/uncertainty/random.js';
import { profileFromAssumption } from '../../../src/model/utilization/utilization-profile.js';
import { PLACEMENTS } from '../../../src/model/verdict/verdict.js';
import { valueSetter } from '../../../src/model/uncertainty/field-writer.js';
import { draw, type Distribution } from '../../../src/model/uncertainty/distributions.js';
import { parseScenarioText } from '../../../src/input/scenario/parse-scenario.js';

/** 10 GPUs at an assumed 50 %: 5 busy, cloud provisions 5 / 0.7 GPUs; dedicated 10 × $2 × 730 = $14,600. */
function scenario(rate: string, extra = ''): AnalysisInput {
  const s = parseScenarioText(
    `schemaVersion: 1
name: mc
horizonMonths: 48
workload: {referenceGpus: 10, utilization: {assumed: 0.5}, growthPerMonth: 0}
options:
  cloud: {onDemandPerGpuHour: ${rate}, targetUtilization: 0.7}
  dedicated: {perGpuHour: 2}
${extra}`,
    'mc.yaml',
  );
  return { scenario: s, utilizationHours: null, tokenDays: null, now: 0 };
}
const PER_RATE = (5 / 0.7) * 730; // cloud's month per $1/GPU-hour
const cloudMonthly = (mc: ReturnType<typeof monteCarlo>) => mc.monthly.find((m) => m.id === 'cloud')!.spread;

describe('Monte Carlo against closed forms (issue 7)', () => {
  test("uniform [2, 4]: P10/P50/P90 of cloud's month are 2.2, 3, 3.8 × 5 / 0.7 × 730", () => {
    const mc = monteCarlo(measure(scenario('{uniform: [2, 4]}')), 20_000, 1);
    const c = cloudMonthly(mc);
    // Sampling error of a 20 000-trial quantile here is about 0.007; the seed makes it repeatable.
    for (const [got, want] of [
      [c.p10, 2.2],
      [c.p50, 3],
      [c.p90, 3.8],
      [c.mean, 3],
    ] as const)
      expect(Math.abs(got / PER_RATE - want)).toBeLessThan(0.02);
  });
  test("the verdict's probability: a reservation wins when on-demand exceeds the $2 reserved rate, so P = (3 − 2) / 2 = 0.5", () => {
    // Rule 7 at an assumed 50 %: 5 busy GPUs. k reserved GPUs cost, per hour, 2k + (rate / 0.7) ×
    // max(0, 5 − 0.7k) = 7.14 rate + k (2 − rate) for k ≤ 7: k = 7 when rate > 2 (burst 0.1 of 5
    // busy GPUs: dedicated-reserved), k = 0 (the cloud plan) when rate < 2.
    const mc = monteCarlo(measure(scenario('{uniform: [1, 3]}')), 20_000, 3);
    const p = Object.fromEntries(mc.placements.map((x) => [x.placement, x.probability]));
    expect(Math.abs(p['dedicated-reserved']! - 0.5)).toBeLessThan(0.015);
    expect(p['dedicated-reserved']! + p['cloud-managed']!).toBe(1);
  });
  test('triangular [2, 3, 5]: median b − √((b − a)(b − c) / 2) = 5 − √3', () => {
    const c = cloudMonthly(monteCarlo(measure(scenario('{triangular: [2, 3, 5]}')), 20_000, 1));
    expect(Math.abs(c.p50 / PER_RATE - (5 - Math.sqrt(3)))).toBeLessThan(0.02);
    expect(Math.abs(c.mean / PER_RATE - 10 / 3)).toBeLessThan(0.02);
  });
  test('normal mean 3, sd 0.3 (truncated at ±3 sd): P10 = 3 + 0.3 × Φ⁻¹(Φ(−3) + 0.1 × (Φ(3) − Φ(−3)))', () => {
    const c = cloudMonthly(monteCarlo(measure(scenario('{normal: {mean: 3, sd: 0.3}}')), 20_000, 5));
    // Φ(−3) = 0.0013499; 0.0013499 + 0.1 × 0.9973002 = 0.1010799 → z = −1.2755 (−1.2816 untruncated).
    expect(Math.abs(c.p10 / PER_RATE - (3 - 1.2755 * 0.3))).toBeLessThan(0.015);
    expect(Math.abs(c.p50 / PER_RATE - 3)).toBeLessThan(0.01);
  });
  test('NPV is linear in the hardware price, so its median is the NPV analyze gives at the mean price', () => {
    const onPrem = `  onPrem:
    gpusPerServer: 8
    servers: 2
    hardware: [{name: node, unitCost: {uniform: [200000, 300000]}, quantity: 2, usefulLifeMonths: 48, residualFraction: 0.1}]
    powerKwPerServer: 10
    pue: 1.3
    electricityPerKwh: 0.1
    facilityPerKwMonth: 150
    staff: {ftes: 0.25, costPerFteYear: 180000}`;
    const input = scenario('4', onPrem);
    const atMean = analyze(input).options.find((o) => o.cost.id === 'onprem')!.npv!;
    const npv = monteCarlo(measure(input), 20_000, 9).npv.find((n) => n.id === 'onprem')!.spread;
    // dNPV/dprice: −2 now, + 2 × 0.1 residual discounted over 48 months; P10 and P90 sit 0.4 × the width either side.
    expect(Math.abs(npv.p50 - atMean)).toBeLessThan(0.01 * Math.abs(npv.p90 - npv.p10));
    expect(npv.p10).toBeLessThan(atMean);
    expect(npv.p90).toBeGreaterThan(atMean);
  });
  test('seeded: the same seed gives the same trials, another seed others', () => {
    const m = measure(scenario('{uniform: [2, 4]}'));
    expect(monteCarlo(m, 500, 42)).toEqual(monteCarlo(m, 500, 42));
    expect(cloudMonthly(monteCarlo(m, 500, 43)).p50).not.toBe(cloudMonthly(monteCarlo(m, 500, 42)).p50);
  });
  test('trials run in seeded blocks: any split into runs of whole blocks gives the same result', () => {
    const m = measure(scenario('{triangular: [2, 3, 5]}'));
    const whole = monteCarlo(m, 3500, 8);
    const split = summarizeTrials(m.billed.uncertain, 8, [
      runTrials(m, 8, 0, 2 * BLOCK_TRIALS),
      runTrials(m, 8, 2 * BLOCK_TRIALS, 1500),
    ]);
    expect(split).toEqual(whole);
    expect(() => runTrials(m, 8, 500, 10)).toThrow(/does not start a block/);
  });
  // The trials overwrite one private scenario copy in place, and the ownership schedule memoises
  // per line shape and financing: a drawn shape (the residual) or a drawn loan rate must never find
  // the previous trial's schedule. Each case draws one of them, with a price, growth and the level.
  test.each([
    ["a line's residual", '{uniform: [0.05, 0.2]}', '0.07'],
    ['the loan rate', '0.1', '{uniform: [0.04, 0.09]}'],
  ])(
    'a trial depends only on its own draws (%s drawn): each matches a fresh copy of the scenario decided on its own',
    (_, residual, rate) => {
      const base = parseScenarioText(
        `schemaVersion: 1
name: mc
horizonMonths: 48
workload: {referenceGpus: 10, utilization: {assumed: {uniform: [0.3, 0.9]}}, growthPerMonth: {uniform: [0, 0.03]}}
options:
  cloud: {onDemandPerGpuHour: {uniform: [2, 4]}, targetUtilization: 0.7}
  dedicated: {perGpuHour: 2}
  onPrem:
    gpusPerServer: 8
    servers: 2
    hardware: [{name: node, unitCost: {uniform: [200000, 300000]}, quantity: 2, usefulLifeMonths: 36, residualFraction: ${residual}}]
    financing: {annualRate: ${rate}, termMonths: 24}
    powerKwPerServer: 10
    pue: 1.3
    electricityPerKwh: 0.1
    facilityPerKwMonth: 150
    staff: {ftes: 0.25, costPerFteYear: 180000}`,
        'mc.yaml',
      );
      const m = measure({ scenario: base, utilizationHours: null, tokenDays: null, now: 0 });
      const count = 40;
      const got = runTrials(m, 5, 0, count);
      const random = seededRandom(blockSeed(5, 0));
      const set = valueSetter(base.uncertain.map((f) => f.path));
      for (let t = 0; t < count; t++) {
        const s = set(
          base,
          base.uncertain.map((f) => draw(f.distribution, random)),
        );
        const u = profileFromAssumption(s.workload.utilization.assumed!, s.thresholds);
        const d = decide(s, u, null, measuredProfile(u.hourly, s.workload.referenceGpus), 'owned');
        expect(PLACEMENTS[got.placements[t]!]).toBe(d.verdict.placement);
        for (const c of d.measuredCosts) expect(got.monthly.find((x) => x.id === c.id)!.values[t]).toBe(c.total);
        expect(got.npv.find((x) => x.id === 'onprem')!.values[t]).toBe(
          npv(d.ownership.get('onprem')!.cashFlows, monthlyDiscountRate(s.discountRate)),
        );
      }
      expect(new Set(got.placements).size).toBeGreaterThan(1);
    },
  );
  test('the analysis itself runs on the means', () => {
    const a = analyze(scenario('{triangular: [2, 3, 5]}'));
    expect(a.options[0]!.cost.components.compute).toBeCloseTo((10 / 3) * PER_RATE, 6);
  });
});

describe('draws', () => {
  const sample = (d: Distribution, n = 50_000) => {
    const r = seededRandom(11);
    return Array.from({ length: n }, () => draw(d, r)).sort((a, b) => a - b);
  };
  test('triangular draws fall in [min, max] with the closed-form CDF at the mode: (c − a) / (b − a)', () => {
    const xs = sample({ kind: 'triangular', min: 1, mode: 2, max: 5 });
    expect(xs[0]).toBeGreaterThanOrEqual(1);
    expect(xs.at(-1)).toBeLessThanOrEqual(5);
    expect(Math.abs(xs.filter((x) => x <= 2).length / xs.length - 0.25)).toBeLessThan(0.01);
  });
  test("normal draws never leave mean ± 3 sd; their sd is the truncated normal's, 0.9866 sd", () => {
    const xs = sample({ kind: 'normal', mean: 10, sd: 2 });
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(4);
    expect(Math.max(...xs)).toBeLessThanOrEqual(16);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(sd - 2 * 0.98658)).toBeLessThan(0.02);
  });
});
