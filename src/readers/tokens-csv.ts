/**
 * Token history (MODEL.md §6): daily totals (`timestamp,tokens`) or a per-request trace with
 * context and generated token counts (the public Azure LLM inference trace layout:
 * TIMESTAMP,ContextTokens,GeneratedTokens), summed per calendar day in the scenario's zone.
 */
import { InputError } from '../errors.js';
import { DailyTokenTotals, type DailyTotal } from '../core/signals/daily-token-totals.js';
import { parseTimestamp } from '../time/parse-timestamp.js';
import { findColumn, splitFields, type Field } from './csv-fields.js';
import type { NumberedLine } from './line-source.js';

export type TokenFormat = 'auto' | 'daily' | 'request-trace';

export interface TokensRead {
  days: DailyTotal[];
  rows: number;
  format: 'daily' | 'request-trace';
}

const COUNT = /^\d+(\.\d+)?$/;
const TIME = /^(timestamp|time|ts|date|day)$/i;
const PROMPT = /^(context|prompt|input)_?tokens$/i;
const GENERATED = /^(generated|completion|output)_?tokens$/i;
const TOTAL = /^(total_?)?tokens$/i;

export async function readTokensCsv(lines: AsyncIterable<NumberedLine>, file: string, timeZone: string, format: TokenFormat): Promise<TokensRead> {
  const totals = new DailyTokenTotals(timeZone);
  let columns: { time: number; counts: number[]; names: string[] } | null = null;
  let resolved: 'daily' | 'request-trace' = 'daily';

  for await (const { text, number } of lines) {
    const fields = splitFields(text);
    if (columns === null) {
      const time = findColumn(fields, TIME);
      const prompt = findColumn(fields, PROMPT);
      const generated = findColumn(fields, GENERATED);
      const total = findColumn(fields, TOTAL);
      const isTrace = prompt >= 0 && generated >= 0;
      resolved = format === 'auto' ? (isTrace ? 'request-trace' : 'daily') : format;
      const counts = resolved === 'request-trace' ? [prompt, generated] : [total];
      if (time < 0 || counts.some((c) => c < 0)) {
        throw new InputError({
          file, line: number, column: 1,
          message: resolved === 'request-trace'
            ? 'expected a request-trace header with a timestamp, context (prompt) token and generated token column, e.g. "TIMESTAMP,ContextTokens,GeneratedTokens"'
            : 'expected a header "timestamp,tokens" (daily totals) or "TIMESTAMP,ContextTokens,GeneratedTokens" (a request trace)',
        });
      }
      columns = { time, counts, names: counts.map((c) => (fields[c] as Field).value) };
      continue;
    }
    const tField = fields[columns.time];
    const t = tField === undefined ? null : parseTimestamp(tField.value, timeZone);
    if (t === null) {
      throw new InputError({ file, line: number, column: tField?.column ?? 1, field: 'timestamp', message: `cannot read "${tField?.value ?? ''}" as a time or date` });
    }
    let tokens = 0;
    columns.counts.forEach((c, i) => {
      const f = fields[c];
      if (f === undefined || !COUNT.test(f.value)) {
        throw new InputError({ file, line: number, column: f?.column ?? text.length + 1, field: columns?.names[i], message: `expected a token count ≥ 0, got "${f?.value ?? ''}"` });
      }
      tokens += Number(f.value);
    });
    totals.add(t, tokens);
  }
  if (totals.records === 0) throw new InputError({ file, message: 'no token rows: the file has a header but no data' });
  return { days: totals.finish(), rows: totals.records, format: resolved };
}
