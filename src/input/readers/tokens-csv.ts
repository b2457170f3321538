/**
 * Token history (docs/model.md): daily totals (`timestamp,tokens`) or a per-request trace with
 * context and generated token counts (the public Azure LLM inference trace layout:
 * TIMESTAMP,ContextTokens,GeneratedTokens), summed per calendar day in the scenario's zone.
 */
import { DailyTokenTotals, type DailyTotal } from '../../model/signals/daily-token-totals.js';
import { excerpt, InputError } from '../../errors.js';
import { parseTimestamp } from './parse-timestamp.js';
import { TIME_RANGE_TEXT } from '../../model/time/time-range.js';
import { findColumn, splitFields, type Field } from './csv-fields.js';
import {
  checkBadRows,
  emptyCounts,
  readRows,
  type Emit,
  type ProgressHook,
  type RowCounts,
  type RowOutcome,
  type RowParser,
} from './row-reader.js';
import { csvRecords, splitLines, type NumberedLine, type TextSource } from './text-source.js';

export type TokenFormat = 'auto' | 'daily' | 'request-trace';

export interface TokensRead {
  days: DailyTotal[];
  format: 'daily' | 'request-trace';
  counts: RowCounts;
}

const COUNT = /^\d+(\.\d+)?$/;
const TIME = /^(timestamp|time|ts|date|day)$/i;
const PROMPT = /^(context|prompt|input)_?tokens$/i;
const GENERATED = /^(generated|completion|output)_?tokens$/i;
const TOTAL = /^(total_?)?tokens$/i;

/** A header line a token history would have: a total, or a context/prompt token column. */
export function isTokenHeader(line: string): boolean {
  const fields = splitFields(line, line.includes('\t') && !line.includes(',') ? '\t' : ',');
  return findColumn(fields, TOTAL) >= 0 || findColumn(fields, PROMPT) >= 0;
}

/** Reads the header on the first line, then one day total or one request per row. */
/**
 * A quadrillion tokens in one row is far past any deployment (the largest serve trillions a
 * day); above it a count is a corrupted field, and at 400 digits it would be infinite.
 */
const MAX_TOKENS_PER_ROW = 1e15;

export class TokenCsvParser implements RowParser {
  private columns: { time: number; counts: number[]; names: string[] } | null = null;
  format: 'daily' | 'request-trace' = 'daily';
  private delimiter = ',';

  constructor(
    private readonly file: string,
    private readonly timeZone: string,
    private readonly requested: TokenFormat,
  ) {}

  accept(line: NumberedLine, emit: Emit): RowOutcome {
    if (this.columns === null) {
      this.delimiter = line.text.includes('\t') && !line.text.includes(',') ? '\t' : ',';
      const fields = splitFields(line.text, this.delimiter);
      const time = findColumn(fields, TIME);
      const prompt = findColumn(fields, PROMPT);
      const generated = findColumn(fields, GENERATED);
      const total = findColumn(fields, TOTAL);
      this.format =
        this.requested === 'auto' ? (prompt >= 0 && generated >= 0 ? 'request-trace' : 'daily') : this.requested;
      const counts = this.format === 'request-trace' ? [prompt, generated] : [total];
      if (time < 0 || counts.some((c) => c < 0)) {
        throw new InputError({
          file: this.file,
          line: line.number,
          column: 1,
          message:
            this.format === 'request-trace'
              ? 'expected a request-trace header with a timestamp, context (prompt) token and generated token column, e.g. "TIMESTAMP,ContextTokens,GeneratedTokens"'
              : 'expected a header "timestamp,tokens" (daily totals) or "TIMESTAMP,ContextTokens,GeneratedTokens" (a request trace)',
        });
      }
      this.columns = { time, counts, names: counts.map((c) => (fields[c] as Field).value) };
      return 'skip';
    }
    const c = this.columns;
    const fields = splitFields(line.text, this.delimiter);
    const tField = fields[c.time];
    const t = tField === undefined ? null : parseTimestamp(tField.value, this.timeZone);
    if (t === null)
      return {
        column: tField?.column ?? 1,
        field: 'timestamp',
        message: `cannot read "${excerpt(tField?.value ?? '')}" as a time or date ${TIME_RANGE_TEXT}`,
      };
    let tokens = 0;
    for (let i = 0; i < c.counts.length; i++) {
      const f = fields[c.counts[i] as number];
      if (f === undefined || !COUNT.test(f.value) || !(Number(f.value) <= MAX_TOKENS_PER_ROW)) {
        return {
          column: f?.column ?? line.text.length + 1,
          field: c.names[i],
          message: `expected a token count from 0 to 1e15, got "${excerpt(f?.value ?? '')}"`,
        };
      }
      tokens += Number(f.value);
    }
    emit(t, tokens, '');
    return 'ok';
  }
}

export async function readTokens(
  src: TextSource,
  timeZone: string,
  format: TokenFormat,
  maxBadRowFraction: number,
  progress?: ProgressHook,
): Promise<TokensRead> {
  const totals = new DailyTokenTotals(timeZone);
  const parser = new TokenCsvParser(src.label, timeZone, format);
  const counts = emptyCounts();
  await readRows(
    csvRecords(splitLines(src.chunks, src.label, true)),
    parser,
    (t, tokens) => totals.add(t, tokens),
    counts,
    progress,
  );
  checkBadRows(counts, src.label, maxBadRowFraction);
  if (totals.records === 0) throw new InputError({ file: src.label, message: 'no token rows: the file has no data' });
  return { days: totals.finish(), format: parser.format, counts };
}
