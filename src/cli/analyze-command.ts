import { reportWords } from '../present/messages.js';
import { resolve } from 'node:path';
import {
  analyze,
  fittedGrowthRefusal,
  measure,
  type AnalysisInput,
  type GrowthRefusal,
} from '../model/analysis/analyze.js';
import { InputError } from '../errors.js';
import { DEFAULT_SEED, DEFAULT_TRIALS, type MonteCarlo } from '../model/uncertainty/monte-carlo.js';
import { runMonteCarlo } from './monte-carlo-threads.js';
import { combinedMultiplier, scaleDemand, type LeverSetting } from '../model/uncertainty/what-if.js';
import {
  analyzePortfolio,
  groupInput,
  poolResidency,
  portfolioGroups,
  trafficShares,
  withAssumed,
} from '../model/portfolio/portfolio-analysis.js';
import { mainGroup } from '../model/portfolio/placement-groups.js';
import { DEFAULT_GOVERNANCE } from '../model/portfolio/governance.js';
import { loadInputs, modelsLabel, portfolioSource, type LoadedModel } from '../input/load-inputs.js';
import { buildReport } from '../report/build-report.js';
import type { Report } from '../report/report-schema.js';
import { renderJson } from '../present/render-json.js';
import { loadScenario } from '../input/scenario/load-scenario.js';
import { positionInText } from '../input/scenario/yaml-position.js';
import type { ResolvedScenario } from '../input/scenario/resolve.js';
import type { UtilizationFormatName } from '../input/readers/detect-format.js';
import type { Format } from './options.js';
import type { Io } from './io.js';
import { ProgressLine } from './progress.js';
import { writeFileAtomic } from './write-output.js';

export interface InputOverrides {
  /** A utilization file (or "-") from the command line, relative to where the user runs. */
  utilization?: string;
  /** A store to read utilization from instead (its selector and query kept from the scenario). */
  prometheus?: string;
  utilizationFormat?: 'auto' | UtilizationFormatName;
  tokens?: string;
  maxBadRows?: number;
}

export interface AnalyzeOptions extends InputOverrides {
  format: Format;
  /** YYYY-MM-DD at which price-book entries are judged stale (default: today). */
  asOf?: number;
  /** Demand levers applied to the whole analysis. */
  whatIf?: LeverSetting[];
  out?: string;
  window?: number;
  thresholds?: number[];
  trials?: number;
  seed?: number;
  jobs?: number;
  /** The full terminal view (the default when not writing to a terminal). */
  details?: boolean;
}

const fromCwd = (p: string): string => (p === '-' ? '-' : resolve(p));

/** Command-line settings win over the scenario's. */
export function applyOverrides(s: ResolvedScenario, o: Omit<AnalyzeOptions, 'format'>): ResolvedScenario {
  const w = s.workload;
  const bad = o.maxBadRows;
  const utilization = {
    ...w.utilization,
    ...(o.utilization !== undefined && { source: fromCwd(o.utilization), samples: undefined, prometheus: undefined }),
    ...(o.prometheus !== undefined && {
      source: undefined,
      samples: undefined,
      prometheus: { ...w.utilization.prometheus, url: o.prometheus },
    }),
    ...(o.utilizationFormat !== undefined && { format: o.utilizationFormat }),
    ...(bad !== undefined && { maxBadRowFraction: bad }),
  };
  const tokens =
    o.tokens !== undefined
      ? { format: 'auto' as const, maxBadRowFraction: 0.01, ...w.tokens, source: fromCwd(o.tokens) }
      : w.tokens;
  return {
    ...s,
    ...(o.window !== undefined && { window: { days: o.window } }),
    ...(o.thresholds !== undefined && { thresholds: [...new Set(o.thresholds)].sort((a, b) => a - b) }),
    workload: {
      ...w,
      utilization,
      ...(tokens && { tokens: bad === undefined ? tokens : { ...tokens, maxBadRowFraction: bad } }),
      ...(w.billing && bad !== undefined && { billing: { ...w.billing, maxBadRowFraction: bad } }),
    },
  };
}

/** read → validate → compute: the analysis every command that reports on a scenario starts from. */
export async function prepareAnalysis(file: string, opts: Omit<AnalyzeOptions, 'format'> & { format: string }, io: Io) {
  const loaded = await loadScenario(file);
  if (loaded.scenario.models !== undefined && (opts.utilization ?? opts.prometheus) !== undefined)
    throw new InputError({
      field: opts.utilization !== undefined ? '--utilization' : '--prometheus',
      message: 'reads one history, and this scenario’s models each have their own',
    });
  let scenario = applyOverrides(loaded.scenario, opts);
  const now = io.now();
  const progress = io.progress && opts.format !== 'json' ? new ProgressLine(io.stderr, io.clock, io.width) : null;
  let inputs;
  try {
    inputs = await loadInputs(scenario, file, {
      now,
      env: io.env ?? {},
      progress: progress ? (l, size, bytes) => progress.hook(l, size, bytes) : undefined,
      storeProgress: progress ? (label) => progress.store(label) : undefined,
    });
  } finally {
    progress?.done();
  }
  // A portfolio without any history is flat at its models' assumptions together.
  const pooledAssumption = inputs.portfolio?.assumed ?? null;
  if (pooledAssumption !== null) scenario = withAssumed(scenario, pooledAssumption);
  const levers = opts.whatIf ?? [];
  const whole: AnalysisInput = {
    scenario,
    utilizationHours: inputs.utilizationHours,
    tokenDays: inputs.tokenDays,
    billing: inputs.billing?.months ?? null,
    inputWarnings: inputs.warnings,
    now,
    pricesAsOf: opts.asOf,
    // A per-GPU export names its GPUs; a fleet-level series does not.
    gpusSeen: inputs.sources.utilization.gpus > 0 ? inputs.sources.utilization.gpus : null,
  };
  // A portfolio: the report's analysis is that of its models placed by price (all of them unless
  // some are sovereign or at the edge); analyzePortfolio places the others.
  const p = inputs.portfolio;
  const residency = p === null ? null : poolResidency(p.models, p.pool, scenario.workload.targetUtilization);
  const shares = residency === null ? [] : trafficShares(residency);
  const groups = p === null ? [] : portfolioGroups(scenario, p.models, shares);
  const main = p === null ? null : mainGroup(groups);
  const measured: AnalysisInput =
    p === null || main === null
      ? whole
      : {
          ...groupInput(whole, p.pool, p.models, main.members, main.constraints, shares),
          inputWarnings: inputs.warnings,
        };
  if (p !== null && main !== null && main.members.length < p.models.length) {
    // The report's history and tokens are those of the group it describes.
    const members = main.members.map((k) => p.models[k] as LoadedModel);
    const tokens = members.filter((x) => x.tokenDays !== null).length;
    inputs = {
      ...inputs,
      sources: {
        ...inputs.sources,
        utilization: portfolioSource(members, whole.utilizationHours !== null),
        tokens:
          inputs.sources.tokens?.format === 'models' && measured.tokenDays !== null
            ? { ...inputs.sources.tokens, source: modelsLabel(tokens), rows: measured.tokenDays.length }
            : measured.tokenDays === null
              ? null
              : inputs.sources.tokens,
      },
    };
  }
  const m = combinedMultiplier(levers);
  const input =
    levers.length === 0
      ? measured
      : {
          ...scaleDemand(measured, m),
          inputWarnings: [
            ...(measured.inputWarnings ?? []),
            { code: 'what-if', args: { levers: levers.map((l) => `${l.lever}=${l.value}`).join(', '), multiplier: m } },
          ],
        };
  const measurement = measure(input);
  const refusal = fittedGrowthRefusal(measurement.billed, measurement.utilization);
  if (refusal !== null) {
    const at = positionInText(loaded.text, ['workload', 'growthPerMonth']);
    throw new InputError({
      file,
      line: at?.line,
      column: at?.column,
      field: 'workload.growthPerMonth',
      message: growthRefusalText(refusal),
    });
  }
  const analysis = analyze(input, measurement);
  const portfolio =
    p === null || residency === null
      ? null
      : analyzePortfolio(
          whole,
          analysis,
          p.models,
          p.pool,
          residency,
          groups,
          scenario.governance ?? DEFAULT_GOVERNANCE,
          levers.length === 0 ? 1 : m,
        );
  return { loaded, inputs, input, measured, levers, measurement, analysis, portfolio, now };
}

function growthRefusalText(r: GrowthRefusal): string {
  if (r.reason === 'no-history')
    return '"fitted" continues the measured trend, but there is no utilization history to fit; state a rate (0.02 for 2 % a month) or 0';
  return (
    `"fitted" needs ${r.neededDays} days of history with data in ${r.neededCoverage * 100} % of the hours; ` +
    `this one spans ${r.spanDays} days at ${(r.coverage * 100).toFixed(1)} %: state a rate (0.02 for 2 % a month) or 0`
  );
}

/** Write the rendered text to --out (atomically) or stdout; success says so on stderr only with --verbose (cron mails any output). */
export async function emit(text: string, out: string | undefined, io: Io): Promise<void> {
  if (out !== undefined) {
    await writeFileAtomic(out, text);
    if (io.verbose === true) io.stderr(`placement: wrote ${out}\n`);
  } else io.stdout(text);
}

/** read → validate → compute → render → write (STYLE.md habit 1). Returns the exit code. */
/** The report of a prepared analysis, worded for people (and, given one, with Monte Carlo's confidence). */
export function reportOf(
  { loaded, inputs, analysis, portfolio, now }: Awaited<ReturnType<typeof prepareAnalysis>>,
  file: string,
  io: Io,
  monteCarlo?: MonteCarlo,
): Report {
  return buildReport(analysis, {
    words: reportWords,
    toolVersion: io.version,
    scenarioFile: file,
    sha256: loaded.sha256,
    now,
    sources: inputs.sources,
    billingMonths: inputs.billing?.months,
    monteCarlo,
    portfolio,
  });
}

export async function analyzeCommand(file: string, opts: AnalyzeOptions, io: Io): Promise<number> {
  const prepared = await prepareAnalysis(file, opts, io);
  const { input, measurement } = prepared;
  // With distributions in the scenario: a one-line confidence from Monte Carlo.
  const mc =
    input.scenario.uncertain.length === 0
      ? undefined
      : await runMonteCarlo(measurement, opts.trials ?? DEFAULT_TRIALS, opts.seed ?? DEFAULT_SEED, opts.jobs ?? 'auto');
  const report = reportOf(prepared, file, io, mc);

  await emit(await view(report, opts, io), opts.out, io);
  return 0;
}

/** The report in the format asked for; each view (and its libraries) is loaded only when asked for. */
async function view(report: Report, opts: AnalyzeOptions, io: Io): Promise<string> {
  switch (opts.format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return (await import('../present/render-markdown.js')).renderMarkdown(report);
    case 'html':
      return (await import('../present/render-html.js')).renderHtml(report);
    default: {
      const [{ renderTable }, { DEFAULT_WIDTH }, { Chalk }] = await Promise.all([
        import('../present/render-table.js'),
        import('../present/fit.js'),
        import('chalk'),
      ]);
      const colour = opts.out === undefined && io.colour;
      return renderTable(report, new Chalk({ level: colour ? 1 : 0 }), {
        width: io.width ?? DEFAULT_WIDTH,
        details: opts.details === true || opts.out !== undefined || io.stdoutTTY !== true,
      });
    }
  }
}
