import type { Analysis } from './analyze.js';
import { ownedLinesOnPath } from './analyze.js';
import { pathRunning } from './demand-path.js';
import { ownershipSchedule, type OwnershipSchedule } from '../ownership/ownership-schedule.js';

/**
 * The on-prem option's schedule: its hardware lines, expansions and financing, with the
 * option's running cost month by month on the demand path as opex. So Σ accrual cost over the
 * horizon = horizon × the on-prem `horizonAverageMonthly` of analyze (its month without growth).
 */
export function onPremSchedule(a: Analysis): OwnershipSchedule | null {
  const s = a.scenario;
  const lines = ownedLinesOnPath('onprem', s, a.path);
  if (s.options.onPrem === undefined || lines === null) return null;
  return ownershipSchedule(lines, s.options.onPrem.financing, pathRunning(a.path, 'onprem'), s.horizonMonths);
}
