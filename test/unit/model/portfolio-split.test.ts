import { describe, expect, test } from 'vitest';
import {
  groupConstraints,
  groupOf,
  mainGroup,
  modelConstraints,
  placementGroups,
  type Constraints,
} from '../../../src/model/portfolio/placement-groups.js';
import { DEFAULT_GOVERNANCE, governanceChecks } from '../../../src/model/portfolio/governance.js';
import { residencyMonthly } from '../../../src/model/portfolio/portfolio-analysis.js';

const SHARED: Constraints = {
  sovereignty: false,
  ttftTargetMs: 800,
  servingTtftMs: 150,
  retrievalLatencyMs: 0,
  regions: [],
  agentic: false,
};
// Latency floor = rtt + 150 ms of serving: a region is far when its rtt passes 650 ms.
const far = (share: number) => ({ name: 'ap-south', trafficShare: share, rttMs: 700 });

describe('which models are placed apart', () => {
  test('sovereign before edge, edge from a fifth of its own traffic far away, the rest central', () => {
    const own = (o: Partial<{ sovereignty: boolean; agentic: boolean; regions: Constraints['regions'] | null }>) =>
      modelConstraints(SHARED, { sovereignty: false, agentic: false, regions: null, ...o });
    expect(groupOf(own({ sovereignty: true, regions: [far(0.9)] }))).toBe('sovereign');
    expect(groupOf(own({ regions: [far(0.2)] }))).toBe('edge');
    expect(groupOf(own({ regions: [far(0.19)] }))).toBe('central');
    expect(groupOf(own({ agentic: true }))).toBe('central');
    // Without a TTFT target no region can be judged far.
    expect(groupOf({ ...own({ regions: [far(0.9)] }), ttftTargetMs: undefined })).toBe('central');
    // The workload's sovereignty binds every model; a model's own regions replace the workload's.
    expect(modelConstraints({ ...SHARED, sovereignty: true }, null).sovereignty).toBe(true);
    expect(
      modelConstraints({ ...SHARED, regions: [far(0.5)] }, { sovereignty: false, agentic: false, regions: [] }).regions,
    ).toEqual([]);
  });

  test('groups in order sovereign, edge, central, only those with models; the main one is central', () => {
    const cs: Constraints[] = [SHARED, { ...SHARED, sovereignty: true }, SHARED, { ...SHARED, regions: [far(0.5)] }];
    const groups = placementGroups(cs, [1, 1, 1, 1]);
    expect(groups.map((g) => [g.id, g.members])).toEqual([
      ['sovereign', [1]],
      ['edge', [3]],
      ['central', [0, 2]],
    ]);
    // The same constraints for every member are kept as they are (a one-workload scenario's).
    expect(groups[2]!.constraints).toBe(SHARED);
    expect(mainGroup(groups).id).toBe('central');
    expect(mainGroup(placementGroups([{ ...SHARED, sovereignty: true }], [1])).id).toBe('sovereign');
  });

  test("a group's regions: each share weighted by its models' traffic, at the farthest round trip (hand-worked)", () => {
    // A carries 3/4 of the traffic: eu 40 % at 300 ms; B 1/4: eu 20 % at 200 ms, ap 50 % at 400 ms.
    // eu = 0.4 × 0.75 + 0.2 × 0.25 = 0.35 at 300 ms; ap = 0.5 × 0.25 = 0.125 at 400 ms.
    const a = { ...SHARED, regions: [{ name: 'eu', trafficShare: 0.4, rttMs: 300 }] };
    const b = {
      ...SHARED,
      agentic: true,
      regions: [
        { name: 'eu', trafficShare: 0.2, rttMs: 200 },
        { name: 'ap', trafficShare: 0.5, rttMs: 400 },
      ],
    };
    const g = groupConstraints([a, b], [3, 1]);
    expect(g.regions.map((r) => [r.name, +r.trafficShare.toFixed(12), r.rttMs])).toEqual([
      ['eu', 0.35, 300],
      ['ap', 0.125, 400],
    ]);
    expect(g.agentic).toBe(true);
    expect(g.sovereignty).toBe(false);
    // No traffic at all: equal weights.
    expect(groupConstraints([a, b], [0, 0]).regions[0]!.trafficShare).toBeCloseTo(0.3, 12);
  });
});

describe("the portfolio's limits", () => {
  test('hand-worked: a canary past its days, a model past retireBy, the share serving no traffic', () => {
    const now = Date.UTC(2027, 3, 2, 15); // 2027-04-02, two days after 2027-03-31
    const checks = governanceChecks(
      [
        { name: 'chat', canaryRetainedDays: 7, retireBy: null },
        { name: 'agent', canaryRetainedDays: 21, retireBy: null },
        { name: 'old', canaryRetainedDays: null, retireBy: '2027-03-31' },
        { name: 'new', canaryRetainedDays: null, retireBy: '2027-05-02' },
      ],
      0.3,
      DEFAULT_GOVERNANCE,
      now,
    );
    expect(checks.map((c) => [c.id, c.model, c.value, c.limit, c.overLimit])).toEqual([
      ['canary-retention', 'chat', 7, 14, false],
      ['canary-retention', 'agent', 21, 14, true],
      ['past-retire-by', 'old', 2, 0, true],
      ['past-retire-by', 'new', -30, 0, false],
      ['not-serving-share', null, 0.3, 0.25, true],
    ]);
    // The day itself has come: over.
    const today = governanceChecks(
      [{ name: 'x', canaryRetainedDays: null, retireBy: '2027-04-02' }],
      0,
      DEFAULT_GOVERNANCE,
      now,
    );
    expect(today[0]).toMatchObject({ value: 0, overLimit: true });
    // At the limit is within it.
    expect(governanceChecks([], 0.25, DEFAULT_GOVERNANCE, now)[0]!.overLimit).toBe(false);
  });
});

describe("a model's share priced by what it keeps resident", () => {
  test('hand-worked: $1,000 over 60 serving, 20 floor, 15 canary, 5 shadow GPU-hours; no hours: all serving', () => {
    const r = residencyMonthly(1000, {
      servingGpuHours: 60,
      warmFloorGpuHours: 20,
      canaryGpuHours: 15,
      shadowGpuHours: 5,
    });
    expect(r.serving).toBeCloseTo(600, 9);
    expect(r.warmFloor).toBeCloseTo(200, 9);
    expect(r.canary).toBeCloseTo(150, 9);
    expect(r.shadow).toBeCloseTo(50, 9);
    expect(r.serving + r.warmFloor + r.canary + r.shadow).toBe(1000);
    expect(
      residencyMonthly(5, { servingGpuHours: 0, warmFloorGpuHours: 0, canaryGpuHours: 0, shadowGpuHours: 0 }),
    ).toEqual({
      serving: 5,
      warmFloor: 0,
      canary: 0,
      shadow: 0,
    });
  });
});
