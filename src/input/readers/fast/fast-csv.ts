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
const PROGRESS_EVERY = 65_536;

function hasByte(b: Uint8Array, byte: number, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (b[i] === byte) return true;
  return false;
}

export class FastCsvUtilization {
  private readonly ts: TimestampBytes;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(
    private readonly slow: CsvUtilizationParser,
    timeZone: string,
  ) {
    this.ts = new TimestampBytes(timeZone);
  }

  private viaString(b: Uint8Array, start: number, end: number, number: number, emit: Emit): RowOutcome {
    const text = Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8');
    return this.slow.accept({ text, number }, emit);
  }

  private layout: { time: number; value: number; gpu: number; delimiter: number } | null = null;

  /** `quoted`: the line may hold a quote (the caller knows when its whole chunk holds none). */
  accept(
    b: Uint8Array,
    start: number,
    end: number,
    number: number,
    emit: Emit,
    quoted = hasByte(b, QUOTE, start, end),
  ): RowOutcome {
    const layout = (this.layout ??= this.slow.layout);
    if (layout === null || quoted) return this.viaString(b, start, end, number, emit);
    const need = Math.max(layout.time, layout.value, layout.gpu);
    const starts = this.starts;
    const ends = this.ends;
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
    const t = this.ts.parse(b, ts, trimEnd(b, ts, ends[layout.time] as number));
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

/** The row loop of readRows over bytes: lines split on \n (CR dropped), blank lines skipped. */
export async function readRowsFromBytes(
  bytes: AsyncIterable<Buffer>,
  file: string,
  parser: FastCsvUtilization,
  emit: Emit,
  counts: RowCounts,
  progress?: ProgressHook,
): Promise<void> {
  let number = 0;
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
    number++;
    if (end > start && b[end - 1] === RETURN) end--;
    const q = chunkQuoted ? quotesIn(b, start, end) : 0;
    if (held.length > 0 || q % 2 === 1) {
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
  let carry: Buffer | null = null;
  for await (const chunk of bytes) {
    let pos = 0;
    if (carry !== null) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl === -1) {
        carry = Buffer.concat([carry, chunk]);
        if (carry.length > MAX_LINE_CHARS) throw lineTooLong(file, number + 1);
        continue;
      }
      const joined = Buffer.concat([carry, chunk.subarray(0, nl)]);
      line(joined, 0, joined.length);
      pos = nl + 1;
      carry = null;
    }
    const chunkQuoted = chunk.indexOf(QUOTE, pos) !== -1;
    for (let nl = chunk.indexOf(NEWLINE, pos); nl !== -1; nl = chunk.indexOf(NEWLINE, pos)) {
      line(chunk, pos, nl, chunkQuoted);
      pos = nl + 1;
    }
    if (pos < chunk.length) carry = Buffer.from(chunk.subarray(pos));
  }
  if (carry !== null) line(carry, 0, carry.length);
  releaseHeld();
}
