import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/model/analysis/analyze.js';
import { ownershipCashFlows } from '../../../src/model/ownership/npv.js';
import { scenario } from '../../helpers/scenario.js';
import { expectFlows } from '../../helpers/flows.js';

const line = {
  name: 'l',
  cost: 1200,
  purchaseMonth: 0,
  usefulLifeMonths: 12,
  residualFraction: 0,
  method: 'straight-line' as const,
};

describe('migration: its cost, the dual run and cloud commitments delay the saving (issue 4)', () => {
  test('hand-worked flows', () => {
    // Saving 150/month once moved; running cost 400/month; 2 months before saving; 500 to migrate.
    const flows = ownershipCashFlows({
      lines: [line],
      monthlySaving: 150,
      horizonMonths: 6,
      migrationCost: 500,
      monthsBeforeSaving: 2,
      runningCost: 400,
    });
    expectFlows(flows, [-1200 - 500, -400, -400, 150, 150, 150, 150 + 600]);
  });
  test('in analyze: the later of dual run and commitment end governs; NPV falls by exactly those flows', () => {
    const base = scenario();
    const moved = scenario({
      migration: { cost: 50000, dualRunMonths: 2 },
      options: { cloud: { commitmentEndsMonth: 3 } },
    });
    const run = (s: typeof base) =>
      analyze({ scenario: s, utilizationHours: null, tokenDays: null, now: 0 }).options.find(
        (o) => o.cost.id === 'onprem',
      )!;
    const a = run(base);
    const b = run(moved);
    const cloudTotal = analyze({ scenario: base, utilizationHours: null, tokenDays: null, now: 0 }).options[0]!.cost
      .total;
    const r = 1.08 ** (1 / 12) - 1;
    // Months 1–3 lose the saving and pay the running cost instead: each month differs by cloud's total.
    const lost = [1, 2, 3].reduce((s, m) => s + cloudTotal / (1 + r) ** m, 0);
    expect(a.npv! - b.npv!).toBeCloseTo(50000 + lost, 4);
    expect(b.paybackMonths).toBe(a.paybackMonths); // MODEL.md §5 simple payback is unchanged
    expect(b.discountedPaybackMonths!).toBeGreaterThan(a.discountedPaybackMonths!);
  });
});
