import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPlacement, expectCleanError, REPO } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// Real captures from ../shared/data (beside the checkout; skipped without it): a verdict on data
// that cannot carry it must say so.
const SHARED = join(REPO, '..', 'shared', 'data');
const HAVE_SHARED = existsSync(SHARED);
const tmp = tempDir('placement-thin-');

/** The scenario `placement init --yes` writes, its history given on the command line as a user would. */
const initScenario = join(tmp, 'mine.yaml');
await runPlacement(['init', initScenario, '--yes']);

describe.skipIf(!HAVE_SHARED)('a three-row nvidia-smi sample', async () => {
  const sample = join(SHARED, 'telemetry-samples', 'nvidia-smi-index-first.csv');
  const r = await runPlacement(['analyze', initScenario, '--utilization', sample]);
  test('a PROVISIONAL verdict that names what is missing, exit 0', () => {
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^[a-z-]+ · PROVISIONAL · mine$/);
    const block = lines.slice(0, lines.indexOf('')).join(' ');
    expect(block).toContain('To make it firm: 89 more days of history (it spans 1 of the 90 needed)');
    // One GPU in the export, eight in the scenario.
    expect(block).toMatch(/the\s+export shows 1 GPU but the scenario says 8/);
    // Its one day ended in 2020: the review date is already past, and the view says so.
    expect(block).toMatch(/Look again by 2021-02-10: already past, the history ends 2020-11-12/);
  });
  test('the JSON says the same: status, needs, and the extent of the data', async () => {
    const j = JSON.parse((await runPlacement(['analyze', initScenario, '--utilization', sample, '--json'])).stdout);
    expect(j.verdict.status).toBe('provisional');
    expect(j.verdict.needs.map((n: { code: string }) => n.code)).toEqual(['need-longer-history', 'need-gpus-match']);
    expect(j.dataQuality).toMatchObject({ utilizationDays: 1, gpusSeen: 1, referenceGpus: 8 });
  });
});

describe.skipIf(!HAVE_SHARED)('a two-day trace from real H100 captures', () => {
  // The exporter's idle and load captures of one H100 (212 columns each), the idle one dated a day
  // earlier: idle on day one, busy on day two, a "trend" of thousands of percent a month.
  const H100 = join(SHARED, 'real', 'nvidia-gpu-exporter');
  const capture = (f: string) => (HAVE_SHARED ? readFileSync(join(H100, f), 'utf8').trim().split('\n') : ['', '']);
  const load = capture('h100-80gb-hbm3_590.48.01_load.csv');
  const idle = capture('h100-80gb-hbm3_590.48.01_idle.csv');
  const trace = join(tmp, 'two-days.csv');
  writeFileSync(trace, `${[load[0], idle[1]!.replace(/^2026\/07\/14/, '2026/07/13'), load[1]].join('\n')}\n`);
  const scenario = join(tmp, 'two-days.yaml');
  writeFileSync(
    scenario,
    `schemaVersion: 1
name: two-days
workload:
  referenceGpus: 1
  utilization: {source: two-days.csv}
options:
  cloud: {onDemandPerGpuHour: 3.0}
  dedicated: {perGpuHour: 2.2}
  onPrem:
    gpusPerServer: 8
    servers: 1
    hardware: [{name: node, unitCost: 250000, usefulLifeMonths: 48}]
    powerKwPerServer: 10
    pue: 1.3
    electricityPerKwh: 0.1
    facilityPerKwMonth: 150
    staff: {ftes: 0.1, costPerFteYear: 180000}
`,
  );
  test('no growth unless asked; what the trend would do is a sensitivity, bounded', async () => {
    const r = await runPlacement(['analyze', scenario, '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const j = JSON.parse(r.stdout);
    expect(j.utilization.trendPerMonth).toBeGreaterThan(10); // +1,000 points a month and more
    expect(j.growth).toMatchObject({ applied: false, perMonth: 0, source: 'none' });
    const cloud = j.options.find((o: { id: string }) => o.id === 'cloud');
    expect(cloud.horizonAverageMonthly).toBeCloseTo(cloud.monthly.total, 6);
    // Linear and floored at zero, the trend cannot run to 1e53.
    for (const o of j.growth.ifTrendContinues.options) expect(Math.abs(o.horizonAverageMonthly)).toBeLessThan(1e8);
    expect(j.verdict.status).toBe('provisional');
  });
  test('the table has no number wider than a table cell', async () => {
    const r = await runPlacement(['analyze', scenario]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\d{16}|e[+-]\d/);
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith('│')))
      expect([...line].length).toBeLessThanOrEqual(100);
  });
  test('asking to fit growth on two days is refused with the reason, exit 2', async () => {
    writeFileSync(
      join(tmp, 'fitted.yaml'),
      readFileSync(scenario, 'utf8').replace(
        '  utilization: {source: two-days.csv}',
        '  utilization: {source: two-days.csv}\n  growthPerMonth: fitted',
      ),
    );
    const r = await runPlacement(['analyze', join(tmp, 'fitted.yaml')]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(
      /fitted\.yaml:6:19: workload\.growthPerMonth: "fitted" needs 90 days of history with data in 80 % of the hours; this one spans 2 days/,
    );
    expectCleanError(r.stderr);
  });
});

describe('hostile scenarios: exit 2 with one short, clean line', () => {
  const scenario = (extra: string, utilization = '{assumed: 0.5}') =>
    `schemaVersion: 1\nname: h\n${extra}workload: {referenceGpus: 8, utilization: ${utilization}}\noptions: {cloud: {onDemandPerGpuHour: 3}}\n`;
  /** `analyze` of a scenario whose utilization history is `path`, written with `content` first. */
  const analyzeHistory = async (path: string, content: string): ReturnType<typeof runPlacement> => {
    writeFileSync(path, content);
    const file = `${path}.yaml`;
    writeFileSync(file, scenario('', `{source: ${path}}`));
    return await runPlacement(['analyze', file]);
  };
  const cases: Array<[string, string, RegExp]> = [
    ['a horizon of 1e8 months', scenario('horizonMonths: 100000000\n'), /horizonMonths: must be ≤ 600/],
    ['a window of 1e8 days', scenario('window: {days: 100000000}\n'), /window\.days: must be ≤ 3660/],
    ['an undefined alias', 'a: &a [1]\nb: *c\n', /not a usable scenario: Unresolved alias/],
    [
      'an alias bomb',
      Array.from({ length: 10 }, (_, i) =>
        i === 0
          ? 'a0: &a0 [x,x,x,x,x,x,x,x,x,x]'
          : `a${i}: &a${i} [${Array(10)
              .fill(`*a${i - 1}`)
              .join(',')}]`,
      ).join('\n'),
      /not a usable scenario: Excessive alias count/,
    ],
    [
      'a model change on 30 February',
      scenario('').replace('workload: {', 'workload: {modelChanges: ["2026-02-30"], '),
      /modelChanges\[0\]: no such date/,
    ],
    [
      'growth of 1e300 a month',
      scenario('').replace('workload: {', 'workload: {growthPerMonth: 1e300, '),
      /growthPerMonth: must be ≤ 1/,
    ],
    [
      'a tab that breaks the YAML (one line, not dozens)',
      scenario('').replace('name: h', 'name: h\nx:\n\t- 1\n\ty: 2\n\tz: 3'),
      /Tabs are not allowed/,
    ],
    ['a sample dated 1970', scenario('', '{samples: [{t: "1", u: 0.5}]}'), /between 2000 and 2099/],
    [
      'lists nested 100,000 deep',
      `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
      /hostile\.yaml:1:\d+: nested far too deeply to be a scenario/,
    ],
    [
      'terminal escapes in a key',
      scenario('"\\e[31mevil\\e]0;title\\a": 1\n'),
      /hostile\.yaml:3:1: \?\[31mevil\?\]0;title\?: unknown key/,
    ],
    [
      'a terminal escape in the name',
      scenario('').replace('name: h', 'name: "\\e[31mred"'),
      /control characters .* not allowed in a name, got the text "\?\[31mred"/,
    ],
  ];
  test.each(cases)('%s', async (_what, text, message) => {
    const file = join(tmp, 'hostile.yaml');
    writeFileSync(file, text);
    const r = await runPlacement(['analyze', file]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\u001b/);
    expectCleanError(r.stderr);
  });
  test('thousands of unknown keys: ten problems and a count', async () => {
    const file = join(tmp, 'many.yaml');
    writeFileSync(file, scenario(Array.from({ length: 3000 }, (_, i) => `bogus${i}: 1\n`).join('')));
    const r = await runPlacement(['analyze', file]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toMatch(/and 2990 more problems$/);
  });
  test.each([
    ['a passwd file', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/bin/false\n'],
    ['an environment dump', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI\0HOME=/root\0'],
  ])('%s named as a history is not echoed back', async (_what, content) => {
    const r = await analyzeHistory(join(tmp, 'leak'), content);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the first line does not look like a CSV header/);
    expect(r.stderr).not.toMatch(/root:|wJalr|\/bin/);
  });
  test.each(['1', '99999999999999999', '1999-12-31 23:00:00', '2100-01-01T00:00:00Z'])(
    'a history time of %s is refused, not read',
    async (t) => {
      const r = await analyzeHistory(join(tmp, 'far.csv'), `timestamp,utilization\n${t},50\n`);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/far\.csv:2:1: .*between 2000 and 2099/);
    },
  );
  test('a Prometheus sample stamped beyond any calendar is refused', async () => {
    const r = await analyzeHistory(join(tmp, 'far.prom'), 'DCGM_FI_DEV_GPU_UTIL{gpu="0"} 5 99999999999999999\n');
    expect([r.code, r.stderr]).toEqual([
      2,
      expect.stringMatching(/far\.prom:1: a time between 2000 and 2099 was expected/),
    ]);
  });
  test.each(['2026-02-30', '1999-12-31'])('--as-of %s is refused', async (date) => {
    const file = join(tmp, 'asof.yaml');
    writeFileSync(file, scenario(''));
    const r = await runPlacement(['analyze', file, '--as-of', date]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected a calendar date as YYYY-MM-DD, between 2000 and 2099/);
  });
  test('a line without end in a history: refused at 1 MiB, memory bounded', async () => {
    const csv = join(tmp, 'endless.csv');
    const r = await analyzeHistory(csv, `timestamp,utilization\n${'7'.repeat(3 * 1024 * 1024)}`);
    expect([r.code, r.stderr]).toEqual([
      2,
      `placement: ${csv}:2: the line is longer than 1 MiB: not a file of rows (a history has one short row per line)\n`,
    ]);
  });
  test('a price of 1e306: refused as an overflow by analyze and sensitivity, never printed as ∞', async () => {
    const file = join(tmp, 'overflow.yaml');
    writeFileSync(
      file,
      scenario('').replace(
        '{cloud: {onDemandPerGpuHour: 3}}',
        '{cloud: {onDemandPerGpuHour: 1e306}, dedicated: {perGpuHour: 2, termMonths: 12}}',
      ),
    );
    for (const command of ['analyze', 'sensitivity']) {
      const r = await runPlacement([command, file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/overflow.yaml: the results cannot be computed \(they overflow\)/);
      expect(r.stdout).toBe('');
    }
  });
  test('a scenario saved as UTF-16 (Windows PowerShell 5) reads as the same scenario', async () => {
    const text = scenario('');
    const utf8 = join(tmp, 'plain.yaml');
    const utf16 = join(tmp, 'windows.yaml');
    writeFileSync(utf8, text);
    writeFileSync(utf16, Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(text, 'utf16le')]));
    const a = await runPlacement(['analyze', utf8, '--json']);
    const b = await runPlacement(['analyze', utf16, '--json']);
    expect([b.code, b.stderr]).toEqual([0, '']);
    expect(JSON.parse(b.stdout).verdict).toEqual(JSON.parse(a.stdout).verdict);
  });
  test('a device that never ends, as the scenario: refused at 1 MiB', async () => {
    const r = await runPlacement(['analyze', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/dev\/zero: is larger than 1 MiB/);
  });
  test('what a message quotes of a file is short and keeps no NAME=value secret', async () => {
    const r = await analyzeHistory(join(tmp, 'environ'), 'SECRET_TOKEN=abc123def456\0HOME=/root\0');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('abc123');
    expect(r.stderr).not.toMatch(/\u0000/);
  });
});

describe.skipIf(!HAVE_SHARED)('inspect of a one-row capture', () => {
  test('one sample, said in the singular', async () => {
    const r = await runPlacement(['inspect', join(SHARED, 'real', 'nvidia-gpu-exporter', 'l40s_595.80_load.csv')]);
    expect(r.stdout).toContain('rows        1 (1 sample, all readable, none repeated, in order)');
  });
});
