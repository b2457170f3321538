#!/usr/bin/env node
// npm run bench: speed and memory of reading utilization history, against the physical floor
// (`wc -l` on the same file) and the peer (DuckDB on the same file), in the same run; then
// start-up time; then the Monte Carlo trial rate (monte-carlo.mjs). Usage: node scripts/bench/run.mjs [ROWS,ROWS…] (default 1000000,10000000)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..', '..');
const dir = join(tmpdir(), 'placement-bench');
mkdirSync(dir, { recursive: true });
const sizes = (process.argv[2] ?? '1000000,10000000').split(',').map(Number);
const hook = join(here, 'max-rss.mjs');
const peer = join(here, 'peer');

// DuckDB lives in its own bench-only package (see peer/package.json); install it on first use.
if (!existsSync(join(peer, 'node_modules', '@duckdb', 'node-api'))) {
  process.stderr.write('installing the benchmark peer (@duckdb/node-api) into scripts/bench/peer…\n');
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], {
    cwd: peer,
    stdio: 'inherit',
  });
  if (npm.status !== 0) throw new Error('could not install @duckdb/node-api for the benchmark');
}

function run(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const rss = /bench-max-rss-kb (\d+)/.exec(r.stderr);
  return { seconds, stdout: r.stdout, rssMB: rss ? Number(rss[1]) / 1024 : null };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `placement analyze SCENARIO --json`, timed, with its peak memory. */
const analyze = (scenario) =>
  run(process.execPath, ['--import', hook, join(repo, 'bin', 'placement.js'), 'analyze', scenario, '--json']);

/** Runs taken in turn, the median time and the largest peak memory of each (one run is at the machine's mercy). */
const TURNS = 3;
function inTurn(...commands) {
  const runs = commands.map(() => []);
  for (let k = 0; k < TURNS; k++) commands.forEach((c, i) => runs[i].push(c()));
  return runs.map((rs) => ({
    ...rs[0],
    seconds: median(rs.map((r) => r.seconds)),
    rssMB: rs[0].rssMB === null ? null : Math.max(...rs.map((r) => r.rssMB)),
  }));
}

/**
 * placement analyze on a scenario and a DuckDB peer script on its file, run in turn TURNS times:
 * the median of each timed, their statistics compared.
 */
function beside(scenario, peerScript, file) {
  const [ours, duck] = inTurn(
    () => analyze(scenario),
    () => run(process.execPath, ['--import', hook, join(peer, peerScript), file]),
  );
  const u = JSON.parse(ours.stdout).utilization;
  const d = JSON.parse(duck.stdout);
  const same = ['mean', 'p20', 'p50', 'p95'].every((k) => {
    const mine = k === 'mean' ? u.mean : k === 'p20' ? u.consistent : u.percentiles[k];
    return Math.abs(mine - d[k]) < 1e-9;
  });
  return { ours, duck, same, u };
}

const rows = [];
for (const n of sizes) {
  const file = join(dir, `nvidia-smi-${n}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${file}…\n`);
    run(process.execPath, [join(here, 'generate-nvidia-smi.mjs'), String(n), file]);
  }
  const mb = statSync(file).size / 1e6;
  const scenario = join(dir, `scenario-${n}.yaml`);
  // A window longer than the file, so both tools summarise the same hours.
  writeFileSync(
    scenario,
    `schemaVersion: 1\nname: bench\nwindow: {days: 3650}\nworkload:\n  referenceGpus: 8\n  utilization: {source: ${file}}\noptions:\n  cloud: {onDemandPerGpuHour: 2.99}\n`,
  );

  const wc = run('wc', ['-l', file]);
  const { ours, duck, same, u } = beside(scenario, 'duckdb-hourly.mjs', file);
  // The same export gzipped: placement reads .gz itself; its peer is `gzip -dc` alone plus the
  // plain file's time.
  const gz = `${file}.gz`;
  if (!existsSync(gz)) run('sh', ['-c', `gzip -c -6 '${file}' > '${gz}'`]);
  const gzScenario = join(dir, `scenario-${n}-gz.yaml`);
  writeFileSync(gzScenario, readFileSync(scenario, 'utf8').replace(file, gz));
  const [gunzip, oursGz] = inTurn(
    () => run('sh', ['-c', `gzip -dc '${gz}' > /dev/null`]),
    () => analyze(gzScenario),
  );
  const sameGz = JSON.stringify(JSON.parse(oursGz.stdout).utilization.percentiles) === JSON.stringify(u.percentiles);
  rows.push({ n, mb, wc, ours, duck, same, gunzip, oursGz, sameGz });
}

const fmt = (x, digits = 2) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log('\n| rows | file | tool | wall (s) | rows/s | MB/s | peak RSS (MB) |');
console.log('|---:|---:|---|---:|---:|---:|---:|');
for (const r of rows) {
  for (const [name, m] of [
    ['wc -l (floor)', r.wc],
    ['placement analyze', r.ours],
    ['DuckDB read_csv + quantile_cont', r.duck],
  ]) {
    console.log(
      `| ${r.n.toLocaleString('en-US')} | ${fmt(r.mb, 0)} MB | ${name} | ${fmt(m.seconds)} | ${fmt(r.n / m.seconds, 0)} | ${fmt(r.mb / m.seconds, 0)} | ${m.rssMB === null ? '–' : fmt(m.rssMB, 0)} |`,
    );
  }
}

console.log(
  '\n| rows | gzip -dc alone (s) | placement, plain file (s) | placement, .gz (s) | ratio to the sum | target |',
);
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.n.toLocaleString('en-US')} | ${fmt(r.gunzip.seconds)} | ${fmt(r.ours.seconds)} | ${fmt(r.oursGz.seconds)} | ${fmt(r.oursGz.seconds / (r.gunzip.seconds + r.ours.seconds))} | ≤ 1.2 |`,
  );

// A Prometheus query_range answer: placement beside DuckDB's read_json on the same file.
const promPoints = 1_380_000;
const prom = join(dir, `prometheus-${promPoints}.json`);
if (!existsSync(prom)) run(process.execPath, [join(here, 'generate-prometheus.mjs'), String(promPoints), prom]);
const promScenario = join(dir, 'scenario-prometheus.yaml');
writeFileSync(
  promScenario,
  readFileSync(join(dir, `scenario-${sizes[0]}.yaml`), 'utf8').replace(/source: .*\}/, `source: ${prom}}`),
);
const { ours: oursProm, duck: duckProm, same: sameProm } = beside(promScenario, 'duckdb-prometheus.mjs', prom);
console.log(
  '\n| Prometheus query_range answer | points | placement (s) | DuckDB read_json (s) | ratio | peak RSS (MB) |',
);
console.log('|---|---:|---:|---:|---:|---:|');
console.log(
  `| ${fmt(statSync(prom).size / 1e6, 0)} MB | ${promPoints.toLocaleString('en-US')} | ${fmt(oursProm.seconds)} | ${fmt(duckProm.seconds)} | ${fmt(oursProm.seconds / duckProm.seconds)} | ${fmt(oursProm.rssMB, 0)} vs ${fmt(duckProm.rssMB, 0)} |`,
);

// Start-up, each figure beside node's own from the same run (median of 15, alternating).
const smallScenario = join(repo, 'scenarios', 'stable-high-volume.yaml');
const starts = { bare: [], version: [], json: [] };
for (let i = 0; i < 15; i++) {
  starts.bare.push(run(process.execPath, ['-e', '0']).seconds * 1000);
  starts.version.push(run(process.execPath, [join(repo, 'bin', 'placement.js'), '--version']).seconds * 1000);
  starts.json.push(
    run(process.execPath, [join(repo, 'bin', 'placement.js'), 'analyze', smallScenario, '--json']).seconds * 1000,
  );
}
const bare = median(starts.bare);
const version = median(starts.version);
const json = median(starts.json);
console.log('\n| start-up | placement (ms) | node -e 0 (ms) | ratio | target |');
console.log('|---|---:|---:|---:|---:|');
console.log(`| placement --version | ${fmt(version, 0)} | ${fmt(bare, 0)} | ${fmt(version / bare)} | ≤ 1.3 |`);
console.log(
  `| analyze stable-high-volume.yaml --json | ${fmt(json, 0)} | ${fmt(bare, 0)} | ${fmt(json / bare)} | ≤ 2.5 |\n`,
);

const checks = rows.map((r) => [
  `${r.n.toLocaleString('en-US')} rows: same hourly statistics as DuckDB (mean, p20, p50, p95 within 1e-9)`,
  r.same,
]);
for (const r of rows) {
  checks.push([
    `${r.n.toLocaleString('en-US')} rows: within 0.5 × DuckDB with 2 threads (${fmt(r.ours.seconds)} s vs ${fmt(r.duck.seconds)} s, ${fmt(r.ours.seconds / r.duck.seconds)} ×)`,
    r.ours.seconds <= 0.5 * r.duck.seconds,
  ]);
  checks.push([
    `${r.n.toLocaleString('en-US')} rows: peak RSS at most 100 MB (${fmt(r.ours.rssMB, 0)} MB)`,
    r.ours.rssMB <= 100,
  ]);
}
// Flat: one pass over ten times the rows takes no more memory (the .gz is read in one pass; a
// plain file this large is read on two threads, whose second heap is not rows).
const big = rows.find((r) => r.n === 10_000_000);
const small = rows.find((r) => r.n === 1_000_000);
if (big && small)
  checks.push([
    `one pass over 10,000,000 rows (.gz): peak RSS within 10 % of 1,000,000 rows (${fmt(big.oursGz.rssMB, 0)} vs ${fmt(small.ours.rssMB, 0)} MB)`,
    big.oursGz.rssMB <= small.ours.rssMB * 1.1,
  ]);
for (const r of rows) {
  const limit = 1.2 * (r.gunzip.seconds + r.ours.seconds);
  checks.push([`${r.n.toLocaleString('en-US')} rows: .gz read as the plain file (same statistics)`, r.sameGz]);
  checks.push([
    `${r.n.toLocaleString('en-US')} rows: .gz within 1.2 × gzip -dc + the plain file (${fmt(r.oursGz.seconds)} s vs ${fmt(limit)} s)`,
    r.oursGz.seconds <= limit,
  ]);
}
checks.push([`Prometheus JSON: same hourly statistics as DuckDB read_json`, sameProm]);
checks.push([
  `Prometheus JSON: within 0.5 × DuckDB read_json (${fmt(oursProm.seconds)} s vs ${fmt(duckProm.seconds)} s)`,
  oursProm.seconds <= duckProm.seconds * 0.5,
]);
checks.push([`start-up: --version within 1.3 × node -e 0 (${fmt(version / bare)} ×)`, version <= bare * 1.3]);
checks.push([`start-up: analyze --json within 2.5 × node -e 0 (${fmt(json / bare)} ×)`, json <= bare * 2.5]);
for (const [what, ok] of checks) console.log(`${ok ? 'PASS' : 'MISS'}  ${what}`);

// Monte Carlo trial rate (issue 7), in its own process so the reading runs above do not warm it.
spawnSync(process.execPath, [join(here, 'monte-carlo.mjs')], { stdio: 'inherit' });
