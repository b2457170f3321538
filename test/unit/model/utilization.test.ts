import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { HourlyAccumulator } from '../../../src/model/utilization/hourly-accumulator.js';
import { profileFromAssumption, profileFromHistory } from '../../../src/model/utilization/utilization-profile.js';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2026, 0, 1);

/** Hourly points for `days` days with utilization f(day, hour). */
function hours(days: number, f: (day: number, hour: number) => number) {
  const out = [];
  for (let d = 0; d < days; d++)
    for (let h = 0; h < 24; h++) out.push({ hourStart: T0 + d * D + h * H, utilization: f(d, h) });
  return out;
}

describe('§2 aggregation: mean across GPUs per timestamp, then per hour', () => {
  test('two GPUs at two timestamps in one hour', () => {
    const acc = new HourlyAccumulator();
    acc.add(T0, 0.2);
    acc.add(T0, 0.6); // timestamp mean 0.4
    acc.add(T0 + 60_000, 1.0); // one GPU only: 1.0
    acc.add(T0 + H, 0.5);
    expect(acc.finish()).toEqual([
      { hourStart: T0, utilization: 0.7 },
      { hourStart: T0 + H, utilization: 0.5 },
    ]);
  });
  test('scale turns percent into fractions; a late sample joins its closed hour', () => {
    const acc = new HourlyAccumulator();
    acc.add(T0, 50);
    acc.add(T0 + 3 * H, 70);
    acc.add(T0 + 10, 30); // hour 0 was closed by the sample 3 hours later
    expect(acc.lateSamples).toBe(1);
    const out = acc.finish(0.01);
    expect(out.map((h) => h.hourStart)).toEqual([T0, T0 + 3 * H]);
    expect(out[0]?.utilization).toBeCloseTo(0.4, 15); // (50 + 30) / 2 %
    expect(out[1]?.utilization).toBeCloseTo(0.7, 15);
  });
  test('property: hours and means equal the plain grouping, times on and just short of hour boundaries', () => {
    // Times a sampling loop gives (whole seconds), and fractional milliseconds around the
    // boundaries, where knowing the hour from the previous sample's must agree with dividing.
    const offset = fc.constantFrom(0, 1, 999, 1000, H - 1, H - 0.5, H - 0.0001, H, H + 0.0001, 2 * H - 1e-3);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), offset, fc.integer({ min: 0, max: 100 })), {
          maxLength: 200,
        }),
        (raw) => {
          const samples = raw
            .map(([hour, at, value]): [number, number] => [T0 + hour * H + at, value])
            .sort((a, b) => a[0] - b[0]);
          const acc = new HourlyAccumulator();
          for (const [t, v] of samples) acc.add(t, v);
          // Plain: per hour (floor of t / H), the mean over its timestamps of their samples' mean.
          const byHour = new Map<number, Map<number, number[]>>();
          for (const [t, v] of samples) {
            const hour = Math.floor(t / H);
            const times = byHour.get(hour) ?? new Map<number, number[]>();
            byHour.set(hour, times.set(t, [...(times.get(t) ?? []), v]));
          }
          const plain = [...byHour].map(([hour, times]) => {
            let sum = 0;
            for (const vs of times.values()) sum += vs.reduce((a, b) => a + b, 0) / vs.length;
            return { hourStart: hour * H, utilization: sum / times.size };
          });
          expect(acc.finish()).toEqual(plain);
          expect(acc.lateSamples).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('hourly aggregation, samples in any order', () => {
  /**
   * The accumulator's rules written plainly: per hour, per timestamp the mean of its samples, the
   * hour the mean of its timestamps; an hour more than one hour behind the newest sample seen is
   * closed, and a sample for a closed hour counts as a timestamp of its own there (late).
   */
  function plain(samples: ReadonlyArray<[number, number]>) {
    const open = new Map<number, Map<number, number[]>>();
    const closed = new Map<number, [number, number]>();
    let newest = -Infinity;
    let late = 0;
    const close = (hour: number) => {
      let sum = 0;
      const times = open.get(hour) as Map<number, number[]>;
      for (const vs of times.values()) sum += vs.reduce((a, b) => a + b, 0) / vs.length;
      closed.set(hour, [sum, times.size]);
      open.delete(hour);
    };
    for (const [t, v] of samples) {
      const hour = Math.floor(t / H);
      const done = closed.get(hour);
      if (done !== undefined && !open.has(hour)) {
        done[0] += v;
        done[1] += 1;
        late++;
        continue;
      }
      const times = open.get(hour) ?? new Map<number, number[]>();
      open.set(hour, times.set(t, [...(times.get(t) ?? []), v]));
      if (hour > newest) {
        newest = hour;
        for (const old of [...open.keys()]) if (old < hour - 1) close(old);
      }
    }
    for (const hour of [...open.keys()]) close(hour);
    const hours = [...closed].sort((a, b) => a[0] - b[0]);
    return { late, hours: hours.map(([hour, [sum, n]]) => ({ hourStart: hour * H, utilization: sum / n })) };
  }
  test('property: late samples, earlier timestamps and repeats as the plain rules have them', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 6 }),
            fc.constantFrom(0, 1, 2, 999, 1000, H / 2, H - 1, H - 0.5),
            fc.integer({ min: 0, max: 100 }),
          ),
          { maxLength: 150 },
        ),
        (raw) => {
          const samples = raw.map(([hour, at, v]): [number, number] => [T0 + hour * H + at, v]);
          const acc = new HourlyAccumulator();
          for (const [t, v] of samples) acc.add(t, v);
          const want = plain(samples);
          const got = acc.finish();
          expect(acc.lateSamples).toBe(want.late);
          expect(got.map((h) => h.hourStart)).toEqual(want.hours.map((h) => h.hourStart));
          got.forEach((h, i) => expect(h.utilization).toBeCloseTo(want.hours[i]!.utilization, 9));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('§2 statistics', () => {
  // "Averages 70 % but spends half its time at 20 %": alternate days at 1.0 and 0.2 → mean 0.6, p20 0.2
  test('consistent is p20, not the mean', () => {
    const p = profileFromHistory(
      hours(10, (d) => (d % 2 === 0 ? 1.0 : 0.2)),
      90,
      'UTC',
      [0.4, 0.6, 0.7],
    );
    expect(p.mean).toBeCloseTo(0.6, 12);
    expect(p.consistent).toBeCloseTo(0.2, 12);
    expect(p.peakToMedian).toBeCloseTo(1 / 0.6, 12); // p50 of 120 × 0.2 and 120 × 1.0 is 0.6
  });
  test('sustained days and days below count back from the last day; a gap ends the run', () => {
    // days 0–4 at 0.3, days 5–9 at 0.65; then drop day 7 entirely
    const all = hours(10, (d) => (d < 5 ? 0.3 : 0.65));
    const p = profileFromHistory(all, 90, 'UTC', [0.4, 0.6, 0.7]);
    expect(p.sustainedDays).toEqual({ '0.4': 5, '0.5': 5, '0.6': 5, '0.7': 0 });
    expect(p.daysBelow).toEqual({ '0.5': 0 });
    const gap = profileFromHistory(
      all.filter((h) => Math.floor((h.hourStart - T0) / D) !== 7),
      90,
      'UTC',
      [0.4],
    );
    expect(gap.sustainedDays['0.6']).toBe(2);
    const falling = profileFromHistory(
      hours(10, (d) => (d < 5 ? 0.65 : 0.3)),
      90,
      'UTC',
      [0.4],
    );
    expect(falling.daysBelow['0.5']).toBe(5);
  });
  test('window: trailing calendar days ending at the last sample; coverage; extra threshold keys', () => {
    const p = profileFromHistory(
      hours(100, () => 0.5),
      90,
      'UTC',
      [0.45],
    );
    expect(p.window?.start).toBe(T0 + 10 * D);
    expect(p.window?.hoursInWindow).toBe(90 * 24);
    expect(p.window?.coverage).toBe(1);
    expect(Object.keys(p.sustainedDays)).toEqual(['0.4', '0.45', '0.5', '0.6', '0.7']);
    const half = profileFromHistory(
      hours(100, () => 0.5).filter((h) => (h.hourStart / H) % 2 === 0),
      90,
      'UTC',
      [],
    );
    // Even hours only: the last (odd) hour is missing, so the window ends an hour early: 1,080 of 2,159.
    expect(half.window?.hoursInWindow).toBe(2159);
    expect(half.window?.coverage).toBeCloseTo(1080 / 2159, 12);
  });
  test('trend: OLS slope of daily means × 30', () => {
    const p = profileFromHistory(
      hours(10, (d) => 0.5 + 0.01 * d),
      90,
      'UTC',
      [],
    );
    expect(p.trendPerMonth).toBeCloseTo(0.3, 12);
  });
  test('days are calendar days in the scenario zone', () => {
    // 2026-01-01 22:00–23:00 UTC is already 2 January in Tokyo (UTC+9)
    const pts = [
      { hourStart: T0 + 22 * H, utilization: 0.9 },
      { hourStart: T0 + 23 * H, utilization: 0.9 },
      { hourStart: T0 + 10 * H, utilization: 0.1 },
    ];
    pts.sort((a, b) => a.hourStart - b.hourStart);
    expect(profileFromHistory(pts, 90, 'UTC', []).daily).toHaveLength(1);
    expect(profileFromHistory(pts, 90, 'Asia/Tokyo', []).daily.map((d) => d.utilization)).toEqual([0.1, 0.9]);
  });
  test('an assumption gives the level statistics and unknown history statistics', () => {
    const p = profileFromAssumption(0.55, [0.4, 0.6, 0.7]);
    expect(p.mean).toBe(0.55);
    expect(p.consistent).toBe(0.55);
    expect(p.percentiles.p99).toBe(0.55);
    expect(p.sustainedDays['0.6']).toBeNull();
    expect(p.peakToMedian).toBeNull();
    expect(p.trendPerMonth).toBeNull();
  });
});
