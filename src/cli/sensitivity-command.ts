import { Chalk } from 'chalk';
import { sensitivity } from '../model/uncertainty/sensitivity.js';
import { renderSensitivity } from '../present/render-sensitivity.js';
import { assertFiniteFigures } from '../report/finite-figures.js';
import { emit, prepareAnalysis, type InputOverrides } from './analyze-command.js';
import type { Io } from './io.js';
import { scopeLines } from '../present/portfolio-section.js';

export interface SensitivityOptions extends InputOverrides {
  range: number;
  format: 'table' | 'json';
  out?: string;
}

/** `placement sensitivity`: the tornado. */
export async function sensitivityCommand(file: string, opts: SensitivityOptions, io: Io): Promise<number> {
  // The tornado is of the measured inputs; the what-if levers are shown one by one beside it.
  const { measured, levers, analysis, portfolio } = await prepareAnalysis(file, opts, io);
  const s = sensitivity(measured, opts.range, levers);
  assertFiniteFigures(s, file);
  const text =
    opts.format === 'json'
      ? `${JSON.stringify({ scenario: analysis.scenario.name, ...s }, null, 2)}\n`
      : renderSensitivity(
          s,
          analysis.scenario.name,
          analysis.scenario.currency,
          new Chalk({ level: opts.out === undefined && io.colour ? 1 : 0 }),
          io.width,
        );
  // A split portfolio: the table says which models it is of.
  const scope = opts.format === 'table' ? scopeLines(portfolio, io.width) : [];
  await emit(scope.length === 0 ? text : `${scope.join('\n')}\n${text}`, opts.out, io);
  return 0;
}
