/**
 * The plain utilization CSV: `timestamp,utilization`, with or without a header, one row per
 * sample (several rows with one timestamp are GPUs of the fleet and are averaged). Values are a
 * fraction or a percentage (a trailing % is allowed); `unit: auto` takes percent when any value
 * carries % or exceeds 1.
 */
import { InputError } from '../errors.js';
import { HourlyAccumulator, type HourlyPoint } from '../core/utilization/hourly-accumulator.js';
import { parseTimestamp } from '../time/parse-timestamp.js';
import { findColumn, splitFields, type Field } from './csv-fields.js';
import type { NumberedLine } from './line-source.js';

export type Unit = 'auto' | 'percent' | 'fraction';

export interface UtilizationRead {
  hours: HourlyPoint[];
  rows: number;
  unit: 'percent' | 'fraction';
  lateSamples: number;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export async function readUtilizationCsv(
  lines: AsyncIterable<NumberedLine>, file: string, timeZone: string, unit: Unit,
): Promise<UtilizationRead> {
  const acc = new HourlyAccumulator();
  let tCol = 0;
  let uCol = 1;
  let uName = 'utilization';
  let first = true;
  let sawPercentSign = false;
  let max = { value: -Infinity, line: 0, column: 0 };

  for await (const { text, number } of lines) {
    const fields = splitFields(text);
    if (first) {
      first = false;
      if (parseTimestamp(fields[0]?.value ?? '', timeZone) === null) {
        tCol = findColumn(fields, /^(timestamp|time|ts|t|date)$/i);
        uCol = findColumn(fields, /util/i);
        if (tCol < 0 || uCol < 0) {
          throw new InputError({
            file, line: number, column: 1,
            message: 'expected a header with a timestamp and a utilization column (e.g. "timestamp,utilization"), or data rows without a header',
          });
        }
        uName = (fields[uCol] as Field).value;
        continue;
      }
    }
    const tField = fields[tCol];
    const uField = fields[uCol];
    if (tField === undefined || uField === undefined) {
      throw new InputError({ file, line: number, column: text.length + 1, message: `expected at least ${Math.max(tCol, uCol) + 1} fields, found ${fields.length}` });
    }
    const t = parseTimestamp(tField.value, timeZone);
    if (t === null) {
      throw new InputError({
        file, line: number, column: tField.column, field: 'timestamp',
        message: `cannot read "${tField.value}" as a time; expected ISO 8601 (2026-01-01T00:00:00Z), YYYY-MM-DD HH:MM:SS in ${timeZone}, or epoch seconds`,
      });
    }
    const raw = uField.value.replace(/\s*%$/, '');
    if (raw !== uField.value) sawPercentSign = true;
    if (!NUMBER.test(raw) || Number(raw) < 0) {
      throw new InputError({ file, line: number, column: uField.column, field: uName, message: `expected a utilization ≥ 0 (a fraction such as 0.63 or a percentage such as 63), got "${uField.value}"` });
    }
    const value = Number(raw);
    if (value > max.value) max = { value, line: number, column: uField.column };
    acc.add(t, value);
  }

  if (acc.samples === 0) throw new InputError({ file, message: 'no utilization samples: the file has no data rows' });
  const resolved = unit !== 'auto' ? unit : sawPercentSign || max.value > 1 ? 'percent' : 'fraction';
  const limit = resolved === 'percent' ? 100 : 1;
  if (max.value > limit) {
    throw new InputError({
      file, line: max.line, column: max.column, field: uName,
      message: resolved === 'percent'
        ? `${max.value} is above 100 %; utilization is at most 100`
        : `${max.value} is above 1 but the unit is fraction; write 63 % as 0.63, or set unit: percent`,
    });
  }
  return { hours: acc.finish(resolved === 'percent' ? 0.01 : 1), rows: acc.samples, unit: resolved, lateSamples: acc.lateSamples };
}
