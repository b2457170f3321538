/**
 * Calendar arithmetic in an IANA time zone with the platform's Intl data, no library.
 * Days are identified by their "day number": days since 1970-01-01 of the local calendar date,
 * which makes consecutive days consecutive integers whatever the zone's offsets do.
 */
import { MS_PER_DAY } from '../units.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

const isUtc = (tz: string): boolean => tz === 'UTC' || tz === 'Etc/UTC' || tz === 'GMT';

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the platform knows the zone (e.g. `UTC`, `Europe/Berlin`). */
export function isValidTimeZone(timeZone: string): boolean {
  // UTC needs no zone data: building a formatter to check it would cost a run ~20 ms.
  if (isUtc(timeZone)) return true;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localFields(epochMs: number, timeZone: string): LocalFields {
  const out: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out as unknown as LocalFields;
}

const QUARTER_HOUR_MS = 900_000;
/** Offsets by zone and quarter-hour: offsets change only on quarter-hour boundaries. Bounded. */
const offsetCache = new Map<string, number>();
const OFFSET_CACHE_LIMIT = 4096;

/** Offset of local time from UTC at an instant, in ms (positive east of Greenwich). */
export function offsetMs(epochMs: number, timeZone: string): number {
  if (isUtc(timeZone)) return 0;
  const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
  const key = `${timeZone}@${quarter}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const whole = quarter * QUARTER_HOUR_MS;
  const f = localFields(whole, timeZone);
  const offset = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - whole;
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given local time. Like Temporal's
 * "compatible" choice: in a fall-back overlap the earlier instant, in a spring-forward gap the
 * time is moved forward by the gap (02:30 that never happened reads as 03:30).
 */
export function localToEpoch(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
  timeZone = 'UTC',
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (isUtc(timeZone)) return asUtc;
  const before = offsetMs(asUtc - MS_PER_DAY, timeZone);
  const after = offsetMs(asUtc + MS_PER_DAY, timeZone);
  const valid = [asUtc - before, asUtc - after].filter((t) => offsetMs(t, timeZone) === asUtc - t);
  return valid.length > 0 ? Math.min(...valid) : asUtc - before;
}

/** Day number (days since 1970-01-01) of the local calendar date at an instant. */
export function localDayNumber(epochMs: number, timeZone: string): number {
  return Math.floor((epochMs + offsetMs(epochMs, timeZone)) / MS_PER_DAY);
}

/** `YYYY-MM-DD` for a day number. */
export function dayNumberToIso(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The instant local midnight begins on a day number. */
export function dayNumberStart(dayNumber: number, timeZone: string): number {
  const d = new Date(dayNumber * MS_PER_DAY);
  return localToEpoch(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, 0, 0, 0, timeZone);
}

/** The same day of the month `months` later (the last day when that month is shorter), as a day number. */
export function addMonthsToDay(dayNumber: number, months: number): number {
  const d = new Date(dayNumber * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfTarget)) / MS_PER_DAY);
}
