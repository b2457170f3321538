import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cloudCost } from '../../../src/model/cost/cloud-cost.js';
import { measuredProfile } from '../../../src/model/demand/demand-profile.js';
import { reservedCost } from '../../../src/model/cost/reserved-cost.js';
import { criticalFractileGpus, reservedHourlyCost } from '../../../src/model/reserved/critical-fractile.js';
import { meanAbove, profileFromBusy, scaledProfile, shareAbove } from '../../../src/model/demand/demand-profile.js';
import { sizeReserved } from '../../../src/model/reserved/reserved-sizing.js';
import { scenario } from '../../helpers/scenario.js';

const profile = (busy: number[]) => profileFromBusy(busy, 0);
/** f(k) per hour straight from the hours: k reserved GPUs serve k × τ busy GPUs, the rest on-demand at τ. */
const direct = (busy: number[], k: number, reserved: number, onDemand: number, tau: number) =>
  k * reserved + ((onDemand / tau) * busy.reduce((s, d) => s + Math.max(0, d - k * tau), 0)) / busy.length;

/** Brute force: every whole k from 0 to ⌈peak / τ⌉ + 1, the cheapest (the smallest on a tie). */
function bruteForce(cost: (k: number) => number, peak: number, tau: number): number {
  let best = 0;
  for (let k = 1; k <= Math.ceil(peak / tau) + 1; k++) if (cost(k) < cost(best)) best = k;
  return best;
}

describe('critical fractile with the same headroom for reserved GPUs', () => {
  test('a hand-worked case: five hours at 2, 4, 6, 8, 10 busy GPUs, τ = 0.7', () => {
    // r = 2.35 / 2.99 = 0.786: at most ⌊0.786 × 5⌋ = 3 hours above k × τ → k × τ = 4 → k* = 5.71.
    // Per hour: f(4) = 9.40 + 4.2714 × 16.8 / 5 = 23.752; f(5) = 11.75 + 4.2714 × 14 / 5 = 23.710;
    // f(6) = 14.10 + 4.2714 × 11.4 / 5 = 23.839. k = 5, and 4 of the 5 hours burst (0.8 ≈ r).
    const p = profile([10, 2, 8, 4, 6]);
    expect(criticalFractileGpus(p, 2.35, 2.99, 0.7)).toBe(5);
    expect(reservedHourlyCost(p, 4, 2.35, 2.99, 0.7)).toBeCloseTo(23.752, 3);
    expect(reservedHourlyCost(p, 5, 2.35, 2.99, 0.7)).toBeCloseTo(23.71, 3);
    expect(reservedHourlyCost(p, 6, 2.35, 2.99, 0.7)).toBeCloseTo(23.8389, 4);
    expect(shareAbove(p, 5 * 0.7)).toBe(0.8);
  });
  test('reserving dearer per hour than on-demand: reserve nothing', () => {
    expect(criticalFractileGpus(profile([3, 5, 9]), 5, 4, 0.7)).toBe(0);
  });
  test('equals a brute-force search over k = 0 … ⌈peak / τ⌉ on the same hours', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0.05, max: 12, noNaN: true }),
        fc.double({ min: 0.05, max: 12, noNaN: true }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        (hours, reserved, onDemand, tau) => {
          const cost = (k: number) => direct(hours, k, reserved, onDemand, tau);
          const k = criticalFractileGpus(profile(hours), reserved, onDemand, tau);
          const best = bruteForce(cost, Math.max(...hours), tau);
          expect(cost(k)).toBeLessThanOrEqual(cost(best) * (1 + 1e-12) + 1e-12);
          expect(reservedHourlyCost(profile(hours), k, reserved, onDemand, tau)).toBeCloseTo(cost(k), 9);
        },
      ),
      { numRuns: 500 },
    );
  });
  test('whole hours (ties at integers) too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (hours, reserved, onDemand) => {
          const cost = (k: number) => direct(hours, k, reserved / 4, onDemand / 4, 0.7);
          expect(cost(criticalFractileGpus(profile(hours), reserved / 4, onDemand / 4, 0.7))).toBeCloseTo(
            cost(bruteForce(cost, Math.max(...hours), 0.7)),
            9,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the reserved plan of a scenario', () => {
  const s = scenario({ options: { cloud: { minWarmGpus: 2 } } }, ['onPrem', 'edge']);
  test('its month is minimal over every k = 0 … ⌈peak / τ⌉, warm floor at k = 0 included, ties to the smaller k', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0.5, max: 6, noNaN: true }),
        fc.constantFrom(0.5, 0.7, 0.85),
        (hourly, perGpuHour, tau) => {
          const sc = scenario(
            {
              workload: { targetUtilization: tau },
              options: { cloud: { minWarmGpus: 2 }, dedicated: { perGpuHour, upfront: 1000, termMonths: 12 } },
            },
            ['onPrem', 'edge'],
          );
          const p = measuredProfile(hourly, 32);
          const sizing = sizeReserved(p, sc)!;
          const month = (k: number) => reservedCost(p, sc.options.dedicated!, k, sc).total;
          const best = bruteForce(month, sizing.peakBusyGpus, tau);
          expect(month(sizing.gpus)).toBeLessThanOrEqual(month(best) * (1 + 1e-12));
          if (month(sizing.gpus) === month(best)) expect(sizing.gpus).toBeLessThanOrEqual(best);
        },
      ),
      { numRuns: 300 },
    );
  });
  test('k = 0 is the cloud option itself; the reserved GPU-hour carries the upfront', () => {
    const p = measuredProfile([0.1, 0.2], 32);
    // Hours at 3.2 and 6.4 busy GPUs, warm floor 2: cloud provisions 3.2 / 0.7 and 6.4 / 0.7.
    const cloudMonth = ((3.2 / 0.7 + 6.4 / 0.7) / 2) * 730 * 4.1;
    expect(reservedCost(p, s.options.dedicated!, 0, s).total).toBe(cloudCost(p, s).total);
    expect(cloudCost(p, s).components.compute).toBeCloseTo(cloudMonth, 9);
    const floored = measuredProfile([0.01], 32); // 0.32 busy: the warm floor of 2 GPUs holds
    expect(reservedCost(floored, s.options.dedicated!, 0, s).components.burst).toBeCloseTo(2 * 730 * 4.1, 9);
    const sc = scenario({ options: { dedicated: { perGpuHour: 2, upfront: 7300, termMonths: 10 } } }, [
      'onPrem',
      'edge',
    ]);
    expect(sizeReserved(p, sc)!.reservedPerGpuHour).toBeCloseTo(2 + 7300 / (10 * 730), 12);
  });
  test('hand-worked: hours at 8, 16 and 24 busy GPUs of 32, reserved $2.60, on-demand $4.10, τ 0.7', () => {
    const p = measuredProfile([0.25, 0.5, 0.75], 32);
    const h = sizeReserved(p, s)!;
    // r = 2.6 / 4.1 = 0.634: ⌊1.9⌋ = 1 hour may burst → k × 0.7 = 16 → k* = 22.86; per hour
    // f(21) = 54.6 + (4.1 / 0.7) × (1.3 + 9.3) / 3 = 75.295; f(22) = 57.2 + 5.857 × (0.6 + 8.6) / 3
    // = 75.162; f(23) = 59.8 + 5.857 × 7.9 / 3 = 75.224. k = 22: 22 × 0.7 = 15.4 < 16, so two of
    // the three hours burst.
    expect(h.criticalRatio).toBeCloseTo(2.6 / 4.1, 12);
    expect(h.gpus).toBe(22);
    expect(h.burstShareOfHours).toBeCloseTo(2 / 3, 12);
    // Busy GPU-hours on burst: (0.6 + 8.6) / (8 + 16 + 24).
    expect(h.burstShareOfBusyGpuHours).toBeCloseTo(9.2 / 48, 12);
    expect(h.peakBusyGpus).toBe(24);
    expect(h.peakGpus).toBe(35); // ⌈24 / 0.7⌉
    const traffic = reservedCost(p, s.options.dedicated!, 22, s).components.internetEgress!;
    expect(reservedCost(p, s.options.dedicated!, 22, s).total).toBeCloseTo(
      (57.2 + (4.1 / 0.7) * (9.2 / 3)) * 730 + traffic,
      6,
    );
    expect(h.allReservedMonthly).toBeCloseTo(35 * 730 * 2.6 + traffic, 6);
    expect(h.allCloudMonthly).toBeCloseTo(((8 + 16 + 24) / 3 / 0.7) * 730 * 4.1 + traffic, 6);
  });
  test('without a dedicated option there is nothing to price a reservation with', () => {
    expect(sizeReserved(measuredProfile([0.5], 32), scenario({}, ['dedicated']))).toBeNull();
  });
});

describe("the demand profile's one primitive", () => {
  test('mean busy GPUs above a level, and the share of hours above it, equal the direct sums at any scale', () => {
    fc.assert(
      fc.property(
        // Busy GPUs on a 0.01 grid (ties included): a subnormal busy count × a factor underflows to 0
        // in the direct sum, which is the oracle's rounding, not the profile's.
        fc.array(
          fc.integer({ min: 0, max: 5000 }).map((x) => x / 100),
          { minLength: 1, maxLength: 100 },
        ),
        fc.double({ min: -5, max: 80, noNaN: true }),
        fc.double({ min: 0.01, max: 4, noNaN: true }),
        (busy, level, factor) => {
          const p = scaledProfile(profile(busy), factor);
          const scaled = busy.map((b) => b * factor);
          expect(meanAbove(p, level)).toBeCloseTo(
            scaled.reduce((s, d) => s + Math.max(0, d - level), 0) / busy.length,
            9,
          );
          expect(shareAbove(p, level)).toBe(scaled.filter((d) => d / factor > level / factor).length / busy.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});
