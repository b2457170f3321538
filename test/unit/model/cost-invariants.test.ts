import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { allOptionCosts } from '../../../src/model/cost/all-options.js';
import { pricePathMonths, withServers } from '../../../src/model/cost/path-months.js';
import { flatProfile, measuredProfile, scaledProfile } from '../../../src/model/demand/demand-profile.js';
import { sumOfComponents } from '../../../src/model/cost/option-cost.js';
import { scenario } from '../../helpers/scenario.js';

const utilization = fc.double({ min: 0, max: 1, noNaN: true });
const price = fc.double({ min: 0.1, max: 20, noNaN: true });

describe('invariants of the cost model (STYLE.md habit 7)', () => {
  test('every total is exactly the sum of its components, in their order (written out per option)', () => {
    const withEverything = scenario({
      workload: { retrieval: { gbPerMonth: 900, indexLocation: 'cloud' } },
      options: {
        onPrem: {
          lease: { monthlyPerServer: 900, termMonths: 24 },
          uplifts: { goodputLossFraction: 0.05, supportFraction: 0.03 },
        },
      },
    });
    fc.assert(
      fc.property(
        fc.array(utilization, { minLength: 1, maxLength: 48 }),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0.2, max: 3, noNaN: true }),
        (hours, reservedGpus, factor) => {
          const profile = scaledProfile(measuredProfile(hours, 32), factor);
          const costs = allOptionCosts(profile, withEverything, reservedGpus);
          expect(costs.map((c) => c.id)).toEqual(['cloud', 'dedicated', 'reserved', 'onprem', 'edge']);
          for (const c of costs) expect(c.total).toBe(sumOfComponents(c.components));
        },
      ),
    );
  });
  test("a path's months priced into reused records have exactly the cost objects' totals and capital", () => {
    const s = scenario({
      workload: { retrieval: { gbPerMonth: 900, indexLocation: 'onprem' } },
      options: { onPrem: { uplifts: { goodputLossFraction: 0.05, supportFraction: 0.03 }, burst: 'none' } },
    });
    fc.assert(
      fc.property(
        fc.array(utilization, { minLength: 1, maxLength: 48 }),
        fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
        // Months: a factor and on-prem servers each; repeats exercise the copy of the month before.
        fc.array(fc.tuple(fc.constantFrom(0, 0.5, 1, 1.37, 2.9), fc.integer({ min: 1, max: 6 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.boolean(),
        (hours, reservedGpus, months, burst) => {
          const sc = burst
            ? { ...s, options: { ...s.options, onPrem: { ...s.options.onPrem!, burst: 'cloud' as const } } }
            : s;
          const demand = measuredProfile(hours, 32);
          const path = { factors: months.map(([f]) => f), servers: months.map(([, n]) => n) };
          const columns = allOptionCosts(demand, sc, reservedGpus).map(() => ({
            totals: [] as number[],
            running: [] as number[],
          }));
          pricePathMonths(demand, sc, reservedGpus, path, 0, columns);
          months.forEach(([factor, servers], i) => {
            const costs = allOptionCosts(scaledProfile(demand, factor), withServers(sc, servers), reservedGpus);
            costs.forEach((c, k) => {
              expect(columns[k]!.totals[i]).toBe(c.total);
              expect(columns[k]!.running[i]).toBe(c.total - c.capital);
            });
          });
        },
      ),
    );
  });
  test('a higher on-demand price never lowers any option', () => {
    fc.assert(
      fc.property(utilization, price, price, (x, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const cheap = allOptionCosts(flatProfile(x, 32), scenario({ options: { cloud: { onDemandPerGpuHour: lo } } }));
        const dear = allOptionCosts(flatProfile(x, 32), scenario({ options: { cloud: { onDemandPerGpuHour: hi } } }));
        cheap.forEach((c, i) => expect(dear[i]!.total).toBeGreaterThanOrEqual(c.total - 1e-9));
      }),
    );
  });
  test('more demand never costs less', () => {
    fc.assert(
      fc.property(utilization, utilization, (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const low = allOptionCosts(flatProfile(lo, 32), scenario());
        const high = allOptionCosts(flatProfile(hi, 32), scenario());
        low.forEach((c, i) => expect(high[i]!.total).toBeGreaterThanOrEqual(c.total - 1e-9));
      }),
    );
  });
  test('zero demand: no cloud compute, no overflow, no burst', () => {
    const s = scenario();
    const [cloud, dedicated, onprem, edge] = allOptionCosts(flatProfile(0, 32), s);
    expect(cloud!.components.compute).toBe(0);
    expect(dedicated!.components.overflow).toBe(0);
    expect(onprem!.components.burst).toBe(0);
    expect(edge!.components.overflow).toBe(0);
  });
  test('a flat measured profile prices exactly like the threshold column at the same level', () => {
    fc.assert(
      fc.property(utilization, (x) => {
        const flat = allOptionCosts(flatProfile(x, 32), scenario());
        const measured = allOptionCosts(measuredProfile([x, x, x], 32), scenario());
        flat.forEach((c, i) => expect(measured[i]!.total).toBeCloseTo(c.total, 6));
      }),
    );
  });
});
