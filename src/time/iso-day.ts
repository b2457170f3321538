import { MS_PER_DAY } from '../core/units.js';

/** The instant a calendar date (YYYY-MM-DD) begins, UTC; NaN when it is not one. */
export function isoDayStart(iso: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T00:00:00Z`) : NaN;
}

/** Whole days from a dated figure (YYYY-MM-DD) to `asOf` (epoch ms). */
export function ageInDays(iso: string, asOf: number): number {
  return Math.floor((asOf - isoDayStart(iso)) / MS_PER_DAY);
}
