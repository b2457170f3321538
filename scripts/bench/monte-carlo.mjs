#!/usr/bin/env node
// Monte Carlo trial rate (issue 7): 100 000 trials of the bundled scenarios/uncertain-prices.yaml
// (flat demand) and of the same with 2 %/month growth (each trial re-prices every month of the
// horizon), on one thread, as `placement simulate` runs them by default (workers started only when
// the run is long enough to repay them) and on every core from the start (`--jobs <cores>`),
// against the floor measured in the same process: the draws alone; then whole `placement simulate`
// processes, start-up and the compiler's warm-up included (the target's measure). Usage:
// node scripts/bench/monte-carlo.mjs [TRIALS] (default 100000). Run `npm run build` first.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from '../../dist/model/analysis/analyze.js';
import { monteCarlo } from '../../dist/model/uncertainty/monte-carlo.js';
import { seededRandom } from '../../dist/model/uncertainty/random.js';
import { draw } from '../../dist/model/uncertainty/distributions.js';
import { parseScenarioText } from '../../dist/input/scenario/parse-scenario.js';
import { runMonteCarlo } from '../../dist/cli/monte-carlo-threads.js';

const trials = Number(process.argv[2] ?? 100_000);
const cores = availableParallelism();
const file = fileURLToPath(new URL('../../scenarios/uncertain-prices.yaml', import.meta.url));
const text = readFileSync(file, 'utf8');
const variants = [
  ['uncertain-prices (flat demand)', text],
  ['uncertain-prices, growth 2 %/month', text.replace('growthPerMonth: 0', 'growthPerMonth: 0.02')],
];
const fmt = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const seconds = (t0) => (performance.now() - t0) / 1000;

const results = [];
for (const [name, yaml] of variants) {
  const scenario = parseScenarioText(yaml, file);
  const m = measure({ scenario, utilizationHours: null, tokenDays: null, now: 0 });
  monteCarlo(m, 2000, 99); // warm up the JIT
  const random = seededRandom(1);
  let t0 = performance.now();
  let sink = 0;
  for (let t = 0; t < trials; t++) for (const f of scenario.uncertain) sink += draw(f.distribution, random);
  const floor = seconds(t0);
  t0 = performance.now();
  const one = monteCarlo(m, trials, 1);
  const single = seconds(t0);
  // As the command runs them: worker threads start cold (they load and compile the model).
  t0 = performance.now();
  const auto = await runMonteCarlo(m, trials, 1, 'auto');
  const byDefault = seconds(t0);
  t0 = performance.now();
  const all = await runMonteCarlo(m, trials, 1, cores);
  const parallel = seconds(t0);
  for (const r of [auto, all])
    if (JSON.stringify(r) !== JSON.stringify(one)) throw new Error(`${name}: threads gave another result than one`);
  results.push({ name, floor, single, byDefault, parallel, p: one.placements[0], sink, one });
}
console.log(
  `\n| scenario | trials | draws alone (s) | 1 thread (s) | trials/s | default (s) | trials/s | ${cores} threads from the start (s) | trials/s | most likely verdict |`,
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of results) {
  console.log(
    `| ${r.name} | ${fmt(trials)} | ${fmt(r.floor, 3)} | ${fmt(r.single, 2)} | ${fmt(trials / r.single)} | ${fmt(r.byDefault, 2)} | ${fmt(trials / r.byDefault)} | ${fmt(r.parallel, 2)} | ${fmt(trials / r.parallel)} | ${r.p.placement} ${fmt(r.p.probability * 100, 1)} % |`,
  );
}
// Whole processes, as a user runs them: median of 3, the result checked against one thread's.
const bin = fileURLToPath(new URL('../../bin/placement.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'placement-mc-'));
for (const [i, [name, yaml]] of variants.entries()) {
  const scenario = join(work, `variant-${i}.yaml`);
  writeFileSync(scenario, yaml);
  const times = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, 'simulate', scenario, '--trials', String(trials), '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    times.push(seconds(t0));
    if (r.status !== 0) throw new Error(`${name}: simulate failed: ${r.stderr}`);
    const mc = JSON.parse(r.stdout);
    if (JSON.stringify(mc.placements) !== JSON.stringify(results[i].one.placements) || mc.trials !== trials)
      throw new Error(`${name}: simulate gave another result than the trials run here`);
  }
  results[i].process = [...times].sort((a, b) => a - b)[1];
}
rmSync(work, { recursive: true, force: true });
console.log('\n| scenario | trials | `placement simulate`, whole process (s, median of 3) |');
console.log('|---|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${fmt(trials)} | ${fmt(r.process, 2)} |`);
// The target is the scenario with growth (issue 18); flat demand is shown for comparison.
const growth = results[results.length - 1];
console.log(
  `${growth.process <= 1 ? 'PASS' : 'MISS'}  ${growth.name}: ${fmt(trials)} trials within a second, whole process (${fmt(growth.process, 2)} s)`,
);
