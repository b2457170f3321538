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
