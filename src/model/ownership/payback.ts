/**
 * docs/model.md simple payback in months: the hardware bought at month 0 ÷ (cloud's monthly total
 * − the option's monthly total without its capital line), both at the measured profile.
 * Financing does not change it. null when that saving is ≤ 0.
 */
export function paybackMonths(
  hardwareAtMonth0: number,
  cloudTotal: number,
  optionTotal: number,
  optionCapital: number,
): number | null {
  const saving = monthlySavingBeforeCapital(cloudTotal, optionTotal, optionCapital);
  return saving > 0 ? hardwareAtMonth0 / saving : null;
}

/** Cloud's month minus the owned option's month without its capital line. */
export function monthlySavingBeforeCapital(cloudTotal: number, optionTotal: number, optionCapital: number): number {
  return cloudTotal - (optionTotal - optionCapital);
}
