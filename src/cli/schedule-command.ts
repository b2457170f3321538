import { Chalk } from 'chalk';
import { onPremSchedule } from '../model/analysis/onprem-schedule.js';
import { InputError } from '../errors.js';
import { scheduleCsv, scheduleJson, scheduleTable } from '../present/render-schedule.js';
import { assertFiniteFigures } from '../report/finite-figures.js';
import { emit, prepareAnalysis, type InputOverrides } from './analyze-command.js';
import type { Io } from './io.js';
import { scopeLines } from '../present/portfolio-section.js';

export interface ScheduleOptions extends InputOverrides {
  format: 'table' | 'csv' | 'json';
  out?: string;
}

/** `placement schedule`: the on-prem option month by month. */
export async function scheduleCommand(file: string, opts: ScheduleOptions, io: Io): Promise<number> {
  const { analysis, portfolio } = await prepareAnalysis(file, opts, io);
  const onPrem = analysis.options.find((o) => o.cost.id === 'onprem');
  const s = onPrem && onPremSchedule(analysis);
  if (!s || !onPrem)
    throw new InputError({
      file,
      field: 'options.onPrem',
      message: 'schedule needs an on-prem option with its hardware lines',
    });
  assertFiniteFigures(s, file);
  const currency = analysis.scenario.currency;
  const text =
    opts.format === 'json'
      ? scheduleJson(s, {
          scenario: analysis.scenario.name,
          currency,
          horizonMonths: analysis.scenario.horizonMonths,
          growthPerMonth: analysis.path.growth.perMonth,
          analyzeMonthlyTotal: onPrem.cost.total,
          horizonAverageMonthly: onPrem.horizonAverageMonthly,
        })
      : opts.format === 'csv'
        ? scheduleCsv(s)
        : scheduleTable(
            s,
            currency,
            onPrem.horizonAverageMonthly,
            new Chalk({ level: opts.out === undefined && io.colour ? 1 : 0 }),
            io.width,
          );
  // A split portfolio: the table says which models it is of.
  const scope = opts.format === 'table' ? scopeLines(portfolio, io.width) : [];
  await emit(scope.length === 0 ? text : `${scope.join('\n')}\n${text}`, opts.out, io);
  return 0;
}
