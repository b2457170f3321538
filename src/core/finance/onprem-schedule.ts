import type { ResolvedScenario } from '../../scenario/resolve.js';
import { ownedLineOf } from '../cost/capital.js';
import type { OptionCost } from '../cost/option-cost.js';
import { ownershipSchedule, type OwnershipSchedule } from './ownership-schedule.js';

/**
 * The on-prem option's schedule (issue 4): its hardware lines and financing, with the option's
 * other costs at the measured profile as the monthly opex. The capital line of `analyze` is this
 * schedule's average, so Σ accrual cost over the horizon = horizon × analyze's monthly total.
 */
export function onPremSchedule(s: ResolvedScenario, onPremAtMeasured: OptionCost): OwnershipSchedule | null {
  const o = s.options.onPrem;
  if (o === undefined) return null;
  return ownershipSchedule(o.hardware.map(ownedLineOf), o.financing, onPremAtMeasured.total - onPremAtMeasured.capital, s.horizonMonths);
}
