/**
 * Closed forms of a level-payment loan (the spreadsheet's CUMIPMT and the balance after n
 * payments), computed independently of the month-by-month schedule the model builds, so tests can
 * check one against the other.
 */
import { levelPayment } from '../../src/model/ownership/loan.js';

/** Interest paid in months 1..min(termMonths, months) (the spreadsheet's CUMIPMT, as a positive amount). */
export function interestPaid(principal: number, monthlyRate: number, termMonths: number, months: number): number {
  const payment = levelPayment(principal, monthlyRate, termMonths);
  let balance = principal;
  let interest = 0;
  for (let m = 1; m <= Math.min(termMonths, months); m++) {
    const i = balance * monthlyRate;
    interest += i;
    balance -= payment - i;
  }
  return interest;
}

/** Balance still owed after `months` payments (0 once the term is over). */
export function balanceAfter(principal: number, monthlyRate: number, termMonths: number, months: number): number {
  if (months >= termMonths) return 0;
  const payment = levelPayment(principal, monthlyRate, termMonths);
  if (monthlyRate === 0) return principal - payment * months;
  const growth = (1 + monthlyRate) ** months;
  return principal * growth - (payment * (growth - 1)) / monthlyRate;
}
