import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers/cli.js';
import {
  freePort,
  makeCertificates,
  prometheusInstalled,
  startPrometheus,
} from '../../scripts/lib/prometheus-server.mjs';

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
  test('a finer step gives the same hours: the store averages each 5 minutes, the tool each hour', () => {
    const store = cli(['analyze', scenario('step', `{prometheus: {url: "${url}", step: 5m}}`), '--json']);
    const file = cli(['analyze', scenario('file5', `{source: history.csv}`), '--json']);
    expect([store.code, store.stderr]).toEqual([0, '']);
    const u = JSON.parse(store.stdout).utilization;
    const f = JSON.parse(file.stdout).utilization;
    for (const k of ['mean', 'consistent', 'peakToMedian']) expect(u[k]).toBeCloseTo(f[k], 9);
    // One point per 5 minutes over the window (the file holds a day more).
    expect(u.input).toMatchObject({ resolutionMs: 300_000, samples: DAYS * 24 * 12 });
    const inspect = cli(['inspect', '--prometheus', url, '--step', '15m', '--window', String(DAYS), '--json']);
    expect(JSON.parse(inspect.stdout).summary).toMatchObject({ resolutionMs: 900_000, gpus: GPUS });
    const odd = cli(['inspect', '--prometheus', url, '--step', '7m']);
    expect([odd.code, odd.stderr.trim()]).toEqual([
      2,
      'placement: --step: expected a part of an hour: 15s, 30s, 1m, 5m, 15m or 1h',
    ]);
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

describe.skipIf(!available)('a store with a certificate of its own (TLS)', () => {
  const tlsDir = mkdtempSync(join(tmpdir(), 'placement-tls-'));
  let tlsServer: { url: string; stop: () => void } | null = null;
  let ca = '';
  beforeAll(async () => {
    const end = Math.floor(Date.now() / 3_600_000) * 3600;
    const om = ['# TYPE DCGM_FI_DEV_GPU_UTIL gauge'];
    for (let t = end - 3 * 86_400 + 150; t < end; t += 300)
      for (let g = 0; g < 2; g++) om.push(`DCGM_FI_DEV_GPU_UTIL{gpu="${g}"} ${util(t, g)} ${t}`);
    om.push('# EOF');
    writeFileSync(join(tlsDir, 'history.om'), om.join('\n') + '\n');
    const certs = makeCertificates(tlsDir);
    ca = certs.ca;
    tlsServer = await startPrometheus(tlsDir, join(tlsDir, 'history.om'), certs);
  }, 60_000);
  afterAll(() => {
    tlsServer?.stop();
    rmSync(tlsDir, { recursive: true, force: true });
  });
  const tlsScenario = (name: string, extra: string) => {
    const file = join(tlsDir, `${name}.yaml`);
    writeFileSync(
      file,
      `schemaVersion: 1\nname: ${name}\nwindow: {days: 3}\nworkload:\n  referenceGpus: 2\n  utilization: {prometheus: {url: "${tlsServer!.url}"${extra}}}\noptions:\n  cloud: {onDemandPerGpuHour: 2.99}\n`,
    );
    return file;
  };
  test('its CA named by caFile (relative to the scenario) is trusted; without it, one line says what to do', () => {
    const trusted = cli(['analyze', tlsScenario('ca', ', caFile: ca.pem'), '--json']);
    expect([trusted.code, trusted.stderr]).toEqual([0, '']);
    expect(JSON.parse(trusted.stdout).utilization.input).toMatchObject({ format: 'prometheus-api', gpus: 2 });
    const untrusted = cli(['analyze', tlsScenario('no-ca', ''), '--json']);
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr.trim()).toMatch(
      /^placement: https:\/\/127\.0\.0\.1:\d+: the store’s certificate is not signed by a CA this machine trusts \([A-Z_]+\): give that CA as caFile \(--ca-file with inspect\)$/,
    );
    const inspect = cli(['inspect', '--prometheus', tlsServer!.url, '--ca-file', ca, '--window', '3', '--json']);
    expect(inspect.code).toBe(0);
    expect(JSON.parse(inspect.stdout).summary.gpus).toBe(2);
  });
  test('a CA file that holds no certificate, or none at all: exit 2 naming it', () => {
    writeFileSync(join(tlsDir, 'not-a-ca.pem'), 'hello\n');
    const bad = cli(['analyze', tlsScenario('bad-ca', ', caFile: not-a-ca.pem'), '--json']);
    expect([bad.code, bad.stderr.trim()]).toEqual([
      2,
      `placement: ${join(tlsDir, 'not-a-ca.pem')}: holds no certificate: expected PEM text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----`,
    ]);
    const missing = cli(['analyze', tlsScenario('no-file', ', caFile: missing.pem'), '--json']);
    expect(missing.stderr.trim()).toMatch(/missing\.pem: no such file$/);
    const plain = cli(['inspect', '--prometheus', 'http://127.0.0.1:9', '--ca-file', ca]);
    expect(plain.stderr.trim()).toBe('placement: --ca-file: goes with an https:// address');
  });
});
