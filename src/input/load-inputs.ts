/** Reads the histories a scenario names, relative to the scenario file; "-" is stdin. */
import { dirname, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { DailyTotal } from '../model/signals/daily-token-totals.js';
import { HourlyAccumulator, type HourlyPoint } from '../model/utilization/hourly-accumulator.js';
import type { Warning } from '../model/warning.js';
import { pooledDemand, pooledTokenDays, type ModelLoad, type PooledDemand } from '../model/portfolio/pooled-demand.js';
import type { PortfolioModel } from '../model/portfolio/portfolio-analysis.js';
import { isoDayStart } from '../model/time/iso-day.js';
import { MS_PER_HOUR } from '../model/units.js';
import type { ResolvedScenario } from './scenario/resolve.js';
import { parseTimestamp } from './readers/parse-timestamp.js';
import { DEFAULT_GPU_PATTERN, readFocus, type BillingRead } from './readers/focus-billing.js';
import { readUtilization, type UtilizationRead, type UtilizationSummary } from './read-utilization.js';
import { badRowsWarning, type ProgressHook } from './readers/row-reader.js';
import { openText } from './readers/text-source.js';
import { readTokens } from './readers/tokens-csv.js';

export type UtilizationInput = Pick<
  UtilizationSummary,
  'source' | 'unit' | 'rows' | 'samples' | 'badRows' | 'unavailableRows' | 'gpus' | 'resolutionMs' | 'gzip'
> & {
  format: UtilizationSummary['format'] | 'samples' | 'assumed' | 'models';
};

export interface InputSources {
  utilization: UtilizationInput;
  tokens: { source: string; format: string; rows: number; badRows: number } | null;
  billing: { source: string; costColumn: string; rows: number; badRows: number; gpuPattern: string } | null;
}

export interface LoadedInputs {
  utilizationHours: HourlyPoint[] | null;
  /** A portfolio's models and their pooled demand; null for one workload. */
  portfolio: { models: LoadedModel[]; pool: PooledDemand; assumed: number | null } | null;
  tokenDays: DailyTotal[] | null;
  billing: BillingRead | null;
  sources: InputSources;
  warnings: Warning[];
}

export interface LoadOptions {
  /** The run's instant (for samples that carry no time). */
  now: number;
  /** Where a metrics store's credentials come from (PLACEMENT_PROMETHEUS_TOKEN, named headers). */
  env?: Readonly<Record<string, string | undefined>>;
  /** A progress hook for one input, or undefined for none. */
  progress?: (label: string, size: number | null, bytesRead: () => number) => ProgressHook | undefined;
  /** A progress hook for a metrics store's pieces, or undefined for none. */
  storeProgress?: (label: string) => (done: number, pieces: number, points: number) => void;
}

/** A path from the scenario, resolved against the scenario file's folder. */
export function resolveSource(source: string, scenarioFile: string): string {
  return source === '-' ? '-' : resolve(dirname(scenarioFile), source);
}

/** How messages name an input: "stdin", or the path relative to where the user runs the tool. */
export function displayName(path: string): string {
  if (path === '-') return 'stdin';
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

async function open(source: string, scenarioFile: string, o: LoadOptions) {
  const path = resolveSource(source, scenarioFile);
  const src = await openText(path, displayName(path));
  return { src, progress: o.progress?.(src.label, src.size, src.bytesRead) };
}

type UtilizationBlock = ResolvedScenario['workload']['utilization'];

/** One utilization history as the scenario names it: a file, a store, inline samples or an assumption. */
async function readHistory(
  u: UtilizationBlock,
  s: ResolvedScenario,
  scenarioFile: string,
  o: LoadOptions,
): Promise<{ hours: HourlyPoint[] | null; input: UtilizationInput; warnings: Warning[] }> {
  if (u.source !== undefined || u.prometheus !== undefined) {
    let read: UtilizationRead;
    if (u.source !== undefined) {
      const { src, progress } = await open(u.source, scenarioFile, o);
      read = await readUtilization(src, {
        format: u.format,
        unit: u.unit,
        timeZone: s.timezone,
        metric: u.metric,
        columns: u.columns,
        timestampColumn: u.timestampColumn,
        valueColumn: u.valueColumn,
        gpuColumn: u.gpuColumn,
        maxBadRowFraction: u.maxBadRowFraction,
        now: o.now,
        progress,
      });
    } else {
      const store = u.prometheus as NonNullable<typeof u.prometheus>;
      // Loaded when a store is read: a scenario of files does not load the HTTP client.
      const { readStore, storeLabel } = await import('./read-store.js');
      const caPath = store.caFile === undefined ? undefined : resolveSource(store.caFile, scenarioFile);
      read = await readStore(store, {
        now: o.now,
        hours: s.window.days * 24,
        unit: u.unit,
        env: o.env ?? {},
        caFile: caPath === undefined ? undefined : { path: caPath, label: displayName(caPath) },
        progress: o.storeProgress?.(storeLabel(store.url)),
      });
    }
    const r = read.summary;
    return {
      hours: read.hours,
      input: {
        // A file as the scenario names it; a store by its address.
        source: u.source ?? r.source,
        format: r.format,
        unit: r.unit,
        rows: r.rows,
        samples: r.samples,
        badRows: r.badRows,
        unavailableRows: r.unavailableRows,
        gpus: r.gpus,
        resolutionMs: r.resolutionMs,
        gzip: r.gzip,
      },
      warnings: read.warnings,
    };
  }
  if (u.samples !== undefined) {
    const acc = new HourlyAccumulator();
    for (const sample of u.samples) acc.add(parseTimestamp(sample.t, s.timezone) as number, sample.u);
    return { hours: acc.finish(), input: inlineInput('inline', 'samples', acc.samples), warnings: [] };
  }
  return { hours: null, input: inlineInput('assumed', 'assumed', 0), warnings: [] };
}

/** A token history as the scenario names it: its days, what the report says of it, its warnings. */
async function readTokenHistory(
  t: NonNullable<ResolvedScenario['workload']['tokens']>,
  s: ResolvedScenario,
  scenarioFile: string,
  o: LoadOptions,
) {
  const { src, progress } = await open(t.source, scenarioFile, o);
  const read = await readTokens(src, s.timezone, t.format, t.maxBadRowFraction, progress);
  return {
    days: read.days,
    input: { source: t.source, format: read.format, rows: read.counts.dataRows, badRows: read.counts.badRows },
    warnings: read.counts.badRows > 0 ? [badRowsWarning(src.label, read.counts)] : [],
  };
}

/** A model of a portfolio as read: its demand (pooled), what the analysis of it alone needs, its input. */
export interface LoadedModel extends ModelLoad, PortfolioModel {
  tokenDays: DailyTotal[] | null;
  input: UtilizationInput;
}

/** "1 model", "4 models": where a pool's history or tokens come from. */
export const modelsLabel = (n: number): string => `${n} model${n === 1 ? '' : 's'}`;

/** Where a pool of models' history comes from: theirs, counted together. */
export function portfolioSource(models: ReadonlyArray<LoadedModel>, withHistory: boolean): UtilizationInput {
  const sum = (k: 'rows' | 'samples' | 'badRows' | 'unavailableRows' | 'gpus') =>
    models.reduce((t, m) => t + m.input[k], 0);
  return {
    source: modelsLabel(models.length),
    format: 'models',
    unit: 'fraction',
    rows: sum('rows'),
    samples: sum('samples'),
    badRows: sum('badRows'),
    unavailableRows: sum('unavailableRows'),
    gpus: sum('gpus'),
    resolutionMs: withHistory ? MS_PER_HOUR : null,
    gzip: false,
  };
}

/**
 * A portfolio's models read one after the other, and the pool's history: their resident busy GPUs
 * summed hour by hour (docs/model.md, portfolio), as a utilization of their GPUs together.
 */
async function readPortfolio(s: ResolvedScenario, scenarioFile: string, o: LoadOptions) {
  const models: LoadedModel[] = [];
  const warnings: Warning[] = [];
  for (const m of s.models ?? []) {
    const read = await readHistory(m.utilization, s, scenarioFile, o);
    warnings.push(...read.warnings);
    let tokenDays: DailyTotal[] | null = null;
    if (m.tokens !== undefined) {
      const t = await readTokenHistory(m.tokens, s, scenarioFile, o);
      tokenDays = t.days;
      warnings.push(...t.warnings);
    }
    models.push({
      name: m.name,
      referenceGpus: m.referenceGpus,
      warmFloorGpus: m.warmFloorGpus,
      hours: read.hours,
      assumed: m.utilization.assumed ?? 0,
      input: read.input,
      rollouts: m.rollouts.map(isoDayStart),
      canary:
        m.canary === undefined
          ? undefined
          : { share: m.canary.share, days: m.canary.retainedDays, shadowShare: m.shadow?.share ?? 0 },
      fallbackFor: m.fallbackFor ?? null,
      constraints:
        m.constraints === undefined
          ? null
          : {
              sovereignty: m.constraints.sovereignty,
              agentic: m.constraints.agentic,
              regions: m.constraints.regions ?? null,
            },
      retireBy: m.retireBy ?? null,
      tokenDays,
      internetGBPerMonth: m.egress?.internetGBPerMonth ?? null,
    });
    // A model past the day it was to leave the fleet, still in it: its residency is what it costs.
    if (m.retireBy !== undefined && isoDayStart(m.retireBy) <= o.now)
      warnings.push({ code: 'portfolio-past-retire-by', args: { model: m.name, date: m.retireBy } });
  }
  const pool = pooledDemand(models, s.workload.targetUtilization);
  const gpus = s.workload.referenceGpus;
  const withHistory = models.filter((m) => m.hours !== null);
  if (withHistory.length > 1 && pool.hourStarts.length === 0)
    throw new InputError({
      file: displayName(scenarioFile),
      field: 'models',
      message: `the histories of ${withHistory.map((m) => m.name).join(', ')} share no hour: give histories of the same weeks`,
    });
  const hours =
    withHistory.length > 0
      ? pool.hourStarts.map((hourStart, i) => ({ hourStart, utilization: (pool.total[i] as number) / gpus }))
      : null;
  if (pool.hoursLeftOut > 0) warnings.push({ code: 'portfolio-hours-left-out', args: { hours: pool.hoursLeftOut } });
  const input = portfolioSource(models, hours !== null);
  // Without any history the pool is flat at its models' assumptions together.
  const assumed = hours === null ? (pool.total[0] as number) / gpus : null;
  return { models, pool, hours, input, warnings, assumed };
}

export async function loadInputs(s: ResolvedScenario, scenarioFile: string, o: LoadOptions): Promise<LoadedInputs> {
  const warnings: Warning[] = [];
  let utilizationHours: HourlyPoint[] | null;
  let utilization: UtilizationInput;
  let portfolio: LoadedInputs['portfolio'] = null;
  if (s.models !== undefined) {
    const read = await readPortfolio(s, scenarioFile, o);
    utilizationHours = read.hours;
    utilization = read.input;
    warnings.push(...read.warnings);
    portfolio = { models: read.models, pool: read.pool, assumed: read.assumed };
  } else {
    const read = await readHistory(s.workload.utilization, s, scenarioFile, o);
    utilizationHours = read.hours;
    utilization = read.input;
    warnings.push(...read.warnings);
  }

  let tokenDays: DailyTotal[] | null = null;
  let tokens: InputSources['tokens'] = null;
  const t = s.workload.tokens;
  if (t !== undefined) {
    const read = await readTokenHistory(t, s, scenarioFile, o);
    tokenDays = read.days;
    tokens = read.input;
    warnings.push(...read.warnings);
  } else if (portfolio !== null && portfolio.models.some((m) => m.tokenDays !== null)) {
    const own = portfolio.models.flatMap((m) => (m.tokenDays === null ? [] : [m.tokenDays]));
    tokenDays = pooledTokenDays(own);
    tokens = { source: modelsLabel(own.length), format: 'models', rows: tokenDays.length, badRows: 0 };
  }

  let billing: BillingRead | null = null;
  let billingSource: InputSources['billing'] = null;
  const b = s.workload.billing;
  if (b !== undefined) {
    const { src } = await open(b.source, scenarioFile, o);
    const gpuPattern = b.gpuPattern ?? DEFAULT_GPU_PATTERN;
    billing = await readFocus(src, gpuPattern, b.maxBadRowFraction);
    billingSource = {
      source: b.source,
      costColumn: billing.costColumn,
      rows: billing.counts.dataRows,
      badRows: billing.counts.badRows,
      gpuPattern,
    };
    if (billing.counts.badRows > 0) warnings.push(badRowsWarning(src.label, billing.counts));
  }
  return {
    utilizationHours,
    tokenDays,
    billing,
    sources: { utilization, tokens, billing: billingSource },
    warnings,
    portfolio,
  };
}

function inlineInput(source: string, format: 'samples' | 'assumed', samples: number): UtilizationInput {
  return {
    source,
    format,
    unit: 'fraction',
    rows: samples,
    samples,
    badRows: 0,
    unavailableRows: 0,
    gpus: 0,
    resolutionMs: null,
    gzip: false,
  };
}
