import { describe, expect, test } from 'vitest';
import {
  defaultQuery,
  readPrometheusApi,
  storeHeaders,
  storeLabel,
  unitOfQuery,
  type PrometheusApiOptions,
} from '../../../../src/input/readers/prometheus-api.js';

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 26, 15, 40);

/** A fake store: answers each query_range with one fleet point per hour, recording what was asked. */
function store(answer: (params: URLSearchParams, call: number) => Response | Promise<Response>) {
  const asked: URLSearchParams[] = [];
  const fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    const params = new URLSearchParams(String(init?.body));
    asked.push(params);
    return answer(params, asked.length);
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

const matrix = (params: URLSearchParams, value: (t: number) => string, extra = '') => {
  const values: string[] = [];
  const step = Number(params.get('step'));
  for (let t = Number(params.get('start')); t <= Number(params.get('end')); t += step)
    values.push(`[${t},"${value(t)}"]`);
  return new Response(
    `{"status":"success"${extra},"data":{"resultType":"matrix","result":[{"metric":{},"values":[${values.join(',')}]}]}}`,
  );
};

const opts = (fetch: typeof globalThis.fetch, over: Partial<PrometheusApiOptions> = {}): PrometheusApiOptions => ({
  now: NOW,
  hours: 48,
  unit: 'auto',
  fetch,
  retryMs: 1,
  env: {},
  ...over,
});

describe('reading utilization from a metrics store', () => {
  test('the default query averages per hour on the store; a value at T is the hour from T − 1 h', async () => {
    const s = store((p) => (p.get('query')!.startsWith('count') ? matrix(p, () => '8') : matrix(p, () => '50')));
    const r = await readPrometheusApi({ url: 'http://prom:9090/', selector: 'job="dcgm"' }, opts(s.fetch));
    expect(s.asked[0]!.get('query')).toBe('avg(avg_over_time(DCGM_FI_DEV_GPU_UTIL{job="dcgm"}[1h]))');
    expect(s.asked[1]!.get('query')).toBe('count(count_over_time(DCGM_FI_DEV_GPU_UTIL{job="dcgm"}[1h]))');
    // 48 hours ending at 15:00, the last complete one.
    expect(Number(s.asked[0]!.get('end')) * 1000).toBe(Date.UTC(2026, 10, 26, 15));
    expect(Number(s.asked[0]!.get('start')) * 1000).toBe(Date.UTC(2026, 10, 26, 15) - 47 * H);
    expect(s.asked[0]!.get('step')).toBe('3600');
    const hours = r.collector.hourly.finish(0.01);
    expect(hours).toHaveLength(48);
    expect(hours[0]!.hourStart).toBe(Date.UTC(2026, 10, 26, 15) - 48 * H);
    expect(hours.at(-1)!.hourStart).toBe(Date.UTC(2026, 10, 26, 14));
    expect(r).toMatchObject({ unit: 'percent', gpus: 8, points: 48, notes: [] });
  });
  test('a long window is asked in pieces of at most 11,000 points, end to end', async () => {
    const s = store((p) => matrix(p, () => (p.get('query')!.startsWith('count') ? '4' : '0.5')));
    const hours = 3660 * 24;
    const r = await readPrometheusApi(
      { url: 'http://prom:9090', query: 'avg(nvidia_smi_utilization_gpu_ratio)' },
      opts(s.fetch, { hours }),
    );
    expect(s.asked).toHaveLength(Math.ceil(hours / 11_000));
    s.asked.forEach((p, i) => {
      const points = (Number(p.get('end')) - Number(p.get('start'))) / 3600 + 1;
      expect(points).toBeLessThanOrEqual(11_000);
      if (i > 0) expect(Number(p.get('start'))).toBe(Number(s.asked[i - 1]!.get('end')) + 3600);
    });
    expect(r).toMatchObject({ unit: 'fraction', gpus: null, points: hours });
  });
  test('429 and 5xx are tried again; a third failure is an error a user can read', async () => {
    const flaky = store((p, call) => (call <= 2 ? new Response('slow down', { status: 429 }) : matrix(p, () => '40')));
    await expect(
      readPrometheusApi({ url: 'http://prom:9090', query: 'avg(x_UTIL)' }, opts(flaky.fetch)),
    ).resolves.toMatchObject({
      points: 48,
    });
    const down = store(() => new Response('', { status: 503 }));
    await expect(
      readPrometheusApi({ url: 'http://prom:9090', query: 'avg(x_UTIL)' }, opts(down.fetch)),
    ).rejects.toThrow('http://prom:9090: cannot read from the store: HTTP 503 (after 3 tries)');
    expect(down.asked).toHaveLength(3);
  });
  test('a failure of the connection is named by its cause (a code, else its message)', async () => {
    const refused = store(() => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    });
    await expect(readPrometheusApi({ url: 'http://prom:9090' }, opts(refused.fetch))).rejects.toThrow(
      'cannot read from the store: ECONNREFUSED (after 3 tries)',
    );
    const blocked = store(() => {
      throw new TypeError('fetch failed', { cause: new Error('bad port') });
    });
    await expect(readPrometheusApi({ url: 'http://prom:9' }, opts(blocked.fetch))).rejects.toThrow(
      'cannot read from the store: bad port (after 3 tries)',
    );
  });
  test('401 asks for credentials; an error body is quoted; a partial answer is noted', async () => {
    const refused = store(() => new Response('', { status: 401 }));
    await expect(readPrometheusApi({ url: 'https://user:secret@prom:9090' }, opts(refused.fetch))).rejects.toThrow(
      /^https:\/\/prom:9090: the store refused the query \(HTTP 401\): it needs credentials$/,
    );
    const bad = store(
      () => new Response('{"status":"error","errorType":"bad_data","error":"parse error at char 5"}', { status: 400 }),
    );
    await expect(readPrometheusApi({ url: 'http://prom:9090', query: 'avg(x_UTIL' }, opts(bad.fetch))).rejects.toThrow(
      'the Prometheus query failed: parse error at char 5',
    );
    const partial = store((p) => matrix(p, () => '40', ',"warnings":["store-gateway 3 unavailable"],"isPartial":true'));
    const r = await readPrometheusApi({ url: 'http://prom:9090', query: 'avg(x_UTIL)' }, opts(partial.fetch));
    expect(r.notes).toEqual(['store-gateway 3 unavailable', 'the answer holds part of the data (isPartial)']);
  });
  test('the unit: from the metric name, as named, or asked for', async () => {
    expect(unitOfQuery(defaultQuery())).toBe('percent');
    expect(unitOfQuery('avg(nvidia_smi_utilization_gpu_ratio{job="x"})')).toBe('fraction');
    expect(unitOfQuery('avg(gpu_busy)')).toBeNull();
    const s = store((p) => matrix(p, () => '0.4'));
    await expect(readPrometheusApi({ url: 'http://prom:9090', query: 'avg(gpu_busy)' }, opts(s.fetch))).rejects.toThrow(
      /does not say its unit .*set unit: percent or fraction/,
    );
    await expect(
      readPrometheusApi({ url: 'http://prom:9090', query: 'avg(gpu_busy)' }, opts(s.fetch, { unit: 'fraction' })),
    ).resolves.toMatchObject({ unit: 'fraction' });
  });
  test('an answer larger than an hourly series is refused before it is read', async () => {
    const huge = store(() => new Response('{}', { headers: { 'content-length': String(2 ** 30) } }));
    await expect(readPrometheusApi({ url: 'http://prom:9090' }, opts(huge.fetch))).rejects.toThrow(
      'http://prom:9090: an answer of more than 256 MiB is more than an hourly series needs',
    );
  });
  test('credentials from the environment: a bearer token, a tenant header it names', async () => {
    const env = { PLACEMENT_PROMETHEUS_TOKEN: 'tok-123', MIMIR_TENANT: 'team-a' };
    const headers = storeHeaders(
      {
        url: 'http://mimir:8080/prometheus',
        headers: { 'X-Scope-OrgID': { env: 'MIMIR_TENANT' }, 'X-Note': 'placement' },
      },
      env,
    );
    expect(headers).toMatchObject({
      authorization: 'Bearer tok-123',
      'X-Scope-OrgID': 'team-a',
      'X-Note': 'placement',
    });
    expect(storeHeaders({ url: 'http://p:9090' }, {})).not.toHaveProperty('authorization');
    expect(() => storeHeaders({ url: 'http://p:9090', headers: { 'X-Scope-OrgID': { env: 'NOPE' } } }, {})).toThrow(
      'http://p:9090: workload.utilization.prometheus.headers.X-Scope-OrgID: the environment has no NOPE to send as X-Scope-OrgID',
    );
    expect(() => storeHeaders({ url: 'http://p:9090', headers: { X: { env: 'V' } } }, { V: 'a\r\nb' })).toThrow(
      /line break/,
    );
  });
  test('the store is named without credentials or query string', () => {
    expect(storeLabel('https://alice:pw@mimir.example:8080/prometheus/?x=1')).toBe(
      'https://mimir.example:8080/prometheus',
    );
  });

  test('a finer step: each value covers (T − step, T], four a quarter-hour make each hour', async () => {
    const s = store((p) =>
      matrix(p, (t) => (p.get('query')!.startsWith('count') ? '8' : String((t / 900) % 4 === 1 ? 80 : 40))),
    );
    const r = await readPrometheusApi({ url: 'http://prom:9090', step: '15m' }, opts(s.fetch, { hours: 3 }));
    expect(s.asked[0]!.get('query')).toBe('avg(avg_over_time(DCGM_FI_DEV_GPU_UTIL{}[15m]))');
    expect(s.asked[0]!.get('step')).toBe('900');
    // Three hours ending at 15:00: values at 12:15 … 15:00, 12 of them.
    expect(Number(s.asked[0]!.get('start')) * 1000).toBe(Date.UTC(2026, 10, 26, 12, 15));
    expect(Number(s.asked[0]!.get('end')) * 1000).toBe(Date.UTC(2026, 10, 26, 15));
    expect(r).toMatchObject({ points: 12, stepMs: 900_000, gpus: 8 });
    // The value at :15 covers :00–:15 and belongs to that hour: 80, 40, 40, 40 → 50.
    expect(r.collector.hourly.finish(0.01).map((h) => h.utilization)).toEqual([0.5, 0.5, 0.5]);
    expect(r.collector.resolutionMs).toBe(900_000);
  });
  test('pieces asked a few at a time, whole hours each, joined in time order however they come back', async () => {
    let inFlight = 0;
    let most = 0;
    const s = store(async (p) => {
      inFlight++;
      most = Math.max(most, inFlight);
      // Later pieces answer first.
      await new Promise((r) => setTimeout(r, 40 - (Number(p.get('start')) % 40)));
      inFlight--;
      return matrix(p, (t) => (p.get('query')!.startsWith('count') ? '2' : String(Math.floor(t / 3600) % 100)));
    });
    const progress: number[][] = [];
    const r = await readPrometheusApi(
      { url: 'http://prom:9090', step: '1s' },
      opts(s.fetch, { hours: 12, progress: (...a) => progress.push(a) }),
    );
    // 11,000 one-second points make three whole hours: four pieces, two queries each.
    expect(s.asked).toHaveLength(8);
    for (const p of s.asked) {
      const start = Number(p.get('start'));
      expect((start - 1) % 3600).toBe(0);
      expect(Number(p.get('end')) - start + 1).toBe(3 * 3600);
    }
    expect(most).toBeLessThanOrEqual(4);
    expect(progress.map((x) => x[0])).toEqual([1, 2, 3, 4]);
    expect(progress.at(-1)).toEqual([4, 4, 12 * 3600]);
    const hours = r.collector.hourly.finish(0.01);
    const first = Math.floor(NOW / H) - 12;
    // Each hour's values are its own number (the value at T is filed at T − 1 s).
    expect(hours.map((h) => Math.round(h.utilization * 100))).toEqual(
      Array.from({ length: 12 }, (_, i) => (first + i) % 100),
    );
    expect(r.points).toBe(12 * 3600);
  });
  test('a connection lost mid-answer is tried again, and what it had sent is not counted twice', async () => {
    let calls = 0;
    const s = store((p) => {
      calls++;
      if (calls > 1) return matrix(p, () => '30');
      const head = new TextEncoder().encode(
        '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[' +
          p.get('start') +
          ',"30"],',
      );
      const body = new ReadableStream({
        start(c) {
          c.enqueue(head);
          c.error(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        },
      });
      return new Response(body);
    });
    const r = await readPrometheusApi({ url: 'http://prom:9090', query: 'avg(x_UTIL)' }, opts(s.fetch));
    expect(calls).toBe(2);
    expect(r.points).toBe(48);
  });
  test('when one piece fails for good the others are stopped', async () => {
    const signals: AbortSignal[] = [];
    const s = store(async (p) => {
      if (Number(p.get('start')) % (3 * 3600) === 1) return new Response('nope', { status: 404 });
      await new Promise((r) => setTimeout(r, 50));
      return matrix(p, () => '1');
    });
    const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
      signals.push(init!.signal!);
      return s.fetch(url, init);
    }) as typeof globalThis.fetch;
    await expect(
      readPrometheusApi({ url: 'http://prom:9090', query: 'avg(x_UTIL)', step: '1s' }, opts(fetch, { hours: 12 })),
    ).rejects.toThrow('the store answered HTTP 404: nope');
    expect(signals.some((x) => x.aborted)).toBe(true);
  });
  test('a redirect names where to, without credentials', async () => {
    const moved = store(
      () => new Response('', { status: 301, headers: { location: 'https://u:p@prom.example/api/?q=1' } }),
    );
    await expect(readPrometheusApi({ url: 'http://prom:9090' }, opts(moved.fetch))).rejects.toThrow(
      'http://prom:9090: the store answered HTTP 301, moved to https://prom.example/api: use that address',
    );
  });
});
