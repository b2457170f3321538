/**
 * Utilization straight from a Prometheus-compatible store (Prometheus, Thanos, Mimir, Cortex,
 * VictoriaMetrics): the store reduces the samples to one fleet value per hour —
 * `avg(avg_over_time(DCGM_FI_DEV_GPU_UTIL{selector}[1h]))` at a 1-hour step by default — and
 * the tool reads about 24 points a day instead of every sample. A value at T is the mean over
 * (T − step, T]: it is filed at T − step. The range is asked in pieces of whole hours the server
 * accepts (at most 11,000 points each), a few at a time, each answer read as it arrives, with a
 * time-out and tried again on 429, 5xx and lost connections.
 */
import { InputError, excerpt } from '../../errors.js';
import { MS_PER_HOUR } from '../../model/units.js';
import { readPrometheusJson } from './prometheus-json.js';
import { unitOfName } from './reading.js';
import { absorbCounts, ReadingStats, type ReadingStatsState } from './reading-stats.js';
import { emptyCounts, type RowCounts } from './row-reader.js';
import { SampleCollector, type CollectorState } from './sample-collector.js';
import { STEP_EXAMPLES, stepFitsHours, stepSeconds } from './store-step.js';
import { httpPost, postWithFetch, type StoreAnswer, type StorePost } from './store-http.js';

export interface PrometheusApiSource {
  url: string;
  selector?: string | undefined;
  query?: string | undefined;
  /** The query's resolution, `15s` … `1h` (a whole number of them in an hour); 1h by default. */
  step?: string | undefined;
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
  /** A CA certificate (PEM) to trust besides Node's roots, for a store with a certificate of its own. */
  ca?: string | undefined;
  /** Told as pieces of the range come in. */
  progress?: ((done: number, pieces: number, points: number) => void) | undefined;
  /** For tests: the fetch to use instead of node:http(s). */
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
  /** The query's step, in ms. */
  stepMs: number;
}

export const DEFAULT_METRIC = 'DCGM_FI_DEV_GPU_UTIL';
/** Prometheus refuses a range of more than 11,000 points per series. */
const MAX_POINTS = 11_000;
/** Pieces asked at once (each is two queries with the default): a store shares its queriers. */
const PIECES_AT_ONCE = 2;
const TRIES = 3;
/** An answer larger than this is not a series the tool can use (it is read as it arrives, never held). */
const MAX_ANSWER_BYTES = 256 * 1024 * 1024;
/** What of an answer that is no JSON is read to quote it. */
const MAX_ERROR_BYTES = 64 * 1024;

export const defaultQuery = (selector = '', step = '1h'): string =>
  `avg(avg_over_time(${DEFAULT_METRIC}{${selector}}[${step}]))`;
const countQuery = (selector = '', step = '1h'): string =>
  `count(count_over_time(${DEFAULT_METRIC}{${selector}}[${step}]))`;

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

const tooLarge = (label: string) =>
  new InputError({
    file: label,
    message: `an answer of more than ${MAX_ANSWER_BYTES >> 20} MiB is more than an hourly series needs: aggregate in the query`,
  });

/** An answer's text as it arrives, refused past `max` bytes. */
async function* boundedText(body: AsyncIterable<Uint8Array>, label: string, max: number): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let bytes = 0;
  for await (const chunk of body) {
    bytes += chunk.length;
    if (bytes > max) throw tooLarge(label);
    yield decoder.decode(chunk, { stream: true });
  }
  yield decoder.decode();
}

/** The start of an answer, to quote it. */
async function headOf(answer: StoreAnswer, label: string): Promise<string> {
  let text = '';
  try {
    for await (const part of boundedText(answer.body, label, Infinity)) {
      text += part;
      if (text.length >= MAX_ERROR_BYTES) break;
    }
  } catch {
    // The status says enough.
  }
  return text;
}

async function* oneChunk(text: string): AsyncGenerator<string> {
  yield text;
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

/** A TLS failure, worded for the one who can fix it; null for any other failure. */
function tlsProblem(code: string): string | null {
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'the store’s certificate is not for this host name';
  if (code === 'CERT_HAS_EXPIRED') return 'the store’s certificate has expired';
  if (/SELF_SIGNED|UNABLE_TO_GET_ISSUER|UNABLE_TO_VERIFY_LEAF/.test(code))
    return `the store’s certificate is not signed by a CA this machine trusts (${code}): give that CA as caFile (--ca-file with inspect)`;
  if (/^ERR_TLS_|^ERR_SSL_|CERT_/.test(code)) return `the store’s certificate cannot be verified (${code})`;
  return null;
}

interface Ask {
  o: PrometheusApiOptions;
  source: PrometheusApiSource;
  post: StorePost;
  stepS: number;
  /** Aborted when another piece failed: the rest is not needed. */
  stop: AbortSignal;
}

/**
 * One range query, its answer handed to `read` as it arrives; tried again on 429, 5xx and a
 * connection lost or timed out (`read` starts afresh each time: what a failed try read is dropped).
 */
async function ask<T>(
  a: Ask,
  query: string,
  startS: number,
  endS: number,
  read: (chunks: AsyncIterable<string>) => Promise<T>,
): Promise<T> {
  const { o, source } = a;
  const label = storeLabel(source.url);
  const endpoint = `${source.url.replace(/\/$/, '')}/api/v1/query_range`;
  const body = new URLSearchParams({
    query,
    start: String(startS),
    end: String(endS),
    step: String(a.stepS),
  }).toString();
  const headers = storeHeaders(source, o.env);
  let wait = o.retryMs ?? 500;
  let last = '';
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    const timeout = AbortSignal.timeout(o.timeoutMs ?? 30_000);
    try {
      const answer = await a.post(endpoint, body, headers, AbortSignal.any([timeout, a.stop]));
      const status = answer.status;
      if (status === 429 || status >= 500) {
        await headOf(answer, label);
        last = `HTTP ${status}`;
      } else if (status === 401 || status === 403)
        throw new InputError({
          file: label,
          message: `the store refused the query (HTTP ${status}): it needs credentials`,
        });
      else if (status >= 300 && status < 400)
        throw new InputError({
          file: label,
          message: `the store answered HTTP ${status}, moved to ${storeLabel(answer.header('location') ?? '?')}: use that address`,
        });
      else if (status >= 400) {
        // Prometheus words a query it refuses in a JSON error (400, 422); other servers in text.
        const text = await headOf(answer, label);
        if (!text.trimStart().startsWith('{'))
          throw new InputError({ file: label, message: `the store answered HTTP ${status}: ${excerpt(text, 120)}` });
        return await read(oneChunk(text));
      } else {
        if (Number(answer.header('content-length') ?? 0) > MAX_ANSWER_BYTES) throw tooLarge(label);
        return await read(boundedText(answer.body, label, MAX_ANSWER_BYTES));
      }
    } catch (err) {
      if (err instanceof InputError) throw err;
      if (a.stop.aborted) throw err;
      const e = err as Error & { code?: string; cause?: { code?: string; message?: string } };
      const code = e.code ?? e.cause?.code;
      const tls = code === undefined ? null : tlsProblem(code);
      if (tls !== null) throw new InputError({ file: label, message: tls });
      last = timeout.aborted ? 'no answer in time' : (code ?? e.cause?.message ?? e.message);
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

/** What one piece of the range gave, to be joined to the pieces before it. */
interface PieceRead {
  collector: CollectorState;
  stats: ReadingStatsState;
  counts: RowCounts;
  series: number;
  gpus: number;
  notes: string[];
}

/** One piece: the fleet's values (and the GPUs seen, for the default query), read into a collector of its own. */
async function readPiece(a: Ask, query: string, counted: boolean, startS: number, endS: number): Promise<PieceRead> {
  const label = storeLabel(a.source.url);
  const stepMs = a.stepS * 1000;
  const fleet = ask(a, query, startS, endS, async (chunks) => {
    const collector = new SampleCollector();
    const counts = emptyCounts();
    const stats = new ReadingStats(label, counts, collector);
    // A value at T is the mean over (T − step, T]: filed at T − step, in the hour that holds it.
    const read = await readPrometheusJson(chunks, label, (t, v, s) => stats.emit(t - stepMs, v, s), counts);
    return { collector: collector.export(), stats: stats.export(), counts, series: read.series, notes: read.notes };
  });
  const gpus = counted
    ? ask(a, countQuery(a.source.selector, a.source.step), startS, endS, async (chunks) => {
        let most = 0;
        await readPrometheusJson(chunks, label, (_t, v) => (most = Math.max(most, v)), emptyCounts());
        return most;
      })
    : Promise.resolve(0);
  const [f, g] = await Promise.all([fleet, gpus]);
  return { ...f, gpus: g };
}

/** The hourly fleet series of the window, read through the store's query_range API. */
export async function readPrometheusApi(
  source: PrometheusApiSource,
  o: PrometheusApiOptions,
): Promise<PrometheusApiRead> {
  const label = storeLabel(source.url);
  const query = source.query ?? defaultQuery(source.selector, source.step);
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
  const stepS = stepSeconds(source.step ?? '1h');
  if (stepS === null || !stepFitsHours(stepS))
    throw new InputError({
      file: label,
      field: 'workload.utilization.prometheus.step',
      message: `expected a step that fits an hour a whole number of times: ${STEP_EXAMPLES}`,
    });
  // The window's hours, as hour numbers: `hours` of them, ending with the last complete one. A
  // piece is whole hours, so no hour's values are split between two answers.
  const endHour = Math.floor(o.now / MS_PER_HOUR);
  const hoursPerPiece = Math.floor((MAX_POINTS * stepS) / 3600);
  const pieces: Array<[startS: number, endS: number]> = [];
  for (let h = endHour - o.hours; h < endHour; h += hoursPerPiece)
    pieces.push([h * 3600 + stepS, Math.min(endHour, h + hoursPerPiece) * 3600]);

  const stopping = new AbortController();
  const a: Ask = { o, source, stepS, stop: stopping.signal, post: o.fetch ? postWithFetch(o.fetch) : httpPost(o.ca) };
  const reads: PieceRead[] = [];
  let next = 0;
  let done = 0;
  let points = 0;
  const asker = async (): Promise<void> => {
    while (next < pieces.length) {
      const k = next++;
      const [startS, endS] = pieces[k] as [number, number];
      const piece = await readPiece(a, query, source.query === undefined, startS, endS);
      reads[k] = piece;
      points += piece.collector.samples;
      o.progress?.(++done, pieces.length, points);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(PIECES_AT_ONCE, pieces.length) }, asker));
  } catch (err) {
    stopping.abort();
    throw err;
  }

  // The pieces joined in time order, as one answer over the window would have been read.
  const collector = new SampleCollector();
  const counts = emptyCounts();
  const stats = new ReadingStats(label, counts, collector);
  let series = 0;
  let gpus = 0;
  const notes = new Set<string>();
  for (const piece of reads) {
    if (!collector.absorb(piece.collector))
      throw new InputError({ file: label, message: 'the store answered points outside the range asked' });
    stats.absorb(piece.stats, 0);
    absorbCounts(counts, piece.counts, 0);
    series = Math.max(series, piece.series);
    gpus = Math.max(gpus, piece.gpus);
    for (const note of piece.notes) notes.add(note);
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
  return {
    collector,
    points: collector.samples,
    unit,
    gpus: source.query === undefined ? gpus : null,
    notes: [...notes].slice(0, 5),
    stepMs: stepS * 1000,
  };
}
