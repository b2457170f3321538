import { npv } from './npv.js';

export type IrrNote = 'no sign change' | 'several rates' | 'money in first';

export interface Irr {
  /** Monthly rate; null when it is not well defined. */
  rate: number | null;
  /** Why there is no rate; null when there is one. */
  note: IrrNote | null;
}

/** The range of monthly rates searched: (−99 %, +1000 %). */
const LOW = -0.99;
const HIGH = 10;
/** Grid points over ln(1 + r): dense enough that two roots between neighbours are far-fetched. */
const GRID = 2000;

/**
 * docs/model.md internal rate of return per period of cash flows 0..n, only where it is well defined:
 * NPV(r) crosses zero exactly once for r in (−99 %, +1000 %) and falls through it (money out
 * first, then in), so that irr > the discount rate exactly when npv > 0 at it. Otherwise the
 * rate is null and the note says why: the flows or their NPV never change sign; NPV crosses
 * zero more than once (re-purchases, a large residual); or it rises through its one root (money
 * comes in first and goes out later, a loan rather than an investment).
 */
export function irr(flows: ReadonlyArray<number>): Irr {
  if (!flows.some((f) => f > 0) || !flows.some((f) => f < 0)) return { rate: null, note: 'no sign change' };
  const f = (r: number): number => npv(flows, r);
  const lo = Math.log1p(LOW);
  const hi = Math.log1p(HIGH);
  const crossings: Array<[number, number, number]> = [];
  let prevR = NaN;
  let prevF = NaN;
  for (let i = 1; i < GRID; i++) {
    const r = Math.expm1(lo + ((hi - lo) * i) / GRID);
    const fr = f(r);
    if (!Number.isFinite(fr)) continue;
    if (fr === 0) return onlyRoot(f, r);
    if (Number.isFinite(prevF) && prevF < 0 !== fr < 0) crossings.push([prevR, r, prevF]);
    prevR = r;
    prevF = fr;
  }
  if (crossings.length === 0) return { rate: null, note: 'no sign change' };
  if (crossings.length > 1) return { rate: null, note: 'several rates' };
  const [a, b, fa] = crossings[0] as [number, number, number];
  if (fa < 0) return { rate: null, note: 'money in first' };
  return { rate: bisect(f, a, b), note: null };
}

/** A grid point that is a root exactly: well defined only if NPV falls through it. */
function onlyRoot(f: (r: number) => number, r: number): Irr {
  const before = f(r - 1e-9);
  const after = f(r + 1e-9);
  return before > 0 && after < 0 ? { rate: r, note: null } : { rate: null, note: 'money in first' };
}

function bisect(f: (r: number) => number, lo: number, hi: number): number {
  let flo = f(lo);
  for (let i = 0; i < 200 && hi - lo > 1e-14; i++) {
    const mid = (lo + hi) / 2;
    const fm = f(mid);
    if (fm < 0 === flo < 0) [lo, flo] = [mid, fm];
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** A monthly rate as an annual one: (1 + r)^12 − 1. */
export const annualRate = (monthly: number): number => (1 + monthly) ** 12 - 1;
