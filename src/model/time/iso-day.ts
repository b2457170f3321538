import { MS_PER_DAY } from '../units.js';

/** The instant a calendar date (YYYY-MM-DD) begins, UTC; NaN when it is not one (2026-02-30). */
export function isoDayStart(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return NaN;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  // Date.parse rolls 30 February over to 2 March; a date that does not exist is not one.
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === iso ? ms : NaN;
}

/** Whole days from a dated figure (YYYY-MM-DD) to `asOf` (epoch ms). */
export function ageInDays(iso: string, asOf: number): number {
  return Math.floor((asOf - isoDayStart(iso)) / MS_PER_DAY);
}
