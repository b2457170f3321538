/**
 * A large CSV or nvidia-smi export read on every core: the file is cut into byte ranges at line
 * breaks where the hour changes, each range is read by the byte path on its own thread (this
 * one reads the first), and the ranges are joined in order. The join is exact — the same hours,
 * statistics, counts and line numbers as one pass — and is only made when it can be: a range
 * that held a quoted record, failed, or overlaps the next in time is not joined, and the caller
 * reads the file in one pass instead (which then reports any problem at its line).
 */
import { openForReading } from './readers/file-reads.js';
import { availableParallelism } from 'node:os';
import { InputError } from '../errors.js';
import { MS_PER_HOUR } from '../model/units.js';
import type { CsvUtilizationOptions } from './readers/csv-utilization.js';
import { skipBlanks, TimestampBytes, trimEnd } from './readers/fast/byte-parse.js';
import {
  joinRanges,
  openRange,
  readRange,
  type CsvRangeJob,
  type CsvRangeResult,
  type OpenRange,
} from './readers/fast/csv-range.js';
import type { ProgressHook } from './readers/row-reader.js';
import { encodingOf } from './readers/text-source.js';

/**
 * Below this size a second thread does not repay its start (loading the reader, compiling it
 * cold while this thread does the same). Measured on 2 vCPUs, whole runs of analyze: 1 M
 * nvidia-smi rows (44 MB) 0.42 s on two threads against 0.40 s on one (medians of 11, in turn),
 * 2.5 M rows (110 MB) 0.96 s against 1.04 s (best of 7; medians equal), 10 M rows (440 MB)
 * 2.51 s against 3.96 s.
 */
export const PARALLEL_FROM_BYTES = 96 * 1024 * 1024;
/**
 * How far past a range's nominal start an hour change is looked for, in windows of SEARCH_BYTES:
 * an hour of 400 GPUs sampled each second (1.4 M rows) fits; a file with fewer hour changes is
 * read in one pass.
 */
const SEARCH_LIMIT = 64 * 1024 * 1024;
const SEARCH_BYTES = 4 * 1024 * 1024;
const HEAD_BYTES = 65_536;

const WORKER = new URL('./csv-range-worker.js', import.meta.url);

async function readAt(path: string, at: number, length: number): Promise<Buffer> {
  const handle = await openForReading(path);
  try {
    const buffer = Buffer.alloc(length);
    const bytesRead = await handle.read(buffer, 0, length, at);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The epoch hour of a line's time field (its trimmed bytes), or NaN when the byte path cannot read it. */
function hourOfLine(
  b: Buffer,
  start: number,
  end: number,
  layout: { time: number; delimiter: number },
  ts: TimestampBytes,
): number {
  if (end > start && b[end - 1] === 13) end--;
  let field = 0;
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || b[i] === layout.delimiter) {
      if (field === layout.time) {
        const a = skipBlanks(b, from, i);
        return Math.floor(ts.parse(b, a, trimEnd(b, a, i)) / MS_PER_HOUR);
      }
      field++;
      from = i + 1;
    }
  }
  return NaN;
}

/**
 * A line break at or after `nominal` where the next line's hour is later than the previous
 * line's: the offset of the next line, or null when none is found within SEARCH_LIMIT.
 */
export async function splitNear(
  path: string,
  nominal: number,
  size: number,
  layout: { time: number; delimiter: number },
  timeZone: string,
): Promise<number | null> {
  const ts = new TimestampBytes(timeZone);
  const limit = Math.min(size, nominal + SEARCH_LIMIT);
  let previous = NaN;
  let at = nominal;
  let first = true; // the first window starts inside a line
  while (at < limit) {
    const b = await readAt(path, at, Math.min(SEARCH_BYTES, limit - at));
    let lineStart = first ? b.indexOf(10) + 1 : 0;
    if (first && lineStart === 0) return null;
    first = false;
    let complete = false;
    for (let nl = b.indexOf(10, lineStart); nl !== -1; lineStart = nl + 1, nl = b.indexOf(10, lineStart)) {
      complete = true;
      const hour = hourOfLine(b, lineStart, nl, layout, ts);
      if (hour > previous) return at + lineStart;
      previous = hour;
    }
    // The next window starts at the line this one cut; a line longer than a window ends the search.
    if (!complete) return null;
    at += lineStart;
  }
  return null;
}

async function inWorker(job: CsvRangeJob, rows: Int32Array, slot: number): Promise<CsvRangeResult> {
  // Loaded when a file is large enough to split: a short run does not load the threads module.
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { job, rows, slot } });
    worker.once('message', (r: CsvRangeResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`utilization reader thread stopped (exit code ${code})`)));
  });
}

/**
 * The file read on several threads and joined into one range's collector, counts and notes; null
 * when it is too small to gain, not plain UTF-8, or the ranges cannot be joined exactly.
 */
export async function readCsvInParallel(
  path: string,
  label: string,
  size: number,
  options: CsvUtilizationOptions,
  progress?: ProgressHook,
  threads = availableParallelism(),
): Promise<OpenRange | null> {
  const parts = Math.min(threads, Math.floor(size / (PARALLEL_FROM_BYTES / 2)));
  if (size < PARALLEL_FROM_BYTES || parts < 2) return null;
  const head = await readAt(path, 0, HEAD_BYTES);
  const { encoding, markBytes } = encodingOf(head);
  const firstBreak = head.indexOf(10);
  if (encoding !== 'utf8' || firstBreak < 0) return null;
  const firstLine = head.subarray(markBytes, firstBreak).toString('utf8').replace(/\r$/, '');
  const layout = openRange({ path, label, start: 0, end: 0, firstLine, options }).parser.layout;
  if (layout === null) return null;
  const cuts = [markBytes];
  for (let k = 1; k < parts; k++) {
    const nominal = markBytes + Math.floor(((size - markBytes) * k) / parts);
    if (nominal <= (cuts[cuts.length - 1] as number)) continue;
    const cut = await splitNear(path, nominal, size, layout, options.timeZone);
    if (cut !== null && cut > (cuts[cuts.length - 1] as number) && cut < size) cuts.push(cut);
  }
  if (cuts.length < 2) return null;
  const jobs: CsvRangeJob[] = cuts.map((start, k) => ({
    path,
    label,
    start,
    end: cuts[k + 1] ?? size,
    firstLine: k === 0 ? null : firstLine,
    options,
  }));
  const rows = new Int32Array(new SharedArrayBuffer(4 * jobs.length));
  // A thread that cannot run (no memory for it, say) costs the speed, not the answer: the file is
  // then read in one pass.
  const others = Promise.all(jobs.slice(1).map((job, k) => inWorker(job, rows, k + 1))).catch(() => null);
  const first = openRange(jobs[0] as CsvRangeJob);
  const report = (): void => {
    let all = 0;
    for (let i = 0; i < rows.length; i++) all += Atomics.load(rows, i);
    progress?.(all);
  };
  let read: { lines: number; held: boolean } | null;
  try {
    read = await readRange(jobs[0] as CsvRangeJob, first, (n) => {
      Atomics.store(rows, 0, n);
      report();
    });
  } catch (err) {
    // A problem in the first range is reported by the pass over the whole file, at its line.
    if (!(err instanceof InputError)) throw err;
    read = null;
  }
  // The other threads' rows while this one waits for them.
  const ticker = progress === undefined ? null : setInterval(report, 250);
  try {
    const rest = await others;
    return rest !== null && read !== null && !read.held && joinRanges(first, read.lines, rest) ? first : null;
  } finally {
    if (ticker !== null) clearInterval(ticker);
  }
}
