import { MS_PER_HOUR } from '../units.js';

/** One hour of fleet utilization: the hour's start (epoch ms) and its mean. */
export interface HourlyPoint {
  hourStart: number;
  utilization: number;
}

/**
 * MODEL.md §2 aggregation, fed one sample at a time so that readers can stream: samples are
 * averaged across GPUs per timestamp, then the timestamps' means are averaged per hour.
 *
 * Memory grows with the hours seen, not the samples: only the newest hours keep their
 * per-timestamp groups; an hour more than one hour behind the newest sample is closed into a
 * (sum of timestamp means, count) pair. A sample arriving for a closed hour counts as a
 * timestamp of its own and is counted in `lateSamples`.
 */
export class HourlyAccumulator {
  private readonly open = new Map<number, Map<number, [sum: number, n: number]>>();
  private readonly closed = new Map<number, [sumOfMeans: number, timestamps: number]>();
  private newestHour = -Infinity;
  samples = 0;
  lateSamples = 0;
  maxValue = -Infinity;

  add(epochMs: number, value: number): void {
    const hour = Math.floor(epochMs / MS_PER_HOUR);
    this.samples++;
    if (value > this.maxValue) this.maxValue = value;
    const done = this.closed.get(hour);
    if (done !== undefined) {
      done[0] += value;
      done[1] += 1;
      this.lateSamples++;
      return;
    }
    let groups = this.open.get(hour);
    if (groups === undefined) {
      groups = new Map();
      this.open.set(hour, groups);
    }
    const group = groups.get(epochMs);
    if (group === undefined) groups.set(epochMs, [value, 1]);
    else {
      group[0] += value;
      group[1] += 1;
    }
    if (hour > this.newestHour) {
      this.newestHour = hour;
      for (const h of this.open.keys()) if (h < hour - 1) this.close(h);
    }
  }

  private close(hour: number): void {
    const groups = this.open.get(hour);
    if (groups === undefined) return;
    let sumOfMeans = 0;
    for (const [sum, n] of groups.values()) sumOfMeans += sum / n;
    this.closed.set(hour, [sumOfMeans, groups.size]);
    this.open.delete(hour);
  }

  /** Hourly means in time order, each multiplied by `scale` (0.01 for percent input). */
  finish(scale = 1): HourlyPoint[] {
    for (const h of [...this.open.keys()]) this.close(h);
    return [...this.closed.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([hour, [sumOfMeans, n]]) => ({ hourStart: hour * MS_PER_HOUR, utilization: (sumOfMeans / n) * scale }));
  }
}
