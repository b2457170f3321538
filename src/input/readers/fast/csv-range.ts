/**
 * One byte range of a CSV or nvidia-smi utilization file, read by the byte path into its own
 * collector: what a worker thread does with its share of a large file (see parallel-csv.ts). The
 * range starts and ends at line breaks; its lines are numbered from 1, and the part before it
 * shifts them when the parts are joined.
 */
import { openForReading } from '../file-reads.js';
import { InputError } from '../../../errors.js';
import { CsvUtilizationParser, type CsvUtilizationOptions } from '../csv-utilization.js';
import { absorbCounts, ReadingStats, type ReadingStatsState } from '../reading-stats.js';
import { emptyCounts, type ProgressHook, type RowCounts } from '../row-reader.js';
import { SampleCollector, type CollectorState } from '../sample-collector.js';
import { FastCsvUtilization, readRowsFromBytes } from './fast-csv.js';

export interface CsvRangeJob {
  path: string;
  /** How messages name the file. */
  label: string;
  /** Byte offsets: the range is [start, end). */
  start: number;
  end: number;
  /** The file's first line (its header, or its first row), which fixes the columns; null for the range that starts with it. */
  firstLine: string | null;
  options: CsvUtilizationOptions;
}

/** A range as read on its own, live: the first range's objects absorb the others. */
export interface OpenRange {
  collector: SampleCollector;
  counts: RowCounts;
  stats: ReadingStats;
  parser: CsvUtilizationParser;
}

/** A range's reading as plain data, to pass between threads. */
export interface CsvRangeResult {
  lines: number;
  /** A line was held for an open quote: a record may cross the range's edge, so ranges cannot be joined. */
  held: boolean;
  /** The range could not be read (a line too long, a time out of range): reading in one pass says where. */
  failed: boolean;
  percentSign: boolean;
  counts: RowCounts;
  stats: ReadingStatsState;
  collector: CollectorState | null;
}

const CHUNK = 1 << 20;

/** [start, end) of a file through one reused buffer. */
async function* rangeChunks(path: string, start: number, end: number): AsyncGenerator<Buffer> {
  const handle = await openForReading(path);
  const buffer = Buffer.allocUnsafe(CHUNK);
  try {
    for (let at = start; at < end;) {
      const bytesRead = await handle.read(buffer, 0, Math.min(CHUNK, end - at), at);
      if (bytesRead === 0) return;
      at += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

export function openRange(job: CsvRangeJob): OpenRange {
  const parser = new CsvUtilizationParser(job.options);
  // The columns come from the file's first line; a first line that is a row is read only for them.
  if (job.firstLine !== null) parser.accept({ text: job.firstLine, number: 0 }, () => undefined);
  const collector = new SampleCollector();
  const counts = emptyCounts();
  return { collector, counts, stats: new ReadingStats(job.label, counts, collector), parser };
}

/** Reads the range into `into`: its line count, and whether a line was held for its quotes. */
export function readRange(
  job: CsvRangeJob,
  into: OpenRange,
  progress?: ProgressHook,
): Promise<{ lines: number; held: boolean }> {
  return readRowsFromBytes(
    rangeChunks(job.path, job.start, job.end),
    job.label,
    new FastCsvUtilization(into.parser, job.options.timeZone),
    into.stats.emit,
    into.counts,
    progress,
  );
}

/** A range read on its own thread, handed on as data. */
export async function readCsvRange(job: CsvRangeJob, progress?: ProgressHook): Promise<CsvRangeResult> {
  const range = openRange(job);
  let read = { lines: 0, held: false };
  let failed = false;
  try {
    read = await readRange(job, range, progress);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    failed = true;
  }
  return {
    lines: read.lines,
    held: read.held,
    failed,
    percentSign: range.parser.percentSignSeen,
    counts: range.counts,
    stats: range.stats.export(),
    collector: failed ? null : range.collector.export(),
  };
}

/**
 * The ranges after the first, in order, joined onto the first as one pass would have read them;
 * false when that cannot be done exactly (the caller reads the file in one pass).
 */
export function joinRanges(first: OpenRange, firstLines: number, rest: ReadonlyArray<CsvRangeResult>): boolean {
  let lines = firstLines;
  for (const r of rest) {
    if (r.failed || r.held || r.collector === null) return false;
    if (!first.collector.absorb(r.collector)) return false;
    first.stats.absorb(r.stats, lines);
    absorbCounts(first.counts, r.counts, lines);
    if (r.percentSign) first.parser.percentSignSeen = true;
    lines += r.lines;
  }
  return true;
}
