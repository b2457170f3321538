/**
 * A Prometheus HTTP API answer: `query_range` (`resultType: matrix`, `values: [[t, "v"], …]` per
 * series) or `query` (`vector`, one `value` per series), one series per GPU or one already
 * aggregated fleet series. Parsed as a stream: memory does not grow with the points.
 */
import { JSONParser } from '@streamparser/json';
import { excerpt, InputError } from '../../errors.js';
import { seriesKey } from './prometheus-text.js';
import { parseReading } from './reading.js';
import { countBad, type Emit, type ProgressHook, type RowCounts } from './row-reader.js';
import { ValuesSplitter } from './prometheus-values.js';

interface StackEntry {
  key?: string | number | undefined;
}

export interface PrometheusJsonResult {
  resultType: string | null;
  series: number;
  /** The metric names (`__name__`) of the series; empty when the query aggregated them away. */
  metricNames: string[];
  /** The answer's `warnings`, and a note when it says it holds part of the data (`isPartial`). */
  notes: string[];
}

const MAX_NOTES = 5;

export async function readPrometheusJson(
  chunks: AsyncIterable<string>,
  file: string,
  emit: Emit,
  counts: RowCounts,
  progress?: ProgressHook,
  /** Read the points of range queries with the splitter (false: all through the generic parser, as tests compare). */
  split = true,
): Promise<PrometheusJsonResult> {
  const parser = new JSONParser({
    paths: [
      '$.status',
      '$.error',
      '$.data.resultType',
      '$.data.result.*.metric',
      '$.data.result.*.values.*',
      '$.data.result.*.value',
      '$.warnings.*',
      '$.isPartial',
      '$.data.isPartial',
    ],
    keepStack: false,
  });
  let status: string | null = null;
  let error: string | null = null;
  let resultType: string | null = null;
  const keys = new Map<number, string>();
  const names = new Set<string>();
  const notes = new Set<string>();

  const point = (value: unknown, location: string, seriesIndex: number): void => {
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'number' || typeof value[1] !== 'string') {
      countBad(counts, { message: 'expected a [unix seconds, "value"] pair' }, null, location);
      return;
    }
    counts.dataRows++;
    const reading = parseReading(value[1]);
    if (reading === 'unavailable') {
      counts.unavailableRows++;
      return;
    }
    if (reading === null || reading.value < 0) {
      counts.dataRows--;
      countBad(counts, { message: `expected a utilization ≥ 0, got "${excerpt(String(value[1]))}"` }, null, location);
      return;
    }
    sample(Math.round(value[0] * 1000), reading.value, seriesIndex);
  };
  // The series' key, looked up once for a run of its points.
  let lastIndex = -1;
  let lastKey: string = '';
  const sample = (epochMs: number, value: number, seriesIndex: number): void => {
    if (seriesIndex !== lastIndex) {
      lastKey = keys.get(seriesIndex) ?? `#${seriesIndex}`;
      lastIndex = seriesIndex;
    }
    emit(epochMs, value, lastKey);
    if (progress !== undefined && (counts.dataRows & 65535) === 0) progress(counts.dataRows);
  };

  parser.onValue = ({ value, key, stack }) => {
    const path = (stack as StackEntry[]).map((s) => s.key);
    if (path.length === 1 && key === 'status') status = String(value);
    else if (path.length === 1 && key === 'error') error = String(value);
    else if (key === 'resultType') resultType = String(value);
    else if (key === 'isPartial') {
      if (value === true) notes.add('the answer holds part of the data (isPartial)');
    } else if (path.length === 2 && path[1] === 'warnings') {
      if (notes.size < MAX_NOTES) notes.add(excerpt(String(value), 160));
    } else {
      const seriesIndex = Number(path[3]);
      if (key === 'metric') {
        const labels = value as Record<string, string>;
        if (typeof labels.__name__ === 'string') names.add(labels.__name__);
        keys.set(seriesIndex, seriesKey(new Map(Object.entries(labels))));
        lastIndex = -1;
      } else if (key === 'value') point(value, `data.result[${seriesIndex}].value`, seriesIndex);
      else point(value, `data.result[${seriesIndex}].values[${String(key)}]`, seriesIndex);
    }
  };
  // The points of range queries are read by the splitter; the generic parser reads the rest.
  const splitter = new ValuesSplitter(
    file,
    (text) => parser.write(text),
    (value, seriesIndex, index) => point(value, `data.result[${seriesIndex}].values[${index}]`, seriesIndex),
    (epochMs, value, seriesIndex) => {
      counts.dataRows++;
      sample(epochMs, value, seriesIndex);
    },
  );
  // Only what the parsers throw is the answer's fault: a failure of reading the chunks (a store's
  // connection lost mid-answer) is passed on as it is, to be tried again.
  const parsing = (write: () => void): void => {
    try {
      write();
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError({ file, message: `not a valid Prometheus API answer (JSON): ${(err as Error).message}` });
    }
  };
  for await (const chunk of chunks) parsing(() => (split ? splitter.feed(chunk) : parser.write(chunk)));
  parsing(() => {
    if (split) splitter.end();
    if (!parser.isEnded) parser.end();
  });
  if (status === 'error')
    throw new InputError({
      file,
      message: `the Prometheus query failed: ${error === null ? 'no error message' : excerpt(error, 160)}`,
    });
  if (resultType !== null && resultType !== 'matrix' && resultType !== 'vector') {
    throw new InputError({
      file,
      field: 'data.resultType',
      message: `"${excerpt(String(resultType))}" has no time series; run a range query (matrix) or an instant query (vector)`,
    });
  }
  if (resultType === null) {
    throw new InputError({
      file,
      message:
        'not a Prometheus API answer: expected {"status": "success", "data": {"resultType": "matrix", "result": […]}}',
    });
  }
  return { resultType, series: keys.size, metricNames: [...names], notes: [...notes] };
}
