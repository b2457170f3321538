import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SampleCollector } from '../../../../src/input/readers/sample-collector.js';

/** The collector's bookkeeping written plainly: a map per series and a map read and write per interval. */
function reference(samples: ReadonlyArray<[number, string | number]>, maxKeys: number) {
  const bySeries = new Map<string | number, { previous: number; latest: number }>();
  const intervals = new Map<number, number>();
  let outOfOrder = 0;
  let duplicates = 0;
  for (const [t, series] of samples) {
    const s = bySeries.get(series);
    if (s === undefined) bySeries.set(series, { previous: t, latest: t });
    else {
      if (t === s.previous && series !== '') {
        duplicates++;
        continue;
      }
      if (t < s.latest) outOfOrder++;
      else if (t > s.latest) {
        const step = Math.round((t - s.latest) / 100) * 100;
        const n = intervals.get(step);
        if (n !== undefined) intervals.set(step, n + 1);
        else if (intervals.size < maxKeys) intervals.set(step, 1);
        s.latest = t;
      }
      s.previous = t;
    }
  }
  let best: number | null = null;
  let bestCount = 0;
  // The most common; of equally common ones, the shortest.
  for (const [step, n] of intervals)
    if (n > bestCount || (n === bestCount && best !== null && step < best)) [best, bestCount] = [step, n];
  return { series: [...bySeries.keys()], outOfOrder, duplicates, resolutionMs: best };
}

describe('SampleCollector', () => {
  test('property: its bookkeeping equals the plain one, any series keys and intervals', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            // On a 10-second grid, so intervals repeat as a sampling loop's do, with nvidia-smi's
            // few milliseconds of jitter: differences that round to the same interval or not.
            fc
              .tuple(fc.integer({ min: 0, max: 300 }), fc.constantFrom(0, 0, 3, 49, 50, 51, 149, 0.5))
              .map(([k, jitter]) => k * 10_000 + jitter),
            fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom('', 'GPU-a', 'GPU-b', 5000)),
          ),
          { maxLength: 400 },
        ),
        fc.boolean(),
        (raw, sorted) => {
          // Readers mostly see time order, with repeats; sometimes not.
          const samples = sorted ? [...raw].sort((a, b) => a[0] - b[0]) : raw;
          const c = new SampleCollector();
          for (const [t, series] of samples) c.add(1_785_000_000_000 + t, 0.5, series);
          const r = reference(
            samples.map(([t, s]) => [1_785_000_000_000 + t, s]),
            256,
          );
          expect({
            series: c.series,
            outOfOrder: c.outOfOrder,
            duplicates: c.duplicates,
            resolutionMs: c.resolutionMs,
          }).toEqual(r);
        },
      ),
      { numRuns: 500 },
    );
  });
  test('the interval counted last still counts: 3 of 20 s, then 5 of 10 s → 10 s', () => {
    const c = new SampleCollector();
    const times = [0, 20, 40, 60, 70, 80, 90, 100, 110].map((s) => 1_785_000_000_000 + s * 1000);
    for (const t of times) c.add(t, 0.5, 0);
    expect(c.resolutionMs).toBe(10_000);
  });
  test('more than 256 different intervals: only the first 256 are counted, as before', () => {
    const c = new SampleCollector();
    let t = 1_785_000_000_000;
    const samples: Array<[number, number]> = [];
    for (let i = 1; i <= 400; i++) {
      t += i * 100;
      samples.push([t, 0]);
      t += 100_000;
      samples.push([t, 0]);
      samples.push([(t += 100_000), 0]);
    }
    for (const [time, s] of samples) c.add(time, 0.5, s);
    expect(c.resolutionMs).toBe(reference(samples, 256).resolutionMs);
  });
  test('property: with the 256 intervals counted, a new one repeated is still not counted', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 1, max: 600 }).map((k) => k * 100 + 7),
          { minLength: 1, maxLength: 60 },
        ),
        (tail) => {
          // 300 different intervals fill the table; then runs of intervals old and new.
          const samples: Array<[number, number]> = [];
          let t = 1_785_000_000_000;
          samples.push([t, 0]);
          for (let i = 1; i <= 300; i++) samples.push([(t += i * 1000), 0]);
          for (const step of tail) for (let k = 0; k < 3; k++) samples.push([(t += step), 0]);
          const c = new SampleCollector();
          for (const [time, s] of samples) c.add(time, 0.5, s);
          expect(c.resolutionMs).toBe(reference(samples, 256).resolutionMs);
        },
      ),
      { numRuns: 200 },
    );
  });
});
