import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/model/analysis/analyze.js';
import type { HourlyPoint } from '../../../src/model/utilization/hourly-accumulator.js';
import { scenario } from '../../helpers/scenario.js';

const HOUR = 3_600_000;
const END = Date.UTC(2026, 10, 15, 23);

/** Generated scenarios: demand shapes, prices, pool sizes, headroom and constraints. */
const cases = fc.record({
  days: fc.integer({ min: 1, max: 100 }),
  base: fc.double({ min: 0, max: 0.9, noNaN: true }),
  swing: fc.double({ min: 0, max: 0.6, noNaN: true }),
  referenceGpus: fc.integer({ min: 1, max: 64 }),
  onDemand: fc.double({ min: 1, max: 8, noNaN: true }),
  reservedRatio: fc.double({ min: 0.3, max: 1.3, noNaN: true }),
  dedicatedGpus: fc.integer({ min: 1, max: 80 }),
  servers: fc.integer({ min: 1, max: 10 }),
  unitCost: fc.integer({ min: 50_000, max: 400_000 }),
  tau: fc.double({ min: 0.4, max: 1, noNaN: true }),
  egressGB: fc.integer({ min: 0, max: 500_000 }),
  sovereignty: fc.boolean(),
  agentic: fc.boolean(),
  minWarm: fc.integer({ min: 0, max: 4 }),
  financed: fc.boolean(),
  current: fc.constantFrom('cloud', 'dedicated', 'onprem', 'edge', 'none'),
});

describe('the decision over generated scenarios', () => {
  test("the plan is never dearer than its family's configured option; constraintCost ≥ 0; irr > discount rate ⇔ npv > 0", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const s = scenario({
          workload: {
            referenceGpus: c.referenceGpus,
            targetUtilization: c.tau,
            egress: { internetGBPerMonth: c.egressGB },
            constraints: { sovereignty: c.sovereignty, agentic: c.agentic },
            currentPlacement: c.current as 'cloud',
          },
          options: {
            cloud: { onDemandPerGpuHour: c.onDemand, minWarmGpus: c.minWarm },
            dedicated: { perGpuHour: c.onDemand * c.reservedRatio, gpus: c.dedicatedGpus },
            onPrem: {
              servers: c.servers,
              hardware: [
                {
                  name: 'node',
                  unitCost: c.unitCost,
                  quantity: c.servers,
                  usefulLifeMonths: 48,
                  residualFraction: 0.1,
                },
              ],
              financing: c.financed ? { annualRate: 0.07, termMonths: 36 } : undefined,
            },
          },
        });
        const n = c.days * 24;
        const utilizationHours: HourlyPoint[] = Array.from({ length: n }, (_, i) => ({
          hourStart: END - (n - 1 - i) * HOUR,
          utilization: Math.min(1, c.base + c.swing * (0.5 + 0.5 * Math.sin(i / 3.7))),
        }));
        const a = analyze({ scenario: s, utilizationHours, tokenDays: null, now: 0 });
        const v = a.verdict;
        const month = (id: string) => a.options.find((o) => o.cost.id === id)?.cost.total;
        if (v.plan !== null) {
          const tolerance = 1e-9 * Math.max(1, v.plan.monthly);
          if (v.plan.family === 'reserved') expect(v.plan.monthly).toBeLessThanOrEqual(month('dedicated')! + tolerance);
          if (v.plan.family === 'reserved' || v.plan.family === 'cloud')
            expect(v.plan.monthly).toBeLessThanOrEqual(month('cloud')! + tolerance);
          expect(v.plan.monthly).toBeCloseTo(month(v.plan.option)!, 6);
          expect(v.constraintCost!.monthly).toBeGreaterThanOrEqual(0);
          expect(v.constraintCost!.monthly).toBeCloseTo(
            v.plan.monthly - Math.min(...a.options.map((o) => o.cost.total)),
            6,
          );
        }
        if (c.sovereignty) expect(a.options.find((o) => o.cost.id === 'onprem')!.cost.components.burst).toBe(0);
        for (const o of a.options) {
          if (o.irr === null || o.npv === null || Math.abs(o.npv) < 1e-6) continue;
          expect(o.irr > s.discountRate).toBe(o.npv > 0);
        }
        if (v.savingVsCurrent !== null) expect(v.savingVsCurrent.yearly).toBeCloseTo(12 * v.savingVsCurrent.monthly, 6);
        expect(v.status === 'firm').toBe(v.needs.length === 0);
      }),
      { numRuns: 150 },
    );
  });
});
