import { localDayNumber } from '../time/zone.js';

/** Tokens summed per calendar day in the scenario's zone (docs/model.md), fed one record at a time. */
export class DailyTokenTotals {
  private readonly totals = new Map<number, number>();
  records = 0;

  constructor(private readonly timeZone: string) {}

  add(epochMs: number, tokens: number): void {
    const day = localDayNumber(epochMs, this.timeZone);
    this.totals.set(day, (this.totals.get(day) ?? 0) + tokens);
    this.records++;
  }

  finish(): DailyTotal[] {
    return [...this.totals.entries()].sort((a, b) => a[0] - b[0]).map(([day, tokens]) => ({ day, tokens }));
  }
}

export interface DailyTotal {
  /** Days since 1970-01-01 of the local calendar date. */
  day: number;
  tokens: number;
}
