/** Rounding for people: the only place numbers lose precision. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, digits: number): Intl.NumberFormat {
  const key = `${currency}/${digits}`;
  let f = moneyFormats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, f);
  }
  return f;
}

/**
 * The currencies most scenarios use, formatted as Intl's en-US currency style formats them
 * (`-$1,234.50`) without building a formatter: the first one costs a run about 14 ms. Like Intl,
 * it rounds the shortest decimal that reads back as the number (2679.035, not the binary value
 * just below it) half away from zero; a property test holds the two equal.
 */
const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };

/** A string of decimal digits plus one in its last place: "0999" → "1000", "99" → "100". */
function plusOne(digits: string): string {
  const d = digits.split('');
  let i = d.length - 1;
  for (; i >= 0 && d[i] === '9'; i--) d[i] = '0';
  if (i < 0) return `1${d.join('')}`;
  d[i] = String(Number(d[i]) + 1);
  return d.join('');
}

/** |x| rounded to `digits` places from its shortest decimal form; null when that is exponential. */
function roundedDecimal(x: number, digits: number): string | null {
  const text = String(Math.abs(x));
  if (text.includes('e')) return null;
  const [whole = '0', frac = ''] = text.split('.');
  if (frac.length <= digits) return digits === 0 ? whole : `${whole}.${frac.padEnd(digits, '0')}`;
  let kept = whole + frac.slice(0, digits);
  if ((frac[digits] as string) >= '5') kept = plusOne(kept);
  const cut = kept.length - digits;
  return digits === 0 ? kept : `${kept.slice(0, cut)}.${kept.slice(cut)}`;
}

function withSymbol(x: number, symbol: string, digits: number): string | null {
  const fixed = roundedDecimal(x, digits);
  if (fixed === null) return null;
  const point = fixed.indexOf('.');
  const whole = point === -1 ? fixed : fixed.slice(0, point);
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  // Intl keeps the sign of a negative value that rounds to zero, and of −0.
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return `${sign}${symbol}${grouped}${point === -1 ? '' : fixed.slice(point)}`;
}

function formatMoney(x: number, currency: string, digits: number): string {
  const symbol = SYMBOLS[currency];
  return (symbol === undefined ? null : withSymbol(x, symbol, digits)) ?? moneyFormat(currency, digits).format(x);
}

/** Whole units for monthly and larger sums: $12,345. */
export const money = (x: number, currency: string): string => formatMoney(x, currency, 0);
/** Cents for rates: $2.35. */
export const rate = (x: number, currency: string): string => formatMoney(x, currency, 2);
/** The same as Intl formats it, for the property test. */
export const intlMoney = (x: number, currency: string, digits: number): string =>
  moneyFormat(currency, digits).format(x);
/** A fraction as a percentage with one decimal: 0.6312 → 63.1%. */
export const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * Shares of one whole (they add up to 1) as percentages with one decimal that add up to exactly
 * 100.0%, as a reader adding them expects: each rounded down to 0.1 %, then the tenths left over
 * go to the largest remainders (the larger share first on a tie). 0.9965 and 0.0035 read 99.7%
 * and 0.3%, not 99.7% and 0.4%.
 */
export function percentsOfWhole(shares: ReadonlyArray<number>): string[] {
  const tenths = shares.map((x) => x * 1000);
  const down = tenths.map((t) => Math.floor(t + 1e-9));
  let left = Math.round(tenths.reduce((a, t) => a + t, 0)) - down.reduce((a, d) => a + d, 0);
  const rest = tenths.map((t, i) => t - (down[i] as number));
  // Remainders within float noise of each other (0.9965 × 1000 = 996.4999…) are a tie.
  const order = shares
    .map((_, i) => i)
    .sort((a, b) => {
      const d = (rest[b] as number) - (rest[a] as number);
      return Math.abs(d) > 1e-6 ? d : (shares[b] as number) - (shares[a] as number);
    });
  for (const i of order) {
    if (left <= 0) break;
    down[i] = (down[i] as number) + 1;
    left--;
  }
  return down.map((d) => percent(d / 1000));
}
export const fixed = (x: number, digits = 2): string => x.toFixed(digits);
export const months = (x: number): string => `${x.toFixed(1)} months`;
export const orDash = <T>(x: T | null | undefined, f: (v: T) => string): string =>
  x === null || x === undefined ? '–' : f(x);
/** A utilization level as a short percentage: 0.4 → 40%, 0.65 → 65%, 0.125 → 12.5%. */
export const level = (x: number): string => `${Number((x * 100).toFixed(1))}%`;
// Built on first use: a formatter costs milliseconds, and a JSON run never prints one.
let compactFormat: Intl.NumberFormat | undefined;
/** Large counts: 3,061,588,031 → 3.06B. */
export const compact = (x: number): string =>
  (compactFormat ??= new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 })).format(x);
/**
 * The history window's first and last calendar days in the scenario's time zone, YYYY-MM-DD. The
 * report's window instants are UTC (Berlin's midnight is 22:00 the day before); its last sample's
 * day is the last daily mean, and the window runs `days` days back from it.
 */
export function windowDays(u: {
  window: { days: number };
  dailyMeans: ReadonlyArray<{ date: string }>;
}): { first: string; last: string } | null {
  const last = u.dailyMeans.at(-1)?.date;
  if (last === undefined) return null;
  const first = new Date(Date.parse(`${last}T00:00:00Z`) - (u.window.days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { first, last };
}
