/**
 * Utilization from CSV or TSV: the generic `timestamp,utilization[,gpu]` layout with columns
 * found by name (or named in the scenario), and nvidia-smi's `--query-gpu=… --format=csv`
 * exports in any column order, with or without `noheader,nounits`.
 */
import { excerpt, InputError } from '../../errors.js';
import { parseTimestamp } from './parse-timestamp.js';
import { TIME_RANGE_TEXT } from '../../model/time/time-range.js';
import { splitFields, type Field } from './csv-fields.js';
import { parseReading } from './reading.js';
import { seriesKeyOf, type Emit, type RowOutcome, type RowParser } from './row-reader.js';
import type { NumberedLine } from './text-source.js';

export type ColumnRef = string | number;

export interface CsvUtilizationOptions {
  dialect: 'csv' | 'nvidia-smi';
  file: string;
  timeZone: string;
  timestampColumn?: ColumnRef | undefined;
  valueColumn?: ColumnRef | undefined;
  gpuColumn?: ColumnRef | undefined;
  /** For files without a header: the column names in order (nvidia-smi: the --query-gpu list). */
  columns?: string[] | undefined;
}

const TIME = /^(timestamp|time|ts|t|date|datetime)$/i;
const UTIL = /util/i;
const GPU = /^(gpu|gpu_?id|gpu_?index|index|uuid|gpu_?uuid|device|pci\.bus_id)$/i;

/** nvidia-smi writes `utilization.gpu [%]`; the name is the part before the unit. */
const bareName = (header: string): string => header.replace(/\s*\[[^\]]*\]\s*$/, '').trim();

interface Columns {
  time: number;
  value: number;
  gpu: number;
  names: string[];
}

/**
 * The header's names as a message may repeat them, when they look like column names. A first
 * line that does not (a passwd entry, an environment dump) is not echoed: it may hold secrets.
 */
function headerHas(names: readonly string[]): string {
  const columnLike = names.every((n) => /^[\p{L}\p{N} _.\-()[\]%#]{0,60}$/u.test(n));
  return columnLike
    ? `the header has: ${excerpt(names.join(', '), 80)}`
    : 'the first line does not look like a CSV header';
}

export class CsvUtilizationParser implements RowParser {
  private columns: Columns | null = null;
  private headerText: string | null = null;
  private delimiter = ',';
  percentSignSeen = false;

  constructor(private readonly o: CsvUtilizationOptions) {}

  /** Column positions and delimiter once the first line is read (for the byte fast path). */
  get layout(): { time: number; value: number; gpu: number; delimiter: number } | null {
    return this.columns === null ? null : { ...this.columns, delimiter: this.delimiter.charCodeAt(0) };
  }

  accept(line: NumberedLine, emit: Emit): RowOutcome {
    if (this.columns === null) {
      this.delimiter = line.text.includes('\t') && !line.text.includes(',') ? '\t' : ',';
      const fields = splitFields(line.text, this.delimiter);
      const isData =
        parseTimestamp(fields[0]?.value ?? '', this.o.timeZone) !== null ||
        fields.some(
          (f) => parseTimestamp(f.value, this.o.timeZone) !== null && /\d{4}[-/]\d{2}[-/]\d{2}/.test(f.value),
        );
      if (isData) {
        this.columns = this.positional(fields.length, line.number);
      } else {
        this.columns = this.byName(
          fields.map((f) => bareName(f.value)),
          line.number,
        );
        this.headerText = line.text;
        return 'skip';
      }
    }
    if (line.text === this.headerText) return 'skip'; // a header repeated by a concatenated export
    const fields = splitFields(line.text, this.delimiter);
    const c = this.columns;
    const tField = fields[c.time];
    const vField = fields[c.value];
    if (tField === undefined || vField === undefined) {
      return {
        column: line.text.length + 1,
        message: `expected at least ${Math.max(c.time, c.value) + 1} fields, found ${fields.length}`,
      };
    }
    const t = parseTimestamp(tField.value, this.o.timeZone);
    if (t === null) {
      return {
        column: tField.column,
        field: c.names[c.time],
        message: `cannot read "${excerpt(tField.value)}" as a time; expected ISO 8601, YYYY-MM-DD HH:MM:SS (or nvidia-smi's YYYY/MM/DD HH:MM:SS.mmm) in ${this.o.timeZone}, or epoch seconds, ${TIME_RANGE_TEXT}`,
      };
    }
    const reading = parseReading(vField.value);
    if (reading === 'unavailable') return 'unavailable';
    if (reading === null || reading.value < 0) {
      return {
        column: vField.column,
        field: c.names[c.value],
        message: `expected a utilization ≥ 0 (0.63 or 63 or 63 %), got "${excerpt(vField.value)}"`,
      };
    }
    if (reading.percentSign) this.percentSignSeen = true;
    const gpu = c.gpu >= 0 ? seriesKeyOf((fields[c.gpu] as Field | undefined)?.value ?? '') : '';
    emit(t, reading.value, gpu);
    return 'ok';
  }

  private resolve(
    ref: ColumnRef | undefined,
    names: string[],
    pattern: RegExp | null,
    what: string,
    line: number,
  ): number {
    if (typeof ref === 'number') return ref - 1;
    if (ref !== undefined) {
      const i = names.findIndex((n) => n.toLowerCase() === ref.toLowerCase());
      if (i < 0)
        throw new InputError({
          file: this.o.file,
          line,
          message: `no column named "${ref}" (${what}); ${headerHas(names)}`,
        });
      return i;
    }
    return pattern === null ? -1 : names.findIndex((n) => pattern.test(n));
  }

  private byName(names: string[], line: number): Columns {
    const nvidia = this.o.dialect === 'nvidia-smi' || names.includes('utilization.gpu');
    const time = this.resolve(this.o.timestampColumn, names, TIME, 'timestampColumn', line);
    const value = this.resolve(this.o.valueColumn, names, nvidia ? /^utilization\.gpu$/ : UTIL, 'valueColumn', line);
    const gpu = this.resolve(this.o.gpuColumn, names, GPU, 'gpuColumn', line);
    if (time < 0 || value < 0) {
      throw new InputError({
        file: this.o.file,
        line,
        column: 1,
        message: nvidia
          ? `the nvidia-smi export needs the timestamp and utilization.gpu fields (--query-gpu=timestamp,index,utilization.gpu); ${headerHas(names)}`
          : `expected a header with a timestamp and a utilization column (e.g. "timestamp,utilization"), or name them (timestampColumn and valueColumn in a scenario, --time-column and --value-column with inspect); ${headerHas(names)}`,
      });
    }
    return { time, value, gpu, names };
  }

  private positional(fieldCount: number, line: number): Columns {
    const names = this.o.columns?.map(bareName);
    if (names !== undefined) return this.byName(names, line);
    if (this.o.dialect === 'nvidia-smi' && fieldCount > 2) {
      throw new InputError({
        file: this.o.file,
        line,
        message:
          'an nvidia-smi export without a header (noheader): name its columns with utilization.columns, the list given to --query-gpu, e.g. columns: "timestamp,index,utilization.gpu"',
      });
    }
    const pos = (ref: ColumnRef | undefined, fallback: number): number =>
      typeof ref === 'number' ? ref - 1 : fallback;
    if (typeof this.o.timestampColumn === 'string' || typeof this.o.valueColumn === 'string') {
      throw new InputError({
        file: this.o.file,
        line,
        message:
          'the file has no header, so columns cannot be found by name: give timestampColumn and valueColumn as column numbers (1 = first)',
      });
    }
    return {
      time: pos(this.o.timestampColumn, 0),
      value: pos(this.o.valueColumn, 1),
      gpu: typeof this.o.gpuColumn === 'number' ? this.o.gpuColumn - 1 : -1,
      names: ['timestamp', 'utilization', 'gpu'],
    };
  }
}
