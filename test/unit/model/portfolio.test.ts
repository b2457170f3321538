import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cloudCompute } from '../../../src/model/cost/cloud-compute.js';
import { reservedCost } from '../../../src/model/cost/reserved-cost.js';
import { profileFromBusy } from '../../../src/model/demand/demand-profile.js';
import { attributeByStandAlone, poolingBenefit } from '../../../src/model/portfolio/attribution.js';
import {
  pooledDemand,
  pooledTokenDays,
  residencyOf,
  type ModelLoad,
} from '../../../src/model/portfolio/pooled-demand.js';
import {
  aloneScenario,
  analyzePortfolio,
  groupInput,
  poolResidency,
  portfolioGroups,
  trafficShares,
} from '../../../src/model/portfolio/portfolio-analysis.js';
import { mainGroup } from '../../../src/model/portfolio/placement-groups.js';
import { DEFAULT_GOVERNANCE } from '../../../src/model/portfolio/governance.js';
import { analyze, measure, type AnalysisInput } from '../../../src/model/analysis/analyze.js';
import { sizeReserved } from '../../../src/model/reserved/reserved-sizing.js';
import { scenario } from '../../helpers/scenario.js';

const H = 3_600_000;
const hours = (us: number[], from = 0) => us.map((utilization, i) => ({ hourStart: (from + i) * H, utilization }));
const load = (name: string, over: Partial<ModelLoad>): ModelLoad => ({
  name,
  hours: null,
  assumed: 0,
  referenceGpus: 8,
  warmFloorGpus: 0,
  ...over,
});

describe('a portfolio’s demand, hour by hour on one clock', () => {
  test('hand-worked: two models, a warm floor, an hour one of them lacks', () => {
    // A on 8 GPUs at 50 %, 100 %, 25 % (hours 0–2) → 4, 8, 2 busy. B on 4 GPUs has hours 1–3 at
    // 75 %, 25 %, 50 % → 3, 1, 2 busy, and a floor of 2 GPUs: 2 × 0.7 = 1.4 busy held.
    // Common hours 1 and 2: A 8, 2; B 3, max(1, 1.4) = 1.4 → the pool 11 and 3.4.
    const a = load('a', { hours: hours([0.5, 1, 0.25]) });
    const b = load('b', { hours: hours([0.75, 0.25, 0.5], 1), referenceGpus: 4, warmFloorGpus: 2 });
    const p = pooledDemand([a, b], 0.7);
    expect(p.hourStarts).toEqual([1 * H, 2 * H]);
    expect(p.hoursLeftOut).toBe(2);
    expect([...p.serving[1]!]).toEqual([3, 1]);
    expect([...p.resident[1]!].map((x) => +x.toFixed(9))).toEqual([3, 1.4]);
    expect([...p.total].map((x) => +x.toFixed(9))).toEqual([11, 3.4]);
    // Residency at τ = 0.7: A serves 10 busy → 14.2857 GPU-hours; B serves 4 → 5.7143 and holds
    // 0.4 busy of floor → 0.5714 GPU-hours; of 14.4 busy resident, 0.4 serve nothing: 2.78 %.
    const r = residencyOf(p, ['a', 'b'], 0.7);
    expect(r.models[0]!.servingGpuHours).toBeCloseTo(14.2857, 4);
    expect(r.models[1]!.warmFloorGpuHours).toBeCloseTo(0.5714, 4);
    expect(r.models[1]!.shareOfPool).toBeCloseTo(4.4 / 14.4, 12);
    expect(r.notServingShare).toBeCloseTo(0.4 / 14.4, 12);
  });
  test('a model without history adds its flat level to every hour', () => {
    const p = pooledDemand(
      [load('a', { hours: hours([0.5, 0.25]) }), load('flat', { assumed: 0.5, referenceGpus: 2 })],
      0.7,
    );
    expect([...p.total]).toEqual([5, 3]);
    expect(pooledDemand([load('x', { assumed: 0.5 })], 0.7).total[0]).toBe(4);
  });
});

const series = (n: number) => fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n });

describe('pooling never costs more than the models apart', () => {
  // No traffic: each stand-alone scenario would otherwise carry the portfolio's egress again.
  const s = scenario({ workload: { egress: { internetGBPerMonth: 0 } }, options: { cloud: { minWarmGpus: 2 } } });
  const tau = s.workload.targetUtilization;
  type Profile = ReturnType<typeof profileFromBusy>;
  const onDemand = (x: Profile) => cloudCompute(x, s.options.cloud);
  /** The reserved family's sized plan: k reserved GPUs and the rest on-demand (k = 0: all on-demand). */
  const plan = (x: Profile) => reservedCost(x, s.options.dedicated!, sizeReserved(x, s)!.gpus, s).total;
  test('on-demand and the sized reserved plan: pooled ≤ the sum of stand-alone (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }).chain((n) =>
          fc.array(fc.tuple(series(n), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 8 })), {
            minLength: 1,
            maxLength: 5,
          }),
        ),
        (models) => {
          const loads = models.map(([us, gpus, floor], i) =>
            load(`m${i}`, { hours: hours(us), referenceGpus: gpus, warmFloorGpus: floor }),
          );
          const p = pooledDemand(loads, tau);
          const pooled = profileFromBusy(p.total, 0);
          const apart = p.resident.map((r) => profileFromBusy(r, 0));
          for (const price of [onDemand, plan]) {
            const sum = apart.reduce((t, x) => t + price(x), 0);
            expect(price(pooled)).toBeLessThanOrEqual(sum * (1 + 1e-12) + 1e-9);
          }
        },
      ),
    );
  });
  test('perfectly correlated models with no warm floor on-demand: pooling saves nothing', () => {
    const t = scenario({ workload: { egress: { internetGBPerMonth: 0 } }, options: { cloud: { minWarmGpus: 0 } } });
    const shape = [0.2, 0.9, 0.5, 0.7];
    const p = pooledDemand(
      [load('a', { hours: hours(shape) }), load('b', { hours: hours(shape), referenceGpus: 24 })],
      tau,
    );
    const pooled = cloudCompute(profileFromBusy(p.total, 0), t.options.cloud);
    const apart = p.resident.reduce((sum, r) => sum + cloudCompute(profileFromBusy(r, 0), t.options.cloud), 0);
    expect(pooled).toBeCloseTo(apart, 9);
    // Bursts that never coincide are where pooling pays: one model busy in hour 0, the other in 2.
    const q = pooledDemand([load('a', { hours: hours([1, 0, 0, 0]) }), load('b', { hours: hours([0, 0, 1, 0]) })], tau);
    const cost = (busy: Float64Array) => plan(profileFromBusy(busy, 0));
    expect(cost(q.total)).toBeLessThan(cost(q.resident[0]!) + cost(q.resident[1]!));
  });
});

describe('the pool’s cost shared back', () => {
  test('in proportion to the stand-alone costs: hand-worked', () => {
    // Alone 600 and 400 (1,000); pooled 800: each pays 80 % of its own, 480 and 320; 200 saved.
    expect(attributeByStandAlone([600, 400], 800)).toEqual([480, 320]);
    expect(poolingBenefit([600, 400], 800)).toBe(200);
    expect(attributeByStandAlone([0, 0], 90)).toEqual([45, 45]);
    expect(attributeByStandAlone([], 0)).toEqual([]);
  });
  test('the shares add up to the pool’s cost, each the same fraction of its stand-alone (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (alone, pooled) => {
          const shares = attributeByStandAlone(alone, pooled);
          expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(pooled, 6);
          const sum = alone.reduce((a, b) => a + b, 0);
          if (sum > 0)
            alone.forEach((x, i) =>
              expect(shares[i]!).toBeCloseTo(pooled * (x / sum), Math.max(0, 6 - Math.log10(pooled + 1))),
            );
        },
      ),
    );
  });
});

describe('a model alone', () => {
  test('on a fleet sized for it: its GPUs reserved, servers for them, hardware scaled, its share of traffic', () => {
    const s = scenario({
      workload: { egress: { internetGBPerMonth: 10_000 } },
      options: {
        onPrem: { servers: 10, hardware: [{ name: 'node', unitCost: 280_000, quantity: 10, usefulLifeMonths: 60 }] },
      },
    });
    const a = aloneScenario(s, { referenceGpus: 20 }, 0.25);
    expect(a.workload.referenceGpus).toBe(20);
    expect(a.options.dedicated!.gpus).toBe(20);
    // ⌈20 ÷ 8⌉ = 3 servers of the pool's 10: the 10 nodes scale to 3.
    expect(a.options.onPrem!.servers).toBe(3);
    expect(a.options.onPrem!.hardware[0]!.quantity).toBe(3);
    expect(a.workload.egress.internetGBPerMonth).toBe(2500);
  });
});

describe('canaries and shadow paths after rollouts', () => {
  test('hand-worked: a rollout on day 1 keeps a 10 % canary and a 5 % shadow for one day', () => {
    // Two days of hours at 50 % on 8 GPUs (4 busy); a rollout at the start of day 1 (hour 24).
    const m = load('chat', {
      hours: hours(Array.from({ length: 48 }, () => 0.5)),
      rollouts: [24 * H],
      canary: { share: 0.1, days: 1, shadowShare: 0.05 },
    });
    const p = pooledDemand([m], 0.7);
    expect(p.canary[0]![23]).toBe(0);
    expect(p.canary[0]![24]).toBeCloseTo(0.4, 12);
    expect(p.shadow[0]![47]).toBeCloseTo(0.2, 12);
    expect(p.total[30]).toBeCloseTo(4.6, 12);
    const r = residencyOf(p, ['chat'], 0.7);
    // 24 hours × 0.4 busy ÷ 0.7 of canary, × 0.2 of shadow; none serves traffic.
    expect(r.models[0]!.canaryGpuHours).toBeCloseTo((24 * 0.4) / 0.7, 9);
    expect(r.models[0]!.shadowGpuHours).toBeCloseTo((24 * 0.2) / 0.7, 9);
    expect(r.models[0]!.warmFloorGpuHours).toBeCloseTo(0, 9);
    expect(r.notServingShare).toBeCloseTo((24 * 0.6) / (48 * 4 + 24 * 0.6), 12);
  });
});

describe('models’ own token histories together', () => {
  test('summed on the days every one of them has', () => {
    expect(
      pooledTokenDays([
        [
          { day: 1, tokens: 10 },
          { day: 2, tokens: 20 },
          { day: 3, tokens: 30 },
        ],
        [
          { day: 3, tokens: 3 },
          { day: 2, tokens: 2 },
        ],
      ]),
    ).toEqual([
      { day: 2, tokens: 22 },
      { day: 3, tokens: 33 },
    ]);
  });
});

describe('a portfolio split into groups', () => {
  test('the groups add up: the month is their sum, the shares add up to it, sovereign models apart (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.integer({ min: 1, max: 24 }), fc.boolean()),
          { minLength: 1, maxLength: 4 },
        ),
        (spec) => {
          const models = spec.map(([u, gpus, sovereign], i) => ({
            ...load(`m${i}`, { assumed: u, referenceGpus: gpus }),
            fallbackFor: null,
            retireBy: null,
            constraints: sovereign ? { sovereignty: true, agentic: false, regions: null } : null,
          }));
          const n = models.reduce((t, m) => t + m.referenceGpus, 0);
          const demand = pooledDemand(models, 0.7);
          const s = scenario({
            workload: { referenceGpus: n, utilization: { assumed: (demand.total[0] as number) / n } },
          });
          const whole: AnalysisInput = { scenario: s, utilizationHours: null, tokenDays: null, now: 0 };
          const residency = poolResidency(models, demand, 0.7);
          const shares = trafficShares(residency);
          const groups = portfolioGroups(s, models, shares);
          const main = mainGroup(groups);
          const input = groupInput(whole, demand, models, main.members, main.constraints, shares);
          const p = analyzePortfolio(
            whole,
            analyze(input, measure(input)),
            models,
            demand,
            residency,
            groups,
            DEFAULT_GOVERNANCE,
          );
          const attributed = p.models.reduce((t, m) => t + m.attributedMonthly, 0);
          expect(attributed).toBeCloseTo(p.pooledMonthly, 6);
          expect(p.models.map((m) => m.group === 'sovereign')).toEqual(spec.map(([, , sovereign]) => sovereign));
          const mixed = spec.some(([, , x]) => x) && spec.some(([, , x]) => !x);
          expect(p.split !== null).toBe(mixed);
          if (p.split !== null) {
            const sum = p.split.groups.reduce((t, g) => t + g.monthly, 0);
            expect(p.split.monthly).toBeCloseTo(sum, 6);
            expect(p.pooledMonthly).toBeCloseTo(sum, 6);
            expect(p.split.cost).toBeCloseTo(p.split.monthly - p.split.togetherMonthly, 6);
            expect(p.split.groups.find((g) => g.id === 'sovereign')?.placement).toBe('on-prem-sovereign');
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
