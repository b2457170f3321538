import { describe, expect, test } from 'vitest';
import { analyze, type AnalysisInput } from '../../../src/model/analysis/analyze.js';
import { outcomeOf, sensitivity } from '../../../src/model/uncertainty/sensitivity.js';
import { scenario } from '../../helpers/scenario.js';

const input = (s = scenario({ workload: { growthPerMonth: 0 } })): AnalysisInput => ({
  scenario: s,
  utilizationHours: null,
  tokenDays: null,
  now: 0,
});

describe('sensitivity (issue 7), against re-running the model by hand', () => {
  const base = input();
  const result = sensitivity(base, 0.2);
  test('each end equals analyze() on the scenario with that input moved', () => {
    const row = result.rows.find((r) => r.id === 'cloud.onDemandPerGpuHour')!;
    const byHand = (f: number) =>
      outcomeOf(
        analyze(
          input(scenario({ workload: { growthPerMonth: 0 }, options: { cloud: { onDemandPerGpuHour: 4.1 * f } } })),
        ),
      );
    expect(row.low).toEqual(byHand(0.8));
    expect(row.high).toEqual(byHand(1.2));
    const hw = result.rows.find((r) => r.id === 'onPrem.hardware.unitCost')!;
    const hwByHand = outcomeOf(
      analyze(
        input(
          scenario({
            workload: { growthPerMonth: 0 },
            options: {
              onPrem: {
                hardware: [
                  { name: '8x H100', unitCost: 280000 * 1.2, quantity: 4, usefulLifeMonths: 48, residualFraction: 0.1 },
                ],
              },
            },
          }),
        ),
      ),
    );
    expect(hw.high).toEqual(hwByHand);
  });
  test('demand moves the assumed utilization (capped at 100 %)', () => {
    const row = result.rows.find((r) => r.id === 'demand (utilization)')!;
    const byHand = outcomeOf(
      analyze(input(scenario({ workload: { growthPerMonth: 0, utilization: { assumed: 0.55 * 1.2 } } }))),
    );
    expect(row.high).toEqual(byHand);
  });
  test('the base is the unmoved model; rows are a tornado sorted by swing', () => {
    expect(result.base).toEqual(outcomeOf(analyze(base)));
    const swings = result.rows.map((r) => r.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    for (const r of result.rows) expect(r.swing).toBeCloseTo(Math.abs(r.high.monthlySaving! - r.low.monthlySaving!), 9);
  });
  test('a verdict flip is flagged', () => {
    // Rule 7 between the bands at 55 % of 32 GPUs (17.6 busy): reserving 25 GPUs at $3.50 costs
    // $88.09 an hour against cloud's 17.6 / 0.7 × $4.10 = $103.09; with on-demand 20 % lower
    // ($3.28, under the reserved rate) no reservation pays and the plan is cloud.
    const s = scenario({ workload: { growthPerMonth: 0 }, options: { dedicated: { perGpuHour: 3.5 } } }, [
      'onPrem',
      'edge',
    ]);
    const r = sensitivity(input(s), 0.2).rows.find((x) => x.id === 'cloud.onDemandPerGpuHour')!;
    expect(r.low.placement).toBe('cloud-managed');
    expect(r.high.placement).toBe('dedicated-reserved');
    expect(r.flipsVerdict).toBe(true);
  });
});
