import { describe, expect, test } from 'vitest';
import { optionCost } from '../../../src/model/cost/option-cost.js';
import { egressShare } from '../../../src/model/signals/egress-share.js';
import { latencyFloors } from '../../../src/model/signals/latency-floors.js';
import { tokenStats } from '../../../src/model/signals/token-stats.js';
import { DAYS_PER_MONTH } from '../../../src/model/units.js';

describe('§6 tokens', () => {
  test('cv = sample stdev / mean; trend = slope × 30 / mean; stable', () => {
    const t = tokenStats(
      [
        { day: 1, tokens: 100 },
        { day: 2, tokens: 200 },
        { day: 3, tokens: 300 },
      ],
      90,
    )!;
    expect(t.dailyMean).toBe(200);
    expect(t.cv).toBeCloseTo(0.5, 12);
    expect(t.trendPerMonth).toBeCloseTo(15, 12); // 100/day × 30 / 200
    expect(t.stable).toBe(false);
    expect(t.monthlyTokens).toBeCloseTo(200 * DAYS_PER_MONTH, 9);
  });
  test('stable needs cv ≤ 0.25 and |trend| ≤ 0.10', () => {
    const flat = tokenStats(
      [1, 2, 3, 4].map((day) => ({ day, tokens: day % 2 ? 1000 : 1100 })),
      90,
    )!;
    expect(flat.cv).toBeLessThan(0.25);
    expect(Math.abs(flat.trendPerMonth!)).toBeLessThanOrEqual(1.0); // 30 × 30 / 1050 = 0.857 → not stable
    expect(flat.stable).toBe(false);
    const steady = tokenStats(
      Array.from({ length: 60 }, (_, i) => ({ day: i, tokens: i % 2 ? 1000 : 1100 })),
      90,
    )!;
    expect(steady.stable).toBe(true);
  });
  test('window: trailing days ending at the last day; one day leaves cv unknown', () => {
    const t = tokenStats(
      [
        { day: 1, tokens: 5 },
        { day: 100, tokens: 10 },
        { day: 101, tokens: 20 },
      ],
      90,
    )!;
    expect(t.days).toBe(2);
    expect(t.dailyMean).toBe(15);
    const one = tokenStats([{ day: 1, tokens: 5 }], 90)!;
    expect(one.cv).toBeNull();
    expect(one.stable).toBeNull();
    expect(tokenStats([], 90)).toBeNull();
  });
});

describe('§6 egress share and latency floors', () => {
  test('(internet egress + retrieval) / compute of cloud at the measured profile', () => {
    expect(egressShare(optionCost('cloud', { compute: 1000, internetEgress: 60, retrieval: 40 }))).toBeCloseTo(0.1, 12);
    expect(egressShare(optionCost('cloud', { compute: 0, internetEgress: 60, retrieval: 0 }))).toBeNull();
  });
  test('floor = rtt + retrieval + serving; share of regions beyond the target', () => {
    const l = latencyFloors({
      sovereignty: false,
      agentic: false,
      ttftTargetMs: 250,
      servingTtftMs: 150,
      retrievalLatencyMs: 20,
      regions: [
        { name: 'near', trafficShare: 0.7, rttMs: 30 },
        { name: 'far', trafficShare: 0.3, rttMs: 95 },
      ],
    });
    expect(l.regions.map((r) => r.floorMs)).toEqual([200, 265]);
    expect(l.farShare).toBeCloseTo(0.3, 12);
    expect(l.largestFloorMs).toBe(265);
    const noTarget = latencyFloors({
      sovereignty: false,
      agentic: false,
      servingTtftMs: 150,
      retrievalLatencyMs: 0,
      regions: [{ name: 'x', trafficShare: 1, rttMs: 500 }],
    });
    expect(noTarget.farShare).toBeNull();
  });
});
