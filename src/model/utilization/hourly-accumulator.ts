import { MS_PER_HOUR } from '../units.js';

/** One hour of fleet utilization: the hour's start (epoch ms) and its mean. */
export interface HourlyPoint {
  hourStart: number;
  utilization: number;
}

/**
 * docs/model.md aggregation, fed one sample at a time so that readers can stream: samples are
 * averaged across GPUs per timestamp, then the timestamps' means are averaged per hour.
 *
 * Memory grows with the hours seen, not the samples: only the newest hours keep their
 * per-timestamp groups; an hour more than one hour behind the newest sample is closed into a
 * (sum of timestamp means, count) pair. A sample arriving for a closed hour counts as a
 * timestamp of its own and is counted in `lateSamples`.
 */
/**
 * One open hour's timestamps in ascending order, with the sum and count of values at each.
 * Typed arrays with a fill count, recycled when the hour closes: a long input then makes no
 * garbage hour after hour (which would otherwise pile up between major collections).
 */
class OpenHour {
  times: Float64Array = new Float64Array(64);
  sums: Float64Array = new Float64Array(64);
  counts: Float64Array = new Float64Array(64);
  size = 0;

  push(t: number, value: number): void {
    if (this.size === this.times.length) this.grow();
    this.times[this.size] = t;
    this.sums[this.size] = value;
    this.counts[this.size] = 1;
    this.size++;
  }

  /** Room for one more at index i, moving the later entries up. */
  insertAt(i: number, t: number, value: number): void {
    if (this.size === this.times.length) this.grow();
    this.times.copyWithin(i + 1, i, this.size);
    this.sums.copyWithin(i + 1, i, this.size);
    this.counts.copyWithin(i + 1, i, this.size);
    this.times[i] = t;
    this.sums[i] = value;
    this.counts[i] = 1;
    this.size++;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const widen = (a: Float64Array): Float64Array => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.times = widen(this.times);
    this.sums = widen(this.sums);
    this.counts = widen(this.counts);
  }
}

export class HourlyAccumulator {
  private readonly open = new Map<number, OpenHour>();
  private readonly spare: OpenHour[] = [];
  private readonly closed = new Map<number, [sumOfMeans: number, timestamps: number]>();
  private newestHour = -Infinity;
  /** The hour written last and its record: consecutive samples mostly share an hour. */
  private lastHour = NaN;
  private lastOpen: OpenHour | undefined;
  /** [lastStart, lastEnd): epoch ms whose hour is lastHour for certain (empty while lastHour is NaN). */
  private lastStart = Infinity;
  private lastEnd = -Infinity;
  samples = 0;
  lateSamples = 0;

  add(epochMs: number, value: number): void {
    // Inside the last hour's span the sample belongs to that hour, which is open: consecutive
    // samples mostly share one. (The span stops a millisecond short of its end, so that no
    // rounding of the quotient, at any magnitude of time, could have put a sample in it in the
    // next hour.) This path is kept apart and small, so that the compiler can inline it into the
    // readers' row loops.
    if (epochMs >= this.lastStart && epochMs < this.lastEnd) {
      this.samples++;
      this.put(this.lastOpen as OpenHour, epochMs, value);
    } else this.addToOtherHour(epochMs, value);
  }

  /** A sample outside the last hour's span: an hour opened, closed late, or newly begun. */
  private addToOtherHour(epochMs: number, value: number): void {
    const hour = Math.floor(epochMs / MS_PER_HOUR);
    this.samples++;
    let h = hour === this.lastHour ? this.lastOpen : this.open.get(hour);
    if (h === undefined) {
      const done = this.closed.get(hour);
      if (done !== undefined) {
        done[0] += value;
        done[1] += 1;
        this.lateSamples++;
        return;
      }
      h = this.spare.pop() ?? new OpenHour();
      h.size = 0;
      this.open.set(hour, h);
    }
    if (hour !== this.lastHour) {
      this.lastHour = hour;
      this.lastStart = hour * MS_PER_HOUR;
      this.lastEnd = this.lastStart + MS_PER_HOUR - 1;
    }
    this.lastOpen = h;
    this.put(h, epochMs, value);
    if (hour > this.newestHour) {
      this.newestHour = hour;
      for (const old of this.open.keys()) if (old < hour - 1) this.close(old);
    }
  }

  /** The sample into its open hour: a new timestamp after the last, the last again, or an earlier one. */
  private put(h: OpenHour, epochMs: number, value: number): void {
    const n = h.size;
    const last = n === 0 ? -Infinity : (h.times[n - 1] as number);
    if (epochMs > last) h.push(epochMs, value);
    else if (epochMs === last) {
      h.sums[n - 1] = (h.sums[n - 1] as number) + value;
      h.counts[n - 1] = (h.counts[n - 1] as number) + 1;
    } else this.insert(h, epochMs, value);
  }

  /** An earlier timestamp inside an open hour: find its place (binary search). */
  private insert(h: OpenHour, epochMs: number, value: number): void {
    let lo = 0;
    let hi = h.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((h.times[mid] as number) < epochMs) lo = mid + 1;
      else hi = mid;
    }
    if (lo < h.size && h.times[lo] === epochMs) {
      h.sums[lo] = (h.sums[lo] as number) + value;
      h.counts[lo] = (h.counts[lo] as number) + 1;
    } else h.insertAt(lo, epochMs, value);
  }

  private close(hour: number): void {
    const h = this.open.get(hour);
    if (h === undefined) return;
    let sumOfMeans = 0;
    for (let i = 0; i < h.size; i++) sumOfMeans += (h.sums[i] as number) / (h.counts[i] as number);
    this.closed.set(hour, [sumOfMeans, h.size]);
    this.open.delete(hour);
    this.spare.push(h);
    if (this.lastHour === hour) {
      this.lastHour = NaN;
      this.lastOpen = undefined;
      this.lastStart = Infinity;
      this.lastEnd = -Infinity;
    }
  }

  /** Every hour closed, as (hour, sum of timestamp means, timestamps): what a later part of the input hands on. */
  closedHours(): Array<[hour: number, sumOfMeans: number, timestamps: number]> {
    for (const h of [...this.open.keys()]) this.close(h);
    // Hours close in time order unless samples came out of order: sorted only then. (Run once, at
    // start-up speed: spreading, mapping and sorting 1,440 hours took 2.4 ms of a 190 ms run.)
    const hours: Array<[number, number, number]> = [];
    let ordered = true;
    this.closed.forEach(([sum, n], hour) => {
      if (hours.length > 0 && hour < (hours[hours.length - 1] as [number, number, number])[0]) ordered = false;
      hours.push([hour, sum, n]);
    });
    return ordered ? hours : hours.sort((a, b) => a[0] - b[0]);
  }

  /** The latest hour with a sample; −Infinity without samples. */
  get newest(): number {
    return this.newestHour;
  }

  /**
   * The hours of the input's next part, read on their own (closedHours), all later than every
   * hour here: the same as if its samples had come after these — no hour is shared, so no
   * timestamp's mean and no hour's sum differs, and no sample of theirs could have been late here.
   */
  absorb(
    later: ReadonlyArray<readonly [hour: number, sumOfMeans: number, timestamps: number]>,
    samples: number,
    lateSamples: number,
  ): void {
    for (const h of [...this.open.keys()]) this.close(h);
    for (const [hour, sum, n] of later) {
      if (hour <= this.newestHour) throw new Error(`hourly accumulator: hour ${hour} is not after ${this.newestHour}`);
      this.closed.set(hour, [sum, n]);
      this.newestHour = hour;
    }
    this.samples += samples;
    this.lateSamples += lateSamples;
  }

  /** Hourly means in time order, each multiplied by `scale` (0.01 for percent input). */
  finish(scale = 1): HourlyPoint[] {
    return this.closedHours().map(([hour, sumOfMeans, n]) => ({
      hourStart: hour * MS_PER_HOUR,
      utilization: (sumOfMeans / n) * scale,
    }));
  }
}
