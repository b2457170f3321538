/** Reads the histories a scenario names, relative to the scenario file; "-" is stdin. */
import { dirname, relative, resolve } from 'node:path';
import type { DailyTotal } from '../model/signals/daily-token-totals.js';
import { HourlyAccumulator, type HourlyPoint } from '../model/utilization/hourly-accumulator.js';
import type { Warning } from '../model/warning.js';
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
  format: UtilizationSummary['format'] | 'samples' | 'assumed';
};

export interface InputSources {
  utilization: UtilizationInput;
  tokens: { source: string; format: string; rows: number; badRows: number } | null;
  billing: { source: string; costColumn: string; rows: number; badRows: number; gpuPattern: string } | null;
}

export interface LoadedInputs {
  utilizationHours: HourlyPoint[] | null;
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

export async function loadInputs(s: ResolvedScenario, scenarioFile: string, o: LoadOptions): Promise<LoadedInputs> {
  const u = s.workload.utilization;
  const warnings: Warning[] = [];
  let utilizationHours: HourlyPoint[] | null = null;
  let utilization: UtilizationInput;
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
    utilizationHours = read.hours;
    const r = read.summary;
    utilization = {
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
    };
    warnings.push(...read.warnings);
  } else if (u.samples !== undefined) {
    const acc = new HourlyAccumulator();
    for (const sample of u.samples) acc.add(parseTimestamp(sample.t, s.timezone) as number, sample.u);
    utilizationHours = acc.finish();
    utilization = inlineInput('inline', 'samples', acc.samples);
  } else {
    utilization = inlineInput('assumed', 'assumed', 0);
  }

  let tokenDays: DailyTotal[] | null = null;
  let tokens: InputSources['tokens'] = null;
  const t = s.workload.tokens;
  if (t !== undefined) {
    const { src, progress } = await open(t.source, scenarioFile, o);
    const read = await readTokens(src, s.timezone, t.format, t.maxBadRowFraction, progress);
    tokenDays = read.days;
    tokens = { source: t.source, format: read.format, rows: read.counts.dataRows, badRows: read.counts.badRows };
    if (read.counts.badRows > 0) warnings.push(badRowsWarning(src.label, read.counts));
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
  return { utilizationHours, tokenDays, billing, sources: { utilization, tokens, billing: billingSource }, warnings };
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
