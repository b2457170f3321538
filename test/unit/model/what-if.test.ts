import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/model/analysis/analyze.js';
import { outcomeOf, sensitivity } from '../../../src/model/uncertainty/sensitivity.js';
import { combinedMultiplier, leverMultiplier, scaleDemand } from '../../../src/model/uncertainty/what-if.js';
import { scenario } from '../../helpers/scenario.js';

describe('what-if levers on demand (issue 7)', () => {
  test("each lever's multiplier, and their product", () => {
    expect(leverMultiplier({ lever: 'batching', value: 1.5 })).toBeCloseTo(1 / 1.5, 15);
    expect(leverMultiplier({ lever: 'quantization', value: 2 })).toBe(0.5);
    expect(leverMultiplier({ lever: 'cache', value: 0.2 })).toBe(0.8);
    expect(leverMultiplier({ lever: 'model', value: 0.6 })).toBe(0.6);
    expect(
      combinedMultiplier([
        { lever: 'batching', value: 2 },
        { lever: 'cache', value: 0.5 },
      ]),
    ).toBe(0.25);
  });
  test('demand scales hour by hour, capped at 100 %', () => {
    const T0 = Date.UTC(2026, 0, 1);
    const i = {
      scenario: scenario(),
      utilizationHours: [
        { hourStart: T0, utilization: 0.6 },
        { hourStart: T0 + 3_600_000, utilization: 0.9 },
      ],
      tokenDays: null,
      now: 0,
    };
    expect(scaleDemand(i, 1.5).utilizationHours!.map((h) => h.utilization)).toEqual([expect.closeTo(0.9, 12), 1]);
    expect(scaleDemand({ ...i, utilizationHours: null }, 0.5).scenario.workload.utilization.assumed).toBeCloseTo(
      0.275,
      12,
    );
  });
  test('sensitivity shows each lever alone and all together, against analyze() by hand', () => {
    const input = {
      scenario: scenario({ workload: { growthPerMonth: 0 } }),
      utilizationHours: null,
      tokenDays: null,
      now: 0,
    };
    const s = sensitivity(input, 0.2, [
      { lever: 'batching', value: 2 },
      { lever: 'cache', value: 0.2 },
    ]);
    expect(s.whatIf.map((w) => [w.lever, w.demandMultiplier])).toEqual([
      ['batching', 0.5],
      ['cache', 0.8],
      ['all', expect.closeTo(0.4, 12)],
    ]);
    const byHand = outcomeOf(analyze(scaleDemand(input, 0.5)));
    expect(s.whatIf[0]!.outcome).toEqual(byHand);
    expect(s.whatIf[0]!.flipsVerdict).toBe(byHand.placement !== s.base.placement);
  });
});
