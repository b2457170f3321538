import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cloudCost } from '../../../src/core/cost/cloud-cost.js';
import { measuredProfile } from '../../../src/core/cost/demand-profile.js';
import { hybridCost } from '../../../src/core/cost/hybrid-cost.js';
import { criticalFractileBaseline, hybridHourlyCost } from '../../../src/core/hybrid/critical-fractile.js';
import { meanAbove, profileFromBusy, scaledProfile, shareAbove } from '../../../src/core/cost/demand-profile.js';
import { sizeHybrid } from '../../../src/core/hybrid/hybrid-sizing.js';
import { scenario } from '../../helpers/scenario.js';

const profile = (busy: number[]) => profileFromBusy(busy, 0);
/** f(k) per hour straight from the hours, independent of the profile's suffix sums. */
const direct = (busy: number[], k: number, owned: number, cloud: number) =>
  k * owned + cloud * busy.reduce((s, d) => s + Math.max(0, d - k), 0) / busy.length;

/** Brute force: every whole k from 0 to one past the peak, the cheapest (the smallest on a tie). */
function bruteForce(cost: (k: number) => number, peak: number): number {
  let best = 0;
  for (let k = 1; k <= Math.ceil(peak) + 1; k++) if (cost(k) < cost(best)) best = k;
  return best;
}

describe('critical fractile (issue 7)', () => {
  test('a hand-worked case: five hours at 2, 4, 6, 8, 10 busy GPUs', () => {
    // r = 2.35 / (2.99 / 0.7) = 0.5502: at most ⌊0.5502 × 5⌋ = 2 hours above k → k = 6.
    // Per hour: f(5) = 5 × 2.35 + 4.2714 × (1 + 3 + 5) / 5 = 19.439; f(6) = 14.10 + 4.2714 × 6 / 5 = 19.226;
    // f(7) = 16.45 + 4.2714 × 4 / 5 = 19.867.
    const cloud = 2.99 / 0.7;
    const p = profile([10, 2, 8, 4, 6]);
    expect(criticalFractileBaseline(p, 2.35, cloud)).toBe(6);
    expect(hybridHourlyCost(p, 5, 2.35, cloud)).toBeCloseTo(19.4386, 4);
    expect(hybridHourlyCost(p, 6, 2.35, cloud)).toBeCloseTo(19.2257, 4);
    expect(hybridHourlyCost(p, 7, 2.35, cloud)).toBeCloseTo(19.8671, 4);
    expect(shareAbove(p, 6)).toBe(0.4);
  });
  test('owning dearer per hour than a busy cloud GPU: no baseline', () => {
    expect(criticalFractileBaseline(profile([3, 5, 9]), 5, 4)).toBe(0);
  });
  test('equals a brute-force search over k on the same hours', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: 1, maxLength: 300 }),
      fc.double({ min: 0.05, max: 12, noNaN: true }),
      fc.double({ min: 0.05, max: 12, noNaN: true }),
      (hours, owned, cloud) => {
        const cost = (k: number) => direct(hours, k, owned, cloud);
        const k = criticalFractileBaseline(profile(hours), owned, cloud);
        const best = bruteForce(cost, Math.max(...hours));
        expect(cost(k)).toBeLessThanOrEqual(cost(best) * (1 + 1e-12) + 1e-12);
        expect(hybridHourlyCost(profile(hours), k, owned, cloud)).toBeCloseTo(cost(k), 9);
      },
    ), { numRuns: 500 });
  });
  test('whole hours (ties at integers) too', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 60 }),
      fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }),
      (hours, owned, cloud) => {
        const cost = (k: number) => direct(hours, k, owned / 4, cloud / 4);
        expect(cost(criticalFractileBaseline(profile(hours), owned / 4, cloud / 4))).toBeCloseTo(cost(bruteForce(cost, Math.max(...hours))), 9);
      },
    ), { numRuns: 500 });
  });
});

describe('hybrid sizing of a scenario', () => {
  const s = scenario({ options: { cloud: { minWarmGpus: 2 } } }, ['onPrem', 'edge']);
  test('the hybrid option\'s month is minimal over every k, warm floor at k = 0 included', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 200 }),
      fc.double({ min: 0.5, max: 6, noNaN: true }),
      (hourly, perGpuHour) => {
        const sc = scenario({ options: { cloud: { minWarmGpus: 2 }, dedicated: { perGpuHour, upfront: 1000, termMonths: 12 } } }, ['onPrem', 'edge']);
        const profile = measuredProfile(hourly, 32);
        const sizing = sizeHybrid(profile, sc)!;
        const month = (k: number) => hybridCost(profile, sc.options.dedicated!, k, sc).total;
        const best = bruteForce(month, sizing.peakBusyGpus);
        expect(month(sizing.baselineGpus)).toBeLessThanOrEqual(month(best) * (1 + 1e-12));
      },
    ), { numRuns: 300 });
  });
  test('k = 0 is the cloud option itself; the owned GPU-hour carries the upfront', () => {
    const profile = measuredProfile([0.1, 0.2], 32);
    // Hours at 3.2 and 6.4 busy GPUs, warm floor 2: cloud provisions 3.2 / 0.7 and 6.4 / 0.7.
    const cloudMonth = ((3.2 / 0.7 + 6.4 / 0.7) / 2) * 730 * 4.1;
    expect(hybridCost(profile, s.options.dedicated!, 0, s).total).toBe(cloudCost(profile, s).total);
    expect(cloudCost(profile, s).components.compute).toBeCloseTo(cloudMonth, 9);
    const floored = measuredProfile([0.01], 32); // 0.32 busy: the warm floor of 2 GPUs holds
    expect(hybridCost(floored, s.options.dedicated!, 0, s).components.burst).toBeCloseTo(2 * 730 * 4.1, 9);
    const sc = scenario({ options: { dedicated: { perGpuHour: 2, upfront: 7300, termMonths: 10 } } }, ['onPrem', 'edge']);
    expect(sizeHybrid(profile, sc)!.ownedPerGpuHour).toBeCloseTo(2 + 7300 / (10 * 730), 12);
  });
  test('reported beside all-owned (reserved to the peak) and all-cloud', () => {
    // Hours at 8, 16 and 24 busy GPUs of 32; reserved $2.60, cloud $4.10 / 0.7 per busy GPU-hour.
    const profile = measuredProfile([0.25, 0.5, 0.75], 32);
    const h = sizeHybrid(profile, s)!;
    expect(h.criticalRatio).toBeCloseTo(2.6 / (4.1 / 0.7), 12); // 0.4439: ⌊1.33⌋ = 1 hour may burst → k = 16
    expect(h.baselineGpus).toBe(16);
    expect(h.burstShareOfHours).toBeCloseTo(1 / 3, 12);
    expect(h.peakBusyGpus).toBe(24);
    const traffic = hybridCost(profile, s.options.dedicated!, 16, s).components.internetEgress!;
    expect(h.allOwnedMonthly).toBeCloseTo(24 * 730 * 2.6 + traffic, 6);
    expect(h.allCloudMonthly).toBeCloseTo(((8 + 16 + 24) / 3 / 0.7) * 730 * 4.1 + traffic, 6);
    const month = hybridCost(profile, s.options.dedicated!, 16, s);
    expect(month.total).toBeCloseTo(16 * 730 * 2.6 + (8 / 3 / 0.7) * 730 * 4.1 + traffic, 6);
  });
  test('without a dedicated option there is nothing to price a baseline with', () => {
    expect(sizeHybrid(measuredProfile([0.5], 32), scenario({}, ['dedicated']))).toBeNull();
  });
});

describe('the demand profile\'s one primitive', () => {
  test('mean busy GPUs above a level, and the share of hours above it, equal the direct sums at any scale', () => {
    fc.assert(fc.property(
      // Busy GPUs on a 0.01 grid (ties included): a subnormal busy count × a factor underflows to 0
      // in the direct sum, which is the oracle's rounding, not the profile's.
      fc.array(fc.integer({ min: 0, max: 5000 }).map((x) => x / 100), { minLength: 1, maxLength: 100 }),
      fc.double({ min: -5, max: 80, noNaN: true }), fc.double({ min: 0.01, max: 4, noNaN: true }),
      (busy, level, factor) => {
        const p = scaledProfile(profile(busy), factor);
        const scaled = busy.map((b) => b * factor);
        expect(meanAbove(p, level)).toBeCloseTo(scaled.reduce((s, d) => s + Math.max(0, d - level), 0) / busy.length, 9);
        expect(shareAbove(p, level)).toBe(scaled.filter((d) => d / factor > level / factor).length / busy.length);
      },
    ), { numRuns: 500 });
  });
});
