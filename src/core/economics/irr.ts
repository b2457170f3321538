import { npv } from './npv.js';

/**
 * Internal rate of return per period of cash flows 0..n (the spreadsheet's IRR): the rate at which
 * their NPV is zero. Flows that change sign more than once (re-purchases) can have several; the one
 * nearest zero is returned, found by scanning for a sign change outward from zero and bisecting.
 * null when there is none above −99 % and below 1,000 % per period.
 */
export function irr(flows: ReadonlyArray<number>): number | null {
  if (!flows.some((f) => f > 0) || !flows.some((f) => f < 0)) return null;
  const f = (r: number): number => npv(flows, r);
  const bisect = (lo: number, hi: number): number => {
    let flo = f(lo);
    for (let i = 0; i < 200 && hi - lo > 1e-14; i++) {
      const mid = (lo + hi) / 2;
      const fm = f(mid);
      if ((fm < 0) === (flo < 0)) [lo, flo] = [mid, fm];
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  // Steps grow away from zero in both directions; the first bracket found is the nearest root.
  let up = 0;
  let down = 0;
  for (let step = 1e-4; up < 10 || down > -0.99; step *= 1.25) {
    if (up < 10) {
      const next = Math.min(10, up + step);
      if (f(up) === 0) return up;
      if ((f(up) < 0) !== (f(next) < 0)) return bisect(up, next);
      up = next;
    }
    if (down > -0.99) {
      const next = Math.max(-0.99, down - step);
      if ((f(down) < 0) !== (f(next) < 0)) return bisect(next, down);
      down = next;
    }
  }
  return null;
}

/** A monthly rate as an annual one: (1 + r)^12 − 1. */
export const annualRate = (monthly: number): number => (1 + monthly) ** 12 - 1;
