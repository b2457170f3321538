/** Rounding for people: the only place numbers lose precision. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, digits: number): Intl.NumberFormat {
  const key = `${currency}/${digits}`;
  let f = moneyFormats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, f);
  }
  return f;
}

/** Whole units for monthly and larger sums: $12,345. */
export const money = (x: number, currency: string): string => moneyFormat(currency, 0).format(x);
/** Cents for rates: $2.35. */
export const rate = (x: number, currency: string): string => moneyFormat(currency, 2).format(x);
/** A fraction as a percentage with one decimal: 0.6312 → 63.1%. */
export const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
export const fixed = (x: number, digits = 2): string => x.toFixed(digits);
export const months = (x: number): string => `${x.toFixed(1)} months`;
export const orDash = <T>(x: T | null | undefined, f: (v: T) => string): string => (x === null || x === undefined ? '–' : f(x));
/** A utilization level as a short percentage: 0.4 → 40%, 0.65 → 65%, 0.125 → 12.5%. */
export const level = (x: number): string => `${Number((x * 100).toFixed(1))}%`;
const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
/** Large counts: 3,061,588,031 → 3.06B. */
export const compact = (x: number): string => compactFormat.format(x);
/** The window's end is exclusive: the last day it covers, YYYY-MM-DD. */
export const lastDay = (endIso: string): string => new Date(Date.parse(endIso) - 1).toISOString().slice(0, 10);
