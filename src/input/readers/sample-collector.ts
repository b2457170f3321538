/**
 * Receives (time, value, series) samples from any reader: feeds the hourly aggregation of
 * docs/model.md and keeps what `inspect` shows about the input's quality. Memory grows with the
 * hours and the number of GPUs, never with the samples.
 */
import { HourlyAccumulator } from '../../model/utilization/hourly-accumulator.js';

const MAX_INTERVAL_KEYS = 256;

export class SampleCollector {
  readonly hourly = new HourlyAccumulator();
  /** Per series (GPU): the previous row's time (for duplicates) and the latest time (for order). */
  private readonly bySeries = new Map<string | number, { previous: number; latest: number }>();
  /** Sampling interval (rounded to 100 ms) → how often it was seen. */
  private readonly intervals = new Map<number, number>();
  first = Infinity;
  last = -Infinity;
  outOfOrder = 0;
  duplicates = 0;

  readonly add = (epochMs: number, value: number, series: string | number): void => {
    const s = this.bySeries.get(series);
    if (s === undefined) this.bySeries.set(series, { previous: epochMs, latest: epochMs });
    else {
      // Without a GPU column (series ""), rows sharing a time are the fleet's GPUs, not duplicates.
      if (epochMs === s.previous && series !== '') {
        this.duplicates++;
        return;
      }
      if (epochMs < s.latest) this.outOfOrder++;
      else if (epochMs > s.latest) {
        const step = Math.round((epochMs - s.latest) / 100) * 100;
        const n = this.intervals.get(step);
        if (n !== undefined) this.intervals.set(step, n + 1);
        else if (this.intervals.size < MAX_INTERVAL_KEYS) this.intervals.set(step, 1);
        s.latest = epochMs;
      }
      s.previous = epochMs;
    }
    if (epochMs < this.first) this.first = epochMs;
    if (epochMs > this.last) this.last = epochMs;
    this.hourly.add(epochMs, value);
  };

  get samples(): number {
    return this.hourly.samples;
  }

  get series(): Array<string | number> {
    return [...this.bySeries.keys()];
  }

  /** The most common interval between a series' consecutive samples, in ms; null below two samples. */
  get resolutionMs(): number | null {
    let best: number | null = null;
    let bestCount = 0;
    for (const [step, n] of this.intervals) if (n > bestCount) [best, bestCount] = [step, n];
    return best;
  }
}
