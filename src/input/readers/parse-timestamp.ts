import { localToEpoch } from '../../model/time/zone.js';
import { inTimeRange } from '../../model/time/time-range.js';

/**
 * Timestamps as the tools we read print them, to epoch milliseconds:
 * - ISO 8601 with a zone (`2026-01-01T00:00:00Z`, `…+02:00`): that instant;
 * - ISO-like without a zone (`2026-01-01 00:00:00.1234567`, `2026-01-01T00:00`, `2026-01-01`),
 *   and nvidia-smi's `2026/01/01 13:48:11.412`: wall-clock time in `timeZone`;
 * - a bare number: epoch seconds, or milliseconds when it is above 1e11 (after 1973 in ms,
 *   beyond 5000 AD in seconds).
 * Returns null for anything else, and for a time outside 2000–2099 (see time-range.ts).
 */
const LOCAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/;
const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})$/i;
const NUMBER = /^\d+(?:\.\d+)?$/;

export function parseTimestamp(text: string, timeZone: string): number | null {
  const t = parseAnyTimestamp(text, timeZone);
  return t !== null && inTimeRange(t) ? t : null;
}

function parseAnyTimestamp(text: string, timeZone: string): number | null {
  const s = text.trim();
  if (NUMBER.test(s)) {
    const n = Number(s);
    return n > 1e11 ? n : n * 1000;
  }
  const zoned = ZONED.exec(s.replace(' ', 'T'));
  if (zoned !== null) {
    const ms = Date.parse(normalizeFraction(s.replace(' ', 'T')));
    // Date.parse rolls 2026-02-30 over into March: a date that does not exist is no time.
    return Number.isNaN(ms) || !calendarDate(s) ? null : ms;
  }
  const m = LOCAL.exec(s);
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  // Milliseconds from the first three fraction digits (digit arithmetic: 0.29 × 1000 is 289.99…).
  const ms = m[7] === undefined ? 0 : Number(`${m[7]}00`.slice(0, 3));
  const epoch = localToEpoch(year, month, day, hour, minute, second, ms, timeZone);
  // Reject dates that roll over (2026-02-30).
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null;
  return epoch;
}

/** The YYYY-MM-DD at the start of a timestamp is a day of the calendar. */
function calendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m === null) return true;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d;
}

/** Date.parse accepts at most millisecond precision on some inputs; trim longer fractions. */
function normalizeFraction(s: string): string {
  return s.replace(/(\.\d{3})\d+/, '$1');
}
