/**
 * Utilization straight from a Prometheus-compatible store (Prometheus, Thanos, Mimir, Cortex,
 * VictoriaMetrics): the store reduces the samples to one fleet value per hour —
 * `avg(avg_over_time(DCGM_FI_DEV_GPU_UTIL{selector}[1h]))` at a 1-hour step by default — and
 * the tool reads about 24 points a day instead of every sample. A value at T is the mean over
 * (T − 1 h, T]: it is the hour that starts at T − 1 h. The range is asked in pieces the server
 * accepts (at most 11,000 points each), each with a time-out and retried on 429 and 5xx.
 */
import { InputError, excerpt } from '../../errors.js';
import { MS_PER_HOUR } from '../../model/units.js';
import { readPrometheusJson } from './prometheus-json.js';
import { unitOfName } from './reading.js';
import { ReadingStats } from './reading-stats.js';
import { emptyCounts } from './row-reader.js';
import { SampleCollector } from './sample-collector.js';

export interface PrometheusApiSource {
  url: string;
  selector?: string | undefined;
  query?: string | undefined;
  /** Header values, or the environment variable that holds one. */
  headers?: Record<string, string | { env: string }> | undefined;
}

/** The bearer token for the store, from the environment. */
export const TOKEN_VARIABLE = 'PLACEMENT_PROMETHEUS_TOKEN';

export interface PrometheusApiOptions {
  /** The window's hours: the last complete hour ending at or before `now`, `hours` of them. */
  now: number;
  hours: number;
  unit: 'auto' | 'percent' | 'fraction';
  /** Where the token and the named header values come from. */
  env: Readonly<Record<string, string | undefined>>;
  /** For tests: the fetch to use. */
  fetch?: typeof fetch;
  /** Milliseconds to wait for one answer; and between tries (doubling). */
  timeoutMs?: number;
  retryMs?: number;
}

export interface PrometheusApiRead {
  collector: SampleCollector;
  /** Points read, over all pieces. */
  points: number;
  unit: 'percent' | 'fraction';
  /** GPUs seen in the window (the default query's count); null for a query of one's own. */
  gpus: number | null;
  /** The server's warnings and partial answers, as it words them. */
  notes: string[];
}

export const DEFAULT_METRIC = 'DCGM_FI_DEV_GPU_UTIL';
/** Prometheus refuses a range of more than 11,000 points per series. */
const MAX_POINTS = 11_000;
const TRIES = 3;
/** An answer larger than this is not an hourly fleet series. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

export const defaultQuery = (selector = ''): string => `avg(avg_over_time(${DEFAULT_METRIC}{${selector}}[1h]))`;
const countQuery = (selector = ''): string => `count(count_over_time(${DEFAULT_METRIC}{${selector}}[1h]))`;

/** The store's address as messages and reports name it: no credentials, no query string. */
export function storeLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/$/, '')}`;
  } catch {
    return excerpt(url, 60);
  }
}

/** The unit a query's metric names say (DCGM's _UTIL are percent, a _ratio a fraction); null when they do not. */
export function unitOfQuery(query: string): 'percent' | 'fraction' | null {
  const names = query.match(/[A-Za-z_:][A-Za-z0-9_:]*/g) ?? [];
  // Function names (avg, avg_over_time) say no unit; the metrics' names must agree.
  const units = new Set(names.map(unitOfName).filter((u) => u !== null));
  return units.size === 1 ? [...units][0]! : null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An answer's body, refused past MAX_ANSWER_BYTES (read as it comes, never held whole beyond that). */
async function boundedText(r: Response, label: string): Promise<string> {
  const tooLarge = () =>
    new InputError({
      file: label,
      message: `an answer of more than ${MAX_ANSWER_BYTES >> 20} MiB is not an hourly series`,
    });
  if (Number(r.headers.get('content-length') ?? 0) > MAX_ANSWER_BYTES) throw tooLarge();
  if (r.body === null) return '';
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    if (bytes > MAX_ANSWER_BYTES) throw tooLarge();
    parts.push(decoder.decode(chunk, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * The request's headers: a token from PLACEMENT_PROMETHEUS_TOKEN as a bearer, and the scenario's
 * headers, each given or taken from the environment variable it names.
 */
export function storeHeaders(source: PrometheusApiSource, env: PrometheusApiOptions['env']): Record<string, string> {
  const label = storeLabel(source.url);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const token = env[TOKEN_VARIABLE];
  if (token !== undefined && token !== '') headers.authorization = `Bearer ${token}`;
  for (const [name, value] of Object.entries(source.headers ?? {})) {
    if (typeof value === 'string') {
      headers[name] = value;
      continue;
    }
    const v = env[value.env];
    if (v === undefined || v === '')
      throw new InputError({
        file: label,
        field: `workload.utilization.prometheus.headers.${name}`,
        message: `the environment has no ${value.env} to send as ${name}`,
      });
    if (/[\r\n]/.test(v))
      throw new InputError({ file: label, message: `${value.env} holds a line break: not a header value` });
    headers[name] = v;
  }
  return headers;
}

/** One range query's answer, as text, tried again on 429, 5xx and network failures. */
async function ask(
  o: PrometheusApiOptions,
  source: PrometheusApiSource,
  query: string,
  startS: number,
  endS: number,
): Promise<string> {
  const label = storeLabel(source.url);
  const endpoint = `${source.url.replace(/\/$/, '')}/api/v1/query_range`;
  const body = new URLSearchParams({ query, start: String(startS), end: String(endS), step: '3600' });
  const doFetch = o.fetch ?? fetch;
  let wait = o.retryMs ?? 500;
  let last = '';
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    let status = 0;
    try {
      const r = await doFetch(endpoint, {
        method: 'POST',
        body,
        headers: storeHeaders(source, o.env),
        signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
      });
      status = r.status;
      const text = await boundedText(r, label);
      if (status === 429 || status >= 500) last = `HTTP ${status}`;
      else if (status === 401 || status === 403)
        throw new InputError({
          file: label,
          message: `the store refused the query (HTTP ${status}): it needs credentials`,
        });
      else if (status >= 400 && !text.trimStart().startsWith('{'))
        throw new InputError({ file: label, message: `the store answered HTTP ${status}: ${excerpt(text, 120)}` });
      else return text;
    } catch (err) {
      if (err instanceof InputError) throw err;
      const e = err as Error & { cause?: { code?: string; message?: string } };
      last = e.name === 'TimeoutError' ? 'no answer in time' : (e.cause?.code ?? e.cause?.message ?? e.message);
    }
    if (attempt < TRIES) {
      await sleep(wait);
      wait *= 2;
    }
  }
  throw new InputError({
    file: label,
    message: `cannot read from the store: ${excerpt(last, 120)} (after ${TRIES} tries)`,
  });
}

/** The hourly fleet series of the window, read through the store's query_range API. */
export async function readPrometheusApi(
  source: PrometheusApiSource,
  o: PrometheusApiOptions,
): Promise<PrometheusApiRead> {
  const label = storeLabel(source.url);
  const query = source.query ?? defaultQuery(source.selector);
  const byName = unitOfQuery(query);
  const unit = o.unit !== 'auto' ? o.unit : byName;
  if (unit === null) {
    throw new InputError({
      file: label,
      field: 'workload.utilization.unit',
      message:
        'the query’s metric does not say its unit (…_UTIL is percent, …_ratio a fraction): set unit: percent or fraction',
    });
  }
  // Right edges of the window's hours, in seconds: the last complete hour, and `hours` back.
  const end = Math.floor(o.now / MS_PER_HOUR) * 3600;
  const first = end - (o.hours - 1) * 3600;
  const collector = new SampleCollector();
  const counts = emptyCounts();
  const stats = new ReadingStats(label, counts, collector);
  // A value at T is the hour (T − 1 h, T]: it is filed under the hour that starts at T − 1 h.
  const hourly = (t: number, v: number, series: string | number) => stats.emit(t - MS_PER_HOUR, v, series);
  const notes: string[] = [];
  let gpus: number | null = source.query === undefined ? 0 : null;
  let series = 0;
  for (let from = first; from <= end; from += MAX_POINTS * 3600) {
    const to = Math.min(end, from + (MAX_POINTS - 1) * 3600);
    // The fleet's hours and its GPU count are asked together: two queries in flight at most.
    const [answer, countAnswer] = await Promise.all([
      ask(o, source, query, from, to),
      gpus === null ? null : ask(o, source, countQuery(source.selector), from, to),
    ]);
    const read = await readPrometheusJson(oneChunk(answer), label, hourly, counts);
    series = Math.max(series, read.series);
    notes.push(...warningsIn(answer));
    if (countAnswer !== null) {
      await readPrometheusJson(
        oneChunk(countAnswer),
        label,
        (_t, v) => {
          gpus = Math.max(gpus as number, v);
        },
        emptyCounts(),
      );
    }
  }
  if (series === 0 || collector.samples === 0) {
    throw new InputError({
      file: label,
      message: `the query returned no series over the window: ${excerpt(query, 120)} (check the metric and the selector)`,
    });
  }
  const limit = unit === 'percent' ? 100 : 1;
  if (stats.max.value > limit) {
    throw new InputError({
      file: label,
      message: `a value of ${stats.max.value} is above ${unit === 'percent' ? '100 %' : '1'}: the query is not utilization in ${unit}`,
    });
  }
  return { collector, points: collector.samples, unit, gpus, notes: [...new Set(notes)].slice(0, 5) };
}

async function* oneChunk(text: string): AsyncGenerator<string> {
  yield text;
}

/** `warnings` and `isPartial` of an answer, which the JSON reader does not keep. */
function warningsIn(answer: string): string[] {
  if (!answer.includes('"warnings"') && !answer.includes('"isPartial"')) return [];
  try {
    const a = JSON.parse(answer) as { warnings?: unknown; isPartial?: unknown; data?: { isPartial?: unknown } };
    const w = Array.isArray(a.warnings) ? a.warnings.map((x) => excerpt(String(x), 160)) : [];
    if (a.isPartial === true || a.data?.isPartial === true) w.push('the answer holds part of the data (isPartial)');
    return w.slice(0, 5);
  } catch {
    return [];
  }
}
