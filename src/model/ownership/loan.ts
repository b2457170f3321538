/**
 * Level-payment loan (docs/model.md financing): monthly rate r = annualRate / 12,
 * payment P·r / (1 − (1 + r)^−n); with r = 0, P / n. Same as the spreadsheet's PMT.
 */
export function monthlyRateOf(annualRate: number): number {
  return annualRate / 12;
}

export function levelPayment(principal: number, monthlyRate: number, termMonths: number): number {
  if (monthlyRate === 0) return principal / termMonths;
  return (principal * monthlyRate) / (1 - (1 + monthlyRate) ** -termMonths);
}

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
