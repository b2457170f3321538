/**
 * The month-by-month schedule of owning (issue 4): each hardware line bought at its
 * purchaseMonth and bought again whenever it reaches the end of its useful life inside the
 * horizon; its depreciation by method, book value, and — when financed — a level-payment loan on
 * each purchase (after an optional down payment). MODEL.md §3's capital line and §5's NPV are
 * read off this schedule, so `schedule` and `analyze` cannot disagree.
 *
 * Time: a purchase at month t (0-based, as purchaseMonth) is paid at the start of schedule month
 * t + 1 and depreciates in months t + 1 … t + life; schedule months are numbered 1 … horizon and a
 * month's flows fall at its end, as MODEL.md §5's cash flows do.
 */
import { levelPayment, monthlyRateOf } from '../cost/loan.js';
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

export interface Financing {
  annualRate: number;
  termMonths: number;
  /** Share of each purchase paid in cash; the rest is the loan. */
  downPaymentFraction?: number | undefined;
}

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

const emptyMonth = (month: number): LineMonth => ({
  month, purchase: 0, depreciation: 0, bookValue: 0, loanPayment: 0, interest: 0, principal: 0, cashOut: 0,
});

/** Purchase times (0-based months) of a line inside the horizon: purchaseMonth, then every life. */
export function purchaseTimes(line: OwnedLine, horizonMonths: number): number[] {
  const times: number[] = [];
  for (let t = line.purchaseMonth; t < horizonMonths; t += line.usefulLifeMonths) times.push(t);
  return times;
}

function scheduleLine(line: OwnedLine, financing: Financing | undefined, h: number): ScheduleLine {
  const months = Array.from({ length: h }, (_, i) => emptyMonth(i + 1));
  const perLife = depreciationSchedule({ cost: line.cost, residualFraction: line.residualFraction, lifeMonths: line.usefulLifeMonths, method: line.method, factor: line.factor });
  let balanceAtHorizon = 0;
  for (const t of purchaseTimes(line, h)) {
    const first = months[t] as LineMonth; // schedule month t + 1
    first.purchase += line.cost;
    let book = line.cost;
    perLife.forEach((d, i) => {
      const m = months[t + i];
      if (m === undefined) return;
      book -= d;
      m.depreciation += d;
      m.bookValue += book;
    });
    const down = financing === undefined ? 1 : financing.downPaymentFraction ?? 0;
    first.cashOut += line.cost * down;
    if (financing !== undefined && down < 1) {
      const principal = line.cost * (1 - down);
      const r = monthlyRateOf(financing.annualRate);
      const payment = levelPayment(principal, r, financing.termMonths);
      let balance = principal;
      for (let i = 0; i < financing.termMonths; i++) {
        const interest = balance * r;
        balance -= payment - interest;
        const m = months[t + i];
        if (m === undefined) continue;
        m.loanPayment += payment;
        m.interest += interest;
        m.principal += payment - interest;
        m.cashOut += payment;
        if (t + i + 1 === h) balanceAtHorizon += Math.max(0, balance);
      }
    }
  }
  return { name: line.name, method: line.method, factor: line.method === 'declining-balance' ? line.factor ?? 2 : null, months, balanceAtHorizon };
}

/** The whole schedule: every line, and per month the totals with the option's other costs (opex: one figure, or one per month). */
export function ownershipSchedule(lines: ReadonlyArray<OwnedLine>, financing: Financing | undefined, opex: number | ReadonlyArray<number>, horizonMonths: number): OwnershipSchedule {
  const scheduled = lines.map((l) => scheduleLine(l, financing, horizonMonths));
  const months: ScheduleMonth[] = Array.from({ length: horizonMonths }, (_, i) => {
    const opexPerMonth = typeof opex === 'number' ? opex : opex[i] ?? 0;
    let purchases = 0, depreciation = 0, interest = 0, principal = 0, loanPayment = 0, cash = 0;
    for (const l of scheduled) {
      const m = l.months[i] as LineMonth;
      purchases += m.purchase;
      depreciation += m.depreciation;
      interest += m.interest;
      principal += m.principal;
      loanPayment += m.loanPayment;
      cash += m.cashOut;
    }
    return {
      month: i + 1, purchases, depreciation, interest, principal, loanPayment, opex: opexPerMonth,
      cashOut: cash + opexPerMonth, accrualCost: depreciation + interest + opexPerMonth,
    };
  });
  const last = (l: ScheduleLine): number => l.months[horizonMonths - 1]?.bookValue ?? 0;
  return {
    lines: scheduled,
    months,
    bookValueAtHorizon: scheduled.reduce((s, l) => s + last(l), 0),
    balanceAtHorizon: scheduled.reduce((s, l) => s + l.balanceAtHorizon, 0),
  };
}
