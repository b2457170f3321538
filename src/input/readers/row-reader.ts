/**
 * The loop every line-based reader shares: feed each line to a format's parser, count data rows
 * and bad rows, keep the first few bad rows with their line numbers, and refuse an input whose
 * bad share is over the tolerance rather than average over garbage.
 */
import type { Warning } from '../../model/warning.js';
import { InputError, type InputProblem } from '../../errors.js';
import type { NumberedLine } from './text-source.js';

/** What a parser says of a row it could not read. */
export interface RowProblem {
  column?: number | undefined;
  field?: string | undefined;
  message: string;
}

/** 'ok': a data row read; 'skip': not a data row (header, comment, other metric); 'unavailable': a data row with no reading ([N/A]). */
export type RowOutcome = 'ok' | 'skip' | 'unavailable' | RowProblem;

/** `series` names the GPU: a small integer index as a number, anything else as text (see seriesKeyOf). */
export type Emit = (epochMs: number, value: number, series: string | number) => void;

/** The one normal form of a GPU column's value, shared by the string and byte parsers. */
export function seriesKeyOf(text: string): string | number {
  return /^\d{1,9}$/.test(text) ? Number(text) : text;
}

export interface RowParser {
  accept(line: NumberedLine, emit: Emit): RowOutcome;
}

export const BAD_ROW_EXAMPLES = 5;

export interface RowCounts {
  /** The line being read, so that a sample can be traced back to it. */
  currentLine: number | null;
  dataRows: number;
  badRows: number;
  unavailableRows: number;
  badExamples: Array<RowProblem & { line: number | null; location?: string }>;
}

export function emptyCounts(): RowCounts {
  return { currentLine: null, dataRows: 0, badRows: 0, unavailableRows: 0, badExamples: [] };
}

/** Count one bad row, keeping the first few as examples. */
export function countBad(counts: RowCounts, problem: RowProblem, line: number | null, location?: string): void {
  counts.dataRows++;
  counts.badRows++;
  if (counts.badExamples.length < BAD_ROW_EXAMPLES)
    counts.badExamples.push({ ...problem, line, ...(location && { location }) });
}

/** The warning for bad rows left out under the tolerance: how many, and the first one. */
export function badRowsWarning(file: string, c: Pick<RowCounts, 'badRows' | 'dataRows' | 'badExamples'>): Warning {
  const first = c.badExamples[0];
  return {
    code: 'bad-rows-skipped',
    args: {
      file,
      badRows: c.badRows,
      rows: c.dataRows,
      firstLine: first?.line ?? null,
      firstMessage: first?.message ?? null,
    },
  };
}

/** Progress for long reads: called now and then with the rows read so far. */
export type ProgressHook = (rows: number) => void;
const PROGRESS_EVERY = 65_536;

export async function readRows(
  lines: AsyncIterable<NumberedLine>,
  parser: RowParser,
  emit: Emit,
  counts: RowCounts,
  progress?: ProgressHook,
): Promise<void> {
  for await (const line of lines) {
    counts.currentLine = line.number;
    const outcome = parser.accept(line, emit);
    if (outcome === 'skip') continue;
    if (outcome === 'ok') counts.dataRows++;
    else if (outcome === 'unavailable') {
      counts.dataRows++;
      counts.unavailableRows++;
    } else countBad(counts, outcome, line.number);
    if (progress !== undefined && (counts.dataRows & (PROGRESS_EVERY - 1)) === 0) progress(counts.dataRows);
  }
}

/**
 * docs/model.md is silent; an analyst expects this: more than `maxBadFraction` of the data rows bad is
 * an input error listing the first bad rows; below it, the bad rows are left out and reported.
 */
export function checkBadRows(counts: RowCounts, file: string, maxBadFraction: number): void {
  if (counts.badRows === 0) return;
  const share = counts.badRows / counts.dataRows;
  if (share <= maxBadFraction) return;
  const examples: InputProblem[] = counts.badExamples.map((b) => ({
    file,
    line: b.line ?? undefined,
    column: b.column,
    field: b.field ?? b.location,
    message: b.message,
  }));
  const more = counts.badRows - examples.length;
  throw new InputError([
    ...examples,
    {
      file,
      message: `${counts.badRows} of ${counts.dataRows} rows cannot be read (${(share * 100).toFixed(2)} %, above the ${(maxBadFraction * 100).toFixed(2)} % tolerance)${more > 0 ? `; ${more} more not shown` : ''}. Fix the rows, or raise maxBadRowFraction (or --max-bad-rows) to leave them out`,
    },
  ]);
}
