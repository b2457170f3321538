import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/model/analysis/analyze.js';
import { allOptionCosts } from '../../../src/model/cost/all-options.js';
import { flatProfile } from '../../../src/model/demand/demand-profile.js';
import { scenario } from '../../helpers/scenario.js';

const onprem = (s: ReturnType<typeof scenario>, x = 0.55) =>
  allOptionCosts(flatProfile(x, 32), s).find((o) => o.id === 'onprem')!;

describe('hidden-cost uplifts on the owned side (issue 4)', () => {
  test('lost goodput f adds f / (1 − f) of the owned cost; support effort its share', () => {
    const base = onprem(scenario());
    const owned = [
      'depreciation',
      'interest',
      'lease',
      'power',
      'facility',
      'staff',
      'support',
      'software',
      'network',
    ].reduce((s, k) => s + (base.components[k] ?? 0), 0);
    const up = onprem(
      scenario({ options: { onPrem: { uplifts: { goodputLossFraction: 0.05, supportFraction: 0.1 } } } }),
    );
    expect(up.components.goodputLoss).toBeCloseTo((owned * 0.05) / 0.95, 9);
    expect(up.components.supportEffort).toBeCloseTo(owned * 0.1, 9);
    expect(up.total).toBeCloseTo(base.total + owned * (0.05 / 0.95 + 0.1), 9);
    expect(up.capital).toBe(base.capital); // uplifts are not capital: payback's saving includes them
  });
});

describe('lease instead of purchase (issue 4)', () => {
  const leased = scenario({
    horizonMonths: 36,
    options: { onPrem: { hardware: [], financing: undefined, lease: { monthlyPerServer: 9000, termMonths: 24 } } },
  });
  test('servers × monthlyPerServer as opex, no capital, no support base', () => {
    const c = onprem(leased);
    expect(c.components.lease).toBe(4 * 9000);
    expect([c.components.depreciation, c.components.interest, c.components.support, c.capital]).toEqual([0, 0, 0, 0]);
  });
  test('NPV: the saving every month, less the rest of the lease term still owed at the horizon', () => {
    const a = analyze({ scenario: leased, utilizationHours: null, tokenDays: null, now: 0 });
    const o = a.options.find((x) => x.cost.id === 'onprem')!;
    const cloud = a.options.find((x) => x.cost.id === 'cloud')!;
    const saving = cloud.cost.total - o.cost.total;
    // 36 months into 24-month terms: 12 months of the second term still owed at month 36.
    const flows = [0, ...Array(35).fill(saving), saving - 12 * 36000];
    expect(o.ownership!.cashFlows).toHaveLength(37);
    o.ownership!.cashFlows.forEach((cf, m) => expect(cf).toBeCloseTo(flows[m]!, 6));
    // Nothing bought at month 0 and a positive saving: it saves from the first month.
    expect(saving).toBeGreaterThan(0);
    expect(o.paybackMonths).toBe(0);
    const dear = scenario({
      horizonMonths: 36,
      options: { onPrem: { hardware: [], financing: undefined, lease: { monthlyPerServer: 90000, termMonths: 24 } } },
    });
    expect(
      analyze({ scenario: dear, utilizationHours: null, tokenDays: null, now: 0 }).options.find(
        (x) => x.cost.id === 'onprem',
      )!.paybackMonths,
    ).toBeNull();
  });
});
