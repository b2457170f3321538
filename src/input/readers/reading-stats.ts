/**
 * What a utilization reader notes of every sample besides the collector's bookkeeping: that its
 * time is in range (else the input is refused at that line), the largest value and its line (to
 * refuse a value above 100 %), and how many values look like fractions (to warn of mixed units).
 */
import { InputError } from '../../errors.js';
import { inTimeRange, TIME_RANGE_TEXT } from '../../model/time/time-range.js';
import type { Emit, RowCounts } from './row-reader.js';
import { BAD_ROW_EXAMPLES } from './row-reader.js';
import type { SampleCollector } from './sample-collector.js';

export interface ReadingStatsState {
  max: { value: number; line: number | null };
  fractional: number;
  firstFractional: number | null;
}

export class ReadingStats {
  max: { value: number; line: number | null } = { value: -Infinity, line: null };
  /** Values between 0 and 1 that are not whole: fractions, if the file turns out to be in percent. */
  fractional = 0;
  firstFractional: number | null = null;

  constructor(
    private readonly file: string,
    private readonly counts: RowCounts,
    private readonly collector: SampleCollector,
  ) {}

  readonly emit: Emit = (t, v, series) => {
    // Every format's times pass here (the byte path and Prometheus parse their own).
    if (!inTimeRange(t)) {
      throw new InputError({
        file: this.file,
        line: this.counts.currentLine ?? undefined,
        message: `a time ${TIME_RANGE_TEXT} was expected; this one is ${Number.isFinite(t) && Math.abs(t) < 8.64e15 ? new Date(t).toISOString().slice(0, 10) : 'out of any calendar'}`,
      });
    }
    if (v > this.max.value) this.max = { value: v, line: this.counts.currentLine };
    if (v > 0 && v < 1) {
      this.fractional++;
      this.firstFractional ??= this.counts.currentLine;
    }
    this.collector.add(t, v, series);
  };

  export(): ReadingStatsState {
    return { max: this.max, fractional: this.fractional, firstFractional: this.firstFractional };
  }

  /** The notes of the input's next part, whose lines are numbered from 1 after `lines` of this part's. */
  absorb(next: ReadingStatsState, lines: number): void {
    const shift = (line: number | null): number | null => (line === null ? null : line + lines);
    // The first line with the largest value, as one pass keeps it.
    if (next.max.value > this.max.value) this.max = { value: next.max.value, line: shift(next.max.line) };
    this.fractional += next.fractional;
    this.firstFractional ??= shift(next.firstFractional);
  }
}

/** The counts of the input's next part, whose lines are numbered from 1 after `lines` of this part's. */
export function absorbCounts(counts: RowCounts, next: RowCounts, lines: number): void {
  counts.dataRows += next.dataRows;
  counts.badRows += next.badRows;
  counts.unavailableRows += next.unavailableRows;
  for (const e of next.badExamples) {
    if (counts.badExamples.length >= BAD_ROW_EXAMPLES) break;
    counts.badExamples.push({ ...e, line: e.line === null ? null : e.line + lines });
  }
  counts.currentLine = next.currentLine === null ? counts.currentLine : next.currentLine + lines;
}
