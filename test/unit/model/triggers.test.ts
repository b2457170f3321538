import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze, type Analysis } from '../../../src/model/analysis/analyze.js';
import type { DailyTotal } from '../../../src/model/signals/daily-token-totals.js';
import { latencyFloors } from '../../../src/model/signals/latency-floors.js';
import type { HourlyPoint } from '../../../src/model/utilization/hourly-accumulator.js';
import { compare } from '../../../src/model/verdict/check.js';
import { withMetric } from '../../../src/model/verdict/move-metric.js';
import {
  daysSinceModelChange,
  edgeExitTarget,
  modelChangesWithin,
  triggers,
} from '../../../src/model/verdict/triggers.js';
import { verdict } from '../../../src/model/verdict/verdict.js';
import { scenario } from '../../helpers/scenario.js';

const HOUR = 3_600_000;
const END = Date.UTC(2026, 10, 15, 23);
const hours = (days: number, level: (h: number) => number): HourlyPoint[] =>
  Array.from({ length: days * 24 }, (_, i) => ({ hourStart: END - (days * 24 - 1 - i) * HOUR, utilization: level(i) }));
const day0 = Math.floor(END / 86_400_000);
const tokens = (cv: number): DailyTotal[] =>
  Array.from({ length: 90 }, (_, i) => ({ day: day0 - 89 + i, tokens: 1e9 * (1 + cv * Math.sqrt(2) * Math.sin(i)) }));
const ids = (a: Analysis) => a.triggers.map((t) => t.id);
const run = (s: ReturnType<typeof scenario>, h: HourlyPoint[] | null, t: DailyTotal[] | null = tokens(0.05)) =>
  analyze({ scenario: s, utilizationHours: h, tokenDays: t, now: END });

describe("triggers: the decision's boundaries", () => {
  test("a reservation sized on steady 70 %: the framework's exits, the name's boundary, what owning needs, the rules above", () => {
    const a = run(
      scenario(),
      hours(90, () => 0.7),
    );
    expect(a.verdict.placement).toBe('dedicated-reserved');
    expect(ids(a)).toEqual([
      'utilization-below-50',
      'token-volatility',
      'model-churn', // the framework's reassessment column
      'burst-share-rises', // more burst makes it hybrid-burst
      'egress-share-material', // the one thing on-prem still needs (its payback is within 18 months)
      'consistent-below-40',
      'token-cv-volatile',
      'becomes-agentic',
      'becomes-sovereign', // rules 4, 3, 1
    ]);
    const egress = a.triggers.find((t) => t.id === 'egress-share-material')!;
    expect(egress).toMatchObject({
      metric: 'traffic.egressShare',
      comparator: '>=',
      threshold: 0.1,
      role: 'boundary',
      effect: { code: 'verdict-becomes', args: { placement: 'on-prem' } },
    });
    // With dearer servers the payback is over 18 months and owning's NPV negative: egress alone is
    // then one of three steps towards on-prem.
    const dear = run(
      scenario({
        options: {
          onPrem: {
            hardware: [{ name: '8x H100', unitCost: 700000, quantity: 4, usefulLifeMonths: 48, residualFraction: 0.1 }],
          },
        },
      }),
      hours(90, () => 0.7),
    );
    expect(dear.triggers.find((t) => t.id === 'egress-share-material')!.effect).toEqual({
      code: 'towards',
      args: { placement: 'on-prem', others: 2 },
    });
    expect(dear.triggers.find((t) => t.id === 'onprem-payback-within')).toMatchObject({
      comparator: '<=',
      threshold: 18,
    });
    expect(dear.triggers.find((t) => t.id === 'onprem-npv-positive')).toMatchObject({ comparator: '>', threshold: 0 });
    expect(a.triggers.find((t) => t.id === 'utilization-below-50')!.hysteresis).toEqual({
      comparator: '>=',
      threshold: 0.6,
    });
  });
  test('no trigger fires in the analysis that made the verdict', () => {
    for (const level of [0.2, 0.45, 0.7, 0.95]) {
      const a = run(
        scenario(),
        hours(90, (i) => level * (0.8 + 0.4 * ((i % 24) / 24))),
      );
      expect(a.triggers.filter((t) => t.firing)).toEqual([]);
      for (const t of a.triggers)
        if (t.current !== null && t.comparator !== null)
          expect(compare(t.current, t.comparator, t.threshold!)).toBe(false);
    }
  });
  test('an exit that would fire at once gives way to its boundary form', () => {
    // Daily means at 45 % for 90 days but hourly p20 under 40 %: cloud by rule 4, and "40 % held for
    // 90 days" is already true — so the trigger is where the rule changes, consistent reaching 40 %.
    const a = run(
      scenario(),
      hours(90, (i) => (i % 24 < 6 ? 0.05 : 0.58)),
    );
    expect(a.verdict.rule).toBe(4);
    expect(a.utilization.sustainedDays['0.4']).toBe(90);
    expect(ids(a)).not.toContain('consistent-utilization-40');
    expect(a.triggers.find((t) => t.id === 'consistent-reaches-40')).toMatchObject({
      metric: 'utilization.consistent',
      comparator: '>=',
      threshold: 0.4,
    });
  });
  test('rule 3 by token volatility: the exit is cv ≤ 0.25, apart from the entry at 0.35 on purpose', () => {
    const a = run(
      scenario(),
      hours(90, () => 0.5),
      tokens(0.6),
    );
    expect([a.verdict.placement, a.verdict.rule]).toEqual(['hybrid-burst', 3]);
    expect(a.triggers[0]).toMatchObject({
      id: 'token-cv-stable',
      comparator: '<=',
      threshold: 0.25,
      hysteresis: { comparator: '>', threshold: 0.35 },
    });
    // Agentic: reviewed by hand, and becoming agentic is no boundary of a verdict it would keep.
    const agentic = run(
      scenario({ workload: { constraints: { agentic: true } } }),
      hours(90, () => 0.5),
    );
    expect(ids(agentic)).toContain('stops-agentic');
    expect(ids(agentic)).not.toContain('becomes-agentic');
  });
  test('every boundary is where the verdict changes: the rules re-run at threshold ± ε', () => {
    const cases = [
      run(
        scenario(),
        hours(90, () => 0.7),
      ),
      run(
        scenario({ workload: { egress: { internetGBPerMonth: 400000 } } }),
        hours(90, () => 0.75),
      ),
      run(
        scenario(),
        hours(90, (i) => 0.3 + 0.4 * ((i % 24) / 24)),
      ),
      run(
        scenario(),
        hours(90, () => 0.25),
      ),
    ];
    let checked = 0;
    for (const a of cases) {
      const vi = a.decisionInput;
      for (const t of a.triggers) {
        if (t.kind !== 'metric' || t.effect.code !== 'verdict-becomes' || t.threshold === null) continue;
        const eps = Math.max(1e-6, Math.abs(t.threshold) * 1e-6);
        const crossed = t.comparator === '<' || t.comparator === '<=' ? t.threshold - eps : t.threshold + eps;
        const short = t.comparator === '<' || t.comparator === '<=' ? t.threshold + eps : t.threshold - eps;
        // At the threshold the verdict changes: across it, to the trigger's placement; just short
        // of it, something else (today's placement, unless moving that far crossed another boundary).
        expect(verdict(withMetric(vi, t.metric!, crossed)).placement, t.id).toBe(t.effect.args.placement);
        expect(verdict(withMetric(vi, t.metric!, short)).placement, t.id).not.toBe(t.effect.args.placement);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8);
  });
  test('on-prem: its own boundaries where the framework gives no exit', () => {
    const s = scenario({ workload: { egress: { internetGBPerMonth: 400000 } } });
    const a = run(
      s,
      hours(90, () => 0.75),
    );
    expect(a.verdict.placement).toBe('on-prem');
    expect(ids(a)).toEqual(
      expect.arrayContaining([
        'onprem-below-break-even',
        'onprem-payback-beyond',
        'egress-immaterial',
        'concurrency-peaks',
        'annual-review',
      ]),
    );
    expect(a.triggers.find((t) => t.id === 'egress-immaterial')).toMatchObject({
      threshold: 0.1,
      effect: { code: 'verdict-becomes' },
    });
    expect(a.triggers.find((t) => t.id === 'token-volatility')!.hysteresis).toBeNull(); // on-prem came in at ≤ 0.25
  });
  test('model churn and stability are judged at asOf', () => {
    const asOf = Date.UTC(2026, 10, 16);
    const changes = ['2026-08-01', '2026-09-10', '2026-11-01'];
    expect(modelChangesWithin(changes, asOf, 90)).toBe(2); // 2026-08-01 is 107 days back
    expect(daysSinceModelChange(changes, asOf)).toBe(15);
    expect(daysSinceModelChange([], asOf)).toBeNull();
  });
  test('edge: the TTFT target at which the far traffic drops under 20 %, not the largest floor', () => {
    const floors = (target: number, regions: Array<[number, number]>) =>
      latencyFloors({
        sovereignty: false,
        agentic: false,
        ttftTargetMs: target,
        servingTtftMs: 0,
        retrievalLatencyMs: 0,
        regions: regions.map(([share, rtt], i) => ({ name: `r${i}`, trafficShare: share, rttMs: rtt })),
      });
    expect(
      edgeExitTarget(
        floors(100, [
          [0.5, 50],
          [0.25, 155],
          [0.25, 250],
        ]),
      ),
    ).toBe(250);
    // At 200 ms only the 300 ms region (10 %) is left far: under 20 %, so 200 is enough.
    expect(
      edgeExitTarget(
        floors(150, [
          [0.6, 50],
          [0.3, 200],
          [0.1, 300],
        ]),
      ),
    ).toBe(200);
    expect(edgeExitTarget(floors(150, []))).toBeNull();
  });
});

describe('triggers over generated scenarios', () => {
  test('none fires at analysis; every verdict-changing boundary re-runs to its placement', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 0, max: 600_000 }),
        fc.double({ min: 0.01, max: 0.8, noNaN: true }),
        fc.boolean(),
        fc.integer({ min: 20, max: 120 }),
        (level, swing, egress, cv, agentic, days) => {
          const s = scenario({ workload: { egress: { internetGBPerMonth: egress }, constraints: { agentic } } });
          const a = run(
            s,
            hours(days, (i) => Math.min(1, level * (1 - swing + 2 * swing * ((i % 24) / 24)))),
            tokens(cv),
          );
          expect(a.triggers.some((t) => t.firing)).toBe(false);
          const vi = a.decisionInput;
          for (const t of a.triggers) {
            if (t.kind !== 'metric' || t.effect.code !== 'verdict-becomes') continue;
            const eps = Math.max(1e-6, Math.abs(t.threshold!) * 1e-6);
            const crossed = t.comparator === '<' || t.comparator === '<=' ? t.threshold! - eps : t.threshold! + eps;
            expect(verdict(withMetric(vi, t.metric!, crossed)).placement).toBe(t.effect.args.placement);
          }
          // The trigger list is what `triggers` gives for this decision: nothing is added afterwards.
          expect(
            triggers({
              verdictInput: vi,
              verdict: a.verdict,
              metrics: a.metrics,
              windowDays: a.utilization.window?.days ?? null,
            }).map((t) => t.id),
          ).toEqual(ids(a));
        },
      ),
      { numRuns: 60 },
    );
  });
});
