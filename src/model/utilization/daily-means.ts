import { localDayNumber } from '../time/zone.js';
import type { HourlyPoint } from './hourly-accumulator.js';

export interface DailyMean {
  /** Days since 1970-01-01 of the local calendar date in the scenario's time zone. */
  day: number;
  utilization: number;
}

/** Mean of each calendar day's hourly values (docs/model.md), in day order; a day is local to `timeZone`. */
export function dailyMeans(hours: ReadonlyArray<HourlyPoint>, timeZone: string): DailyMean[] {
  const byDay = new Map<number, [sum: number, n: number]>();
  for (const h of hours) {
    const day = localDayNumber(h.hourStart, timeZone);
    const acc = byDay.get(day);
    if (acc === undefined) byDay.set(day, [h.utilization, 1]);
    else {
      acc[0] += h.utilization;
      acc[1] += 1;
    }
  }
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, [sum, n]]) => ({ day, utilization: sum / n }));
}
