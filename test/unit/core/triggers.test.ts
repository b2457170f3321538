import { describe, expect, test } from 'vitest';
import { latencyFloors } from '../../../src/core/signals/latency-floors.js';
import { profileFromAssumption } from '../../../src/core/utilization/utilization-profile.js';
import { daysSinceModelChange, modelChangesWithin, triggers, type TriggerInput } from '../../../src/core/verdict/triggers.js';
import type { Placement } from '../../../src/core/verdict/verdict.js';

const asOf = Date.UTC(2026, 10, 16);
const noLatency = latencyFloors({ sovereignty: false, agentic: false, servingTtftMs: 150, retrievalLatencyMs: 0, regions: [] });
const base = (placement: Placement, over: Partial<TriggerInput> = {}): TriggerInput => ({
  placement, governingConstraint: placement === 'hybrid-burst' ? 'token-volatility' : 'utilization-economics', utilization: profileFromAssumption(0.5, [0.4, 0.6, 0.7]), tokens: null, latency: noLatency,
  modelChanges: [], asOf, reservedBurstShare: 0.3, onPremBreakEven: null, ...over,
});
const ids = (p: Placement, over: Partial<TriggerInput> = {}) => triggers(base(p, over)).map((t) => t.id);

describe('§9 triggers per verdict', () => {
  test('the set for each placement', () => {
    expect(ids('cloud-managed')).toEqual(['consistent-utilization-40', 'model-selection-hardens']);
    expect(ids('dedicated-reserved')).toEqual(['utilization-below-50', 'token-volatility', 'model-churn']);
    expect(ids('on-prem')).toEqual(['utilization-below-50', 'token-volatility', 'model-churn', 'annual-review']);
    expect(ids('on-prem-sovereign')).toEqual(['regulatory-change', 'sovereign-cloud-region']);
    // Chosen for volatility (rule 3), hybrid-burst waits for tokens to settle, whatever its burst.
    expect(ids('hybrid-burst')).toEqual(['token-cv-stable']);
    // hybrid-burst chosen on price (rule 7) watches like dedicated, plus its burst share.
    expect(ids('hybrid-burst', { governingConstraint: 'predictability' })).toEqual(['utilization-below-50', 'token-volatility', 'model-churn', 'burst-share']);
    expect(ids('edge')).toEqual(['far-region-share']);
  });
  test('every verdict: mean utilization crossing the on-prem break-even', () => {
    const up = triggers(base('cloud-managed', { onPremBreakEven: 0.45 })).at(-1)!;
    expect(up).toMatchObject({ id: 'onprem-break-even', comparator: '>=', threshold: 0.45, current: 0.5, firing: true });
    const down = triggers(base('on-prem', { onPremBreakEven: 0.45 })).at(-1)!;
    expect(down).toMatchObject({ comparator: '<', firing: false });
  });
  test('manual triggers never fire by themselves', () => {
    for (const t of triggers(base('on-prem-sovereign'))) expect(t).toMatchObject({ kind: 'manual', firing: false, current: null, metric: null });
  });
  test('model churn and stability are judged at asOf', () => {
    const changes = ['2026-08-01', '2026-09-10', '2026-11-01'];
    expect(modelChangesWithin(changes, asOf, 90)).toBe(2); // 2026-08-01 is 107 days back
    expect(daysSinceModelChange(changes, asOf)).toBe(15);
    expect(daysSinceModelChange([], asOf)).toBeNull();
    const churn = triggers(base('dedicated-reserved', { modelChanges: changes })).find((t) => t.id === 'model-churn')!;
    expect(churn).toMatchObject({ current: 2, threshold: 2, firing: true, windowDays: 90 });
  });
  test('unknown current values never fire', () => {
    for (const t of triggers(base('dedicated-reserved'))) if (t.current === null) expect(t.firing).toBe(false);
  });
  test('edge: the target relaxing to the largest floor', () => {
    const latency = latencyFloors({ sovereignty: false, agentic: false, ttftTargetMs: 100, servingTtftMs: 60, retrievalLatencyMs: 0, regions: [{ name: 'a', trafficShare: 0.5, rttMs: 15 }, { name: 'b', trafficShare: 0.5, rttMs: 190 }] });
    const [relax, share] = triggers(base('edge', { latency }));
    expect(relax).toMatchObject({ id: 'latency-target-relaxes', current: 100, threshold: 250, firing: false });
    expect(share).toMatchObject({ current: 0.5, comparator: '<', threshold: 0.2, firing: false });
  });
});
