/**
 * docs/model.md "next review": the earliest of 90 days after the last sample (after the run with only
 * an assumed utilization), the end of the reserved term, the first hardware refresh and the end
 * of a cloud commitment — as a calendar date in the scenario's time zone.
 */
import type { ModelScenario } from '../inputs.js';
import { addMonthsToDay, dayNumberToIso, localDayNumber } from '../time/zone.js';
import { REVIEW_AFTER_DAYS } from '../constants.js';
import type { Plan } from './plan.js';

/** `asOf`: the end of the utilization history, or the run's instant without one. */
export function nextReview(plan: Plan | null, s: ModelScenario, asOf: number): string {
  const today = localDayNumber(asOf, s.timezone);
  const dates = [today + REVIEW_AFTER_DAYS];
  if (plan?.termMonths != null) dates.push(addMonthsToDay(today, plan.termMonths));
  if (plan?.family === 'onprem' && s.options.onPrem !== undefined) {
    for (const line of s.options.onPrem.hardware)
      dates.push(addMonthsToDay(today, line.purchaseMonth + line.usefulLifeMonths));
  }
  if (plan?.family === 'edge' && s.options.edge !== undefined)
    dates.push(addMonthsToDay(today, s.options.edge.usefulLifeMonths));
  const commitment = s.options.cloud.commitmentEndsMonth;
  if (commitment > 0) dates.push(addMonthsToDay(today, commitment));
  return dayNumberToIso(Math.min(...dates));
}
