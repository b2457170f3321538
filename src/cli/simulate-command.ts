import { Chalk } from 'chalk';
import { InputError } from '../errors.js';
import { renderSimulation } from '../present/render-simulation.js';
import { assertFiniteFigures } from '../report/finite-figures.js';
import { emit, prepareAnalysis, type InputOverrides } from './analyze-command.js';
import type { Io } from './io.js';
import { scopeLines } from '../present/portfolio-section.js';
import { runMonteCarlo } from './monte-carlo-threads.js';

export interface SimulateOptions extends InputOverrides {
  trials: number;
  seed: number;
  jobs?: number;
  format: 'table' | 'json';
  out?: string;
}

/** `placement simulate`: Monte Carlo over the scenario's distributions. */
export async function simulateCommand(file: string, opts: SimulateOptions, io: Io): Promise<number> {
  const { input, measurement, analysis, portfolio } = await prepareAnalysis(file, opts, io);
  if (input.scenario.uncertain.length === 0) {
    throw new InputError({
      file,
      message:
        'no field is a distribution, so there is nothing to simulate; give one as {triangular: [min, mode, max]}, {uniform: [a, b]} or {normal: {mean, sd}}',
    });
  }
  const mc = await runMonteCarlo(measurement, opts.trials, opts.seed, opts.jobs ?? 'auto');
  assertFiniteFigures(mc, file);
  const s = analysis.scenario;
  const text =
    opts.format === 'json'
      ? `${JSON.stringify({ scenario: s.name, currency: s.currency, baseVerdict: analysis.verdict.placement, ...mc }, null, 2)}\n`
      : renderSimulation(
          mc,
          s.name,
          analysis.verdict.placement,
          s.currency,
          new Chalk({ level: opts.out === undefined && io.colour ? 1 : 0 }),
          io.width,
        );
  // A split portfolio: the table says which models it is of.
  const scope = opts.format === 'table' ? scopeLines(portfolio, io.width) : [];
  await emit(scope.length === 0 ? text : `${scope.join('\n')}\n${text}`, opts.out, io);
  return 0;
}
