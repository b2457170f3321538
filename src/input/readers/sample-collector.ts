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
  /** The series' first sample here: where a part of the input read before this one leaves off. */
  first: number;
  previous: number;
  latest: number;
}

/**
 * What a collector that read one part of an input hands on, to be absorbed by the collector of
 * the part before it (the input split across threads): plain data, to pass between threads.
 */
export interface CollectorState {
  first: number;
  last: number;
  outOfOrder: number;
  duplicates: number;
  /** Series in the order they first appeared, each with its first and latest sample time. */
  series: Array<[key: string | number, first: number, latest: number]>;
  /** Intervals in the order first seen, with their counts; `full` when the key limit was reached. */
  intervals: Array<[step: number, count: number]>;
  intervalsFull: boolean;
  hours: Array<[hour: number, sumOfMeans: number, timestamps: number]>;
  samples: number;
  lateSamples: number;
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
  /**
   * A raw interval known to round to pendingStep: in an export sampled at a fixed period, the
   * same difference comes row after row, and comparing it saves the rounding.
   */
  private pendingDelta = NaN;
  first = Infinity;
  last = -Infinity;
  outOfOrder = 0;
  duplicates = 0;

  /** The series of the previous sample and its state: a Prometheus answer sends a series' points in a run. */
  private lastSeries: string | number | null = null;
  private lastState: SeriesState | undefined;

  readonly add = (epochMs: number, value: number, series: string | number): void => {
    const s = SampleCollector.isSmall(series)
      ? this.bySmallSeries[series]
      : series === this.lastSeries
        ? this.lastState
        : (this.lastState = this.bySeries.get((this.lastSeries = series)));
    if (s === undefined) {
      this.addSeries(series, { first: epochMs, previous: epochMs, latest: epochMs });
    } else {
      // Without a GPU column (series ""), rows sharing a time are the fleet's GPUs, not duplicates.
      if (epochMs === s.previous && series !== '') {
        this.duplicates++;
        return;
      }
      if (epochMs < s.latest) this.outOfOrder++;
      else if (epochMs > s.latest) {
        const delta = epochMs - s.latest;
        if (delta === this.pendingDelta) this.pendingCount++;
        else {
          const step = Math.round(delta / 100) * 100;
          if (step !== this.pendingStep) this.countStep(step, delta);
          else {
            this.pendingCount++;
            this.pendingDelta = delta;
          }
        }
        s.latest = epochMs;
      }
      s.previous = epochMs;
    }
    if (epochMs < this.first) this.first = epochMs;
    if (epochMs > this.last) this.last = epochMs;
    this.hourly.add(epochMs, value);
  };

  /**
   * One more sample at `step` (the raw difference `delta`): counted only for the first
   * MAX_INTERVAL_KEYS intervals seen; a counted one becomes the pending interval.
   */
  private countStep(step: number, delta: number): void {
    this.flushStep();
    const n = this.intervals.get(step);
    if (n !== undefined) this.intervals.set(step, n + 1);
    else if (this.intervals.size < MAX_INTERVAL_KEYS) this.intervals.set(step, 1);
    else return;
    this.pendingStep = step;
    this.pendingDelta = delta;
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

  /**
   * The most common interval between a series' consecutive samples, in ms (the shorter of two
   * equally common: an answer that does not depend on the order they came in); null below two
   * samples.
   */
  get resolutionMs(): number | null {
    this.flushStep();
    let best: number | null = null;
    let bestCount = 0;
    for (const [step, n] of this.intervals)
      if (n > bestCount || (n === bestCount && best !== null && step < best)) [best, bestCount] = [step, n];
    return best;
  }

  private static isSmall(key: string | number): key is number {
    return typeof key === 'number' && key >= 0 && key < SMALL_SERIES;
  }

  private stateOf(key: string | number): SeriesState | undefined {
    return SampleCollector.isSmall(key) ? this.bySmallSeries[key] : this.bySeries.get(key);
  }

  /** A series seen for the first time (here, or in the part of the input absorbed). */
  private addSeries(key: string | number, state: SeriesState): void {
    if (SampleCollector.isSmall(key)) this.bySmallSeries[key] = state;
    else {
      this.bySeries.set(key, state);
      this.lastSeries = key;
      this.lastState = state;
    }
    this.seriesSeen.push(key);
  }

  /** This collector's samples as the part after another's: see absorb. */
  export(): CollectorState {
    this.flushStep();
    return {
      first: this.first,
      last: this.last,
      outOfOrder: this.outOfOrder,
      duplicates: this.duplicates,
      series: this.seriesSeen.map((k) => {
        const st = this.stateOf(k) as SeriesState;
        return [k, st.first, st.latest];
      }),
      intervals: [...this.intervals],
      intervalsFull: this.intervals.size >= MAX_INTERVAL_KEYS,
      hours: this.hourly.closedHours(),
      samples: this.hourly.samples,
      lateSamples: this.hourly.lateSamples,
    };
  }

  /**
   * Takes in the samples of the input's next part, read by another collector, as if they had come
   * after these — when that gives exactly what reading them here would have: every hour of theirs
   * after every hour here (no hour or timestamp shared, no sample of theirs a duplicate, out of
   * order or late here) and no more distinct intervals between the two than the limit. Returns
   * false, changing nothing, when it would not; the caller then reads the input in one pass.
   */
  absorb(next: CollectorState): boolean {
    if (next.samples === 0) return true;
    this.flushStep();
    const lastHour = this.hourly.newest;
    const nextFirstHour = next.hours.length === 0 ? Infinity : (next.hours[0] as number[])[0];
    if (
      this.hourly.samples > 0 &&
      (!(this.last < next.first) || !(lastHour < (nextFirstHour as number)) || next.intervalsFull)
    )
      return false;
    // The first sample of each series there, after its latest here: one interval more.
    const boundary: number[] = [];
    for (const [key, first] of next.series) {
      const st = this.stateOf(key);
      if (st !== undefined) boundary.push(Math.round((first - st.latest) / 100) * 100);
    }
    const steps = new Set<number>(this.intervals.keys());
    for (const step of boundary) steps.add(step);
    for (const [step] of next.intervals) steps.add(step);
    if (
      steps.size > MAX_INTERVAL_KEYS ||
      (this.intervals.size >= MAX_INTERVAL_KEYS && steps.size > this.intervals.size)
    )
      return false;
    for (const step of boundary) this.intervals.set(step, (this.intervals.get(step) ?? 0) + 1);
    for (const [step, n] of next.intervals) this.intervals.set(step, (this.intervals.get(step) ?? 0) + n);
    for (const [key, first, latest] of next.series) {
      const st = this.stateOf(key);
      if (st !== undefined) {
        st.previous = latest;
        st.latest = latest;
      } else this.addSeries(key, { first, previous: latest, latest });
    }
    this.lastSeries = null;
    this.lastState = undefined;
    this.pendingStep = NaN;
    this.pendingDelta = NaN;
    this.pendingCount = 0;
    this.first = Math.min(this.first, next.first);
    this.last = Math.max(this.last, next.last);
    this.outOfOrder += next.outOfOrder;
    this.duplicates += next.duplicates;
    this.hourly.absorb(next.hours, next.samples, next.lateSamples);
    return true;
  }
}
