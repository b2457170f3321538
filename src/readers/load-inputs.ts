/** Reads the histories a scenario names, relative to the scenario file; "-" is stdin. */
import { dirname, relative, resolve } from 'node:path';
import type { DailyTotal } from '../core/signals/daily-token-totals.js';
import { HourlyAccumulator, type HourlyPoint } from '../core/utilization/hourly-accumulator.js';
import type { ResolvedScenario } from '../scenario/resolve.js';
import { parseTimestamp } from '../time/parse-timestamp.js';
import { readLines } from './line-source.js';
import { readTokensCsv } from './tokens-csv.js';
import { readUtilizationCsv } from './utilization-csv.js';

export interface InputSources {
  utilization: { source: string; format: string; unit: string; rows: number; lateSamples: number };
  tokens: { source: string; format: string; rows: number } | null;
}

export interface LoadedInputs {
  utilizationHours: HourlyPoint[] | null;
  tokenDays: DailyTotal[] | null;
  sources: InputSources;
}

/** A path from the scenario, resolved against the scenario file's folder. */
export function resolveSource(source: string, scenarioFile: string): string {
  return source === '-' ? '-' : resolve(dirname(scenarioFile), source);
}

/** How messages name an input: "stdin", or the path relative to where the user runs the tool. */
function displayName(path: string): string {
  if (path === '-') return 'stdin';
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

export async function loadInputs(s: ResolvedScenario, scenarioFile: string): Promise<LoadedInputs> {
  const u = s.workload.utilization;
  let utilizationHours: HourlyPoint[] | null = null;
  let utilization: InputSources['utilization'];
  if (u.source !== undefined) {
    const path = resolveSource(u.source, scenarioFile);
    const label = displayName(path);
    const read = await readUtilizationCsv(readLines(path, label), label, s.timezone, u.unit);
    utilizationHours = read.hours;
    utilization = { source: u.source, format: 'csv', unit: read.unit, rows: read.rows, lateSamples: read.lateSamples };
  } else if (u.samples !== undefined) {
    const acc = new HourlyAccumulator();
    for (const sample of u.samples) acc.add(parseTimestamp(sample.t, s.timezone) as number, sample.u);
    utilizationHours = acc.finish();
    utilization = { source: 'inline', format: 'samples', unit: 'fraction', rows: acc.samples, lateSamples: acc.lateSamples };
  } else {
    utilization = { source: 'assumed', format: 'assumed', unit: 'fraction', rows: 0, lateSamples: 0 };
  }

  let tokenDays: DailyTotal[] | null = null;
  let tokens: InputSources['tokens'] = null;
  const t = s.workload.tokens;
  if (t !== undefined) {
    const path = resolveSource(t.source, scenarioFile);
    const label = displayName(path);
    const read = await readTokensCsv(readLines(path, label), label, s.timezone, t.format);
    tokenDays = read.days;
    tokens = { source: t.source, format: read.format, rows: read.rows };
  }
  return { utilizationHours, tokenDays, sources: { utilization, tokens } };
}
