import type { DailyMean } from './daily-means.js';

/**
 * The number of most recent consecutive calendar days, counted back from `lastDay`, whose
 * daily mean passes `test` (docs/model.md sustainedDays / daysBelow). A day with no data ends
 * the run: an unmeasured day is not evidence either way.
 */
export function streakDays(days: ReadonlyArray<DailyMean>, lastDay: number, test: (u: number) => boolean): number {
  const byDay = new Map(days.map((d) => [d.day, d.utilization]));
  let count = 0;
  for (let day = lastDay; ; day--) {
    const u = byDay.get(day);
    if (u === undefined || !test(u)) return count;
    count++;
  }
}
