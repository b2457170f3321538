import { excerpt } from '../errors.js';
import { InvalidArgumentError } from 'commander';
import { isoDayStart } from '../model/time/iso-day.js';
import { MAX_THRESHOLDS } from '../model/constants.js';
import { inTimeRange, TIME_RANGE_TEXT } from '../model/time/time-range.js';

/**
 * A number as people write one on a command line: decimal digits, a point, an exponent. `Number`
 * alone would also take "0x10", "0b1", "" and "Infinity".
 */
function decimal(text: string): number {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim()) ? Number(text) : NaN;
}

/** --thresholds 0.4,0.6,0.7: fractions strictly between 0 and 1. */
export function parseThresholds(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  const values = parts.map(decimal);
  const bad = parts.find(
    (p, i) => p === '' || !Number.isFinite(values[i]) || (values[i] as number) <= 0 || (values[i] as number) >= 1,
  );
  if (bad !== undefined) {
    const hint = decimal(bad) > 1 && decimal(bad) < 100 ? ` (fractions: write ${bad} % as ${decimal(bad) / 100})` : '';
    throw new InvalidArgumentError(
      `expected fractions between 0 and 1 separated by commas, e.g. 0.4,0.6,0.7; got "${excerpt(bad, 20)}"${hint}`,
    );
  }
  if (values.length > MAX_THRESHOLDS)
    throw new InvalidArgumentError(`expected at most ${MAX_THRESHOLDS} levels, got ${values.length}`);
  return values;
}

/** --prometheus URL: an http(s) address of a Prometheus-compatible query API. */
export function parseStoreUrl(text: string): string {
  if (!/^https?:\/\/\S+$/.test(text) || text.length > 2000)
    throw new InvalidArgumentError(`expected an http:// or https:// address, got "${excerpt(text, 40)}"`);
  return text;
}

/** --window DAYS: a whole number of days ≥ 1. */
export function parseWindowDays(text: string): number {
  const n = decimal(text);
  if (!Number.isInteger(n) || n < 1 || n > 3660)
    throw new InvalidArgumentError(`expected a whole number of days from 1 to 3660, got "${excerpt(text, 20)}"`);
  return n;
}

export const FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** A fraction in [0, 1], e.g. --max-bad-rows 0.05. */
export function parseFraction(text: string): number {
  const n = decimal(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError(`expected a fraction between 0 and 1 (0.05 = 5 %), got "${excerpt(text, 20)}"`);
  return n;
}

/** --as-of 2026-06-30: a calendar date, as epoch ms at its start (UTC). */
export function parseDate(text: string): number {
  const ms = isoDayStart(text);
  if (!inTimeRange(ms))
    throw new InvalidArgumentError(
      `expected a calendar date as YYYY-MM-DD, ${TIME_RANGE_TEXT}, got "${excerpt(text, 20)}"`,
    );
  return ms;
}

/** --what-if batching=1.5,cache=0.2: demand levers (src/model/uncertainty/what-if.ts). */
export function parseWhatIf(
  text: string,
): Array<{ lever: 'batching' | 'quantization' | 'cache' | 'model'; value: number }> {
  return text.split(',').map((part) => {
    const [name, raw] = part.split('=').map((x) => x.trim());
    const value = raw === undefined ? NaN : decimal(raw);
    const lever = name as 'batching' | 'quantization' | 'cache' | 'model';
    const valid =
      lever === 'batching' || lever === 'quantization'
        ? value >= 1
        : lever === 'cache'
          ? value >= 0 && value < 1
          : lever === 'model'
            ? value > 0 && value <= 1
            : false;
    if (raw === undefined || raw === '' || !Number.isFinite(value) || !valid) {
      throw new InvalidArgumentError(
        `"${excerpt(part, 30)}": expected batching=GAIN or quantization=GAIN (≥ 1), cache=HIT-RATE (0 to < 1), model=SHARE (> 0 to 1), separated by commas`,
      );
    }
    return { lever, value };
  });
}

/** --trials N: a whole number of Monte Carlo trials, 1 to 10 million. */
export function parseTrials(text: string): number {
  const n = decimal(text);
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000)
    throw new InvalidArgumentError(`expected a whole number of trials from 1 to 10000000, got "${excerpt(text, 20)}"`);
  return n;
}

/** --jobs N: threads for Monte Carlo, 1 to 256. */
export function parseJobs(text: string): number {
  const n = decimal(text);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new InvalidArgumentError(`expected a whole number of threads from 1 to 256, got "${excerpt(text, 20)}"`);
  return n;
}

/** --seed S: a whole number from 0 to 2^32 − 1 (the generator's state). */
export function parseSeed(text: string): number {
  const n = decimal(text);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
    throw new InvalidArgumentError(`expected a whole number from 0 to 4294967295, got "${excerpt(text, 20)}"`);
  return n;
}

/** --time-column ts, --value-column 3: a header name, or a column number counted from 1. */
export function parseColumnRef(text: string): string | number {
  if (/^\d+$/.test(text)) {
    const n = decimal(text);
    if (n < 1 || n > 10_000)
      throw new InvalidArgumentError(
        `expected a column number from 1 to 10000 or a header name, got "${excerpt(text, 20)}"`,
      );
    return n;
  }
  if (text.trim() === '' || text.length > 200)
    throw new InvalidArgumentError('expected a header name (at most 200 characters) or a column number');
  return text;
}
