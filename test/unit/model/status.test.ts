import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/model/analysis/analyze.js';
import type { DailyTotal } from '../../../src/model/signals/daily-token-totals.js';
import type { HourlyPoint } from '../../../src/model/utilization/hourly-accumulator.js';
import { scenario } from '../../helpers/scenario.js';

const HOUR = 3_600_000;
/** The last sample's hour: 2026-11-15 23:00 UTC. */
const END = Date.UTC(2026, 10, 15, 23);
/** `days` days of hourly samples ending at END, at `level`; `keep` drops hours to thin coverage. */
function hours(days: number, level = 0.7, keep: (i: number) => boolean = () => true): HourlyPoint[] {
  const n = days * 24;
  return Array.from({ length: n }, (_, i) => ({ hourStart: END - (n - 1 - i) * HOUR, utilization: level })).filter(
    (_, i) => keep(i),
  );
}
const day0 = Math.floor(END / 86_400_000);
const steadyTokens: DailyTotal[] = Array.from({ length: 90 }, (_, i) => ({
  day: day0 - 89 + i,
  tokens: 1e9 * (1 + 0.01 * (i % 3)),
}));
/** Egress large enough to be material, so that with stable tokens every repatriation condition holds. */
const s = scenario({ workload: { egress: { internetGBPerMonth: 400000 } } });
const run = (
  utilizationHours: HourlyPoint[] | null,
  extra: { gpusSeen?: number | null; tokens?: DailyTotal[] | null } = {},
) =>
  analyze({
    scenario: s,
    utilizationHours,
    tokenDays: extra.tokens === undefined ? steadyTokens : extra.tokens,
    now: Date.UTC(2026, 10, 26),
    gpusSeen: extra.gpusSeen ?? null,
  });
const needs = (a: ReturnType<typeof run>) => a.verdict.needs.map((n) => [n.code, n.args]);

describe('enough data? when a verdict is provisional', () => {
  test('90 full days, the fleet the scenario names, every condition known: firm', () => {
    const a = run(hours(90), { gpusSeen: 32 });
    expect([a.verdict.status, a.verdict.needs]).toEqual(['firm', []]);
    expect(a.dataQuality).toEqual({
      utilizationDays: 90,
      coverage: 1,
      gpusSeen: 32,
      referenceGpus: 32,
      tokenDays: 90,
      overlapDays: 90,
    });
  });
  test('only an assumed utilization: measure it', () => {
    const a = run(null);
    expect(a.verdict.status).toBe('provisional');
    expect(needs(a)).toEqual([['need-measured-utilization', { days: 90 }]]);
    expect(a.dataQuality.utilizationDays).toBeNull();
  });
  test('a history spanning 59 days: 31 more days, one entry', () => {
    expect(needs(run(hours(59)))).toEqual([['need-longer-history', { days: 59, needed: 90, more: 31 }]]);
  });
  test('a day without samples lowers coverage, not length', () => {
    // 90 days, every other day empty but the last: it spans 90 days with data in 46 of them.
    const a = run(hours(90, 0.7, (i) => Math.floor(i / 24) % 2 === 0 || i >= 89 * 24));
    expect(a.dataQuality.utilizationDays).toBe(90);
    expect(needs(a)).toEqual([['need-coverage', { coverage: (46 * 24) / (90 * 24), needed: 0.8 }]]);
  });
  test('a per-GPU export of more than 10 % fewer GPUs than referenceGpus; within 10 % is firm', () => {
    expect(needs(run(hours(90), { gpusSeen: 28 }))).toEqual([['need-gpus-match', { gpusSeen: 28, referenceGpus: 32 }]]);
    expect(run(hours(90), { gpusSeen: 29 }).verdict.status).toBe('firm');
    expect(run(hours(90), { gpusSeen: null }).verdict.status).toBe('firm'); // a fleet-level series
    expect(run(hours(90), { gpusSeen: 28 }).warnings.map((w) => w.code)).toContain('gpus-differ');
  });
  test('a repatriation condition unknown while every other one holds: give it', () => {
    const a = run(hours(90), { tokens: null });
    expect(a.repatriation.conditions.map((c) => c.status)).toEqual(['met', 'met', 'unknown', 'met']);
    expect(needs(a)).toEqual([['need-repatriation-input', { condition: 'tokens' }]]);
    // With another condition not met, the unknown one cannot change the outcome: no need.
    const low = analyze({ scenario: scenario(), utilizationHours: hours(90), tokenDays: null, now: 0 });
    expect(low.verdict.needs).toEqual([]);
  });
  test('token and utilization histories that barely overlap: a warning, the status unchanged', () => {
    const early: DailyTotal[] = steadyTokens.map((t) => ({ ...t, day: t.day - 80 }));
    const a = run(hours(90), { tokens: early });
    expect(a.dataQuality.overlapDays).toBe(10);
    expect(a.warnings.map((w) => w.code)).toContain('histories-overlap-little');
  });
});

describe('next review', () => {
  test("90 days after the last sample, in the scenario's zone", () => {
    expect(run(hours(90)).verdict.nextReview).toBe('2027-02-13');
    // 23:00 UTC on the 15th is already the 16th in Tokyo.
    const tokyo = analyze({
      scenario: scenario({ timezone: 'Asia/Tokyo' }),
      utilizationHours: hours(90),
      tokenDays: null,
      now: 0,
    });
    expect(tokyo.verdict.nextReview).toBe('2027-02-14');
  });
  test('after the run with only an assumed utilization', () => {
    expect(run(null).verdict.nextReview).toBe('2027-02-24');
  });
  test('earlier: the end of the reserved term, or of a cloud commitment', () => {
    const short = scenario({ options: { dedicated: { termMonths: 1 } } }, ['onPrem', 'edge']);
    const a = analyze({ scenario: short, utilizationHours: hours(90, 0.5), tokenDays: null, now: 0 });
    expect(a.verdict.plan?.family).toBe('reserved');
    expect(a.verdict.nextReview).toBe('2026-12-15');
    const committed = scenario({ options: { cloud: { commitmentEndsMonth: 2 } } }, ['dedicated', 'onPrem', 'edge']);
    expect(
      analyze({ scenario: committed, utilizationHours: hours(90, 0.5), tokenDays: null, now: 0 }).verdict.nextReview,
    ).toBe('2027-01-15');
  });
});
