/** docs/model.md: a month is 730 hours (8760 / 12); a year is 12 months. The only place these live. */
export const HOURS_PER_MONTH = 730;
export const MONTHS_PER_YEAR = 12;
export const HOURS_PER_DAY = 24;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
/** Days in the 730-hour month, for turning daily token totals into monthly ones. */
export const DAYS_PER_MONTH = HOURS_PER_MONTH / HOURS_PER_DAY;
/** docs/model.md express trends "per month" as a daily slope × 30. */
export const TREND_DAYS_PER_MONTH = 30;

/** A rate per hour held for a whole 730-hour month. */
export function monthlyFromHourly(perHour: number): number {
  return perHour * HOURS_PER_MONTH;
}

/** An annual amount spread evenly over the 12 months. */
export function monthlyFromYearly(perYear: number): number {
  return perYear / MONTHS_PER_YEAR;
}
