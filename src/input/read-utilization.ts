/**
 * Utilization history from any supported format, streamed, into hourly fleet means (docs/model.md)
 * with a summary of what was read and coded warnings about the input's quality.
 */
import type { HourlyPoint } from '../model/utilization/hourly-accumulator.js';
import { MS_PER_HOUR } from '../model/units.js';
import type { Warning } from '../model/warning.js';
import { InputError } from '../errors.js';
import { CsvUtilizationParser, type ColumnRef, type CsvUtilizationOptions } from './readers/csv-utilization.js';
import {
  detectUtilizationFormat,
  isNvidiaSmiMonitor,
  peekBytes,
  peekText,
  type UtilizationFormatName,
} from './readers/detect-format.js';
import { FastCsvUtilization, readRowsFromBytes } from './readers/fast/fast-csv.js';
import { DEFAULT_GPU_METRIC, PrometheusTextParser } from './readers/prometheus-text.js';
import {
  badRowsWarning,
  checkBadRows,
  emptyCounts,
  readRows,
  type ProgressHook,
  type RowCounts,
} from './readers/row-reader.js';
import { SampleCollector } from './readers/sample-collector.js';
import { unitOfName } from './readers/reading.js';
import { PARALLEL_FROM_BYTES, readCsvInParallel } from './parallel-csv.js';
import { ReadingStats } from './readers/reading-stats.js';
import { csvRecords, decodeUtf8, splitLines, type TextSource } from './readers/text-source.js';

export interface UtilizationReadOptions {
  format: 'auto' | UtilizationFormatName;
  unit: 'auto' | 'percent' | 'fraction';
  timeZone: string;
  metric?: string | undefined;
  columns?: string[] | undefined;
  timestampColumn?: ColumnRef | undefined;
  valueColumn?: ColumnRef | undefined;
  gpuColumn?: ColumnRef | undefined;
  maxBadRowFraction: number;
  /** The run's instant: the time of samples that carry none (a single Prometheus scrape). */
  now: number;
  progress?: ProgressHook | undefined;
}

export interface UtilizationSummary {
  source: string;
  /** A file's format, or a metrics store's query API. */
  format: UtilizationFormatName | 'prometheus-api';
  gzip: boolean;
  unit: 'percent' | 'fraction';
  rows: number;
  samples: number;
  badRows: number;
  unavailableRows: number;
  badExamples: RowCounts['badExamples'];
  gpus: number;
  first: number | null;
  last: number | null;
  resolutionMs: number | null;
  outOfOrder: number;
  duplicates: number;
  untimestamped: number;
  lateSamples: number;
}

export interface UtilizationRead {
  hours: HourlyPoint[];
  summary: UtilizationSummary;
  warnings: Warning[];
}

/** The unit a metric's name gives: DCGM's `_UTIL` gauges are percent, a `_ratio` a fraction; null when names disagree or say nothing. */
export function unitOfMetric(names: ReadonlyArray<string>): 'percent' | 'fraction' | null {
  const units = new Set(names.map(unitOfName));
  return units.size === 1 ? ([...units][0] ?? null) : null;
}

/** A metric that carries GPU utilization, by its name. */
const UTILIZATION_METRIC = /util/i;

export async function readUtilization(src: TextSource, o: UtilizationReadOptions): Promise<UtilizationRead> {
  let head: string;
  let chunks: AsyncIterable<string> | null = null;
  let bytes: AsyncIterable<Buffer> | null = null;
  if (src.bytes !== undefined) ({ head, bytes } = await peekBytes(src.bytes));
  else ({ head, chunks } = await peekText(src.chunks));
  const text = (): AsyncIterable<string> => chunks ?? decodeUtf8(bytes as AsyncIterable<Buffer>);
  if (head.trim() === '')
    throw new InputError({ file: src.label, message: 'the file is empty: no utilization samples' });
  if (o.format === 'auto' && isNvidiaSmiMonitor(head)) {
    throw new InputError({
      file: src.label,
      line: 1,
      column: 1,
      message:
        'this is nvidia-smi dmon output, a table for the screen; record a history with nvidia-smi --query-gpu=timestamp,index,utilization.gpu --format=csv -l 60',
    });
  }
  const format = o.format === 'auto' ? detectUtilizationFormat(head) : o.format;
  let collector = new SampleCollector();
  let counts = emptyCounts();
  let stats = new ReadingStats(src.label, counts, collector);
  const emit = stats.emit;
  let percentSign = false;
  let untimestamped = 0;
  const metric = o.metric ?? DEFAULT_GPU_METRIC;

  let metricNames: string[] = [];
  if (format === 'prometheus-json') {
    // The streaming JSON parser is loaded only for a Prometheus answer: most runs read CSV.
    const { readPrometheusJson } = await import('./readers/prometheus-json.js');
    ({ metricNames } = await readPrometheusJson(text(), src.label, emit, counts, o.progress));
  } else if (format === 'prometheus-text') {
    const parser = new PrometheusTextParser({ metric, now: o.now });
    await readRows(splitLines(text(), src.label), parser, emit, counts, o.progress);
    untimestamped = parser.untimestamped;
  } else {
    const options: CsvUtilizationOptions = {
      dialect: format,
      file: src.label,
      timeZone: o.timeZone,
      columns: o.columns,
      timestampColumn: o.timestampColumn,
      valueColumn: o.valueColumn,
      gpuColumn: o.gpuColumn,
    };
    // A large plain file is read on every core when the parts join exactly (else in one pass).
    const path = src.path ?? null;
    const parallel =
      bytes !== null && path !== null && !src.gzip() && src.size !== null && src.size >= PARALLEL_FROM_BYTES
        ? await readCsvInParallel(path, src.label, src.size, options, o.progress)
        : null;
    let parser: CsvUtilizationParser;
    if (parallel !== null) {
      await (src.bytes as AsyncGenerator<Buffer> | undefined)?.return(undefined);
      ({ collector, counts, stats, parser } = parallel);
    } else {
      parser = new CsvUtilizationParser(options);
      if (bytes !== null)
        await readRowsFromBytes(bytes, src.label, new FastCsvUtilization(parser, o.timeZone), emit, counts, o.progress);
      else await readRows(csvRecords(splitLines(text(), src.label, true)), parser, emit, counts, o.progress);
    }
    percentSign = parser.percentSignSeen;
  }
  checkBadRows(counts, src.label, o.maxBadRowFraction);
  if (collector.samples === 0) {
    const why =
      format === 'prometheus-text'
        ? ` (no ${metric} samples: set utilization.metric to the metric that carries GPU utilization)`
        : counts.unavailableRows > 0
          ? ` (all ${counts.unavailableRows} readings are unavailable, e.g. [N/A])`
          : '';
    throw new InputError({ file: src.label, message: `no utilization samples${why}` });
  }

  const percentByFormat = format === 'nvidia-smi' || (format === 'prometheus-text' && metric === DEFAULT_GPU_METRIC);
  // The metric's name decides its unit (DCGM's _UTIL gauges are percent, a _ratio a fraction):
  // an idle fleet's answer never above 1 is still percent.
  const byName = unitOfMetric(metricNames);
  const unit =
    o.unit !== 'auto'
      ? o.unit
      : (byName ?? (percentByFormat || percentSign || stats.max.value > 1 ? 'percent' : 'fraction'));
  const limit = unit === 'percent' ? 100 : 1;
  const max = stats.max;
  if (max.value > limit) {
    throw new InputError({
      file: src.label,
      line: max.line ?? undefined,
      message:
        unit === 'percent'
          ? `${max.value} is above 100 %; utilization is at most 100`
          : `${max.value} is above 1 but the unit is fraction; write 63 % as 0.63, or set unit: percent`,
    });
  }

  const hours = collector.hourly.finish(unit === 'percent' ? 0.01 : 1);
  const summary: UtilizationSummary = {
    source: src.label,
    format,
    gzip: src.gzip(),
    unit,
    rows: counts.dataRows,
    samples: collector.samples,
    badRows: counts.badRows,
    unavailableRows: counts.unavailableRows,
    badExamples: counts.badExamples,
    // A fleet-level series (no GPU column, series "") has no GPU count of its own.
    gpus: collector.series.filter((k) => k !== '').length,
    first: collector.first,
    last: collector.last,
    resolutionMs: collector.resolutionMs,
    outOfOrder: collector.outOfOrder,
    duplicates: collector.duplicates,
    untimestamped,
    lateSamples: collector.hourly.lateSamples,
  };
  // Percent inferred from values above 1 while others look like fractions (0.63): the file mixes
  // units, and reading 0.63 as 0.63 % would be wrong without a word.
  const guessed = o.unit === 'auto' && byName === null && !percentByFormat && !percentSign;
  const mixed: Warning[] =
    guessed && unit === 'percent' && stats.fractional > 0
      ? [{ code: 'mixed-units', args: { file: src.label, values: stats.fractional, line: stats.firstFractional } }]
      : [];
  // An answer for another metric (memory, power) is not utilization: say so rather than analyse it silently.
  const foreign = metricNames.filter((n) => !UTILIZATION_METRIC.test(n));
  const metricWarnings: Warning[] =
    foreign.length === 0
      ? []
      : [{ code: 'metric-not-utilization', args: { file: src.label, metrics: foreign.slice(0, 3).join(', ') } }];
  return {
    hours,
    summary,
    warnings: [...mixed, ...metricWarnings, ...inputWarnings(summary), ...gapWarnings(hours, src.label)],
  };
}

/** Runs of missing hours inside the history (missing is not idle, docs/model.md). */
export function gapWarnings(hours: ReadonlyArray<HourlyPoint>, file: string): Warning[] {
  let gaps = 0;
  let longest = 0;
  for (let i = 1; i < hours.length; i++) {
    const missing = ((hours[i] as HourlyPoint).hourStart - (hours[i - 1] as HourlyPoint).hourStart) / MS_PER_HOUR - 1;
    if (missing > 0) {
      gaps++;
      longest = Math.max(longest, missing);
    }
  }
  return gaps === 0 ? [] : [{ code: 'history-gaps', args: { file, gaps, longestHours: longest } }];
}

function inputWarnings(s: UtilizationSummary): Warning[] {
  const w: Warning[] = [];
  const file = s.source;
  if (s.badRows > 0) w.push(badRowsWarning(file, { badRows: s.badRows, dataRows: s.rows, badExamples: s.badExamples }));
  if (s.unavailableRows > 0) w.push({ code: 'readings-unavailable', args: { file, rows: s.unavailableRows } });
  if (s.outOfOrder > 0) w.push({ code: 'samples-out-of-order', args: { file, samples: s.outOfOrder } });
  if (s.duplicates > 0) w.push({ code: 'samples-duplicated', args: { file, samples: s.duplicates } });
  if (s.untimestamped > 0) w.push({ code: 'samples-untimestamped', args: { file, samples: s.untimestamped } });
  return w;
}
