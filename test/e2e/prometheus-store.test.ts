import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';
import { freePort, prometheusInstalled, startPrometheus } from '../../scripts/lib/prometheus-server.mjs';

// A real Prometheus (Debian's package; .ci/run installs it) with a history backfilled by its
// own promtool: the tool reads it through the query API and gets what the same samples give
// from a CSV export.
const available = prometheusInstalled();
if (!available) console.log('prometheus or promtool is not installed: the metrics-store tests are skipped');

const GPUS = 8;
const DAYS = 30;
const STEP_S = 300;
const dir = mkdtempSync(join(tmpdir(), 'placement-store-'));
let server: { url: string; stop: () => void } | null = null;
let url = '';
let endHour = 0;

/** A GPU's utilization at a time: a daily swing and a per-GPU offset, whole percent. */
const util = (t: number, g: number) => Math.round(50 + 30 * Math.sin((t / 86_400) * 2 * Math.PI + g) + g);

/** The samples, ending in the last complete hour: an OpenMetrics file for promtool, the same as CSV. */
function writeHistory(): void {
  endHour = Math.floor(Date.now() / 3_600_000) * 3600;
  const first = endHour - (DAYS + 1) * 86_400;
  const om = ['# HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).', '# TYPE DCGM_FI_DEV_GPU_UTIL gauge'];
  const csv = ['timestamp,gpu,utilization'];
  // Samples at 150 s past each 5 minutes: never on an hour's edge, where a store's (T − 1 h, T]
  // and a file's [H, H + 1 h) would file one differently.
  for (let t = first + 150; t < endHour; t += STEP_S) {
    for (let g = 0; g < GPUS; g++) {
      om.push(`DCGM_FI_DEV_GPU_UTIL{gpu="${g}",Hostname="node1"} ${util(t, g)} ${t}`);
      csv.push(`${new Date(t * 1000).toISOString()},${g},${util(t, g)}`);
    }
  }
  om.push('# EOF');
  writeFileSync(join(dir, 'history.om'), om.join('\n') + '\n');
  writeFileSync(join(dir, 'history.csv'), csv.join('\n') + '\n');
}

const scenario = (name: string, utilization: string): string => {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `schemaVersion: 1\nname: ${name}\nwindow: {days: ${DAYS}}\nworkload:\n  referenceGpus: ${GPUS}\n  utilization: ${utilization}\noptions:\n  cloud: {onDemandPerGpuHour: 2.99}\n  dedicated: {perGpuHour: 2.1, termMonths: 12}\n`,
  );
  return file;
};

beforeAll(async () => {
  if (!available) return;
  writeHistory();
  const started = await startPrometheus(dir, join(dir, 'history.om'));
  server = started;
  url = started.url;
}, 60_000);
afterAll(() => {
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!available)('utilization from a Prometheus server', () => {
  test('the store’s hourly series gives the statistics and verdict of the same samples as a CSV', () => {
    const analyze = () => ({
      store: cli(['analyze', scenario('store', `{prometheus: {url: "${url}"}}`), '--json']),
      file: cli(['analyze', scenario('file', `{source: history.csv}`), '--json']),
    });
    let runs = analyze();
    // The window ends at the last complete hour: a run across an hour's turn is taken again.
    if (Math.floor(Date.now() / 3_600_000) * 3600 !== endHour) {
      writeHistory();
      runs = analyze();
    }
    expect(runs.store.stderr).toBe('');
    expect(runs.store.code).toBe(0);
    const store = JSON.parse(runs.store.stdout);
    const file = JSON.parse(runs.file.stdout);
    const u = store.utilization;
    const f = file.utilization;
    for (const k of ['mean', 'consistent', 'peakToMedian', 'trendPerMonth']) expect(u[k]).toBeCloseTo(f[k], 9);
    for (const [k, v] of Object.entries(f.percentiles as Record<string, number>))
      expect(u.percentiles[k]).toBeCloseTo(v, 9);
    expect(u.sustainedDays).toEqual(f.sustainedDays);
    expect(u.window).toEqual(f.window);
    expect(store.verdict.placement).toBe(file.verdict.placement);
    expect(u.input).toMatchObject({ format: 'prometheus-api', gpus: GPUS, unit: 'percent' });
  });
  test('inspect --prometheus shows what the store holds, as inspect of the file does', () => {
    const store = cli(['inspect', '--prometheus', url, '--window', String(DAYS), '--json']);
    const file = cli(['inspect', join(dir, 'history.csv'), '--window', String(DAYS), '--json']);
    expect(store.code).toBe(0);
    const s = JSON.parse(store.stdout);
    const f = JSON.parse(file.stdout);
    expect(s.summary).toMatchObject({ format: 'prometheus-api', gpus: GPUS, unit: 'percent', resolutionMs: 3_600_000 });
    expect(s.profile.mean).toBeCloseTo(f.profile.mean, 9);
    expect(s.profile.percentiles).toEqual(
      Object.fromEntries(
        Object.keys(f.profile.percentiles).map((k) => [k, expect.closeTo(f.profile.percentiles[k], 9)]),
      ),
    );
    const table = cli(['inspect', '--prometheus', url, '--selector', 'Hostname="node1"']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`${url} — utilization`);
    expect(Math.max(...table.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    const both = cli(['inspect', join(dir, 'history.csv'), '--prometheus', url]);
    expect([both.code, both.stderr.trim()]).toEqual([
      2,
      'placement: inspect reads one input: a file, or a store with --prometheus URL',
    ]);
  });
  test('a selector that matches nothing: exit 2, one line that says so', () => {
    const r = cli(['analyze', scenario('none', `{prometheus: {url: "${url}", selector: 'job="none"'}}`), '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^placement: http:\/\/127\.0\.0\.1:\d+: the query returned no series over the window/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  test('a query that is not utilization (values above 100 %): exit 2', () => {
    const q = 'sum(DCGM_FI_DEV_GPU_UTIL)';
    const r = cli(['analyze', scenario('sum', `{prometheus: {url: "${url}", query: '${q}'}}`), '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is above 100 %: the query is not utilization in percent/);
  });
  test('a query PromQL refuses: the server’s message, exit 2', () => {
    const r = cli([
      'analyze',
      scenario('bad', `{prometheus: {url: "${url}", query: 'avg(DCGM_FI_DEV_GPU_UTIL'}}`),
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the Prometheus query failed: .*parse error/);
  });
  test('nothing listening: exit 2 after its tries', async () => {
    const port = await freePort();
    const r = cli(['analyze', scenario('down', `{prometheus: {url: "http://127.0.0.1:${port}"}}`), '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read from the store: ECONNREFUSED \(after 3 tries\)/);
  });
});
