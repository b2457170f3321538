/**
 * Receives (time, value, series) samples from any reader: feeds the hourly aggregation of
 * docs/model.md and keeps what `inspect` shows about the input's quality. Memory grows with the
 * hours and the number of GPUs, never with the samples.
 */
import { HourlyAccumulator } from '../../model/utilization/hourly-accumulator.js';

const MAX_INTERVAL_KEYS = 256;

/** Series (GPU) keys that are small whole numbers (nvidia-smi's index) are looked up in an array. */
const SMALL_SERIES = 4096;

interface SeriesState {
  previous: number;
  latest: number;
}

export class SampleCollector {
  readonly hourly = new HourlyAccumulator();
  /** Per series (GPU): the previous row's time (for duplicates) and the latest time (for order). */
  private readonly bySeries = new Map<string | number, SeriesState>();
  private readonly bySmallSeries: Array<SeriesState | undefined> = [];
  /** The series keys in the order they first appeared. */
  private readonly seriesSeen: Array<string | number> = [];
  /** Sampling interval (rounded to 100 ms) → how often it was seen. */
  private readonly intervals = new Map<number, number>();
  /**
   * Consecutive samples mostly repeat one interval: its count is kept here and added to the map
   * when another interval comes, instead of a map read and write per sample.
   */
  private pendingStep = NaN;
  private pendingCount = 0;
  first = Infinity;
  last = -Infinity;
  outOfOrder = 0;
  duplicates = 0;

  /** The series of the previous sample and its state: a Prometheus answer sends a series' points in a run. */
  private lastSeries: string | number | null = null;
  private lastState: SeriesState | undefined;

  readonly add = (epochMs: number, value: number, series: string | number): void => {
    const small = typeof series === 'number' && series >= 0 && series < SMALL_SERIES;
    const s = small
      ? this.bySmallSeries[series]
      : series === this.lastSeries
        ? this.lastState
        : (this.lastState = this.bySeries.get((this.lastSeries = series)));
    if (s === undefined) {
      const state = { previous: epochMs, latest: epochMs };
      if (small) this.bySmallSeries[series] = state;
      else {
        this.bySeries.set(series, state);
        this.lastSeries = series;
        this.lastState = state;
      }
      this.seriesSeen.push(series);
    } else {
      // Without a GPU column (series ""), rows sharing a time are the fleet's GPUs, not duplicates.
      if (epochMs === s.previous && series !== '') {
        this.duplicates++;
        return;
      }
      if (epochMs < s.latest) this.outOfOrder++;
      else if (epochMs > s.latest) {
        const step = Math.round((epochMs - s.latest) / 100) * 100;
        if (step === this.pendingStep) this.pendingCount++;
        else this.countStep(step);
        s.latest = epochMs;
      }
      s.previous = epochMs;
    }
    if (epochMs < this.first) this.first = epochMs;
    if (epochMs > this.last) this.last = epochMs;
    this.hourly.add(epochMs, value);
  };

  /** One more sample at `step`: counted only for the first MAX_INTERVAL_KEYS intervals seen. */
  private countStep(step: number): void {
    this.flushStep();
    const n = this.intervals.get(step);
    if (n !== undefined) this.intervals.set(step, n + 1);
    else if (this.intervals.size < MAX_INTERVAL_KEYS) this.intervals.set(step, 1);
    else return;
    this.pendingStep = step;
  }

  private flushStep(): void {
    if (this.pendingCount === 0) return;
    this.intervals.set(this.pendingStep, (this.intervals.get(this.pendingStep) as number) + this.pendingCount);
    this.pendingCount = 0;
  }

  get samples(): number {
    return this.hourly.samples;
  }

  get series(): Array<string | number> {
    return [...this.seriesSeen];
  }

  /** The most common interval between a series' consecutive samples, in ms; null below two samples. */
  get resolutionMs(): number | null {
    this.flushStep();
    let best: number | null = null;
    let bestCount = 0;
    for (const [step, n] of this.intervals) if (n > bestCount) [best, bestCount] = [step, n];
    return best;
  }
}
