/**
 * The byte fast path for CSV and nvidia-smi utilization: fields, readings and timestamps are
 * parsed from the bytes without making strings. Any line outside the simple shapes it knows
 * (quotes, [N/A], other time formats, a header, a bad row) is decoded and handed to the string
 * parser, so the results are the same as the string path's, only faster.
 */
import type { CsvUtilizationParser } from '../csv-utilization.js';
import type { Emit, ProgressHook, RowCounts, RowOutcome } from '../row-reader.js';
import { countBad } from '../row-reader.js';
import { lineTooLong, MAX_LINE_CHARS, MAX_RECORD_LINES } from '../text-source.js';
import { parseReadingBytes, reading, seriesKeyBytes, skipBlanks, TimestampBytes, trimEnd } from './byte-parse.js';

const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;
/** A line break in each byte of a word: a word XOR this has a zero byte where one is. */
const NEWLINES = 0x0a0a0a0a;
const PROGRESS_EVERY = 65_536;

function hasByte(b: Uint8Array, byte: number, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (b[i] === byte) return true;
  return false;
}

export class FastCsvUtilization {
  readonly timestamps: TimestampBytes;
  readonly fieldStarts: number[] = [];
  readonly fieldEnds: number[] = [];

  constructor(
    private readonly slow: CsvUtilizationParser,
    timeZone: string,
  ) {
    this.timestamps = new TimestampBytes(timeZone);
  }

  private viaString(b: Uint8Array, start: number, end: number, number: number, emit: Emit): RowOutcome {
    const text = Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8');
    return this.slow.accept({ text, number }, emit);
  }

  private layout: { time: number; value: number; gpu: number; delimiter: number } | null = null;

  /** The columns once the string parser has read the first line; null before. */
  currentLayout(): { time: number; value: number; gpu: number; delimiter: number } | null {
    return (this.layout ??= this.slow.layout);
  }

  percentSignSeen(): void {
    this.slow.percentSignSeen = true;
  }

  /** `quoted`: the line may hold a quote (the caller knows when its whole chunk holds none). */
  accept(
    b: Uint8Array,
    start: number,
    end: number,
    number: number,
    emit: Emit,
    quoted = hasByte(b, QUOTE, start, end),
  ): RowOutcome {
    const layout = this.currentLayout();
    if (layout === null || quoted) return this.viaString(b, start, end, number, emit);
    const need = Math.max(layout.time, layout.value, layout.gpu);
    const starts = this.fieldStarts;
    const ends = this.fieldEnds;
    let field = 0;
    let from = start;
    while (field <= need) {
      let to = b.indexOf(layout.delimiter, from);
      if (to === -1 || to > end) to = end;
      starts[field] = from;
      ends[field] = to;
      field++;
      if (to === end) break;
      from = to + 1;
    }
    if (field <= need) return this.viaString(b, start, end, number, emit);
    const ts = skipBlanks(b, starts[layout.time] as number, ends[layout.time] as number);
    const t = this.timestamps.parse(b, ts, trimEnd(b, ts, ends[layout.time] as number));
    const vs = skipBlanks(b, starts[layout.value] as number, ends[layout.value] as number);
    const v = parseReadingBytes(b, vs, trimEnd(b, vs, ends[layout.value] as number));
    if (Number.isNaN(t) || Number.isNaN(v)) return this.viaString(b, start, end, number, emit);
    if (reading.percentSign) this.slow.percentSignSeen = true;
    let series: string | number = '';
    if (layout.gpu >= 0) {
      const gs = skipBlanks(b, starts[layout.gpu] as number, ends[layout.gpu] as number);
      series = seriesKeyBytes(b, gs, trimEnd(b, gs, ends[layout.gpu] as number));
    }
    emit(t, v, series);
    return 'ok';
  }
}

/** What the run loop reports for each data row it reads, as record() would. */
export interface RunSink {
  counts: RowCounts;
  progress: ProgressHook | undefined;
  /** Any line the run does not take, handled one at a time (it numbers the line itself). */
  other: (b: Uint8Array, start: number, end: number) => void;
  /** The last line number given. */
  number: number;
}

/**
 * The common case in one loop: the lines of b[pos, lim) — a stretch with no quote that ends with
 * a line break — split, parsed and emitted without a call per line or a field array. A line it
 * cannot read in the simple shape (blank, short, a header, [N/A], another time format) goes to
 * `sink.other` as it would have without this loop, so nothing differs but the speed.
 */
export function acceptRun(
  parser: FastCsvUtilization,
  b: Uint8Array,
  pos: number,
  lim: number,
  emit: Emit,
  sink: RunSink,
): void {
  let layout = parser.currentLayout();
  // Until the first line has given the columns (blank lines may come first), lines go the long way.
  while (layout === null && pos < lim) {
    const nl = b.indexOf(NEWLINE, pos);
    sink.other(b, pos, nl);
    pos = nl + 1;
    layout = parser.currentLayout();
  }
  if (layout === null) return;
  const { time, value, gpu, delimiter } = layout;
  const need = Math.max(time, value, gpu);
  const starts = parser.fieldStarts;
  const ends = parser.fieldEnds;
  const counts = sink.counts;
  const ts = parser.timestamps;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // A timestamp in the first column is usually as wide as the last row's: the delimiter is looked
  // for at that width first, and the timestamp's check of every byte before it (a delimiter or a
  // line break among them fails it) stands for the scan. A line where it fails is read again
  // from its start the usual way.
  let width = 0;
  let rescan = -1;
  let i = pos;
  while (i < lim) {
    const start = i;
    // Fields up to the last one needed, then the rest of the line.
    let field = 0;
    starts[0] = start;
    const guessed =
      time === 0 && width > 0 && start !== rescan && start + width < lim && b[start + width] === delimiter;
    if (guessed) {
      ends[0] = start + width;
      field = 1;
      i = start + width + 1;
      starts[1] = i;
    }
    for (;;) {
      let c = b[i] as number;
      while (c !== delimiter && c !== NEWLINE) c = b[++i] as number;
      ends[field++] = i;
      if (c === NEWLINE || field > need) break;
      starts[field] = ++i;
    }
    // The columns it does not read, four bytes at a time up to the word holding the line break.
    while (i + 4 <= lim) {
      const w = view.getUint32(i, true) ^ NEWLINES;
      if (((w - 0x01010101) & ~w & 0x80808080) !== 0) break;
      i += 4;
    }
    while (b[i] !== NEWLINE) i++;
    const nl = i;
    i++;
    let end = nl;
    if (end > start && b[end - 1] === RETURN) end--;
    const first = b[start];
    if (field <= need || end === start || first === 32 || first === 9) {
      if (guessed) {
        i = rescan = start;
        continue;
      }
      sink.other(b, start, nl);
      continue;
    }
    if ((ends[field - 1] as number) > end) ends[field - 1] = end;
    // The same reading of the fields as accept()'s, written out here: a shared method writing its
    // results to the parser measured 10–15 % slower over 1 M rows.
    const t0 = skipBlanks(b, starts[time] as number, ends[time] as number);
    const t = ts.parse(b, t0, trimEnd(b, t0, ends[time] as number));
    const v0 = skipBlanks(b, starts[value] as number, ends[value] as number);
    const v = parseReadingBytes(b, v0, trimEnd(b, v0, ends[value] as number));
    if (t !== t || v !== v) {
      if (guessed) {
        i = rescan = start;
        continue;
      }
      sink.other(b, start, nl);
      continue;
    }
    if (time === 0) width = (ends[0] as number) - start;
    if (reading.percentSign) parser.percentSignSeen();
    let series: string | number = '';
    if (gpu >= 0) {
      const g0 = skipBlanks(b, starts[gpu] as number, ends[gpu] as number);
      series = seriesKeyBytes(b, g0, trimEnd(b, g0, ends[gpu] as number));
    }
    const number = ++sink.number;
    counts.currentLine = number;
    emit(t, v, series);
    const rows = ++counts.dataRows;
    if (sink.progress !== undefined && (rows & (PROGRESS_EVERY - 1)) === 0) sink.progress(rows);
  }
}

/** The row loop of readRows over bytes: lines split on \n (CR dropped), blank lines skipped. */
export async function readRowsFromBytes(
  bytes: AsyncIterable<Buffer>,
  file: string,
  parser: FastCsvUtilization,
  emit: Emit,
  counts: RowCounts,
  progress?: ProgressHook,
): Promise<{ lines: number; held: boolean }> {
  let everHeld = false;
  // A quoted field may hold line breaks (RFC 4180): a line whose quotes do not pair up is held
  // and joined with the next ones, numbered as its first line — as csvRecords does for the
  // string path, with its limit: past it, or at the end, an open quote is a stray one and the
  // held lines go on one by one.
  let held: Buffer[] = [];
  let heldNumber = 0;
  let heldQuotes = 0;
  const releaseHeld = (): void => {
    const lines = held;
    held = [];
    heldQuotes = 0;
    lines.forEach((h, i) => record(h, heldNumber + i));
  };
  const quotesIn = (b: Uint8Array, start: number, end: number): number => {
    let n = 0;
    for (let i = start; i < end; i++) if (b[i] === QUOTE) n++;
    return n;
  };
  // Quotes are looked for once per chunk: most exports have none, and then no line is scanned
  // for them.
  const line = (b: Uint8Array, start: number, end: number, chunkQuoted = true): void => {
    const number = ++sink.number;
    if (end > start && b[end - 1] === RETURN) end--;
    const q = chunkQuoted ? quotesIn(b, start, end) : 0;
    if (held.length > 0 || q % 2 === 1) {
      everHeld = true;
      if (held.length === 0) heldNumber = number;
      held.push(Buffer.from(b.subarray(start, end)));
      heldQuotes += q;
      if (heldQuotes % 2 === 0) {
        const joined = Buffer.from(held.map((h) => h.toString('latin1')).join('\n'), 'latin1');
        held = [];
        heldQuotes = 0;
        record(joined, heldNumber);
      } else if (held.length >= MAX_RECORD_LINES) releaseHeld();
      return;
    }
    record(b, number, start, end, q > 0);
  };
  const record = (b: Uint8Array, at: number, start = 0, end = b.length, quoted = true): void => {
    if (skipBlanks(b, start, end) === end) return;
    counts.currentLine = at;
    const outcome = parser.accept(b, start, end, at, emit, quoted);
    if (outcome === 'skip') return;
    if (outcome === 'ok') counts.dataRows++;
    else if (outcome === 'unavailable') {
      counts.dataRows++;
      counts.unavailableRows++;
    } else countBad(counts, outcome, at);
    if (progress !== undefined && (counts.dataRows & (PROGRESS_EVERY - 1)) === 0) progress(counts.dataRows);
  };
  const sink: RunSink = { counts, progress, number: 0, other: (b, start, end) => line(b, start, end, false) };
  let carry: Buffer | null = null;
  for await (const chunk of bytes) {
    let pos = 0;
    if (carry !== null) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl === -1) {
        carry = Buffer.concat([carry, chunk]);
        if (carry.length > MAX_LINE_CHARS) throw lineTooLong(file, sink.number + 1);
        continue;
      }
      const joined = Buffer.concat([carry, chunk.subarray(0, nl)]);
      line(joined, 0, joined.length);
      pos = nl + 1;
      carry = null;
    }
    const chunkQuoted = chunk.indexOf(QUOTE, pos) !== -1;
    const lastNewline = chunk.lastIndexOf(NEWLINE);
    if (!chunkQuoted && held.length === 0 && lastNewline >= pos) {
      acceptRun(parser, chunk, pos, lastNewline + 1, emit, sink);
      pos = lastNewline + 1;
    } else {
      for (let nl = chunk.indexOf(NEWLINE, pos); nl !== -1; nl = chunk.indexOf(NEWLINE, pos)) {
        line(chunk, pos, nl, chunkQuoted);
        pos = nl + 1;
      }
    }
    if (pos < chunk.length) carry = Buffer.from(chunk.subarray(pos));
  }
  if (carry !== null) line(carry, 0, carry.length);
  releaseHeld();
  return { lines: sink.number, held: everHeld };
}
