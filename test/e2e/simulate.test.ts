import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPlacement, expectCleanError } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const tmp = tempDir('placement-simulate-');
function write(name: string, body: string): string {
  const file = join(tmp, name);
  writeFileSync(file, body);
  return file;
}
const HEAD = `schemaVersion: 1
name: mc
workload: {referenceGpus: 10, utilization: {assumed: 0.5}}
options:
`;

describe('placement simulate and the confidence line (issue 7)', () => {
  test('the bundled example: verdict probabilities sum to 1, P10 ≤ P50 ≤ P90, the same seed the same JSON', async () => {
    const a = await runPlacement([
      'simulate',
      'scenarios/uncertain-prices.yaml',
      '--trials',
      '2000',
      '--seed',
      '7',
      '--json',
    ]);
    expect([a.code, a.stderr]).toEqual([0, '']);
    const r = JSON.parse(a.stdout);
    expect(r).toMatchObject({ scenario: 'uncertain-prices', trials: 2000, seed: 7, baseVerdict: 'dedicated-reserved' });
    expect(r.fields.map((f: { field: string }) => f.field)).toEqual([
      'workload.utilization.assumed',
      'options.cloud.onDemandPerGpuHour',
      'options.dedicated.perGpuHour',
      'options.onPrem.hardware[0].unitCost',
      'options.onPrem.electricityPerKwh',
    ]);
    expect(r.placements.reduce((s: number, p: { probability: number }) => s + p.probability, 0)).toBeCloseTo(1, 12);
    for (const m of [...r.monthly, ...r.npv])
      expect(m.spread.p10 <= m.spread.p50 && m.spread.p50 <= m.spread.p90).toBe(true);
    expect(
      (await runPlacement(['simulate', 'scenarios/uncertain-prices.yaml', '--trials', '2000', '--seed', '7', '--json']))
        .stdout,
    ).toBe(a.stdout);
    const table = (await runPlacement(['simulate', 'scenarios/uncertain-prices.yaml', '--trials', '2000'])).stdout;
    expect(table).toContain('2,000 trials, seed 1');
    expect(table).toMatch(/NPV of on-prem vs cloud/);
  });
  test('analyze adds one line of confidence, and the report carries it', async () => {
    const t = await runPlacement(['analyze', 'scenarios/uncertain-prices.yaml', '--trials', '1000']);
    const lines = t.stdout.split('\n');
    const block = lines.slice(0, lines.indexOf(''));
    expect(
      block.filter((l) => /^Confidence: dedicated-reserved in \d+\.\d% of 1,000 trials \(seed 1\)/.test(l)),
    ).toHaveLength(1);
    const r = JSON.parse(
      (await runPlacement(['analyze', 'scenarios/uncertain-prices.yaml', '--trials', '1000', '--json'])).stdout,
    );
    expect(r.verdict.confidence).toMatchObject({ trials: 1000, seed: 1 });
    expect(r.verdict.confidence.probability).toBe(
      r.verdict.confidence.placements.find((p: { placement: string }) => p.placement === 'dedicated-reserved')
        .probability,
    );
    expect(
      JSON.parse((await runPlacement(['analyze', 'scenarios/stable-high-volume.yaml', '--json'])).stdout).verdict
        .confidence,
    ).toBeNull();
  });
  test('nothing uncertain: simulate says so, exit 2', async () => {
    const r = await runPlacement(['simulate', 'scenarios/stable-high-volume.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no field is a distribution, so there is nothing to simulate/);
  });
  test('bad distributions: file, line, column, field, and what would be valid', async () => {
    const cases: Array<[string, RegExp]> = [
      [
        '  cloud: {onDemandPerGpuHour: {triangular: [4, 2, 5]}}\n',
        /:5:31: options\.cloud\.onDemandPerGpuHour: triangular needs min ≤ mode ≤ max and min < max, got \[4, 2, 5\]/,
      ],
      [
        '  cloud: {onDemandPerGpuHour: {normal: {mean: 1, sd: 0.5}}}\n',
        /options\.cloud\.onDemandPerGpuHour: normal mean 1, sd 0.5 reaches -0\.5, which is not valid here: /,
      ],
      [
        '  cloud: {onDemandPerGpuHour: 4, targetUtilization: {uniform: [0.5, 1.2]}}\n',
        /options\.cloud\.targetUtilization: uniform \[0\.5, 1\.2\] reaches 1\.2, which is not valid here/,
      ],
      ['  cloud: {onDemandPerGpuHour: {uniform: [2]}}\n', /uniform takes \[a, b\], two numbers/],
    ];
    for (const [body, message] of cases) {
      const r = await runPlacement(['analyze', write('bad.yaml', HEAD + body)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expectCleanError(r.stderr);
    }
    const thresholds = await runPlacement([
      'validate',
      write('thresholds.yaml', `${HEAD}  cloud: {onDemandPerGpuHour: 4}\nthresholds: [{uniform: [0.3, 0.5]}]\n`),
    ]);
    expect(thresholds.code).toBe(2);
    expect(thresholds.stdout + thresholds.stderr).toMatch(/thresholds\[0\]: a distribution is not allowed here/);
    const whole = await runPlacement([
      'validate',
      write(
        'whole.yaml',
        `${HEAD.replace('referenceGpus: 10', 'referenceGpus: {uniform: [8, 12]}')}  cloud: {onDemandPerGpuHour: 4}\n`,
      ),
    ]);
    expect(whole.code).toBe(2);
    expect(whole.stdout + whole.stderr).toMatch(
      /workload\.referenceGpus: uniform \[8, 12\] reaches 9\.27[0-9]*, which is not valid here: /,
    );
  });
  test('--trials, --seed and --jobs are checked', async () => {
    expect((await runPlacement(['simulate', 'scenarios/uncertain-prices.yaml', '--trials', '0'])).stderr).toMatch(
      /expected a whole number of trials/,
    );
    expect((await runPlacement(['simulate', 'scenarios/uncertain-prices.yaml', '--seed', '-1'])).code).toBe(2);
    const jobs = await runPlacement(['simulate', 'scenarios/uncertain-prices.yaml', '--jobs', '0']);
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toMatch(/expected a whole number of threads from 1 to 256, got "0"/);
  });
});
