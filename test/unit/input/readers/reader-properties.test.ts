import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_GPU_PATTERN, readFocus } from '../../../../src/input/readers/focus-billing.js';
import { readUtilization } from '../../../../src/input/read-utilization.js';
import { readTokens } from '../../../../src/input/readers/tokens-csv.js';
import { sourceOf } from '../../../helpers/lines.js';

// Random valid rows with a known answer, mixed with mangled rows that must be counted as bad.
const T0 = Date.UTC(2026, 0, 1);
// Junk always has a visible character: a blank cell is an empty value in FOCUS, not a bad row.
const junk = fc.array(
  fc
    .string({ unit: fc.constantFrom('x', '-', '?', ' ', 'e', '.'), minLength: 1, maxLength: 8 })
    .filter((j) => j.trim() !== ''),
  { maxLength: 4 },
);

describe('property: every reader counts mangled rows and keeps the valid ones exact', () => {
  test('Prometheus API JSON: mangled points', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 40 }),
        junk,
        async (values, bad) => {
          const points: unknown[] = values.map((v, i) => [T0 / 1000 + i * 3600, String(v)]);
          bad.forEach((j, i) => points.splice(i * 3, 0, [T0 / 1000, j]));
          const doc = JSON.stringify({
            status: 'success',
            data: { resultType: 'matrix', result: [{ metric: {}, values: points }] },
          });
          const r = await readUtilization(sourceOf(doc), {
            format: 'auto',
            unit: 'percent',
            timeZone: 'UTC',
            maxBadRowFraction: 1,
            now: 0,
          });
          expect(r.summary.badRows).toBe(bad.length);
          expect(r.hours.map((h) => Math.round(h.utilization * 100))).toEqual(values);
        },
      ),
    );
  });
  test('tokens: daily totals and request traces', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 30 }), a: fc.nat(100000), b: fc.nat(5000) }), {
          minLength: 1,
          maxLength: 50,
        }),
        junk,
        fc.boolean(),
        async (rows, bad, trace) => {
          const lines = rows.map((r) =>
            trace
              ? `${new Date(T0 + r.day * 86_400_000 + 3_600_000).toISOString()},${r.a},${r.b}`
              : `${new Date(T0 + r.day * 86_400_000).toISOString().slice(0, 10)},${r.a + r.b}`,
          );
          bad.forEach((j, i) => lines.splice(i * 2, 0, trace ? `2026-01-01T00:00:00Z,${j},1` : `2026-01-01,${j}`));
          const text = [trace ? 'TIMESTAMP,ContextTokens,GeneratedTokens' : 'timestamp,tokens', ...lines].join('\n');
          const r = await readTokens(sourceOf(text), 'UTC', 'auto', 1);
          expect(r.counts.badRows).toBe(bad.length);
          const expected = new Map<number, number>();
          for (const x of rows)
            expected.set(T0 / 86_400_000 + x.day, (expected.get(T0 / 86_400_000 + x.day) ?? 0) + x.a + x.b);
          expect(r.days).toEqual([...expected].sort((p, q) => p[0] - q[0]).map(([day, tokens]) => ({ day, tokens })));
        },
      ),
    );
  });
  test('FOCUS: costs per month', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ month: fc.integer({ min: 1, max: 12 }), cents: fc.nat(10_000_000), gpu: fc.boolean() }), {
          minLength: 1,
          maxLength: 40,
        }),
        junk,
        async (rows, bad) => {
          const lines = rows.map(
            (r) =>
              `2026-${String(r.month).padStart(2, '0')}-03T00:00:00Z,Compute,${r.gpu ? 'p5.48xlarge' : 'm7i.large'},${(r.cents / 100).toFixed(2)}`,
          );
          bad.forEach((j, i) => lines.splice(i, 0, `2026-01-01T00:00:00Z,Compute,x,${j}`));
          const r = await readFocus(
            sourceOf(['ChargePeriodStart,ServiceCategory,SkuId,EffectiveCost', ...lines].join('\n')),
            DEFAULT_GPU_PATTERN,
            1,
          );
          expect(r.counts.badRows).toBe(bad.length);
          for (const m of r.months) {
            const inMonth = rows.filter((x) => `2026-${String(x.month).padStart(2, '0')}` === m.month);
            expect(m.totalCost).toBeCloseTo(
              inMonth.reduce((s, x) => s + x.cents / 100, 0),
              6,
            );
            expect(m.gpuComputeCost).toBeCloseTo(
              inMonth.filter((x) => x.gpu).reduce((s, x) => s + x.cents / 100, 0),
              6,
            );
          }
        },
      ),
    );
  });
});
