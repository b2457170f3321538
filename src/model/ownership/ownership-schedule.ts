/**
 * The month-by-month schedule of owning: each hardware line bought at its
 * purchaseMonth and bought again whenever it reaches the end of its useful life inside the
 * horizon; its depreciation by method, book value, and — when financed — a level-payment loan on
 * each purchase (after an optional down payment). docs/model.md's capital line's NPV are
 * read off the same computation (scaled from its per-unit-of-price form, so they agree with
 * `schedule` to the last digit or so).
 *
 * Time: a purchase at month t (0-based, as purchaseMonth) is paid at the start of schedule month
 * t + 1 and depreciates in months t + 1 … t + life; schedule months are numbered 1 … horizon and a
 * month's flows fall at its end, as docs/model.md's cash flows do.
 */
import { levelPayment, monthlyRateOf } from './loan.js';
import { depreciationSchedule, type DepreciationMethod } from './depreciation.js';

export interface OwnedLine {
  name: string;
  /** Price of one purchase of the whole line (unit cost × quantity). */
  cost: number;
  purchaseMonth: number;
  usefulLifeMonths: number;
  residualFraction: number;
  method: DepreciationMethod;
  factor?: number | undefined;
}

/** What a line's schedule at a price of 1 depends on: everything but its name and price. */
const SHAPE_KEYS = ['purchaseMonth', 'usefulLifeMonths', 'residualFraction', 'method', 'factor'] as const;
export type LineShape = Pick<OwnedLine, (typeof SHAPE_KEYS)[number]>;

export interface Financing {
  annualRate: number;
  termMonths: number;
  /** Share of each purchase paid in cash; the rest is the loan. */
  downPaymentFraction?: number | undefined;
}
const FINANCING_KEYS = ['annualRate', 'termMonths', 'downPaymentFraction'] as const;

/**
 * The memo of unit schedules below compares lines and loans by these keys: a field added to
 * OwnedLine or Financing and not to them would leave the memo serving stale figures, so the
 * compiler refuses it.
 */
type Unlisted =
  | Exclude<keyof OwnedLine, (typeof SHAPE_KEYS)[number] | 'name' | 'cost'>
  | Exclude<keyof Financing, (typeof FINANCING_KEYS)[number]>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

export interface LineMonth {
  month: number;
  purchase: number;
  depreciation: number;
  /** At the end of the month. */
  bookValue: number;
  loanPayment: number;
  interest: number;
  principal: number;
  /** Cash paid for the hardware this month: the purchase (or its down payment) and loan payments. */
  cashOut: number;
}

export interface ScheduleLine {
  name: string;
  method: DepreciationMethod;
  factor: number | null;
  months: LineMonth[];
  /** Loan balance still owed at the end of the horizon. */
  balanceAtHorizon: number;
}

export interface ScheduleMonth {
  month: number;
  purchases: number;
  depreciation: number;
  interest: number;
  principal: number;
  loanPayment: number;
  opex: number;
  cashOut: number;
  accrualCost: number;
}

export interface OwnershipSchedule {
  lines: ScheduleLine[];
  months: ScheduleMonth[];
  bookValueAtHorizon: number;
  balanceAtHorizon: number;
}

/** Purchase times (0-based months) of a line inside the horizon: purchaseMonth, then every life. */
export function purchaseTimes(line: OwnedLine, horizonMonths: number): number[] {
  const times: number[] = [];
  for (let t = line.purchaseMonth; t < horizonMonths; t += line.usefulLifeMonths) times.push(t);
  return times;
}

/**
 * A line's schedule at one price, month by month (index i = schedule month i + 1). Every figure
 * of it is linear in the price — depreciation by any method, book value, a level-payment loan — so
 * the schedule of the same shape at another price is this one scaled. Monte Carlo draws prices,
 * not line shapes: the arrays are computed once per shape and scaled (see unitArrays).
 */
interface LineArrays {
  purchase: Float64Array;
  depreciation: Float64Array;
  bookValue: Float64Array;
  loanPayment: Float64Array;
  interest: Float64Array;
  principal: Float64Array;
  cashOut: Float64Array;
  balanceAtHorizon: number;
  /** docs/model.md's hardware cash flows, months 0..H: see hardwareCashFlows. */
  flows: Float64Array;
  /** Σ depreciation and Σ interest over the horizon. */
  depreciationTotal: number;
  interestTotal: number;
}

function computeLineArrays(line: OwnedLine, financing: Financing | undefined, h: number): LineArrays {
  const c = line.cost;
  const u: LineArrays = {
    purchase: new Float64Array(h),
    depreciation: new Float64Array(h),
    bookValue: new Float64Array(h),
    loanPayment: new Float64Array(h),
    interest: new Float64Array(h),
    principal: new Float64Array(h),
    cashOut: new Float64Array(h),
    balanceAtHorizon: 0,
    flows: new Float64Array(h + 1),
    depreciationTotal: 0,
    interestTotal: 0,
  };
  const perLife = depreciationSchedule({
    cost: c,
    residualFraction: line.residualFraction,
    lifeMonths: line.usefulLifeMonths,
    method: line.method,
    factor: line.factor,
  });
  const down = financing === undefined ? 1 : (financing.downPaymentFraction ?? 0);
  for (const t of purchaseTimes(line, h)) {
    add(u.purchase, t, c); // paid in schedule month t + 1
    add(u.cashOut, t, c * down);
    let book = c;
    for (let i = 0; i < perLife.length && t + i < h; i++) {
      const d = perLife[i] as number;
      book -= d;
      add(u.depreciation, t + i, d);
      add(u.bookValue, t + i, book);
    }
    if (financing !== undefined && down < 1) {
      const r = monthlyRateOf(financing.annualRate);
      const payment = levelPayment(c * (1 - down), r, financing.termMonths);
      let balance = c * (1 - down);
      for (let i = 0; i < financing.termMonths; i++) {
        const interest = balance * r;
        balance -= payment - interest;
        if (t + i >= h) continue;
        add(u.loanPayment, t + i, payment);
        add(u.interest, t + i, interest);
        add(u.principal, t + i, payment - interest);
        add(u.cashOut, t + i, payment);
        if (t + i + 1 === h) u.balanceAtHorizon += Math.max(0, balance);
      }
    }
  }
  for (let i = 0; i < h; i++) {
    add(u.flows, i, -((u.purchase[i] as number) * down)); // paid at the start of its month
    add(u.flows, i + 1, -(u.loanPayment[i] as number));
    u.depreciationTotal += u.depreciation[i] as number;
    u.interestTotal += u.interest[i] as number;
  }
  if (h > 0) add(u.flows, h, (u.bookValue[h - 1] as number) - u.balanceAtHorizon);
  return u;
}

/** a[i] += x under noUncheckedIndexedAccess. */
function add(a: Float64Array, i: number, x: number): void {
  a[i] = (a[i] as number) + x;
}

interface UnitEntry {
  shape: LineShape;
  financing: Financing | undefined;
  h: number;
  unit: LineArrays;
}
const UNIT: UnitEntry[] = [];
/** Shapes kept, most recent first; a drawn residual or loan rate makes each trial a new shape. */
const UNIT_KEPT = 32;

// Written out: these run for every line of every Monte Carlo trial, where a callback per key
// (every()) cost a tenth of the whole run with growth, and a loop over the keys (a lookup by a
// varying name each) 3 % of it. A test changes each key in turn and expects another schedule.
function sameShape(a: LineShape, b: LineShape): boolean {
  return (
    a.purchaseMonth === b.purchaseMonth &&
    a.usefulLifeMonths === b.usefulLifeMonths &&
    a.residualFraction === b.residualFraction &&
    a.method === b.method &&
    a.factor === b.factor
  );
}
function sameFinancing(a: Financing | undefined, b: Financing | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  for (const k of FINANCING_KEYS) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The line's shape (everything but its name and price) at a price of 1, memoised: the sums below
 * scale it by the price. It depends on nothing but the shape, so every thread of a Monte Carlo run
 * gets the same figures whatever it computed before.
 */
function unitArrays(line: LineShape, financing: Financing | undefined, h: number): LineArrays {
  for (const e of UNIT)
    if (e.h === h && sameShape(e.shape, line) && sameFinancing(e.financing, financing)) return e.unit;
  // A copy of the shape and the financing: the caller's objects may be reused with other values.
  const shape = Object.fromEntries(SHAPE_KEYS.map((k) => [k, line[k]])) as unknown as LineShape;
  const unit = computeLineArrays({ ...shape, name: '', cost: 1 }, financing, h);
  UNIT.unshift({ shape, financing: financing && { ...financing }, h, unit });
  if (UNIT.length > UNIT_KEPT) UNIT.pop();
  return unit;
}

function scheduleLine(line: OwnedLine, a: LineArrays): ScheduleLine {
  const months = Array.from({ length: a.purchase.length }, (_, i): LineMonth => ({
    month: i + 1,
    purchase: a.purchase[i] as number,
    depreciation: a.depreciation[i] as number,
    bookValue: a.bookValue[i] as number,
    loanPayment: a.loanPayment[i] as number,
    interest: a.interest[i] as number,
    principal: a.principal[i] as number,
    cashOut: a.cashOut[i] as number,
  }));
  return {
    name: line.name,
    method: line.method,
    factor: line.method === 'declining-balance' ? (line.factor ?? 2) : null,
    months,
    balanceAtHorizon: a.balanceAtHorizon,
  };
}

/**
 * The hardware's part of docs/model.md's cash flows, months 0..H: each purchase at the start of its
 * month (financed: its down payment), loan payments at the end of theirs, and at H the book value
 * recovered less the loan balance still owed. Scaled from the unit schedule, so it may differ from
 * the schedule's own figures in the last digit.
 */
export function hardwareCashFlows(
  lines: ReadonlyArray<OwnedLine>,
  financing: Financing | undefined,
  h: number,
): number[] {
  const flows = Array<number>(h + 1).fill(0);
  for (const line of lines) {
    const u = unitArrays(line, financing, h).flows;
    const c = line.cost;
    for (let i = 0; i <= h; i++) flows[i] = (flows[i] as number) + c * (u[i] as number);
  }
  return flows;
}

/**
 * Depreciation and financing interest per month, averaged over the horizon: docs/model.md's capital
 * line (scaled as above). `costOf`: the price of one purchase of a line.
 */
export function averageCapital<L extends LineShape>(
  lines: ReadonlyArray<L>,
  costOf: (line: L) => number,
  financing: Financing | undefined,
  h: number,
): { depreciation: number; interest: number } {
  let depreciation = 0;
  let interest = 0;
  for (const line of lines) {
    const u = unitArrays(line, financing, h);
    const cost = costOf(line);
    depreciation += cost * u.depreciationTotal;
    interest += cost * u.interestTotal;
  }
  return { depreciation: depreciation / h, interest: interest / h };
}

/**
 * The whole schedule, each line at its own price: every line, and per month the totals with the
 * option's other costs (opex: one figure, or one per month).
 */
export function ownershipSchedule(
  lines: ReadonlyArray<OwnedLine>,
  financing: Financing | undefined,
  opex: number | ArrayLike<number>,
  horizonMonths: number,
): OwnershipSchedule {
  const arrays = lines.map((l) => computeLineArrays(l, financing, horizonMonths));
  const sum = (pick: (a: LineArrays) => Float64Array, i: number): number =>
    arrays.reduce((total, a) => total + (pick(a)[i] as number), 0);
  const months: ScheduleMonth[] = Array.from({ length: horizonMonths }, (_, i) => {
    const opexPerMonth = typeof opex === 'number' ? opex : (opex[i] ?? 0);
    const depreciation = sum((a) => a.depreciation, i);
    const interest = sum((a) => a.interest, i);
    return {
      month: i + 1,
      purchases: sum((a) => a.purchase, i),
      depreciation,
      interest,
      principal: sum((a) => a.principal, i),
      loanPayment: sum((a) => a.loanPayment, i),
      opex: opexPerMonth,
      cashOut: sum((a) => a.cashOut, i) + opexPerMonth,
      accrualCost: depreciation + interest + opexPerMonth,
    };
  });
  return {
    lines: lines.map((l, j) => scheduleLine(l, arrays[j] as LineArrays)),
    months,
    bookValueAtHorizon:
      horizonMonths > 0 ? arrays.reduce((total, a) => total + (a.bookValue[horizonMonths - 1] as number), 0) : 0,
    balanceAtHorizon: arrays.reduce((total, a) => total + a.balanceAtHorizon, 0),
  };
}
