/**
 * One utilization reading as exporters print it: `87`, `87 %`, `0.87`, ` 87.5 %`. nvidia-smi
 * writes `[N/A]`, `[Not Supported]` and the like for readings it does not have, Prometheus `NaN`:
 * those are unavailable, not bad.
 */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const UNAVAILABLE = /^(\[[^\]]*\]|N\/A|NaN|nan)$/;

export type Reading = { value: number; percentSign: boolean } | 'unavailable' | null;

export function parseReading(text: string): Reading {
  let s = text.trim();
  let percentSign = false;
  if (s.endsWith('%')) {
    percentSign = true;
    s = s.slice(0, -1).trimEnd();
  }
  if (NUMBER.test(s)) return { value: Number(s), percentSign };
  return UNAVAILABLE.test(s) ? 'unavailable' : null;
}

/** The unit a metric's name says: DCGM's `…_UTIL` gauges are percent, a `…_ratio` a fraction; null when it says none. */
export function unitOfName(name: string): 'percent' | 'fraction' | null {
  return /_UTIL$/.test(name) ? 'percent' : /_ratio$/i.test(name) ? 'fraction' : null;
}
