#!/usr/bin/env node
// A fleet in a real Prometheus (Debian's `prometheus`, history backfilled with its `promtool`)
// against the same samples as a CSV export: `placement analyze` from the store, where the store
// averages per hour, beside the same from the file, the same statistics checked equal. Usage:
// node scripts/bench/prometheus-store.mjs [GPUS] [DAYS] (default 1000 GPUs, 14 days, a sample
// every 5 minutes). Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { prometheusInstalled, startPrometheus } from '../lib/prometheus-server.mjs';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const gpus = Number(process.argv[2] ?? 1000);
const days = Number(process.argv[3] ?? 14);
const STEP = 300;
const bin = fileURLToPath(new URL('../../bin/placement.js', import.meta.url));
if (!prometheusInstalled()) throw new Error('prometheus and promtool are not installed (apt-get install prometheus)');
const dir = mkdtempSync(join(tmpdir(), 'placement-store-bench-'));
const seconds = (t0) => (performance.now() - t0) / 1000;
const fmt = (x, d = 2) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function write(file, lines) {
  const w = createWriteStream(file);
  let buf = '';
  for (const line of lines) {
    buf += line;
    if (buf.length > 1 << 20) {
      if (!w.write(buf)) await new Promise((r) => w.once('drain', r));
      buf = '';
    }
  }
  w.end(buf);
  await new Promise((r) => w.on('finish', r));
}

// Samples at 150 s past each 5 minutes (never on an hour's edge), ending in the last complete hour.
const end = Math.floor(Date.now() / 3_600_000) * 3600;
const first = end - days * 86_400;
const util = (t, g) => Math.round(50 + 30 * Math.sin(t / 13_751 + g));
function* openMetrics() {
  yield '# HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).\n# TYPE DCGM_FI_DEV_GPU_UTIL gauge\n';
  for (let g = 0; g < gpus; g++)
    for (let t = first + 150; t < end; t += STEP)
      yield `DCGM_FI_DEV_GPU_UTIL{gpu="${g % 8}",Hostname="node${g >> 3}"} ${util(t, g)} ${t}\n`;
  yield '# EOF\n';
}
function* csv() {
  yield 'timestamp,gpu,utilization\n';
  for (let t = first + 150; t < end; t += STEP) {
    const iso = new Date(t * 1000).toISOString();
    for (let g = 0; g < gpus; g++) yield `${iso},${g},${util(t, g)}\n`;
  }
}
let t0 = performance.now();
await write(join(dir, 'h.om'), openMetrics());
await write(join(dir, 'h.csv'), csv());
const generated = seconds(t0);
t0 = performance.now();
const server = await startPrometheus(dir, join(dir, 'h.om'));
const backfill = seconds(t0);
rmSync(join(dir, 'h.om'));
const url = server.url;

const scenario = (name, utilization) => {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `schemaVersion: 1\nname: ${name}\nwindow: {days: ${days}}\nworkload:\n  referenceGpus: ${gpus}\n  utilization: ${utilization}\noptions:\n  cloud: {onDemandPerGpuHour: 2.99}\n`,
  );
  return file;
};
const time = (file) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, 'analyze', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return { seconds: seconds(t), u: JSON.parse(r.stdout).utilization };
};
try {
  const store = scenario('store', `{prometheus: {url: "${url}"}}`);
  const file = scenario('file', '{source: h.csv}');
  time(store); // the store's first query opens its blocks
  const runs = [1, 2, 3].map(() => ({ store: time(store), file: time(file) }));
  const best = (k) => Math.min(...runs.map((r) => r[k].seconds));
  const same = ['mean', 'consistent'].every((k) => Math.abs(runs[0].store.u[k] - runs[0].file.u[k]) < 1e-9);
  const samples = gpus * days * (86_400 / STEP);
  console.log(
    `\n| history | samples | CSV (MB) | promtool backfill and start (s) | analyze from the store (s) | from the CSV (s) | ratio |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${gpus.toLocaleString('en-US')} GPUs × ${days} days, every ${STEP / 60} min | ${samples.toLocaleString('en-US')} | ${fmt(statSync(join(dir, 'h.csv')).size / 1e6, 0)} | ${fmt(backfill, 1)} | ${fmt(best('store'))} | ${fmt(best('file'))} | ${fmt(best('store') / best('file'))} |`,
  );
  console.log(
    `\n${same ? 'PASS' : 'FAIL'}  the same statistics from the store and from the file (mean, p20 within 1e-9)`,
  );
  console.log(
    `${best('store') < best('file') ? 'PASS' : 'MISS'}  analysed through the store faster than from the file`,
  );
  console.log(`(generating the two files took ${fmt(generated, 1)} s)`);
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
